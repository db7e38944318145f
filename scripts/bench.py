"""Benchmark (not a test): the time of each build step (scripts/build.py, the same steps as
`make build`, and the Zensical build if its environment exists), each page's first-load weight
(gzip-compressed), the size of each PDF and of the offline zip, then the spasm diary with
1,000 entries on a slowed CPU (scripts/bench_diary.py) and the time to "offline ready"
(scripts/offline_ready.py).

Weight = the page's HTML plus every stylesheet, script, font and image it loads, as a
host with gzip would send them. Last, Lighthouse mobile scores and every byte a first
visit transfers (fonts and the search index included), from scripts/lighthouse.py; skip
that slow part with `--no-lighthouse`.  Run with `make bench`.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

import build

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
EDITIONS = {"English": (SITE, build.OFFLINE_ZIP), "Spanish": (SITE / "es", build.OFFLINE_ZIP_ES)}


def gzip_size(path: Path) -> int:
    """Bytes on the wire: gzip for text; fonts and images are sent as they are."""
    if path.suffix in (".woff2", ".png", ".jpg", ".webp"):
        return path.stat().st_size
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
    for css in [p for p in out if p.suffix == ".css"]:  # the fonts our stylesheets load
        css_url = "http://x/" + css.relative_to(SITE).as_posix()
        for font in re.findall(r"url\(['\"]?([^'\")]+\.woff2)", css.read_text(encoding="utf-8")):
            path = SITE / urlsplit(urljoin(css_url, font)).path.lstrip("/")
            if path.is_file():
                out.add(path)
    return out


def main() -> int:
    print("Build steps (scripts/build.py):")
    for name, seconds in build.run(build.SITE, quiet=True):
        print(f"  {name}: {seconds:.1f} s")
    zensical = ROOT / ".venv-zensical" / "bin" / "python"
    if zensical.is_file():  # `make build-zensical` made it
        out = subprocess.run([str(zensical), "scripts/build.py", "zensical"], cwd=ROOT, capture_output=True, text=True)
        print("Zensical build:\n  " + "\n  ".join(out.stdout.strip().splitlines()[-3:]))
    for edition, (site, archive) in EDITIONS.items():
        rows = []
        for page in sorted(site.rglob("*.html")):
            if edition == "English" and page.is_relative_to(SITE / "es"):
                continue
            html = gzip_size(page)
            assets = sum(gzip_size(a) for a in assets_of(page))
            rows.append((page.relative_to(SITE).as_posix(), html, assets))
        print(f"\n{edition}\n{'page':50} {'HTML':>8} {'CSS+JS+font+img':>15} {'total':>8}   (KB, gzip)")
        for name, html, assets in rows:
            print(f"{name:50} {html / 1024:8.1f} {assets / 1024:15.1f} {(html + assets) / 1024:8.1f}")
        totals = [h + a for _, h, a in rows]
        print(f"\n{edition}: {len(rows)} pages; first load: median {sorted(totals)[len(totals) // 2] / 1024:.1f} KB, "
              f"largest {max(totals) / 1024:.1f} KB")
        pdf_and_offline_sizes(site, ROOT / archive)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_diary.py"), str(SITE)], check=True)  # 1,000 diary entries
    subprocess.run([sys.executable, str(ROOT / "scripts" / "offline_ready.py"), "3"], check=True)  # first visit to offline ready
    if "--no-lighthouse" not in sys.argv:
        import lighthouse  # every transferred byte (fonts, search index too) and the scores

        lighthouse.main([])
    return 0


def pdf_and_offline_sizes(site: Path, archive: Path) -> None:
    """The size of each PDF and of the offline zip that the build steps made, for one edition."""
    pdfs = sorted((site / "pdf").rglob("*.pdf"))
    print(f"\n{'PDF':50} {'KB':>8} {'pages':>6}")
    for pdf in pdfs:
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
        print(f"{pdf.relative_to(SITE).as_posix():50} {pdf.stat().st_size / 1024:8.1f} {count:>6}")
    per_page = [p.stat().st_size for p in pdfs if p.name != "spasm-relief-guide.pdf"]
    print(f"\n{len(per_page)} page PDFs: {min(per_page) / 1024:.0f}-{max(per_page) / 1024:.0f} KB, "
          f"{sum(per_page) / 1024 / 1024:.1f} MB in all; offline zip {archive.stat().st_size / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
