"""Links in the built site: internal targets, anchors, assets, external hosts, navigation."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, build_fixture
from linkcheck import POST_BUILD, check, trusted_hosts

HOSTS = trusted_hosts()


def test_every_internal_link_anchor_and_asset_resolves(site):
    problems = check(site, HOSTS, POST_BUILD)
    assert not problems, "\n".join(problems)


@pytest.mark.pdf
def test_links_to_the_pdfs_and_offline_zip_resolve(site):
    problems = check(site, HOSTS)
    assert not problems, "\n".join(problems)


def test_external_links_exist_and_are_inventoried(site):
    check(site, HOSTS)
    print(f"\n{len(site.external)} external links, {len({u.split('/')[2] for u in site.external})} hosts")
    assert site.external, "the references page should link to primary sources"


# Each checker must be able to fail: tiny sites broken on purpose, built with the real config.
RAW_HTML_BROKEN = {
    "dead link": ('<a href="../missing-page/">gone</a>', "missing-page", "points to a file that does not exist"),
    "missing anchor": ('<a href="../other/#no-such-section">x</a>', "no-such-section", "no id"),
    "missing image": ('<img src="../assets/missing.png" alt="x">', "missing.png", "does not exist"),
    "http link": ('<a href="http://www.nhs.uk/">NHS</a>', "http://www.nhs.uk/", "not https"),
    "unknown host": ('<a href="https://example.com/page">x</a>', "example.com", "not in trusted-sources.yml"),
}


@pytest.mark.parametrize("case", RAW_HTML_BROKEN)
def test_link_checker_catches_broken_raw_html(case, tmp_path, caplog):
    snippet, target, reason = RAW_HTML_BROKEN[case]
    page = (FIXTURES / "base" / "other.md").read_text(encoding="utf-8") + "\n" + snippet + "\n"
    site, errors = build_fixture(tmp_path, {"other.md": page}, caplog=caplog)
    assert not errors, errors
    problems = check(site, HOSTS)
    assert any("docs/other.md" in p and target in p and reason in p for p in problems), problems


def test_link_checker_passes_the_clean_fixture(tmp_path, caplog):
    site, errors = build_fixture(tmp_path, {}, caplog=caplog)
    assert not errors, errors
    assert check(site, HOSTS) == []


def test_html_only_check_skips_only_what_later_build_steps_make(tmp_path, caplog):
    """The weekly online check builds HTML alone: links to the PDFs and the zip are not yet there."""
    page = (FIXTURES / "base" / "other.md").read_text(encoding="utf-8")
    page += '\n<a href="../pdf/other.pdf">PDF</a> <a href="../download/x.zip">zip</a> <a href="../gone/">gone</a>\n'
    site, errors = build_fixture(tmp_path, {"other.md": page}, caplog=caplog)
    assert not errors, errors
    assert len(check(site, HOSTS)) == 3
    (problem,) = check(site, HOSTS, POST_BUILD)
    assert "gone" in problem
