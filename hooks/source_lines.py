"""Report a problem in a page at its line in the source file, as a strict-mode warning.

Hooks call `report(page, snippet, message)` instead of stopping at the first mistake: MkDocs counts
the warnings and, in strict mode (`make check`, `make test`, `make build`), fails the build after
listing every problem of every page in one run. `make serve` shows them and keeps serving.
Imported by the hooks next to it (MkDocs puts a hook's folder on the import path while loading it).
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks")


def line_of(page, snippet: str) -> int:
    """The line of the page's source file where `snippet` first appears (1 if it is not found)."""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    at = text.find(snippet)
    return text[:at].count("\n") + 1 if at >= 0 else 1


def report(page, snippet: str, message: str) -> None:
    log.warning(f"{page.file.src_uri}:{line_of(page, snippet)}: {message}")
