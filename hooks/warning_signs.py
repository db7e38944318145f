"""Care cards from one source of truth: docs/data/warning-signs.yml, and the hazard log.

- `<!-- md:care-card ID ID ... -->` (alone on its line) becomes a care card holding those
  signs, word for word from the data, under the heading of their level. Every sign in a card
  must have the same level; a card holds at most 5 signs plus one catch-all.
- `<!-- md:hazard-log -->` becomes the hazard log (docs/data/hazards.yml), with each hazard's
  signs, the pages that show them and the tests that guard them.
- A care card written by hand (`!!! care-...` or `??? care-...`) stops the build: advice must not drift.
- Each card's title becomes a heading for screen readers (one level below its section), with its
  urgency in words ("Emergency advice:"), as NHS care cards do.
The data is checked when the build starts, and every problem is reported in one run with the
file and line: unknown source keys, a level less urgent than the source's, a stricter level
with no `stricter_because`, a medicine the source says to stop without "Stop taking", the
same words under two ids, a sign no page shows, a hazard with no guarding test.
Runs before shortcodes.py, which rejects shortcodes it does not know.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from source_lines import report

SIGNS_FILE = Path("data") / "warning-signs.yml"
HAZARDS_FILE = Path("data") / "hazards.yml"
# level -> (rank, admonition type, heading = the action, what the reader does next, screen-reader prefix)
LEVELS = {
    "gp": (1, "care-non-urgent", "See a GP if:",
           "This is not urgent, but book an appointment with your GP or family doctor.", "Non-urgent advice: "),
    "same-day": (2, "care-urgent", "Get medical help today if:",
                 "Ask your GP surgery for an urgent appointment today. If you cannot get one, call 111 "
                 "in the UK, or use your local urgent care or out-of-hours service.", "Urgent advice: "),
    "emergency": (3, "care-emergency", "Call your emergency number now if:",
                  "Call 999 (UK), 112 (Europe), 911 (US and Canada) or 000 (Australia), "
                  "or go to an emergency department (A&E).", "Emergency advice: "),
}
LABELS = {"gp": "See a GP", "same-day": "Same day", "emergency": "Emergency"}
SIGN_FIELDS = {"level", "text", "sources", "source_level"}
OPTIONAL_SIGN_FIELDS = {"action", "stop", "stricter_because", "editorial", "catch_all"}
HAZARD_FIELDS = {"hazard", "cause", "effect", "mitigation", "signs", "tests"}
MAX_SIGNS = 5
CARD = re.compile(r"^<!-- md:care-card((?: [\w-]+)+) -->$", re.M)
CARD_LIKE = re.compile(r"<!--\s*md:care-card\b.*?-->")
HAND_WRITTEN = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*care-[\w-]*", re.M)  # any admonition or details card
CARD_TITLE = re.compile(r'<div class="admonition (care-[\w-]+)">\s*<p class="admonition-title">')
HEADING = re.compile(r"<h([1-6])[\s>]")
HAZARD_LOG = "<!-- md:hazard-log -->"

signs: dict[str, dict] = {}
hazards: dict[str, dict] = {}
shown_on: dict[str, list[str]] = {}  # sign id -> pages (src paths) that place it


class LineLoader(yaml.SafeLoader):
    """YAML mappings that remember the line they start on (`__line__`), for error messages."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def read(path: Path) -> dict:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise PluginError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML: {error}") from None


def entries(data: dict, section: str, where: str, required: set, optional: frozenset = frozenset()):
    """Each (id, entry, 'file:line: kind id' prefix, problems with its fields) in data[section]."""
    kind = section.rstrip("s")
    for entry_id, entry in (data.get(section) or {}).items():
        if entry_id == "__line__":
            continue
        if not isinstance(entry, dict):
            yield entry_id, {}, f"{where}: {kind} '{entry_id}'", [f"{where}: {kind} '{entry_id}' must be a mapping of fields."]
            continue
        at = f"{where}:{entry.get('__line__', 1)}: {kind} '{entry_id}'"
        fields = set(entry) - {"__line__"}
        problems = [f"{at} is missing {', '.join(sorted(missing))}." for missing in [required - fields] if missing]
        problems += [f"{at} has unknown field(s) {', '.join(sorted(unknown))}."
                     for unknown in [fields - required - optional] if unknown]
        yield entry_id, entry, at, problems


def sign_problems(data: dict, references: set[str], where: str) -> list[str]:
    """Everything wrong with the warning-sign data, as 'file:line: message' lines."""
    problems, seen_text = [], {}
    for sign_id, sign, at, field_problems in entries(data, "signs", where, SIGN_FIELDS, OPTIONAL_SIGN_FIELDS):
        problems += field_problems
        level, source_level = sign.get("level"), sign.get("source_level")
        if level not in LEVELS:
            problems.append(f"{at}: level '{level}' is not one of {', '.join(LEVELS)}.")
        for key in sign.get("sources") or []:
            if key not in references:
                problems.append(f"{at}: source '{key}' is not in docs/data/references.yml.")
        if source_level == "none":
            if not sign.get("editorial"):
                problems.append(f"{at}: source_level 'none' (the source gives no level) needs an 'editorial:' reason for ours.")
        elif source_level not in LEVELS:
            problems.append(f"{at}: source_level '{source_level}' is not one of {', '.join(LEVELS)} or none.")
        elif not sign.get("sources"):
            problems.append(f"{at}: give the source keys that set its level.")
        elif level in LEVELS:
            ours, theirs = LEVELS[level][0], LEVELS[source_level][0]
            if ours < theirs:
                problems.append(f"{at}: level '{level}' is less urgent than its source's '{source_level}'.")
            if ours > theirs and not sign.get("stricter_because"):
                problems.append(f"{at}: level '{level}' is stricter than its source's '{source_level}': "
                                "say why in 'stricter_because:'.")
            if ours == theirs and sign.get("stricter_because"):
                problems.append(f"{at}: 'stricter_because' given, but the level is the source's own.")
        if sign.get("stop") and "Stop taking" not in (sign.get("action") or ""):
            problems.append(f"{at}: the source says to stop {sign['stop']}: its 'action' must say 'Stop taking'.")
        text = str(sign.get("text", ""))
        if text[:1].isupper() or text.endswith("."):
            problems.append(f"{at}: text follows the heading '...if:', so start it in lower case with no full stop.")
        normalised = " ".join(text.lower().split())
        if normalised in seen_text:
            problems.append(f"{at}: same words as sign '{seen_text[normalised]}': one sign, one id, one level.")
        seen_text.setdefault(normalised, sign_id)
    return problems


def hazard_problems(data: dict, sign_ids: set[str], where: str) -> list[str]:
    problems = []
    for _, hazard, at, field_problems in entries(data, "hazards", where, HAZARD_FIELDS):
        problems += field_problems
        if not hazard.get("tests"):
            problems.append(f"{at}: name at least one test that guards it.")
        for sign_id in hazard.get("signs") or []:
            if sign_id not in sign_ids:
                problems.append(f"{at}: unknown sign '{sign_id}'.")
    guarded = {s for h in (data.get("hazards") or {}).values() if isinstance(h, dict) for s in h.get("signs") or []}
    return problems + [f"{where}: sign '{s}' is in no hazard's 'signs:' (every sign guards against one)."
                       for s in sorted(sign_ids - guarded)]


def on_config(config):
    docs = Path(config["docs_dir"])
    references = set(yaml.safe_load((docs / "data" / "references.yml").read_text(encoding="utf-8")) or {})
    sign_data, hazard_data = read(docs / SIGNS_FILE), read(docs / HAZARDS_FILE)
    problems = sign_problems(sign_data, references, f"docs/{SIGNS_FILE}")
    ids = {k for k in sign_data.get("signs") or {} if k != "__line__"}
    problems += hazard_problems(hazard_data, ids, f"docs/{HAZARDS_FILE}")
    if problems:
        raise PluginError("Warning-sign data has problems:\n  " + "\n  ".join(problems))
    signs.clear()
    signs.update({k: v for k, v in sign_data["signs"].items() if k != "__line__"})
    hazards.clear()
    hazards.update({k: v for k, v in hazard_data["hazards"].items() if k != "__line__"})


def on_files(files, config):
    """Which page shows which sign (for the hazard log), and no sign that no page shows."""
    shown_on.clear()
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        for match in CARD.finditer(text):
            for sign_id in match.group(1).split():
                shown_on.setdefault(sign_id, []).append(file.src_uri)
    unused = sorted(set(signs) - set(shown_on))
    if unused:
        raise PluginError(f"docs/{SIGNS_FILE}: no page shows sign(s) {', '.join(unused)}: "
                          "place them with <!-- md:care-card ... --> or remove them.")


def card(ids: list[str], where: str) -> str:
    unknown = [i for i in ids if i not in signs]
    if unknown:
        raise PluginError(f"{where}: unknown warning sign(s) {', '.join(unknown)}. Known: {', '.join(sorted(signs))}.")
    levels = {signs[i]["level"] for i in ids}
    if len(levels) != 1:
        found = ", ".join(f"{i} ({signs[i]['level']})" for i in ids)
        raise PluginError(f"{where}: a care card holds signs of one level; this one mixes {found}. Use one card per level.")
    if len(set(ids)) != len(ids):
        raise PluginError(f"{where}: a sign is listed twice in this card.")
    if len([i for i in ids if not signs[i].get("catch_all")]) > MAX_SIGNS or len(ids) > MAX_SIGNS + 1:
        raise PluginError(f"{where}: at most {MAX_SIGNS} signs and one catch-all in a card; split it by topic.")
    _, kind, heading, next_step, _ = LEVELS[levels.pop()]
    lines = [f'!!! {kind} "{heading}"']
    for i in ids:
        sign = signs[i]
        cite = f" [{'; '.join('@' + k for k in sign['sources'])}]" if sign["sources"] else ""
        action = f". **{sign['action']}**" if sign.get("action") else ""
        lines.append(f"    - {sign['text']}{cite}{action}")
    return "\n".join(lines + ["", f"    {next_step}", ""])


def hazard_log() -> str:
    out = []
    for hazard_id, h in hazards.items():
        sign_lines = [f"| {LABELS[signs[s]['level']]} | {signs[s]['text']} | {len(shown_on.get(s, []))} |"
                      for s in h["signs"]]
        tests = ", ".join(f"`{t}`" for t in h["tests"])
        out += [f"### {hazard_id}: {h['hazard']} {{ #{hazard_id.lower()} }}", "",
                f"Cause\n:   {h['cause']}", "", f"What could happen\n:   {h['effect']}", "",
                f"What the site does\n:   {h['mitigation']}", ""]
        if sign_lines:
            out += ["| Level | Warning sign that guards against it | Pages |", "|---|---|---:|", *sign_lines, ""]
        out += [f"Tests that check it: {tests}.", ""]
    return "\n".join(out)


def on_page_markdown(markdown, page, config, files):
    for match in HAND_WRITTEN.finditer(markdown):
        report(page, match.group(0).strip(), f"care card written by hand. Add the signs to docs/{SIGNS_FILE} "
               "and place them with <!-- md:care-card ID ... -->.")
    for match in CARD_LIKE.finditer(markdown):
        whole = CARD.match(markdown, match.start())
        if not whole or whole.end() != match.end():
            report(page, match.group(0), f"'{match.group(0)}' must stand alone at the start of a line, "
                   "as <!-- md:care-card ID ID -->.")

    def render(match: re.Match) -> str:
        try:
            return card(match.group(1).split(), page.file.src_uri)
        except PluginError as problem:  # reported with its line; the build goes on to find the others
            report(page, match.group(0), str(problem).removeprefix(page.file.src_uri + ": "))
            return ""

    markdown = CARD.sub(render, markdown)
    return markdown.replace(HAZARD_LOG, hazard_log()) if HAZARD_LOG in markdown else markdown


def on_page_content(html, page, config, files):
    """Each card's title is a heading for screen readers (one level below the section it sits in),
    starting with its urgency in words ("Emergency advice:"), as NHS care cards do."""
    prefixes = {kind: prefix for _, kind, _, _, prefix in LEVELS.values()}

    def title(match: re.Match) -> str:
        above = [int(h) for h in HEADING.findall(html, 0, match.start())]
        level = min((above[-1] if above else 1) + 1, 6)
        return (f'<div class="admonition {match.group(1)}"><p class="admonition-title" role="heading" '
                f'aria-level="{level}"><span class="visually-hidden">{prefixes[match.group(1)]}</span>')

    return CARD_TITLE.sub(title, html)
