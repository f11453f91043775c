"""Rendering: a template compiled once, filled many times; errors located; never an unreadable package."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx_text import texts

from qdocgen.errors import TemplateError
from qdocgen.template.compiled import CompiledTemplate


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def test_a_filter_error_names_the_paragraph(tmp_path: Path) -> None:
    path = _template(tmp_path, "Mở đầu", "Số văn bản: {{ x | so_dem }}")
    with pytest.raises(TemplateError) as caught:
        CompiledTemplate.load(path).render({"x": "5a"})
    assert "đoạn «Số văn bản: {{ x | so_dem }}»" in caught.value.message
    assert '"5a"' in caught.value.message


def test_a_missing_value_is_an_error_naming_it(tmp_path: Path) -> None:
    path = _template(tmp_path, "Kính gửi: {{ noi_gui }}")
    with pytest.raises(TemplateError) as caught:
        CompiledTemplate.load(path).render({})
    assert "noi_gui" in caught.value.message and "Kính gửi" in caught.value.message


def test_a_tag_split_across_runs_is_filled(tmp_path: Path) -> None:
    doc = Document()
    p = doc.add_paragraph()
    for piece in ("Cơ quan: {{ co", "_qu", "an }}."):
        p.add_run(piece).bold = piece == "_qu"
    path = tmp_path / "split.docx"
    doc.save(str(path))
    out = tmp_path / "out.docx"
    out.write_bytes(CompiledTemplate.load(path).render({"co_quan": "Sở Nội vụ"}))
    assert texts(out) == ["Cơ quan: Sở Nội vụ."]


def test_compiled_once_filled_many_times_with_untouched_parts_copied(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ ten }}")
    compiled = CompiledTemplate.load(path)
    first, second = (compiled.render({"ten": name}) for name in ("An Lạc", "Tân Tạo"))
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(io.BytesIO(first)) as a, \
            zipfile.ZipFile(io.BytesIO(second)) as b:
        assert a.namelist() == source.namelist() == b.namelist()
        assert a.read("word/styles.xml") == source.read("word/styles.xml") == b.read("word/styles.xml")
        assert a.read("word/document.xml") != b.read("word/document.xml")
    assert "An Lạc".encode() in zipfile.ZipFile(io.BytesIO(first)).read("word/document.xml")


def test_output_that_would_not_be_xml_is_refused(tmp_path: Path) -> None:
    """A template whose filled XML would not parse never becomes a file Word calls unreadable."""
    path = _template(tmp_path, "{{ a }}")
    compiled = CompiledTemplate.load(path)
    name = "word/document.xml"
    source = compiled.sources[name]
    broken = "\n".join(source).replace("{{ a }}", "{{ a }}</w:t></w:r>")
    compiled.compiled[name] = compiled.compiled[name].environment.from_string(broken)
    with pytest.raises(TemplateError) as caught:
        compiled.render({"a": "x"})
    assert "không phải XML hợp lệ" in caught.value.message
