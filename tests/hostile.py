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
