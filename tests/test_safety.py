"""Clinical safety: every care card comes from docs/data/warning-signs.yml, at the level a clinician
reviewer expects, and every hazard in docs/data/hazards.yml names tests that exist.

The expected levels below are written from the sources and the clinical review (issue 12), not copied
from the data file: if someone moves a sign to another level, these tests fail.
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

import build_pdfs
from conftest import parse

ROOT = Path(__file__).resolve().parent.parent
from sitebuild import care_cards, language  # the same checks the build runs (on the path from conftest.py)

DATA = ROOT / "docs" / "data"
CARD_LEVEL = {"care-emergency": "emergency", "care-urgent": "same-day", "care-non-urgent": "gp"}


def load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


SIGNS = load("warning-signs.yml")["signs"]
HAZARDS = load("hazards.yml")["hazards"]


def clean(text: str) -> str:
    """A card line as a reader sees it, without citation numbers or the bold action."""
    text = re.sub(r"\[\s*[\d,\s]+\]", "", text)
    return re.sub(r"\s*\.$", "", " ".join(text.split()).strip())  # the full stop before a bold action


def cards(pages) -> list[tuple[str, str, str, list[str]]]:
    """(page, level, heading, [sign lines]) for every care card on the site."""
    found = []
    for name, html in pages.items():
        for card in map(copy.copy, parse(html).select("article .admonition")):  # copies: parts are taken out
            kind = next((c for c in card["class"] if c in CARD_LEVEL), None)
            if kind is None:
                continue
            title = card.select_one(".admonition-title")
            for hidden in title.select(".visually-hidden"):
                hidden.extract()
            lines = []
            for li in card.select("li"):
                for bold in li.select("strong"):
                    bold.extract()
                lines.append(clean(li.get_text()))
            found.append((name, CARD_LEVEL[kind], clean(title.get_text()), lines))
    return found


def shown(found, level: str, page: str = "") -> str:
    """All the sign lines shown at one level (on one page, if given), as one lower-case text."""
    return " | ".join(line for name, lvl, _, lines in found for line in lines
                      if lvl == level and name.startswith(page)).lower()


@pytest.fixture(scope="session")
def site_cards(pages):
    """Every care card on the built site, parsed once."""
    return cards(pages)


# --- The data and its checks -------------------------------------------------------------------


def test_warning_sign_data_is_valid():
    references = set(load("references.yml"))
    assert care_cards.sign_problems(load("warning-signs.yml"), references, "signs") == []
    assert care_cards.hazard_problems(load("hazards.yml"), set(SIGNS), "hazards") == []


BROKEN_SIGNS = {
    "less urgent than its source": (
        {"level": "gp", "text": "you x", "sources": ["a"], "source_level": "emergency"}, "less urgent than its source"),
    "stricter with no reason": (
        {"level": "emergency", "text": "you x", "sources": ["a"], "source_level": "gp"}, "stricter_because"),
    "unknown source": ({"level": "gp", "text": "you x", "sources": ["nobody"], "source_level": "gp"}, "'nobody'"),
    "no level from source and no reason": (
        {"level": "gp", "text": "you x", "sources": ["a"], "source_level": "none"}, "editorial"),
    "stop without saying stop": (
        {"level": "same-day", "text": "you x", "sources": ["a"], "source_level": "same-day", "stop": "quinine",
         "action": "Get help today."}, "Stop taking"),
    "sentence case": ({"level": "gp", "text": "You x.", "sources": ["a"], "source_level": "gp"}, "lower case"),
    "unknown level": ({"level": "urgent", "text": "you x", "sources": ["a"], "source_level": "gp"}, "'urgent'"),
    "missing field": ({"level": "gp", "text": "you x", "sources": ["a"]}, "missing source_level"),
    "not a mapping": ("you x", "must be a mapping"),
}


@pytest.mark.parametrize("case", BROKEN_SIGNS)
def test_sign_checker_catches_broken_data(case):
    sign, expected = BROKEN_SIGNS[case]
    problems = care_cards.sign_problems({"signs": {"x": sign}}, {"a"}, "signs.yml")
    assert any(expected in p for p in problems), problems


def test_sign_checker_catches_the_same_words_under_two_ids():
    sign = {"level": "gp", "text": "you x", "sources": ["a"], "source_level": "gp"}
    problems = care_cards.sign_problems({"signs": {"x": sign, "y": dict(sign, level="emergency",
                                                                            stricter_because="r")}}, {"a"}, "s")
    assert any("same words as sign 'x'" in p for p in problems), problems


def test_hazard_checker_catches_broken_log():
    log = {"hazards": {"H1": {"hazard": "h", "cause": "c", "effect": "e", "mitigation": "m",
                              "signs": ["nowhere"], "tests": []}}}
    problems = "\n".join(care_cards.hazard_problems(log, {"orphan"}, "hazards.yml"))
    assert "name at least one test" in problems
    assert "unknown sign 'nowhere'" in problems
    assert "sign 'orphan' is in no hazard" in problems


def test_tests_named_by_the_hazard_log_exist(pages):
    defined = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        defined |= {n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}
    missing = {t for h in HAZARDS.values() for t in h["tests"]} - defined
    assert not missing, f"hazards.yml names tests that do not exist: {sorted(missing)}"
    assert len(HAZARDS) >= 20


# --- The built pages ---------------------------------------------------------------------------


# Each edition's card headings, written out here (not read from the build's code)
HEADINGS = {
    "en": {"emergency": "Call your emergency number now if:", "same-day": "Get medical help today if:", "gp": "See a GP if:"},
    "es": {"emergency": "Llama ahora al número de emergencias si:", "same-day": "Busca ayuda médica hoy si:",
           "gp": "Pide cita con tu médico si:"},
}
PREFIXES = {"en": {"Emergency advice:", "Urgent advice:", "Non-urgent advice:"},
            "es": {"Emergencia:", "Consejo urgente:", "Consejo no urgente:"}}


def sign_texts(edition: str = "en") -> dict[str, str]:
    """A sign's words in the edition (its `es:` text for Spanish) -> the sign's id."""
    return {" ".join((s.get(edition) or s)["text"].split()) if edition != "en" else " ".join(s["text"].split()): i
            for i, s in SIGNS.items()}


def card_problems(found, edition: str = "en") -> list[str]:
    texts = {text: SIGNS[i]["level"] for text, i in sign_texts(edition).items()}
    problems = []
    for page, level, heading, lines in found:
        if heading != HEADINGS[edition][level]:
            problems.append(f"{page}: card heading {heading!r} is not the {level} heading")
        for line in lines:
            if texts.get(line) != level:
                problems.append(f"{page}: {level} card line not from warning-signs.yml: {line!r}")
    return problems


def test_every_care_card_comes_from_the_data(site_cards, edition):
    assert len(site_cards) > 50
    assert not card_problems(site_cards, edition), "\n".join(card_problems(site_cards, edition))


def test_card_check_catches_a_hand_edited_card():
    text = SIGNS["stroke"]["text"]
    edited = [("x.html", "emergency", "Call your emergency number now if:", [text + " or feel a bit odd"]),
              ("y.html", "same-day", "Get medical help today if:", [text]),
              ("z.html", "gp", "See your doctor if:", [])]
    assert len(card_problems(edited)) == 3


def test_care_cards_say_their_urgency_in_text(pages, edition):
    """Urgency in words, and a title screen readers reach by heading: one level below its section."""
    for name, html in pages.items():
        for card in parse(html).select("article .admonition[class*=care-]"):
            title = card.select_one(".admonition-title")
            prefix = title.select_one(".visually-hidden")
            assert prefix and prefix.get_text().strip() in PREFIXES[edition], name
            section = card.find_previous(re.compile(r"^h[1-6]$"))
            assert title.get("role") == "heading", name
            assert int(title["aria-level"]) == min(int(section.name[1]) + 1, 6), f"{name}: {title.get_text()}"


def test_get_help_shows_every_sign(site_cards, edition, page_of):
    on_page = {line for name, _, _, lines in site_cards if name == page_of("get-help/index.html") for line in lines}
    missing = [i for text, i in sign_texts(edition).items() if text not in on_page]
    assert not missing, f"signs missing from the get-help page: {missing}"


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_no_symptom_at_two_levels(site_cards):
    """A symptom a reader might look for is given one level across the whole site."""
    for phrase in ("swallow", "stiff jaw", "one side of your body", "10 minutes", "chest pain",
                   "dark brown", "both legs", "pinpricks", "tingling", "stiff neck", "jaw pain"):
        levels = [lvl for lvl in CARD_LEVEL.values() if phrase in shown(site_cards, lvl)]
        assert len(levels) <= 1, f"{phrase!r} is shown at {levels}"


EXPECTED_LEVELS = {  # sign id -> level, from its source or the clinical review's recorded reason
    "stroke": "emergency", "chest-pain": "emergency", "breathless-or-coughing-blood": "emergency",
    "dark-urine": "emergency", "tetanus-symptoms": "emergency", "meningitis": "emergency",
    "serotonin-syndrome": "emergency", "hyponatraemia": "emergency", "fit-or-tight-throat": "emergency",
    "quinine-severe": "emergency", "dystonia-breathing": "emergency",
    "dvt": "same-day", "tetanus-jabs": "same-day", "statin-muscle": "same-day", "quinine-bleeding": "same-day",
    "low-calcium": "same-day", "giant-cell-arteritis": "same-day", "dystonia": "same-day",
    "slow-weakness": "same-day", "fluid-loss": "same-day",
    "long-leg-cramp": "gp", "polymyalgia": "gp", "calf-pain-walking": "gp", "medicine-review": "gp",
    # Content III pages (each level as its source gives it)
    "pre-eclampsia": "same-day", "leg-circulation-worse": "same-day", "salbutamol-low-potassium": "same-day",
    "sciatica": "gp", "heavy-drinking": "gp", "sleep-apnoea": "gp", "restless-legs-gp": "gp",
    "crisis": "emergency", "suicidal-thoughts": "same-day", "low-mood-2-weeks": "gp",
}


def test_expected_levels():
    wrong = {i: SIGNS[i]["level"] for i, level in EXPECTED_LEVELS.items() if SIGNS[i]["level"] != level}
    assert not wrong, f"signs moved from the level their source gives: {wrong}"


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_stroke_signs_are_an_emergency(site_cards):
    emergency = shown(site_cards, "emergency")
    assert "one side of your body" in emergency and "even if it goes away" in emergency
    assert "one side of your body" in shown(site_cards, "emergency", "understanding/fibromyalgia-pain/")
    assert "one side of your body" not in shown(site_cards, "same-day") + shown(site_cards, "gp")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_chest_pain_and_breathlessness_are_emergencies_on_their_own(site_cards):
    for sign in ("chest-pain", "breathless-or-coughing-blood"):
        assert "whether or not a leg hurts" in SIGNS[sign]["text"]
        assert SIGNS[sign]["level"] == "emergency"
    assert "chest pain" in shown(site_cards, "emergency")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_tetanus_symptoms_are_an_emergency(site_cards):
    emergency, same_day = shown(site_cards, "emergency"), shown(site_cards, "same-day")
    assert "stiff jaw" in emergency and "swallowing" in emergency
    assert "stiff jaw" not in same_day and "tetanus jabs" in same_day


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_medicine_signs_say_stop_where_the_source_does(pages):
    for sign_id in ("statin-muscle", "quinine-bleeding", "quinine-senses", "quinine-severe"):
        assert SIGNS[sign_id]["action"].startswith("Stop taking"), sign_id
    for page in ("get-help/index.html", "relief/medicines/index.html"):
        soup = parse(pages[page])
        quinine = [c for c in soup.select("article .admonition") if "quinine" in c.get_text()]
        assert quinine and all("Stop taking quinine" in c.get_text() for c in quinine), page
    statin_cards = [c for html in pages.values() for c in parse(html).select("article .admonition")
                    if "statin" in c.get_text()]
    assert statin_cards and all("Stop taking the statin" in c.get_text() for c in statin_cards)


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_quinine_page_warns_about_heart_rhythm(pages):
    text = parse(pages["relief/medicines/index.html"]).select_one("article").get_text(" ")
    assert "heart rhythm" in text and "citalopram" in text
    assert "should not be used for night-time leg cramps" in text and "2009" in text


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_ten_minute_rule_is_a_gp_sign_for_leg_cramps(pages, site_cards):
    assert "10 minutes" in shown(site_cards, "gp") and "leg cramps" in SIGNS["long-leg-cramp"]["text"]
    assert "10 minutes" not in shown(site_cards, "same-day") + shown(site_cards, "emergency")
    for name, html in pages.items():  # prose too: no page may call a long cramp urgent
        if name == "about/clinical-safety/index.html":  # the hazard log describes the old mistake
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(parse(html).get_text(" ").split())):
            if "10 minutes" in sentence:
                assert not re.search(r"urgent|same day|today|emergency|999", sentence, re.I) \
                    or "not an emergency" in sentence or "ice" in sentence.lower(), f"{name}: {sentence}"


def test_cauda_equina_signs_need_both_legs():
    legs = SIGNS["cauda-equina-legs"]["text"]
    assert "both legs" in legs and "legs feel weak" not in legs
    texts = " ".join(SIGNS[s]["text"] for s in SIGNS if s.startswith("cauda-equina"))
    assert "wipe" in texts and "during sex" in texts


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_magnesium_emergency_names_who_is_at_risk(site_cards):
    text = SIGNS["magnesium-toxicity"]["text"]
    assert "kidney disease" in text and "a lot of magnesium" in text
    assert "breathing is slow" in text  # the magnesium page and hazard H11 name this sign
    assert "very weak" not in shown(site_cards, "emergency") and "blood pressure" not in shown(site_cards, "emergency")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_low_calcium_tingling_must_be_new(site_cards):
    assert all("new tingling" in line for line in shown(site_cards, "same-day").split(" | ") if "tingling" in line)


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_medicine_emergencies_are_listed(site_cards):
    emergency = shown(site_cards, "emergency", "get-help/")
    assert "tramadol" in emergency and "metoclopramide" in emergency


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_neck_shoulder_and_back_red_flags_are_listed(site_cards):
    assert "stiff neck" in shown(site_cards, "emergency", "get-help/")
    same_day = shown(site_cards, "same-day", "get-help/")
    assert "jaw pain when you chew" in same_day and "high temperature" in same_day
    assert "shoulders" in shown(site_cards, "gp", "get-help/")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_get_help_lists_medicines_that_cause_cramps(pages):
    get_help = parse(pages["get-help/index.html"]).find(id="medicines").parent
    assert get_help.find("a", href=re.compile(r"medicines-that-cause-cramps/"))
    page = parse(pages["get-help/medicines-that-cause-cramps/index.html"])
    table = page.select_one("article table").get_text(" ").lower()
    for medicine in ("statins", "diuretics", "salbutamol", "raloxifene", "teriparatide", "donepezil", "ppis",
                     "benzodiazepines"):
        assert medicine in table, medicine


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_medicine_pages_say_do_not_stop_on_your_own(pages):
    """A reader who finds their medicine in a list must not stop it alone, except where a card says stop."""
    for name in ("get-help/medicines-that-cause-cramps/index.html", "understanding/restless-legs/index.html",
                 "living/pregnancy/index.html", "get-help/index.html"):
        text = " ".join(parse(pages[name]).select_one("article").get_text(" ").split())
        assert re.search(r"(do not|never) stop (a|taking a) prescribed medicine", text, re.I), name


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_pregnancy_page_shows_clot_and_pre_eclampsia_signs(site_cards):
    page = "living/pregnancy/"
    assert "chest pain" in shown(site_cards, "emergency", page)
    same_day = shown(site_cards, "same-day", page)
    assert "swelling" in same_day and "blurred or flashing vision" in same_day and "suddenly swell" in same_day
    assert "pregnant" not in shown(site_cards, "gp") + shown(site_cards, "emergency")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_sleep_and_restless_legs_signs_are_shown_where_readers_look(site_cards):
    sleep, legs = shown(site_cards, "gp", "living/sleep/"), shown(site_cards, "gp", "understanding/restless-legs/")
    assert "gasp, snort or choke" in sleep and "fall asleep without meaning to" in sleep
    assert "Do not drive" in SIGNS["sleepy-driving"]["action"]
    assert "restless legs" in legs and SIGNS["restless-legs-medicine"]["action"].startswith("Do not stop")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_crisis_signs_give_listening_lines_at_the_right_level(site_cards):
    for sign in ("crisis", "suicidal-thoughts"):
        assert "116 123" in SIGNS[sign]["action"] and "988" in SIGNS[sign]["action"], sign
    for page in ("living/flares-fog-and-feelings/", "relief/talking-therapies/", "get-help/"):
        assert "seriously harmed yourself" in shown(site_cards, "emergency", page), page
    assert "ending your life" not in shown(site_cards, "gp")


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_other_conditions_page_places_their_signs(site_cards):
    page = "get-help/something-else/"
    assert "walk" in shown(site_cards, "gp", page) and "suddenly got worse" in shown(site_cards, "same-day", page)
    assert "both legs" in shown(site_cards, "emergency", page)


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_heat_and_cold_advice_gives_times_and_limits(pages):
    text = parse(pages["relief/heat-and-cold/index.html"]).select_one("article").get_text(" ")
    for words in ("20 to 30 minutes", "never longer than 20 minutes", "Raynaud", "methyl salicylate", "burst"):
        assert words in text, words


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_cod_liver_oil_warns_about_vitamin_a(pages):
    for name, html in pages.items():
        text = parse(html).select_one("article").get_text(" ")
        if "cod liver oil" in text.lower() and name not in ("glossary/index.html", "references/index.html"):
            assert "vitamin A" in text and "pregnan" in text, name


HAND_TRIAGE = re.compile(r"urgent appointment|call 999|go to A&E|call 911", re.I)
TRIAGE_PAGES = ("get-help/index.html", "about/clinical-safety/index.html", "about/disclaimer/index.html")


def hand_triage(pages) -> list[str]:
    """Prose outside the care cards that sets a level itself: that is the cards' job."""
    found = []
    for name, html in pages.items():
        article = copy.copy(parse(html).select_one("article"))  # a copy: the cards are taken out
        for card in article.select(".admonition"):
            card.decompose()
        if name not in TRIAGE_PAGES:
            found += [f"{name}: {m.group(0)!r}" for m in HAND_TRIAGE.finditer(article.get_text(" "))]
    return found


@pytest.mark.editions("en")  # reads the English words; the Spanish cards carry the same signs (below)
def test_prose_leaves_triage_to_the_cards(pages):
    assert not hand_triage(pages), hand_triage(pages)


def test_triage_check_catches_prose_that_sets_a_level():
    page = {"relief/x/index.html": "<article><p>If it hurts, ask for an urgent appointment.</p>"
                                   "<div class='admonition'><p>Call 999 now.</p></div></article>"}
    assert hand_triage(page) == ["relief/x/index.html: 'urgent appointment'"]


# --- The Spanish edition: the same signs at the same levels, and numbers a reader outside the UK can use ----------

UK_ONLY = re.compile(r"\b(?:999|111)\b|A&E|GP surgery|NHS 111")  # a UK number or service offered as the reader's own


def signs_by_page(found, edition: str) -> dict[str, list[tuple[str, str]]]:
    """Page -> the (sign id, level) of every sign in its cards, sorted; an unknown line is ('?', its words)."""
    ids = sign_texts(edition)
    out: dict[str, list[tuple[str, str]]] = {}
    for page, level, _, lines in found:
        out.setdefault(page, []).extend((ids.get(line, "?"), level if line in ids else line) for line in lines)
    return {page: sorted(signs) for page, signs in out.items()}


def edition_differences(english: dict, translated: dict, page_of) -> list[str]:
    return [f"{page_of(page)}: shows {translated.get(page_of(page), [])}, its English page {page} shows {signs}"
            for page, signs in english.items() if translated.get(page_of(page), []) != signs]


@pytest.mark.editions("es")
def test_each_translated_page_shows_the_same_signs_as_its_english_page(site_cards, edition, page_of):
    """The Spanish cards come from the same data by id: the same signs, at the same level, on the same pages."""
    english_site = ROOT / "site"
    english = cards({name: (english_site / name).read_text(encoding="utf-8")
                     for name in build_pdfs.content_pages(english_site)})
    differences = edition_differences(signs_by_page(english, "en"), signs_by_page(site_cards, edition), page_of)
    assert not differences, "\n".join(differences)


def test_edition_comparison_catches_a_missing_or_moved_sign():
    english = {"get-help/index.html": [("stroke", "emergency"), ("worried", "same-day")]}
    moved = {"pedir-ayuda/index.html": [("stroke", "same-day"), ("worried", "same-day")]}
    missing = {"pedir-ayuda/index.html": [("worried", "same-day")]}
    page_of = {"get-help/index.html": "pedir-ayuda/index.html"}.get
    assert len(edition_differences(english, moved, page_of)) == 1
    assert len(edition_differences(english, missing, page_of)) == 1
    assert edition_differences(english, english | {"pedir-ayuda/index.html": english["get-help/index.html"]}, page_of) == []


def uk_only_services(pages) -> list[str]:
    return [f"{name}: {match.group(0)!r}" for name, html in pages.items()
            for match in UK_ONLY.finditer(parse(html).select_one("article").get_text(" "))]


@pytest.mark.editions("es")
def test_spanish_cards_name_the_numbers_readers_use(pages, edition):
    """Emergency cards give 112 (Spain, EU) and 911 (Mexico, US, Canada); no page offers 999, 111 or A&E;
    medicine cards say stop in Spanish."""
    emergency = [card.get_text(" ") for html in pages.values()
                 for card in parse(html).select("article .admonition.care-emergency")]
    assert emergency and all("112" in text and "911" in text and "España" in text and "México" in text
                             for text in emergency)
    assert not uk_only_services(pages), uk_only_services(pages)
    stop = [c.get_text(" ") for html in pages.values() for c in parse(html).select("article .admonition")
            if "quinina" in c.get_text() or "estatina" in c.get_text()]
    assert stop and all("Deja de tomar" in text for text in stop)
    crisis = [c.get_text(" ") for html in pages.values() for c in parse(html).select("article .admonition")
              if "quitarte la vida" in c.get_text()]
    assert crisis and all("024" in text for text in crisis)


def test_uk_service_check_catches_a_uk_number():
    pages = {"x.html": "<article><p>Llama al 999 o ve a A&amp;E.</p></article>",
             "y.html": "<article><p>Llama al 112.</p></article>"}
    assert uk_only_services(pages) == ["x.html: '999'", "x.html: 'A&E'"]
