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
 */
(function (lunr) {
  "use strict"
  var OPTIONAL = lunr.Query.presence.OPTIONAL
  var index // the site's index, kept when Material builds it (before any query)

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

  function stem(word) { // the stem, or the part it shares with the word ("happy" -> "happ")
    var stemmed = lunr.stemmer(new lunr.Token(word)).toString()
    var shared = 0
    while (shared < stemmed.length && stemmed[shared] === word[shared]) shared++
    return shared >= 3 ? word.slice(0, shared) : word
  }

  function rewrite(clauses) {
    var typed = clauses.filter(function (clause) {
      return clause.presence === OPTIONAL && clause.editDistance === undefined && /^[^*]+\*$/.test(clause.term)
    })
    var common = typed.filter(function (clause) { return !lunr.stopWordFilter(clause.term.slice(0, -1)) })
    if (common.length === typed.length) common = [] // only common words: search for them as typed
    typed.forEach(function (clause) {
      if (common.indexOf(clause) >= 0) return
      var word = clause.term.slice(0, -1).replace(/\u2019/g, "'")
      var prefix = stem(word)
      if (word.length >= 4 && !wordsStartingWith(prefix)) {
        var near = nearestWord(word)
        if (near) prefix = stem(near)
      }
      clause.term = prefix + "*"
      clause.boost = 1 / Math.max(1, wordsStartingWith(prefix))
    })
    return clauses.filter(function (clause) { return common.indexOf(clause) < 0 })
  }

  var parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this)
    query.clauses = rewrite(query.clauses)
    return query
  }
})(self.lunr)
