"""Check every page's front matter: title, description, reviewed and next_review dates.

A missing or malformed field stops the build with the file, the line and the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from mkdocs.exceptions import PluginError

REQUIRED = ("title", "description", "reviewed", "next_review")
MAX_DESCRIPTION = 160
MAX_REVIEW_CYCLE = dt.timedelta(days=366)


def field_line(page, field: str) -> int:
    """Line of `field:` in the page's source file (1 when the field is missing)."""
    lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if re.match(rf"{field}\s*:", line):
            return number
    return 1


def fail(page, field: str, message: str):
    raise PluginError(f"{page.file.src_uri}:{field_line(page, field)}: front matter '{field}' {message}")


def raw_front_matter(page) -> dict:
    """The front matter as plain strings, so a bad date is reported, not silently dropped."""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, flags=re.S)
    try:
        return yaml.load(match.group(1), Loader=yaml.BaseLoader) if match else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PluginError(f"{page.file.src_uri}:{line}: front matter is not valid YAML: {error}") from None


def on_page_markdown(markdown, page, config, files):
    meta = raw_front_matter(page)
    for field in REQUIRED:
        if meta.get(field) in (None, ""):
            fail(page, field, "is missing. Every page needs: " + ", ".join(REQUIRED) + ".")
    if len(meta["description"]) > MAX_DESCRIPTION:
        fail(page, "description", f"is {len(meta['description'])} characters; keep it to {MAX_DESCRIPTION}.")
    dates = {}
    for field in ("reviewed", "next_review"):
        try:
            dates[field] = dt.date.fromisoformat(meta[field])
        except ValueError:
            fail(page, field, f"is {meta[field]!r}, not a real date. Write it as YYYY-MM-DD, e.g. 2026-11-26.")
    if not dates["reviewed"] < dates["next_review"] <= dates["reviewed"] + MAX_REVIEW_CYCLE:
        fail(page, "next_review", "must fall after 'reviewed' and within one year of it.")
    page.meta.update(dates)
    return markdown
