"""The evidence chart: every measure on one scale, from "Good evidence" down to "Evidence against".

`<!-- md:evidence-chart -->` on a page becomes a figure with an SVG drawn from the rows of the
overview table on the same page (`| [Name](page.md) | <!-- md:evidence X --> | ...`), so the chart and
its text equivalent, the table, are made from the same labels and cannot drift apart. The table's
labels are checked against each page's own label by tests/test_content.py; the chart against the
pages by tests/test_pictures.py.

The extension runs it before shortcodes.py, which turns the labels into words. The SVG uses
currentColor and CSS classes (assets/css/pictures.css), so it follows dark mode and prints in black. It is aria-hidden and kept out of the search index
(data-search-exclude): the table says the same in words.
"""

from __future__ import annotations

import html
import re

from sitebuild import language

MARKER = "<!-- md:evidence-chart -->"
ROW = re.compile(r"^\|\s*\[([^\]]+)\]\(([\w-]+)\.md\)\s*\|\s*<!-- md:evidence ([\w-]+) -->", re.M)
# Top to bottom; the number is how many of the three bars are filled (a second cue beside the words).
LEVELS = {"good": 3, "some": 2, "little": 1, "against": 0}  # their words: sitebuild/language.py

WIDTH = 340          # user units; the CSS lets it shrink on narrow screens
NAME_X, COLUMN = 52, 140
LINE, HEADING, PAD = 23, 26, 10
SHORT_NAME = 17      # characters that fit in half a row at 15 units; longer names take a whole row


def layout(names: list[str]) -> list[tuple[str, int, int]]:
    """(name, column 0 or 1, row) for each name: two short names share a row, a long one has its own."""
    placed, row, column = [], 0, 0
    for name in names:
        if len(name) > SHORT_NAME:
            if column:
                row, column = row + 1, 0
            placed.append((name, 0, row))
            row += 1
        else:
            placed.append((name, column, row))
            row, column = (row + 1, 0) if column else (row, 1)
    return placed


def bars(x: int, y: int, filled: int) -> str:
    """Three rising bars, like a signal meter: the stronger the evidence, the more are filled."""
    out = []
    for i in range(3):
        height = 8 + 5 * i
        cls = "chart-bar chart-bar--on" if i < filled else "chart-bar"
        out.append(f'<rect class="{cls}" x="{x + 10 * i}" y="{y + 18 - height}" width="7" height="{height}" rx="1.5"/>')
    return "".join(out)


def chart(rows: list[tuple[str, str, str]], lang: str = language.DEFAULT) -> str:
    """The SVG for rows of (name, page slug, level)."""
    parts, y = [], 0
    for level, filled in LEVELS.items():
        words = language.words(lang)["evidence"][level]
        measures = sorted((name, slug) for name, slug, lvl in rows if lvl == level)  # A to Z: easier to scan
        placed = layout([name for name, _ in measures])
        lines = (max(r for _, _, r in placed) + 1) if placed else 1
        height = PAD + HEADING + lines * LINE + PAD // 2
        items = "".join(
            f'<text class="chart-name" data-measure="{slug}" x="{NAME_X + column * COLUMN}" '
            f'y="{y + PAD + HEADING + row * LINE + 15}">{html.escape(name)}</text>'
            for (name, column, row), (_, slug) in zip(placed, measures))
        if not placed:
            items = f'<text class="chart-name" x="{NAME_X}" y="{y + PAD + HEADING + 15}">–</text>'
        parts.append(
            f'<g class="chart-level chart-level--{level}" data-level="{level}">'
            f'<rect class="chart-band" x="0" y="{y}" width="{WIDTH}" height="{height}" rx="6"/>'
            f'{bars(12, y + PAD + 2, filled)}'
            f'<text class="chart-heading" x="{NAME_X}" y="{y + PAD + 17}">{words}</text>{items}</g>')
        y += height + 6
    total = y - 6
    return (f'<svg class="picture evidence-chart" aria-hidden="true" data-search-exclude '
            f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total}" width="{WIDTH}" '
            f'height="{total}">{"".join(parts)}</svg>')


def page_problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each table row the chart cannot read or place (only on a page with the chart)."""
    if MARKER not in text:
        return []
    problems = [(m.start(), f"the evidence chart has no place for '{m.group(3)}' ({m.group(1)}). "
                 f"Use one of: {', '.join(LEVELS)}.") for m in ROW.finditer(text) if m.group(3) not in LEVELS]
    for line in re.finditer(r"^\|.*md:evidence.*$", text, re.M):
        if not ROW.match(line.group(0)):
            problems.append((line.start(), "the evidence chart cannot read this table row. Write it as "
                             "| [Name](page.md) | <!-- md:evidence some --> | ..."))
    if not ROW.search(text):
        problems.append((text.index(MARKER), "the evidence chart needs a table on the same page with rows like "
                         "| [Name](page.md) | <!-- md:evidence some --> |"))
    return problems


def render(markdown: str, lang: str = language.DEFAULT) -> str:
    if MARKER not in markdown:
        return markdown
    rows = [(name, slug, level) for name, slug, level in ROW.findall(markdown) if level in LEVELS]
    caption = language.words(lang)["chart_caption"]
    figure = f'<figure class="evidence-figure">\n{chart(rows, lang)}\n<figcaption>{caption}</figcaption>\n</figure>'
    return markdown.replace(MARKER, figure)
