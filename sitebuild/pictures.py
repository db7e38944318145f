"""Drawings: an ordinary Markdown image of `assets/pictures/NAME.svg` is put into the page as inline SVG.

Editors write `![What to do, as an instruction](../assets/pictures/calf-stretch.svg)` inside a
`<figure markdown="span">` with a `<figcaption>`. Inline, the drawing takes the page's text colour
(stroke="currentColor") and the site's CSS variables, so it follows dark mode and prints in black;
it also goes into the whole-guide PDF with the page's article, where a relative <img> address would
break. The alt text becomes the SVG's accessible name.

A drawing with links (the body map) keeps them: its `<a href="...md">`, written relative to the SVG
file as in Markdown, become links from the page (the image's own address says how far the page is
from the site root). page_problems() finds what would go wrong, at the page's line.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from sitebuild import language, translations
from sitebuild.data import page_url

FOLDER = "assets/pictures"
IMG = re.compile(r'<img\b[^>]*?\bsrc="(?P<root>[^"]*?)' + FOLDER + r'/(?P<name>[\w-]+)\.svg"[^>]*>')
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*" + FOLDER + r"/(?P<name>[\w-]+)\.svg)\)")
ALT = re.compile(r'\balt="([^"]*)"')
COMMENT = re.compile(r"\s*<!--.*?-->", re.S)  # notes for editors, not for readers
ROOT_TAG = re.compile(r"<svg\b([^>]*)>(.*)</svg>\s*$", re.S)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
LINK = re.compile(r'<a href="([^"#]+\.md)(?:#([\w-]+))?"')
LABEL = re.compile(r'aria-label="([^"]*)"')
REQUIRED = ("viewBox", "width", "height")  # the space is kept before the drawing loads: no layout shift


def read(docs_dir, name: str) -> tuple[dict[str, str], str] | None:
    """The drawing's <svg> attributes and its inside, without comments (None if there is no such file)."""
    path = Path(docs_dir) / FOLDER / f"{name}.svg"
    svg = ROOT_TAG.search(COMMENT.sub("", path.read_text(encoding="utf-8"))) if path.is_file() else None
    return (dict(ATTRIBUTE.findall(svg.group(1))), svg.group(2)) if svg else None


def translate(body: str, docs_dir) -> tuple[str, list[str]]:
    """A drawing's links and names (written in English) in the language of docs_dir, and what has no translation."""
    lang = language.of_docs(docs_dir)
    if lang == language.DEFAULT:
        return body, []
    table, pages, missing = language.PICTURES.get(lang, {}), translations.pairs(docs_dir), []

    def link(match: re.Match) -> str:
        page = posixpath.normpath(posixpath.join(FOLDER, match.group(1)))
        anchor = match.group(2)
        if page not in pages or (anchor and anchor not in table.get("anchors", {})):
            missing.append(f"link '{match.group(1)}{'#' + anchor if anchor else ''}'")
            return match.group(0)
        target = posixpath.relpath(pages[page][0], FOLDER)
        return f'<a href="{target}{"#" + table["anchors"][anchor] if anchor else ""}"'

    def label(match: re.Match) -> str:
        if match.group(1) not in table.get("labels", {}):
            missing.append(f"name '{match.group(1)}'")
            return match.group(0)
        return f'aria-label="{table["labels"][match.group(1)]}"'

    return LABEL.sub(label, LINK.sub(link, body)), missing


def page_problems(text: str, docs_dir) -> list[tuple[int, str]]:
    """(offset, message) for each picture that is missing, unnamed, unsized or links to no page."""
    problems = []
    for image in MARKDOWN_IMAGE.finditer(text):
        name, at = image.group("name"), image.start()
        drawing = read(docs_dir, name)
        if drawing is None:
            problems.append((at, f"picture {FOLDER}/{name}.svg does not exist"))
            continue
        attributes, body = drawing
        if not image.group("alt").strip():
            problems.append((at, f"picture {name}.svg: it has no alt text: write the instruction the drawing shows"))
        problems += [(at, f"picture {name}.svg: {FOLDER}/{name}.svg has no {a} on its <svg>")
                     for a in REQUIRED if a not in attributes]
        body, missing = translate(body, docs_dir)
        problems += [(at, f"picture {name}.svg: its {m} has no translation in sitebuild/language.py (PICTURES)")
                     for m in missing]
        for href, _ in LINK.findall(body):
            if not (Path(docs_dir) / posixpath.normpath(posixpath.join(FOLDER, href))).is_file():
                problems.append((at, f"picture {name}.svg: its link '{href}' points to no page"))
    return problems


def inline(html: str, docs_dir, directory_urls: bool = True) -> str:
    """Each <img> of a drawing replaced by the drawing itself (left as it is if page_problems() objects)."""

    def one(match: re.Match) -> str:
        alt, drawing = ALT.search(match.group(0)), read(docs_dir, match.group("name"))
        if not alt or not alt.group(1).strip() or drawing is None or any(a not in drawing[0] for a in REQUIRED):
            return match.group(0)
        attributes, (body, _) = drawing[0], translate(drawing[1], docs_dir)
        root = match.group("root")  # from the page to the site root, e.g. "../../"
        body = LINK.sub(lambda m: f'<a href="{root}{page_url(posixpath.normpath(posixpath.join(FOLDER, m.group(1))), directory_urls)}'
                        f'{"#" + m.group(2) if m.group(2) else ""}"', body)
        # A drawing without links is one image; with links, it keeps the SVG's own role (a graphics
        # document whose links are read out), named by the alt text. role="group" fails the HTML checker.
        role = "" if "<a " in body else 'role="img" '
        kept = " ".join(f'{k}="{attributes[k]}"' for k in ("xmlns", *REQUIRED) if k in attributes)
        return f'<svg class="picture picture--{match.group("name")}" {role}aria-label="{alt.group(1)}" {kept}>{body}</svg>'

    return IMG.sub(one, html)
