"""Which pages are past their review date, or due soon, and which translations are behind.

`make test` lists them as warnings; editors run `make review-check` before a release,
which fails while any page is past due or due within 30 days, or a Spanish page translates an
older version of its English page (sitebuild/translations.py).

    python scripts/review_dates.py --days 30
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))
from sitebuild import language, translations  # noqa: E402


def review_dates(docs: Path = DOCS) -> dict[str, dt.date]:
    """next_review of every page, by its path under docs/."""
    out = {}
    for path in sorted(p for p in docs.rglob("*.md") if "data" not in p.relative_to(docs).parts[:1]):
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
    problems = [line for lang, (folder, *_) in language.TREES.items()
                for line in due({f"{folder}/{page}": when for page, when in review_dates(ROOT / folder).items()},
                                dt.date.today(), days)]
    problems += [line for folder in language.TRANSLATED
                 for line in translations.behind(ROOT / folder) + translations.untranslated(ROOT / folder)]
    print("\n".join(problems) or f"every page is reviewed; none due within {days} days")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
