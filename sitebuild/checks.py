"""Every editor mistake in docs/ in one run, each at its file and line.

    python -m sitebuild.checks [docs]     # prints the problems; exit 1 if there are any

The MkDocs build runs the same checks (hooks/checks.py) and reports each problem as a warning,
so strict mode (`make check`, `make test`, `make build`) fails after listing them all;
`make build-zensical` runs this first, because Zensical does not run MkDocs hooks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from sitebuild import care_cards, citations, data, evidence_chart, front_matter, language, pictures, shortcodes, translations


def line(text: str, offset: int) -> int:
    return text[:offset].count("\n") + 1


def data_problems(docs_dir) -> list[str]:
    try:
        references = set(citations.bibliography(docs_dir))
        problems = citations.data_problems(docs_dir)
        problems += care_cards.data_problems(docs_dir, references)
        problems += shortcodes.glossary_problems(docs_dir)
        problems += search_terms_problems(docs_dir)
    except data.DataError as error:
        return [str(error)]
    return problems


def search_terms_problems(docs_dir) -> list[str]:
    name = language.data_file("search-terms.yml", language.of_docs(docs_dir))
    path = Path(docs_dir) / "data" / name
    if not path.is_file():
        return []
    terms = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pages = {p.relative_to(docs_dir).as_posix() for p in data.pages(docs_dir)}
    named = set(terms.get("terms") or {}) | set(terms.get("boost") or []) | set(terms.get("demote") or [])
    text = path.read_text(encoding="utf-8")
    return [f"docs/data/{name}:{line(text, text.find(page))}: unknown page '{page}'. "
            f"Use a page path as under {Path(docs_dir).name}/, e.g. {sorted(pages)[0]}." for page in sorted(named - pages)]


def page_problems(path: Path, docs_dir, keys: set[str], signs: dict) -> list[str]:
    text, lang = path.read_text(encoding="utf-8"), language.of_docs(docs_dir)
    found = front_matter.problems(text) + translations.page_problems(text, docs_dir)
    found += [(line(text, at), message) for at, message in
              citations.page_problems(text, keys) + shortcodes.page_problems(text) + care_cards.page_problems(text, signs, lang)
              + evidence_chart.page_problems(text) + pictures.page_problems(text, docs_dir)]
    name = path.relative_to(docs_dir).as_posix()
    return [f"{name}:{n}: {message}" for n, message in sorted(found, key=lambda p: p[0])]


def page_problems_all(docs_dir, pages: list[Path] | None = None) -> list[str]:
    """Every problem of the pages (default: every page under docs_dir); the data must be readable."""
    keys, signs = set(citations.bibliography(docs_dir)), care_cards.signs(docs_dir)
    return [p for path in (pages if pages is not None else data.pages(docs_dir))
            for p in page_problems(Path(path), docs_dir, keys, signs)]


def problems(docs_dir) -> list[str]:
    """Every problem of the data files, then of the pages."""
    found = data_problems(docs_dir)
    return found or page_problems_all(docs_dir) + translations.twice(docs_dir)


if __name__ == "__main__":
    found = problems(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
    print("\n".join(found) or "No problems found.")
    sys.exit(1 if found else 0)
