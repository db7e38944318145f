"""Sharing: what link previews and search engines read, made offline at build time.

- a 1200x630 PNG per page (title on the site colour) in site/assets/previews/,
  its absolute URL in page.meta.preview_image for overrides/partials/sharing.html;
- sitemap.xml <lastmod> = the page's `reviewed` date (MkDocs writes page.update_date);
- robots.txt pointing at the sitemap under site_url (which `SITE_URL` can change).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SIZE = (1200, 630)
MARGIN = 80
BACKGROUND = "#005a70"
TEXT = "#ffffff"
TITLE_SIZES = (84, 72, 60, 52)  # the largest that fits above TITLE_BOTTOM wins
TITLE_BOTTOM = 440  # the site name and its rule sit below
PREVIEWS = "assets/previews"


def preview_name(page) -> str:
    """relief/heat-and-cold/ -> relief-heat-and-cold.png; the home page -> index.png."""
    return (page.url.strip("/").replace("/", "-") or "index") + ".png"


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    if not FONT.is_file():
        raise PluginError(
            f"hooks/preview_images.py: font {FONT} is missing. "
            "Install it with `apt-get install fonts-dejavu-core` (.ci/system-deps.sh does)."
        )
    return ImageFont.truetype(str(FONT), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_preview(title: str, site_name: str, path: Path) -> None:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    for size in TITLE_SIZES:
        face = font(size)
        text = "\n".join(wrap(title, face, width))
        box = draw.multiline_textbbox((MARGIN, MARGIN), text, font=face, spacing=size // 4)
        if box[2] <= SIZE[0] - MARGIN and box[3] <= TITLE_BOTTOM:
            break
    draw.multiline_text((MARGIN, MARGIN), text, font=face, fill=TEXT, spacing=size // 4)
    draw.rectangle((MARGIN, SIZE[1] - MARGIN - 72, MARGIN + 120, SIZE[1] - MARGIN - 64), fill=TEXT)
    draw.text((MARGIN, SIZE[1] - MARGIN), site_name, font=font(44), fill=TEXT, anchor="ls")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", compress_level=1)


def on_page_markdown(markdown, page, config, files):
    page.meta["preview_image"] = urljoin(config["site_url"] or "/", f"{PREVIEWS}/{preview_name(page)}")
    if "reviewed" in page.meta:  # a page without a valid date is already reported by front_matter.py
        page.update_date = page.meta["reviewed"].isoformat()  # sitemap.xml <lastmod>
    return markdown


def on_post_page(output, page, config):
    title = page.meta.get("title") or config["site_name"]
    draw_preview(title, config["site_name"], Path(config["site_dir"]) / PREVIEWS / preview_name(page))
    return output


def on_post_build(config):
    sitemap = urljoin(config["site_url"] or "/", "sitemap.xml")
    (Path(config["site_dir"]) / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8")
