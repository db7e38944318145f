"""The production build, defined once: `make build` and `make test` run it, `make bench` times it.

    python scripts/build.py            # the site: HTML, PDFs, the offline copy and its zip
    python scripts/build.py zensical   # the same site from Zensical, into build/zensical-site/

Each step is a command; a failing step stops the build with its own message. No step uses the
network. Run from the project root with the virtual environment's Python (the Makefile does).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_DIR = "build/spasm-relief-guide-offline"
OFFLINE_ZIP = "site/download/spasm-relief-guide-offline.zip"
OFFLINE_DIR_ES = "build/guia-de-alivio-sin-conexion"
OFFLINE_ZIP_ES = "site/es/download/spasm-relief-guide-offline.zip"  # the name the Spanish download page links
PY = sys.executable
BIN = Path(PY).parent

# (name, command, extra environment)
SITE = [
    # strict HTML, with the "Download this page as a PDF" links and the web app's tags; the hooks
    # run sitebuild's checks and post-build steps
    ("HTML", [str(BIN / "mkdocs"), "build", "--clean"], {"SITE_PDF": "true", "SITE_WEB_APP": "true"}),
    # the Spanish edition into site/es/ (after the English build, which empties site/)
    ("HTML, Spanish", [str(BIN / "mkdocs"), "build", "--clean", "-f", "mkdocs-es.yml"], {"SITE_PDF": "true", "SITE_WEB_APP": "true"}),
    ("language links", [PY, "scripts/languages.py", "site"], {}),
    ("web app manifest and icons", [PY, "scripts/web_app.py", "site"], {}),
    ("web app, Spanish", [PY, "scripts/web_app.py", "site/es"], {}),
    ("PDFs", [PY, "scripts/build_pdfs.py", "site", "site/es"], {}),
    ("PDF/UA repair", [PY, "scripts/pdf_ua.py", "site"], {}),
    ("offline worker", [PY, "scripts/offline_worker.py", "site"], {}),
    ("offline worker, Spanish", [PY, "scripts/offline_worker.py", "site/es"], {}),
    ("offline copy", [str(BIN / "mkdocs"), "build", "--clean", "-f", "mkdocs-offline.yml", "-d", OFFLINE_DIR], {}),
    ("offline zip", [PY, "scripts/zip_offline.py", OFFLINE_DIR, OFFLINE_ZIP], {}),
    ("offline copy, Spanish", [str(BIN / "mkdocs"), "build", "--clean", "-f", "mkdocs-es-offline.yml", "-d", OFFLINE_DIR_ES], {}),
    ("offline zip, Spanish", [PY, "scripts/zip_offline.py", OFFLINE_DIR_ES, OFFLINE_ZIP_ES], {}),
]
ZENSICAL = [  # Zensical runs the Markdown extension but not MkDocs hooks: the checks and steps run here
    ("checks", [PY, "-m", "sitebuild.checks", "docs"], {}),
    ("Zensical HTML", [str(BIN / "zensical"), "build", "--clean", "-f", "mkdocs-zensical.yml"], {}),
    ("post-build steps", [PY, "-m", "sitebuild.postbuild", "build/zensical-site"], {}),
]
PIPELINES = {"site": SITE, "zensical": ZENSICAL}


def run(steps, quiet: bool = False) -> list[tuple[str, float]]:
    """Run each step in order; return (name, seconds) for each."""
    times = []
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    for name, command, extra in steps:
        start = time.perf_counter()
        if not quiet:
            print(f"== {name}: {' '.join(command)}", flush=True)
        result = subprocess.run(command, cwd=ROOT, env={**env, **extra},
                                stdout=subprocess.DEVNULL if quiet else None, stderr=subprocess.STDOUT if quiet else None)
        if result.returncode:
            raise SystemExit(f"build: step '{name}' failed (exit {result.returncode}): {' '.join(command)}")
        times.append((name, time.perf_counter() - start))
    return times


if __name__ == "__main__":
    pipeline = sys.argv[1] if len(sys.argv) > 1 else "site"
    if pipeline not in PIPELINES:
        raise SystemExit(f"build: unknown pipeline '{pipeline}'; use one of {', '.join(PIPELINES)}")
    for name, seconds in run(PIPELINES[pipeline]):
        print(f"{name}: {seconds:.1f} s")
