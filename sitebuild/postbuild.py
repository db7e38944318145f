"""Finish a built site: the steps that read site/ after a generator has written it.

    python -m sitebuild.postbuild SITE_DIR [--site-url URL] [--docs docs] [--no-csp]

1. Search (Material's index, if there is one): each page's description and its lay words from
   docs/data/search-terms.yml (search-terms-es.yml for docs-es/) lead its entry (the words visually
   hidden), pages listed under `boost:`/`demote:` rank higher or lower, and sitebuild/search_query.js
   (forgiving matching in the index's language: common words, stems, accents, typos) is appended to
   the search worker.
2. Every HTML page: review dates written out ("2 December 2026"), the page's Sources added to
   its schema.org data, and a Content-Security-Policy that allows only the site's own origin
   (each inline script by its hash), unless `csp` is off (the file:// bundle has no origin).
3. Sharing: a 1200x630 link-preview PNG for each page that names one (og:image), sitemap
   <lastmod> = the page's review date, and robots.txt pointing at the sitemap.
The MkDocs build runs these in hooks/post_build.py; `make build-zensical` runs this file.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import re
from functools import cache
from html import escape, unescape
from pathlib import Path
from urllib.parse import urljoin

import yaml
from PIL import Image, ImageDraw, ImageFont

from sitebuild import language
from sitebuild.data import page_url

QUERY_JS = Path(__file__).with_name("search_query.js")
WORKERS = Path("assets") / "javascripts" / "workers"
BOOST, DEMOTE = 2, 0.1  # pages people need most; long reference pages that mention every word
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
DATETIME = re.compile(r'<time datetime="(\d{4}-\d{2}-\d{2})"')
ISO_TIME = re.compile(r'(<time datetime="(\d{4}-\d{2}-\d{2})">)\2(</time>)')
LD_JSON = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.S)
SOURCES = re.compile(r'<ol class="sources">(.*?)</ol>', re.S)
SOURCE_ITEM = re.compile(r"<li[^>]*>(.*?)</li>", re.S)
FIRST_LINK = re.compile(r'<a href="([^"]+)"')
NOTES = re.compile(r'(?: · )?<span class="source-note">.*?</span>')  # citations.links() notes, not part of the reference
META = re.compile(r'<meta (?:name|property)="([\w:]+)" content="([^"]*)"')
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
PREVIEW_SIZE, MARGIN, TITLE_BOTTOM = (1200, 630), 80, 440  # the site name and its rule sit below the title
BACKGROUND, TEXT = "#005a70", "#ffffff"
TITLE_SIZES = (84, 72, 60, 52)  # the largest that fits above TITLE_BOTTOM wins


class PostBuildError(Exception):
    pass


# --- 1. search -------------------------------------------------------------------------------

def patch_worker(site_dir: Path) -> Path:
    """Append search_query.js to Material's search worker in site_dir; return the worker's path."""
    workers = sorted((site_dir / WORKERS).glob("search.*.js"))
    if len(workers) != 1:
        raise PostBuildError(
            f"{site_dir / WORKERS}: expected one Material search worker (search.*.js), found "
            f"{len(workers)}. Has Material's layout changed? {QUERY_JS.name} must be appended to it.")
    patch = QUERY_JS.read_text(encoding="utf-8")
    if patch not in workers[0].read_text(encoding="utf-8"):  # a dirty rebuild may keep the patched copy
        with workers[0].open("a", encoding="utf-8") as worker:
            worker.write("\n" + patch)
    return workers[0]


def search(site_dir: Path, docs_dir: Path, descriptions: dict[str, str], directory_urls: bool = True) -> None:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():  # Zensical has its own search (search.json): left as it is
        return
    patch_worker(site_dir)
    lang = language.of_docs(docs_dir)
    path = docs_dir / "data" / language.data_file("search-terms.yml", lang)
    words = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    terms = {page_url(src, directory_urls): " ".join(str(w).split()) for src, w in (words.get("terms") or {}).items()}
    boost = {page_url(src, directory_urls): BOOST for src in words.get("boost") or []}
    boost.update({page_url(src, directory_urls): DEMOTE for src in words.get("demote") or []})
    index_data = json.loads(index.read_text(encoding="utf-8"))
    for doc in index_data["docs"]:
        url, _, section = doc["location"].partition("#")
        if url in boost:
            doc["boost"] = boost[url]
        if section or url not in descriptions:
            continue
        lead = f"<p>{escape(descriptions[url], quote=False)}</p>" if descriptions[url] else ""
        also = language.words(lang)["also_known_as"]
        hidden = f'<p class="visually-hidden">{also}: {escape(terms[url], quote=False)}</p>' if url in terms else ""
        doc["text"] = lead + hidden + doc["text"]
    index.write_text(json.dumps(index_data, separators=(",", ":")), encoding="utf-8")


# --- 2. every page ----------------------------------------------------------------------------

def long_dates(html: str, lang: str) -> str:
    """Each <time> that shows an ISO date, written out: "2 December 2026", "2 de diciembre de 2026"."""
    return ISO_TIME.sub(lambda m: f"{m.group(1)}{language.long_date(m.group(2), lang)}{m.group(3)}", html)


def with_sources(html: str) -> str:
    """schema.org `citation`: each of the page's sources by its first link (DOI, PubMed or web page), else its text."""
    ld, sources = LD_JSON.search(html), SOURCES.search(html)
    if not ld or not sources:
        return html
    cited = []
    for item in SOURCE_ITEM.findall(sources.group(1)):
        item = NOTES.sub("", item)
        link = FIRST_LINK.search(item)
        text = unescape(re.sub(r"<[^>]+>", "", item)).strip()
        cited.append(unescape(link.group(1)) if link else text)
    data = json.loads(ld.group(2))
    data["citation"] = cited
    return html[:ld.start(2)] + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + html[ld.end(2):]


def with_policy(html: str) -> str:
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                      for body in INLINE_SCRIPT.findall(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=hashes)}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n      {meta}', 1)


# --- 3. sharing -------------------------------------------------------------------------------

@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    if not FONT.is_file():
        raise PostBuildError(f"sitebuild/postbuild.py: font {FONT} is missing. Install it with "
                             "`apt-get install fonts-dejavu-core` (.ci/system-deps.sh does).")
    return ImageFont.truetype(str(FONT), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_preview(title: str, site_name: str, path: Path) -> None:
    image = Image.new("RGB", PREVIEW_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = PREVIEW_SIZE[0] - 2 * MARGIN
    for size in TITLE_SIZES:
        face = font(size)
        text = "\n".join(wrap(title, face, width))
        box = draw.multiline_textbbox((MARGIN, MARGIN), text, font=face, spacing=size // 4)
        if box[2] <= PREVIEW_SIZE[0] - MARGIN and box[3] <= TITLE_BOTTOM:
            break
    draw.multiline_text((MARGIN, MARGIN), text, font=face, fill=TEXT, spacing=size // 4)
    draw.rectangle((MARGIN, PREVIEW_SIZE[1] - MARGIN - 72, MARGIN + 120, PREVIEW_SIZE[1] - MARGIN - 64), fill=TEXT)
    draw.text((MARGIN, PREVIEW_SIZE[1] - MARGIN), site_name, font=font(44), fill=TEXT, anchor="ls")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", compress_level=1)


def sitemap_dates(site_dir: Path, site_url: str, reviewed: dict[str, str]) -> None:
    """<lastmod> of each page = its review date (page URL -> date)."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return

    def one(match: re.Match) -> str:
        block = re.sub(r"\s*<lastmod>.*?</lastmod>", "", match.group(0))
        url = unescape(re.search(r"<loc>(.*?)</loc>", block).group(1)).removeprefix(site_url)
        if url not in reviewed:
            return block
        return block.replace("</loc>", f"</loc>\n         <lastmod>{reviewed[url]}</lastmod>", 1)

    text = re.sub(r"<url>.*?</url>", one, path.read_text(encoding="utf-8"), flags=re.S)
    path.write_text(text, encoding="utf-8")
    if (site_dir / "sitemap.xml.gz").is_file():
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


# --- all steps ----------------------------------------------------------------------------------

def run(site_dir: Path | str, site_url: str, docs_dir: Path | str = "docs", csp: bool = True,
        directory_urls: bool = True, previews: bool = True) -> None:
    site_dir, docs_dir = Path(site_dir), Path(docs_dir)
    descriptions, reviewed = {}, {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith("assets/"):
            continue
        html = path.read_text(encoding="utf-8")
        url = rel.removesuffix("index.html") if directory_urls else rel
        meta = dict(META.findall(html))
        if "description" in meta:
            descriptions[url] = unescape(meta["description"])
        if previews and meta.get("og:image", "").startswith(site_url):
            image = site_dir / meta["og:image"].removeprefix(site_url)
            draw_preview(unescape(meta.get("og:title", "")), unescape(meta.get("og:site_name", "")), image)
        dates = DATETIME.findall(html)
        if dates:
            reviewed[url] = dates[0]  # the first date shown is "Page last reviewed"
        new = with_sources(long_dates(html, language.of_docs(docs_dir)))
        new = with_policy(new) if csp and "Content-Security-Policy" not in new else new
        if new != html:
            path.write_text(new, encoding="utf-8")
    search(site_dir, docs_dir, descriptions, directory_urls)
    sitemap_dates(site_dir, site_url, reviewed)
    (site_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url or '/', 'sitemap.xml')}\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir")
    parser.add_argument("--site-url", help="default: the home page's canonical URL")
    parser.add_argument("--docs", default="docs")
    parser.add_argument("--no-csp", dest="csp", action="store_false")
    args = parser.parse_args()
    home = (Path(args.site_dir) / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    run(args.site_dir, args.site_url or (canonical.group(1) if canonical else "/"), args.docs, args.csp)
