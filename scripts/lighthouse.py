"""Lighthouse mobile scores and first-load transfer for every page of both editions (part of `make bench`).

Serves site/ on 127.0.0.1 with gzip, as a real host would, and runs Lighthouse 12.2.3
(npm, installed on first use into .cache/lighthouse) with Debian's Chromium. Not a test:
it reports, it never fails the build.

    python scripts/lighthouse.py            # every page
    python scripts/lighthouse.py 5          # the first 5 pages
    python scripts/lighthouse.py get-help/ es/pedir-ayuda/   # these pages (English, Spanish)
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
LIGHTHOUSE = ROOT / ".cache" / "lighthouse"
VERSION = "12.2.3"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text, and caching headers, like a production host."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(SITE), **kwargs)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.suffix.endswith(COMPRESSIBLE) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if not path.is_file():
            self.send_error(404)
            return None
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def install() -> Path:
    binary = LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE), "-E",
                        f"lighthouse@{VERSION}"], check=True, stdout=subprocess.DEVNULL)
    return binary


def audit(binary: Path, url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,accessibility,best-practices,seo",
             f"--chrome-flags={CHROME_FLAGS} --user-data-dir={tmp}/profile"],
            env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        **{k: report["categories"][k]["score"] for k in ("performance", "accessibility", "best-practices", "seo")},
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main(argv: list[str]) -> int:
    from build_pdfs import content_pages  # next to this file

    pages = content_pages(SITE) + ["es/" + page for page in content_pages(SITE / "es")]  # both editions
    if argv and argv[0].isdigit():
        pages = pages[: int(argv[0])]
    elif argv:
        pages = [page for page in pages if page.removesuffix("index.html") in argv]
    binary = install()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GzipHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"\nLighthouse {VERSION}, mobile, gzip over loopback\n"
          f"{'page':46} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'LCP s':>6} {'CLS':>6} {'KB':>7}")
    for name in pages:
        try:
            r = audit(binary, base + name.removesuffix("index.html"))
        except subprocess.CalledProcessError as error:
            print(f"{name:46} Lighthouse failed: {error}")
            continue
        print(f"{name:46} {r['performance']:5.2f} {r['accessibility']:5.2f} {r['best-practices']:5.2f} "
              f"{r['seo']:5.2f} {r['lcp_s']:6.2f} {r['cls']:6.3f} {r['kb']:7.1f}")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
