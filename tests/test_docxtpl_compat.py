"""docxtpl's syntax as authors write it in Word: each small template filled by qdocgen and by docxtpl alike."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docxtpl import DocxTemplate

from qdocgen.errors import TemplateError
from qdocgen.template.checks import ERROR, check_template
from qdocgen.template.compiled import CompiledTemplate


def _template(tmp_path: Path, *paragraphs: str, entities: dict[str, str] | None = None) -> Path:
    """A .docx with one paragraph per text; ``entities`` rewrites characters in document.xml as Word may."""
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    plain = tmp_path / "plain.docx"
    doc.save(str(plain))
    path = tmp_path / "t.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(r"(<w:t[ >][^<]*)", lambda m: _entities(m.group(1), entities or {}),
                              data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    return path


def _entities(text: str, entities: dict[str, str]) -> str:
    head, _, body = text.partition(">")
    for char, entity in entities.items():
        body = body.replace(char, entity)
    return head + ">" + body


def _texts(docx: bytes | Path) -> list[str]:
    source = io.BytesIO(docx) if isinstance(docx, bytes) else str(docx)
    return [p.text for p in Document(source).paragraphs]


def _ours(path: Path, data: dict[str, Any]) -> list[str]:
    return _texts(CompiledTemplate.load(path).render(data))


def _docxtpl(path: Path, data: dict[str, Any], tmp_path: Path) -> list[str]:
    copy = tmp_path / "docxtpl-in.docx"
    shutil.copy(path, copy)
    tpl = DocxTemplate(str(copy))
    tpl.render(data)
    out = tmp_path / "docxtpl-out.docx"
    tpl.save(str(out))
    return _texts(out)


@pytest.mark.parametrize("entities", [{'"': "&quot;"}, {"'": "&apos;"}, {'"': "&#34;", "'": "&#x27;"}])
def test_entities_inside_tags_are_read_as_their_characters(tmp_path: Path, entities: dict[str, str]) -> None:
    path = _template(tmp_path, """Kính gửi: {{ ten | default("không rõ") }} {{ 'x' if co else "y" }}""",
                     entities=entities)
    assert any(e in zipfile.ZipFile(path).read("word/document.xml").decode() for e in entities.values())
    data = {"ten": "UBND phường An Lạc", "co": False}
    ours = _ours(path, data)
    assert ours == ["Kính gửi: UBND phường An Lạc y"]
    assert ours == _docxtpl(path, data, tmp_path)
    report = check_template(path)
    assert report.count(ERROR) == 0, [str(f) for f in report.findings]


def test_a_string_literal_ampersand_is_escaped_once(tmp_path: Path) -> None:
    path = _template(tmp_path, '{{ "Tài nguyên & Môi trường" }} và {{ ten }}')
    data = {"ten": "A & B"}
    assert _ours(path, data) == ["Tài nguyên & Môi trường và A & B"]
    # docxtpl (autoescape off by default) prints the literal as typed; the data value it must be told to escape.
    assert _docxtpl(path, {"ten": "A &amp; B"}, tmp_path) == _ours(path, data)


def test_an_unknown_filter_is_named_and_the_filters_listed(tmp_path: Path) -> None:
    path = _template(tmp_path, "Ngày {{ ngay_ky | ngay_thang }}")
    with pytest.raises(TemplateError) as caught:
        CompiledTemplate.load(path).render({"ngay_ky": "2019-02-27"})
    message = caught.value.message
    assert "bộ lọc «ngay_thang» không có" in message
    assert "cú pháp" not in message and "ngoặc" not in message
    for name in ("ngay", "so_van_ban", "cac_dieu", "upper", "replace", "default"):
        assert f" {name}," in message or f" {name}." in message or f" {name};" in message
    report = check_template(path)
    found = [f.message for f in report.findings if f.level == ERROR]
    assert len(found) == 1 and "bộ lọc «ngay_thang» không có" in found[0] and "so_van_ban" in found[0]
