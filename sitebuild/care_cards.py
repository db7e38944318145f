"""Care cards from one source of truth: docs/data/warning-signs.yml, and the hazard log.

- `<!-- md:care-card ID ID ... -->` (alone on its line) becomes a care card holding those signs,
  word for word from the data, under the heading of their level. Every sign in a card has the
  same level; a card holds at most 5 signs plus one catch-all.
- `<!-- md:hazard-log -->` becomes the hazard log (docs/data/hazards.yml), with each hazard's
  signs, the pages that show them and the tests that guard them.
- Each card's title is a heading for screen readers (one level below its section), starting with
  its urgency in words ("Emergency advice:"), as NHS care cards do.
The checks (data_problems, page_problems) find what would make a card wrong: unknown source
keys, a level less urgent than the source's, a stricter level with no `stricter_because`, a
medicine the source says to stop without "Stop taking", the same words under two ids, a sign no
page shows, a hazard with no guarding test, a card written by hand.
"""

from __future__ import annotations

import re

from sitebuild import data, language

SIGNS_FILE, HAZARDS_FILE = "warning-signs.yml", "hazards.yml"
# level -> (rank, admonition type); the heading, next step and screen-reader prefix are in each
# language's words (sitebuild/language.py)
LEVELS = {"gp": (1, "care-non-urgent"), "same-day": (2, "care-urgent"), "emergency": (3, "care-emergency")}
SIGN_FIELDS = {"level", "text", "sources", "source_level"}
OPTIONAL_SIGN_FIELDS = {"action", "stop", "stricter_because", "editorial", "catch_all", *language.TREES}
HAZARD_FIELDS = {"hazard", "cause", "effect", "mitigation", "signs", "tests"}
TRANSLATED = {"text", "action", "sources"}  # the fields a sign gives in each language (sources: only more)
MAX_SIGNS = 5
CARD = re.compile(r"^<!-- md:care-card((?: [\w-]+)+) -->$", re.M)
CARD_LIKE = re.compile(r"<!--\s*md:care-card\b.*?-->")
HAND_WRITTEN = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*care-[\w-]*", re.M)  # any admonition or details card
CARD_TITLE = re.compile(r'<div class="admonition (care-[\w-]+)">\s*<p class="admonition-title">')
HEADING = re.compile(r"<h([1-6])[\s>]")
HAZARD_LOG = "<!-- md:hazard-log -->"


def signs(docs_dir) -> dict[str, dict]:
    return dict(data.items(data.load(docs_dir, SIGNS_FILE, with_lines=True).get("signs")))


def hazards(docs_dir) -> dict[str, dict]:
    return dict(data.items(data.load(docs_dir, HAZARDS_FILE, with_lines=True).get("hazards")))


def entries(mapping: dict, section: str, where: str, required: set, optional: frozenset = frozenset()):
    """Each (id, entry, 'file:line: kind id' prefix, problems with its fields) in mapping[section]."""
    kind = section.rstrip("s")
    for entry_id, entry in data.items(mapping.get(section)):
        if not isinstance(entry, dict):
            yield entry_id, {}, f"{where}: {kind} '{entry_id}'", [f"{where}: {kind} '{entry_id}' must be a mapping of fields."]
            continue
        at = f"{where}:{entry.get('__line__', 1)}: {kind} '{entry_id}'"
        fields = set(entry) - {"__line__"}
        problems = [f"{at} is missing {', '.join(sorted(missing))}." for missing in [required - fields] if missing]
        problems += [f"{at} has unknown field(s) {', '.join(sorted(unknown))}."
                     for unknown in [fields - required - optional] if unknown]
        yield entry_id, entry, at, problems


def sign_problems(mapping: dict, references: set[str], where: str) -> list[str]:
    """Everything wrong with the warning-sign data, as 'file:line: message' lines."""
    problems, seen_text = [], {}
    for sign_id, sign, at, field_problems in entries(mapping, "signs", where, SIGN_FIELDS, OPTIONAL_SIGN_FIELDS):
        problems += field_problems
        level, source_level = sign.get("level"), sign.get("source_level")
        if level not in LEVELS:
            problems.append(f"{at}: level '{level}' is not one of {', '.join(LEVELS)}.")
        for key in dict.fromkeys(k for lang in language.TREES for k in language.localised(sign, lang).get("sources") or []):
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
        problems += wording_problems(sign, at, language.DEFAULT) + translation_problems(sign, at)
        for lang in [lang for lang in language.TREES if lang == language.DEFAULT or lang in sign]:
            normalised = lang + " ".join(str(language.localised(sign, lang).get("text", "")).lower().split())
            if normalised in seen_text:
                problems.append(f"{at}: same words as sign '{seen_text[normalised]}': one sign, one id, one level.")
            seen_text.setdefault(normalised, sign_id)
    return problems


def wording_problems(sign: dict, at: str, lang: str) -> list[str]:
    """A sign's words in one language: they follow the heading '... if:' and say "stop" where the source does."""
    problems, text = [], str(sign.get("text", ""))
    where = "" if lang == language.DEFAULT else f"{lang}: "
    if text[:1].isupper() or text.endswith("."):
        problems.append(f"{at}: {where}text follows the card heading ('... if:'), so start it in lower case with no full stop.")
    stop = language.words(lang)["stop"]
    if sign.get("stop") and stop not in (sign.get("action") or ""):
        problems.append(f"{at}: the source says to stop {sign['stop']}: its {where}'action' must say '{stop}'.")
    if sign.get("action") and not sign.get("text"):
        problems.append(f"{at}: {where}has an action but no text.")
    return problems


def translation_problems(sign: dict, at: str) -> list[str]:
    problems = []
    for lang in set(language.TREES) - {language.DEFAULT}:
        if lang not in sign:
            continue
        fields = set(sign[lang]) - {"__line__"} if isinstance(sign[lang], dict) else None
        if fields is None or not fields <= TRANSLATED or "text" not in fields:
            problems.append(f"{at}: '{lang}:' holds the sign's words in that language: text (and action if the "
                            f"English has one), nothing else.")
        elif bool(sign.get("action")) != ("action" in fields):
            problems.append(f"{at}: '{lang}:' must have an action exactly when the English has one.")
        elif "sources" in fields and not set(sign.get("sources") or []) <= set(sign[lang]["sources"] or []):
            problems.append(f"{at}: '{lang}: sources' may add sources for its own words, but must keep every English one.")
        else:
            problems += wording_problems(language.localised(sign, lang), at, lang)
    return problems


def hazard_problems(mapping: dict, sign_ids: set[str], where: str) -> list[str]:
    problems = []
    for _, hazard, at, field_problems in entries(mapping, "hazards", where, HAZARD_FIELDS, frozenset(language.TREES)):
        problems += field_problems
        if not hazard.get("tests"):
            problems.append(f"{at}: name at least one test that guards it.")
        for sign_id in hazard.get("signs") or []:
            if sign_id not in sign_ids:
                problems.append(f"{at}: unknown sign '{sign_id}'.")
    guarded = {s for _, h in data.items(mapping.get("hazards")) if isinstance(h, dict) for s in h.get("signs") or []}
    return problems + [f"{where}: sign '{s}' is in no hazard's 'signs:' (every sign guards against one)."
                       for s in sorted(sign_ids - guarded)]


def shown_on(docs_dir) -> dict[str, list[str]]:
    """Sign id -> the pages (paths under docs/) that place it in a card."""
    found: dict[str, list[str]] = {}
    for path in data.pages(docs_dir):
        for match in CARD.finditer(path.read_text(encoding="utf-8")):
            for sign_id in match.group(1).split():
                found.setdefault(sign_id, []).append(path.relative_to(docs_dir).as_posix())
    return found


def data_problems(docs_dir, references: set[str]) -> list[str]:
    sign_data = data.load(docs_dir, SIGNS_FILE, with_lines=True)
    problems = sign_problems(sign_data, references, f"docs/data/{SIGNS_FILE}")
    ids = {k for k, _ in data.items(sign_data.get("signs"))}
    problems += hazard_problems(data.load(docs_dir, HAZARDS_FILE, with_lines=True), ids, f"docs/data/{HAZARDS_FILE}")
    unused = sorted(ids - set(shown_on(docs_dir)))
    if unused:
        problems.append(f"docs/data/{SIGNS_FILE}: no page shows sign(s) {', '.join(unused)}: "
                        "place them with <!-- md:care-card ... --> or remove them.")
    return problems


def card_problem(ids: list[str], known: dict[str, dict], lang: str = language.DEFAULT) -> str | None:
    unknown = [i for i in ids if i not in known]
    if unknown:
        return f"unknown warning sign(s) {', '.join(unknown)}. Known: {', '.join(sorted(known))}."
    untranslated = [i for i in ids if lang != language.DEFAULT and lang not in known[i]]
    if untranslated:
        return (f"sign(s) {', '.join(untranslated)} have no words in this language: add '{lang}: text:' "
                f"to docs/data/{SIGNS_FILE}.")
    levels = {known[i]["level"] for i in ids}
    if len(levels) != 1:
        found = ", ".join(f"{i} ({known[i]['level']})" for i in ids)
        return f"a care card holds signs of one level; this one mixes {found}. Use one card per level."
    if len(set(ids)) != len(ids):
        return "a sign is listed twice in this card."
    if len([i for i in ids if not known[i].get("catch_all")]) > MAX_SIGNS or len(ids) > MAX_SIGNS + 1:
        return f"at most {MAX_SIGNS} signs and one catch-all in a card; split it by topic."
    return None


def page_problems(text: str, known: dict[str, dict], lang: str = language.DEFAULT) -> list[tuple[int, str]]:
    """(offset, message) for each hand-written card, badly placed card line and impossible card."""
    problems = [(m.start(), f"care card written by hand. Add the signs to docs/data/{SIGNS_FILE} "
                 "and place them with <!-- md:care-card ID ... -->.") for m in HAND_WRITTEN.finditer(text)]
    for match in CARD_LIKE.finditer(text):
        whole = CARD.match(text, match.start())
        if not whole or whole.end() != match.end():
            problems.append((match.start(), f"'{match.group(0)}' must stand alone at the start of a line, "
                             "as <!-- md:care-card ID ID -->."))
        elif problem := card_problem(whole.group(1).split(), known, lang):
            problems.append((match.start(), problem))
    return problems


def card(ids: list[str], known: dict[str, dict], lang: str = language.DEFAULT) -> str:
    level = known[ids[0]]["level"]
    kind, (heading, next_step, _) = LEVELS[level][1], language.words(lang)["levels"][level]
    lines = [f'!!! {kind} "{heading}"']
    for i in ids:
        sign = language.localised(known[i], lang)
        cite = f" [{'; '.join('@' + k for k in sign['sources'])}]" if sign["sources"] else ""
        action = f". **{sign['action']}**" if sign.get("action") else ""
        lines.append(f"    - {sign['text']}{cite}{action}")
    return "\n".join(lines + ["", f"    {next_step}", ""])


def hazard_log(docs_dir, lang: str = language.DEFAULT) -> str:
    known, pages, out = signs(docs_dir), shown_on(docs_dir), []
    w = language.words(lang)
    cause, effect, does, table_head, checked_by = w["hazard"]
    for hazard_id, h in hazards(docs_dir).items():
        h = language.localised(h, lang)
        sign_lines = [f"| {w['level_labels'][known[s]['level']]} | {language.localised(known[s], lang)['text']} "
                      f"| {len(pages.get(s, []))} |" for s in h["signs"]]
        tests = ", ".join(f"`{t}`" for t in h["tests"])
        out += [f"### {hazard_id}: {h['hazard']} {{ #{hazard_id.lower()} }}", "",
                f"{cause}\n:   {h['cause']}", "", f"{effect}\n:   {h['effect']}", "",
                f"{does}\n:   {h['mitigation']}", ""]
        if sign_lines:
            out += [table_head, "|---|---|---:|", *sign_lines, ""]
        out += [f"{checked_by}: {tests}.", ""]
    return "\n".join(out)


def render(markdown: str, docs_dir) -> str:
    """Cards and the hazard log as Markdown, in the language of docs_dir; a card that cannot be made
    is left out (checks.py reports it)."""
    known, lang = signs(docs_dir), language.of_docs(docs_dir)

    def one(match: re.Match) -> str:
        ids = match.group(1).split()
        return "" if card_problem(ids, known, lang) else card(ids, known, lang)

    markdown = CARD.sub(one, markdown)
    return markdown.replace(HAZARD_LOG, hazard_log(docs_dir, lang)) if HAZARD_LOG in markdown else markdown


def headings(html: str, lang: str = language.DEFAULT) -> str:
    """Each card's title as a heading one level below the section it sits in, its urgency in words first."""
    prefixes = {LEVELS[level][1]: prefix for level, (_, _, prefix) in language.words(lang)["levels"].items()}

    def title(match: re.Match) -> str:
        above = [int(h) for h in HEADING.findall(html, 0, match.start())]
        level = min((above[-1] if above else 1) + 1, 6)
        return (f'<div class="admonition {match.group(1)}"><p class="admonition-title" role="heading" '
                f'aria-level="{level}"><span class="visually-hidden">{prefixes[match.group(1)]}</span>')

    return CARD_TITLE.sub(title, html)
