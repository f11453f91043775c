"""Raw WordprocessingML and OPC work for joining documents: sections, relationship ids, content types."""

from __future__ import annotations

from lxml import etree

from qdocgen.oxml.package import page_number_start, w

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def parse(xml: bytes) -> etree._Element:
    """Parse a part (huge text nodes allowed: a long appendix is one part)."""
    return etree.fromstring(xml, etree.XMLParser(huge_tree=True, remove_blank_text=False))


def serialize(root: etree._Element) -> bytes:
    """A part's bytes, with the XML declaration Word writes."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def body_of(document: etree._Element) -> etree._Element:
    """The ``w:body`` of a ``w:document``."""
    body = document.find(w("body"))
    if body is None:
        raise ValueError("w:document without w:body")
    return body


def relationship_ids(root: etree._Element) -> set[str]:
    """Every relationship id the element tree uses (``r:id``, ``r:embed``, ``r:link``, ...)."""
    prefix = f"{{{R_NS}}}"
    return {value for el in root.iter() for key, value in el.attrib.items() if key.startswith(prefix)}


def remap_relationship_ids(root: etree._Element, mapping: dict[str, str]) -> None:
    """Rename relationship ids used in the tree."""
    prefix = f"{{{R_NS}}}"
    for el in root.iter():
        for key, value in el.attrib.items():
            if key.startswith(prefix) and value in mapping:
                el.set(key, mapping[value])


def restart_section(sectpr: etree._Element) -> None:
    """This section starts on a new page and its page numbers start again at 1."""
    kind = sectpr.find(w("type"))
    if kind is not None:
        sectpr.remove(kind)
    page_number_start(sectpr, 1)


def first_section(body: etree._Element) -> etree._Element | None:
    """The ``w:sectPr`` that ends the first section (in a paragraph's properties, or the body's own)."""
    for sectpr in body.iter(w("sectPr")):
        return sectpr
    return None


def close_with_section(blocks: list[etree._Element], sectpr: etree._Element) -> None:
    """Make ``sectPr`` (a body's last section) end the run of ``blocks``, as a section break.

    It goes into the last paragraph's properties when the blocks end with a paragraph that has none, so no
    empty paragraph is added (which could spill onto a blank page); otherwise into a new empty paragraph.
    """
    last = blocks[-1] if blocks else None
    if last is not None and last.tag == w("p"):
        ppr = last.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            last.insert(0, ppr)
        if ppr.find(w("sectPr")) is None:
            change = ppr.find(w("pPrChange"))
            if change is not None:
                change.addprevious(sectpr)
            else:
                ppr.append(sectpr)
            return
    paragraph = etree.Element(w("p"))
    etree.SubElement(paragraph, w("pPr")).append(sectpr)
    blocks.append(paragraph)


def relationships(rels_xml: bytes) -> list[dict[str, str]]:
    """The relationships of a ``.rels`` part as dicts (Id, Type, Target, maybe TargetMode)."""
    return [dict(r.attrib) for r in parse(rels_xml)]


def relationships_xml(rels: list[dict[str, str]]) -> bytes:
    """A ``.rels`` part from relationship dicts."""
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for rel in rels:
        el = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
        for key, value in rel.items():
            el.set(key, value)
    return serialize(root)


def add_override(content_types: etree._Element, part_name: str, content_type: str) -> None:
    """Declare the content type of a new part (``part_name`` without the leading slash)."""
    el = etree.SubElement(content_types, f"{{{CT_NS}}}Override")
    el.set("PartName", "/" + part_name)
    el.set("ContentType", content_type)


def override_type(content_types: etree._Element, part_name: str) -> str | None:
    """The content type a part's own override declares, if any."""
    for el in content_types.iter(f"{{{CT_NS}}}Override"):
        if el.get("PartName") == "/" + part_name:
            declared: str | None = el.get("ContentType")
            return declared
    return None
