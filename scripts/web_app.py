"""Installable on a phone: the web app manifest and its icons (a step of `make build`).

    python scripts/web_app.py [site]

Only the published build links them: scripts/build.py sets SITE_WEB_APP=true for its HTML step,
which makes overrides/partials/web-app.html link the manifest and load the small script that
registers the offline worker. `make serve` (pages change as you write), `make check` and the
file:// copy (mkdocs-offline.yml: no origin, so no worker) get neither. The facts come from the
built home page (name, description, language, address), so any generator's site works. The
worker itself, sw.js, is written next by scripts/offline_worker.py.
"""

from __future__ import annotations

import json
import re
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw

from sitebuild import language
from sitebuild.postbuild import BACKGROUND

ICONS = "assets/icons"
MANIFEST = "manifest.webmanifest"
# The site's colour (docs/assets/css/site.css, --md-primary-fg-color), as on the link previews. The
# splash screen uses the same colour as the icon, so a reader opening the guide at night gets no white flash.
THEME = BACKGROUND
# The pulse line of docs/assets/images/favicon.svg, on its 32x32 grid.
PULSE = [(6, 17), (11, 17), (14, 10), (18, 23), (21, 17), (26, 17)]
STROKE = 2.6


def draw_icon(size: int, path: Path, full_bleed: bool = False, line_share: float = 20 / 32) -> None:
    """The favicon's pulse line in white on the site colour, centred, `line_share` of the width.

    The ordinary icon is a rounded square like the favicon. A maskable icon (Android may cut it to
    a circle: the safe zone is the middle 80%) and the iPhone icon (iOS rounds the corners itself
    and turns transparent corners black) fill the whole square."""
    scale = 4  # draw large, then shrink: ImageDraw does not smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if full_bleed:
        draw.rectangle((0, 0, big, big), fill=THEME)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 // 32, fill=THEME)
    unit = big * line_share / 20  # the line spans x 6..26 and y 10..23 of the favicon's grid
    points = [(big / 2 + (x - 16) * unit, big / 2 + (y - 16.5) * unit) for x, y in PULSE]
    width = round(STROKE * unit)
    draw.line(points, fill="white", width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round caps
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill="white")
    path.parent.mkdir(parents=True, exist_ok=True)
    # 32 colours are enough for two colours and their smoothed edges, and cut the file to a quarter:
    # Chrome downloads the 192 px icon on every first visit, to know the site can be installed
    icon = image.resize((size, size), Image.LANCZOS).quantize(colors=32, method=Image.Quantize.FASTOCTREE)
    icon.save(path, "PNG", optimize=True)


def manifest(name: str, description: str, lang: str, site_url: str) -> dict:
    """start_url and scope are the path of site_url, so a site served under /guide/ stays there."""
    root = urlsplit(site_url or "/").path or "/"
    return {
        "id": root,
        "name": name,
        "short_name": language.words(lang.split("-")[0])["short_name"],
        "description": description,
        "lang": lang,
        "start_url": root,
        "scope": root,
        "display": "standalone",
        "theme_color": THEME,
        "background_color": THEME,
        "icons": [
            {"src": f"{ICONS}/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": f"{ICONS}/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": f"{ICONS}/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }


def home_facts(site: Path) -> dict[str, str]:
    """The site's name, description, language and address, as the built home page gives them."""
    home = (site / "index.html").read_text(encoding="utf-8")

    def find(pattern: str) -> str:
        match = re.search(pattern, home)
        return unescape(match.group(1)) if match else ""

    return {"name": find(r'<meta property="og:site_name" content="([^"]*)"'),
            "description": find(r'<meta name="description" content="([^"]*)"'),
            "lang": find(r'<html lang="([^"]*)"'),
            "site_url": find(r'<link rel="canonical" href="([^"]*)"')}


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    draw_icon(192, site / ICONS / "icon-192.png")
    draw_icon(512, site / ICONS / "icon-512.png")
    draw_icon(512, site / ICONS / "icon-maskable-512.png", full_bleed=True, line_share=0.6)
    draw_icon(180, site / ICONS / "apple-touch-icon.png", full_bleed=True)  # iPhone's home screen reads this link, not the manifest
    text = json.dumps(manifest(**home_facts(site)), indent=2, ensure_ascii=False)
    (site / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
