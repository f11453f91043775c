"""Raw WordprocessingML work, kept apart from the rest as python-docx keeps its oxml layer apart.

Everything here takes and returns lxml elements (python-docx's ``CT_*`` objects are lxml elements).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FONT = "Times New Roman"
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
TWIPS_PER_MM = 1440 / 25.4


def w(tag: str) -> str:
    """Clark name of a ``w:`` tag or attribute."""
    return f"{{{W_NS}}}{tag}"


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value * TWIPS_PER_MM)


def twips_to_mm(twips: float) -> float:
    """Twips to millimetres."""
    return twips / TWIPS_PER_MM


def child(parent: etree._Element, tag: str, before: tuple[str, ...] = ()) -> etree._Element:
    """The first ``w:tag`` child of ``parent``, created (before any of ``before``) when absent."""
    found = parent.find(w(tag))
    if found is not None:
        return found
    new = etree.Element(w(tag))
    for name in before:
        anchor = parent.find(w(name))
        if anchor is not None:
            anchor.addprevious(new)
            return new
    parent.append(new)
    return new


def set_attrs(el: etree._Element, **attrs: str | int) -> etree._Element:
    """Set ``w:`` attributes on ``el``."""
    for key, value in attrs.items():
        el.set(w(key), str(value))
    return el


def set_fonts(rpr: etree._Element, font: str = FONT) -> None:
    """Name ``font`` in all four slots of a run's properties and drop theme fonts that would override it."""
    fonts = child(rpr, "rFonts")
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot in FONT_SLOTS:
        fonts.set(w(slot), font)
    # rFonts must come first in rPr (after rStyle) for Word's schema order.
    rstyle = rpr.find(w("rStyle"))
    rpr.remove(fonts)
    if rstyle is not None:
        rstyle.addnext(fonts)
    else:
        rpr.insert(0, fonts)


def paragraph_border(ppr: etree._Element, side: str, size_eighths: int = 6, space: int = 1) -> None:
    """A solid border on one side of a paragraph (used for the short rules under header lines)."""
    borders = child(ppr, "pBdr", before=("shd", "tabs", "suppressAutoHyphens", "spacing", "ind", "jc", "rPr"))
    el = child(borders, side)
    set_attrs(el, val="single", sz=size_eighths, space=space, color="000000")


def table_no_borders(tblpr: etree._Element) -> None:
    """Remove every border of a table (the header and signature blocks are borderless)."""
    borders = child(tblpr, "tblBorders", before=("shd", "tblLayout", "tblCellMar", "tblLook"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_attrs(child(borders, side), val="nil")


def table_all_borders(tblpr: etree._Element) -> None:
    """A single black line around and between all cells."""
    borders = child(tblpr, "tblBorders", before=("shd", "tblLayout", "tblCellMar", "tblLook"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_attrs(child(borders, side), val="single", sz=4, space=0, color="000000")


def table_fixed_layout(tblpr: etree._Element, width_twips: int) -> None:
    """Fixed layout and total width, so Word and LibreOffice keep the column widths."""
    set_attrs(child(tblpr, "tblW", before=("jc", "tblInd", "tblBorders", "tblLayout", "tblLook")),
              w=width_twips, type="dxa")
    set_attrs(child(tblpr, "tblLayout", before=("tblCellMar", "tblLook")), type="fixed")


def table_cell_margins(tblpr: etree._Element, left: int, right: int) -> None:
    """Left and right cell margins in twips."""
    mar = child(tblpr, "tblCellMar", before=("tblLook",))
    set_attrs(child(mar, "left"), w=left, type="dxa")
    set_attrs(child(mar, "right"), w=right, type="dxa")


def row_repeat_header(trpr: etree._Element) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    child(trpr, "tblHeader")


def row_cant_split(trpr: etree._Element) -> None:
    """Keep a row on one page."""
    child(trpr, "cantSplit")


def page_number_start(sectpr: etree._Element, start: int = 1) -> None:
    """Restart page numbering at ``start`` in this section."""
    set_attrs(child(sectpr, "pgNumType", before=("cols", "formProt", "vAlign", "noEndnote",
                                                  "titlePg", "textDirection", "bidi", "docGrid")),
              start=start)


def page_field_runs(paragraph: etree._Element, rpr: etree._Element | None = None) -> None:
    """Append a PAGE field (begin, instruction, separator, placeholder, end) to a paragraph."""
    def run(*children: etree._Element) -> None:
        r = etree.SubElement(paragraph, w("r"))
        if rpr is not None:
            r.append(_copy(rpr))
        for c in children:
            r.append(c)

    run(set_attrs(etree.Element(w("fldChar")), fldCharType="begin"))
    instr = etree.Element(w("instrText"))
    instr.set(f"{{{XML_NS}}}space", "preserve")
    instr.text = " PAGE "
    run(instr)
    run(set_attrs(etree.Element(w("fldChar")), fldCharType="separate"))
    t = etree.Element(w("t"))
    t.text = "2"
    run(t)
    run(set_attrs(etree.Element(w("fldChar")), fldCharType="end"))


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el))


def zoom_with_percent(settings: etree._Element) -> None:
    """Give ``w:zoom`` its required ``w:percent`` (python-docx's default settings omit it; Word flags it)."""
    for zoom in settings.iter(w("zoom")):
        if zoom.get(w("percent")) is None:
            zoom.set(w("percent"), "100")


def preserve_space(root: etree._Element) -> None:
    """Mark every ``w:t`` as space-preserving, so blanks in drafts and around tags survive."""
    for t in root.iter(w("t")):
        t.set(f"{{{XML_NS}}}space", "preserve")


def check_well_formed(xml: str) -> None:
    """Raise ``etree.XMLSyntaxError`` if ``xml`` is not well-formed: never save a document Word cannot open."""
    etree.fromstring(xml.encode("utf-8"))


REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class PackageParts:
    """The parts of a .docx that layout checks read, parsed with plain lxml (no python-docx objects)."""

    document: etree._Element
    styles: bytes | None  # raw: every document of a batch has the same, so callers can reuse what they built
    theme: bytes | None
    headers_footers: dict[str, etree._Element]  # by relationship id, as sectPr refers to them
    numbering: bytes | None = None  # raw, like styles: the lists' levels (their indents)


def open_docx(path: Path) -> zipfile.ZipFile:
    """The one opener of a .docx package for reading (a zip); close it with ``with``.

    Raises ``OSError`` or ``zipfile.BadZipFile`` for a file that cannot be read as a zip.
    """
    return zipfile.ZipFile(path)


def read_parts(path: Path) -> PackageParts:
    """Read the main document, its styles, theme, headers and footers; raises ``ValueError`` on a bad package.

    The package is read by ``opc.read``: sizes checked before inflating, required parts, content types, no
    macros; what is wrong is the ``ValueError``'s message, in Vietnamese.
    """
    from qdocgen.oxml import opc

    package = opc.read(path)
    if not package.ok:
        raise ValueError("; ".join(package.errors))
    return parts_of(package.parts)


def parts_of(names: Mapping[str, bytes], parsed: Mapping[str, etree._Element] | None = None) -> PackageParts:
    """The parts layout checks read, from a package's parts already in memory (name → bytes).

    A batch checks the parts it has just rendered, with its template's own styles, theme and headers: the
    same bytes the written file holds, without reading the file back. ``parsed``: parts the caller has
    already parsed (the same XML, read only), used instead of parsing them again.
    """
    from qdocgen.oxml import opc

    def raw(name: str) -> bytes | None:
        return names.get(name)

    def part(name: str) -> etree._Element | None:
        if parsed is not None and name in parsed:
            return parsed[name]
        data = raw(name)
        return etree.fromstring(data, opc.SAFE_PARSER) if data is not None else None

    document = part("word/document.xml")
    if document is None:
        raise KeyError("word/document.xml")
    styles = theme = numbering = None
    extra: dict[str, etree._Element] = {}
    rels = part("word/_rels/document.xml.rels")
    for rel in rels.iter(f"{{{REL_NS}}}Relationship") if rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"word/{target}")
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if kind == "styles":
            styles = raw(name)
        elif kind == "theme":
            theme = raw(name)
        elif kind == "numbering":
            numbering = raw(name)
        elif kind in ("header", "footer"):
            found = part(name)
            if found is not None:
                extra[rel.get("Id", "")] = found
    return PackageParts(document, styles, theme, extra, numbering)
