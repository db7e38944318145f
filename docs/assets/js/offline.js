/* Save the whole guide on this device, to read it offline (sw.js, written by scripts/offline_worker.py).
 *
 * The worker is registered only once the page has loaded and the browser is idle, so the first
 * visit paints as fast as without it; the worker then downloads the guide in the background.
 * Loaded only by the published site (overrides/partials/web-app.html), never by `mkdocs serve`
 * or the file:// bundle, where a worker cannot run.
 */
(function () {
  "use strict"
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return
  var worker = new URL("../../sw.js", document.currentScript.src).href // this file is assets/js/offline.js

  function register() {
    navigator.serviceWorker.register(worker).catch(function () {}) // no worker: the site works as before
  }
  function whenIdle() {
    if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 10000 })
    else setTimeout(register, 2000) // Safari has no requestIdleCallback
  }
  if (document.readyState === "complete") whenIdle()
  else addEventListener("load", whenIdle)
})()
