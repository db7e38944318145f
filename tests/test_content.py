"""Editorial rules on the built pages: readability, citations, evidence labels, review dates, honesty."""

from __future__ import annotations

import copy
import datetime as dt
import re
import statistics
import warnings

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import parse

import readability
from review_dates import ROOT, due, review_dates
from sitebuild import language, translations

NOT_PROSE = {"glossary/index.html", "references/index.html", "glosario/index.html", "referencias/index.html"}
MUST_CITE = ("understanding/", "causes/", "relief/", "get-help/")
ACTIONABLE = ("index.html", "understanding/", "causes/", "relief/", "tools/")
# Each edition's words for the same things, written out here (not read from the build's code)
SECTIONS = {"en": {}, "es": {"understanding/": "entender/", "causes/": "causas/", "relief/": "alivio/",
                             "get-help/": "pedir-ayuda/", "tools/": "herramientas/"}}
KEY_POINTS = {"en": "key-points", "es": "puntos-clave"}


def section(edition: str, prefix: str) -> str:
    return SECTIONS[edition].get(prefix, prefix)
# Claims the site must never make (cures, proof, clinical review that did not happen),
# unless the sentence denies them ("There is no cure", "not reviewed by a doctor").
CLAIM = re.compile(r"\b(cures?|cured|miracle|clinically proven|guaranteed|medically reviewed|reviewed by (a )?(doctor|clinician))\b", re.I)
DENIAL = re.compile(r"\b(no|not|cannot|never|nor|without|wary|promise|promises)\b|n't\b", re.I)


def false_claims(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return [s for s in sentences if CLAIM.search(s) and not DENIAL.search(s)]


def article(html: str):
    return parse(html).select_one("article")


def measure_pages(pages, edition="en"):
    return {name: readability.measure(readability.article_of_built_page(html), edition)
            for name, html in pages.items() if name not in NOT_PROSE}


def test_readability_of_every_page(pages, edition):
    """English: Flesch-Kincaid and SMOG; Spanish: INFLESZ on every page and its median. No long sentence."""
    results = measure_pages(pages, edition)
    print(f"\n{'page':48} {'words':>6} {'FK':>5} {'SMOG':>5} {'INFLESZ':>7}")
    for name, r in results.items():
        print(f"{name:48} {r.words:6} {r.fk_grade:5} {r.smog:5} {r.inflesz or '':>7}")
    failures = [f"{name}: {p}" for name, r in results.items() for p in r.problems]
    if edition == "es":
        median = statistics.median(r.inflesz for r in results.values())
        print(f"median INFLESZ {median}")
        if median < readability.MIN_MEDIAN_INFLESZ:
            failures.append(f"median INFLESZ {median} is under {readability.MIN_MEDIAN_INFLESZ}")
    assert not failures, "\n".join(failures)


def test_inflesz_check_fails_on_hard_spanish():
    hard = ("<article><p>" + "La administración farmacológica interdisciplinaria necesita consideraciones "
            "metodológicas extraordinariamente complejas. " * 4 + "</p></article>")
    r = readability.measure(BeautifulSoup(hard, "lxml").article, "es")
    assert r.inflesz < readability.MIN_INFLESZ and r.problems
    easy = readability.measure(BeautifulSoup("<article><p>El calambre pasa pronto. Estira la pierna.</p></article>",
                                             "lxml").article, "es")
    assert easy.inflesz > readability.MIN_MEDIAN_INFLESZ and easy.problems == []


def test_readability_check_fails_on_hard_prose():
    hard = "<article><p>" + "Pharmacological intervention considerations necessitate comprehensive multidisciplinary evaluation. " * 4 + "</p><p>" + " ".join(["word"] * 30) + ".</p></article>"
    r = readability.measure(BeautifulSoup(hard, "lxml").article)
    assert r.fk_grade > readability.MAX_FK_GRADE and r.smog > readability.MAX_SMOG
    assert len(r.long_sentences) == 1


def test_readability_ignores_tables_and_sources():
    html = "<article><p>Short and plain.</p><table><tr><td>" + "Incomprehensibility " * 40 + "</td></tr></table><ol class='sources'><li>" + "Extraordinarily " * 40 + "</li></ol></article>"
    assert readability.measure(BeautifulSoup(html, "lxml").article).problems == []


def uncited(pages, edition="en"):
    must = tuple(section(edition, p) for p in MUST_CITE)
    return [n for n in pages if n.startswith(must) and not article(pages[n]).select("sup.cite")]


def test_content_pages_cite_sources(pages, edition):
    assert not uncited(pages, edition), f"pages with no citation: {uncited(pages, edition)}"


def test_every_citation_number_has_its_source(pages):
    problems = []
    for name, html in pages.items():
        page = article(html)
        ids = {li["id"] for li in page.select("ol.sources li[id]")}
        problems += [f"{name}: {a['href']}" for a in page.select("sup.cite a") if a["href"][1:] not in ids]
    assert not problems, problems


def test_every_bibliography_entry_is_cited():
    """Each reference is cited by a page of some edition, a food table or a care card (in either language)."""
    data = ROOT / "docs" / "data"
    entries = set(yaml.safe_load((data / "references.yml").read_text(encoding="utf-8")))
    cited = set()
    for folder, *_ in language.TREES.values():
        for text in (p.read_text(encoding="utf-8") for p in (ROOT / folder).rglob("*.md")):
            cited |= set(re.findall(r"@([\w-]+)", " ".join(re.findall(r"\[@[^\]]+\]", text))))
    foods = yaml.safe_load((data / "foods.yml").read_text(encoding="utf-8"))
    cited |= {foods["source"]["key"]} | {r["key"] for r in foods["reference_values"]}
    signs = yaml.safe_load((data / "warning-signs.yml").read_text(encoding="utf-8"))["signs"]
    cited |= {key for sign in signs.values() for lang in language.TREES  # cited in every card that shows the sign
              for key in language.localised(sign, lang)["sources"]}
    assert not entries - cited, f"in docs/data/references.yml but cited by no page: {sorted(entries - cited)}"


def without_review_dates(pages):
    return [n for n, html in pages.items() if len(article(html).select(".review-dates time")) != 2]


def test_every_page_shows_its_review_dates(pages):
    assert not without_review_dates(pages), f"no 'Page last reviewed' and 'Next review due': {without_review_dates(pages)}"


def test_overdue_reviews_and_stale_translations_are_listed(site, edition):
    """make test warns; `make review-check` is the release gate."""
    for line in due(review_dates(site.docs_dir), dt.date.today()):
        warnings.warn(f"review overdue: {line}")
    if edition != "en":
        for line in translations.behind(site.docs_dir):
            warnings.warn(f"translation behind: {line}")
    assert due({"x.md": dt.date(2020, 1, 1)}, dt.date(2026, 1, 1)) == ["x.md: next review due 2020-01-01"]
    assert due({"x.md": dt.date(2026, 2, 1)}, dt.date(2026, 1, 1), days=30) == []


def key_point_problems(pages, edition="en"):
    problems = []
    for name, html in pages.items():
        if name in NOT_PROSE:
            continue
        heading = article(html).find(id=KEY_POINTS[edition])
        items = heading.find_next("ul").find_all("li", recursive=False) if heading else []
        if not 3 <= len(items) <= 5:
            problems.append(f"{name}: {len(items)} key points")
    return problems


def test_pages_start_with_key_points(pages, edition):
    assert not key_point_problems(pages, edition), key_point_problems(pages, edition)


def overview_labels(pages, relief="relief") -> dict[str, str]:
    listed = {}
    for row in article(pages[f"{relief}/index.html"]).select("table tr"):
        link, label = row.select_one("a[href]"), row.select_one(".evidence")
        if link and label:
            listed[link["href"].strip("./").split("/")[0]] = label.get_text()
    return listed


def label_mismatches(pages, relief="relief"):
    """A measure whose label differs from the overview table's, or a labelled measure missing from the table."""
    problems = []
    listed = overview_labels(pages, relief)
    for slug, label in listed.items():
        labels = [l.get_text() for l in article(pages[f"{relief}/{slug}/index.html"]).select(".evidence")]
        if labels != [label]:
            problems.append(f"{relief}/{slug}: page says {labels}, overview says {label}")
    for name, html in pages.items():
        measure = re.fullmatch(relief + r"/([\w-]+)/index\.html", name)
        if measure and measure.group(1) not in listed and article(html).select(".evidence"):
            slug = measure.group(1)
            problems.append(f"{relief}/{slug}: has an evidence label but no row in the overview table ({relief}/index.md)")
    return problems


def test_measure_pages_have_one_evidence_label_matching_the_overview(pages, edition):
    relief = section(edition, "relief/").rstrip("/")
    assert len(overview_labels(pages, relief)) >= 14, overview_labels(pages, relief)
    assert not label_mismatches(pages, relief), label_mismatches(pages, relief)


def test_label_check_catches_a_mismatch():
    pages = {
        "relief/index.html": "<article><table><tr><td><a href='../x/'>X</a></td><td><span class='evidence'>Good evidence</span></td></tr></table></article>",
        "relief/x/index.html": "<article><span class='evidence'>Evidence against</span></article>",
    }
    assert label_mismatches(pages) == ["relief/x: page says ['Evidence against'], overview says Good evidence"]


def test_label_check_catches_a_measure_missing_from_the_overview():
    pages = {
        "relief/index.html": "<article><table><tr><td>No rows</td></tr></table></article>",
        "relief/y/index.html": "<article><span class='evidence'>Some evidence</span></article>",
    }
    assert label_mismatches(pages) == [
        "relief/y: has an evidence label but no row in the overview table (relief/index.md)"]


def without_get_help_link(pages, edition="en"):
    get_help = section(edition, "get-help/")
    return [n for n in pages if n.startswith(tuple(section(edition, p) for p in ACTIONABLE)) and n != f"{get_help}index.html"
            and not article(pages[n]).select(f'a[href*="{get_help}"]')]


def test_pages_a_reader_acts_on_link_to_get_help(pages, edition):
    missing = without_get_help_link(pages, edition)
    assert not missing, f"no link to 'When to get help': {missing}"


def test_page_checkers_catch_a_broken_page():
    """A page with no citation, no review dates, two key points and no get-help link."""
    broken = {"relief/broken/index.html": (
        "<article><h1>Broken</h1><h2 id='key-points'>Key points</h2><ul><li>One.</li><li>Two.</li></ul>"
        "<p>Magnesium helps cramps.</p></article>")}
    assert uncited(broken) == without_review_dates(broken) == without_get_help_link(broken) == ["relief/broken/index.html"]
    assert key_point_problems(broken) == ["relief/broken/index.html: 2 key points"]


def test_no_cure_or_false_review_claims(pages):
    found = [f"{n}: {s!r}" for n, html in pages.items() for s in false_claims(article(html).get_text(" "))]
    assert not found, found


@pytest.mark.parametrize("text", ["Magnesium cures cramps.", "This page was medically reviewed by our team.", "Clinically proven relief.",
                                  "Therapy can cure the pain."])
def test_honesty_check_catches_false_claims(text):
    assert false_claims(text) == [text]


def test_honesty_check_allows_plain_truth():
    assert false_claims("There is no cure for fibromyalgia. These pages have not been reviewed by a doctor. "
                        "Therapy cannot cure the pain.") == []


def test_glossary_terms_show_as_tooltips(pages, page_of):
    assert article(pages[page_of("understanding/fibromyalgia-pain/index.html")]).select("abbr[title]")
    terms = article(pages[page_of("glossary/index.html")]).select("dl dt")
    assert len(terms) >= 30, f"glossary lists {len(terms)} terms"


FOOD_FIELDS = {"Potassium (mg)": "potassium_mg", "Calcium (mg)": "calcium_mg", "Magnesium (mg)": "magnesium_mg",
               "Vitamin D (µg)": "vitamin_d_ug", "Vitamin D (IU)": "vitamin_d_iu", "Water (g)": "water_g",
               "Potasio (mg)": "potassium_mg", "Calcio (mg)": "calcium_mg", "Magnesio (mg)": "magnesium_mg",
               "Vitamina D (µg)": "vitamin_d_ug", "Vitamina D (UI)": "vitamin_d_iu", "Agua (g)": "water_g"}
# a table's first figure column names the foods.yml group it lists
FOOD_GROUPS = {"Potassium (mg)": "potassium", "Calcium (mg)": "calcium", "Magnesium (mg)": "magnesium",
               "Vitamin D (µg)": "vitamin_d", "Water (g)": "water", "Potasio (mg)": "potassium",
               "Calcio (mg)": "calcium", "Magnesio (mg)": "magnesium", "Vitamina D (µg)": "vitamin_d", "Agua (g)": "water"}
FOOD_HEAD = {"en": ["Food", "Serving"], "es": ["Alimento", "Ración"]}


def amount(cell: str) -> float | None:
    """What a reader reads in a cell: '1,234' (English) or '12 345' (Spanish) is a whole number, '0.5' is 0.5,
    '–' is no figure."""
    return None if cell == "–" else float(re.sub(r"[,\s\u202f]", "", cell))


def food_table_problems(html: str, foods: dict[str, dict], edition: str = "en") -> tuple[int, list[str]]:
    """(figures checked, problems): every figure equals the data file's, most first, and each table
    lists every food of its nutrient that the data file has."""
    checked, problems = 0, []
    for table in map(copy.copy, parse(html).select("article table")):  # copies: the notes are taken out
        head = [" ".join(th.get_text().split()) for th in table.select("thead th")]
        if head[:2] != FOOD_HEAD[edition]:
            continue
        shown = []
        for row in table.select("tbody tr"):
            for safety_note in row.select(".food-note"):  # a warning beside the food, not its name
                safety_note.decompose()
            cells = [" ".join(td.get_text().split()) for td in row.select("td")]
            food = foods.get(cells[0])
            if food is None:
                problems.append(f"{cells[0]!r} is not in foods.yml")
                continue
            shown.append(cells[0])
            for title, cell in zip(head[2:], cells[2:]):
                checked += 1
                if amount(cell) != food[FOOD_FIELDS[title]]:
                    problems.append(f"{cells[0]} {title} shows {cell}, foods.yml has {food[FOOD_FIELDS[title]]}")
        first = FOOD_FIELDS[head[2]]
        figures = [foods[name][first] or 0 for name in shown]
        if figures != sorted(figures, reverse=True):
            problems.append(f"the {head[2]} table is not in order, most first: {shown}")
        group = FOOD_GROUPS[head[2]]
        problems += [f"the {head[2]} table leaves out {name}" for name, food in foods.items()
                     if group in food["groups"] and name not in shown]
    return checked, problems


def test_food_tables_match_the_data_file(site, pages, edition):
    foods = yaml.safe_load((site.docs_dir / "data" / "foods.yml").read_text(encoding="utf-8"))["foods"]
    foods = {(f.get(edition) or f)["name"]: f for f in foods}  # by the name a reader of this edition sees
    checked, problems = 0, []
    for name, html in pages.items():
        count, found = food_table_problems(html, foods, edition)
        checked += count
        problems += [f"{name}: {p}" for p in found]
    assert checked > 50 and not problems, problems


def test_food_table_check_catches_a_wrong_figure_order_and_a_missing_food():
    foods = {"Beans": {"magnesium_mg": 120, "groups": ["magnesium"]}, "Nuts": {"magnesium_mg": 80, "groups": ["magnesium"]},
             "Oats": {"magnesium_mg": 60, "groups": ["magnesium"]}}
    table = ("<article><table><thead><tr><th>Food</th><th>Serving</th><th>Magnesium (mg)</th></tr></thead><tbody>"
             "<tr><td>Nuts</td><td>30 g</td><td>80</td></tr><tr><td>Beans</td><td>1 cup</td><td>1,200</td></tr>"
             "</tbody></table></article>")
    _, problems = food_table_problems(table, foods)
    assert any("Beans Magnesium (mg) shows 1,200" in p for p in problems), problems
    assert any("not in order" in p for p in problems) and any("leaves out Oats" in p for p in problems), problems