"""PDF/UA-1: every PDF the site offers passes the machine-checkable Matterhorn rules.

scripts/pdf_ua.py repairs what Chromium leaves out; scripts/check_pdf_ua.py checks. The fixture
tests/fixtures/pdf-ua/chromium-spasm-diary.pdf is a page PDF exactly as Chromium 156 prints it
(before the repair); each rule is then broken on purpose in a repaired copy of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

import build_pdfs  # (scripts/ is on the path from conftest.py)
import check_pdf_ua
import pdf_ua

CHROMIUM_PDF = Path(__file__).resolve().parent / "fixtures" / "pdf-ua" / "chromium-spasm-diary.pdf"


def rules(path: Path) -> set[str]:
    return {problem.rule for problem in check_pdf_ua.check(path)}


# --- the site's PDFs ---------------------------------------------------------------------

@pytest.mark.pdf
def test_every_pdf_the_site_offers_passes_the_pdf_ua_checks(site):
    pdfs = sorted((site.root / "pdf").rglob("*.pdf"))
    expected = {site.root / "pdf" / build_pdfs.pdf_name(p) for p in build_pdfs.content_pages(site.root)}
    expected.add(site.root / "pdf" / build_pdfs.GUIDE)
    assert expected <= set(pdfs), sorted(expected - set(pdfs))
    problems = [str(p) for pdf in pdfs for p in check_pdf_ua.check(pdf)]
    assert not problems, "\n".join(problems[:50]) + f"\n({len(problems)} problems)"


# --- the repair ----------------------------------------------------------------------------

@pytest.fixture
def good(tmp_path) -> Path:
    """The Chromium fixture after the repair: it passes, so each test below breaks one thing."""
    path = tmp_path / "good.pdf"
    shutil.copy(CHROMIUM_PDF, path)
    pdf_ua.repair(path)
    return path


def test_chromium_pdf_fails_as_the_issue_says_and_the_repair_fixes_it(good):
    # what Chromium 156 leaves out (measured over the site's PDFs: see the README)
    assert {"06-001", "09-005", "28-012", "01-005", "09-004"} <= rules(CHROMIUM_PDF)
    assert check_pdf_ua.check(good) == []


def test_repair_keeps_the_text_links_bookmarks_and_fonts(good):
    with pikepdf.open(CHROMIUM_PDF) as before, pikepdf.open(good) as after:
        assert len(after.pages) == len(before.pages)
        assert str(after.docinfo.Title) == str(before.docinfo.Title)
        annots = [a for p in after.pages for a in p.obj.get("/Annots", [])]
        assert len(annots) == sum(len(p.obj.get("/Annots", [])) for p in before.pages)
        assert all(str(a.Contents).strip() for a in annots)
        fonts = {str(f.BaseFont) for p in after.pages for f in p.Resources.Font.values()}
        assert any("AtkinsonHyperlegible" in f for f in fonts)
        meta = after.open_metadata()
        assert meta["pdfuaid:part"] == "1" and meta["dc:title"] == str(before.docinfo.Title)


def test_repair_twice_changes_nothing_more(good, tmp_path):
    again = tmp_path / "again.pdf"
    shutil.copy(good, again)
    pdf_ua.repair(again)
    assert check_pdf_ua.check(again) == []
    with pikepdf.open(good) as once, pikepdf.open(again) as twice:
        assert len(elements(twice, "LBody")) == len(elements(once, "LBody"))
        assert once.pages[0].Contents.read_bytes() == twice.pages[0].Contents.read_bytes()


def as_figure_then_repaired(path: Path, choose) -> None:
    """Save the Chromium fixture with the element `choose(pdf)` retagged as a Figure with no alt
    text (the checker catches it: 13-004), then repair it; the repaired file passes the checker."""
    with pikepdf.open(CHROMIUM_PDF) as pdf:
        choose(pdf).S = Name.Figure
        pdf.save(path)
    assert "13-004" in rules(path)
    pdf_ua.repair(path)
    assert check_pdf_ua.check(path) == []


def test_repair_makes_a_figure_without_alt_text_an_artifact(tmp_path):
    """alt="" means decoration: the figure leaves the structure tree and its content is an artifact."""
    as_figure_then_repaired(tmp_path / "figure.pdf", lambda pdf: elements(pdf, "H2")[0])
    with pikepdf.open(tmp_path / "figure.pdf") as pdf:
        assert not elements(pdf, "Figure")


def test_repair_keeps_a_figure_that_holds_a_drawing_and_its_caption(tmp_path):
    """An HTML <figure> (no alt of its own) around a drawing with alt text and a caption is a group:
    it becomes a Div, and what it holds stays in the structure tree (the stretching pictures)."""
    with pikepdf.open(CHROMIUM_PDF) as pdf:
        paragraphs = len(elements(pdf, "P"))

    def group(pdf):
        return next(e for kind in ("Div", "Sect", "Part", "Art") for e in elements(pdf, kind)
                    if any(pdf_ua.is_elem(k) and k.S == Name.P for k in pdf_ua.kids_of(e)))

    as_figure_then_repaired(tmp_path / "group.pdf", group)
    with pikepdf.open(tmp_path / "group.pdf") as pdf:
        assert not elements(pdf, "Figure") and len(elements(pdf, "P")) == paragraphs


def test_link_description_is_the_link_words_or_its_target():
    cite = Dictionary(Dest=Name("/relief-heat-and-cold--source-12"))
    web = Dictionary(A=Dictionary(S=Name.URI, URI=pikepdf.String("https://www.nhs.uk/conditions/leg-cramps/")))
    inner = Dictionary(Dest=Name("/get-help--when-to-get-help"))
    assert pdf_ua.describe("[11,", cite) == "Source 12"
    assert pdf_ua.describe("https://www.nhs.uk/con- ditions/leg-cramps/", web) == "https://www.nhs.uk/conditions/leg-cramps/"
    assert pdf_ua.describe("NHS advice on leg cramps", web) == "NHS advice on leg cramps"
    assert pdf_ua.describe("", inner) == "Link to when to get help"


# --- each rule, broken on purpose ------------------------------------------------------------

def elements(pdf, kind: str) -> list:
    found, stack = [], [pdf.Root.StructTreeRoot.K]
    while stack:
        node = stack.pop()
        if isinstance(node, Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, Dictionary) and "/S" in node:
            if node.S == Name("/" + kind):
                found.append(node)
            stack.append(node.get("/K"))
    return found


def add_element(pdf, parent, kind: str, **entries):
    elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + kind), P=parent, K=Array(), **entries))
    kids = parent.K if isinstance(parent.K, Array) else Array([parent.K])
    kids.append(elem)
    parent.K = kids
    return elem


def append_content(pdf, data: bytes) -> None:
    page = pdf.pages[0]
    page.contents_coalesce()
    page.Contents.write(page.Contents.read_bytes() + b"\n" + data)


def first_link(pdf):
    return pdf.pages[0].obj.Annots[0]


def drop_meta(pdf, key: str) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        del meta[key]


BREAKS = {
    "01-x01": lambda pdf: setattr(pdf.Root, "MarkInfo", Dictionary(Marked=False)),
    "01-007": lambda pdf: setattr(pdf.Root, "MarkInfo", Dictionary(Marked=True, Suspects=True)),
    "11-006": lambda pdf: delattr(pdf.Root, "Lang"),
    "07-001": lambda pdf: delattr(pdf.Root.ViewerPreferences, "DisplayDocTitle"),
    "07-002": lambda pdf: setattr(pdf.Root.ViewerPreferences, "DisplayDocTitle", False),
    "06-001": lambda pdf: delattr(pdf.Root, "Metadata"),
    "06-002": lambda pdf: drop_meta(pdf, "pdfuaid:part"),
    "06-003": lambda pdf: drop_meta(pdf, "dc:title"),
    "01-x02": lambda pdf: delattr(pdf.Root, "StructTreeRoot"),
    "02-001": lambda pdf: setattr(elements(pdf, "P")[0], "S", Name("/Bogus")),
    "02-003": lambda pdf: (setattr(elements(pdf, "P")[0], "S", Name("/Bogus")),
                           setattr(pdf.Root.StructTreeRoot, "RoleMap", Dictionary(Bogus=Name.Odd, Odd=Name.Bogus))),
    "02-004": lambda pdf: setattr(pdf.Root.StructTreeRoot, "RoleMap", Dictionary(P=Name.Span)),
    "09-005": lambda pdf: add_element(pdf, elements(pdf, "LI")[0], "P"),
    "09-004": lambda pdf: setattr(elements(pdf, "TR")[0], "S", Name.Div),
    "13-004": lambda pdf: add_element(pdf, elements(pdf, "P")[0], "Figure"),
    "17-002": lambda pdf: add_element(pdf, elements(pdf, "P")[0], "Formula"),
    "14-002": lambda pdf: [setattr(h, "S", Name.H2) for h in elements(pdf, "H1")],
    "14-003": lambda pdf: setattr(elements(pdf, "H2")[0], "S", Name.H3),
    # Chromium's cells name their headers (/Headers): a TH needs /Scope only in a table without them
    "15-003": lambda pdf: [delattr(cell, "A") for cell in elements(pdf, "TH") + elements(pdf, "TD")],
    "15-x01": lambda pdf: [setattr(th, "S", Name.TD) for th in elements(pdf, "TH")],
    "28-008": lambda pdf: delattr(pdf.pages[0].obj, "Tabs"),
    "28-009": lambda pdf: setattr(pdf.pages[0].obj, "Tabs", Name.R),
    "28-x06": lambda pdf: setattr(elements(pdf, "Link")[0], "K", Array()),
    "28-011": lambda pdf: setattr(elements(pdf, "Link")[0], "S", Name.Span),
    "28-012": lambda pdf: delattr(first_link(pdf), "Contents"),
    "28-002": lambda pdf: setattr(first_link(pdf), "Subtype", Name.Text),
    "28-004": lambda pdf: (setattr(first_link(pdf), "Subtype", Name.Text), delattr(first_link(pdf), "Contents")),
    "01-005": lambda pdf: append_content(pdf, b"0 0 10 10 re f"),
    "01-003": lambda pdf: append_content(pdf, b"/P <</MCID 999>> BDC /Artifact BMC 0 0 1 1 re f EMC EMC"),
    "01-004": lambda pdf: append_content(pdf, b"/Artifact BMC /P <</MCID 999>> BDC 0 0 1 1 re f EMC EMC"),
    "31-009": lambda pdf: delattr(next(iter(pdf.pages[0].Resources.Font.values())).DescendantFonts[0].FontDescriptor, "FontFile2"),
    "31-027": lambda pdf: delattr(next(iter(pdf.pages[0].Resources.Font.values())), "ToUnicode"),
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_checker_catches_each_rule_broken_on_purpose(good, tmp_path, rule):
    broken = tmp_path / f"broken-{rule}.pdf"
    with pikepdf.open(good) as pdf:
        BREAKS[rule](pdf)
        pdf.save(broken)
    problems = [p for p in check_pdf_ua.check(broken) if p.rule == rule]
    assert problems, f"{rule} not caught: {[str(p) for p in check_pdf_ua.check(broken)]}"
    assert all(p.file == str(broken) and p.where for p in problems)  # names the file and the object


def test_checker_reports_a_file_it_cannot_open(tmp_path):
    (tmp_path / "not.pdf").write_text("not a PDF")
    assert rules(tmp_path / "not.pdf") == {"00-x00"}


def test_cli_lists_every_problem_of_every_file_and_exits_1(good, tmp_path, capsys):
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copy(good, folder / "good.pdf")
    shutil.copy(CHROMIUM_PDF, folder / "chromium.pdf")
    shutil.copy(good, folder / "no-tabs.pdf")
    with pikepdf.open(folder / "no-tabs.pdf", allow_overwriting_input=True) as pdf:
        BREAKS["28-008"](pdf)
        pdf.save(folder / "no-tabs.pdf")
    assert check_pdf_ua.main([str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{folder / 'no-tabs.pdf'}: 28-008 page 1:" in out
    assert f"{folder / 'chromium.pdf'}: 06-001 catalog:" in out and f"{folder / 'chromium.pdf'}: 28-012 " in out
    assert "good.pdf:" not in out
    assert "3 PDFs, 2 with problems" in out
    assert check_pdf_ua.main([str(folder / "good.pdf")]) == 0
