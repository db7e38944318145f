/* Save the whole guide on this device, to read it offline (sw.js, written by scripts/offline_worker.py).
 *
 * The worker is registered only once the page has loaded, its own start-up scripts have had
 * a few seconds to run (on a slow phone they run on after the load event), and the browser is
 * idle: the first visit paints and answers as fast as without it. The worker then downloads the
 * guide in the background.
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
  function afterStartUp() { setTimeout(whenIdle, 3000) }
  if (document.readyState === "complete") afterStartUp()
  else addEventListener("load", afterStartUp)
})()
