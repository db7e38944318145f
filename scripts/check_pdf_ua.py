"""Check PDFs against the PDF/UA-1 rules a program can decide (Matterhorn Protocol 1.1, "M" conditions).

    python scripts/check_pdf_ua.py site            # every PDF under site/
    python scripts/check_pdf_ua.py a.pdf b.pdf     # some files

Prints one line per problem: file, rule, the object at fault and what is wrong, then exits 1;
exits 0 when every file passes. All files and all rules are checked in one run.
Tests import `check(path)`, which returns the problems of one file.

Rule ids are the Matterhorn failure conditions (e.g. 28-012); `x` ids are what the protocol takes
for granted or the issue asked for: a file that opens (00-x00), a tagged PDF with a structure tree
(01-x01, 01-x02), tables with header cells (15-x01), every annotation in the structure tree
(28-x06). The conditions that need a person (reading order, meaningful alt text, colour...) are
listed in the README and not checked.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pikepdf

# ISO 32000-1, 14.8.4: the standard structure types of PDF 1.7 (PDF/UA-1's base).
STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
    H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
    BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
# ISO 32000-1, Tables 336 and 337: which parent each list and table element may have.
PARENTS = {"LI": {"L"}, "LBody": {"LI"}, "TR": {"Table", "THead", "TBody", "TFoot"},
           "TH": {"TR"}, "TD": {"TR"}, "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}}
CHILDREN = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"},
            "Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "THead": {"TR"}, "TBody": {"TR"},
            "TFoot": {"TR"}, "TR": {"TH", "TD"}}
# Operators that put marks on the page (text, paths, images, shadings, form XObjects).
PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE"}


@dataclass(frozen=True)
class Problem:
    file: str
    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.rule} {self.where}: {self.message}"


def name(obj) -> str:
    return str(obj)[1:] if isinstance(obj, pikepdf.Name) else ""


def ref(obj) -> str:
    """'object 12 0' for an indirect object, 'a direct object' otherwise."""
    return f"object {obj.objgen[0]} {obj.objgen[1]}" if obj.is_indirect else "a direct object"


class Checker:
    def __init__(self, path: Path):
        self.path, self.problems = path, []
        self.rolemap: dict[str, str] = {}
        self.headings: list[tuple[int, str]] = []
        self.annots_in_tree: dict[tuple, str] | None = None  # None: no structure tree to look in
        self.seen_fonts: set[tuple] = set()
        self.headers_table = False  # the table being walked uses /Headers (then TH needs no /Scope)

    def fail(self, rule: str, where: str, message: str) -> None:
        self.problems.append(Problem(str(self.path), rule, where, message))

    def run(self) -> list[Problem]:
        try:
            pdf = pikepdf.open(self.path)
        except (pikepdf.PdfError, OSError) as err:
            self.fail("00-x00", "file", f"cannot be opened: {err}")
            return self.problems
        with pdf:
            self.pages = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
            self.catalog(pdf)
            self.metadata(pdf)
            self.structure(pdf)
            for number, page in enumerate(pdf.pages, 1):
                self.annotations(page, number)
                self.content(page, number)
                self.fonts(page, number)
        return self.problems

    # --- catalog: tagged, language, title shown --------------------------------------------
    def catalog(self, pdf) -> None:
        root = pdf.Root
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            self.fail("01-x01", "catalog", "/MarkInfo /Marked is not true (not a tagged PDF)")
        if bool(root.get("/MarkInfo", {}).get("/Suspects", False)):
            self.fail("01-007", "catalog", "/MarkInfo /Suspects is true")
        if not str(root.get("/Lang", "")).strip():
            self.fail("11-006", "catalog", "no /Lang: a screen reader cannot tell the language")
        prefs = root.get("/ViewerPreferences", {})
        if "/DisplayDocTitle" not in prefs:
            self.fail("07-001", "catalog", "/ViewerPreferences has no /DisplayDocTitle")
        elif not bool(prefs.DisplayDocTitle):
            self.fail("07-002", "catalog", "/DisplayDocTitle is false (viewers show the file name)")

    def metadata(self, pdf) -> None:
        stream = pdf.Root.get("/Metadata")
        if not isinstance(stream, pikepdf.Stream):
            self.fail("06-001", "catalog", "no XMP metadata stream")
            return
        meta = pdf.open_metadata()
        if str(meta.get("pdfuaid:part", "")).strip() != "1":
            self.fail("06-002", ref(stream), "XMP has no pdfuaid:part 1 (the PDF/UA identifier)")
        if not str(meta.get("dc:title", "")).strip():
            self.fail("06-003", ref(stream), "XMP has no dc:title")

    # --- structure tree --------------------------------------------------------------------
    def structure(self, pdf) -> None:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None or tree.get("/K") is None:
            self.fail("01-x02", "catalog", "no structure tree (/StructTreeRoot with /K)")
            return
        self.rolemap = {k.lstrip("/"): name(v) for k, v in tree.get("/RoleMap", {}).items()}
        for source, target in self.rolemap.items():
            if source in STANDARD:
                self.fail("02-004", f"/RoleMap /{source}", f"a standard type is remapped to /{target}")
        self.annots_in_tree = {}
        self.walk(tree.K, None, "?")
        previous = 0
        for level, where in self.headings:
            if previous == 0 and level != 1:
                self.fail("14-002", where, f"the first heading is H{level}, not H1")
            elif level > previous + 1:
                self.fail("14-003", where, f"H{level} follows H{previous}: a heading level is skipped")
            previous = level

    def role(self, struct_type: str) -> tuple[str, str]:
        """(the standard type a structure type stands for after the role map, or "" and why not)."""
        seen = [struct_type]
        while struct_type not in STANDARD:
            struct_type = self.rolemap.get(struct_type, "")
            if not struct_type:
                return "", "02-001"
            if struct_type in seen:
                return "", "02-003"
            seen.append(struct_type)
        return struct_type, ""

    def walk(self, node, parent: str | None, page) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                self.walk(kid, parent, page)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return  # an MCID: content, checked with the page
        if name(node.get("/Type")) == "OBJR":
            obj = node.get("/Obj")
            if obj is not None:
                self.annots_in_tree[obj.objgen] = parent or ""
            return
        if "/S" not in node:
            return  # a marked-content reference
        if node.get("/Pg") is not None:
            page = self.pages.get(node.Pg.objgen, page)
        raw = name(node.S)
        where = f"{ref(node)} (/{raw}, page {page})"
        kind, rule = self.role(raw)
        if rule == "02-001":
            self.fail(rule, where, f"/{raw} is not a standard type and /RoleMap does not map it to one")
        elif rule:
            self.fail(rule, where, f"/RoleMap maps /{raw} in a circle")
        kind = kind or raw
        if parent is not None and kind in PARENTS and parent not in PARENTS[kind]:
            rule = "09-005" if kind in ("LI", "LBody") else "09-004"
            self.fail(rule, where, f"/{kind} inside /{parent}; it belongs in {' or '.join('/' + p for p in sorted(PARENTS[kind]))}")
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        if kind in CHILDREN:
            for kid in kids:
                child = (self.role(name(kid.S))[0] or name(kid.S)) if isinstance(kid, pikepdf.Dictionary) and "/S" in kid else None
                if child not in CHILDREN[kind]:
                    rule = "09-005" if kind in ("L", "LI") else "09-004"
                    what = f"/{child}" if child else "content or a reference"
                    self.fail(rule, where, f"holds {what}; /{kind} may hold only "
                                           f"{', '.join('/' + c for c in sorted(CHILDREN[kind]))}")
                    break
        if kind == "Figure" and not str(node.get("/Alt", "")).strip() and not str(node.get("/ActualText", "")).strip():
            self.fail("13-004", where, "a Figure with no /Alt or /ActualText")
        if kind == "Formula" and not str(node.get("/Alt", "")).strip():
            self.fail("17-002", where, "a Formula with no /Alt")
        if re.fullmatch(r"H[1-6]", kind):
            self.headings.append((int(kind[1]), where))
        if kind == "TH" and not self.attribute(node, "/Scope") and not self.headers_table:
            self.fail("15-003", where, "a header cell with no /Scope, in a table whose cells do not use /Headers")
        if kind == "Table":
            self.headers_table = self.uses_headers(node)
            if not self.has_kind(node, "TH", 4):
                self.fail("15-x01", where, "a table with no header cell (TH)")
        for kid in kids:
            self.walk(kid, kind, page)

    @staticmethod
    def attribute(node, key: str) -> bool:
        attrs = node.get("/A")
        attrs = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []
        return any(isinstance(a, pikepdf.Dictionary) and key in a for a in attrs)

    def uses_headers(self, node, depth: int = 4) -> bool:
        """A table whose cells name their header cells (/Headers and /ID) needs no /Scope."""
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        return any(isinstance(k, pikepdf.Dictionary) and "/S" in k
                   and (self.attribute(k, "/Headers") or (depth and self.uses_headers(k, depth - 1))) for k in kids)

    def has_kind(self, node, kind: str, depth: int) -> bool:
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if self.role(name(kid.S))[0] == kind or (depth and self.has_kind(kid, kind, depth - 1)):
                    return True
        return False

    # --- pages -----------------------------------------------------------------------------
    def annotations(self, page, number: int) -> None:
        annots = [a for a in page.obj.get("/Annots", []) if name(a.get("/Subtype")) not in ("Popup", "PrinterMark")]
        if annots and "/Tabs" not in page.obj:
            self.fail("28-008", f"page {number}", "a page with annotations has no /Tabs")
        elif annots and name(page.obj.Tabs) != "S":
            self.fail("28-009", f"page {number}", f"/Tabs is /{name(page.obj.Tabs)}, not /S (structure order)")
        tree = self.annots_in_tree
        for annot in annots:
            kind = name(annot.get("/Subtype"))
            where = f"{ref(annot)} (/{kind} annotation, page {number})"
            parent = tree.get(annot.objgen) if tree is not None else None
            if tree is not None and parent is None:
                self.fail("28-x06", where, "the annotation is not in the structure tree")
            elif kind == "Link" and parent != "Link":
                self.fail("28-011", where, f"a link annotation inside /{parent}, not /Link")
            elif kind not in ("Link", "Widget") and parent != "Annot":
                self.fail("28-002", where, f"an annotation inside /{parent}, not /Annot")
            if kind != "Widget" and not str(annot.get("/Contents", "")).strip():
                self.fail("28-012" if kind == "Link" else "28-004", where,
                          "no /Contents: a screen reader cannot say where it goes")

    def content(self, page, number: int) -> None:
        """01-005: everything painted is tagged (MCID) or an artifact; 01-003/01-004: not both."""
        stack: list[str] = []  # "tag" (real content), "art" (artifact) or "" (other marked content)
        untagged: dict[str, int] = {}
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                props = operands[1] if len(operands) > 1 else None
                if name(operands[0]) == "Artifact":
                    if "tag" in stack:
                        self.fail("01-003", f"page {number}", "an artifact inside tagged content")
                    stack.append("art")
                elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    if "art" in stack:
                        self.fail("01-004", f"page {number}", "tagged content inside an artifact")
                    stack.append("tag")
                else:
                    stack.append("")
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in PAINT and "tag" not in stack and "art" not in stack:
                untagged[op] = untagged.get(op, 0) + 1
        if untagged:
            ops = ", ".join(f"{n} × {op}" for op, n in sorted(untagged.items()))
            self.fail("01-005", f"page {number} content stream", f"content neither tagged nor an artifact ({ops})")

    def fonts(self, page, number: int) -> None:
        for key, font in page.Resources.get("/Font", {}).items():
            if font.is_indirect and font.objgen in self.seen_fonts:
                continue  # each font once per file, not once per page
            self.seen_fonts.add(font.objgen)
            where = f"{ref(font)} (font {key} {name(font.get('/BaseFont'))}, page {number})"
            kind = name(font.get("/Subtype"))
            descriptor = font.get("/FontDescriptor")
            if kind == "Type0":
                descendant = font.DescendantFonts[0]
                descriptor = descendant.get("/FontDescriptor")
            if kind != "Type3" and (descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))):
                self.fail("31-009", where, "the font program is not embedded")
            if "/ToUnicode" not in font and not (kind in ("Type1", "TrueType") and name(font.get("/Encoding")) in ("WinAnsiEncoding", "MacRomanEncoding")):
                self.fail("31-027", where, "no /ToUnicode map: the text cannot be read aloud or copied")


def check(path: Path | str) -> list[Problem]:
    """Every PDF/UA-1 problem this checker finds in one file."""
    return Checker(Path(path)).run()


def pdfs_in(paths: list[str]) -> list[Path]:
    found = []
    for arg in paths:
        path = Path(arg)
        found += sorted(path.rglob("*.pdf")) if path.is_dir() else [path]
    return found


def main(argv: list[str]) -> int:
    files = pdfs_in(argv or ["site"])
    if not files:
        print(f"check_pdf_ua: no PDF in {' '.join(argv or ['site'])}", file=sys.stderr)
        return 1
    problems = [p for f in files for p in check(f)]
    for problem in problems:
        print(problem)
    failed = len({p.file for p in problems})
    print(f"check_pdf_ua: {len(files)} PDFs, {failed} with problems, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
