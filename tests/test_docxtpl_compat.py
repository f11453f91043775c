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
from qdocgen.template.checks import ERROR, WARNING, check_template
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
    """One ``w:t`` start tag and its text, the text's characters written as entities."""
    head, _, body = text.partition(">")
    for char, entity in entities.items():
        body = body.replace(char, entity)
    return head + ">" + body


def _texts(docx: bytes | Path) -> list[str]:
    """The paragraphs' texts of a .docx (bytes or file)."""
    source = io.BytesIO(docx) if isinstance(docx, bytes) else str(docx)
    return [p.text for p in Document(source).paragraphs]


def _ours(path: Path, data: dict[str, Any]) -> list[str]:
    """The paragraphs qdocgen fills."""
    return _texts(CompiledTemplate.load(path).render(data))


def _docxtpl(path: Path, data: dict[str, Any], tmp_path: Path) -> list[str]:
    """The paragraphs docxtpl fills from the same template and data."""
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


def test_rich_text_tags_with_plain_data_are_warned_and_their_text_lost_in_docxtpl_too(tmp_path: Path) -> None:
    path = _template(tmp_path, "A {{r x }} B", "{{p y }}", "C {%r if z %}D{%r endif %} E", "{{ logo_phuong }}",
                     "{{ ten }}")
    data = {"x": "XX", "y": "YY", "z": True, "logo_phuong": "anh/logo.png", "ten": "An Lạc"}
    ours = _ours(path, data)
    # docxtpl's own output: the plain text of {{r }} and {{p }} falls outside any run or paragraph.
    assert ours == _docxtpl(path, data, tmp_path) == ["A  B", "C D E", "anh/logo.png", "An Lạc"]
    warned = [f.message for f in check_template(path).findings if f.level == WARNING]
    assert any("{{r x }}" in m and "RichText" in m and "«{{ x }}»" in m for m in warned), warned
    assert any("{{p y }}" in m and "Subdoc" in m and "{%p for doan in y %}" in m for m in warned), warned
    assert any("{{ logo_phuong }}" in m and "InlineImage" in m and "dán ảnh" in m for m in warned), warned
    assert not any("«{{ ten }}»" in m or "{%r if" in m for m in warned), warned
    assert len(warned) == 3


def _table_template(tmp_path: Path, rows: list[list[str]]) -> Path:
    """A .docx holding one table, one row per list, one cell per text (5 cm columns)."""
    doc = Document()
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    path = tmp_path / "bang.docx"
    doc.save(str(path))
    return path


def _grid(docx: bytes | Path) -> tuple[list[str], list[list[str]]]:
    """A .docx's first table: its grid's widths, and each row's cell texts (merged cells once)."""
    source = io.BytesIO(docx) if isinstance(docx, bytes) else str(docx)
    tbl = Document(source).tables[0]._tbl
    ns = tbl.nsmap["w"]
    widths = [c.get(f"{{{ns}}}w") for c in tbl.tblGrid.findall(f"{{{ns}}}gridCol")]
    rows = [["".join(t.text or "" for t in tc.iter(f"{{{ns}}}t")) for tc in tr.findall(f"{{{ns}}}tc")]
            for tr in tbl.findall(f"{{{ns}}}tr")]
    return widths, rows


_TABLES = {
    "cột lặp": ([["{%tc for c in cot %}", "{{ c }}", "{%tc endfor %}"]], {"cot": ["a", "b", "c", "d"]}),
    "cột bị bỏ": ([["A", "{%tc if co %}", "B", "{%tc endif %}", "C"]], {"co": False}),
    "gộp ngang": ([["{%tc for x in l %}", "{% hm %}Gộp", "{%tc endfor %}"],
                   ["{%tc for x in l %}", "{{ x }}", "{%tc endfor %}"]], {"l": [1, 2, 3, 4]}),
}


@pytest.mark.parametrize("kind", list(_TABLES))
def test_table_grids_after_column_tags_are_docxtpls(tmp_path: Path, kind: str) -> None:
    rows, data = _TABLES[kind]
    path = _table_template(tmp_path, rows)
    before = _grid(path)[0]
    ours = _grid(CompiledTemplate.load(path).render(data))
    copy = tmp_path / "docxtpl-in.docx"
    shutil.copy(path, copy)
    tpl = DocxTemplate(str(copy))
    tpl.render(data)
    tpl.save(str(tmp_path / "docxtpl-out.docx"))
    theirs = _grid(tmp_path / "docxtpl-out.docx")
    assert ours == theirs
    assert ours[0] != before  # the grid was rewritten: the template's own no longer fits the rows


_SAME_AS_DOCXTPL = {
    "trải cột": ([["{% colspan n %}Tiêu đề", "", ""], ["a", "b", "c"]], {"n": 2}),
    "màu nền và gộp dọc": ([["{%tr for x in l %}", "", ""], ["{% cellbg 'FF0000' %}{% vm %}Nhóm", "{{ x }}", "."],
                            ["{%tr endfor %}", "", ""]], {"l": ["một", "hai"]}),
}


@pytest.mark.parametrize("kind", list(_SAME_AS_DOCXTPL))
def test_cell_tags_give_docxtpls_text_and_grid(tmp_path: Path, kind: str) -> None:
    rows, data = _SAME_AS_DOCXTPL[kind]
    path = _table_template(tmp_path, rows)
    filled = CompiledTemplate.load(path).render(data)
    ours = _grid(filled)
    xml = zipfile.ZipFile(io.BytesIO(filled)).read("word/document.xml").decode("utf-8")
    if kind == "trải cột":
        assert '<w:gridSpan w:val="2"/>' in xml
    else:
        assert xml.count('w:fill="FF0000"') == 2
        assert 'w:vMerge w:val="restart"' in xml and 'w:vMerge w:val="continue"' in xml
    copy = tmp_path / "docxtpl-in.docx"
    shutil.copy(path, copy)
    tpl = DocxTemplate(str(copy))
    tpl.render(data)
    tpl.save(str(tmp_path / "docxtpl-out.docx"))
    assert ours == _grid(tmp_path / "docxtpl-out.docx")
    assert all("{" not in text for row in ours[1] for text in row)


def test_escapes_and_joining_tags_give_docxtpls_text(tmp_path: Path) -> None:
    path = _template(tmp_path, "In {_{ x }_} nguyên văn", "Đầu", "{%- if co -%}", "giữa", "{%- endif -%}", "cuối")
    data = {"co": True}
    ours = _ours(path, data)
    assert ours == _docxtpl(path, data, tmp_path)
    assert ours[0] == "In {{ x }} nguyên văn"
