"""Write the corpus' .docx files with python-docx: page set-up, formatted lines, body paragraphs, tables.

Every formatting choice is explicit on the paragraph or run (nothing left to python-docx's default template,
which is US Letter with Calibri), so a case says exactly what its document looks like.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from qdocgen.oxml import package as oxml

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass(frozen=True)
class Seg:
    """A run of text with its formatting (size in points)."""

    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    font: str | None = None


def seg(text: str, size: float = 14, b: bool = False, i: bool = False, u: bool = False,
        font: str | None = None) -> Seg:
    """A short way to write a :class:`Seg`."""
    return Seg(text, size, b, i, u, font)


Text = str | Seg | Sequence[Seg]


@dataclass(frozen=True)
class Page:
    """Paper, margins (mm), default font and where the page number goes (header, footer or none)."""

    width: float = 210
    height: float = 297
    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15
    font: str = "Times New Roman"
    size: float = 14
    number: str = "header"
    number_on_first: bool = False


@dataclass(frozen=True)
class Body:
    """How body paragraphs are set: first-line indent (cm), spacing (pt), line spacing, alignment."""

    indent: float | None = 1.0
    before: float = 6
    after: float = 0
    line: float | None = 1.0
    exact: float | None = None
    align: str = "justify"
    size: float = 14


def _segs(text: Text, size: float) -> list[Seg]:
    """A text or a list of segments as segments."""
    if isinstance(text, str):
        return [Seg(text, size)]
    if isinstance(text, Seg):
        return [text]
    return list(text)


class Builder:
    """One document being written."""

    def __init__(self, page: Page | None = None, body: Body | None = None) -> None:
        self.page = page or Page()
        self.body_format = body or Body()
        self.doc: Any = Document()
        self._setup()

    def _setup(self) -> None:
        """Paper, margins, the Normal style's font, the page number field."""
        page = self.page
        normal = self.doc.styles["Normal"]
        normal.font.name = page.font
        normal.font.size = Pt(page.size)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), page.font)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(page.width), Mm(page.height)
        section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
        section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
        if page.number == "none":
            return
        section.different_first_page_header_footer = not page.number_on_first
        part = section.header if page.number == "header" else section.footer
        para = part.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        rpr = etree.Element(oxml.w("rPr"))
        oxml.set_attrs(oxml.child(rpr, "sz"), val=28)
        oxml.page_field_runs(para._p, rpr)

    @property
    def main(self) -> Any:
        """The document body, as a container for :meth:`line`."""
        return self.doc

    def line(self, container: Any, text: Text, *, align: str = "center", size: float = 14, before: float = 0,
             after: float = 0, indent: float | None = None, left: float | None = None, line: float | None = 1.0,
             exact: float | None = None, border: bool = False, reuse: bool = False) -> Paragraph:
        """A paragraph of formatted segments; «\\n» in a segment is a line break, «\\t» a tab.

        ``reuse`` writes into the container's first, still empty paragraph (a new table cell has one).
        """
        para = container.paragraphs[0] if reuse else container.add_paragraph()
        para.alignment = ALIGN[align]
        fmt = para.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if exact is not None:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(exact)
        elif line is not None:
            fmt.line_spacing = line
        if indent is not None:
            fmt.first_line_indent = Cm(indent)
        if left is not None:
            fmt.left_indent = Cm(left)
        for part in _segs(text, size):
            self._run(para, part)
        if border:
            _bottom_border(para)
        return para

    @staticmethod
    def _run(para: Paragraph, part: Seg) -> None:
        """The segment as runs, with breaks for «\\n»."""
        pieces = part.text.split("\n")
        for i, piece in enumerate(pieces):
            run = para.add_run(piece)
            font = run.font
            font.size, font.bold, font.italic, font.underline = Pt(part.size), part.bold, part.italic, part.underline
            if part.font:
                font.name = part.font
            if i < len(pieces) - 1:
                run.add_break()

    def body(self, text: Text, container: Any = None, **over: Any) -> Paragraph:
        """A body paragraph set as :attr:`body_format` says (keywords override it)."""
        fmt = self.body_format
        options: dict[str, Any] = {"align": fmt.align, "size": fmt.size, "before": fmt.before, "after": fmt.after,
                                   "indent": fmt.indent, "line": fmt.line, "exact": fmt.exact}
        options.update(over)
        return self.line(self.doc if container is None else container, text, **options)

    def table(self, rows: int, cols: int, widths: Sequence[float]) -> Table:
        """A borderless table; ``widths`` in cm, one per column."""
        table = self.doc.add_table(rows=rows, cols=cols)
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)  # the grid, which LibreOffice and Word lay the table out by
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
        return table

    def page_break(self) -> None:
        """A page break in its own paragraph."""
        self.doc.add_page_break()

    def save(self, path: Path) -> Path:
        """Write the .docx."""
        self.doc.save(str(path))
        return path


def _bottom_border(para: Paragraph) -> None:
    """A single bottom border on the paragraph (how generators draw the rule under a header line)."""
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                              "w:rPr", "w:sectPr", "w:pPrChange")
