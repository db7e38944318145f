"""Read the data files in docs/data/ (YAML), remembering each mapping's line for error messages.

Every reader is cached by file and modification time: MkDocs makes a new Markdown converter
for each page, and the pages share one read of each file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


class DataError(Exception):
    """A data file that cannot be read at all (not YAML); the message names the file and line."""


FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the references file reads 10x faster


class LineLoader(FAST):
    """YAML mappings that remember the line they start on (`__line__`), for error messages."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


@lru_cache(maxsize=32)
def _load(path: str, mtime: float, with_lines: bool):
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=LineLoader if with_lines else FAST) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML: {error}") from None


def load(docs_dir: str | Path, name: str, with_lines: bool = False):
    """docs/data/<name> as Python data (with `__line__` keys in mappings when with_lines)."""
    path = Path(docs_dir) / "data" / name
    return _load(str(path), path.stat().st_mtime, with_lines)


def items(mapping: dict):
    """(key, value) pairs of a mapping read with lines, leaving out the `__line__` bookkeeping."""
    return [(k, v) for k, v in (mapping or {}).items() if k != "__line__"]


def pages(docs_dir) -> list[Path]:
    """Every page's source file: docs/**/*.md but not the data or the page template
    (the same files `exclude_docs` leaves out of the site)."""
    docs = Path(docs_dir)
    return sorted(p for p in docs.rglob("*.md")
                  if p.relative_to(docs).parts[0] != "data" and not p.name.startswith("_"))


def page_url(src: str, directory_urls: bool = True) -> str:
    """'relief/heat-and-cold.md' -> 'relief/heat-and-cold/'; 'index.md' -> ''; 'tools/index.md' -> 'tools/'.
    Without directory URLs (the offline copy) a page is its file: 'relief/heat-and-cold.html'."""
    if not directory_urls:
        return src.removesuffix(".md") + ".html"
    stem = src.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""
