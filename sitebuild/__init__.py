"""The guide's own build code, written once and run by every generator.

- `extension.py`: a Python-Markdown extension with the per-page transforms (citations and
  Sources, care cards, evidence labels, food tables, glossary). MkDocs and Zensical both run it.
- `checks.py`: every editor mistake in docs/ (front matter, citations, shortcodes, care cards,
  data files), each reported at its file and line, all in one run.
- `postbuild.py`: the steps that read and finish a built site/ (search additions,
  Content-Security-Policy, review dates, link-preview images, sitemap dates, robots.txt).
- `data.py`, `citations.py`, `care_cards.py`, `shortcodes.py`, `front_matter.py`: the pieces.

The MkDocs hooks in hooks/ only call these; `make build-zensical` calls them without MkDocs.
"""
