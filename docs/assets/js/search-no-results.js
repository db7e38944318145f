/* When search finds nothing, show links to the main sections under Material's
   "No matching documents" message, so a reader in pain is never at a dead end. */
(function () {
  "use strict";
  var ALL = { // each edition's main sections, by their source path without ".md"
    en: { intro: "Try a shorter or simpler word, or go to a main section:", label: "Main sections", sections: [
      ["During a spasm or cramp right now", "relief/during-a-spasm"],
      ["What is happening in my body", "understanding/index"],
      ["What helps", "relief/index"],
      ["When to get help", "get-help/index"],
      ["Tools", "tools/index"]
    ] },
    es: { intro: "Prueba con una palabra más corta o más sencilla, o ve a una sección principal:",
          label: "Secciones principales", sections: [
      ["Durante un espasmo o calambre, ahora mismo", "alivio/durante-un-espasmo"],
      ["Qué pasa en mi cuerpo", "entender/index"],
      ["Qué ayuda", "alivio/index"],
      ["Cuándo pedir ayuda", "pedir-ayuda/index"],
      ["Herramientas", "herramientas/index"]
    ] }
  };
  var words = ALL[document.documentElement.lang] || ALL.en;
  var sections = words.sections;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var none = config.translations["search.result.none"];
  var meta = document.querySelector(".md-search-result__meta");
  if (!meta) return;

  var box = document.createElement("nav");
  box.className = "md-typeset search-no-results";
  box.setAttribute("aria-label", words.label);
  box.style.padding = "0 0.8rem 0.8rem";
  box.hidden = true;
  var intro = document.createElement("p");
  intro.textContent = words.intro;
  var list = document.createElement("ul");
  sections.forEach(function (section) {
    var link = document.createElement("a");
    link.textContent = section[0];
    // Online, "relief/index" is the folder "relief/" and a page is a folder of its own; the offline
    // copy (opened from files, where a folder does not open its index.html) uses "relief/index.html".
    var path = location.protocol === "file:" ? section[1] + ".html" : section[1].replace(/(^|\/)index$/, "$1").replace(/([^/])$/, "$1/");
    link.href = new URL(config.base.replace(/\/?$/, "/") + path, location.href).href;
    var item = document.createElement("li");
    item.appendChild(link);
    list.appendChild(item);
  });
  box.appendChild(intro);
  box.appendChild(list);
  meta.insertAdjacentElement("afterend", box);

  function update() {
    box.hidden = meta.textContent.trim() !== none;
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  update();
})();
