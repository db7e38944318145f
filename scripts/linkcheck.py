"""Check every link in a built site: internal targets, #fragments and external hosts.

Reads the HTML in site/, whatever produced it, so it also catches links in raw HTML,
templates and generated pages that MkDocs' own validation never sees.

    python scripts/linkcheck.py site            # offline checks (also run by pytest)
    python scripts/linkcheck.py --online site   # also fetch every external link
    python scripts/linkcheck.py --online --html-only site
        # the weekly job: the HTML alone, so the PDFs and offline zip that `make build` adds later
        # (site/pdf/, site/download/) are not reported missing; every other link still is
"""

from __future__ import annotations

import json
import sys
import urllib.request
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
TRUSTED_SOURCES = ROOT / "docs" / "data" / "trusted-sources.yml"
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
IGNORED_SCHEMES = {"mailto", "tel", "javascript", "data", "blob"}


def trusted_hosts(path: Path = TRUSTED_SOURCES) -> set[str]:
    return {entry["host"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))}


@dataclass
class Site:
    """A built site on disk, served at `site_url`, built from `docs_dir`."""

    root: Path
    site_url: str
    docs_dir: Path
    external: dict[str, list[str]] = field(default_factory=dict)  # URL -> pages linking to it
    others: dict[str, Path] = field(default_factory=dict)  # the other editions: site URL -> folder (site/es/)

    def pages(self) -> list[Path]:
        """This edition's pages (another edition's folder inside this one is checked on its own)."""
        inside = [o for o in self.others.values() if self.root in o.parents]
        return sorted(p for p in self.root.rglob("*.html") if not any(o in p.parents for o in inside))

    def source_of(self, page: Path) -> str:
        """The Markdown file a built page came from, for messages an editor can act on."""
        rel = page.relative_to(self.root)
        stem = rel.parent if rel.name == "index.html" else rel.with_suffix("")
        for candidate in (self.docs_dir / f"{stem}.md", self.docs_dir / stem / "index.md"):
            if stem != Path(".") and candidate.is_file():
                return f"{candidate.relative_to(self.docs_dir.parent)} ({rel})"
        if stem == Path(".") and (self.docs_dir / "index.md").is_file():
            return f"{(self.docs_dir / 'index.md').relative_to(self.docs_dir.parent)} ({rel})"
        return str(rel)

    def url_of(self, page: Path) -> str:
        return urljoin(self.site_url, page.relative_to(self.root).as_posix())

    def internal(self, url: str) -> bool:
        """Under this edition's address or another edition's."""
        return any(url.startswith(base) for base in (self.site_url, *self.others))

    def file_for(self, url: str) -> Path | None:
        """The file a URL under site_url (or another edition's) is served from, or None."""
        path = unquote(urlsplit(url).path)
        # the longest address first: /es/ belongs to the Spanish edition, not to the English one at /
        bases = sorted([(self.site_url, self.root), *self.others.items()], key=lambda b: -len(b[0]))
        base, root = next(((urlsplit(u).path, r) for u, r in bases if path.startswith(urlsplit(u).path)), (None, None))
        if base is None:
            return None
        target = root / path[len(base):]
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


@cache
def ids_in(page: Path) -> frozenset[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    return frozenset(
        [tag["id"] for tag in soup.find_all(id=True)] + [tag["name"] for tag in soup.find_all("a", attrs={"name": True})]
    )


def links_in(soup: BeautifulSoup) -> list[str]:
    links = [tag[attr] for name, attr in LINK_ATTRIBUTES.items() for tag in soup.find_all(name) if tag.get(attr)]
    config = soup.find("script", id="__config")
    if config:  # Material's search worker and index, loaded by JavaScript
        data = json.loads(config.string)
        links += [data["base"].rstrip("/") + "/search/search_index.json", data["search"]]
    return links


def check(site: Site, hosts: set[str], not_built: tuple[str, ...] = ()) -> list[str]:
    """Every problem in the site, one line each, naming the source page and the bad target.

    not_built: site-relative folders a later build step fills; a link into them is not checked.
    """
    problems = []
    ids_in.cache_clear()
    site.external.clear()
    for page in site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        page_url = site.url_of(page)
        for link in links_in(soup):
            url = urljoin(page_url, link)
            parts = urlsplit(url)
            where = f"{site.source_of(page)}: link '{link}'"
            if parts.scheme in IGNORED_SCHEMES:
                continue
            if not site.internal(url):
                if parts.scheme != "https":
                    problems.append(f"{where} is not https")
                elif not parts.hostname or parts.hostname not in hosts:
                    problems.append(f"{where}: host '{parts.hostname}' is not in {TRUSTED_SOURCES.name}")
                else:
                    site.external.setdefault(url, []).append(site.source_of(page))
                continue
            target = site.file_for(url)
            if target is None and url[len(site.site_url):].startswith(not_built):
                continue
            if target is None:
                problems.append(f"{where} points to a file that does not exist")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_in(target):
                problems.append(f"{where}: no id '{parts.fragment}' on {target.relative_to(site.root)}")
    return problems


def check_online(urls: dict[str, list[str]]) -> list[str]:
    problems = []
    for url, pages in sorted(urls.items()):
        request = urllib.request.Request(url, method="GET", headers={"User-Agent": "spasm-relief-guide-linkcheck"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                status = response.status
        except Exception as error:  # any failure is a report, not a crash
            status = error
        if status != 200:
            problems.append(f"{url} ({status}), linked from {', '.join(sorted(set(pages)))}")
    return problems


POST_BUILD = ("pdf/", "download/")  # written after the HTML by `make build`


def main(argv: list[str]) -> int:
    online = "--online" in argv
    root = Path([a for a in argv if not a.startswith("--")][0])
    from mkdocs.config import load_config

    editions = {name: load_config(str(ROOT / name)) for name in ("mkdocs.yml", "mkdocs-es.yml")}
    roots = {name: root / Path(c["site_dir"]).relative_to(ROOT / "site") for name, c in editions.items()}
    problems, external = [], {}
    for name, config in editions.items():
        others = {c["site_url"]: roots[n] for n, c in editions.items() if n != name}
        site = Site(roots[name], config["site_url"], Path(config["docs_dir"]), others=others)
        problems += check(site, trusted_hosts(), POST_BUILD if "--html-only" in argv else ())
        print(f"{name}: {len(site.pages())} pages, {len(site.external)} external links")
        for url, pages in site.external.items():
            external.setdefault(url, []).extend(pages)
    if online:
        problems += check_online(external)
    print("\n".join(problems) or "no problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
