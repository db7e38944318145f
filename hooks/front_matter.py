"""Check every page's front matter: title, description, reviewed and next_review dates.

A missing or malformed field is reported with the file, the line and the fix; strict mode
(`make check`, `make test`) fails the build after listing every problem of every page.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from source_lines import log

REQUIRED = ("title", "description", "reviewed", "next_review")
MAX_DESCRIPTION = 160
MAX_REVIEW_CYCLE = dt.timedelta(days=366)
UNKNOWN_DATE = dt.date(1970, 1, 1)  # stands in for a missing or malformed date in a build that will fail


def field_line(page, field: str) -> int:
    """Line of `field:` in the page's source file (1 when the field is missing)."""
    lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if re.match(rf"{field}\s*:", line):
            return number
    return 1


def fail(page, field: str, message: str) -> None:
    log.warning(f"{page.file.src_uri}:{field_line(page, field)}: front matter '{field}' {message}")


def raw_front_matter(page) -> dict | None:
    """The front matter as plain strings, so a bad date is reported, not silently dropped (None: not YAML)."""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, flags=re.S)
    try:
        return yaml.load(match.group(1), Loader=yaml.BaseLoader) if match else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1: counted from 0; +1: the opening '---' line
        log.warning(f"{page.file.src_uri}:{line}: front matter is not valid YAML: {error}")
        return None


def on_page_markdown(markdown, page, config, files):
    """Report every problem of the page's front matter (strict mode fails the build after all pages)."""
    meta = raw_front_matter(page)
    if meta is None:
        return markdown
    missing = [field for field in REQUIRED if meta.get(field) in (None, "")]
    for field in missing:
        fail(page, field, "is missing. Every page needs: " + ", ".join(REQUIRED) + ".")
    if "description" not in missing and len(meta["description"]) > MAX_DESCRIPTION:
        fail(page, "description", f"is {len(meta['description'])} characters; keep it to {MAX_DESCRIPTION}.")
    dates = {}
    for field in ("reviewed", "next_review"):
        if field in missing:
            continue
        try:
            dates[field] = dt.date.fromisoformat(meta[field])
        except ValueError:
            fail(page, field, f"is {meta[field]!r}, not a real date. Write it as YYYY-MM-DD, e.g. 2026-11-26.")
    if len(dates) == 2 and not dates["reviewed"] < dates["next_review"] <= dates["reviewed"] + MAX_REVIEW_CYCLE:
        fail(page, "next_review", "must fall after 'reviewed' and within one year of it.")
    # Stand-ins for what is missing, so the page still renders and the build goes on to report the rest
    # (strict mode fails it at the end).
    page.meta.setdefault("title", page.title or page.file.src_uri)
    page.meta.setdefault("description", "")
    page.meta.update({field: dates.get(field, UNKNOWN_DATE) for field in ("reviewed", "next_review")})
    return markdown
