"""Formatted text and pictures from data (issue 22): real Word runs, paragraphs and drawings, as docxtpl makes.

Each construct is filled into a small template with a tag in the body, a table cell, a header and a footer,
read back with python-docx, and compared with docxtpl's RichText on the same data where docxtpl has one.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import DATASET, ROOT
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from docxtpl import DocxTemplate, RichText
from ruamel.yaml import YAML

from qdocgen.data.formatted import FormattedText, parse
from qdocgen.data.pipeline import prepare
from qdocgen.template.compiled import CompiledTemplate
from qdocgen.template.registry import TemplateInfo, find_template

SAMPLE = "Mở đầu **đậm** giữa *nghiêng* và __gạch chân__ hết.\nDòng hai.\n\nĐoạn hai **cuối**"


def _template(tmp_path: Path, tag: str = "{{ a }}", name: str = "t.docx") -> Path:
    """A template with ``tag`` in a 13 pt red run of a centred paragraph, in a table, a header and a footer."""
    doc = Document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Trước ")
    run = p.add_run(tag)
    run.font.size = Pt(13)
    run.font.color.rgb = RGBColor(0xC0, 0, 0)
    p.add_run(" sau")
    doc.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run(tag)
    doc.sections[0].header.paragraphs[0].add_run(tag)
    doc.sections[0].footer.paragraphs[0].add_run(tag)
    path = tmp_path / name
    doc.save(str(path))
    return path


def _render(path: Path, data: dict[str, Any], info: TemplateInfo | None = None) -> Any:
    """The filled document, opened with python-docx."""
    compiled = CompiledTemplate.load(path, info or TemplateInfo(path.stem, path))
    return Document(io.BytesIO(compiled.render(data)))


def _runs(paragraph: Any) -> list[tuple[str, bool, bool, bool]]:
    """Each run's text and whether it is bold, italic, underlined (empty runs left out)."""
    return [(r.text, bool(r.bold), bool(r.italic), bool(r.underline)) for r in paragraph.runs if r.text]


def test_the_syntax_never_fires_on_ordinary_text() -> None:
    ordinary = ["Ghi chú: (*) là chỉ tiêu bắt buộc (*)", "2*3 = 6; 4 * 5 = 20", "tên_tệp_mới.docx",
                "a ** b ** c", "**", "* gạch đầu dòng", "điểm a)*", "Điều 5*"]
    for text in ordinary:
        assert [(s.kind, s.text, s.flags) for s in parse(text)] == [("text", text, "")], text
    assert [(s.text, s.flags) for s in parse(r"\*\*giữ nguyên\*\* và \_\_x\_\_")] == [
        ("**giữ nguyên** và __x__", "")]


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_no_shipped_value_is_formatted_except_the_2019_lead_in() -> None:
    """Every string of every shipped dataset reads as plain text, but the deliberate «**(tính đến...)**»."""
    formatted = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        for text in _strings(YAML(typ="safe").load(path.read_text(encoding="utf-8"))):
            if any(s.flags for s in parse(text)):
                formatted.append((path.relative_to(ROOT).as_posix(), [s.text for s in parse(text) if s.flags]))
    assert formatted == [("data/binh-tan/2019/_phuong.yaml", ["(tính đến cuối năm {{ nam }})"]),
                         ("data/binh-tan/2019/quan-binh-tan.yaml", ["(tính đến cuối năm {{ nam }})"])]


def test_formatted_text_becomes_runs_and_paragraphs_everywhere(tmp_path: Path) -> None:
    doc = _render(_template(tmp_path), {"a": FormattedText(SAMPLE)})
    body = doc.paragraphs
    assert [p.text for p in body] == ["Trước Mở đầu đậm giữa nghiêng và gạch chân hết.\nDòng hai.",
                                      "Đoạn hai cuối sau"]
    assert _runs(body[0])[:7] == [("Trước ", False, False, False), ("Mở đầu ", False, False, False),
                                  ("đậm", True, False, False), (" giữa ", False, False, False),
                                  ("nghiêng", False, True, False), (" và ", False, False, False),
                                  ("gạch chân", False, False, True)]
    assert _runs(body[1]) == [("Đoạn hai ", False, False, False), ("cuối", True, False, False),
                              (" sau", False, False, False)]
    for paragraph in body:  # the new paragraph keeps the tag paragraph's properties
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    tagged = [r for r in body[0].runs[1:] + body[1].runs[:-1] if r.text]
    assert {r.font.size for r in tagged} == {Pt(13)}  # the tag run's formatting carries on
    assert {str(r.font.color.rgb) for r in tagged} == {"C00000"}
    for part in (doc.tables[0].cell(0, 0), doc.sections[0].header, doc.sections[0].footer):
        assert [p.text for p in part.paragraphs] == ["Mở đầu đậm giữa nghiêng và gạch chân hết.\nDòng hai.",
                                                     "Đoạn hai cuối"]
        assert ("đậm", True, False, False) in _runs(part.paragraphs[0])
        assert ("cuối", True, False, False) in _runs(part.paragraphs[1])


def test_same_runs_as_docxtpl_richtext(tmp_path: Path) -> None:
    """docxtpl's RichText with the same emphasis gives the same text in the same emphasis."""
    rt = RichText()
    rt.add("Mở đầu ")
    rt.add("đậm", bold=True)
    rt.add(" giữa ")
    rt.add("nghiêng", italic=True)
    rt.add(" và ")
    rt.add("gạch chân", underline=True)
    rt.add(" hết.")
    theirs = DocxTemplate(str(_template(tmp_path, "{{r a }}", "docxtpl.docx")))
    theirs.render({"a": rt})
    out = io.BytesIO()
    theirs.save(out)
    expected = _runs(Document(io.BytesIO(out.getvalue())).tables[0].cell(0, 0).paragraphs[0])
    ours = _render(_template(tmp_path), {"a": FormattedText("Mở đầu **đậm** giữa *nghiêng* và __gạch chân__ hết.")})
    assert len(expected) == 7 and _runs(ours.tables[0].cell(0, 0).paragraphs[0]) == expected


def _unit_dir(tmp_path: Path, value: str) -> Path:
    folder = tmp_path / "du-lieu"
    folder.mkdir(exist_ok=True)
    (folder / "don-vi.yaml").write_text(f"a: {value!r}\nb: {value!r}\n".replace("'", '"'), encoding="utf-8")
    return folder / "don-vi.yaml"


def test_only_declared_fields_are_formatted(tmp_path: Path) -> None:
    """A clerk's asterisks in an undeclared field print as typed; the declared field is formatted."""
    template = _template(tmp_path, "{{ a }}|{{ b }}")
    schema = {"type": "object", "properties": {"a": {"type": "string", "x-kieu": "van-ban-dinh-dang"},
                                               "b": {"type": "string"}}}
    info = TemplateInfo("t", template, schema=schema)
    units, problems = prepare([_unit_dir(tmp_path, "**đậm**")], info, [])
    assert not problems
    doc = _render(template, units[0].data, info)
    assert doc.tables[0].cell(0, 0).paragraphs[0].text == "đậm|**đậm**"
    assert _runs(doc.tables[0].cell(0, 0).paragraphs[0]) == [("đậm", True, False, False),
                                                             ("|**đậm**", False, False, False)]


def test_the_2019_bold_lead_in_comes_from_the_data(tmp_path: Path) -> None:
    info = find_template("quyet-dinh-mtcl")
    units, problems = prepare([DATASET / "quan-binh-tan.yaml"], info, [])
    assert not problems
    doc = Document(io.BytesIO(CompiledTemplate.load(info.path, info).render(units[0].data)))
    lead = next(p for p in doc.paragraphs if "(tính đến cuối năm 2019)" in p.text)
    assert lead.text.endswith("như sau (tính đến cuối năm 2019):")
    assert _runs(lead)[-2:] == [("(tính đến cuối năm 2019)", True, False, False), (":", False, False, False)]
    assert not _runs(lead)[0][1]
    # Without the data's ** the same words print, not bold: the emphasis is the data's, not the template's.
    units, problems = prepare([DATASET / "quan-binh-tan.yaml"], info,
                              ["phu_luc.gioi_thieu=như sau (tính đến cuối năm 2019)"])
    doc = Document(io.BytesIO(CompiledTemplate.load(info.path, info).render(units[0].data)))
    lead = next(p for p in doc.paragraphs if "(tính đến cuối năm 2019)" in p.text)
    assert _runs(lead)[0] == ("như sau (tính đến cuối năm 2019)", False, False, False)


@pytest.mark.parametrize("bad", ["x-kieu: mau-sac"])
def test_an_unknown_kind_is_refused_in_the_declaration(bad: str) -> None:
    from qdocgen.data.schema import declaration_problems

    found = declaration_problems({"type": "object", "properties": {"a": {"type": "string", "x-kieu": "mau-sac"}}})
    assert found and "van-ban-dinh-dang" in found[0] and bad.split(": ")[1] in found[0]


def png(width: int, height: int, rgb: tuple[int, int, int] = (200, 0, 0)) -> bytes:
    """A small solid PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PICTURE_SCHEMA = {"type": "object", "properties": {"a": {"type": ["string", "object"], "x-kieu": "anh"}}}


def _picture_unit(tmp_path: Path, value: str) -> tuple[Path, TemplateInfo]:
    folder = tmp_path / "du-lieu"
    (folder / "hinh").mkdir(parents=True, exist_ok=True)
    (folder / "hinh" / "con-dau.png").write_bytes(png(40, 20))
    (folder / "don-vi.yaml").write_text(f"# đơn vị\na: {value}\n", encoding="utf-8")
    template = _template(tmp_path)
    return folder / "don-vi.yaml", TemplateInfo("t", template, schema=PICTURE_SCHEMA)


def test_a_picture_from_the_data_everywhere(tmp_path: Path) -> None:
    unit, info = _picture_unit(tmp_path, "{tep: hinh/con-dau.png, rong: 3 cm}")
    units, problems = prepare([unit], info, [])
    assert not problems
    data = CompiledTemplate.load(info.path, info).render(units[0].data)
    doc = Document(io.BytesIO(data))
    shape = doc.inline_shapes[0]
    assert (shape.width, shape.height) == (3 * 360_000, 15 * 36_000)  # 3 cm wide, proportions kept: 1.5 cm
    assert doc.paragraphs[0].text == "Trước  sau"
    blips = [b for b in doc.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")]
    assert len(blips) == 2  # the paragraph and the table cell
    image = doc.part.related_parts[blips[0].get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")]
    assert image.blob == (unit.parent / "hinh" / "con-dau.png").read_bytes() and image.content_type == "image/png"
    for part in (doc.sections[0].header.part, doc.sections[0].footer.part):
        blip = next(part.element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
        assert part.related_parts[blip.get(
            "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")].blob == image.blob


@pytest.mark.parametrize(("value", "said"), [
    ("../ngoai.png", "nằm ngoài thư mục bộ dữ liệu"),
    ("hinh/khong-co.png", "không tìm thấy tệp ảnh"),
    ("hinh/gia.png", "không phải ảnh PNG hay JPEG"),
    ("hinh/tai-lieu.pdf", "chỉ nhận ảnh PNG hoặc JPEG"),
    ("hinh/lien-ket.png", "nằm ngoài thư mục bộ dữ liệu"),
    ("{tep: hinh/con-dau.png, rong: 3}", "cần ghi kèm đơn vị cm hoặc mm"),
])
def test_a_bad_picture_is_refused_naming_file_line_and_field(tmp_path: Path, value: str, said: str) -> None:
    unit, info = _picture_unit(tmp_path, value)
    (tmp_path / "ngoai.png").write_bytes(png(2, 2))
    (unit.parent / "hinh" / "gia.png").write_bytes(b"GIF89a not a png")
    (unit.parent / "hinh" / "tai-lieu.pdf").write_bytes(b"%PDF-1.4")
    (unit.parent / "hinh" / "lien-ket.png").symlink_to(tmp_path / "ngoai.png")
    _units, problems = prepare([unit], info, [])
    assert len(problems) == 1
    assert said in problems[0].message and problems[0].key == "a"
    assert problems[0].file.endswith("don-vi.yaml") and problems[0].line == 2


def test_docxtpl_inline_image_gives_the_same_picture(tmp_path: Path) -> None:
    """docxtpl's InlineImage of the same file at the same width: same media bytes and the same size."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    unit, info = _picture_unit(tmp_path, "{tep: hinh/con-dau.png, rong: 30 mm}")
    theirs = DocxTemplate(str(_template(tmp_path, "{{ a }}", "docxtpl.docx")))
    theirs.render({"a": InlineImage(theirs, str(unit.parent / "hinh" / "con-dau.png"), width=Mm(30))})
    out = io.BytesIO()
    theirs.save(out)
    expected = Document(io.BytesIO(out.getvalue())).inline_shapes[0]
    units, _ = prepare([unit], info, [])
    ours = Document(io.BytesIO(CompiledTemplate.load(info.path, info).render(units[0].data))).inline_shapes[0]
    assert (ours.width, ours.height) == (expected.width, expected.height)


@pytest.fixture(scope="module")
def pdf_of_both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One document with formatted text and a picture (body, table, header, footer), as LibreOffice prints it."""
    import subprocess

    from conftest import soffice

    tmp_path = tmp_path_factory.mktemp("pdf")
    lo = soffice()
    doc = Document()
    doc.add_paragraph("Dấu: {{ anh }} hết dấu.")
    doc.add_paragraph("{{ chu }}")
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "Ô {{ chu }}"
    doc.sections[0].header.paragraphs[0].text = "Đầu trang {{ anh }}"
    template = tmp_path / "t.docx"
    doc.save(str(template))
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    (folder / "dau.png").write_bytes(png(60, 30, (0, 0, 180)))
    (folder / "u.yaml").write_text("anh: {tep: dau.png, rong: 4 cm}\nchu: \"Trước **đậm** giữa *nghiêng*\\n\\n"
                                   "Đoạn mới __gạch__\"\n", encoding="utf-8")
    schema = {"type": "object", "properties": {"anh": {"x-kieu": "anh"}, "chu": {"x-kieu": "van-ban-dinh-dang"}}}
    info = TemplateInfo("t", template, schema=schema)
    units, problems = prepare([folder / "u.yaml"], info, [])
    assert not problems
    out = tmp_path / "ra.docx"
    out.write_bytes(CompiledTemplate.load(template, info).render(units[0].data))
    subprocess.run([lo, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    return tmp_path / "ra.pdf"


def test_the_pdf_shows_the_pictures_and_the_text_in_order(pdf_of_both: Path) -> None:
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf_of_both), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines[0] == "Đầu trang"
    assert re.search(r"Dấu: {10,}hết dấu\.", text)  # the 4 cm picture stands between the words
    assert lines[1:6] == ["Dấu: hết dấu.", "Trước đậm giữa nghiêng", "Đoạn mới gạch", "Ô Trước đậm giữa nghiêng",
                          "Đoạn mới gạch"]
    images = subprocess.run(["pdfimages", "-list", str(pdf_of_both)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(images) == 2 and all(row.split()[3:5] == ["60", "30"] for row in images)  # body and header
    fonts = subprocess.run(["pdffonts", str(pdf_of_both)], capture_output=True, text=True, check=True).stdout
    assert "Bold" in fonts and "Italic" in fonts


MACROS = """\
{% macro xung_ho(ten, gioi_tinh) %}
  {{ 'Ông' if gioi_tinh == 'nam' else 'Bà' }} {{ ten }}
{% endmacro %}
{% macro in_dam_hoa(x) %}{{ x | chu_hoa }}{% endmacro %}
"""


def _declared(tmp_path: Path, paragraphs: list[str], declaration: str, picture: bytes | None = None) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if picture is not None:
        (tmp_path / "mau-anh.png").write_bytes(picture)
        doc.add_picture(str(tmp_path / "mau-anh.png"))
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    path.with_suffix(".yaml").write_text(declaration, encoding="utf-8")
    return path


def test_the_authors_macros_are_filters_and_functions(tmp_path: Path) -> None:
    template = _declared(tmp_path, ["Kính gửi {{ ten | xung_ho('nam') }}; {{ xung_ho(ten, 'nu') }}; "
                                    "{{ co_quan | in_dam_hoa }}"],
                         "mo_ta: thử\nbo_loc: |\n" + "".join(f"  {line}\n" for line in MACROS.splitlines()))
    info = find_template(template)
    doc = Document(io.BytesIO(CompiledTemplate.load(template, info).render(
        {"ten": "Nguyễn Văn A & B", "co_quan": "Ủy ban nhân dân phường An Lạc"})))
    assert doc.paragraphs[0].text == ("Kính gửi Ông Nguyễn Văn A & B; Bà Nguyễn Văn A & B; "
                                      "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC")


@pytest.mark.parametrize(("macros", "said"), [
    ("{% macro upper(x) %}{{ x }}{% endmacro %}", "trùng tên một bộ lọc"),
    ("{% macro x(a) %}{{ a }}", "không đọc được"),
    ("chỉ là chữ", "không có macro nào"),
])
def test_bad_macros_are_refused_naming_the_declaration(tmp_path: Path, macros: str, said: str) -> None:
    from qdocgen.errors import TemplateError
    from qdocgen.template.checks import ERROR, check_template

    template = _declared(tmp_path, ["{{ a }}"], f"bo_loc: {macros!r}\n".replace("'", '"') if '"' not in macros
                         else f"bo_loc: '{macros}'\n")
    with pytest.raises(TemplateError, match=said):
        CompiledTemplate.load(template)
    report = check_template(template)
    assert any(said in f.message for f in report.findings if f.level == ERROR)


def test_a_macro_cannot_reach_into_python(tmp_path: Path) -> None:
    from qdocgen.errors import TemplateError

    template = _declared(tmp_path, ["{{ a | lo_ra }}"],
                         "bo_loc: \"{% macro lo_ra(x) %}{{ x.__class__.__mro__ }}{% endmacro %}\"\n")
    with pytest.raises(TemplateError, match="không được phép"):
        CompiledTemplate.load(template).render({"a": "x"})


REPLACE = """\
dau_vao:
  type: object
  properties:
    con_dau: {type: [string, object], x-kieu: anh}
thay_anh:
  mau-anh.png: con_dau
"""


def test_a_template_picture_is_replaced_by_the_datas_like_docxtpl_replace_pic(tmp_path: Path) -> None:
    template = _declared(tmp_path, ["Ảnh:"], REPLACE, png(30, 30, (0, 150, 0)))
    info = find_template(template)
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    new = png(50, 10, (0, 0, 200))
    (folder / "dau.png").write_bytes(new)
    (folder / "u.yaml").write_text("con_dau: dau.png\n", encoding="utf-8")
    units, problems = prepare([folder / "u.yaml"], info, [])
    assert not problems
    before = Document(str(template)).inline_shapes[0]
    doc = Document(io.BytesIO(CompiledTemplate.load(template, info).render(units[0].data)))
    shape = doc.inline_shapes[0]
    assert (shape.width, shape.height) == (before.width, before.height)  # the frame stays, as in docxtpl
    blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    theirs = DocxTemplate(str(template))
    theirs.replace_pic("mau-anh.png", str(folder / "dau.png"))
    theirs.render({})
    out = io.BytesIO()
    theirs.save(out)
    expected = Document(io.BytesIO(out.getvalue()))
    their_shape = expected.inline_shapes[0]
    assert blob == new == expected.part.related_parts[
        their_shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    # No picture in the data: the template's stays.
    units, _ = prepare([folder / "u.yaml"], info, ["con_dau="])
    doc = Document(io.BytesIO(CompiledTemplate.load(template, info).render(units[0].data)))
    assert doc.part.related_parts[doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed].blob \
        == (tmp_path / "mau-anh.png").read_bytes()


def test_replacing_a_picture_the_template_lacks_names_the_ones_it_has(tmp_path: Path) -> None:
    from qdocgen.errors import TemplateError

    template = _declared(tmp_path, ["Ảnh:"], REPLACE.replace("mau-anh.png: con_dau", "logo.png: con_dau"),
                         png(4, 4))
    with pytest.raises(TemplateError, match=r"không có ảnh «logo\.png»; các ảnh có: .*mau-anh\.png"):
        CompiledTemplate.load(template)


def test_jpeg_and_png_sizes_are_read_from_their_headers() -> None:
    from qdocgen.data.pictures import sniff

    jpeg = b"\xff\xd8" + b"\xff\xe0\x00\x10" + b"JFIF\x00" + b"\x00" * 9 + b"\xff\xc0\x00\x11\x08\x00\x1e\x00\x28" \
        + b"\x00" * 12
    assert sniff(jpeg) == ("jpeg", (40, 30))
    assert sniff(png(7, 3)) == ("png", (7, 3))
    assert sniff(b"GIF89a......") is None
