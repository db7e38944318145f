"""Citations: turn `[@key]` into numbered links and append the page's Sources list.

The bibliography is docs/data/references.yml, the site's single source of truth.
`<!-- md:bibliography -->` (the references page) lists every entry. An unknown key, or keys
separated by commas, is reported at its file and line (strict mode then fails the build).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from source_lines import report

CITE = re.compile(r"\[@([\w-]+(?:\s*;\s*@[\w-]+)*)\]")
COMMA_LIST = re.compile(r"\[(@[\w-]+(?:\s*,\s*@?[\w-]+)+)\]")  # [@a, @b]: a common slip, reported
BIBLIOGRAPHY_MARKER = "<!-- md:bibliography -->"
bibliography: dict[str, dict] = {}


def on_config(config):
    path = Path(config["docs_dir"]) / "data" / "references.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key, entry in entries.items():
        if not entry.get("title") or entry.get("verified") not in ("primary", "secondary"):
            raise PluginError(
                f"{path}: entry '{key}' needs a title and 'verified: primary' or 'verified: secondary'."
            )
    bibliography.clear()
    bibliography.update(entries)


def links(entry: dict) -> str:
    out = []
    if entry.get("doi"):
        out.append(f'<a href="https://doi.org/{entry["doi"]}">doi:{entry["doi"]}</a>')
    if entry.get("pmid"):
        out.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{entry["pmid"]}/">PubMed {entry["pmid"]}</a>')
    if entry.get("url") and not out:
        out.append(f'<a href="{html.escape(entry["url"])}">{html.escape(entry["url"])}</a>')
    if entry.get("verified") == "secondary":
        out.append("Checked in secondary copies only; the editors have not yet seen the original.")
    elif not out:
        out.append("No free link to the original yet.")
    return " · ".join(out)


def reference_html(entry: dict) -> str:
    parts = [entry.get("authors"), f"<cite>{html.escape(entry['title'])}</cite>", entry.get("container")]
    year = str(entry.get("year", "Undated web page"))
    if entry.get("details"):
        year = f"{year};{entry['details']}"
    text = ". ".join(html.escape(p.rstrip(".")) if not p.startswith("<cite>") else p for p in parts if p)  # "et al." + "."
    return f"{text}. {year}. {links(entry)}"


def citation_text(entry: dict) -> str:
    """A source for schema.org `citation` (link previews): its DOI or URL, else plain text."""
    if entry.get("doi"):
        return f"https://doi.org/{entry['doi']}"
    if entry.get("url"):
        return entry["url"]
    parts = (entry.get("authors"), entry["title"], entry.get("container"), str(entry.get("year", "")))
    return ". ".join(p for p in parts if p)


def short_title(entry: dict) -> str:
    author = (entry.get("authors") or entry.get("container") or "").split(",")[0]
    return html.escape(f"{author} ({entry.get('year', 'n.d.')}): {entry['title']}", quote=True)


def on_page_markdown(markdown, page, config, files):
    order: list[str] = []

    def number(match: re.Match) -> str:
        keys = [k.strip().lstrip("@") for k in match.group(1).split(";")]
        anchors = []
        for key in keys:
            if key not in bibliography:
                report(page, f"@{key}", f"unknown citation key '{key}'. "
                       "Add it to docs/data/references.yml or fix the spelling.")
                continue
            if key not in order:
                order.append(key)
            n = order.index(key) + 1
            anchors.append(
                f'<a href="#source-{n}" title="{short_title(bibliography[key])}" aria-label="Source {n}">{n}</a>'
            )
        return f'<sup class="cite">[{", ".join(anchors)}]</sup>'

    for match in COMMA_LIST.finditer(markdown):
        keys = "; ".join("@" + key.strip().lstrip("@") for key in match.group(1).split(","))
        report(page, match.group(0), f"'{match.group(0)}': separate citation keys with semicolons, as [{keys}].")
    markdown = CITE.sub(number, markdown)
    page.meta["citations"] = order
    page.meta["citation_sources"] = [citation_text(bibliography[key]) for key in order]
    if order:
        items = "\n".join(
            f'<li id="source-{n}">{reference_html(bibliography[key])}</li>' for n, key in enumerate(order, 1)
        )
        markdown += f'\n\n## Sources {{ #sources }}\n\n<ol class="sources">\n{items}\n</ol>\n'
    if BIBLIOGRAPHY_MARKER in markdown:
        ordered = sorted(bibliography.items(), key=lambda kv: reference_html(kv[1]).lower())
        items = "\n".join(f'<li id="{key}">{reference_html(entry)}</li>' for key, entry in ordered)
        markdown = markdown.replace(BIBLIOGRAPHY_MARKER, f'<ol class="sources bibliography">\n{items}\n</ol>')
    return markdown
