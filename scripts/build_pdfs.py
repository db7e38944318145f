"""Print the built site to PDF: one tagged PDF per page, and the whole guide in one PDF.

Reads only the HTML in a built site (default `site/`), so it works whatever generator made it:

    python scripts/build_pdfs.py [site]

- every content page (each `index.html`, leaving out 404, search and assets) becomes
  `<site>/pdf/<page path>.pdf` (the home page `pdf/index.pdf`), printed by Chromium with the
  site's print stylesheet: tagged, with bookmarks, page numbers and the page's web address;
- `<site>/pdf/spasm-relief-guide.pdf` holds a cover, a contents list with page numbers, then every
  page in reading order (following each page's `<link rel="next">` from the home page), with
  links between pages turned into links inside the PDF.

The site is served from 127.0.0.1 and every other request is blocked, so printing never uses
the network (the search index is blocked too: it is not printed and slows each page down). Chromium is Debian's (/usr/bin/chromium), driven by Playwright; set CHROMIUM to
use another binary.
"""

from __future__ import annotations

import datetime as dt
import functools
from concurrent.futures import ProcessPoolExecutor
import html
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitebuild import language  # noqa: E402

# not pages: the theme's files, the downloads, and the other editions (site/es/ is built and printed on its own)
SKIP_DIRS = {"assets", "search", "pdf", "download", *(sub.strip("/") for sub in language.SUBDIRS)}
GUIDE = "spasm-relief-guide.pdf"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}
SMALL = "font-family: sans-serif; font-size: 8pt; color: #000; width: 100%; padding: 0 14mm; box-sizing: border-box;"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 in a background thread; returns (server, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def local_only(base: str, route) -> None:
    """Let through requests to our server, except search (not printed, and slow to load)."""
    url = route.request.url
    if url.startswith(base) and "/search/" not in url and "/workers/search" not in url:
        route.continue_()
    else:
        route.abort()


def content_pages(site: Path) -> list[str]:
    """Site-relative paths of the content pages, e.g. 'relief/heat-and-cold/index.html'
    (not 404, search, assets, nor the redirect pages that keep old URLs alive)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site)
        if rel.parts[0] not in SKIP_DIRS and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"):
            pages.append(rel.as_posix())
    return pages


def pdf_name(page: str) -> str:
    """'relief/heat-and-cold/index.html' -> 'relief/heat-and-cold.pdf'; 'index.html' -> 'index.pdf'."""
    return (page.removesuffix("index.html").rstrip("/") or "index") + ".pdf"


def canonical(soup: BeautifulSoup) -> str:
    link = soup.select_one('link[rel="canonical"]')
    return link["href"] if link else ""


def footer(text: str, lang: str = language.DEFAULT) -> str:
    page, of = language.words(lang)["pdf"]["page_of"]
    return (f'<div style="{SMALL} display: flex; justify-content: space-between;">'
            f'<span>{html.escape(text)}</span>'
            f'<span>{page} <span class="pageNumber"></span> {of} <span class="totalPages"></span></span></div>')


# Open collapsed blocks; point links to other pages at the website, not the print server.
PREPARE = """site => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  for (const a of document.querySelectorAll('a[href]')) {  // get/setAttribute: SVG links too (body map)
    const u = new URL(a.getAttribute('href'), location.href);
    if (u.origin === location.origin && !(u.pathname === location.pathname && u.hash))
      a.setAttribute('href', site + u.pathname.slice(1) + u.search + u.hash);
  }
}"""


def print_page(page, url: str, out: Path, site_url: str, footer_text: str, header_text: str = "",
               lang: str = language.DEFAULT) -> None:
    page.goto(url, wait_until="load")
    page.evaluate(PREPARE, site_url)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), format="A4", margin=MARGIN, print_background=False, tagged=True, outline=True,
             display_header_footer=True, footer_template=footer(footer_text, lang),
             header_template=f'<div style="{SMALL} text-align: right;">{html.escape(header_text)}</div>')


def reading_order(site: Path, pages: list[str]) -> list[str]:
    """Pages in navigation order: follow <link rel="next"> from the home page."""
    order, current = [], "index.html"
    while current and current not in order:
        order.append(current)
        soup = BeautifulSoup((site / current).read_text(encoding="utf-8"), "lxml")
        nxt = soup.select_one('link[rel="next"]')
        current = None
        if nxt:
            target = urlsplit(urljoin("http://x/" + order[-1], nxt["href"])).path.lstrip("/")
            current = target + "index.html" if target.endswith("/") or not target else target
    missing = [p for p in pages if p not in order]
    if missing:
        raise SystemExit(f"build_pdfs: pages outside the reading order (no rel=next chain to them): {missing}")
    return order


def title_of(path: Path) -> str:
    h1 = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article h1")
    for link in h1.select(".headerlink"):
        link.decompose()
    return " ".join(h1.get_text().split())


def slug(page: str) -> str:
    return page.removesuffix("index.html").strip("/").replace("/", "-") or "home"


def guide_html(site: Path, order: list[str], site_url: str, numbers: dict[str, str]) -> str:
    """One document: cover, contents, then each page's article with ids made unique per page."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    styles = "".join(str(tag) for tag in home.head.select('link[rel="stylesheet"], style'))
    lang = home.html.get("lang", "en")
    words, name = language.words(lang)["pdf"], home.select_one('meta[property="og:site_name"]')["content"]
    body_attrs = " ".join(f'{k}="{html.escape(v)}"' for k, v in home.body.attrs.items() if isinstance(v, str))
    sections, contents, running = [], [], []
    for page in order:
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article")
        for tag in article.select(".download-pdf, .headerlink"):
            tag.decompose()
        prefix = slug(page)
        for tag in article.find_all(id=True):
            tag["id"] = f"{prefix}--{tag['id']}"
        for tag in article.find_all(href=True):
            tag["href"] = guide_link(tag["href"], page, order, site_url)
        title = " ".join(article.find("h1").get_text().split())
        contents.append(f'<li><a href="#{prefix}"><span class="guide-toc__title">{html.escape(title)}</span>'
                        f'<span class="guide-toc__page">{numbers.get(page, "000")}</span></a></li>')
        sections.append(f'<section class="guide-page" id="{prefix}" data-page="{page}" style="page: {prefix}">'
                        f'{article.decode_contents()}</section>')
        running.append(running_header(prefix, section_of(soup), title))
    edition = language.long_date(dt.date.today().isoformat(), lang)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(name)}: {words["whole_guide"]}</title>{styles}
<style>
  .guide-cover {{ text-align: center; padding-top: 30vh; }}
  .guide-cover h1 {{ font-size: 2.4em; margin-bottom: 0.5em; }}
  .guide-toc, .guide-page {{ break-before: page; }}
  .guide-toc ol {{ list-style: none; margin: 0; padding: 0; }}
  .guide-toc li {{ margin: 0.2em 0 !important; max-width: none !important; }}
  .guide-toc a {{ display: flex; gap: 0.5em; text-decoration: none !important; color: #000; }}
  .guide-toc a::after {{ content: none !important; }}
  .guide-toc__title {{ flex: 1; border-bottom: 1pt dotted #000; }}
{''.join(running)}
</style></head>
<body {body_attrs}><main class="md-content"><div class="md-content__inner md-typeset">
<section class="guide-cover" aria-label="{words["cover"]}">
  <h1>{html.escape(name)}</h1>
  <p>{words["subtitle"]}</p>
  <p>{words["edition"].format(date=edition)}</p>
  <p>{words["web_address"]} {html.escape(site_url)}</p>
  <p>{words["not_advice"]}</p>
</section>
<nav class="guide-toc" aria-labelledby="guide-contents"><h1 id="guide-contents">{words["contents"]}</h1><ol>{''.join(contents)}</ol></nav>
{''.join(sections)}
</div></main></body></html>"""


def section_of(soup: BeautifulSoup) -> str:
    """The menu section a page is in ('What helps'), from Material's navigation."""
    item = soup.select_one(".md-nav--primary > .md-nav__list > .md-nav__item--active .md-ellipsis")
    return " ".join(item.get_text().split()) if item else ""


def running_header(prefix: str, section: str, title: str) -> str:
    """The guide's running header names the section and page (a named page per section, with a
    CSS margin box: Chromium's header template is the same on every page)."""
    text = title if section in ("", "Home", "Inicio", title) else f"{section} · {title}"
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'  @page {prefix} {{ @top-left {{ content: "{text}"; font: 8pt sans-serif; color: #000; }} }}\n'


def guide_link(href: str, page: str, order: list[str], site_url: str) -> str:
    """A link in `page`, rewritten for the combined document."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        return f"#{slug(page)}--{parts.fragment}" if parts.fragment else f"#{slug(page)}"
    target = urlsplit(urljoin("http://x/" + page, href)).path.lstrip("/")
    as_page = target + "index.html" if target.endswith("/") or not target else target
    if as_page in order:
        return f"#{slug(as_page)}--{parts.fragment}" if parts.fragment else f"#{slug(as_page)}"
    return urljoin(site_url, target)  # a file that is not a page (a PDF, the zip): the web copy


def start_pages(pdf: Path, order: list[str], titles: dict[str, str]) -> dict[str, str]:
    """The PDF page on which each section starts: each starts a new page with its title on top."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tops = ["".join(sheet.split()[:40]) for sheet in text.split("\f")]  # compared without spaces
    numbers, sheet = {}, 2  # after the cover and at least one contents page
    for page in order:
        while sheet < len(tops) and titles[page].replace(" ", "") not in tops[sheet]:
            sheet += 1
        if sheet == len(tops):
            raise SystemExit(f"build_pdfs: could not find where '{titles[page]}' ({page}) starts in {pdf}")
        numbers[page] = str(sheet + 1)
        sheet += 1
    return numbers


def print_site(site: Path) -> None:
    """Every page's PDF and the whole guide of one edition, into site/pdf/."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"build_pdfs: no built site in {site} (run mkdocs build first)")
    pages = content_pages(site)
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    lang, name = home.html.get("lang", "en"), home.select_one('meta[property="og:site_name"]')["content"]
    words = language.words(lang)["pdf"]
    server, base = serve(site)
    start = time.perf_counter()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            context.route("**/*", functools.partial(local_only, base))
            tab = context.new_page()
            tab.emulate_media(media="print")
            site_url = canonical(home)
            for page in pages:
                address = canonical(BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml"))
                print_page(tab, base + page, site / "pdf" / pdf_name(page), site_url, address, lang=lang)
            print(f"build_pdfs: {site}: {len(pages)} page PDFs in {time.perf_counter() - start:.1f} s")
            order = reading_order(site, pages)
            titles = {n: title_of(site / n) for n in order}
            combined = site / ".guide-print.html"
            out = site / "pdf" / GUIDE
            header = f"{name} · {site_url}"
            try:
                combined.write_text(guide_html(site, order, site_url, {}), encoding="utf-8")
                print_page(tab, base + combined.name, out, site_url, words["footer"], header, lang)
                combined.write_text(guide_html(site, order, site_url, start_pages(out, order, titles)), encoding="utf-8")
                print_page(tab, base + combined.name, out, site_url, words["footer"], header, lang)
            finally:
                combined.unlink(missing_ok=True)
            browser.close()
    finally:
        server.shutdown()
    print(f"build_pdfs: {site}: whole guide ({len(order)} pages) done; total {time.perf_counter() - start:.1f} s")


def main(argv: list[str]) -> int:
    """python scripts/build_pdfs.py [SITE ...]: each edition's PDFs (default: site), the editions side
    by side (one Chromium each: with 2 cores, the two editions take little longer than one)."""
    sites = [Path(site).resolve() for site in argv or ["site"]]
    with ProcessPoolExecutor(max_workers=len(sites)) as pool:
        list(pool.map(print_site, sites))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
