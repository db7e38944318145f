/* Spasm Relief Guide: forgiving search. Appended to Material's search worker by
 * sitebuild/postbuild.py, so it runs wherever the worker runs (online and offline).
 *
 * Material makes every word a prefix match ("cramps" becomes "cramps*"), and Lunr skips its
 * word pipeline for prefix matches. So "cramps" missed "cramp", "is" and "a" matched almost
 * every page, and a typo found nothing. Each typed word is now:
 *   1. dropped if it is a common word (what, is, a, in, my), unless nothing else is left;
 *   2. cut back to its stem, so "cramps", "cramping" and "tingling" find "cramp" and "tingle";
 *   3. if no word on the site starts with it, replaced by the site's most used word one
 *      letter away (two for long words), so "magnesum" and "acupunture" still land;
 *   4. weighted by how many site words start with it, so each typed word counts once: "cramp"
 *      (cramp, cramps, cramping, ...) no longer outweighs "feet" in "cramps in my feet".
 * Common words and stems are the index's language: the Spanish edition's worker loads lunr.es
 * (its stemmer and common words), and the rules use whichever language the worker loaded.
 * And accents are folded on both sides: the index holds "musculo" for "músculo", and a typed
 * "músculo" or "musculo" looks for "muscul*", so a word finds its page with or without accents.
 */
(function (lunr) {
  "use strict"
  var OPTIONAL = lunr.Query.presence.OPTIONAL
  var ACUTE = {a: "\u00e1", e: "\u00e9", i: "\u00ed", o: "\u00f3", u: "\u00fa"}
  var index // the site's index, kept when Material builds it (before any query)
  var language = lunr // its stemmer and common words: lunr's own (English) or a loaded language's (lunr.es)

  function fold(word) { // "músculo" -> "musculo", "contracción" -> "contraccion", "sueño" -> "sueno"
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  }

  function foldAccents(token) {
    return token.update(fold)
  }
  lunr.Pipeline.registerFunction(foldAccents, "foldAccents")

  function loadedLanguage() { // the one language file the worker loaded for this index (lunr.es), else English
    var loaded = Object.keys(lunr).filter(function (code) {
      return lunr[code] && typeof lunr[code].stemmer === "function" && typeof lunr[code].stopWordFilter === "function"
    })
    return loaded.length === 1 ? lunr[loaded[0]] : lunr
  }

  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.foldsAccents) { // the first page: Material has set up the pipelines and loaded the language
      this.foldsAccents = true
      language = loadedLanguage()
      this.pipeline.add(foldAccents) // last, so the common-word filter still sees "más" and "qué"
      this.searchPipeline.add(foldAccents)
    }
    return add.call(this, doc, attributes)
  }

  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    index = build.call(this)
    return index
  }

  function wordsStartingWith(prefix) {
    return index.tokenSet.intersect(lunr.TokenSet.fromString(prefix + "*")).toArray().length
  }

  function pages(word) { // how many pages and sections use the word
    var fields = index.invertedIndex[word] || {}
    var refs = {}
    Object.keys(fields).forEach(function (field) {
      if (field !== "_index") Object.keys(fields[field]).forEach(function (ref) { refs[ref] = true })
    })
    return Object.keys(refs).length
  }

  function nearestWord(word) {
    for (var distance = 1; distance <= (word.length >= 8 ? 2 : 1); distance++) {
      var near = index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, distance)).toArray()
      if (near.length) return near.sort(function (a, b) { return pages(b) - pages(a) || (a < b ? -1 : 1) })[0]
    }
  }

  function stem(word) { // the stem, or the part it shares with the word ("happy" -> "happ"); accents folded
    var stemmed = fold(language.stemmer(new lunr.Token(word)).toString())
    var shared = 0
    word = fold(word)
    while (shared < stemmed.length && stemmed[shared] === word[shared]) shared++
    return shared >= 3 ? word.slice(0, shared) : word
  }

  function common(word) { // typed with or without its accent: "qué", "que", "cómo", "mas" (más), "si" (sí)
    var forms = [word, fold(word)]
    for (var i = 0; i < forms[1].length; i++) {
      if (ACUTE[forms[1][i]]) forms.push(forms[1].slice(0, i) + ACUTE[forms[1][i]] + forms[1].slice(i + 1))
    }
    return forms.some(function (form) { return !language.stopWordFilter(form) })
  }

  function rewrite(clauses) {
    var typed = clauses.filter(function (clause) {
      return clause.presence === OPTIONAL && clause.editDistance === undefined && /^[^*]+\*$/.test(clause.term)
    })
    var dropped = typed.filter(function (clause) { return common(clause.term.slice(0, -1)) })
    if (dropped.length === typed.length) dropped = [] // only common words: search for them as typed
    typed.forEach(function (clause) {
      if (dropped.indexOf(clause) >= 0) return
      var word = clause.term.slice(0, -1).replace(/\u2019/g, "'")
      var prefix = stem(word)
      if (word.length >= 4 && !wordsStartingWith(prefix)) {
        var near = nearestWord(fold(word))
        if (near) prefix = stem(near)
      }
      clause.term = prefix + "*"
      clause.boost = 1 / Math.max(1, wordsStartingWith(prefix))
    })
    return clauses.filter(function (clause) { return dropped.indexOf(clause) < 0 })
  }

  var parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this)
    query.clauses = rewrite(query.clauses)
    return query
  }
})(self.lunr)
