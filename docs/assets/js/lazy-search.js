/* Load search only when the reader opens it, and send no sitemap lookups.
 *
 * On every page view Material downloads the search index (about 75 KB compressed) and starts
 * its search worker (about 14 KB), though most readers never search. This holds both back
 * until the search box is touched, focused or opened (by a click, a keyboard shortcut or a
 * ?q= link); the reader then waits a moment, once per page.
 * Material also requests "sitemap.xml" beside every <link rel="alternate"> in the head, for its
 * own language selector. This site's alternates are the same page in the other language
 * (scripts/languages.py), not a language's home, so those addresses do not exist: the requests
 * are not sent (Material then keeps its plain links, which already go to the right page).
 * Loaded before Material's bundle (overrides/main.html). Under file:// (the offline bundle)
 * Material already waits for search to open, and no page has alternates, so this does nothing there.
 */
(function () {
  "use strict"
  if (location.protocol === "file:") return

  var waiting = [] // what runs when search opens
  function whenOpen(run) {
    if (waiting) waiting.push(run)
    else run()
  }
  function open() {
    if (!waiting) return
    var runs = waiting
    waiting = null
    runs.forEach(function (run) { run() })
  }

  // The index: Material requests it with XMLHttpRequest as the page loads.
  var xhrOpen = XMLHttpRequest.prototype.open
  var xhrSend = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = /\/search\/search_index\.json$/.test(String(url))
    this.isSitemap = /\/sitemap\.xml$/.test(String(url))
    return xhrOpen.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (request.isSitemap) return // never needed: see above
    if (!request.isSearchIndex) return xhrSend.apply(request, args)
    whenOpen(function () { xhrSend.apply(request, args) })
  }

  // The worker: Material gets a stand-in that starts the real worker when search opens.
  var RealWorker = window.Worker
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new RealWorker(url, options)
    var standIn = new EventTarget()
    var worker = null
    var queued = []
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message)
      else queued.push(message)
    }
    standIn.terminate = function () { if (worker) worker.terminate() }
    whenOpen(function () {
      worker = new RealWorker(url, options)
      worker.onmessage = function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }))
      }
      queued.forEach(function (message) { worker.postMessage(message) })
    })
    return standIn
  }

  // What opens search: a touch or click on it, focus in its box, its toggle (shortcuts, ?q=).
  addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search], .md-search")) open()
  }, { passive: true })
  addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) open()
  })
  addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open()
  })
})()
