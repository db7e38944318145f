"""Shortcodes: `<!-- md:NAME args -->` in Markdown becomes site components.

- `<!-- md:evidence good|some|little|against -->`: the evidence-strength label.
- `<!-- md:food-table GROUP -->`: a nutrient table built from docs/data/foods.yml.
- `<!-- md:glossary -->`: the glossary as a list, from docs/includes/glossary.md.
An unknown or misspelt shortcode is reported at its file and line (source_lines.py).
Care cards are made by warning_signs.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from source_lines import report

SHORTCODE = re.compile(r"<!-- md:([\w-]+)(?: ([\w-]+))? -->")
EVIDENCE = {
    "good": "Good evidence",
    "some": "Some evidence",
    "little": "Little or no evidence",
    "against": "Evidence against",
}
FOOD_COLUMNS = {
    "potassium": [("potassium_mg", "Potassium (mg)")],
    "calcium": [("calcium_mg", "Calcium (mg)")],
    "magnesium": [("magnesium_mg", "Magnesium (mg)")],
    "vitamin_d": [("vitamin_d_ug", "Vitamin D (µg)"), ("vitamin_d_iu", "Vitamin D (IU)")],
    "water": [("water_g", "Water (g)"), ("potassium_mg", "Potassium (mg)")],
}
GLOSSARY_LINE = re.compile(r"^\*\[(.+?)\]:\s*(.+)$")


def load_yaml(config, name: str):
    return yaml.safe_load((Path(config["docs_dir"]) / name).read_text(encoding="utf-8"))


def number(value) -> str:
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else str(value)


def note(food: dict) -> str:
    """A safety note shown beside a food wherever a table lists it (foods.yml `note:`)."""
    return f' <strong class="food-note">({food["note"]})</strong>' if food.get("note") else ""


def food_table(group: str, config) -> str:
    data = load_yaml(config, "data/foods.yml")
    if group == "reference_values":
        rows = [
            f"| {r['nutrient']} | {r['men']} | {r['women']} | {r['upper_limit']} [@{r['key']}] |"
            for r in data["reference_values"]
        ]
        return "\n".join(["| Nutrient | Men | Women | Upper limit |", "|---|---|---|---|", *rows])
    columns = FOOD_COLUMNS[group]
    foods = [f for f in data["foods"] if group in f["groups"]]
    foods.sort(key=lambda f: f[columns[0][0]] or 0, reverse=True)
    header = "| Food | Serving | " + " | ".join(title for _, title in columns) + " |"
    rule = "|---|---|" + "---:|" * len(columns)
    rows = [
        f"| {f['name']}{note(f)} | {f['serving']} | " + " | ".join(number(f[field]) for field, _ in columns) + " |"
        for f in foods
    ]
    source = f"\n\nSource: {data['source']['name']} [@{data['source']['key']}]."
    return "\n".join([header, rule, *rows]) + source


def glossary(config) -> str:
    terms: dict[str, tuple[str, str]] = {}
    for line in (Path(config["docs_dir"]) / "includes" / "glossary.md").read_text(encoding="utf-8").splitlines():
        match = GLOSSARY_LINE.match(line)
        if match:
            terms.setdefault(match.group(1).lower(), match.groups())
    return "\n\n".join(f"{term}\n:   {definition}" for term, definition in (terms[k] for k in sorted(terms)))


MALFORMED = re.compile(r"<!--\s*md:.*?-->")


def on_page_markdown(markdown, page, config, files):
    def render(match: re.Match) -> str:
        name, arg = match.groups()
        if name == "evidence" and arg in EVIDENCE:
            return f'<span class="evidence evidence--{arg}">{EVIDENCE[arg]}</span>'
        if name == "food-table" and (arg in FOOD_COLUMNS or arg == "reference_values"):
            return food_table(arg, config)
        if name == "glossary":
            return glossary(config)
        if name == "bibliography":
            return match.group(0)  # left for the citations hook
        report(page, match.group(0), f"unknown shortcode '{match.group(0)}'. Known: evidence "
               f"{'|'.join(EVIDENCE)}, food-table {'|'.join(FOOD_COLUMNS)}|reference_values, glossary, bibliography.")
        return match.group(0)

    for match in MALFORMED.finditer(markdown):  # e.g. <!--md:evidence little-->: it would silently show nothing
        if not SHORTCODE.fullmatch(match.group(0)) and "md:care-card" not in match.group(0):
            report(page, match.group(0), f"'{match.group(0)}' is not a shortcode. Write it with one space "
                   "after '<!--' and before '-->', e.g. <!-- md:evidence some -->.")
    return SHORTCODE.sub(render, markdown)
