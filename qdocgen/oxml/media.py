"""Pictures in the package: inline drawings, their media parts, relationships and content types.

``inline_drawing`` builds the ``w:drawing`` Word writes for a picture "in line with text"; ``add_pictures``
adds each picture's media part once, a relationship from every part that shows it, and the image content
type; ``replace_media`` swaps a template's picture for another, keeping its frame (as docxtpl's
``replace_pic`` does).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from qdocgen.oxml.merge import CT_NS, PKG_REL_NS, parse, serialize
from qdocgen.oxml.opc import CONTENT_TYPES, rels_name

IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CONTENT_TYPE = {"png": "image/png", "jpeg": "image/jpeg"}
_NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}
_DRAWING = (
    '<w:drawing xmlns:w="{w}" xmlns:wp="{wp}" xmlns:a="{a}" xmlns:pic="{pic}" xmlns:r="{r}">'
    '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="Ảnh {id}" descr=""/>'
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    '<a:graphic><a:graphicData uri="{pic}"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name=""/><pic:cNvPicPr/>'
    '</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect">'
    '<a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
)
FIRST_SHAPE_ID = 0x4000_0000  # far above the ids Word gives the template's own shapes


@dataclass(frozen=True)
class Media:
    """A picture to put in the package: its bytes, kind (``png``/``jpeg``), size in EMU and file name."""

    key: str
    data: bytes
    kind: str
    width_emu: int
    height_emu: int
    name: str

    @property
    def part(self) -> str:
        """The media part's name in the package."""
        return f"word/media/qdocgen-{self.key}.{self.kind}"

    @property
    def rel_id(self) -> str:
        """The relationship id every part uses for it."""
        return f"rIdQd{self.key}"


def inline_drawing(media: Media, shape_id: int) -> etree._Element:
    """A ``w:drawing`` showing ``media`` in line with the text at its printed size."""
    drawing = etree.fromstring(_DRAWING.format(cx=media.width_emu, cy=media.height_emu, id=shape_id,
                                               rid=media.rel_id, **_NS))
    drawing.find(".//wp:docPr", _NS).set("descr", media.name)
    drawing.find(".//pic:cNvPr", _NS).set("name", media.name)
    return drawing


def _with_relationships(rels: bytes | None, used: Sequence[Media], part: str) -> bytes:
    """The ``.rels`` of ``part`` with a relationship to each picture it shows."""
    root = parse(rels) if rels else etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    have = {el.get("Id") for el in root}
    for media in used:
        if media.rel_id in have:
            continue
        el = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
        el.set("Id", media.rel_id)
        el.set("Type", IMAGE_REL)
        el.set("Target", posixpath.relpath(media.part, posixpath.dirname(part)))
    return serialize(root)


def _with_defaults(types: bytes, kinds: set[str]) -> bytes:
    """``[Content_Types].xml`` declaring the image types ``kinds`` by extension."""
    root = parse(types)
    declared = {(el.get("Extension") or "").lower() for el in root.iter(f"{{{CT_NS}}}Default")}
    for kind in sorted(kinds - declared):
        el = etree.Element(f"{{{CT_NS}}}Default")
        el.set("Extension", kind)
        el.set("ContentType", CONTENT_TYPE[kind])
        root.insert(0, el)
    return serialize(root)


def add_pictures(parts: Mapping[str, bytes], shown: Mapping[str, Sequence[Media]]) -> dict[str, bytes]:
    """The parts to add or change so that each part in ``shown`` can show its pictures."""
    out: dict[str, bytes] = {}
    kinds: set[str] = set()
    for part, used in shown.items():
        if not used:
            continue
        rels = rels_name(part)
        out[rels] = _with_relationships(parts.get(rels), used, part)
        for media in used:
            out[media.part] = media.data
            kinds.add(media.kind)
    if kinds:
        out[CONTENT_TYPES] = _with_defaults(parts[CONTENT_TYPES], kinds)
    return out


def media_names(parts: Mapping[str, bytes]) -> dict[str, str]:
    """The template's pictures by the names an author sees: ``image1.png`` and the picture's name in Word."""
    names = {posixpath.basename(p): p for p in parts if p.startswith("word/media/")}
    for part, raw in parts.items():
        if not part.endswith(".xml") or b"<pic:cNvPr" not in raw:
            continue
        rels = parts.get(rels_name(part))
        targets = {el.get("Id"): el.get("Target") for el in parse(rels)} if rels else {}
        for pic in parse(raw).iter(f"{{{_NS['pic']}}}pic"):
            props = pic.find(".//pic:cNvPr", _NS)
            blip = pic.find(".//a:blip", _NS)
            target = targets.get(blip.get(f"{{{_NS['r']}}}embed")) if blip is not None else None
            if props is None or not target:
                continue
            media = posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
            for label in (props.get("name"), props.get("descr")):
                if label and media in parts:
                    names.setdefault(label, media)
    return names


def replace_media(parts: Mapping[str, bytes], part: str, data: bytes, kind: str) -> dict[str, bytes]:
    """The changes that make media ``part`` hold ``data`` (its type declared for it when it changes)."""
    out = {part: data}
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    if CONTENT_TYPE.get("jpeg" if extension == "jpg" else extension) != CONTENT_TYPE[kind]:
        root = parse(parts[CONTENT_TYPES])
        for el in list(root.iter(f"{{{CT_NS}}}Override")):
            if el.get("PartName") == "/" + part:
                root.remove(el)
        el = etree.SubElement(root, f"{{{CT_NS}}}Override")
        el.set("PartName", "/" + part)
        el.set("ContentType", CONTENT_TYPE[kind])
        out[CONTENT_TYPES] = serialize(root)
    return out
