"""The installable, offline guide: the manifest and icons (scripts/web_app.py) and the offline
worker (sw.js, written by scripts/offline_worker.py from scripts/offline_worker.js).

The browser tests serve a copy of the built site from 127.0.0.1 (a worker needs http(s), and every
test gets a fresh browser profile), through a server that can switch to another build at the same
address, as a deploy does, or stop answering, as a phone without signal.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, build_pdfs
from mkdocs.config import load_config

import offline_worker  # noqa: E402  (scripts/ is on the path from conftest.py)
import web_app  # noqa: E402
from test_quality import axe_violations, layout_problems  # noqa: E402
from test_search import searcher  # noqa: E402

READY_MS = 60_000  # the whole guide saved, on a busy test machine


# --- the manifest ---------------------------------------------------------------------------------

def manifest_problems(site: Path, site_url: str) -> list[str]:
    """What makes the manifest unusable for "Add to home screen", one line each."""
    path = site / "manifest.webmanifest"
    if not path.is_file():
        return [f"{path} is missing"]
    manifest = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"no {field}" for field in ("name", "short_name", "description", "start_url", "scope",
                                             "theme_color", "background_color") if not manifest.get(field)]
    root = urlsplit(site_url).path
    if manifest.get("start_url") != root or manifest.get("scope") != root:
        problems.append(f"start_url and scope should be {root} (the path of site_url)")
    if manifest.get("display") != "standalone":
        problems.append("display is not standalone")
    if len(manifest.get("short_name", "")) > 12:
        problems.append("short_name is over 12 characters: a home screen cuts it")
    for field in ("theme_color", "background_color"):
        if not re.fullmatch(r"#[0-9a-f]{6}", manifest.get(field, "")):
            problems.append(f"{field} is not a #rrggbb colour")
    sizes = set()
    for icon in manifest.get("icons", []):
        file = site / icon["src"]
        if not file.is_file():
            problems.append(f"icon {icon['src']} is missing")
            continue
        with Image.open(file) as image:
            actual = f"{image.width}x{image.height}"
            if image.format != "PNG" or icon.get("type") != "image/png":
                problems.append(f"icon {icon['src']} is not a PNG")
        if actual != icon.get("sizes"):
            problems.append(f"icon {icon['src']} says {icon.get('sizes')} but is {actual}")
        sizes.add((actual, icon.get("purpose", "any")))
    for wanted in (("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")):
        if wanted not in sizes:
            problems.append(f"no {wanted[1]} icon of {wanted[0]}")
    return problems


def test_manifest_is_valid(published, config):
    site = published
    assert manifest_problems(site.root, config["site_url"]) == []


def test_every_page_links_the_manifest_and_the_worker_script(published):
    pages = {name: (published.root / name).read_text(encoding="utf-8") for name in build_pdfs.content_pages(published.root)}
    missing = [name for name, html in pages.items()
               if 'rel="manifest"' not in html or not re.search(r'<script src="[^"]*assets/js/offline\.js" defer>', html)]
    assert missing == []


def test_manifest_checker_catches_a_wrong_icon_size_and_a_wrong_scope(published, tmp_path):
    site = published
    broken = tmp_path / "site"
    shutil.copytree(site.root / "assets" / "icons", broken / "assets" / "icons")
    manifest = json.loads((site.root / "manifest.webmanifest").read_text(encoding="utf-8"))
    manifest["icons"][1]["sizes"] = "384x384"
    (broken / "manifest.webmanifest").write_text(json.dumps(manifest), encoding="utf-8")
    assert manifest_problems(broken, "https://example.org/guide/") == [
        "start_url and scope should be /guide/ (the path of site_url)",
        "icon assets/icons/icon-512.png says 384x384 but is 512x512",
    ]


def test_start_url_and_scope_follow_the_path_of_site_url():
    under_a_path = web_app.manifest("Guide", "A guide.", "en", "https://example.org/guide/")
    assert (under_a_path["start_url"], under_a_path["scope"]) == ("/guide/", "/guide/")


def test_no_manifest_or_worker_in_serve_or_the_file_bundle(monkeypatch):
    """Only the published build (scripts/build.py sets SITE_WEB_APP) links the manifest and the worker."""
    monkeypatch.delenv("SITE_WEB_APP", raising=False)
    assert load_config(str(ROOT / "mkdocs.yml")).extra["web_app"] is False  # make serve, make check
    monkeypatch.setenv("SITE_WEB_APP", "true")
    assert load_config(str(ROOT / "mkdocs.yml")).extra["web_app"] is True  # make build
    assert load_config(str(ROOT / "mkdocs-offline.yml")).extra["web_app"] is False  # the file:// copy


def test_the_file_bundle_has_no_manifest_or_worker(bundle):
    assert not (bundle / "sw.js").exists() and not (bundle / "manifest.webmanifest").exists()
    html = (bundle / "index.html").read_text(encoding="utf-8")
    assert 'rel="manifest"' not in html and "offline.js" not in html


# --- the precache list (sw.js) ------------------------------------------------------------------------

def worker_files(site: Path) -> tuple[str, list[str]]:
    """BUILD and FILES as written at the top of sw.js."""
    text = (site / "sw.js").read_text(encoding="utf-8")
    build = re.search(r'^const BUILD = "([0-9a-f]+)"$', text, re.M).group(1)
    files = json.loads(re.search(r"^const FILES = (\[.*?\])$", text, re.M | re.S).group(1))
    return build, files


def needed_offline(site: Path) -> set[str]:
    """What a reader needs offline, found from the pages themselves: every page, what each page
    loads (stylesheets, scripts, icons, fonts in the CSS), the search index and search worker."""
    needed = {"search/search_index.json", "manifest.webmanifest"}
    needed |= {f"assets/javascripts/workers/{p.name}" for p in (site / "assets/javascripts/workers").glob("search.*.js")}
    for page in build_pdfs.content_pages(site):
        needed.add(offline_worker.url(page))
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        base = "http://x/" + page
        refs = [link["href"] for link in soup.select('link[rel~="stylesheet"], link[rel~="icon"], link[rel="apple-touch-icon"]')]
        refs += [script["src"] for script in soup.select("script[src]")]
        for ref in refs:
            needed.add(urlsplit(urljoin(base, ref)).path.lstrip("/"))
    for css in [name for name in needed if name.endswith(".css")]:
        for font in re.findall(r"url\(['\"]?([^'\")]+\.woff2)", (site / css).read_text(encoding="utf-8")):
            needed.add(urlsplit(urljoin("http://x/" + css, font)).path.lstrip("/"))
    return needed


def worker_problems(site: Path) -> list[str]:
    if not (site / "sw.js").is_file():
        return ["sw.js is missing: run `make build` (scripts/offline_worker.py)"]
    build, files = worker_files(site)
    problems = [f"{name} is not saved offline" for name in sorted(needed_offline(site) - set(files))]
    for name in files:
        on_disk = name.replace("./", "") + "index.html" if name == "./" or name.endswith("/") else name
        if "//" in name or name.startswith("/"):
            problems.append(f"{name} is not a path inside the site")
        elif not (site / on_disk).is_file():
            problems.append(f"{name} is listed but not in the site")
    if build != offline_worker.build_id(site, offline_worker.precached(site)):
        problems.append(f"build id {build} is stale: the site or scripts/offline_worker.js changed after sw.js was written (run `make build`)")
    return problems


def test_the_worker_saves_everything_a_reader_needs_offline(published):
    site = published
    assert worker_problems(site.root) == []


@pytest.fixture(scope="module")
def built(published, tmp_path_factory) -> Path:
    """A copy of the built site (without its PDFs and zip) with a fresh sw.js: the browser tests
    change copies of it, never site/."""
    site = published
    copy = tmp_path_factory.mktemp("pwa") / "a"
    shutil.copytree(site.root, copy, ignore=lambda folder, names: {"pdf", "download"} if Path(folder) == site.root else ())
    (copy / "pdf").mkdir()
    (copy / "pdf" / "index.pdf").write_bytes(b"%PDF-1.7 stand-in for a printed page\n")
    assert offline_worker.main([str(copy)]) == 0
    return copy


def variant(built: Path, tmp_path: Path, change: str = "", build: str | None = None, drop: str = "") -> Path:
    """Another build: `change` added to the heat and cold page; sw.js written again, with `build`
    as its build id if given (a stale id), and without `drop` in its list if given."""
    copy = tmp_path / "b"
    shutil.copytree(built, copy)
    page = copy / "relief/heat-and-cold/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", f"</h1><p>{change}</p>", 1), encoding="utf-8")
    files = [name for name in offline_worker.precached(copy) if name != drop]
    offline_worker.write(copy, files, build)
    return copy


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_worker_checker_catches_a_missing_entry_and_a_stale_build_id(built, tmp_path):
    assert worker_problems(built) == []
    missing = variant(built, tmp_path, "New text", drop="relief/heat-and-cold/index.html")
    assert "relief/heat-and-cold/ is not saved offline" in worker_problems(missing)
    build, _ = worker_files(built)
    stale = tmp_path / "stale"
    shutil.copytree(variant(built, tmp_path / "x", "New text", build=build), stale)
    assert worker_problems(stale) == [f"build id {build} is stale: the site or scripts/offline_worker.js changed after sw.js was written (run `make build`)"]


# --- in the browser ----------------------------------------------------------------------------------

class Host:
    """The site at one address: `use(folder)` deploys another build there; `online = False` makes
    every connection close unanswered, as with no signal."""

    def __init__(self, folder: Path):
        self.folder, self.online = folder, True
        host = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(host.folder), **kwargs)

            def handle(self):
                if host.online:
                    super().handle()

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a browser that hangs up mid-answer (a page closed, a worker stopped) is not a failure

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def use(self, folder: Path) -> None:
        self.folder = folder


@pytest.fixture
def host(built):
    server = Host(built)
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def context(browser, host):
    """A fresh browser profile that records every request, the worker's included."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    yield context
    context.close()


OURS = "spasm-relief-guide / "
CACHE_STATE = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith("%s"))
  const state = {names, files: {}}
  for (const name of names) {
    const cache = await caches.open(name)
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer()
      const hash = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", body)))
      state.files[request.url] = [body.byteLength, hash.map((b) => b.toString(16).padStart(2, "0")).join("")]
    }
  }
  return state
}""" % OURS


def first_visit(context, url: str):
    """Open the first page and wait until the worker controls it: it activates only once it has
    saved every file (install), so this is "offline ready"."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=READY_MS)
    return page


def saved_state(page) -> dict:
    return page.evaluate(CACHE_STATE)


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_first_visit_registers_the_worker_after_load_and_saves_the_guide(context, host, built):
    page = context.new_page()
    events = []
    page.on("load", lambda: events.append("load"))
    context.on("request", lambda request: events.append(request.url) if request.url.endswith("/sw.js") else None)
    page.goto(host.url + "relief/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=READY_MS)
    assert events.index("load") < events.index(host.url + "sw.js"), "the worker must wait for the page to load"
    state = saved_state(page)
    build, files = worker_files(built)
    assert state["names"] == [OURS + build]
    saved = {url.removeprefix(host.url) or "./" for url in state["files"]} - {"offline-saved-at"}
    assert saved == set(files)
    size = sum(length for url, (length, _) in state["files"].items() if not url.endswith("offline-saved-at"))
    print(f"\nprecache: {len(files)} files, {size} bytes ({size / 1024 / 1024:.2f} MB)")


def offline_problems(context, host, built: Path, paths: list[str], notice: str = "Saved copy from ") -> list[str]:
    """Open each page with the network off: its own title and the saved-copy notice, or a problem."""
    host.online = False
    context.set_offline(True)
    problems = []
    page = context.new_page()
    for path in paths:
        title = BeautifulSoup((built / path / "index.html").read_text(encoding="utf-8"), "lxml").h1.get_text().strip("¶")
        try:
            response = page.goto(host.url + path)
        except Exception as error:  # noqa: BLE001 (a page that cannot open at all is one problem among many)
            problems.append(f"{path}: {error.message.splitlines()[0]}")
            continue
        h1 = page.locator("h1").first.inner_text().strip("¶")
        shown = page.locator(".saved-copy").all_inner_texts()
        if response.status != 200 or h1 != title:
            problems.append(f"{path}: status {response.status}, title {h1!r} instead of {title!r}")
        elif not shown or not shown[0].startswith(notice):
            problems.append(f"{path}: no '{notice}DATE' notice")
    page.close()
    return problems


def never_opened(built: Path, count: int = 10) -> list[str]:
    """`count` content pages spread over the sections (never the home page or relief/, opened first)."""
    pages = [name.removesuffix("index.html") for name in build_pdfs.content_pages(built)]
    pages = [name for name in pages if name not in ("", "relief/")]
    return pages[:: max(1, len(pages) // count)][:count]


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_ten_pages_never_opened_load_offline_with_the_notice_and_search_works(context, host, built):
    page = first_visit(context, host.url)
    first_visit(context, host.url + "relief/").close()
    paths = never_opened(built)
    assert len(paths) == 10
    assert offline_problems(context, host, built, paths) == []
    page.set_viewport_size({"width": 1280, "height": 900})  # the search box of a wide screen
    search = searcher(page, host.url)
    assert "relief/magnesium/" in search("magnesium")[:3]


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_offline_check_catches_a_worker_that_leaves_a_page_out(context, host, built, tmp_path):
    """Broken fixture: a worker whose list misses the heat and cold page."""
    host.use(variant(built, tmp_path, "Same", drop="relief/heat-and-cold/index.html"))
    first_visit(context, host.url).close()
    problems = offline_problems(context, host, host.folder, ["relief/heat-and-cold/", "relief/magnesium/"])
    assert len(problems) == 1 and problems[0].startswith("relief/heat-and-cold/: status 404")


def overdue(built: Path, tmp_path: Path) -> Path:
    """A build whose heat and cold page was due for review on 31 January 2020."""
    second = variant(built, tmp_path, "Old page")
    page = second / "relief/heat-and-cold/index.html"
    text = re.sub(r'Next review due: <time datetime="[0-9-]+">[^<]*', 'Next review due: <time datetime="2020-01-31">31 January 2020',
                  page.read_text(encoding="utf-8"))
    page.write_text(text, encoding="utf-8")
    files = offline_worker.precached(second)
    offline_worker.write(second, files)
    return second


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_a_page_past_its_review_date_says_so_offline(context, host, built, tmp_path):
    host.use(overdue(built, tmp_path))
    first_visit(context, host.url).close()
    host.online = False
    page = context.new_page()
    page.goto(host.url + "relief/heat-and-cold/")
    notice = page.locator(".saved-copy").inner_text()
    assert "This page was due for review on 31 January 2020." in notice
    page.goto(host.url + "relief/magnesium/")  # reviewed recently: no warning
    assert "due for review" not in page.locator(".saved-copy").inner_text()


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_saved_copy_notice_is_accessible_on_a_small_phone(scheme, browser, host, built, tmp_path):
    host.use(overdue(built, tmp_path))
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme, bypass_csp=True)
    try:
        first_visit(context, host.url).close()
        host.online = False
        page = context.new_page()
        page.goto(host.url + "relief/heat-and-cold/")
        assert page.locator(".saved-copy").count() == 1
        assert axe_violations(page) + layout_problems(page, 320) == []
    finally:
        context.close()


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_a_pdf_is_saved_when_opened(context, host):
    page = first_visit(context, host.url)
    # no-store: the browser's own HTTP cache keeps no copy, so only the worker can answer offline
    fetch_pdf = "async () => (await (await fetch('pdf/index.pdf', {cache: 'no-store'})).text())"
    assert page.evaluate(fetch_pdf).startswith("%PDF")
    host.online = False
    assert page.evaluate(fetch_pdf).startswith("%PDF")


def mixed_files(state: dict, host_url: str, site: Path) -> list[str]:
    """Saved files whose bytes are not this build's."""
    wrong = []
    for url, (_, digest) in state["files"].items():
        name = url.removeprefix(host_url) or "./"
        if name == "offline-saved-at":
            continue
        file = site / (name.replace("./", "") + "index.html" if name == "./" or name.endswith("/") else name)
        if not file.is_file() or hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            wrong.append(name)
    return wrong


UPDATED = """async () => {
  const registration = await navigator.serviceWorker.ready
  try { await registration.update() } catch (error) {}  // a worker that fails to install
  while (registration.installing || registration.waiting) await new Promise((done) => setTimeout(done, 100))
}"""


def deploy_again(context, host, second: Path) -> dict:
    """Visit the first build, deploy `second` at the same address, let the browser check for a new
    worker (it does so on its own at the next visit), reload: what is saved then."""
    page = first_visit(context, host.url)
    first = saved_state(page)
    host.use(second)
    page.evaluate(UPDATED)
    page.reload()
    state = saved_state(page)
    state["first"] = first
    return state


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_a_new_build_replaces_the_saved_copy_whole(context, host, built, tmp_path):
    second = variant(built, tmp_path, "Second build")
    state = deploy_again(context, host, second)
    assert state["names"] == [OURS + worker_files(second)[0]] and state["names"] != state["first"]["names"]
    assert mixed_files(state, host.url, second) == []
    assert len(state["files"]) == len(worker_files(second)[1]) + 1  # and the "saved at" date


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_mix_check_catches_a_stale_build_id(context, host, built, tmp_path):
    """Broken fixture: the second build's worker keeps the first build id, so the browser sees
    no new worker and the old copy of the changed page stays."""
    second = variant(built, tmp_path, "Second build", build=worker_files(built)[0])
    state = deploy_again(context, host, second)
    assert mixed_files(state, host.url, second) == ["relief/heat-and-cold/"]


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_a_failed_download_keeps_the_old_copy_whole(context, host, built, tmp_path):
    """A new build whose list names a file the host does not have: its install fails, and the
    first build's copy stays, complete and alone."""
    second = variant(built, tmp_path, "Second build")
    shutil.rmtree(second / "relief/heat-and-cold")  # listed in sw.js, gone from the host (404)
    state = deploy_again(context, host, second)
    assert state["names"] == state["first"]["names"] and state["files"] == state["first"]["files"]


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_no_request_leaves_the_site(context, host, built):
    page = first_visit(context, host.url)
    offline_problems(context, host, built, never_opened(built, 2))
    page.close()
    assert any(url.endswith("search/search_index.json") for url in context.requests)  # the worker's own requests are seen
    assert [url for url in context.requests if not url.startswith(host.url)] == []


@pytest.mark.editions("en")  # the worker's code is the same for both editions: test_spanish_edition_works_offline
def test_request_check_sees_a_worker_reaching_another_origin(context, host, built, tmp_path):
    """Broken fixture: a worker whose list names a file on another host."""
    second = variant(built, tmp_path, "Same")
    sw = second / "sw.js"
    sw.write_text(sw.read_text(encoding="utf-8").replace('const FILES = [', 'const FILES = [\n"http://127.0.0.2:9/x.css",', 1), encoding="utf-8")
    host.use(second)
    page = context.new_page()
    page.goto(host.url)
    for _ in range(150):  # the worker starts once the page is idle: up to 30 s on a busy machine
        if any(not url.startswith(host.url) for url in context.requests):
            break
        page.wait_for_timeout(200)
    assert [url for url in context.requests if not url.startswith(host.url)] == ["http://127.0.0.2:9/x.css"]


# --- the Spanish edition: its own worker, scope and words ----------------------------------------

@pytest.mark.editions("es")
def test_each_edition_saves_only_its_own_pages(published):
    """site/sw.js leaves site/es/ to its own worker (and answers none of its requests); site/es/sw.js
    saves the Spanish pages and the Spanish search stemmer, with the notice in Spanish."""
    english, spanish = ROOT / "site", ROOT / "site" / "es"
    _, english_files = worker_files(english)
    _, spanish_files = worker_files(spanish)
    assert not [f for f in english_files if f.startswith("es/")] and 'const ELSEWHERE = ["es/"]' in (english / "sw.js").read_text()
    assert "alivio/durante-un-espasmo/" in spanish_files and "relief/" not in spanish_files
    assert "assets/javascripts/lunr/min/lunr.es.min.js" in spanish_files
    assert '"saved": "Copia guardada"' in (spanish / "sw.js").read_text(encoding="utf-8")
    manifest = json.loads((spanish / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["lang"], manifest["start_url"], manifest["scope"]) == ("es", "/es/", "/es/")


@pytest.mark.editions("es")
def test_spanish_edition_works_offline(context, host, built, edition):
    """The Spanish edition, saved on a first visit: pages never opened load offline, with the notice in Spanish."""
    page = first_visit(context, host.url)
    problems = offline_problems(context, host, built, never_opened(built, 4), notice="Copia guardada del ")
    page.close()
    assert not problems, problems
