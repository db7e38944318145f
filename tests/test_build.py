"""The build fails, naming the file, on the mistakes an editor can make in Markdown."""

from __future__ import annotations

import os

import pytest

from conftest import build_fixture, stale_source

GOOD = "---\ntitle: T\ndescription: D.\nreviewed: 2026-11-26\nnext_review: 2027-11-26\n---\n\n# T\n\n"

BROKEN = {
    "dead Markdown link": ({"other.md": GOOD + "[gone](missing.md)"}, None, ["other.md", "missing.md"]),
    "missing Markdown anchor": ({"other.md": GOOD + "[x](index.md#nowhere)"}, None, ["other.md", "nowhere"]),
    "missing image": ({"other.md": GOOD + "![x](img/none.png)"}, None, ["other.md", "img/none.png"]),
    "orphan page": ({"orphan.md": GOOD}, None, ["orphan.md"]),
    "dead nav entry": ({}, ["index.md", "other.md", "gone.md"], ["gone.md"]),
    "missing description": (
        {"other.md": GOOD.replace("description: D.\n", "")}, None, ["other.md:1", "'description' is missing"]),
    "malformed date": (
        {"other.md": GOOD.replace("reviewed: 2026-11-26", "reviewed: 2026-13-01")}, None, ["other.md:4", "reviewed"]),
    "review cycle over a year": (
        {"other.md": GOOD.replace("2027-11-26", "2028-01-01")}, None, ["other.md:5", "within one year"]),
    "description too long": (
        {"other.md": GOOD.replace("D.", "x" * 161)}, None, ["other.md:3", "161 characters"]),
    "unknown citation key": ({"other.md": GOOD + "A claim [@nobody1999].\n"}, None, ["other.md:10", "nobody1999"]),
    "unknown evidence label": ({"other.md": GOOD + "<!-- md:evidence maybe -->\n"}, None, ["other.md:10", "evidence"]),
    "unknown shortcode": ({"other.md": GOOD + "<!-- md:badge x -->\n"}, None, ["other.md:10", "md:badge"]),
    "shortcode without spaces": (
        {"other.md": GOOD + "Text.\n\n<!--md:evidence little-->\n"}, None, ["other.md:12", "one space"]),
    "citation keys separated by commas": (
        {"other.md": GOOD + "A claim [@fixture2020, @fixture2020].\n"}, None, ["other.md:10", "[@fixture2020; @fixture2020]"]),
    "front matter that is not YAML": (
        {"other.md": GOOD.replace("title: T\n", "title: T: x\n")}, None, ["other.md:2", "not valid YAML"]),
    "every mistake of a build in one run": (
        {"other.md": GOOD + "A claim [@nobody1999].\n\n<!-- md:badge x -->\n",
         "third.md": GOOD.replace("description: D.\n", "")},
        ["index.md", "other.md", "third.md"],
        ["other.md:10", "nobody1999", "other.md:12", "md:badge", "third.md:1", "'description' is missing"]),
    "care card written by hand": (
        {"other.md": GOOD + '!!! care-urgent "Get help:"\n    - a sign\n'}, None, ["other.md", "written by hand"]),
    "collapsible care card written by hand": (
        {"other.md": GOOD + '??? care-urgent "Get help:"\n    - a sign\n'}, None, ["other.md", "written by hand"]),
    "care card of two levels": (
        {"other.md": GOOD + "<!-- md:care-card fixture-emergency fixture-gp -->\n"}, None, ["other.md", "mixes"]),
    "unknown warning sign": (
        {"other.md": GOOD + "<!-- md:care-card no-such-sign -->\n"}, None, ["other.md", "no-such-sign"]),
    "care card not on its own line": (
        {"other.md": GOOD + "Text <!-- md:care-card fixture-gp -->\n"}, None, ["other.md", "alone"]),
    "glossary word defined in a page": (
        {"other.md": GOOD + "Text.\n\n*[cramp]: A sudden tight muscle.\n"}, None, ["other.md:12", "docs/data/glossary.yml"]),
    "glossary word under two entries": (
        {"data/glossary.yml": "- term: cramp\n  definition: A.\n- term: spasm\n  also: [Cramp]\n  definition: B.\n"},
        None, ["glossary.yml:3", "'Cramp' is already under 'cramp'"]),
    "glossary entry with no definition": (
        {"data/glossary.yml": "- term: cramp\n"}, None, ["glossary.yml:1", "needs 'term:' and 'definition:'"]),
    "sign less urgent than its source": (
        {"data/warning-signs.yml": "signs:\n  fixture-emergency:\n    level: gp\n    text: you x\n"
         "    sources: [fixture2020]\n    source_level: emergency\n  fixture-gp:\n    level: gp\n"
         "    text: you y\n    sources: [fixture2020]\n    source_level: gp\n"},
        None, ["warning-signs.yml:3", "less urgent than its source"]),
}


@pytest.mark.parametrize("case", BROKEN)
def test_build_fails_and_names_the_file(case, tmp_path, caplog):
    files, nav, expected = BROKEN[case]
    site, errors = build_fixture(tmp_path, files, nav=nav, caplog=caplog)
    assert site is None, f"{case}: the build should have failed"
    message = "\n".join(errors)
    for text in expected:
        assert text in message, f"{case}: expected {text!r} in:\n{message}"


def test_clean_fixture_builds(tmp_path, caplog):
    site, errors = build_fixture(tmp_path, {}, caplog=caplog)
    assert errors == [] and (site.root / "other" / "index.html").is_file()


def test_stale_site_check_names_the_source_changed_after_the_build(tmp_path):
    built = tmp_path / "site" / "sitemap.xml"
    built.parent.mkdir()
    built.write_text("<urlset/>")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page")
    os.utime(built, (1_000_000, 1_000_000))  # built long before the page was written
    assert stale_source(tmp_path, built) == tmp_path / "docs" / "page.md"
    os.utime(built)  # built now, after the page
    assert stale_source(tmp_path, built) is None
