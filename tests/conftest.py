"""Shared fixtures: the built site (read once per session) and tiny fixture sites built on demand."""

from __future__ import annotations

import logging
import shutil
from functools import lru_cache
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]  # the post-build steps and editor tools; the build's own code

import build_pdfs  # noqa: E402  (one definition of "a content page" for the PDFs and the tests)
from linkcheck import Site  # noqa: E402
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OFFLINE_ZIP = "download/spasm-relief-guide-offline.zip"


@pytest.fixture(scope="session", autouse=True)
def run_from_project_root():
    """MkDocs and the guide's Markdown extension resolve paths from the working directory."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        yield


# The editions, each a separate site built from its own content tree with the same configuration.
CONFIGS = {"en": "mkdocs.yml", "es": "mkdocs-es.yml"}


def pytest_generate_tests(metafunc):
    """Every test over the built site runs once per edition (ids [en] and [es]); a module about one
    edition names it (EDITIONS = ("en",)), and so does a test that reads one edition's words
    (@pytest.mark.editions("en"))."""
    if "edition" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("editions")  # @pytest.mark.editions("en"): English words
        editions = marker.args if marker else getattr(metafunc.module, "EDITIONS", tuple(CONFIGS))
        metafunc.parametrize("edition", editions, scope="session")


@pytest.fixture(scope="session")
def config(edition):
    return load_config(str(ROOT / CONFIGS[edition]))


# Markers, so an editor can run a part of the suite (`make check` runs `-m "not browser and not pdf and not zensical"`):
#   browser:  drives Chromium (axe, layout, search, sharing);
#   pdf:      needs what `make build` makes after the HTML: the PDFs, the offline zip, the web app;
#   zensical: needs the Zensical copy that `make build-zensical` makes.
BROWSER_FIXTURES = {"browser", "base_url"}
PDF_FIXTURES = {"bundle", "guide", "page_pdfs", "published"}
ZENSICAL_FIXTURES = {"zensical_site"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        if PDF_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.pdf)
        if ZENSICAL_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.zensical)


SOURCES = ("docs", "docs-es", "overrides", "hooks", "sitebuild", "mkdocs.yml", "mkdocs-es.yml")


def stale_source(root: Path, built: Path) -> Path | None:
    """A source file changed after `built` was written, or None when the build is current."""
    built_at = built.stat().st_mtime
    for source in SOURCES:
        path = root / source
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts and file.stat().st_mtime > built_at:
                return file
    return None


@pytest.fixture(scope="session")
def site(config, edition) -> Site:
    """The edition `make check` or `make test` built into site/ (English) or site/es/ (Spanish).

    Tests over an old build prove nothing about the sources: a site/ older than any file in
    docs/, docs-es/, overrides/ or the configuration stops the run, naming the command to run.
    """
    root = Path(config["site_dir"])
    built = [ROOT / "site" / "sitemap.xml", ROOT / "site" / "es" / "sitemap.xml"]
    if not all(path.is_file() for path in built):
        pytest.exit("site/ or site/es/ is missing: run `make check` or `make test` to build both editions first.", returncode=2)
    changed = stale_source(ROOT, min(built, key=lambda path: path.stat().st_mtime))
    if changed:
        pytest.exit(f"site/ is older than {changed.relative_to(ROOT)}: run `make check` (HTML and the "
                    "tests that need no browser) or `make test` (everything) to rebuild it first.", returncode=2)
    others = {c["site_url"]: Path(c["site_dir"]) for c in (load_config(str(ROOT / name)) for name in CONFIGS.values())
              if c["site_url"] != config["site_url"]}
    return Site(root, config["site_url"], Path(config["docs_dir"]), others=others)


@pytest.fixture(scope="session")
def published(site) -> Site:
    """site/ as `make build` makes it: with the web app's manifest and worker (and the PDFs and zip)."""
    if not (site.root / "manifest.webmanifest").is_file():
        pytest.exit("site/ has no web app manifest: it was built by `make check` or `mkdocs build`, not by "
                    "`make build`. Run `make test` (or `make build`) first.", returncode=2)
    return site


@pytest.fixture(scope="session")
def zensical_site(site) -> Path:
    """The same site built by Zensical (`make build-zensical`), refused when older than the sources."""
    root = ROOT / "build" / "zensical-site"
    if not (root / "sitemap.xml").is_file():
        pytest.exit("build/zensical-site/ is missing: run `make build-zensical` (or `make test`).", returncode=2)
    changed = stale_source(ROOT, root / "sitemap.xml")
    if changed:
        pytest.exit(f"build/zensical-site/ is older than {changed.relative_to(ROOT)}: run `make build-zensical` "
                    "(or `make test`) to rebuild it first.", returncode=2)
    return root


@pytest.fixture(scope="session")
def bundle(site, tmp_path_factory) -> Path:
    """The offline zip that `make build` puts in site/download/, unpacked: the folder it holds."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site.root / OFFLINE_ZIP) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


@lru_cache(maxsize=None)
def parse(html: str) -> BeautifulSoup:
    """A page parsed once for the whole run (the suite reads every page many times). Read it only:
    a test that changes the tree parses its own copy."""
    return BeautifulSoup(html, "lxml")


@pytest.fixture(scope="session")
def page_of(edition):
    """The edition's page for an English page's built path: 'get-help/index.html' -> 'pedir-ayuda/index.html'.
    Tests name pages in English once; each edition's own page comes from its `translation_of:`."""
    from sitebuild import translations
    from sitebuild.data import page_url

    if edition == "en":
        return lambda name: name
    docs = ROOT / load_config(str(ROOT / CONFIGS[edition]))["docs_dir"]
    built = {page_url(en) + "index.html": page_url(page) + "index.html" for en, (page, _) in translations.pairs(docs).items()}
    return lambda name: built[name]


@pytest.fixture(scope="session")
def pages(site) -> dict[str, str]:
    """Every content page's HTML, keyed by its path in site/ (no 404, search or redirect pages)."""
    return {name: (site.root / name).read_text(encoding="utf-8") for name in build_pdfs.content_pages(site.root)}


def build_fixture(tmp_path: Path, files: dict[str, str], nav: list | None = None, caplog=None):
    """Build the `base` fixture docs plus `files` with the real mkdocs.yml.

    Returns (site, errors): errors are the log messages of a failed build, [] when it built.
    """
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "base", docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")  # the theme's CSS and icons
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    overrides = {"docs_dir": str(docs), "site_dir": str(tmp_path / "site"), "site_url": "https://example.org/guide/"}
    overrides["nav"] = nav if nav is not None else ["index.md", "other.md"]
    config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
    config["plugins"]["redirects"].config["redirect_maps"] = {}  # its targets are the real site's pages
    config["extra"]["download_page"] = None  # nor is the download page in the fixture
    config["extra"]["language"] = {k: v for k, v in config["extra"]["language"].items() if k != "other"}  # nor es/
    try:
        with caplog.at_level(logging.WARNING):
            build(config)
    except Abort:
        return None, [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return Site(tmp_path / "site", "https://example.org/guide/", docs), []


# One local server and one Chromium setup (Debian's, never a download) for the PDFs and the tests.
serve = build_pdfs.serve
CHROMIUM, CHROMIUM_ARGS = build_pdfs.CHROMIUM, build_pdfs.CHROMIUM_ARGS


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served over HTTP, as a reader's browser would get it."""
    server, url = serve(site.root)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test (Playwright allows one sync instance)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
