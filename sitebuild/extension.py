"""The guide's Python-Markdown extension: every per-page transform, for MkDocs and Zensical alike.

    markdown_extensions:
      - sitebuild.extension:
          docs_dir: docs

Before Markdown reads a page: care cards (from the warning-sign data), the evidence chart,
shortcodes (evidence labels, food tables, the glossary list), then numbered citations with the
page's Sources (in that order: cards and tables cite sources too). Glossary words become <abbr>
tooltips (`abbr` with the glossary from docs/data/glossary.yml). After: care-card titles become
headings, and drawings (assets/pictures/*.svg) are put inline.
Mistakes are not reported here (a converter does not know the file): sitebuild/checks.py
finds them, at their line, before the pages are converted.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from sitebuild import care_cards, citations, evidence_chart, language, pictures, shortcodes


class Transforms(Preprocessor):
    def __init__(self, md: Markdown, docs_dir: str):
        super().__init__(md)
        self.docs_dir = docs_dir

    def run(self, lines: list[str]) -> list[str]:
        lang = language.of_docs(self.docs_dir)
        text = care_cards.render("\n".join(lines), self.docs_dir)
        text = shortcodes.render(evidence_chart.render(text, lang), self.docs_dir)
        return citations.render(text, citations.bibliography(self.docs_dir), lang).split("\n")


class AfterHtml(Postprocessor):
    def __init__(self, md: Markdown, docs_dir: str, directory_urls: bool):
        super().__init__(md)
        self.docs_dir, self.directory_urls = docs_dir, directory_urls

    def run(self, text: str) -> str:
        lang = language.of_docs(self.docs_dir)
        return pictures.inline(care_cards.headings(text, lang), self.docs_dir, self.directory_urls)


class GuideExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "The docs folder, holding data/ (MkDocs passes its own)."],
                       "directory_urls": [True, "Pages as folders (relief/x/), or as files (relief/x.html)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        docs_dir = self.getConfig("docs_dir")
        # 35: before everything else reads the text (whitespace clean-up is 30, raw HTML 20)
        md.preprocessors.register(Transforms(md, docs_dir), "guide-transforms", 35)
        md.postprocessors.register(AfterHtml(md, docs_dir, self.getConfig("directory_urls")), "guide-after-html", 5)
        AbbrExtension(glossary=shortcodes.glossary_terms(docs_dir)).extendMarkdown(md)


def makeExtension(**kwargs) -> GuideExtension:
    return GuideExtension(**kwargs)
