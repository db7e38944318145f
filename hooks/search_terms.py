"""Help search find the right page for the words readers type.

Two parts, both applied after the search plugin has written its files:
- The words (docs/data/search-terms.yml): pages listed under `boost:` (or `demote:`) get
  `search: {boost: N}` in their meta. Each page's top entry in site/search/search_index.json
  starts with the page description (what a search result shows) followed by a visually hidden
  "Also known as" line holding the lay terms, so a lay word finds the page itself without
  cluttering the page or the result. An unknown page path stops the build with the file, the
  line and the fix.
- The matching (search_query.js, next to this file): appended to Material's search worker, it
  drops common words, stems, forgives typos and weighs each typed word once. See that file.
Online pages also drop the iframe-worker shim (extra.polyfills): only the offline bundle needs it.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import yaml

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

DATA = Path("data") / "search-terms.yml"
QUERY_JS = Path(__file__).with_name("search_query.js")
WORKERS = Path("assets") / "javascripts" / "workers"
BOOST = 2  # pages people need most
DEMOTE = 0.1  # long reference pages that mention every word

terms: dict[str, str] = {}  # page path -> "word, word, ..."
boosted: set[str] = set()
demoted: set[str] = set()
entries: dict[str, tuple[str, str]] = {}  # page URL -> (description, terms)


def on_config(config):
    offline = config["plugins"].get("offline") or config["plugins"].get("material/offline")
    if not (offline and offline.config.enabled):  # the iframe-worker shim serves search under file:// only
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    terms.clear()
    boosted.clear()
    demoted.clear()
    path = Path(config["docs_dir"]) / DATA
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    terms.update({page: " ".join(str(words).split()) for page, words in (data.get("terms") or {}).items()})
    boosted.update(data.get("boost") or [])
    demoted.update(data.get("demote") or [])


def on_files(files, config):
    pages = {file.src_uri for file in files.documentation_pages()}
    for page in sorted((set(terms) | boosted | demoted) - pages):
        source = Path(config["docs_dir"]) / DATA
        lines = source.read_text(encoding="utf-8").splitlines()
        line = next((n for n, text in enumerate(lines, start=1) if page in text), 1)
        raise PluginError(
            f"docs/{DATA.as_posix()}:{line}: unknown page '{page}'. "
            "Use a page path as under docs/, e.g. relief/heat-and-cold.md."
        )


def on_page_markdown(markdown, page, config, files):
    path = page.file.src_uri
    if path in boosted or path in demoted:
        page.meta["search"] = {**(page.meta.get("search") or {}), "boost": BOOST if path in boosted else DEMOTE}
    entries[page.url] = (page.meta.get("description", ""), terms.get(path, ""))


def patch_worker(site_dir: Path) -> Path:
    """Append search_query.js to Material's search worker in site_dir; return the worker's path."""
    workers = sorted((site_dir / WORKERS).glob("search.*.js"))
    if len(workers) != 1:
        raise PluginError(
            f"{site_dir / WORKERS}: expected one Material search worker (search.*.js), found "
            f"{len(workers)}. Has Material's layout changed? {QUERY_JS.name} must be appended to it."
        )
    patch = QUERY_JS.read_text(encoding="utf-8")
    if patch not in workers[0].read_text(encoding="utf-8"):  # a dirty rebuild may keep the patched copy
        with workers[0].open("a", encoding="utf-8") as worker:
            worker.write("\n" + patch)
    return workers[0]


@event_priority(-50)  # after the search plugin (0) has written its files, before offline (-100) copies the index
def on_post_build(config):
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index.is_file():
        return
    patch_worker(Path(config["site_dir"]))
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data["docs"]:
        if doc["location"] not in entries:
            continue
        description, words = entries[doc["location"]]
        lead = f"<p>{escape(description, quote=False)}</p>" if description else ""
        hidden = f'<p class="visually-hidden">Also known as: {escape(words, quote=False)}</p>' if words else ""
        doc["text"] = lead + hidden + doc["text"]
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
