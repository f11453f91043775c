"""A document as the rules see it: its layout model, and where its parts are (header block, type name).

Works on any .docx, not only qdocgen's: a draft typed in Word has no header table, its header lines may be
two columns split by tabs, and its formatting may come from styles; the layout model has resolved all that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen.environment import is_block_tag_paragraph
from qdocgen.lint.common import FOOTNOTE_MARK, fold, norm
from qdocgen.lint.rules import DOC_TYPES
from qdocgen.lint.scope import APPENDIX_HEADING, ATTACHED, Kind, classify
from qdocgen.oxml.layout import Layout, Line, Para, Section, read_layout

DATE_LINE = re.compile(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*(?P<ngay>ngày)\s*(?P<d>[\d.…]*)\s*(?P<thang>tháng)\s*"
                       r"(?P<m>[\d.…]*)\s*(?P<nam>năm)\s*(?P<y>[\d.…]*)\s*$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s_\-–—=*.…·~]{3,}$")


@dataclass
class Opening:
    """The lines an appendix opens with (NĐ30 Phụ lục I, III.1), each as the paragraphs it takes.

    Attributes:
        heading: «Phụ lục I» (empty for a document issued with another, which has its type name instead).
        title: the appendix's name in capitals, under the heading.
        reference: «(Kèm theo Quyết định số ... ngày ... của ...)», however many paragraphs it is set in.
    """

    heading: list[Para]
    title: list[Para]
    reference: list[Para]

    @property
    def end(self) -> int:
        """The index of the paragraph after the opening's last one."""
        return max(p.index for p in self.heading + self.title + self.reference) + 1


@dataclass
class Doc:
    """A document opened for linting: its layout model, and what :func:`find_structure` found in it.

    ``kind``: what the document is (:mod:`qdocgen.lint.scope`); ``administrative``: an NĐ30 document with
    a header of its own (not an appendix), of which lint may ask for a missing part; ``opening``: an
    appendix's heading, title and reference line (or an attached document's reference line).
    """

    layout: Layout
    header_end: int = 0
    type_para: Para | None = None
    administrative: bool = True
    kind: Kind | None = None
    opening: Opening | None = None
    derived: dict[str, tuple[tuple[object, ...], Any]] = field(default_factory=dict, repr=False, compare=False)
    """Views several rules read (by name), each with the structure it was computed from: computed once."""

    @property
    def paras(self) -> list[Para]:
        """The body's paragraphs in reading order."""
        return self.layout.paras

    @property
    def sections(self) -> list[Section]:
        """The sections' pages."""
        return self.layout.sections


LEFT_OUT = is_block_tag_paragraph
"""The paragraphs the rules do not see: a template's own block-tag paragraphs."""


def open_document(path: Path) -> Doc:
    """The document at ``path`` as the rules read it (a template's own block-tag paragraphs left out)."""
    return document_of(read_layout(path, skip=LEFT_OUT))


def document_of(layout: Layout) -> Doc:
    """The rules' view of a layout model (built with ``skip=LEFT_OUT``): its kind and structure found."""
    doc = Doc(layout)
    doc.kind = classify(doc.layout)
    find_structure(doc)
    return doc


def is_date_line(text: str) -> bool:
    """Whether ``text`` is a place-and-date line («Hà Nội, ngày 05 tháng 01 năm 2020»), blank or filled.

    Not an appendix's reference line «(Kèm theo Quyết định ... ngày ...)», nor a form's «Ngày, tháng, năm
    sinh:» label.
    """
    text = norm(text)
    folded = text.casefold()
    if (text.startswith("(") or text.endswith(")") or "kèm theo" in folded or "năm sinh" in folded
            or len(text) > 90):
        return False
    match = DATE_LINE.match(text)
    if match is not None:
        return len(match["place"].split()) <= 8
    # Nothing after the year but blanks and a footnote mark: «... năm 2020 của Chính phủ» cites a date.
    return bool(re.search(r"\bngày\b.*\btháng\b.*\bnăm\b\s*[\d.…]+[\s.…]*(\(\d{1,2}\))?$", folded)) or bool(
        re.search(r"^[^\d]{2,40},\s*\d{1,2}/\d{1,2}/\d{4}", folded))


def line_kind(line: Line) -> str:
    """What a header line is: title, motto, number, date, vv (công văn summary) or org."""
    folded = fold(line.text)
    if _RULE_LINE.match(folded) or re.match(r"^mẫu\s*(số\s*)?[\d.]+\b", folded):
        return "rule"  # a line under a body's name, a sample's «Mẫu 1.1 - ...» label: neither is a header line
    if folded.startswith(("cộng hòa xã hội", "cộng hoà xã hội")):
        return "title"
    if folded.startswith("độc lập"):
        return "motto"
    if re.match(r"^số\s*(:|\d|\s*/|\s*$)", folded) or re.match(r"^số\s+\S*\s*/", folded):
        return "number"
    if is_date_line(line.text):
        return "date"
    if folded.startswith("v/v"):
        return "vv"
    return "org"


def _is_type(para: Para) -> bool:
    """Whether the paragraph is a type name (QUYẾT ĐỊNH, KẾ HOẠCH, ...; a sample's footnote mark «(5)» aside)."""
    return fold(FOOTNOTE_MARK.sub("", para.text)) in DOC_TYPES


def _marker(para: Para) -> bool:
    """Whether the paragraph holds a header line: national title, motto, «Số:» or the date."""
    return any(line_kind(line) in ("title", "motto", "number", "date") for line in para.lines)


def find_structure(doc: Doc) -> None:
    """Find where the header block ends and which paragraph names the document type.

    Also whether the document is an administrative document at all (a type name, the national title or a
    «Số:» line) rather than a form, and an appendix's opening lines.
    """
    content = [p for p in doc.paras if p.text.strip()]
    if doc.kind is not None and doc.kind.code == "phu-luc":
        doc.opening = find_opening(content[:20])
        if doc.opening is not None and doc.opening.heading:
            content = [p for p in content if p.index < doc.opening.heading[0].index]  # its header, if any
    end = 0
    rest = content[:15]
    if content and content[0].table is not None:
        # The header table (ô 1-4), and any header lines set just below it.
        first = content[0].table
        end = max(p.index for p in doc.paras if p.table == first) + 1
        rest = [p for p in content if p.index >= end][:4]
        for para in rest:
            if not _marker(para):
                break
            end = para.index + 1
    else:
        # Written without a table: header lines, possibly two columns split by tabs, up to the type name.
        for para in rest:
            if _is_type(para) or len(para.text.split()) > 25:
                break
            if _marker(para):
                end = para.index + 1
    doc.header_end = end
    after = [p for p in doc.paras[end:] if p.text.strip()][:3]
    if doc.opening is not None and doc.opening.heading:
        doc.header_end = min(end, doc.opening.heading[0].index)
        after = []
    doc.type_para = next((p for p in after if _is_type(p)), None)
    kinds = {line_kind(line) for line in header_lines(doc)}
    if doc.kind is None:
        doc.administrative = doc.type_para is not None or bool(kinds & {"title", "number"})
    else:
        doc.administrative = doc.kind.nd30 and doc.kind.code != "phu-luc"


def later_date_lines(doc: Doc) -> list[Line]:
    """Place-and-date lines after the header block (forms and attached documents put them above the signature)."""
    return [line for para in doc.paras[doc.header_end:] for line in para.lines
            if is_date_line(line.text) and (m := DATE_LINE.match(norm(line.text))) is not None and m["place"]]


def is_draft(doc: Doc) -> bool:
    """Whether the date is left blank for the Văn thư to fill in when the document is signed (a draft)."""
    lines = [line for line in header_lines(doc) if line_kind(line) == "date"] or later_date_lines(doc)
    match = DATE_LINE.match(norm(lines[0].text)) if lines else None
    return match is not None and not (match["d"].isdigit() and match["m"].isdigit())


def header_lines(doc: Doc) -> list[Line]:
    """The lines of the header block."""
    return [line for para in doc.paras[:doc.header_end] for line in para.lines]


def find_opening(paras: list[Para]) -> Opening | None:
    """An appendix's heading, title and reference line among the first paragraphs (``None``: not found).

    The heading is «Phụ lục ...» on a line of its own; the title the paragraphs between it and the reference
    line (or the one paragraph after it, without one); the reference line runs from «(Kèm theo» to «)».
    """
    heading = next((i for i, p in enumerate(paras) if APPENDIX_HEADING.match(fold(p.text))), None)
    start = next((i for i, p in enumerate(paras) if ATTACHED.match(fold(p.text))), None)
    if heading is None and start is None:
        return None
    reference: list[Para] = []
    if start is not None:
        for para in paras[start:start + 4]:
            reference.append(para)
            if norm(para.text).rstrip("0123456789* ").endswith(")"):
                break  # a sample's footnote mark may follow: «... của ...)2»
    if heading is None:
        return Opening([], [], reference)
    end = start if start is not None and start > heading else min(heading + 2, len(paras))
    title = [p for p in paras[heading + 1:end] if not _RULE_LINE.match(fold(p.text))][:3]
    return Opening([paras[heading]], title, reference if start is not None and start > heading else [])
