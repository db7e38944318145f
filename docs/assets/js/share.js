/* Share a page or a section without third parties: the Web Share API where the device has
   one (phones), otherwise copy the link and say so. A heading's permalink also copies its link. */
(function () {
  "use strict";
  var ALL = {
    en: { copy: "Copy this link: ", copied: "Link copied. You can paste it into a message or email.",
          section: "Link to this section copied." },
    es: { copy: "Copia este enlace: ", copied: "Enlace copiado. Puedes pegarlo en un mensaje o un correo.",
          section: "Enlace a esta sección copiado." }
  };
  var WORDS = ALL[document.documentElement.lang] || ALL.en;

  function say(status, text) {
    if (!status) return;
    status.textContent = text;
    setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function copy(url, status, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(
        function () { say(status, done); },
        function () { say(status, WORDS.copy + url); }
      );
    } else {
      say(status, WORDS.copy + url);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".share__button");
    if (button) {
      var url = button.dataset.shareUrl;
      var status = button.parentElement.querySelector(".share__status");
      if (navigator.share) {
        navigator.share({ title: button.dataset.shareTitle, url: url }).catch(function () {});
      } else {
        copy(url, status, WORDS.copied);
      }
      return;
    }
    var permalink = event.target.closest(".md-typeset .headerlink");
    var share = document.querySelector(".share__button");
    if (permalink && share) {
      copy(share.dataset.shareUrl + permalink.getAttribute("href"),
           document.querySelector(".share__status"), WORDS.section);
    }
  });
})();
