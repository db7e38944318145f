"""Pictures: the drawings (docs/assets/pictures/, put inline by sitebuild/pictures.py) and the evidence
chart (sitebuild/evidence_chart.py). Each has a text alternative, is a local file with its size set, is in
the page's PDF and the whole guide, and prints; the chart agrees with every page's evidence label.
Each checker has a broken fixture below.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

import pikepdf
import pytest

import build_pdfs  # (on the path from conftest.py)
from conftest import ROOT, build_fixture

PICTURES = ROOT / "docs" / "assets" / "pictures"
# The pictures each page must show (issue 17): a page that loses one fails.
EXPECTED = {
    "relief/index.html": ["evidence-chart"],
    "relief/stretching/index.html": ["calf-stretch-wall", "hamstring-stretch-bed", "calf-stretch-towel",
                                     "thigh-stretch-standing"],
    "relief/during-a-spasm/index.html": ["calf-stretch-towel"],
    "understanding/where-it-hurts/index.html": ["body-map"],
}
# The label words (EDITORS.md), written out here rather than taken from the hooks.
LEVEL_WORDS = {"good": "Good evidence", "some": "Some evidence", "little": "Little or no evidence",
               "against": "Evidence against"}
LEVEL_WORDS_ES = {"good": "Buena evidencia", "some": "Algo de evidencia", "little": "Poca o ninguna evidencia",
                  "against": "Evidencia en contra"}
MAX_BYTES = 4096  # "a few KB each"
COLOUR = re.compile(r'\b(fill|stroke|color|stop-color)="([^"]*)"')


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def names(html: str) -> list[str]:
    """The pictures in a page's article, by name (picture--NAME, or evidence-chart)."""
    found = []
    for svg in soup(html).select("article svg.picture"):
        classes = svg.get("class", [])
        found += ["evidence-chart"] if "evidence-chart" in classes else \
            [c.removeprefix("picture--") for c in classes if c.startswith("picture--")]
    return found


def picture_problems(name: str, html: str) -> list[str]:
    """Every picture in a built page: in a figure with a caption, a text alternative, its size set,
    named links; and no <img> of a picture left un-inlined or loaded from elsewhere."""
    page, problems = soup(html), []
    for svg in page.select("article svg.picture"):
        label = f"{name}: picture {' '.join(svg.get('class', []))}"
        figure = svg.find_parent("figure")
        caption = figure.find("figcaption") if figure else None
        if not caption or not caption.get_text(strip=True):
            problems.append(f"{label} is not in a figure with a caption")
        elif "](" in caption.get_text():
            problems.append(f"{label}: caption shows Markdown as text (write <figcaption markdown=\"span\">)")
        hidden = svg.get("aria-hidden") == "true"
        if not hidden and not svg.get("aria-label", "").strip():
            problems.append(f"{label} has no text alternative (aria-label, or aria-hidden beside its text)")
        if svg.find("a") and svg.get("role") == "img":
            problems.append(f"{label} is one image to a screen reader, so its links cannot be reached")
        problems += [f"{label} has no {a}" for a in ("viewbox", "width", "height") if not svg.get(a)]
        outside = {a["href"] for a in page.select("article a[href]") if not a.find_parent("svg")}
        for link in svg.find_all("a"):
            if hidden or not link.get("aria-label", "").strip() or not link.get("href"):
                problems.append(f"{label}: link {link.get('href')} has no accessible name or is hidden")
            if link.get("href") not in outside:  # the list of links is the drawing's text equivalent
                problems.append(f"{label}: link {link.get('href')} is not also in a list of links on the page")
    for img in page.select("article img[src]"):
        src = img["src"]
        if re.match(r"^(https?:)?//|^data:", src):
            problems.append(f"{name}: image {src} is not a local file")
        if "assets/pictures/" in src:
            problems.append(f"{name}: {src} was not put inline (is sitebuild.extension in mkdocs.yml?)")
    return problems


def source_problems(path: Path) -> list[str]:
    """A drawing's file: small, its size set, colours from the page only, nothing fetched, no words."""
    text, problems = path.read_text(encoding="utf-8"), []
    root = re.search(r"<svg\b[^>]*>", text)
    if len(text.encode()) > MAX_BYTES:
        problems.append(f"{path.name}: {len(text.encode())} bytes, over {MAX_BYTES}")
    problems += [f"{path.name}: <svg> has no {a}" for a in ("viewBox", "width", "height")
                 if not root or f' {a}="' not in root.group(0)]
    problems += [f"{path.name}: {attr}=\"{value}\" (use currentColor or a CSS class: dark mode, print)"
                 for attr, value in COLOUR.findall(text) if value not in ("currentColor", "none")]
    if re.search(r"<(text|image|foreignObject|script|style)\b|\bstyle=", text):
        problems.append(f"{path.name}: has text, an embedded image, a script or a style (words go in the caption)")
    if re.search(r'href="(https?:|//|data:)', text):
        problems.append(f"{path.name}: links or loads from another site")
    if re.search(r"\bid=", text):
        problems.append(f"{path.name}: has an id (ids clash when pages are joined into the guide)")
    return problems


def chart_problems(pages: dict[str, str], relief: str = "relief", words: dict = LEVEL_WORDS) -> list[str]:
    """Each measure in the chart must sit at the level its own page's label gives, and every
    labelled measure page must be in the chart."""
    chart = soup(pages[f"{relief}/index.html"]).select_one("svg.evidence-chart")
    if chart is None:
        return [f"{relief}/index.html: no evidence chart"]
    placed = {}
    for level in chart.select("[data-level]"):
        for measure in level.select("[data-measure]"):
            placed[measure["data-measure"]] = level["data-level"]
    problems = []
    for slug, level in sorted(placed.items()):
        html = pages.get(f"{relief}/{slug}/index.html")
        labels = [l.get_text() for l in soup(html).select("article .evidence")] if html else []
        if labels != [words.get(level)]:
            problems.append(f"{relief}/{slug}: page says {labels}, chart says {words.get(level, level)}")
    for name, html in pages.items():
        measure = re.fullmatch(relief + r"/([\w-]+)/index\.html", name)
        if measure and measure.group(1) not in placed and soup(html).select("article .evidence"):
            problems.append(f"{relief}/{measure.group(1)}: has an evidence label but is not in the chart")
    return problems


def captions(html: str) -> list[str]:
    return [" ".join(f.get_text().split()) for f in soup(html).select("article figure figcaption")]


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_alt_texts(pdf: Path) -> list[str]:
    """The /Alt texts of the PDF's tagged figures: Chromium writes one for each printed SVG with
    role="img" and an aria-label, so a drawing that did not print has none."""
    with pikepdf.open(pdf) as document:  # text strings may be UTF-16 (accents): let pikepdf decode them
        return [str(o.Alt) for o in document.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]


def pdf_picture_problems(pdf: Path, texts: list[str], alts: list[str]) -> list[str]:
    """The PDF holds each caption in its text and each drawing as a tagged figure with its alt text."""
    body = squash(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout)
    body = re.sub(r"\(https?://[^)]*\)", "", body)  # print.css writes a link's address after its text
    problems = [f"{pdf.name}: no caption {t!r}" for t in texts if squash(t) not in body]
    printed = {squash(a) for a in pdf_alt_texts(pdf)}
    return problems + [f"{pdf.name}: no drawing with the alt text {a!r}" for a in alts if squash(a) not in printed]


def alt_texts(html: str) -> list[str]:
    """The alt text of each drawing shown as an image (a drawing of links is checked by its links)."""
    return [svg["aria-label"] for svg in soup(html).select('article svg.picture[role="img"]')]


def pdf_link_problems(pdf: Path, page: str, html: str, base: str = "/") -> list[str]:
    """A drawing of links (the body map) printed if the PDF has a link area for each of its links
    on top of the page's other links to the same place (the list beside it). `base` is the path of
    the edition's web address ("/es/"): the PDF's links are web addresses."""
    article = soup(html).select_one("article")
    where = lambda href: urlsplit(urljoin("http://x/" + page, href))._replace(scheme="", netloc="").geturl()  # noqa: E731
    drawn = {where(a["href"]) for a in article.select("svg.picture a[href]")}
    wanted = Counter(where(a["href"]) for a in article.select("a[href]") if where(a["href"]) in drawn)
    printed = Counter("/" + urlsplit(u.decode("latin-1"))._replace(scheme="", netloc="").geturl().removeprefix(base)
                      for u in re.findall(rb"/URI \(([^)]*)\)", pdf.read_bytes()))
    return [f"{pdf.name}: {printed[t]} link areas to {t}, expected at least {n} (the drawing's links did not print?)"
            for t, n in sorted(wanted.items()) if printed[t] < n]


@pytest.fixture(scope="module")
def page_pdfs(site) -> list[str]:
    """The content pages, each with its PDF in site/pdf/ (the name marks a test `pdf`: conftest.py)."""
    return build_pdfs.content_pages(site.root)


# --- the built site ----------------------------------------------------------------------------

def test_pages_show_their_pictures(pages, page_of):
    shown = {name: names(pages[page_of(name)]) for name in EXPECTED}
    assert shown == EXPECTED


def test_every_picture_has_a_caption_text_alternative_and_size(pages):
    problems = [p for name, html in pages.items() for p in picture_problems(name, html)]
    assert not problems, "\n".join(problems)


def test_drawing_files_are_small_local_and_take_the_page_colours():
    files = sorted(PICTURES.glob("*.svg"))
    assert len(files) >= 4
    problems = [p for path in files for p in source_problems(path)]
    assert not problems, "\n".join(problems)


def test_chart_agrees_with_every_page_label(pages, page_of, edition):
    relief = page_of("relief/index.html").removesuffix("/index.html")
    words = LEVEL_WORDS_ES if edition == "es" else LEVEL_WORDS
    assert len(soup(pages[f"{relief}/index.html"]).select("svg.evidence-chart [data-measure]")) >= 14
    assert not chart_problems(pages, relief, words), chart_problems(pages, relief, words)


def test_pictures_are_in_the_page_pdfs_and_the_guide(site, page_pdfs, page_of):
    problems, everything = [], []
    for page in map(page_of, EXPECTED):
        html = (site.root / page).read_text(encoding="utf-8")
        pdf = site.root / "pdf" / build_pdfs.pdf_name(page)
        problems += pdf_picture_problems(pdf, captions(html), alt_texts(html))
        problems += pdf_link_problems(pdf, page, html, urlsplit(site.site_url).path)
        everything.append(html)
    problems += pdf_picture_problems(site.root / "pdf" / build_pdfs.GUIDE, [c for h in everything for c in captions(h)],
                                     [a for h in everything for a in alt_texts(h)])
    assert not problems, "\n".join(problems)


def test_pictures_print_and_show_keyboard_focus(site, browser, base_url, page_of):
    tab = browser.new_page(viewport={"width": 390, "height": 800})
    problems = []
    for page, expected in EXPECTED.items():
        page = page_of(page)
        tab.goto(base_url + page)
        tab.emulate_media(media="print")
        sizes = tab.eval_on_selector_all("article svg.picture", "s => s.map(e => e.getBoundingClientRect().width)")
        if len(sizes) != len(expected) or min(sizes) < 200:
            problems.append(f"{page}: pictures printed at widths {sizes}")
        tab.emulate_media(media="screen")
    tab.goto(base_url + page_of("understanding/where-it-hurts/index.html").removesuffix("index.html"))
    link = tab.locator("svg.picture a").first
    before = link.evaluate("a => getComputedStyle(a).outlineStyle")
    tab.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    link.focus()
    after = link.evaluate("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth")
    if before != "none" or after.startswith("none"):
        problems.append(f"body map link focus: outline {before!r} before, {after!r} on keyboard focus")
    tab.close()
    assert not problems, problems


# --- broken fixtures: each checker can fail -----------------------------------------------------

def test_picture_checker_catches_a_bare_unnamed_unsized_picture():
    html = ("<article><svg class='picture picture--x' role='img' aria-label=' '><a href='#a'></a></svg>"
            "<img src='https://example.org/a.png' alt=''><img src='../assets/pictures/y.svg' alt='y'></article>")
    problems = " | ".join(picture_problems("x.html", html))
    for expected in ("not in a figure with a caption", "no text alternative", "has no viewbox", "has no width",
                     "link #a has no accessible name", "#a is not also in a list", "links cannot be reached", "is not a local file", "was not put inline"):
        assert expected in problems, problems


def test_picture_checker_catches_markdown_left_in_a_caption():
    html = ("<article><figure><svg class='picture' role='img' aria-label='Do this' viewBox='0 0 1 1' width='1' "
            "height='1'></svg><figcaption>Read [more](x.md).</figcaption></figure></article>")
    assert picture_problems("x.html", html) == [
        'x.html: picture picture: caption shows Markdown as text (write <figcaption markdown="span">)']


def test_picture_checker_passes_a_good_picture():
    html = ("<article><figure><svg class='picture picture--x' role='img' aria-label='Do this' viewBox='0 0 1 1' "
            "width='1' height='1'></svg><figcaption>Caption</figcaption></figure></article>")
    assert picture_problems("x.html", html) == []


def test_source_checker_catches_words_colours_ids_and_outside_images(tmp_path):
    bad = tmp_path / "bad.svg"
    bad.write_text('<svg viewBox="0 0 1 1"><text id="t" fill="#f00">Calf</text>'
                   '<image href="https://example.org/x.png"/></svg>' + " " * MAX_BYTES)
    problems = " | ".join(source_problems(bad))
    for expected in ("over 4096", "no width", 'fill="#f00"', "has text", "another site", "has an id"):
        assert expected in problems, problems


def test_chart_checker_catches_a_disagreeing_and_a_missing_measure():
    pages = {
        "relief/index.html": "<svg class='evidence-chart'><g data-level='good'><text data-measure='x'>X</text></g></svg>",
        "relief/x/index.html": "<article><span class='evidence'>Evidence against</span></article>",
        "relief/y/index.html": "<article><span class='evidence'>Some evidence</span></article>",
    }
    assert chart_problems(pages) == ["relief/x: page says ['Evidence against'], chart says Good evidence",
                                     "relief/y: has an evidence label but is not in the chart"]


def test_pdf_picture_checker_catches_a_pdf_without_the_picture(browser, tmp_path):
    tab = browser.new_page()
    tab.set_content("<html lang='en'><body><h1>Stretch</h1><p>No drawing here.</p></body></html>")
    tab.pdf(path=str(tmp_path / "plain.pdf"), tagged=True)
    tab.set_content("<html lang='en'><body><h1>Stretch</h1><figure><svg role='img' aria-label='Lean on the wall' "
                    "viewBox='0 0 10 10' width='100' height='100'><circle cx='5' cy='5' r='4'/></svg>"
                    "<figcaption>Hold for 20 seconds.</figcaption></figure></body></html>")
    tab.pdf(path=str(tmp_path / "good.pdf"), tagged=True)
    tab.add_style_tag(content="svg { display: none }")  # the caption prints, the drawing does not
    tab.pdf(path=str(tmp_path / "hidden.pdf"), tagged=True)
    tab.close()
    assert pdf_picture_problems(tmp_path / "plain.pdf", ["Hold for 20 seconds."], ["Lean on the wall"]) == [
        "plain.pdf: no caption 'Hold for 20 seconds.'", "plain.pdf: no drawing with the alt text 'Lean on the wall'"]
    assert pdf_picture_problems(tmp_path / "hidden.pdf", ["Hold for 20 seconds."], ["Lean on the wall"]) == [
        "hidden.pdf: no drawing with the alt text 'Lean on the wall'"]
    assert pdf_picture_problems(tmp_path / "good.pdf", ["Hold for 20 seconds."], ["Lean on the wall"]) == []


def test_pdf_link_checker_catches_a_map_whose_links_did_not_print(browser, tmp_path):
    html = ("<article><svg class='picture'><a href='../x/#calf'><circle r='4'/></a></svg>"
            "<ul><li><a href='../x/#calf'>Calf</a></li></ul></article>")
    tab = browser.new_page()
    tab.set_content("<html lang='en'><body><a href='https://example.org/x/#calf'>Calf</a></body></html>")
    tab.pdf(path=str(tmp_path / "list-only.pdf"))
    tab.close()
    assert pdf_link_problems(tmp_path / "list-only.pdf", "y/index.html", html) == [
        "list-only.pdf: 1 link areas to /x/#calf, expected at least 2 (the drawing's links did not print?)"]


def test_build_names_the_line_of_every_picture_and_chart_mistake(tmp_path, caplog):
    page = ("---\ntitle: T\ndescription: D.\nreviewed: 2026-11-26\nnext_review: 2027-11-26\n---\n\n# T\n\n"
            "<!-- md:evidence-chart -->\n\n"
            "![](assets/pictures/calf-stretch-wall.svg)\n\n"
            "| Measure | Evidence |\n|---|---|\n| Heat | <!-- md:evidence some --> |\n")
    site, errors = build_fixture(tmp_path, {"other.md": page}, caplog=caplog)
    assert site is None
    text = "\n".join(errors)
    assert "other.md:10: the evidence chart needs a table" in text, text
    assert "other.md:16: the evidence chart cannot read this table row" in text, text
    assert "other.md:12: picture calf-stretch-wall.svg: it has no alt text" in text, text
