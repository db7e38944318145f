"""The same site from Zensical: `make build-zensical` must give every page what the MkDocs build gives.

Material for MkDocs reaches end of life on 2027-05-05. Zensical reads mkdocs.yml and runs our
Markdown extension (sitebuild/extension.py), but not MkDocs hooks, so the Makefile runs the
checks and the post-build steps itself. This compares the two builds page by page: the same
pages, headings, numbered citations with their Sources, evidence labels, care cards with their
urgency, glossary tooltips, pictures and their links, review dates and Content-Security-Policy. Known difference: search
(Zensical writes its own index, search.json; our search words and matching apply to Material's).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

import build_pdfs

EDITIONS = ("en",)  # Zensical builds the English edition; the Spanish one is MkDocs-only for now (see README)


def essentials(html: str) -> dict[str, object]:
    """What a reader must get from a page, whichever generator built it."""
    soup = BeautifulSoup(html, "lxml")
    main = soup.select_one("article") or soup
    return {
        "title": " ".join(main.h1.get_text(" ", strip=True).split()) if main.h1 else None,
        "headings": [h.get("id") for h in main.select("h2, h3")],
        "citations": [a.get_text() for a in main.select("sup.cite a")],
        "sources": [" ".join(li.get_text(" ", strip=True).split()) for li in main.select("ol.sources > li")],
        "evidence labels": [s.get_text() for s in main.select("span.evidence")],
        "care cards": [(c["class"][1], " ".join(c.select_one(".admonition-title").get_text(" ", strip=True).split()),
                        len(c.select("li"))) for c in main.select("div.admonition[class*=care-]")],
        "glossary tooltips": sorted({a.get_text() for a in main.select("abbr[title]")}),
        "pictures": [(svg.get("aria-label"), [a.get("href") for a in svg.select("a")]) for svg in main.select("svg.picture")],
        "review dates": [t.get_text() for t in soup.select(".review-dates time")],
        "CSP": bool(soup.select_one('meta[http-equiv="Content-Security-Policy"]')),
    }


def differences(mkdocs_pages: dict[str, str], zensical_pages: dict[str, str]) -> list[str]:
    problems = [f"{page}: only in the MkDocs build" for page in sorted(set(mkdocs_pages) - set(zensical_pages))]
    problems += [f"{page}: only in the Zensical build" for page in sorted(set(zensical_pages) - set(mkdocs_pages))]
    for page in sorted(set(mkdocs_pages) & set(zensical_pages)):
        ours, theirs = essentials(mkdocs_pages[page]), essentials(zensical_pages[page])
        problems += [f"{page}: {what} differ: MkDocs {ours[what]!r}, Zensical {theirs[what]!r}"
                     for what in ours if ours[what] != theirs[what]]
    return problems


def read_pages(root: Path) -> dict[str, str]:
    return {name: (root / name).read_text(encoding="utf-8") for name in build_pdfs.content_pages(root)}


def test_zensical_builds_the_same_pages_with_the_same_content(site, zensical_site):
    mkdocs_pages = read_pages(site.root)
    problems = differences(mkdocs_pages, read_pages(zensical_site))
    assert len(mkdocs_pages) > 40 and not problems, "\n".join(problems[:40])


def test_comparison_catches_what_a_plain_build_loses(site):
    """Broken fixture: what Zensical gave before the extension (literal [@key], no Sources, no labels,
    no card prefix, no CSP), and a missing page."""
    page = (site.root / "relief" / "stretching" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "lxml")
    for gone in soup.select("sup.cite, ol.sources, span.evidence, .admonition-title .visually-hidden, "
                            'svg.picture, meta[http-equiv="Content-Security-Policy"]'):
        gone.decompose()
    found = "\n".join(differences({"relief/stretching/index.html": page, "index.html": page},
                                  {"relief/stretching/index.html": str(soup)}))
    for what in ("index.html: only in the MkDocs build", "citations differ", "sources differ",
                 "evidence labels differ", "care cards differ", "pictures differ", "CSP differ"):
        assert what in found, f"{what!r} not reported in:\n{found}"
