"""Sharing: every page makes a link that previews well and that search engines can index.

Checks the built site for Open Graph / Twitter tags, the canonical URL, the preview image,
schema.org MedicalWebPage JSON-LD, heading permalinks, sitemap.xml and robots.txt.
Each checker is a small function; the tests at the bottom break it on purpose.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import parse
from PIL import Image

META = {
    "property": ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name", "og:image",
                 "og:image:width", "og:image:height", "og:image:alt"),
    "name": ("twitter:card",),
}
FIXED = {"og:locale": "en_GB", "og:image:width": "1200", "og:image:height": "630", "twitter:card": "summary_large_image"}
# Each edition's own values, written out here
LOCALE = {"en": "en_GB", "es": "es_ES"}
CONDITION = {"en": "Fibromyalgia", "es": "Fibromialgia"}
SECTIONS_404 = {"en": {"Home", "When to get help", "What helps", "Understanding spasms", "Causes"},
                "es": {"Inicio", "Cuándo pedir ayuda", "Qué ayuda", "Entender los espasmos", "Causas"}}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def meta_content(soup: BeautifulSoup, key: str) -> list[str]:
    attr = "name" if key in META["name"] else "property"
    return [tag.get("content", "") for tag in soup.find_all("meta", attrs={attr: key})]


def meta_problems(html: str, expected_url: str, home: bool = False, locale: str = "en_GB") -> list[str]:
    """Each sharing tag once and non-empty; canonical and og:url are the page's own URL."""
    soup = parse(html)
    problems, fixed = [], FIXED | {"og:locale": locale}
    for key in META["property"] + META["name"]:
        values = meta_content(soup, key)
        if len(values) != 1 or not values[0].strip():
            problems.append(f"<meta {key}> appears {len(values)} times (or is empty); it must appear once with content")
        elif key in fixed and values[0] != fixed[key]:
            problems.append(f"<meta {key}> is '{values[0]}', expected '{fixed[key]}'")
    og_type = meta_content(soup, "og:type")
    if og_type and og_type[0] != ("website" if home else "article"):
        problems.append(f"og:type is '{og_type[0]}', expected {'website' if home else 'article'}")
    canonical = [tag.get("href") for tag in soup.find_all("link", rel="canonical")]
    if canonical != [expected_url]:
        problems.append(f"rel=canonical is {canonical}, expected ['{expected_url}']")
    og_url = meta_content(soup, "og:url")
    if og_url and og_url[0] != expected_url:
        problems.append(f"og:url is '{og_url[0]}', expected '{expected_url}'")
    return problems


def reviewed_date(soup: BeautifulSoup) -> str | None:
    """The datetime of the "Page last reviewed" <time> (the first of the review dates)."""
    first = soup.select_one(".review-dates p time")
    return first.get("datetime") if first else None


def jsonld_problems(html: str, expected_url: str, condition: str = "Fibromyalgia") -> list[str]:
    """One MedicalWebPage JSON-LD block, about fibromyalgia, reviewed on the date the page shows."""
    soup = parse(html)
    scripts = soup.find_all("script", type="application/ld+json")
    if len(scripts) != 1:
        return [f"{len(scripts)} JSON-LD blocks, expected 1"]
    try:
        data = json.loads(scripts[0].string or "")
    except json.JSONDecodeError as error:
        return [f"JSON-LD does not parse: {error}"]
    problems = []
    if data.get("@type") != "MedicalWebPage":
        problems.append(f"JSON-LD @type is {data.get('@type')!r}, expected 'MedicalWebPage'")
    for key in ("name", "description"):
        if not str(data.get(key, "")).strip():
            problems.append(f"JSON-LD '{key}' is missing or empty")
    if data.get("url") != expected_url:
        problems.append(f"JSON-LD url is {data.get('url')!r}, expected '{expected_url}'")
    if data.get("about") != {"@type": "MedicalCondition", "name": condition}:
        problems.append(f"JSON-LD about is {data.get('about')!r}")
    if not isinstance(data.get("citation", []), list):
        problems.append("JSON-LD citation must be a list")
    shown = reviewed_date(soup)
    if data.get("lastReviewed") != shown:
        problems.append(f"JSON-LD lastReviewed is {data.get('lastReviewed')!r}, the page shows {shown!r}")
    return problems


def heading_problems(html: str) -> list[str]:
    """Every h2-h6 in the article has an id and a permalink, so any section can be shared."""
    article = parse(html).find("article")
    if article is None:
        return ["no <article>"]
    problems = []
    for heading in article.find_all(re.compile(r"^h[2-6]$")):
        text = heading.get_text(" ", strip=True).rstrip("¶").strip()
        if not heading.get("id"):
            problems.append(f"<{heading.name}> '{text}' has no id")
        if heading.find(class_="headerlink") is None:
            problems.append(f"<{heading.name}> '{text}' has no .headerlink permalink")
    return problems


def image_problems(url: str, site) -> list[str]:
    """The og:image is a 1200x630 PNG in the built site."""
    path = site.file_for(url)
    if path is None:
        return [f"og:image '{url}' is not a file in the built site"]
    with Image.open(path) as image:
        if image.size != (1200, 630):
            return [f"og:image {path.name} is {image.size[0]}x{image.size[1]}, expected 1200x630"]
    return []


def sitemap_problems(xml: str, expected: dict[str, str]) -> list[str]:
    """sitemap.xml lists every page (URL -> reviewed date) with <lastmod> = that date."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(xml)
    listed = {u.findtext(f"{SITEMAP_NS}loc"): u.findtext(f"{SITEMAP_NS}lastmod") for u in root.iter(f"{SITEMAP_NS}url")}
    problems = []
    for url, reviewed in sorted(expected.items()):
        if url not in listed:
            problems.append(f"sitemap.xml does not list {url}")
        elif listed[url] != reviewed:
            problems.append(f"sitemap.xml lastmod of {url} is {listed[url]!r}, the page was reviewed {reviewed}")
    return problems


def robots_problems(text: str, sitemap_url: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    return [] if f"Sitemap: {sitemap_url}" in lines else [f"robots.txt has no 'Sitemap: {sitemap_url}' line"]


def page_url(site, name: str) -> str:
    """site/relief/magnesium/index.html -> <site_url>relief/magnesium/"""
    return urljoin(site.site_url, re.sub(r"(^|/)index\.html$", r"\1", name))


# --- the built site -------------------------------------------------------------------------


def test_every_page_has_sharing_tags_once(site, pages, edition):
    problems = [
        f"{site.source_of(site.root / name)}: {p}"
        for name, html in pages.items()
        for p in meta_problems(html, page_url(site, name), home=name == "index.html", locale=LOCALE[edition])
    ]
    assert not problems, "\n".join(problems)


def test_every_preview_image_is_1200x630(site, pages):
    problems = []
    for name, html in pages.items():
        for url in meta_content(parse(html), "og:image"):
            if not url.startswith(site.site_url):
                problems.append(f"{site.source_of(site.root / name)}: og:image '{url}' is not under {site.site_url}")
            else:
                problems += [f"{site.source_of(site.root / name)}: {p}" for p in image_problems(url, site)]
    assert not problems, "\n".join(problems)


def test_every_page_has_medical_web_page_json_ld(site, pages, edition):
    problems = [
        f"{site.source_of(site.root / name)}: {p}"
        for name, html in pages.items()
        for p in jsonld_problems(html, page_url(site, name), CONDITION[edition])
    ]
    assert not problems, "\n".join(problems)


def test_every_heading_can_be_linked_to(site, pages):
    problems = [f"{site.source_of(site.root / name)}: {p}" for name, html in pages.items() for p in heading_problems(html)]
    assert not problems, "\n".join(problems)


def test_sitemap_lists_every_page_with_its_review_date(site, pages):
    expected = {page_url(site, name): reviewed_date(parse(html)) for name, html in pages.items()}
    missing = [site.source_of(site.root / name) for name, html in pages.items() if expected[page_url(site, name)] is None]
    assert not missing, "pages without a 'Page last reviewed' date: " + ", ".join(missing)
    problems = sitemap_problems((site.root / "sitemap.xml").read_text(encoding="utf-8"), expected)
    assert not problems, "site/sitemap.xml:\n" + "\n".join(problems)


def test_robots_txt_points_at_the_sitemap(site):
    robots = site.root / "robots.txt"
    assert robots.is_file(), "site/robots.txt is missing (written by sitebuild/postbuild.py)"
    problems = robots_problems(robots.read_text(encoding="utf-8"), urljoin(site.site_url, "sitemap.xml"))
    assert not problems, "site/robots.txt: " + "\n".join(problems)


def test_404_page_offers_search_and_the_main_sections(site, edition):
    soup = BeautifulSoup((site.root / "404.html").read_text(encoding="utf-8"), "lxml")
    article = soup.find("article")
    links = {a.get_text(strip=True) for a in article.find_all("a")}
    assert SECTIONS_404[edition] <= links, f"{site.root}/404.html: {links}"
    assert {"en": "search", "es": "buscador"}[edition] in article.get_text().lower(), f"{site.root}/404.html: no search hint"


# --- broken fixtures: each checker can fail -------------------------------------------------

URL = "https://example.org/guide/relief/heat/"


def fixture_page(drop: str = "", og_url: str = URL, jsonld: str | None = None, heading: str = "") -> str:
    tags = {
        "og:title": "Heat", "og:description": "Warmth for spasms.", "og:url": og_url, "og:type": "article",
        "og:locale": "en_GB", "og:site_name": "Guide", "og:image": "https://example.org/guide/assets/previews/x.png",
        "og:image:width": "1200", "og:image:height": "630", "og:image:alt": "Heat - Guide",
    }
    head = "".join(f'<meta property="{k}" content="{v}">' for k, v in tags.items() if k != drop)
    head += '<meta name="twitter:card" content="summary_large_image">' if drop != "twitter:card" else ""
    if jsonld is None:
        jsonld = json.dumps({
            "@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Heat", "description": "Warmth.",
            "url": URL, "lastReviewed": "2026-11-26", "about": {"@type": "MedicalCondition", "name": "Fibromyalgia"},
            "citation": ["https://doi.org/10.1/x"],
        })
    return (
        f'<html><head><link rel="canonical" href="{URL}">{head}<script type="application/ld+json">{jsonld}</script></head>'
        '<body><article><h1 id="heat">Heat</h1>'
        '<h2 id="key-points">Key points<a class="headerlink" href="#key-points">¶</a></h2>'
        f"{heading}"
        '<aside class="review-dates"><p>Page last reviewed: <time datetime="2026-11-26">26 November 2026</time></p>'
        '<p>Next review due: <time datetime="2027-11-26">26 November 2027</time></p></aside>'
        "</article></body></html>"
    )


def test_checkers_pass_a_good_page():
    page = fixture_page()
    assert meta_problems(page, URL) == []
    assert jsonld_problems(page, URL) == []
    assert heading_problems(page) == []


@pytest.mark.parametrize("tag", ["og:image", "og:description", "twitter:card", "og:image:alt"])
def test_meta_checker_catches_a_missing_tag(tag):
    assert any(tag in p for p in meta_problems(fixture_page(drop=tag), URL))


def test_meta_checker_catches_a_duplicate_tag():
    page = fixture_page().replace("</head>", '<meta property="og:title" content="Again"></head>')
    assert any("og:title" in p and "2 times" in p for p in meta_problems(page, URL))


def test_meta_checker_catches_a_wrong_og_url():
    assert any("og:url" in p for p in meta_problems(fixture_page(og_url="https://example.org/guide/"), URL))


def test_meta_checker_catches_the_wrong_og_type_on_the_home_page():
    assert any("og:type" in p for p in meta_problems(fixture_page(), URL, home=True))


@pytest.mark.parametrize(
    ("jsonld", "expected"),
    [
        ('{"@type": "MedicalWebPage",', "does not parse"),
        (json.dumps({"@type": "WebPage"}), "@type"),
        (json.dumps({"@type": "MedicalWebPage", "name": "Heat", "description": "x", "url": URL,
                     "about": {"@type": "MedicalCondition", "name": "Fibromyalgia"}, "lastReviewed": "2025-01-01"}),
         "lastReviewed"),
    ],
)
def test_jsonld_checker_catches_bad_json_ld(jsonld, expected):
    assert any(expected in p for p in jsonld_problems(fixture_page(jsonld=jsonld), URL))


def test_heading_checker_catches_a_heading_without_id_or_permalink():
    problems = heading_problems(fixture_page(heading="<h3>Loose heading</h3>"))
    assert any("no id" in p for p in problems) and any("headerlink" in p for p in problems)


def test_image_checker_catches_a_wrong_size(tmp_path):
    from linkcheck import Site

    (tmp_path / "assets").mkdir()
    Image.new("RGB", (600, 315)).save(tmp_path / "assets" / "small.png")
    site = Site(tmp_path, "https://example.org/guide/", tmp_path)
    assert image_problems("https://example.org/guide/assets/small.png", site) == [
        "og:image small.png is 600x315, expected 1200x630"
    ]
    assert "not a file" in image_problems("https://example.org/guide/assets/missing.png", site)[0]


def test_sitemap_and_robots_checkers_catch_mistakes():
    xml = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{URL}</loc><lastmod>2026-12-01</lastmod></url></urlset>"
    )
    problems = sitemap_problems(xml, {URL: "2026-11-26", "https://example.org/guide/other/": "2026-11-26"})
    assert any("lastmod" in p for p in problems) and any("does not list" in p for p in problems)
    assert robots_problems("User-agent: *\n", "https://example.org/guide/sitemap.xml")


# --- the share control, in a real browser ------------------------------------------------------

COPIED = {"en": "copied", "es": "copiado"}  # the visible confirmation, in each edition's words


def share_problems(page, edition: str = "en") -> list[str]:
    """Click 'Share this page' with and without the Web Share API; both must hand over the canonical URL."""
    canonical = page.evaluate("document.querySelector('link[rel=canonical]')?.href")
    button = page.locator(".share__button")
    if not canonical or button.count() != 1:
        return [f"{button.count()} share buttons, canonical {canonical!r}"]
    problems = []
    button.click()  # headless desktop Chromium has no navigator.share: the link is copied
    copied = page.evaluate("navigator.clipboard.readText()")
    if copied != canonical:
        problems.append(f"copied {copied!r}, not {canonical!r}")
    if COPIED[edition] not in page.locator(".share__status").inner_text():
        problems.append("no visible confirmation after copying")
    page.evaluate("navigator.share = data => { window.__shared = data; return Promise.resolve(); }")
    button.click()
    shared = page.evaluate("window.__shared || {}")
    if shared.get("url") != canonical or not shared.get("title"):
        problems.append(f"Web Share API got {shared!r}")
    return problems


def share_context(browser, origin: str):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin.rstrip("/"))
    return context


@pytest.mark.parametrize("path", ["index.html", "get-help/index.html", "relief/heat-and-cold/index.html"])
def test_share_control_copies_or_shares_the_page_url(path, browser, base_url, page_of, edition):
    context = share_context(browser, base_url)
    page = context.new_page()
    page.goto(base_url + page_of(path).removesuffix("index.html"))
    assert share_problems(page, edition) == []
    context.close()


def test_heading_permalink_copies_the_section_link(browser, base_url, page_of):
    context = share_context(browser, base_url)
    page = context.new_page()
    page.goto(base_url + page_of("get-help/index.html").removesuffix("index.html"))
    section = page.locator("article h2[id]").nth(2).get_attribute("id")  # "urgent", "urgente"
    page.locator(f"#{section} .headerlink").click(force=True)
    canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
    assert page.evaluate("navigator.clipboard.readText()") == canonical + "#" + section
    context.close()


def test_share_checker_catches_a_page_without_the_control(browser, base_url, config):
    context = share_context(browser, base_url)
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("document.querySelector('.share').remove()")
    assert share_problems(page) == [f"0 share buttons, canonical '{config['site_url']}'"]
    context.close()


# --- redirects: old and short addresses never 404 ----------------------------------------------

def redirect_problems(site, redirect_maps: dict[str, str]) -> list[str]:
    """Each old path must be a page that sends the reader on to its (existing) new page."""
    problems = []
    for old, new in redirect_maps.items():
        source = site.root / old.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
        if not source.is_file():
            problems.append(f"{old}: no redirect page at {source.relative_to(site.root)}")
            continue
        refresh = BeautifulSoup(source.read_text(encoding="utf-8"), "lxml").find("meta", attrs={"http-equiv": "refresh"})
        target = urljoin(site.url_of(source), refresh["content"].split("url=", 1)[1]) if refresh else ""
        if not target or site.file_for(target) is None:
            problems.append(f"{old}: redirect goes to {target or 'nowhere'}, which is not a page (map says {new})")
    return problems


def test_every_redirect_reaches_its_page(site, config):
    maps = config["plugins"]["redirects"].config["redirect_maps"]
    assert maps, "the redirect map in mkdocs.yml is empty"
    assert redirect_problems(site, maps) == []


def test_redirect_checker_catches_a_missing_redirect(site):
    assert redirect_problems(site, {"moved-away.md": "get-help/index.md"}) == [
        "moved-away.md: no redirect page at moved-away/index.html"
    ]


PUBLISHED = {"en": Path(__file__).with_name("published-urls.txt"), "es": Path(__file__).with_name("published-urls-es.txt")}


def published_problems(site_root: Path, published: list[str], sitemap_paths: list[str]) -> list[str]:
    """A published address that no longer opens a page or a redirect, or a page missing from the list."""
    problems = [f"{path}: this published address no longer opens a page. Add a redirect (redirect_maps in "
                "mkdocs.yml) to where the page went" for path in published
                if not (site_root / path.strip("/") / "index.html").is_file()]
    problems += [f"{path}: a new page; add its address to tests/published-urls.txt" for path in sitemap_paths
                 if path not in published]
    return problems


def published_addresses(edition: str = "en") -> list[str]:
    return [line for line in PUBLISHED[edition].read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_a_published_url_never_changes(site, edition):
    sitemap = BeautifulSoup((site.root / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    paths = [loc.get_text().removeprefix(site.site_url) or "/" for loc in sitemap.find_all("loc")]
    assert published_problems(site.root, published_addresses(edition), paths) == []


def test_published_url_check_catches_a_removed_page_and_an_unlisted_one(tmp_path):
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "index.html").write_text("<p>kept</p>")
    assert published_problems(tmp_path, ["kept/", "renamed/"], ["kept/", "brand-new/"]) == [
        "renamed/: this published address no longer opens a page. Add a redirect (redirect_maps in "
        "mkdocs.yml) to where the page went",
        "brand-new/: a new page; add its address to tests/published-urls.txt",
    ]
