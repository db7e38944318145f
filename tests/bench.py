"""Benchmark (not a test): full build time and each page's first-load weight, gzip-compressed.

Weight = the page's HTML plus every stylesheet, script and image it loads, as a
host with gzip would send them.  Run with `make bench`.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def assets_of(page: Path) -> set[Path]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    base = "http://x/" + page.relative_to(SITE).as_posix()
    refs = [l["href"] for l in soup.select('link[rel~="stylesheet"], link[rel~="icon"]')]
    refs += [s["src"] for s in soup.select("script[src]")] + [i["src"] for i in soup.select("img[src]")]
    out = set()
    for ref in refs:
        path = SITE / urlsplit(urljoin(base, ref)).path.lstrip("/")
        if path.is_file():
            out.add(path)
    return out


def main() -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"full build: {time.perf_counter() - start:.1f} s")
    rows = []
    for page in sorted(SITE.rglob("*.html")):
        html = gzip_size(page)
        assets = sum(gzip_size(a) for a in assets_of(page))
        rows.append((page.relative_to(SITE).as_posix(), html, assets))
    print(f"\n{'page':50} {'HTML':>8} {'CSS+JS+img':>11} {'total':>8}   (KB, gzip)")
    for name, html, assets in rows:
        print(f"{name:50} {html / 1024:8.1f} {assets / 1024:11.1f} {(html + assets) / 1024:8.1f}")
    totals = [h + a for _, h, a in rows]
    print(f"\n{len(rows)} pages; first load: median {sorted(totals)[len(totals) // 2] / 1024:.1f} KB, "
          f"largest {max(totals) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
