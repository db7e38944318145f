/* Spasm Relief Guide offline worker. scripts/offline_worker.py puts BUILD (a hash of the files),
 * FILES (every file of the guide a reader needs offline), WORDS (the notice in the edition's
 * language) and ELSEWHERE (folders of other editions, each with its own worker) above this text.
 *
 * - Install: download every file of this build into one cache named after the build. All or
 *   nothing: if one download fails, the cache is deleted and the old build's cache stays in use.
 * - Activate: delete every other build's cache, so two builds are never mixed.
 * - Pages: the network first, so a reader online always gets the newest text; if the network
 *   fails or is too slow, the saved copy, with a notice that says so (and says when the page's
 *   review date has passed).
 * - The files a page loads (CSS, JS, fonts, search) come from where the page came from: a page
 *   from the network gets them as it would with no worker (the browser's own cache, then the
 *   network), so it never mixes this build's files with a newer deploy's page; the saved copy is
 *   only the fallback. A page from the saved copy gets them from the saved copy, at once.
 * - PDFs: saved when first opened.
 * Only requests to this site's own address, under its path, are handled; nothing else is sent.
 */
"use strict"

const SCOPE = new URL("./", self.location).href // sw.js sits at the root of the site
const PREFIX = "spasm-relief-guide " + new URL(SCOPE).pathname + " " // two sites on one origin keep apart
const CACHE = PREFIX + BUILD
const SAVED_AT = SCOPE + "offline-saved-at" // when this build was saved (not a file of the site)
const PAGE_TIMEOUT = 6000 // ms before a slow network gives way to the saved copy
const fromSavedCopy = new Set() // the pages (clients) answered from the saved copy; forgotten if the worker stops

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    try {
      // no-cache: check with the server, so a file the browser kept from an older build is not saved
      await cache.addAll(FILES.map((file) => new Request(file, { cache: "no-cache" })))
      await cache.put(SAVED_AT, new Response(new Date().toISOString()))
    } catch (error) {
      await caches.delete(CACHE)
      throw error
    }
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name)
    }
    await self.clients.claim()
  })())
})

self.addEventListener("fetch", (event) => {
  const request = event.request
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return
  if (ELSEWHERE.some((folder) => request.url.startsWith(SCOPE + folder))) return // another edition's
  const path = new URL(request.url).pathname
  if (path.endsWith(".pdf")) event.respondWith(savedOrFetched(request))
  else if (request.mode === "navigate") event.respondWith(page(event))
  else if (fromSavedCopy.has(event.clientId)) event.respondWith(saved(request))
  else event.respondWith(networkOrSaved(request))
})

async function saved(request) {
  const cache = await caches.open(CACHE)
  return (await cache.match(request, { ignoreSearch: true })) || fetch(request)
}

async function savedOrFetched(request) {
  const cache = await caches.open(CACHE)
  const copy = await cache.match(request, { ignoreSearch: true })
  if (copy) return copy
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

async function networkOrSaved(request) {
  try {
    return await fetch(request)
  } catch (error) {
    const copy = await (await caches.open(CACHE)).match(request, { ignoreSearch: true })
    if (copy) return copy
    throw error
  }
}

async function page(event) {
  const request = event.request
  try {
    return await Promise.race([
      fetch(request, { cache: "no-cache" }), // ask the server even if the browser kept a copy: the newest text
      new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow")), PAGE_TIMEOUT)),
    ])
  } catch (error) {
    if (event.resultingClientId) fromSavedCopy.add(event.resultingClientId)
    return savedPage(request)
  }
}

async function savedPage(request) {
  const cache = await caches.open(CACHE)
  const url = new URL(request.url)
  url.search = url.hash = ""
  let path = url.pathname.replace(/index\.html$/, "")
  if (!path.endsWith("/") && !/\.[a-z0-9]+$/i.test(path)) path += "/" // /relief/magnesium -> /relief/magnesium/
  let copy = await cache.match(new URL(path, url).href)
  const found = Boolean(copy)
  if (!copy) copy = await cache.match(SCOPE + "404.html")
  if (!copy) return Response.error()
  const savedAt = await cache.match(SAVED_AT)
  const html = withNotice(await copy.text(), savedAt ? await savedAt.text() : "", found)
  return new Response(html, { status: found ? 200 : 404, headers: { "Content-Type": "text/html; charset=utf-8" } })
}

function day(date, timeZone) {
  return new Date(date).toLocaleDateString(WORDS.locale, { day: "numeric", month: "long", year: "numeric", timeZone })
}

function withNotice(html, savedAt, found) {
  let text = "<p><strong>" + WORDS.saved + (savedAt ? " " + WORDS.from + " " + day(savedAt) : "") + ".</strong> "
  text += (found ? WORDS.offline : WORDS.missing) + "</p>"
  const due = /class="review-dates"[\s\S]*?<time[\s\S]*?<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(html)
  if (due && new Date(due[1] + "T23:59:59Z") < new Date()) {
    text += "<p><strong>" + WORDS.due + " " + day(due[1], "UTC") + ".</strong> " + WORDS.outOfDate + "</p>"
  }
  const notice = '<div class="saved-copy" role="note" aria-label="' + WORDS.saved + '">' + text + "</div>"
  return html.replace(/<article class="md-content__inner md-typeset">/, (article) => article + notice)
}
