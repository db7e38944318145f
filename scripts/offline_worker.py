"""Write the offline worker, sw.js, at the root of a built site (a step of `make build`).

    python scripts/offline_worker.py [site]

Reads the finished site and lists every file a reader needs offline: the pages, CSS, JS, fonts,
icons, the manifest, the search index and the search worker (with the edition's stemmer, e.g.
Spanish). Left out: the PDFs (the worker saves each one when it is opened), the offline zip,
link-preview images, source maps, the other search languages, the iframe-worker shim of the
file:// bundle, files for crawlers, and another edition's folder (site/es/ has its own worker). The build id is a hash of the listed files, so a new deploy with any change gets a new
cache and the worker replaces the old one whole. The worker's code is scripts/offline_worker.js.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sitebuild import language  # noqa: E402

WORKER = "sw.js"  # at the root: a worker controls only pages at or below its own folder
CODE = Path(__file__).with_name("offline_worker.js")
MANIFEST = "manifest.webmanifest"  # written by scripts/web_app.py in a published build
LEFT_OUT_DIRS = ("pdf/", "download/", "assets/previews/", "assets/javascripts/lunr/", "assets/js/vendor/")
LEFT_OUT_FILES = (WORKER, "sitemap.xml", "sitemap.xml.gz", "robots.txt", "assets/fonts/OFL.txt")


def search_languages(site: Path) -> list[str]:
    """The search index's stemmer files for a language other than English (Material loads them into its worker)."""
    index = site / "search" / "search_index.json"
    langs = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index.is_file() else ["en"]
    lunr = "assets/javascripts/lunr/min/"
    extra = [f"{lunr}lunr.{lang}.min.js" for lang in langs if lang != "en"]
    extra += [f"{lunr}lunr.multi.min.js"] if len(langs) > 1 else []
    return [f"{lunr}lunr.stemmer.support.min.js", *extra] if extra else []


def precached(site: Path) -> list[str]:
    """Site-relative paths of the files to save, sorted."""
    files = search_languages(site)
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if (path.is_file() and not name.startswith(LEFT_OUT_DIRS + language.SUBDIRS) and name not in LEFT_OUT_FILES
                and not name.endswith(".map")):
            files.append(name)
    return sorted(files)


def url(name: str) -> str:
    """The address a reader's browser asks for: 'relief/index.html' -> 'relief/', 'index.html' -> './'."""
    if name == "index.html" or name.endswith("/index.html"):
        return name.removesuffix("index.html") or "./"
    return name


def build_id(site: Path, files: list[str]) -> str:
    """A hash of the saved files and the worker's code: a new worker never writes into an old cache."""
    digest = hashlib.sha256(CODE.read_bytes())
    for name in files:
        digest.update(name.encode() + b"\0" + (site / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def worker(files: list[str], build: str, lang: str = language.DEFAULT, elsewhere: tuple[str, ...] = ()) -> str:
    header = (f"// Written by scripts/offline_worker.py: do not edit.\n"
              f"const BUILD = {json.dumps(build)}\n"
              f"const FILES = {json.dumps([url(name) for name in files], indent=0)}\n"
              f"const WORDS = {json.dumps(language.words(lang)['saved_copy'], ensure_ascii=False)}\n"
              f"const ELSEWHERE = {json.dumps(list(elsewhere))}\n")
    return header + CODE.read_text(encoding="utf-8")


def write(site: Path, files: list[str], build: str | None = None) -> str:
    """Write site/sw.js for these files (build id: theirs, unless given) in the site's language; return the id."""
    build = build or build_id(site, files)
    lang = re.search(r'<html lang="([\w-]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)
    elsewhere = tuple(sub for sub in language.SUBDIRS if (site / sub).is_dir())
    (site / WORKER).write_text(worker(files, build, lang, elsewhere), encoding="utf-8")
    return build


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    if not (site / MANIFEST).is_file():
        print(f"scripts/offline_worker.py: {site}/{MANIFEST} is missing. The offline worker belongs to a "
              "published build: run `make build` (scripts/build.py) first.", file=sys.stderr)
        return 1
    files = precached(site)
    build = write(site, files)
    size = sum((site / name).stat().st_size for name in files)
    print(f"{site}/{WORKER}: build {build}, {len(files)} files, {size / 1024 / 1024:.1f} MB to save offline")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
