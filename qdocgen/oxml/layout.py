"""The layout model of a document: what Word shows, built once from the XML, read by the layout rules.

Paragraphs in reading order (body, then table cells where they sit), each split into the lines a reader
sees (a line break or a tab starts a new line, so a header laid out with tabs reads as two columns), with
the effective formatting of every character (resolved through styles, defaults and the theme); the
sections with their paper, margins and page-number paragraphs; the paragraphs of every header and footer.
Nothing above this module needs lxml to read a document.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from qdocgen.oxml.opc import SAFE_PARSER
from qdocgen.oxml.package import PackageParts, read_parts, twips_to_mm, w
from qdocgen.oxml.paraformat import ParaFormat
from qdocgen.oxml.styles import RunProps, StyleSheet

__all__ = ["HeaderFooterKey", "Layout", "LayoutError", "Line", "Para", "ParaFormat", "RunProps", "Section",
           "layout_of", "read_layout"]

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
LETTER_TWIPS = (12240, 15840)  # Word's paper when a section sets none: US Letter
INCH_TWIPS = 1440  # Word's margin when a section sets none

Skip = Callable[[str], bool]
"""Given a paragraph's text: whether it is left out of the model (a template's own block-tag paragraphs)."""

HeaderFooterKey = tuple[str, str]
"""``("header" | "footer", "default" | "first" | "even")``."""


class LayoutError(ValueError):
    """The file cannot be read as a Word document (not a zip, no main part, XML not well-formed)."""


@dataclass
class Line:
    """One line of a paragraph as shown: split at line breaks and tabs, stripped; props per character."""

    text: str
    props: list[RunProps]
    para: Para
    col: int

    def visible(self, start: int = 0, end: int | None = None) -> list[RunProps]:
        """Props of the non-blank characters in ``text[start:end]``."""
        return [p for c, p in zip(self.text[start:end], self.props[start:end], strict=False) if not c.isspace()]


@dataclass
class Para:
    """A paragraph in reading order, with where it sits.

    ``container`` and ``row`` are opaque keys: paragraphs of one table cell (or of one body section) share
    ``container``; cells of one table row share ``row`` (``None`` outside tables). ``cell`` is the grid column
    where the paragraph's cell starts (0 for the leftmost; ``None`` outside tables); ``fmt`` its spacing, line
    spacing and indents.
    """

    index: int
    text: str
    props: list[RunProps]
    align: str
    section: int
    table: int | None
    container: object
    row: object | None = None
    lines: list[Line] = field(default_factory=list)
    cell: int | None = None
    fmt: ParaFormat = field(default_factory=ParaFormat)


@dataclass
class Section:
    """One section's page: paper and margins in millimetres, and the paragraphs holding a PAGE field."""

    width_mm: float
    height_mm: float
    landscape: bool
    margins_mm: dict[str, float]
    title_page: bool
    page_numbers: dict[HeaderFooterKey, list[Para]]  # after Word's inheritance from earlier sections


@dataclass
class Layout:
    """A document as shown: body paragraphs, sections, and the paragraphs of its headers and footers."""

    paras: list[Para]
    sections: list[Section]
    header_footer_paras: list[Para]


def _nfc(text: str) -> str:
    """NFC form: the composed characters Word shows."""
    return unicodedata.normalize("NFC", text)


def _skipped(r: etree._Element, p: etree._Element) -> bool:
    """Runs that are not shown as part of ``p``: deleted text, text boxes' own paragraphs, fallbacks."""
    anc = r.getparent()
    while anc is not None and anc is not p:
        if anc.tag in (w("del"), w("moveFrom"), w("txbxContent"), MC_FALLBACK, w("p")):
            return True
        anc = anc.getparent()
    return False


_CHILD_TEXT = {w("tab"): "\t", w("ptab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


def _run_text(r: etree._Element, caps: bool) -> list[str]:
    """The pieces of text a run shows, in order (all capitals when its formatting says so)."""
    pieces = []
    for c in r:
        s = _nfc(c.text or "") if c.tag == w("t") else _CHILD_TEXT.get(c.tag)
        if s is None:
            continue
        if caps:
            s = "".join(up if len(up := ch.upper()) == 1 else ch for ch in s)
        pieces.append(s)
    return pieces


def _para_text(p: etree._Element, sheet: StyleSheet, table_style: str | None) -> tuple[str, list[RunProps]]:
    """The text a paragraph shows and the formatting of each of its characters."""
    chars: list[str] = []
    props: list[RunProps] = []
    for r in p.iter(w("r")):
        if _skipped(r, p):
            continue
        rp = sheet.run_props(r, p, table_style)
        if rp.hidden:
            continue
        for s in _run_text(r, rp.caps):
            chars.append(s)
            props.extend([rp] * len(s))
    return "".join(chars), props


# A header typed without a table or tabs puts its right column after a run of spaces. The blanks of a number and a
# date to fill in («Số:        /QĐ-UBND», «ngày      tháng 3 năm») are runs of spaces too, but not column breaks.
_COLUMN = re.compile(r"\n| *\t *| {8,}+(?!/|tháng\b|năm\b)")

_LineSpec = tuple[str, list[RunProps], int]
"""A line of a paragraph before it is tied to its paragraph: text, per-character formatting, column."""


def _line_specs(text: str, props: list[RunProps]) -> tuple[_LineSpec, ...]:
    """The paragraph's lines: split at line breaks (new line), tabs and long runs of spaces (next column).

    Blank lines are dropped; a line pushed right by a long run of spaces at its start is in the next column.
    """
    if "\n" not in text and "\t" not in text and " " * 8 not in text:  # most paragraphs: one line, or none
        body = text.strip()
        lead = len(text) - len(text.lstrip())
        return ((body, props[lead:lead + len(body)], 0),) if body else ()
    out: list[_LineSpec] = []
    start, col = 0, 0
    for match in [*_COLUMN.finditer(text), None]:
        end = len(text) if match is None else match.start()
        seg = text[start:end]
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if body:
            out.append((body, props[start + lead:start + lead + len(body)], col))
        if match is not None:
            start = match.end()
            col = 0 if match[0] == "\n" else col + 1
    return tuple(out)


_Shown = tuple[str, list[RunProps], str, ParaFormat, tuple[_LineSpec, ...]]
_SHOWN_MAX = 4096  # paragraphs remembered per style sheet (a template has a few hundred)


def _shown(p: etree._Element, sheet: StyleSheet, table_style: str | None) -> _Shown:
    """A paragraph's text, per-character formatting and alignment; each distinct paragraph resolved once.

    The documents of a batch share their template's text: most of their paragraphs are the same XML, which
    resolves to the same model. Keyed by the paragraph's XML and its table style, per style sheet.
    """
    cache: dict[tuple[bytes, str | None], _Shown] = sheet.__dict__.setdefault("_shown_cache", {})
    key = (etree.tostring(p), table_style)
    found = cache.get(key)
    if found is None:
        text, props = _para_text(p, sheet, table_style)
        found = (text, props, sheet.alignment(p, table_style), sheet.para_format(p, table_style),
                 _line_specs(text, props))
        if len(cache) >= _SHOWN_MAX:
            cache.clear()
        cache[key] = found
    return found


def _make_para(index: int, p: etree._Element, sheet: StyleSheet, table_style: str | None, section: int,
               table: int | None, container: object, row: object | None) -> Para:
    """One paragraph of the model, its lines split."""
    text, props, align, fmt, lines = _shown(p, sheet, table_style)
    para = Para(index, text, props, align, section, table, container, row, fmt=fmt)
    para.lines = [Line(body, line_props, para, col) for body, line_props, col in lines]
    return para


@dataclass
class _Walk:
    """State of one walk through a body or part: paragraphs so far, the section and table counters."""

    sheet: StyleSheet
    skip: Skip | None = None
    out: list[Para] = field(default_factory=list)
    section: int = 0
    tables: int = 0
    cell: int | None = None

    def paragraph(self, child: etree._Element, parent: etree._Element, table: int | None,
                  table_style: str | None) -> None:
        """Add one paragraph, unless ``skip`` leaves it out."""
        in_table = table is not None
        para = _make_para(len(self.out), child, self.sheet, table_style, self.section, table,
                          parent if in_table else ("body", self.section), parent.getparent() if in_table else None)
        if self.skip is not None and self.skip(para.text):
            return
        para.cell = self.cell if in_table else None
        self.out.append(para)
        if child.find(f"{w('pPr')}/{w('sectPr')}") is not None:
            self.section += 1

    def table(self, child: etree._Element, table: int | None, table_style: str | None) -> None:
        """Walk a table's cells; a nested table keeps the number of the outermost one."""
        index = table
        if index is None:
            index = self.tables
            self.tables += 1
        style_el = child.find(f"{w('tblPr')}/{w('tblStyle')}")
        style = style_el.get(w("val")) if style_el is not None else table_style
        outer = self.cell
        for tr in child.iterchildren(w("tr")):
            column = 0
            for tc in tr.iterchildren(w("tc")):
                self.cell = column
                self.walk(tc, index, style)
                column += _grid_span(tc)
        self.cell = outer

    def walk(self, parent: etree._Element, table: int | None = None, table_style: str | None = None) -> None:
        """Every paragraph under ``parent``, in reading order."""
        for child in parent.iterchildren():
            if child.tag == w("p"):
                self.paragraph(child, parent, table, table_style)
            elif child.tag == w("tbl"):
                self.table(child, table, table_style)
            elif child.tag in (w("sdt"), w("sdtContent"), w("customXml"), w("ins")):
                self.walk(child, table, table_style)


def _grid_span(tc: etree._Element) -> int:
    """How many grid columns a cell spans (``w:gridSpan``, 1 when absent or unreadable)."""
    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    try:
        return max(1, int(span.get(w("val"), "1"))) if span is not None else 1
    except ValueError:
        return 1


def _paras_of(root: etree._Element, sheet: StyleSheet, skip: Skip | None) -> list[Para]:
    """The paragraphs under ``root`` (a body, a header, a footer)."""
    walk = _Walk(sheet, skip)
    walk.walk(root)
    return walk.out


def _twips(el: etree._Element | None, attr: str) -> int | None:
    """A ``w:`` measure attribute in twips, or ``None`` when absent or unreadable."""
    if el is None or el.get(w(attr)) is None:
        return None
    try:
        return int(float(el.get(w(attr), "")))
    except ValueError:
        return None


def _page_field_paras(part: etree._Element | None, sheet: StyleSheet) -> list[Para]:
    """The paragraphs of a header/footer part that hold a PAGE field."""
    if part is None:
        return []
    found: list[Para] = []
    for p in part.iter(w("p")):
        instr = " ".join(t.text or "" for t in p.iter(w("instrText")))
        instr += " ".join(f.get(w("instr"), "") for f in p.iter(w("fldSimple")))
        if _PAGE_FIELD.search(instr.upper()):
            found.append(_make_para(-1, p, sheet, None, 0, None, part, None))
    return found


def _hf_part(sections: list[etree._Element], index: int, parts: dict[str, etree._Element],
             key: HeaderFooterKey) -> etree._Element | None:
    """The header or footer a section shows, following Word's inheritance from earlier sections."""
    kind, which = key
    for sect in reversed(sections[:index + 1]):
        for ref in sect.iterchildren(w(f"{kind}Reference")):
            if ref.get(w("type"), "default") == which:
                return parts.get(ref.get(R_ID, ""))
    return None


_HF_KEYS: tuple[HeaderFooterKey, ...] = (("header", "default"), ("header", "first"), ("footer", "default"),
                                         ("footer", "first"))


def _section(sections: list[etree._Element], index: int, parts: dict[str, etree._Element],
             sheet: StyleSheet) -> Section:
    """The model of one ``w:sectPr``."""
    sect = sections[index]
    size = sect.find(w("pgSz"))
    width, height = _twips(size, "w"), _twips(size, "h")
    if width is None or height is None:
        width, height = LETTER_TWIPS
    margins = sect.find(w("pgMar"))
    margins_mm = {}
    for side in ("top", "bottom", "left", "right"):
        value = _twips(margins, side)
        margins_mm[side] = twips_to_mm(abs(INCH_TWIPS if value is None else value))
    title_pg = sect.find(w("titlePg"))
    title_page = title_pg is not None and title_pg.get(w("val"), "true").lower() not in ("0", "false", "off")
    numbers = {key: _page_field_paras(_hf_part(sections, index, parts, key), sheet) for key in _HF_KEYS}
    return Section(twips_to_mm(width), twips_to_mm(height), width > height, margins_mm, title_page, numbers)


@functools.lru_cache(maxsize=8)
def _style_sheet(styles: bytes | None, theme: bytes | None, numbering: bytes | None = None) -> StyleSheet:
    """Styles resolved once per distinct styles part: a batch's documents all share their template's."""
    return StyleSheet(etree.fromstring(styles) if styles else None, etree.fromstring(theme) if theme else None,
                      etree.fromstring(numbering, SAFE_PARSER) if numbering else None)


def read_layout(path: Path, skip: Skip | None = None) -> Layout:
    """The layout model of the .docx at ``path``; a LayoutError says why it cannot be read.

    ``skip``: paragraphs whose text it accepts are left out of the body and the headers and footers.
    """
    try:
        package = read_parts(path)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise LayoutError(str(exc)) from exc
    return layout_of(package, skip)


def layout_of(package: PackageParts, skip: Skip | None = None) -> Layout:
    """The layout model of a package's parts (read from a file, or just rendered); LayoutError if unreadable."""
    try:
        sheet = _style_sheet(package.styles, package.theme, package.numbering)
        body = package.document.find(w("body"))
        if body is None:
            raise KeyError("w:body")
        sections = list(body.iter(w("sectPr")))
        parts = package.headers_footers
        hf_paras = [para for part in parts.values() for para in _paras_of(part, sheet, skip)]
        return Layout(_paras_of(body, sheet, skip), [_section(sections, i, parts, sheet) for i in range(len(sections))],
                      hf_paras)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise LayoutError(str(exc)) from exc
