"""Help search find the right page for the words readers type, from docs/data/search-terms.yml.

Pages listed under `boost:` (or `demote:`) get `search: {boost: N}` in their meta. After the search plugin has written
site/search/search_index.json, each page's top entry starts with the page description (what a
search result shows) followed by a visually hidden "Also known as" line holding the lay terms,
so a lay word finds the page itself without cluttering the page or the result.
An unknown page path stops the build with the file, the line and the fix.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import yaml

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

DATA = Path("data") / "search-terms.yml"
BOOST = 2  # pages people need most
DEMOTE = 0.1  # long reference pages that mention every word

terms: dict[str, str] = {}  # page path -> "word, word, ..."
boosted: set[str] = set()
demoted: set[str] = set()
entries: dict[str, tuple[str, str]] = {}  # page URL -> (description, terms)


def on_config(config):
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


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data["docs"]:
        if doc["location"] not in entries:
            continue
        description, words = entries[doc["location"]]
        lead = f"<p>{escape(description, quote=False)}</p>" if description else ""
        hidden = f'<p class="visually-hidden">Also known as: {escape(words, quote=False)}</p>' if words else ""
        doc["text"] = lead + hidden + doc["text"]
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
