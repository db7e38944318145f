"""Every page's front matter: title, description, reviewed and next_review dates."""

from __future__ import annotations

import datetime as dt
import re

import yaml

REQUIRED = ("title", "description", "reviewed", "next_review")
MAX_DESCRIPTION = 160
MAX_REVIEW_CYCLE = dt.timedelta(days=366)
FRONT_MATTER = re.compile(r"---\n(.*?)\n---\n", re.S)


def field_line(text: str, field: str) -> int:
    """Line of `field:` in the source (1 when the field is missing)."""
    match = re.search(rf"^{field}\s*:", text, re.M)
    return text[:match.start()].count("\n") + 1 if match else 1


def problems(text: str) -> list[tuple[int, str]]:
    """(line, message) for each missing or malformed field of a page's source text."""
    match = FRONT_MATTER.match(text)
    try:  # plain strings, so a bad date is reported rather than silently dropped
        meta = (yaml.load(match.group(1), Loader=yaml.BaseLoader) if match else {}) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [(mark.line + 2 if mark else 1, f"front matter is not valid YAML: {error}")]  # +2: from 0, and '---'
    out = []

    def fail(field: str, message: str) -> None:
        out.append((field_line(text, field), f"front matter '{field}' {message}"))

    missing = [field for field in REQUIRED if meta.get(field) in (None, "")]
    for field in missing:
        fail(field, "is missing. Every page needs: " + ", ".join(REQUIRED) + ".")
    if "description" not in missing and len(meta["description"]) > MAX_DESCRIPTION:
        fail("description", f"is {len(meta['description'])} characters; keep it to {MAX_DESCRIPTION}.")
    dates = {}
    for field in ("reviewed", "next_review"):
        if field in missing:
            continue
        try:
            dates[field] = dt.date.fromisoformat(meta[field])
        except ValueError:
            fail(field, f"is {meta[field]!r}, not a real date. Write it as YYYY-MM-DD, e.g. 2026-11-26.")
    if len(dates) == 2 and not dates["reviewed"] < dates["next_review"] <= dates["reviewed"] + MAX_REVIEW_CYCLE:
        fail("next_review", "must fall after 'reviewed' and within one year of it.")
    return out
