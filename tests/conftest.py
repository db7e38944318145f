"""Shared fixtures: the built site (read once per session) and tiny fixture sites built on demand."""

from __future__ import annotations

import logging
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from linkcheck import Site

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "overrides" / "pdf"))
import build_pdfs  # noqa: E402  (one definition of "a content page" for the PDFs and the tests)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OFFLINE_ZIP = "download/spasm-relief-guide-offline.zip"


@pytest.fixture(scope="session", autouse=True)
def run_from_project_root():
    """MkDocs and the snippets extension resolve paths from the working directory."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        yield


@pytest.fixture(scope="session")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def site(config) -> Site:
    """The site `make test` built into site/ (built here if it is missing)."""
    root = ROOT / "site"
    if not (root / "index.html").is_file():
        build(config)
    return Site(root, config["site_url"], Path(config["docs_dir"]))


@pytest.fixture(scope="session")
def bundle(site, tmp_path_factory) -> Path:
    """The offline zip that `make build` puts in site/download/, unpacked: the folder it holds."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site.root / OFFLINE_ZIP) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


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
