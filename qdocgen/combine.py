"""One print file for a whole batch, and one archive of its outputs.

``combine_documents`` joins the units' documents in order: each unit starts on a new page and its page numbers
start again at 1; every unit keeps its own sections with their headers. Parts shared by all units (styles,
numbering, identical headers) are taken once from the first document; a part that differs is carried over
under a new name.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from qdocgen.errors import OutputError, TemplateError
from qdocgen.oxml import merge as om
from qdocgen.oxml.package import open_docx, w

_DOCUMENT = "word/document.xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _read(path: Path) -> dict[str, bytes]:
    try:
        with open_docx(path) as package:
            return {name: package.read(name) for name in package.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise OutputError(f"{path}: không đọc được để gộp vào tệp in chung ({exc}); hãy soạn lại đơn vị này "
                          "(xóa tệp rồi chạy lại lệnh).") from exc


def _part_name(target: str) -> str:
    """A relationship target of word/document.xml as a package part name."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("word", target))


class _Joined:
    """The package being built: the first document's parts, with others' parts brought in as needed."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.rels = om.relationships(parts[_RELS])
        self.types = om.parse(parts[_TYPES])
        self._ids = {r["Id"] for r in self.rels}

    def _fresh_id(self) -> str:
        n = len(self._ids) + 1
        while f"rId{n}" in self._ids:
            n += 1
        self._ids.add(f"rId{n}")
        return f"rId{n}"

    def _fresh_part(self, name: str, index: int) -> str:
        stem, ext = posixpath.splitext(name)
        candidate, n = f"{stem}-{index}{ext}", 1
        while candidate in self.parts:
            candidate, n = f"{stem}-{index}-{n}{ext}", n + 1
        return candidate

    def bring(self, parts: dict[str, bytes], body: etree._Element, index: int) -> None:
        """Make every relationship the unit's body uses point at a part of the joined package."""
        own = {r["Id"]: r for r in om.relationships(parts[_RELS])}
        own_types = om.parse(parts[_TYPES])
        mapping: dict[str, str] = {}
        for rid in sorted(om.relationship_ids(body)):
            rel = own.get(rid)
            if rel is None:
                continue
            if rel.get("TargetMode") == "External":
                mapping[rid] = self._add(dict(rel))
                continue
            name = _part_name(rel["Target"])
            same = next((r for r in self.rels if r["Type"] == rel["Type"] and r["Target"] == rel["Target"]), None)
            if same is not None and self.parts.get(name) == parts.get(name):
                mapping[rid] = same["Id"]
                continue
            new = self._fresh_part(name, index)
            self.parts[new] = parts[name]
            folder, base = posixpath.split(name)
            own_rels = posixpath.join(folder, "_rels", base + ".rels")
            if own_rels in parts:
                new_folder, new_base = posixpath.split(new)
                self.parts[posixpath.join(new_folder, "_rels", new_base + ".rels")] = parts[own_rels]
            declared = om.override_type(own_types, name)
            if declared is not None:
                om.add_override(self.types, new, declared)
            mapping[rid] = self._add(dict(rel, Target=posixpath.relpath(new, "word")))
        om.remap_relationship_ids(body, mapping)

    def _add(self, rel: dict[str, str]) -> str:
        rel["Id"] = self._fresh_id()
        self.rels.append(rel)
        return rel["Id"]


def combine_documents(files: Sequence[Path]) -> bytes:
    """One .docx with the documents of ``files`` in order, each from a new page, page numbers restarting."""
    if not files:
        raise OutputError("không có văn bản nào để gộp vào tệp in chung (mọi đơn vị đều lỗi).")
    first = _read(files[0])
    if _DOCUMENT not in first or _RELS not in first:
        raise TemplateError(f"{files[0]}: không phải tài liệu Word (.docx), không gộp được.")
    joined = _Joined(first)
    document = om.parse(first[_DOCUMENT])
    blocks: list[etree._Element] = []
    for index, path in enumerate(files):
        parts = first if index == 0 else _read(path)
        body = om.body_of(document if index == 0 else om.parse(parts[_DOCUMENT]))
        if index > 0:
            joined.bring(parts, body, index)
        first_sect = om.first_section(body)
        if first_sect is not None:
            om.restart_section(first_sect)
        children = list(body)
        final = children.pop() if children and children[-1].tag == w("sectPr") else None
        if final is not None and index < len(files) - 1:
            om.close_with_section(children, final)
        elif final is not None:
            children.append(final)
        blocks.extend(children)
    main_body = om.body_of(document)
    for old in list(main_body):
        main_body.remove(old)
    main_body.extend(blocks)
    joined.parts[_DOCUMENT] = om.serialize(document)
    joined.parts[_RELS] = om.relationships_xml(joined.rels)
    joined.parts[_TYPES] = om.serialize(joined.types)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in joined.parts.items():
            package.writestr(zipfile.ZipInfo(name, _FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_outputs(files: Sequence[Path]) -> bytes:
    """A .zip of ``files`` (flat, by name); .docx stored as they are (already compressed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in files:
            method = zipfile.ZIP_STORED if path.suffix == ".docx" else zipfile.ZIP_DEFLATED
            # Dated with the file's own time (a clerk sorting the archive by date sees when each was made).
            info = zipfile.ZipInfo.from_file(path, path.name, strict_timestamps=False)
            info.compress_type = method
            with archive.open(info, "w") as entry, path.open("rb") as source:
                while block := source.read(1 << 20):
                    entry.write(block)
    return buffer.getvalue()
