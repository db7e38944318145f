"""Shortcodes: `<!-- md:NAME arg -->` in a page becomes a site component.

- `<!-- md:evidence good|some|little|against -->`: the evidence-strength label.
- `<!-- md:food-table GROUP -->`: a nutrient table from docs/data/foods.yml.
- `<!-- md:glossary -->`: the glossary as a list, from docs/data/glossary.yml.
Care cards (`md:care-card`, `md:hazard-log`) are care_cards.py's; the bibliography is citations.py's.
"""

from __future__ import annotations

import re

from sitebuild import data, language

SHORTCODE = re.compile(r"<!-- md:([\w-]+)(?: ([\w-]+))? -->")
MALFORMED = re.compile(r"<!--\s*md:.*?-->")
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:", re.M)  # Markdown's own `*[term]: definition`
EVIDENCE = ("good", "some", "little", "against")  # their words are in sitebuild/language.py
FOOD_COLUMNS = {  # table -> the foods.yml fields it shows, the first one sorting it
    "potassium": ["potassium_mg"],
    "calcium": ["calcium_mg"],
    "magnesium": ["magnesium_mg"],
    "vitamin_d": ["vitamin_d_ug", "vitamin_d_iu"],
    "water": ["water_g", "potassium_mg"],
}
OTHERS = {"care-card", "hazard-log", "bibliography", "evidence-chart"}  # made elsewhere


def number(value, lang: str = language.DEFAULT) -> str:
    if value is None:
        return "–"
    if lang != language.DEFAULT:  # Spanish style (RAE): no separator up to 9999, a thin space above
        return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) and value > 9999 else str(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def note(food: dict) -> str:
    """A safety note shown beside a food wherever a table lists it (foods.yml `note:`)."""
    return f' <strong class="food-note">({food["note"]})</strong>' if food.get("note") else ""


def food_table(group: str, foods: dict, lang: str = language.DEFAULT) -> str:
    w = language.words(lang)
    if group == "reference_values":
        rows = [f"| {r['nutrient']} | {r['men']} | {r['women']} | {r['upper_limit']} [@{r['key']}] |"
                for r in (language.localised(r, lang) for r in foods["reference_values"])]
        return "\n".join(["| " + " | ".join(w["reference_columns"]) + " |", "|---|---|---|---|", *rows])
    columns = FOOD_COLUMNS[group]
    listed = sorted((language.localised(f, lang) for f in foods["foods"] if group in f["groups"]),
                    key=lambda f: f[columns[0]] or 0, reverse=True)
    header = "| " + " | ".join([*w["food"], *(w["food_columns"][field] for field in columns)]) + " |"
    rule = "|---|---|" + "---:|" * len(columns)
    rows = [f"| {f['name']}{note(f)} | {f['serving']} | " + " | ".join(number(f[field], lang) for field in columns) + " |"
            for f in listed]
    source = language.localised(foods["source"], lang)
    return "\n".join([header, rule, *rows]) + f"\n\n{w['food_source']}: {source['name']} [@{source['key']}]."


def capitalised(word: str) -> str:
    return word[0].upper() + word[1:] if word[:1].isalpha() and word[:1].islower() else word


def glossary(docs_dir) -> list[dict]:
    """The glossary entries in the language of docs_dir (an entry with no words in it is left out)."""
    lang = language.of_docs(docs_dir)
    entries = data.load(docs_dir, "glossary.yml") or []
    return [language.localised(e, lang) for e in entries if lang == language.DEFAULT or lang in e]


def glossary_terms(docs_dir) -> dict[str, str]:
    """Every form of every glossary word (and its capitalised form) -> its definition, for `abbr`."""
    terms = {}
    for entry in glossary(docs_dir):
        for form in [entry["term"], *entry.get("also", [])]:
            terms[form] = terms[capitalised(form)] = entry["definition"]
    return terms


def glossary_list(docs_dir) -> str:
    entries = sorted(glossary(docs_dir), key=lambda e: e["term"].lower())
    return "\n\n".join(f"{capitalised(e['term'])}\n:   {e['definition']}" for e in entries)


def glossary_problems(docs_dir) -> list[str]:
    """Each entry needs a term and a definition (in each language it has); a form belongs to one entry only."""
    where, problems, owner = "docs/data/glossary.yml", [], {}
    for n, entry in enumerate(data.load(docs_dir, "glossary.yml", with_lines=True) or []):
        at = f"{where}:{entry.get('__line__', 1) if isinstance(entry, dict) else 1}"
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("definition"):
            problems.append(f"{at}: entry {n + 1} needs 'term:' and 'definition:'.")
            continue
        for lang in [lang for lang in language.TREES if lang == language.DEFAULT or lang in entry]:
            words = language.localised(entry, lang)
            if lang != language.DEFAULT and not (isinstance(entry[lang], dict) and entry[lang].get("term")
                                                 and entry[lang].get("definition")):
                problems.append(f"{at}: '{lang}:' needs its own 'term:' and 'definition:'.")
                continue
            for form in [words["term"], *words.get("also", [])]:
                key = (lang, form.lower())
                if key in owner:
                    problems.append(f"{at}: '{form}' is already under '{owner[key]}': one word, one definition.")
                owner.setdefault(key, words["term"])
    return problems


def page_problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each shortcode the build would not understand, and each glossary
    word defined in a page (in a block, they once cost 20 s of every build; one list is easier to keep)."""
    problems = [(m.start(), f"'{m.group(0)}' defines a glossary word in a page: add it to docs/data/glossary.yml "
                 "instead, and every page gets it.") for m in ABBREVIATION.finditer(text)]
    for match in MALFORMED.finditer(text):
        code = SHORTCODE.fullmatch(match.group(0))
        if not code:
            if "md:care-card" not in match.group(0):  # care_cards.py explains its own
                problems.append((match.start(), f"'{match.group(0)}' is not a shortcode. Write it with one space "
                                 "after '<!--' and before '-->', e.g. <!-- md:evidence some -->."))
            continue
        name, arg = code.groups()
        known = (name == "evidence" and arg in EVIDENCE or name == "food-table" and (arg in FOOD_COLUMNS or arg == "reference_values")
                 or name == "glossary" and not arg or name in OTHERS)
        if not known:
            problems.append((match.start(), f"unknown shortcode '{match.group(0)}'. Known: evidence "
                             f"{'|'.join(EVIDENCE)}, food-table {'|'.join(FOOD_COLUMNS)}|reference_values, glossary, "
                             "bibliography, care-card, hazard-log, evidence-chart."))
    return problems


def render(markdown: str, docs_dir) -> str:
    lang = language.of_docs(docs_dir)

    def one(match: re.Match) -> str:
        name, arg = match.groups()
        if name == "evidence" and arg in EVIDENCE:
            return f'<span class="evidence evidence--{arg}">{language.words(lang)["evidence"][arg]}</span>'
        if name == "food-table" and (arg in FOOD_COLUMNS or arg == "reference_values"):
            return food_table(arg, data.load(docs_dir, "foods.yml"), lang)
        if name == "glossary":
            return glossary_list(docs_dir)
        return match.group(0)  # someone else's, or reported by checks.py

    return SHORTCODE.sub(one, markdown)
