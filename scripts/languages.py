"""Link the two editions once both are built: site/ (English) and site/es/ (Spanish).

    python scripts/languages.py site

Each Spanish page names its English page (`translation_of:` in docs-es/). For every such pair:
- the language switch (`data-language-switch`, overrides/partials/language-switch.html) on each
  page goes to the same page in the other language, not to its home;
- each page's <head> gets `<link rel="alternate" hreflang>` for both editions and `x-default`
  (the English page);
- both sitemaps list the same alternates (xhtml:link), and robots.txt names both sitemaps.
Run it before the PDFs and the offline worker, which read the finished pages.
"""

from __future__ import annotations

import gzip
import posixpath
import re
import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild import language, translations  # noqa: E402
from sitebuild.data import page_url  # noqa: E402

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
SWITCH = re.compile(r'(<a href=")[^"]*("[^>]*data-language-switch)')
ALTERNATES = re.compile(r'\s*<link rel="alternate" hreflang="[^"]*" href="[^"]*">')
XHTML = "http://www.w3.org/1999/xhtml"


def base_url(site_dir: Path) -> str:
    match = CANONICAL.search((site_dir / "index.html").read_text(encoding="utf-8"))
    if not match:
        raise SystemExit(f"languages: {site_dir / 'index.html'} has no canonical link, so the site's address is unknown.")
    return match.group(1)


def editions(site: Path) -> list[tuple[str, Path, Path, str]]:
    """(language, its docs folder, its site folder, its base URL) for each edition built."""
    out = []
    for lang, (folder, subdir, *_) in language.TREES.items():
        site_dir = site / subdir
        if (site_dir / "index.html").is_file() and (ROOT / folder).is_dir():
            out.append((lang, ROOT / folder, site_dir, base_url(site_dir)))
    return out


def pairs(found) -> list[dict[str, str]]:
    """For each page in every edition: {language: URL path under that edition's site}."""
    english = next(e for e in found if e[0] == language.DEFAULT)
    groups: dict[str, dict[str, str]] = {}
    for lang, docs_dir, _, _ in found:
        if lang == language.DEFAULT:
            continue
        for source, (page, _) in translations.pairs(docs_dir).items():
            if (english[1] / source).is_file():
                groups.setdefault(source, {language.DEFAULT: page_url(source)})[lang] = page_url(page)
    return list(groups.values())


def hreflangs(group: dict[str, str], sites) -> list[tuple[str, str]]:
    """(hreflang, address) of each edition's page, then x-default (the English page)."""
    return [(language.TREES[lang][2], sites[lang][1] + url) for lang, url in group.items()] + [
        ("x-default", sites[language.DEFAULT][1] + group[language.DEFAULT])]


def link_pages(found, groups) -> int:
    sites = {lang: (site_dir, base) for lang, _, site_dir, base in found}
    changed = 0
    for group in groups:
        alternates = "".join(f'\n    <link rel="alternate" hreflang="{code}" href="{escape(href)}">'
                             for code, href in hreflangs(group, sites))
        for lang, url in group.items():
            path = sites[lang][0] / url / "index.html"
            other = next(code for code in group if code != lang)
            # the website's pages are folders (directory URLs): link to the other page's folder
            relative = posixpath.relpath((sites[other][0] / group[other]).as_posix(), path.parent.as_posix()) + "/"
            html = ALTERNATES.sub("", path.read_text(encoding="utf-8"))
            html = SWITCH.sub(lambda m: f"{m.group(1)}{escape(relative)}{m.group(2)}", html, count=1)
            html = re.sub(r'(<link rel="canonical" href="[^"]+">)', lambda m: m.group(1) + alternates, html, count=1)
            path.write_text(html, encoding="utf-8")
            changed += 1
    return changed


def link_sitemaps(found, groups) -> None:
    sites = {lang: (site_dir, base) for lang, _, site_dir, base in found}
    by_url = {sites[lang][1] + url: group for group in groups for lang, url in group.items()}
    for _, _, site_dir, _ in found:
        path = site_dir / "sitemap.xml"
        if not path.is_file():
            continue
        text = re.sub(r"\s*<xhtml:link [^>]*/>", "", path.read_text(encoding="utf-8"))
        if XHTML not in text:
            text = text.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}"', 1)

        def one(match: re.Match) -> str:
            loc = re.search(r"<loc>(.*?)</loc>", match.group(0)).group(1)
            group = by_url.get(loc)
            if not group:
                return match.group(0)
            links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{href}"/>'
                            for code, href in hreflangs(group, sites))
            return match.group(0).replace("</loc>", "</loc>" + links, 1)

        text = re.sub(r"<url>.*?</url>", one, text, flags=re.S)
        path.write_text(text, encoding="utf-8")
        if (site_dir / "sitemap.xml.gz").is_file():
            (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def robots(found, site: Path) -> None:
    maps = "".join(f"Sitemap: {base}sitemap.xml\n" for _, _, _, base in found)
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\n{maps}", encoding="utf-8")


def run(site: Path) -> int:
    found = editions(site)
    if len(found) < 2:
        return 0
    groups = pairs(found)
    changed = link_pages(found, groups)
    link_sitemaps(found, groups)
    robots(found, site)
    return changed


if __name__ == "__main__":
    count = run(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(f"languages: {count} pages linked to their other edition")
