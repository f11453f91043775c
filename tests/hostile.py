"""Hostile inputs built in a test's own folder: templates, declarations and datasets an attacker would send."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document

MINIMAL_DATA = "so: 5\ntrich_yeu: Thử\n"


def docx_bytes(*paragraphs: str) -> bytes:
    """A plain Word document (python-docx's own template) with one paragraph per text."""
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rebuild(docx: bytes, *, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None,
            add: dict[str, bytes] | None = None) -> bytes:
    """The package with parts dropped, replaced or added (names taken as given, unsafe ones too)."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in (add or {}).items():
            dst.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def body(docx: bytes, inner: str) -> bytes:
    """The package with its document body replaced by ``inner`` (raw WordprocessingML)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        xml = src.read("word/document.xml").decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("<w:sectPr")
    return rebuild(docx, replace={"word/document.xml": (xml[:start] + inner + xml[end:]).encode("utf-8")})


def template(folder: Path, *paragraphs: str, name: str = "mau", declaration: str | None = None,
             raw: bytes | None = None) -> Path:
    """``folder/name.docx`` (and its declaration ``name.yaml`` when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    path.write_bytes(raw if raw is not None else docx_bytes(*paragraphs))
    if declaration is not None:
        path.with_suffix(".yaml").write_text(declaration, encoding="utf-8")
    return path


def dataset(folder: Path, files: dict[str, str]) -> Path:
    """A dataset folder with the given YAML files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


_REL = ('<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        'Target="{target}" TargetMode="External"/>')
_LINKED_PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/>'
    '<wp:docPr id="901" name="Ảnh liên kết"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
    '<pic:cNvPr id="0" name="anh.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdLinkA"/>'
    '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
    '<w:p><w:r><w:pict><v:shape style="width:72pt;height:72pt"><v:imagedata r:id="rIdLinkB" o:title=""/>'
    '</v:shape></w:pict></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
    '"{target}" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def linked_image(docx: bytes, target: str) -> bytes:
    """The package with a picture linked (not embedded) to ``target`` three ways: DrawingML, VML, a field."""
    with zipfile.ZipFile(io.BytesIO(docx)) as src:
        rels = src.read("word/_rels/document.xml.rels").decode("utf-8")
        xml = src.read("word/document.xml").decode("utf-8")
    extra = _REL.format(id="rIdLinkA", target=target) + _REL.format(id="rIdLinkB", target=target)
    rels = rels.replace("</Relationships>", extra + "</Relationships>")
    xml = xml.replace("<w:body>", "<w:body>" + _LINKED_PICTURE.replace("{target}", target), 1)
    return rebuild(docx, replace={"word/_rels/document.xml.rels": rels.encode("utf-8"),
                                  "word/document.xml": xml.encode("utf-8")})


def png(width: int = 40, height: int = 40) -> bytes:
    """A small red PNG (the local file a PDF must not embed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\xff\0\0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
