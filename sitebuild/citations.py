"""Citations: `[@key]` becomes a numbered link, and the page gets its Sources list.

The bibliography is docs/data/references.yml, the site's single source of truth.
`<!-- md:bibliography -->` (the references page) lists every entry.
"""

from __future__ import annotations

import html
import re

from sitebuild import data, language

CITE = re.compile(r"\[@([\w-]+(?:\s*;\s*@[\w-]+)*)\]")
COMMA_LIST = re.compile(r"\[(@[\w-]+(?:\s*,\s*@?[\w-]+)+)\]")  # [@a, @b]: a common slip, reported
BIBLIOGRAPHY_MARKER = "<!-- md:bibliography -->"
REFERENCES = "references.yml"


def bibliography(docs_dir) -> dict[str, dict]:
    return dict(data.items(data.load(docs_dir, REFERENCES)))


def data_problems(docs_dir) -> list[str]:
    entries = data.load(docs_dir, REFERENCES, with_lines=True)
    return [f"docs/data/{REFERENCES}:{entry.get('__line__', 1)}: entry '{key}' needs a title and "
            "'verified: primary' or 'verified: secondary'."
            for key, entry in data.items(entries)
            if not entry.get("title") or entry.get("verified") not in ("primary", "secondary")]


def page_problems(text: str, keys: set[str]) -> list[tuple[int, str]]:
    """(line, message) for each unknown key and each comma-separated list in a page's source."""
    problems = []
    for match in COMMA_LIST.finditer(text):
        fixed = "; ".join("@" + key.strip().lstrip("@") for key in match.group(1).split(","))
        problems.append((match.start(), f"'{match.group(0)}': separate citation keys with semicolons, as [{fixed}]."))
    for match in CITE.finditer(text):
        for key in (k.strip().lstrip("@") for k in match.group(1).split(";")):
            if key not in keys:
                problems.append((match.start(), f"unknown citation key '{key}'. "
                                 "Add it to docs/data/references.yml or fix the spelling."))
    return problems


def links(entry: dict, lang: str = language.DEFAULT) -> str:
    out, words = [], language.words(lang)
    if entry.get("doi"):
        out.append(f'<a href="https://doi.org/{entry["doi"]}">doi:{entry["doi"]}</a>')
    if entry.get("pmid"):
        out.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{entry["pmid"]}/">PubMed {entry["pmid"]}</a>')
    if entry.get("url") and not out:
        out.append(f'<a href="{html.escape(entry["url"])}">{html.escape(entry["url"])}</a>')
    if entry.get("verified") == "secondary":
        out.append(f'<span class="source-note">{words["secondary"]}</span>')
    elif not out:
        out.append(f'<span class="source-note">{words["no_link"]}</span>')
    return " · ".join(out)


def reference_html(entry: dict, lang: str = language.DEFAULT) -> str:
    parts = [entry.get("authors"), f"<cite>{html.escape(entry['title'])}</cite>", entry.get("container")]
    year = str(entry.get("year", language.words(lang)["undated"]))
    if entry.get("details"):
        year = f"{year};{entry['details']}"
    text = ". ".join(html.escape(p.rstrip(".")) if not p.startswith("<cite>") else p for p in parts if p)  # "et al." + "."
    return f"{text}. {year}. {links(entry, lang)}"


def short_title(entry: dict) -> str:
    author = (entry.get("authors") or entry.get("container") or "").split(",")[0]
    return html.escape(f"{author} ({entry.get('year', 'n.d.')}): {entry['title']}", quote=True)


def render(markdown: str, bib: dict[str, dict], lang: str = language.DEFAULT) -> str:
    """Number the page's citations in order of first use and append its Sources list.
    Unknown keys are left out here; checks.py reports them at their line."""
    order: list[str] = []
    words = language.words(lang)

    def number(match: re.Match) -> str:
        anchors = []
        for key in (k.strip().lstrip("@") for k in match.group(1).split(";")):
            if key not in bib:
                continue
            if key not in order:
                order.append(key)
            n = order.index(key) + 1
            anchors.append(f'<a href="#source-{n}" title="{short_title(bib[key])}" aria-label="{words["source_n"].format(n=n)}">{n}</a>')
        return f'<sup class="cite">[{", ".join(anchors)}]</sup>'

    markdown = CITE.sub(number, markdown)
    if order:
        items = "\n".join(f'<li id="source-{n}">{reference_html(bib[key], lang)}</li>' for n, key in enumerate(order, 1))
        markdown += f'\n\n## {words["sources"]} {{ #{words["sources_id"]} }}\n\n<ol class="sources">\n{items}\n</ol>\n'
    if BIBLIOGRAPHY_MARKER in markdown:
        ordered = sorted(bib.items(), key=lambda kv: reference_html(kv[1], lang).lower())
        items = "\n".join(f'<li id="{key}">{reference_html(entry, lang)}</li>' for key, entry in ordered)
        markdown = markdown.replace(BIBLIOGRAPHY_MARKER, f'<ol class="sources bibliography">\n{items}\n</ol>')
    return markdown
