"""Drawings: an ordinary Markdown image of `assets/pictures/NAME.svg` is put into the page as inline SVG.

Editors write `![What to do, as an instruction](../assets/pictures/calf-stretch.svg)` inside a
`<figure markdown>` with a `<figcaption>`; MkDocs checks the file exists. Inline, the drawing takes
the page's text colour (stroke="currentColor") and the site's CSS variables, so it follows dark mode
and prints in black; it also goes into the whole-guide PDF with the page's article, where a relative
<img> address would break. The alt text becomes the SVG's accessible name.

A drawing with links (the body map) keeps them: its `<a href="...md">`, written relative to the SVG
file as in Markdown, are turned into the page's own relative links, and the SVG is not marked as one
image, so the links stay reachable. Problems are reported at the page's line.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from source_lines import report

FOLDER = "assets/pictures"
IMG = re.compile(r'<img\b[^>]*?\bsrc="(?P<src>[^"]*' + FOLDER + r'/(?P<name>[\w-]+)\.svg)"[^>]*>')
ALT = re.compile(r'\balt="([^"]*)"')
COMMENT = re.compile(r"\s*<!--.*?-->", re.S)  # notes for editors, not for readers
ROOT_TAG = re.compile(r"<svg\b([^>]*)>(.*)</svg>\s*$", re.S)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
LINK = re.compile(r'<a href="([^"#]+\.md)(#[\w-]+)?"')
REQUIRED = ("viewBox", "width", "height")  # the space is kept before the drawing loads: no layout shift


def page_link(href: str, fragment: str | None, page, files, problems: list[str]) -> str:
    """A link written relative to the SVG file, as the page's own relative URL."""
    target = files.get_file_from_path(posixpath.normpath(posixpath.join(FOLDER, href)))
    if target is None:
        problems.append(f"its link '{href}' points to no page")
        return href
    return target.url_relative_to(page.file) + (fragment or "")


def inline(match: re.Match, page, config, files) -> str:
    name, problems = match.group("name"), []
    alt = ALT.search(match.group(0))
    path = Path(config["docs_dir"]) / FOLDER / f"{name}.svg"
    if not path.is_file():
        report(page, f"{name}.svg", f"picture {FOLDER}/{name}.svg does not exist")
        return match.group(0)
    svg = ROOT_TAG.search(COMMENT.sub("", path.read_text(encoding="utf-8")))
    attributes = dict(ATTRIBUTE.findall(svg.group(1))) if svg else {}
    if not alt or not alt.group(1).strip():
        problems.append("it has no alt text: write the instruction the drawing shows")
    problems += [f"{FOLDER}/{name}.svg has no {a} on its <svg>" for a in REQUIRED if a not in attributes]
    body = LINK.sub(lambda m: f'<a href="{page_link(m.group(1), m.group(2), page, files, problems)}"',
                    svg.group(2) if svg else "")
    for problem in problems:
        report(page, f"{name}.svg", f"picture {name}.svg: {problem}")
    if problems:
        return match.group(0)
    # A drawing without links is one image; with links, it keeps the SVG's own role (a graphics
    # document whose links are read out), named by the alt text. role="group" fails the HTML checker.
    role = "" if "<a " in body else 'role="img" '
    kept = " ".join(f'{k}="{attributes[k]}"' for k in ("xmlns", *REQUIRED) if k in attributes)
    return (f'<svg class="picture picture--{name}" {role}aria-label="{alt.group(1)}" {kept}>'
            f"{body}</svg>")


def on_page_content(html, page, config, files):
    return IMG.sub(lambda m: inline(m, page, config, files), html)
