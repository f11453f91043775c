"""Editing the text of a .docx's paragraphs in place: the raw XML side of giving a document its number.

A qdocgen draft prints «Số:      /QĐ-UBND» and «An Lạc, ngày     tháng     năm 2019» (and the same blanks in
an appendix's «Kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm 2019»). A paragraph's text may be
split across runs anywhere, so an edit is given on the paragraph's text as shown (``start``, ``end``, new
text); only the characters it covers change, and the new text takes the formatting of the run where the edit
starts. Line breaks and tabs count as one character each and are never part of an edit. Every other part of
the package keeps its bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from qdocgen.oxml.package import XML_NS, open_docx, w
from qdocgen.oxml.zipwriter import PackageWriter

TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
CORE_PART = "docProps/core.xml"
DC_NS = "http://purl.org/dc/elements/1.1/"
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # uncompressed; a decision with its appendix is well under 1 MB
MAX_PARTS = 2000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)

Edit = tuple[int, int, str]
DateTime = tuple[int, int, int, int, int, int]


class PackageTooLarge(ValueError):
    """The package would take more memory than any real document needs (a zip bomb, or not a document)."""


@dataclass(frozen=True)
class Block:
    r"""One paragraph's text as shown (line breaks as ``\n``, tabs as ``\t``) and the table cell it sits in."""

    text: str
    cell: int | None


@dataclass
class _Piece:
    """One w:t of a paragraph with its text being edited, or a break or tab."""
    node: etree._Element | None  # a w:t; None for a break or tab
    text: str


def _own(el: etree._Element, p: etree._Element) -> bool:
    """Whether ``el`` belongs to ``p`` itself, not to a paragraph nested in it (a text box)."""
    parent = el.getparent()
    while parent is not None and parent.tag != w("p"):
        parent = parent.getparent()
    return parent is p


def _pieces(p: etree._Element) -> list[_Piece]:
    """The paragraph's own text pieces in order (not those of text boxes inside it)."""
    pieces: list[_Piece] = []
    for el in p.iter(w("t"), w("br"), w("cr"), w("tab")):
        if not _own(el, p) or el.getparent() is None or el.getparent().tag == w("tabs"):
            continue
        if el.tag == w("t"):
            pieces.append(_Piece(el, el.text or ""))
        else:
            pieces.append(_Piece(None, "\t" if el.tag == w("tab") else "\n"))
    return pieces


def parse(xml: bytes) -> etree._Element:
    """Parse a part without resolving entities or fetching anything (parts can come from elsewhere)."""
    return etree.fromstring(xml, _PARSER)


def blocks(xml: bytes) -> list[Block]:
    """Every paragraph of a part in document order, table cells numbered in the order they start."""
    root = parse(xml)
    cells: dict[etree._Element, int] = {}
    out: list[Block] = []
    for p in root.iter(w("p")):
        cell = next((a for a in p.iterancestors(w("tc"))), None)
        if cell is not None and cell not in cells:
            cells[cell] = len(cells)
        out.append(Block("".join(piece.text for piece in _pieces(p)), cells.get(cell) if cell is not None else None))
    return out


def _apply(pieces: list[_Piece], edit: Edit) -> None:
    """Replace characters ``start:end`` of the pieces' joined text by ``new``."""
    start, end, new = edit
    bounds: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        bounds.append((pos, pos + len(piece.text)))
        pos += len(piece.text)
    placed = False
    for piece, (lo, hi) in zip(pieces, bounds, strict=True):
        if piece.node is None or hi < start or lo > end:
            continue
        if not placed and lo <= start <= hi and (start < hi or start == end or hi == end):
            piece.text = piece.text[: start - lo] + new + piece.text[min(end, hi) - lo:]
            placed = True
        elif placed and lo < end:
            piece.text = piece.text[min(end, hi) - lo:]


def edit_paragraphs(xml: bytes, find: Callable[[str], list[Edit]]) -> tuple[bytes, int]:
    """Apply the edits ``find`` returns for each paragraph's text; the new part and how many edits were made."""
    root = parse(xml)
    count = 0
    for p in root.iter(w("p")):
        pieces = _pieces(p)
        edits = find("".join(piece.text for piece in pieces))
        for edit in sorted(edits, key=lambda e: e[0], reverse=True):
            _apply(pieces, edit)
        for piece in pieces:
            if piece.node is not None and piece.node.text != piece.text:
                piece.node.text = piece.text
                piece.node.set(f"{{{XML_NS}}}space", "preserve")
        count += len(edits)
    if not count:
        return xml, 0
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), count


def core_title(core_xml: bytes | None) -> str:
    """The document's title property (qdocgen fills it with the summary), or "" if there is none."""
    if not core_xml:
        return ""
    found = parse(core_xml).find(f"{{{DC_NS}}}title")
    return (found.text or "").strip() if found is not None else ""


@dataclass
class Package:
    """A .docx's parts in their order with their timestamps, kept as bytes, ready to be written back."""

    parts: list[tuple[str, DateTime, bytes]]

    def part(self, name: str) -> bytes | None:
        """One part's bytes, or None."""
        return next((raw for n, _, raw in self.parts if n == name), None)

    def text_parts(self) -> list[str]:
        """The names of the parts whose paragraphs are shown: body, headers, footers (body first)."""
        names = [n for n, _, _ in self.parts if TEXT_PARTS.match(n)]
        return sorted(names, key=lambda n: n != "word/document.xml")

    def build(self, replaced: dict[str, bytes]) -> bytes:
        """The package with ``replaced`` parts swapped in; the others keep their bytes."""
        writer = PackageWriter(self.parts, replaced=replaced)
        return writer.build(replaced)


def read_package(path: Path) -> Package:
    """Read every part of a .docx, refusing packages too large to be a document; raises on a damaged one."""
    with open_docx(path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_PACKAGE_BYTES:
            raise PackageTooLarge(str(path))
        parts = [(i.filename, i.date_time, archive.read(i)) for i in infos if not i.is_dir()]
    return Package(parts)
