"""Readability of a page's prose: Flesch-Kincaid grade, SMOG and sentence length.

Prose means paragraphs and list items in the article, not tables, the Sources list,
review dates, printable forms or code. Used by tests/test_content.py on the built
site, and by editors on a Markdown draft:

    .venv/bin/python scripts/readability.py docs/relief/stretching.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat
from bs4 import BeautifulSoup

MAX_FK_GRADE = 8.0
MAX_SMOG = 12.0
MAX_SENTENCE_WORDS = 25

# Blocks that are not prose: data, references, dates, forms, code, navigation aids.
SKIP = "table, pre, code, .sources, .review-dates, .print-form, .headerlink, .md-source-file, sup.cite, .evidence"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9£$])")
WORD = re.compile(r"[A-Za-z0-9£$%µ][\w'’%-]*")


@dataclass
class Readability:
    words: int
    sentences: list[str]
    fk_grade: float
    smog: float

    @property
    def long_sentences(self) -> list[str]:
        return [s for s in self.sentences if len(WORD.findall(s)) > MAX_SENTENCE_WORDS]

    @property
    def problems(self) -> list[str]:
        out = []
        if self.fk_grade > MAX_FK_GRADE:
            out.append(f"Flesch-Kincaid grade {self.fk_grade} is over {MAX_FK_GRADE}")
        if self.smog > MAX_SMOG:
            out.append(f"SMOG {self.smog} is over {MAX_SMOG}")
        out += [
            f"sentence of {len(WORD.findall(s))} words (max {MAX_SENTENCE_WORDS}): {s!r}"
            for s in self.long_sentences
        ]
        return out


def prose_blocks(article) -> list[str]:
    """Text of each paragraph and innermost list item, in page order."""
    for node in article.select(SKIP):
        node.decompose()
    blocks = []
    for node in article.find_all(["p", "li"]):
        if node.name == "li" and node.find(["p", "ul", "ol"]):
            continue  # its paragraphs or nested items are counted on their own
        text = " ".join(node.get_text(" ").split())
        if WORD.search(text):
            blocks.append(text)
    return blocks


def sentences_of(blocks: list[str]) -> list[str]:
    out = []
    for block in blocks:
        out += [s.strip() for s in SENTENCE_END.split(block) if WORD.search(s)]
    return out


def measure(article) -> Readability:
    sentences = sentences_of(prose_blocks(article))
    text = " ".join(s if s[-1] in ".!?" else s + "." for s in sentences)
    return Readability(
        words=len(WORD.findall(text)),
        sentences=sentences,
        fk_grade=textstat.flesch_kincaid_grade(text) if text else 0.0,
        smog=textstat.smog_index(text) if text else 0.0,
    )


def article_of_built_page(html: str):
    """The page's main content in a page built by MkDocs Material."""
    soup = BeautifulSoup(html, "lxml")
    return soup.select_one("article.md-content__inner") or soup.body


def article_of_markdown(path: Path):
    """A draft rendered without the build, close enough for an editor's check."""
    import markdown

    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\s*\[@[^\]]+\]", "", text)
    html = markdown.markdown(
        text, extensions=["admonition", "attr_list", "md_in_html", "tables", "def_list"]
    )
    return BeautifulSoup(html, "lxml")


def main(paths: list[str]) -> int:
    failed = 0
    for name in paths:
        path = Path(name)
        article = (
            article_of_built_page(path.read_text(encoding="utf-8"))
            if path.suffix == ".html"
            else article_of_markdown(path)
        )
        r = measure(article)
        print(f"{name}: {r.words} words, FK {r.fk_grade}, SMOG {r.smog}, "
              f"{len(r.sentences)} sentences, longest {max((len(WORD.findall(s)) for s in r.sentences), default=0)} words")
        for problem in r.problems:
            print(f"  FAIL {problem}")
        failed += bool(r.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
