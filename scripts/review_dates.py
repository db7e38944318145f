"""Which pages are past their review date, or due soon.

`make test` lists them as warnings; editors run `make review-check` before a release,
which fails while any page is past due or due within 30 days.

    python scripts/review_dates.py --days 30
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parent.parent / "docs"


def review_dates(docs: Path = DOCS) -> dict[str, dt.date]:
    """next_review of every page, by its path under docs/."""
    out = {}
    for path in sorted(docs.rglob("*.md")):
        match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), flags=re.S)
        if match:
            meta = yaml.safe_load(match.group(1)) or {}
            if isinstance(meta.get("next_review"), dt.date):
                out[path.relative_to(docs).as_posix()] = meta["next_review"]
    return out


def due(dates: dict[str, dt.date], today: dt.date, days: int = 0) -> list[str]:
    limit = today + dt.timedelta(days=days)
    return [f"{page}: next review due {when}" for page, when in dates.items() if when <= limit]


def main(argv: list[str]) -> int:
    days = int(argv[argv.index("--days") + 1]) if "--days" in argv else 0
    problems = due(review_dates(), dt.date.today(), days)
    print("\n".join(problems) or f"every page is reviewed; none due within {days} days")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
