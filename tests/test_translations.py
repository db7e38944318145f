"""The Spanish edition follows the English one: every English page has its translation, each
translation keeps the English page's figures, sources and care cards, and a translation whose
English page changed is listed (`make review-check`, the release gate, fails on it)."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from sitebuild import checks, language, translations

ENGLISH = """---
title: Heat
description: d
reviewed: 2026-12-02
next_review: 2027-12-02
---

# Heat

Keep it on for 20 minutes at most [@a]. About 1 in 5 people had side effects [@b; @c].

<!-- md:care-card worried -->
<!-- md:evidence little -->
"""


@pytest.mark.parametrize("folder", language.TRANSLATED)
def test_every_english_page_has_one_translation(folder):
    assert translations.untranslated(ROOT / folder) == []
    assert translations.twice(ROOT / folder) == []


@pytest.mark.parametrize("folder", language.TRANSLATED)
def test_translations_keep_every_figure_source_and_card(folder):
    assert translations.unfaithful(ROOT / folder) == []


def test_fidelity_check_catches_a_lost_figure_source_and_card():
    faithful = ENGLISH.replace("Keep it on", "Déjalo puesto").replace("About 1 in 5", "Cerca de 1 de cada 5")
    assert translations.fidelity(ENGLISH, faithful) == []
    changed = faithful.replace("20", "30").replace(" [@a]", "")
    changed = changed.replace("<!-- md:evidence little -->", "<!-- md:evidence some -->")
    problems = "\n".join(translations.fidelity(ENGLISH, changed))
    assert "figure 20" in problems and "figure 30" in problems and "@a" in problems and "md:" in problems


def make_trees(tmp_path, english_text: str, front: str) -> tuple:
    (tmp_path / "docs" / "relief").mkdir(parents=True)
    (tmp_path / "docs" / "relief" / "heat.md").write_text(english_text, encoding="utf-8")
    (tmp_path / "docs-es" / "alivio").mkdir(parents=True)
    page = tmp_path / "docs-es" / "alivio" / "calor.md"
    page.write_text(ENGLISH.replace("title: Heat", "title: Calor\n" + front), encoding="utf-8")
    return tmp_path / "docs", tmp_path / "docs-es", page


def test_a_changed_english_page_lists_its_translation_as_behind(tmp_path):
    english, spanish, page = make_trees(tmp_path, ENGLISH, "translation_of: relief/heat.md")
    translations.mark(page)
    assert translations.behind(spanish) == [] and translations.page_problems(page.read_text(), spanish) == []
    (english / "relief" / "heat.md").write_text(ENGLISH + "\nA new sentence.\n", encoding="utf-8")
    (behind,) = translations.behind(spanish)
    assert behind.startswith("docs-es/alivio/calor.md: behind docs/relief/heat.md")
    translations.mark(page)  # after the translator brings it up to date
    assert translations.behind(spanish) == []


def test_a_translation_must_name_its_english_page_and_version(tmp_path):
    _, spanish, page = make_trees(tmp_path, ENGLISH, "translation_of: relief/gone.md")
    assert "names no English page" in translations.page_problems(page.read_text(), spanish)[0][1]
    page.write_text(page.read_text().replace("translation_of: relief/gone.md\n", ""), encoding="utf-8")
    assert "'translation_of' is missing" in translations.page_problems(page.read_text(), spanish)[0][1]
    page.write_text(page.read_text().replace("title: Calor", "title: Calor\ntranslation_of: relief/heat.md"), encoding="utf-8")
    assert "translated_from" in translations.page_problems(page.read_text(), spanish)[0][1]


def test_checks_report_an_untranslated_card_sign(tmp_path):
    """A Spanish page may only show signs that have Spanish words in the data."""
    docs = tmp_path / "docs-es"
    shutil.copytree(ROOT / "docs" / "data", docs / "data")
    data = docs / "data" / "warning-signs.yml"
    text = data.read_text(encoding="utf-8")
    start = text.index("  worried:")
    es = text.index("    es:", start)
    end = text.index("\n\n", es)
    data.write_text(text[:es] + text[end:], encoding="utf-8")
    assert any("no words in this language" in message
               for _, message in checks.care_cards.page_problems("<!-- md:care-card worried -->\n",
                                                                 checks.care_cards.signs(docs), "es"))
