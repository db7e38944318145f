"""Readability of a page's prose: Flesch-Kincaid grade and SMOG (English), the Szigriszt-Pazos
INFLESZ score (Spanish), and sentence length.

Prose means paragraphs and list items in the article, not tables, the Sources list,
review dates, printable forms or code. Used by tests/test_content.py on the built
site, and by editors on a Markdown draft:

    .venv/bin/python scripts/readability.py docs/relief/stretching.md
    .venv/bin/python scripts/readability.py docs-es/alivio/estiramientos.md   # Spanish: INFLESZ
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
# Spanish (INFLESZ scale of Szigriszt-Pazos: 55-65 "normal", 65-80 "fairly easy"): every page at least
# MIN_INFLESZ, and the median page at least MIN_MEDIAN_INFLESZ (tests/test_content.py)
MIN_INFLESZ = 55.0
MIN_MEDIAN_INFLESZ = 65.0

# Blocks that are not prose: data, references, dates, forms, code, navigation aids.
SKIP = "table, pre, code, .sources, .review-dates, .print-form, .headerlink, .md-source-file, sup.cite, .evidence"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]»]*\s+(?=[\"'(\[«¿¡]?[A-ZÁÉÍÓÚÑ0-9£$])")
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9£$%µ][\w'’%-]*")


@dataclass
class Readability:
    words: int
    sentences: list[str]
    fk_grade: float
    smog: float
    inflesz: float | None = None  # Spanish pages only

    @property
    def long_sentences(self) -> list[str]:
        return [s for s in self.sentences if len(WORD.findall(s)) > MAX_SENTENCE_WORDS]

    @property
    def problems(self) -> list[str]:
        out = []
        if self.inflesz is not None and self.inflesz < MIN_INFLESZ:
            out.append(f"INFLESZ {self.inflesz} is under {MIN_INFLESZ}")
        if self.inflesz is None and self.fk_grade > MAX_FK_GRADE:
            out.append(f"Flesch-Kincaid grade {self.fk_grade} is over {MAX_FK_GRADE}")
        if self.inflesz is None and self.smog > MAX_SMOG:
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


def inflesz(text: str) -> float:
    """Szigriszt-Pazos perspicuity (the INFLESZ scale), with textstat's Spanish syllables."""
    textstat.set_lang("es")
    try:
        return textstat.szigriszt_pazos(text)
    finally:
        textstat.set_lang("en_US")


def measure(article, lang: str = "en") -> Readability:
    sentences = sentences_of(prose_blocks(article))
    text = " ".join(s if s[-1] in ".!?" else s + "." for s in sentences)
    spanish = lang.startswith("es")
    return Readability(
        words=len(WORD.findall(text)),
        sentences=sentences,
        fk_grade=0.0 if spanish or not text else textstat.flesch_kincaid_grade(text),
        smog=0.0 if spanish or not text else textstat.smog_index(text),
        inflesz=(inflesz(text) if text else 0.0) if spanish else None,
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
        r = measure(article, "es" if "docs-es" in path.parts or 'lang="es"' in path.read_text(encoding="utf-8")[:300] else "en")
        score = f"INFLESZ {r.inflesz}" if r.inflesz is not None else f"FK {r.fk_grade}, SMOG {r.smog}"
        print(f"{name}: {r.words} words, {score}, "
              f"{len(r.sentences)} sentences, longest {max((len(WORD.findall(s)) for s in r.sentences), default=0)} words")
        for problem in r.problems:
            print(f"  FAIL {problem}")
        failed += bool(r.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
