"""Offline reading: the PDFs, printing, and the offline bundle.

`make test` builds them first (Makefile `build-site`): a tagged PDF per page and one for the
whole guide in site/pdf/ (scripts/build_pdfs.py), and the file:// bundle in
site/download/. PDFs are checked with poppler (pdfinfo, pdffonts, pdftotext); printing and the
bundle's search with headless Chromium. Each checker has a broken fixture below.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from linkcheck import Site, check, links_in, trusted_hosts

ROOT = Path(__file__).resolve().parent.parent
import build_pdfs  # noqa: E402  (on the path from conftest.py)




# --- checkers --------------------------------------------------------------------------------

def squash(text: str) -> str:
    """Text without any whitespace: PDF text breaks lines where the HTML does not."""
    return "".join(text.split())


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    if out.returncode:
        return {}
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.stdout.splitlines())}


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout


def pdf_fonts(pdf: Path) -> dict[str, bool]:
    """Each font in the PDF: its name (subset prefix dropped) and whether it is embedded."""
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    # columns: name type [encoding] emb sub uni id gen; count from the right (names have no spaces)
    return {row.split()[0].split("+")[-1]: row.split()[-5] == "yes" for row in rows}


def pdf_problems(pdf: Path, title: str, texts: list[str], lang: str = "en") -> list[str]:
    """What is wrong with one PDF: it must open, be tagged, titled, in `lang`, embed its fonts
    and use the site's font, and contain each of `texts`. Each problem names the file."""
    info = pdf_info(pdf)
    if not info:
        return [f"{pdf}: pdfinfo cannot open it"]
    problems = []
    if int(info.get("Pages", "0")) < 1:
        problems.append(f"{pdf}: no pages")
    if info.get("Tagged") != "yes":
        problems.append(f"{pdf}: not tagged (screen readers cannot follow its structure)")
    if info.get("Title") != title:
        problems.append(f"{pdf}: document title is {info.get('Title')!r}, expected {title!r}")
    if f"/Lang ({lang})".encode() not in pdf.read_bytes():
        problems.append(f"{pdf}: no /Lang ({lang}) in the catalogue")
    fonts = pdf_fonts(pdf)
    problems += [f"{pdf}: font {name} is not embedded" for name, embedded in fonts.items() if not embedded]
    if not any(name.startswith("AtkinsonHyperlegible") for name in fonts):
        problems.append(f"{pdf}: text is not in the site's font, Atkinson Hyperlegible (fonts: {', '.join(fonts)})")
    local = re.findall(rb"/URI \((?:https?://(?:127\.0\.0\.1|localhost)|file:)[^)]*\)", pdf.read_bytes())
    problems += [f"{pdf}: link to the print server or a local file: {link.decode()}" for link in local[:3]]
    body = re.sub(r"\[[\d,–-]+\]", "", squash(pdf_text(pdf)))  # citation numbers are not in `texts`
    problems += [f"{pdf}: text does not contain {t!r}" for t in texts if squash(t) not in body]
    return problems


def structure_problems(pdf: Path, tables: int = 0) -> list[str]:
    """The tag tree (pdfinfo -struct): a Document with one H1, and each of the page's `tables`
    tagged as a Table with header cells (Chromium tags a table without <th> as layout)."""
    tree = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True).stdout
    tags = re.findall(r"^\s*(\w+)", tree, re.M)
    problems = []
    if not tags or tags[0] != "Document":
        problems.append(f"{pdf}: the tag tree does not start with Document")
    if tags.count("H1") != 1:
        problems.append(f"{pdf}: {tags.count('H1')} H1 tags, expected 1")
    if tags.count("Table") < tables or tags.count("TH") < tables:
        problems.append(f"{pdf}: {tables} tables on the page, {tags.count('Table')} tagged as tables with "
                        f"{tags.count('TH')} header cells")
    return problems


def order_problems(text: str, titles: list[str]) -> list[str]:
    """Each title must appear after the one before it (in the text after the contents list)."""
    body, at, problems = squash(text), 0, []
    for title in titles:
        found = body.find(squash(title), at)
        if found < 0:
            problems.append(f"'{title}' is missing or out of reading order")
        else:
            at = found
    return problems


def contents_problems(text: str, entries: list[tuple[str, int]]) -> list[str]:
    """Each contents entry's page number must be the sheet that starts with that title."""
    sheets = [squash(s)[:300] for s in text.split("\f")]
    return [f"contents: '{title}' says page {number}, but that page does not start with it"
            for title, number in entries
            if number > len(sheets) or squash(title) not in sheets[number - 1]]


def page_facts(html: str) -> tuple[str, str, str]:
    """(HTML title, h1 text, first key point) of a built page."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.select(".headerlink, sup.cite"):
        tag.decompose()
    h1 = soup.select_one("article h1")
    heading = soup.find(id="key-points") or soup.find(id="puntos-clave")  # English, Spanish
    first = heading.find_next("li") if heading else None
    return (soup.title.get_text(), " ".join(h1.get_text().split()),
            " ".join(first.get_text().split()) if first else "")


def print_problems(tab) -> list[str]:
    """In print media: no site chrome, the print footer shown, care cards shown."""
    tab.emulate_media(media="print")
    problems = [f"{sel} is visible in print" for sel in (".md-header", ".md-sidebar", ".md-footer", ".download-pdf")
                if tab.locator(sel).first.count() and tab.locator(sel).first.is_visible()]
    problems += [f"{sel} is not visible in print" for sel in (".print-footer", ".admonition.care-emergency")
                 if not (tab.locator(sel).count() and tab.locator(sel).first.is_visible())]
    tab.emulate_media(media="screen")
    if tab.locator(".print-footer").count() and tab.locator(".print-footer").is_visible():
        problems.append(".print-footer is visible on screen")
    return problems


def file_url_problems(root: Path) -> list[str]:
    """Under file:// a link to a folder opens a file listing, not a page: links must name files."""
    problems = []
    for page in sorted(root.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for link in links_in(soup):
            parts = urlsplit(urljoin(page.as_uri(), link))
            if parts.scheme == "file" and parts.path.endswith("/"):
                problems.append(f"{page.relative_to(root)}: link '{link}' points to a folder")
    return problems


# --- fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tab(browser):
    """A tab in the session's Chromium (conftest.browser) that can open only local files."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!file:|data:|about:).*"), lambda route: route.abort())  # no network
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def page_pdfs(site) -> list[str]:
    """The content pages, each with its PDF in site/pdf/ (marks a test `pdf`: conftest.py)."""
    return build_pdfs.content_pages(site.root)


# --- the built PDFs --------------------------------------------------------------------------

def test_every_content_page_has_its_pdf(site, page_pdfs):
    assert len(page_pdfs) > 40
    missing = [f"site/pdf/{build_pdfs.pdf_name(p)} (for {site.source_of(site.root / p)})" for p in page_pdfs
               if not (site.root / "pdf" / build_pdfs.pdf_name(p)).is_file()]
    assert not missing, missing


def test_page_pdfs_are_tagged_titled_with_embedded_fonts_and_the_page_text(site, page_pdfs, edition):
    problems = []
    for page in page_pdfs:
        title, heading, key_point = page_facts((site.root / page).read_text(encoding="utf-8"))
        texts = [heading] + ([key_point] if key_point else [])
        problems += pdf_problems(site.root / "pdf" / build_pdfs.pdf_name(page), title, texts, edition)
    assert not problems, "\n".join(problems)


def test_page_pdfs_tag_one_title_and_table_headers(site, page_pdfs):
    problems = []
    for page in page_pdfs:
        tables = len(BeautifulSoup((site.root / page).read_text(encoding="utf-8"), "lxml").select("article table"))
        problems += structure_problems(site.root / "pdf" / build_pdfs.pdf_name(page), tables)
    assert not problems, "\n".join(problems)


@pytest.mark.pdf
@pytest.mark.parametrize("tool", ["tools/spasm-diary/index.html", "tools/appointment-summary/index.html"])
def test_printable_tools_fit_on_one_a4_page(site, tool, page_of):
    assert pdf_info(site.root / "pdf" / build_pdfs.pdf_name(page_of(tool)))["Pages"] == "1"


@pytest.mark.parametrize("tool", ["tools/spasm-diary/index.html", "tools/appointment-summary/index.html"])
def test_printable_tools_fit_on_one_letter_page(site, tab, tmp_path, tool, page_of):
    tab.goto((site.root / page_of(tool)).as_uri())
    tab.emulate_media(media="print")
    tab.pdf(path=str(tmp_path / "letter.pdf"), format="Letter", margin=build_pdfs.MARGIN)
    tab.emulate_media(media="screen")
    assert pdf_info(tmp_path / "letter.pdf")["Pages"] == "1"


def test_download_button_links_to_the_page_pdf(site, page_pdfs):
    problems = []
    for page in page_pdfs:
        button = BeautifulSoup((site.root / page).read_text(encoding="utf-8"), "lxml").select_one(".download-pdf a")
        expected = "pdf/" + build_pdfs.pdf_name(page)
        if button is None or urlsplit(urljoin("http://x/" + page, button["href"])).path != "/" + expected:
            problems.append(f"{site.source_of(site.root / page)}: no Download PDF link to {expected}")
    assert not problems, problems


# --- the whole guide -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def guide(site):
    return site.root / "pdf" / build_pdfs.GUIDE


@pytest.fixture(scope="module")
def guide_contents(site, page_pdfs, guide) -> list[tuple[str, int]]:
    """(title, page number) of each contents entry, in reading order."""
    order = build_pdfs.reading_order(site.root, page_pdfs)
    titles = [page_facts((site.root / p).read_text(encoding="utf-8"))[1] for p in order]
    contents = " ".join(" ".join(pdf_text(guide).split("\f")[1:4]).split())
    entries = []
    for title in titles:
        match = re.search(re.escape(title) + r"\s+(\d+)", contents)
        assert match, f"{guide}: '{title}' has no page number in the contents"
        entries.append((title, int(match.group(1))))
    return entries


GUIDE_WORDS = {"en": ("Spasm Relief Guide: the whole guide", ["Contents", "Edition of"]),
               "es": ("Guía de alivio de espasmos: la guía completa", ["Índice", "Edición del"])}


def test_guide_is_tagged_and_holds_every_page_in_reading_order(site, page_pdfs, guide, guide_contents, edition, page_of):
    order = build_pdfs.reading_order(site.root, page_pdfs)
    assert order[-2:] == [page_of("glossary/index.html"), page_of("references/index.html")]  # the back matter
    title, texts = GUIDE_WORDS[edition]
    problems = pdf_problems(guide, title, texts, edition)
    after_contents = "\f".join(pdf_text(guide).split("\f")[guide_contents[0][1] - 1:])
    problems += order_problems(after_contents, [title for title, _ in guide_contents])
    assert not problems, "\n".join(problems)


def test_guide_contents_page_numbers_are_right(guide, guide_contents):
    assert not contents_problems(pdf_text(guide), guide_contents)


def test_guide_has_bookmarks_and_links_inside_itself(guide):
    data = guide.read_bytes()
    assert b"/Outlines" in data, f"{guide}: no bookmarks (outline)"
    internal = len(re.findall(rb"/Dest\b", data))
    assert internal > 100, f"{guide}: only {internal} links inside the document"


# --- printing --------------------------------------------------------------------------------

def test_print_shows_the_article_and_care_cards_only(site, tab, page_of):
    tab.goto((site.root / page_of("get-help/index.html")).as_uri())
    assert not print_problems(tab)


# --- the offline bundle ----------------------------------------------------------------------

# Expected in the bundle: the download page's links to the PDFs and the zip, which the bundle does
# not hold (the page tells readers to use the website for the latest version); the 404 page, which
# only a web server shows; links to the page's web address (canonical and sharing tags).
NOT_IN_BUNDLE = re.compile(r"^(docs(-es)?/(about/download|acerca-de/descargar)\.md .*link '(\.\./)+(pdf|download)/|404\.html)")


def test_offline_bundle_links_and_search_index_resolve_under_file_urls(bundle, config):
    offline = Site(bundle, bundle.as_uri() + "/", Path(config["docs_dir"]))
    web = f"link '{urljoin(config['site_url'], '/')}"  # this edition's web address, or the other edition's
    problems = [p for p in check(offline, trusted_hosts()) if not NOT_IN_BUNDLE.match(p) and web not in p]
    problems += file_url_problems(bundle)
    assert (bundle / "search" / "search_index.js").is_file()
    assert not problems, "\n".join(problems)


def test_offline_bundle_loads_nothing_from_the_network(bundle):
    remote = []
    for page in bundle.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        remote += [f"{page.relative_to(bundle)}: {tag.get('src') or tag.get('href')}"
                   for tag in soup.select("script[src], link[rel~='stylesheet'], link[rel~='icon'], img[src]")
                   if re.match(r"(https?:)?//", tag.get("src") or tag.get("href"))]
    assert not remote, remote[:10]


def test_iframe_worker_shim_is_only_in_the_offline_bundle(site, bundle):
    """Only search under file:// needs the shim; online pages skip the download."""
    shim = "iframe-worker-shim.js"
    assert shim in (bundle / "index.html").read_text(encoding="utf-8")
    assert shim not in (site.root / "index.html").read_text(encoding="utf-8")


# --- broken fixtures: each checker can fail --------------------------------------------------

def plain_pdf(tmp_path: Path) -> Path:
    """A hand-written PDF: untagged, untitled, no language, a font that is not embedded, a link
    to the print server."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] "
        b"/A << /S /URI /URI (http://127.0.0.1:8000/get-help/) >> >>] >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 12 Tf 72 700 Td (Something else entirely) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = tmp_path / "plain.pdf"
    path.write_bytes(bytes(out))
    return path


def test_pdf_checker_catches_an_untagged_untitled_pdf_without_fonts_or_text(tmp_path):
    problems = " | ".join(pdf_problems(plain_pdf(tmp_path), "Heat and cold", ["Heat and cold"]))
    for expected in ("not tagged", "document title", "/Lang", "Helvetica is not embedded", "not in the site's font",
                     "does not contain", "link to the print server"):
        assert expected in problems
    assert str(tmp_path / "plain.pdf") in problems  # names the file


def test_pdf_checker_catches_an_untagged_chromium_pdf(tab, tmp_path):
    tab.set_content("<html lang='en'><title>Heat and cold</title><h1>Heat and cold</h1></html>")
    tab.pdf(path=str(tmp_path / "untagged.pdf"), tagged=False)
    problems = pdf_problems(tmp_path / "untagged.pdf", "Heat and cold", ["Heat and cold"])
    assert any("not tagged" in p for p in problems)
    assert "cannot open" in pdf_problems(tmp_path / "nothing.pdf", "x", [])[0]


def test_structure_checker_catches_untagged_and_two_titles(tab, tmp_path):
    tab.set_content("<html lang='en'><title>T</title><h1>One</h1><h1>Two</h1>"
                    "<table><tr><td>no header</td></tr></table></html>")
    tab.pdf(path=str(tmp_path / "two.pdf"), tagged=True)
    problems = structure_problems(tmp_path / "two.pdf", tables=1)
    assert any("2 H1 tags" in p for p in problems) and any("0 tagged as tables" in p for p in problems)
    tab.pdf(path=str(tmp_path / "untagged.pdf"), tagged=False)
    assert any("does not start with Document" in p for p in structure_problems(tmp_path / "untagged.pdf"))


def test_order_checker_catches_pages_out_of_order():
    assert order_problems("Alpha Beta Gamma", ["Alpha", "Beta", "Gamma"]) == []
    assert order_problems("Alpha Gamma Beta", ["Alpha", "Beta", "Gamma"]) == ["'Gamma' is missing or out of reading order"]


def test_contents_checker_catches_a_wrong_page_number():
    text = "Cover\fContents\fAlpha text\fBeta text"
    assert contents_problems(text, [("Alpha", 3), ("Beta", 4)]) == []
    assert contents_problems(text, [("Alpha", 4)]) and contents_problems(text, [("Beta", 9)])


def test_print_checker_catches_site_chrome_in_print(tab):
    tab.set_content("<header class='md-header'>Menu</header><div class='admonition care-emergency'>Call</div>"
                    "<footer class='print-footer'>Web address</footer>")
    problems = print_problems(tab)
    assert ".md-header is visible in print" in problems and ".print-footer is visible on screen" in problems


def test_file_url_checker_catches_a_link_to_a_folder(tmp_path):
    (tmp_path / "index.html").write_text("<a href='relief/'>What helps</a><a href='relief/index.html'>ok</a>")
    assert file_url_problems(tmp_path) == ["index.html: link 'relief/' points to a folder"]
