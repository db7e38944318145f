"""Make the PDFs Chromium prints pass the machine-checkable PDF/UA-1 rules (scripts/check_pdf_ua.py).

    python scripts/pdf_ua.py site      # every PDF under site/ (site/pdf/...), rewritten in place

Runs after scripts/build_pdfs.py. Chromium's tagged PDFs are close; this adds what they lack:
- XMP metadata with the PDF/UA identifier (pdfuaid:part 1), dc:title and dc:language (06-00x);
- /Contents on every link: its words on the page (poppler's pdftotext), or its target (28-012);
- a /RoleMap for the HTML-only structure types Chromium writes, e.g. /Strong (02-001);
- list items whose body is not in an /LBody get one, and content a /Table holds directly (its
  border drawing) becomes an artifact (09-004, 09-005);
- everything painted outside the tagged content (the running header and footer, borders, icons)
  is marked as an artifact, so a screen reader skips it (01-005);
- a /Figure with no alternative text is decorative: it becomes an artifact (13-004), unless it
  holds other elements (an HTML <figure> around a drawing and its caption): that is a /Div;
- /DisplayDocTitle, /MarkInfo /Marked and /Tabs /S are set even when Chromium already does (07, 28-008).
Bookmarks, links, fonts and page content are left as they are.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NumberTree

from check_pdf_ua import PAINT, STANDARD  # next to this file: one list of standard types for both

# HTML elements Chromium tags with their own name (not a PDF 1.7 type): the type they stand for.
# Anything else non-standard is mapped to /NonStruct (neutral grouping) and named in the output.
ROLES = {"Strong": "Span", "Em": "Span", "Mark": "Span", "Sub": "Span", "Sup": "Span", "Title": "H"}
# Elements that may not hold content directly (ISO 32000-1, Table 337): what they do hold is drawing.
NO_CONTENT = {"Table", "THead", "TBody", "TFoot", "TR", "L"}
PATH_BUILD = {"m", "l", "c", "v", "y", "h", "re", "W", "W*"}
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def kids_of(node) -> list:
    kids = node.get("/K")
    return list(kids) if isinstance(kids, Array) else [] if kids is None else [kids]


def is_elem(obj) -> bool:
    return isinstance(obj, Dictionary) and "/S" in obj


class Repair:
    def __init__(self, pdf: pikepdf.Pdf, path: Path):
        self.pdf, self.path = pdf, path
        self.tree = pdf.Root.StructTreeRoot
        self.parents = NumberTree(self.tree.ParentTree)
        self.page_of = {page.objgen: page for page in pdf.pages}
        self.artifacts: dict[tuple, set[int]] = {}  # page -> MCIDs to turn into artifacts
        self.links: list = []  # Link structure elements
        self.unmapped: set[str] = set()
        self.types: set[str] = set()
        self.counts = {"LBody": 0, "artifact MCIDs": 0, "figures": 0, "figure groups": 0}

    def run(self) -> dict[str, int]:
        self.catalog()
        self.metadata()
        self.walk(self.tree.K, None)
        self.rolemap()
        self.link_contents()
        for page in self.pdf.pages:
            self.content(page)
        if self.unmapped:
            print(f"pdf_ua: {self.path}: mapped unknown structure types to /NonStruct: {sorted(self.unmapped)}")
        return self.counts

    # --- document level --------------------------------------------------------------------
    def catalog(self) -> None:
        root = self.pdf.Root
        root.MarkInfo = Dictionary(Marked=True)
        root.ViewerPreferences = root.get("/ViewerPreferences", Dictionary())
        root.ViewerPreferences.DisplayDocTitle = True
        for page in self.pdf.pages:
            if page.obj.get("/Annots"):
                page.obj.Tabs = Name.S

    def metadata(self) -> None:
        title = str(self.pdf.docinfo.get("/Title", "")) or self.path.stem
        lang = str(self.pdf.Root.get("/Lang", "")) or "en"
        with self.pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(self.pdf.docinfo)
            meta["dc:title"] = title
            meta["dc:language"] = [lang]
            meta["pdfuaid:part"] = "1"

    def rolemap(self) -> None:
        used = self.types - STANDARD
        if not used:
            return
        rolemap = self.tree.get("/RoleMap", Dictionary())
        for kind in sorted(used):
            if ("/" + kind) not in rolemap:
                if kind not in ROLES:
                    self.unmapped.add(kind)
                rolemap[Name("/" + kind)] = Name("/" + ROLES.get(kind, "NonStruct"))
        self.tree.RoleMap = rolemap

    # --- structure tree --------------------------------------------------------------------
    def walk(self, node, page) -> None:
        if isinstance(node, Array):
            for kid in list(node):
                self.walk(kid, page)
            return
        if not is_elem(node):
            return
        if "/Pg" in node:
            page = node.Pg
        kind = str(node.S)[1:]
        self.types.add(kind)
        kind = ROLES.get(kind, kind)
        if kind == "Link":
            self.links.append(node)
        if kind == "Figure" and not str(node.get("/Alt", "")).strip() and not str(node.get("/ActualText", "")).strip():
            if any(is_elem(kid) for kid in kids_of(node)):
                node.S = Name.Div  # an HTML <figure> around a drawing and its caption: a group, not an image
                self.counts["figure groups"] += 1
            else:
                self.drop(node, page)  # alt="" or none: decoration, not content
                self.counts["figures"] += 1
                return
        if kind in NO_CONTENT:
            self.content_to_artifacts(node, page)
        if kind == "LI":
            self.wrap_list_item(node, page)
        for kid in kids_of(node):
            self.walk(kid, page)

    def content_to_artifacts(self, node, page) -> None:
        """Direct content of an element that may hold only other elements becomes an artifact."""
        keep = []
        for kid in kids_of(node):
            if isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
                mcid = int(kid) if isinstance(kid, int) else int(kid.MCID)
                owner = page if isinstance(kid, int) else kid.get("/Pg", page)
                self.artifacts.setdefault(owner.objgen, set()).add(mcid)
                self.counts["artifact MCIDs"] += 1
            else:
                keep.append(kid)
        if len(keep) != len(kids_of(node)):
            node.K = Array(keep)

    def drop(self, node, page) -> None:
        """Make every MCID under `node` an artifact and take `node` out of its parent."""
        stack = [(node, page)]
        while stack:
            elem, pg = stack.pop()
            pg = elem.get("/Pg", pg) if is_elem(elem) else pg
            for kid in kids_of(elem):
                if is_elem(kid):
                    stack.append((kid, pg))
                elif isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
                    owner = pg if isinstance(kid, int) else kid.get("/Pg", pg)
                    self.artifacts.setdefault(owner.objgen, set()).add(int(kid) if isinstance(kid, int) else int(kid.MCID))
        parent = node.P
        parent.K = Array([k for k in kids_of(parent) if not (is_elem(k) and k.objgen == node.objgen)])

    def wrap_list_item(self, li, page) -> None:
        """An LI holds Lbl and LBody only: the rest (Chromium's text, links...) goes into one LBody."""
        kids, out, body = kids_of(li), [], None
        if all(is_elem(k) and str(k.S) in ("/Lbl", "/LBody") for k in kids):
            return
        for kid in kids:
            if is_elem(kid) and str(kid.S) in ("/Lbl", "/LBody"):
                out.append(kid)
                body = None
                continue
            if body is None:
                body = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.LBody, P=li, K=Array()))
                if page is not None:
                    body.Pg = page
                out.append(body)
                self.counts["LBody"] += 1
            body.K.append(kid)
            self.reparent(kid, body, page)
        li.K = Array(out)

    def reparent(self, kid, body, page) -> None:
        """Point `kid` (and the parent tree, for content and annotations) at its new parent."""
        if is_elem(kid):
            kid.P = body
        elif isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
            owner = self.page_of[(page if isinstance(kid, int) else kid.Pg).objgen]
            mcid = int(kid) if isinstance(kid, int) else int(kid.MCID)
            self.parents[int(owner.obj.StructParents)][mcid] = body
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            self.parents[int(kid.Obj.StructParent)] = body

    # --- links -------------------------------------------------------------------------------
    def link_contents(self) -> None:
        """/Contents of each link annotation: the words its structure element covers on the page."""
        words = page_words(self.path)
        on_page = {annot.objgen: n for n, page in enumerate(self.pdf.pages) for annot in page.obj.get("/Annots", [])}
        for link in self.links:
            annots = [k.Obj for k in kids_of(link) if isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR]
            text = []
            for annot in annots:
                n = on_page.get(annot.objgen)
                if n is not None and n < len(words):
                    text += words_in(words[n], annot.Rect, self.pdf.pages[n].mediabox)
            label = " ".join(text).strip()
            for annot in annots:
                annot.Contents = describe(label, annot)
        for page in self.pdf.pages:  # links outside the structure tree still need a description
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") == Name.Link and "/Contents" not in annot:
                    annot.Contents = describe("", annot)

    # --- content streams -----------------------------------------------------------------------
    def content(self, page) -> None:
        """Mark untagged painting as /Artifact and turn the MCIDs chosen above into artifacts."""
        drop = self.artifacts.get(page.objgen, set())
        out, stack, path = [], [], []
        in_text = open_text_artifact = False
        art = [pikepdf.ContentStreamInstruction([Name.Artifact], pikepdf.Operator("BMC"))]
        emc = [pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))]
        for inst in pikepdf.parse_content_stream(page):
            op = str(inst.operator)
            covered = "tag" in stack or "art" in stack
            if op in ("BDC", "BMC"):
                if open_text_artifact:
                    out += emc
                    open_text_artifact = False
                props = inst.operands[1] if len(inst.operands) > 1 else None
                if isinstance(props, Dictionary) and "/MCID" in props and int(props.MCID) in drop and not covered:
                    out += art
                    stack.append("art")
                    continue
                stack.append("art" if inst.operands[0] == Name.Artifact else
                             "tag" if isinstance(props, Dictionary) and "/MCID" in props else "")
            elif op == "EMC":
                if open_text_artifact:
                    out += emc
                    open_text_artifact = False
                if stack:
                    stack.pop()
            elif op == "BT":
                in_text = True
            elif op == "ET":
                if open_text_artifact:
                    out += emc
                    open_text_artifact = False
                in_text = False
            elif not covered and in_text and op in PAINT:
                if not open_text_artifact:
                    out += art
                    open_text_artifact = True
            elif not covered and not in_text:
                if op in PATH_BUILD:
                    path.append(inst)
                    continue
                if path and op in PAINT:
                    out += art + path + [inst] + emc
                    path = []
                    continue
                if op in PAINT:  # an image, a shading or a form XObject
                    out += art + [inst] + emc
                    continue
            if path:
                out += path
                path = []
            out.append(inst)
        out += path
        if open_text_artifact:
            out += emc
        page.Contents = self.pdf.make_stream(pikepdf.unparse_content_stream(out))
        if drop and "/StructParents" in page.obj:
            marks = self.parents[int(page.obj.StructParents)]
            for mcid in drop:
                if mcid < len(marks):
                    marks[mcid] = pikepdf.Object.parse(b"null")


def page_words(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """For each page, its words as (x centre, y centre from the top, text), from poppler."""
    xml = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [[((float(a) + float(c)) / 2, (float(b) + float(d)) / 2, html.unescape(w)) for a, b, c, d, w in WORD.findall(page)]
            for page in PAGE.findall(xml)]


def words_in(words, rect, mediabox) -> list[str]:
    x1, y1, x2, y2 = (float(v) for v in rect)
    top = float(mediabox[3])
    return [w for x, y, w in words if x1 <= x <= x2 and top - y2 <= y <= top - y1]


def describe(label: str, annot) -> str:
    """A link's description: its words, or its target when the words say less (a citation number,
    an address broken across lines, no words at all)."""
    action = annot.get("/A")
    uri = str(action.get("/URI", "")) if isinstance(action, Dictionary) else ""
    dest = annot.get("/Dest")
    dest = str(dest).lstrip("/").split("--")[-1] if isinstance(dest, (Name, pikepdf.String)) else ""
    source = re.fullmatch(r"source-(\d+)", dest)
    if source:  # citation numbers: "[5," and "6]" on the page
        return f"Source {source.group(1)}"
    if uri and (not label or label.startswith(("http", "www."))):
        return uri
    return label or (f"Link to {dest.replace('-', ' ')}" if dest else "Link")


def repair(path: Path) -> dict[str, int]:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        counts = Repair(pdf, path).run()
        pdf.save(path)  # same layout as Chromium: tests and tools read the catalogue as plain text
    return counts


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "site")
    files = sorted(root.rglob("*.pdf")) if root.is_dir() else [root]
    if not files:
        raise SystemExit(f"pdf_ua: no PDF under {root} (run scripts/build_pdfs.py first)")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # one PDF per core at a time
        list(pool.map(repair, files, chunksize=8))
    print(f"pdf_ua: {len(files)} PDFs made to pass the PDF/UA-1 checks in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
