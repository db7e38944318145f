"""Which English page each translated page follows, and which translations are behind.

Each page in a translated tree (docs-es/) names its English page and the version it translates:

    translation_of: relief/stretching.md
    translated_from: 3f2a9c1e   # the first 8 hex digits of the English file's SHA-256

    python -m sitebuild.translations                 # translations behind their English page, pages not yet
                                                     # translated, and figures or sources a translation lost
    python -m sitebuild.translations --mark FILE...  # after bringing a translation up to date: record the English version

`make test` lists the pages that are behind; `make review-check` (the release gate) fails on them.
A translation keeps every figure, source and shortcode of its English page (fidelity(): a test).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from sitebuild import data, language

FRONT_MATTER = re.compile(r"---\n(.*?)\n---\n", re.S)
VERSION = re.compile(r"[0-9a-f]{8}")


def meta(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    try:
        return (yaml.load(match.group(1), Loader=yaml.BaseLoader) if match else {}) or {}
    except yaml.YAMLError:
        return {}  # front_matter.problems reports it


def version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def english_docs(docs_dir) -> Path:
    """The English tree beside a translated one (docs-es/ -> docs/)."""
    return Path(docs_dir).resolve().parent / language.TREES[language.DEFAULT][0]


def page_problems(text: str, docs_dir) -> list[tuple[int, str]]:
    """(line, message) for a translated page that does not say which English page and version it follows."""
    if language.of_docs(docs_dir) == language.DEFAULT:
        return []
    fields, english = meta(text), english_docs(docs_dir)
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("translation_of:")), 1)
    source = fields.get("translation_of")
    if not source:
        return [(1, "front matter 'translation_of' is missing: name the English page this page translates, "
                    "e.g. translation_of: relief/stretching.md.")]
    if not (english / source).is_file():
        return [(line, f"front matter 'translation_of: {source}' names no English page under docs/.")]
    if not VERSION.fullmatch(str(fields.get("translated_from", ""))):
        return [(line, "front matter 'translated_from' must be the English version it follows (8 hex digits). "
                       "Run: python -m sitebuild.translations --mark <this file>")]
    return []


def claims(docs_dir) -> list[tuple[str, str, str]]:
    """(English page, translated page, the English version it follows) for each translated page, both
    pages as paths under their trees."""
    out = []
    for path in data.pages(docs_dir):
        fields = meta(path.read_text(encoding="utf-8"))
        if fields.get("translation_of"):
            out.append((fields["translation_of"], path.relative_to(docs_dir).as_posix(), str(fields.get("translated_from", ""))))
    return out


def pairs(docs_dir) -> dict[str, tuple[str, str]]:
    """English page -> (translated page, the English version it follows)."""
    return {source: (page, done) for source, page, done in claims(docs_dir)}


def twice(docs_dir) -> list[str]:
    """English pages that two translated pages both claim."""
    seen: dict[str, str] = {}
    out = []
    for source, name, _ in claims(docs_dir):
        if source in seen:
            out.append(f"{name}: translates {source}, as {seen[source]} already does.")
        seen.setdefault(source, name)
    return out


def behind(docs_dir) -> list[str]:
    english = english_docs(docs_dir)
    tree = Path(docs_dir).name
    return [f"{tree}/{page}: behind {english.name}/{source} (translated from version {done}, now {version(english / source)})"
            for source, (page, done) in sorted(pairs(docs_dir).items())
            if (english / source).is_file() and version(english / source) != done]


def untranslated(docs_dir) -> list[str]:
    english = english_docs(docs_dir)
    done = pairs(docs_dir)
    return [f"{english.name}/{p.relative_to(english).as_posix()}: no page in {Path(docs_dir).name}/ translates it"
            for p in data.pages(english) if p.relative_to(english).as_posix() not in done]


CITATION = re.compile(r"\[@([^\]]*)\]")
SHORTCODE = re.compile(r"<!-- md:[^>]*-->")
NOT_FIGURES = re.compile(r"\A---\n.*?\n---\n|\[@[^\]]*\]|\{[^}]*\}|\]\([^)]*\)|<!--.*?-->|https?://\S+", re.S)
UK_ONLY_NUMBERS = {"999", "111", "000"}  # UK (and Australian) phone numbers a translation replaces with the reader's own


def figures(text: str) -> Counter:
    """Every number a reader sees, as written in digits: '1,000' and '1 000' are both 1000."""
    text = re.sub(r"(\d)[,\s\u202f](\d{3})\b", r"\1\2", NOT_FIGURES.sub(" ", text))
    return Counter(re.findall(r"\d+(?:\.\d+)?", text))


def fidelity(english: str, translated: str) -> list[str]:
    """What a translation lost or changed: a figure, a source, a shortcode (care card, evidence label, table)."""
    problems = []
    lost = figures(english) - figures(translated)
    for number in sorted(set(lost) - UK_ONLY_NUMBERS):
        problems.append(f"figure {number} is in the English page {lost[number]} more time(s)")
    for number, extra in sorted((figures(translated) - figures(english)).items()):
        problems.append(f"figure {number} is not in the English page ({extra} time(s))")
    cited = Counter(k for c in CITATION.findall(translated) for k in re.findall(r"[\w-]+", c))
    for key in sorted(set(Counter(k for c in CITATION.findall(english) for k in re.findall(r"[\w-]+", c))) - set(cited)):
        problems.append(f"source @{key} is cited in the English page but not here")
    if Counter(SHORTCODE.findall(english)) != Counter(SHORTCODE.findall(translated)):
        problems.append("the <!-- md:... --> lines (care cards, evidence labels, tables) differ from the English page")
    return problems


def unfaithful(docs_dir) -> list[str]:
    english, tree = english_docs(docs_dir), Path(docs_dir).name
    return [f"{tree}/{page}: {problem}" for source, (page, _) in sorted(pairs(docs_dir).items()) if (english / source).is_file()
            for problem in fidelity((english / source).read_text(encoding="utf-8"),
                                    (Path(docs_dir) / page).read_text(encoding="utf-8"))]


def mark(path: Path) -> None:
    """Record the English version a translated page now follows."""
    text = path.read_text(encoding="utf-8")
    source = meta(text).get("translation_of")
    if not source:
        raise SystemExit(f"{path}: no 'translation_of' in its front matter.")
    docs_dir = next(p for p in path.resolve().parents if language.of_docs(p) != language.DEFAULT)
    now = version(english_docs(docs_dir) / source)
    if re.search(r"^translated_from:.*$", text, re.M):
        text = re.sub(r"^translated_from:.*$", f"translated_from: {now}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"^(translation_of:.*)$", rf"\1\ntranslated_from: {now}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mark", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args()
    if args.mark:
        for page in args.mark:
            mark(page)
        sys.exit(0)
    report = [line for folder in language.TRANSLATED for line in behind(folder) + untranslated(folder) + unfaithful(folder)]
    print("\n".join(report) or "Every translation follows the current English page.")
    sys.exit(1 if report else 0)
