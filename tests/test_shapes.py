"""Decisions of other shapes (data/vi-du-*): structured articles, Chủ tịch-issued, two appendices.

Each example is rendered once (with its PDF) and read back: its paragraphs, numbering and formatting with
python-docx, its pages with pdftotext; no page holds only the recipients and the signature.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run, soffice
from docx_text import blocks, open_docx

from qdocgen.data.content import issuer

EXAMPLES = {"vi-du-muc-tieu-trong-dieu": "phuong-tan-dinh", "vi-du-chu-tich-ke-hoach": "xa-tan-nhut",
            "vi-du-hai-phu-luc": "phuong-an-khanh"}
INDENT_MM = 10


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example's .docx (with a PDF beside it where LibreOffice is installed), linted by the batch."""
    soffice()
    out = tmp_path_factory.mktemp("shapes")
    found = {}
    for folder, unit in EXAMPLES.items():
        result = run("batch", ROOT / "data" / folder / "2024", "-o", out / folder, "--pdf")
        assert result.exit_code == 0, result.output + result.stderr
        assert "1 tệp đã ghi, 0 bỏ qua, 0 lỗi, 1 PDF, 0 PDF lỗi, 0 điểm sai thể thức" in result.output, result.output
        found[folder] = out / folder / f"{unit}.docx"
    return found


def _paragraph(doc_path: Path, text: str):  # type: ignore[no-untyped-def]
    for p in blocks(open_docx(doc_path)):
        if p.text.replace("\t", " ").startswith(text):
            return p
    raise AssertionError(f"no paragraph starts with {text!r}")


def _body_texts(doc_path: Path) -> list[str]:
    return [p.text for p in blocks(open_docx(doc_path)) if p.text.strip()]


def test_objectives_in_article_1_are_paragraphs_numbered_and_indented(rendered: dict[str, Path]) -> None:
    path = rendered["vi-du-muc-tieu-trong-dieu"]
    texts = _body_texts(path)
    start = texts.index("Điều 1. Ban hành Mục tiêu chất lượng năm 2024 của Ủy ban nhân dân phường Tân Định như sau:")
    assert texts[start + 1:start + 8] == [
        "1. Mục tiêu chung",
        "- Duy trì, cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015, bảo đảm "
        "100% thủ tục hành chính thuộc thẩm quyền được giải quyết theo quy trình đã công bố.",
        "2. Mục tiêu cụ thể",
        "2.1. Bộ phận Một cửa chủ trì",
        "- Tỷ lệ hồ sơ được giải quyết đúng và trước hạn\t≥ 98%",
        "- Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận đạt 14-15%",
        "- Mức độ hài lòng của người dân, tổ chức\t≥ 90%",
    ]
    assert "+ Sổ hộ tịch từ năm 2015 trở về trước số hóa xong trước ngày 30/6/2024" in texts
    assert texts.index("2.3. Văn phòng - Thống kê chủ trì") < texts.index("Điều 2. Quyết định này có hiệu lực kể "
                                                                          "từ ngày ký.")
    for start_text in ("1. Mục tiêu chung", "2.1. Bộ phận", "- Tỷ lệ hồ sơ được", "+ Sổ hộ tịch"):
        p = _paragraph(path, start_text)
        assert round(p.paragraph_format.first_line_indent.mm) == INDENT_MM, start_text
        assert p.paragraph_format.space_after.pt >= 6
        assert all(r.font.size.pt == 14 and not r.font.bold and not r.font.italic for r in p.runs if r.text.strip())
    valued = _paragraph(path, "- Tỷ lệ hồ sơ được")
    tabs = valued.paragraph_format.tab_stops
    assert len(tabs) == 1 and round(tabs[0].position.mm) == 165 and tabs[0].alignment == 2  # right
    assert "PHỤ LỤC" not in " ".join(texts).upper() and "Kèm theo Quyết định" not in " ".join(texts)


def test_chu_tich_issued_signed_by_a_deputy_with_a_plan(rendered: dict[str, Path]) -> None:
    path = rendered["vi-du-chu-tich-ke-hoach"]
    texts = _body_texts(path)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN NHỰT" in texts
    assert texts.count("KT. CHỦ TỊCH") == 2 and texts.count("PHÓ CHỦ TỊCH") == 2 and "TM. ỦY BAN NHÂN DÂN" not in texts
    assert ("(Kèm theo Quyết định số 42/QĐ-UBND ngày 12 tháng 01 năm 2024\n"
            "của Chủ tịch Ủy ban nhân dân xã Tân Nhựt)") in texts
    assert not any(t.startswith("Phụ lục") for t in texts)  # one appendix: no number
    plan = texts[texts.index("KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2024"):]
    assert [t for t in plan if re.match(r"^(I|II|III)\. |^\d\. |^[a-d]\) ", t)] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG THỰC HIỆN",
        "1. Rà soát, cập nhật quy trình giải quyết thủ tục hành chính",
        "a) Rà soát quy trình theo danh mục thủ tục hành chính mới công bố",
        "b) Cập nhật biểu mẫu, hồ sơ trên Cổng dịch vụ công", "2. Đánh giá nội bộ, xem xét của lãnh đạo",
        "III. TỔ CHỨC THỰC HIỆN"]
    heading = _paragraph(path, "II. NỘI DUNG")
    assert all(r.font.bold for r in heading.runs if r.text.strip())
    bases = [t for t in texts if t.startswith(("Căn cứ", "Xét đề nghị"))]
    assert bases[0] == ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
                        "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 "
                        "tháng 11 năm 2019;")
    assert bases[2] == ("Căn cứ Chính sách chất lượng của Ủy ban nhân dân xã Tân Nhựt đã được Chủ tịch Ủy ban nhân "
                        "dân xã ký công bố ngày 10 tháng 01 năm 2023;")
    assert bases[3] == "Căn cứ Quy chế làm việc của Ủy ban nhân dân xã Tân Nhựt nhiệm kỳ 2021 - 2026;"
    assert bases[-1].endswith(".") and all(b.endswith(";") for b in bases[:-1])


def test_two_appendices_numbered_with_a_grouped_table(rendered: dict[str, Path]) -> None:
    path = rendered["vi-du-hai-phu-luc"]
    texts = _body_texts(path)
    assert "Phụ lục I" in texts and "Phụ lục II" in texts
    numbered = _paragraph(path, "Phụ lục I")
    assert numbered.alignment == 1 and all(r.font.bold and r.font.size.pt == 14 for r in numbered.runs)
    assert "Về việc ban hành Mục tiêu chất lượng năm 2024\nvà hướng dẫn đo lường, báo cáo kết quả thực hiện" in texts
    assert ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] == texts[texts.index("TM. ỦY BAN NHÂN DÂN"):][:3]
    table = open_docx(path).tables[2]  # header block, closing block, then the objectives table
    assert [c.text for c in table.rows[0].cells] == ["STT", "Mục tiêu", "Chỉ tiêu", "Thời gian đánh giá", "Cách đo"]
    widths = [c.width for c in table.rows[0].cells]
    assert widths[1] == max(widths) and widths[1] > 4 * widths[0]  # the key column is the widest
    group = table.rows[1]
    assert len(group._tr.findall(f"{{{group._tr.nsmap['w']}}}tc")) == 1
    assert group.cells[0].text == "Bộ phận Một cửa chủ trì" and group.cells[0].paragraphs[0].runs[0].font.bold
    assert [c.text for c in table.rows[3].cells][:3] == ["2", "Hồ sơ nộp trực tuyến toàn trình đạt 14-15% tổng số "
                                                         "hồ sơ", "14-15%"]
    assert table.rows[0]._tr.trPr.find(f"{{{group._tr.nsmap['w']}}}tblHeader") is not None
    grid = table._tbl.tblGrid.findall(f"{{{group._tr.nsmap['w']}}}gridCol")
    assert len(grid) == 5


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _signature_never_alone(pdf: Path, first_sign_line: str, name: str) -> None:
    for number, page in enumerate(_page_texts(pdf), start=1):
        if name not in page:
            continue
        cut = min(i for i in (page.find("Nơi nhận:"), page.find(first_sign_line)) if i >= 0)
        before = re.sub(r"^\s*\d+\s*$", "", page[:cut], flags=re.M)  # the page number
        assert len(before.split()) >= 5, f"{pdf.name}, trang {number}: chỉ có khối chữ ký"


def test_no_page_holds_only_the_signature(rendered: dict[str, Path]) -> None:
    """Checked on the PDFs of every example: the last lines of the body go with the signature block."""
    for path in rendered.values():
        pdf = path.with_suffix(".pdf")
        assert pdf.exists()
        texts = _body_texts(path)
        name = texts[-1] if path.stem == "phuong-tan-dinh" else next(
            t for t in texts if t in ("Trần Thị Hoa", "Lê Minh Tuấn"))
        first = next(t for t in texts if t.startswith(("TM. ", "KT. ")))
        _signature_never_alone(pdf, first, name)


def test_binh_tan_signature_pages_carry_body_text(tmp_path: Path) -> None:
    """The 2019 district decision: page 2 starts with the end of Điều 3, then the signature."""
    from conftest import DATASET

    soffice()
    result = run("batch", DATASET, "-o", tmp_path, "--pdf", "--only", "quan-binh-tan", "--only",
                 "phuong-an-lac")
    assert result.exit_code == 0, result.output + result.stderr
    for stem in ("quan-binh-tan", "phuong-an-lac"):
        pdf = tmp_path / f"{stem}.pdf"
        pages = _page_texts(pdf)
        signed = [p for p in pages if "Nơi nhận:" in p]
        assert len(signed) == 1 and "Điều 3." in signed[0], stem
        _signature_never_alone(pdf, "TM. ỦY BAN NHÂN DÂN", "Lê Văn Thinh" if stem == "quan-binh-tan" else "Nơi nhận")


@pytest.mark.parametrize("template", ["quyet-dinh-mtcl", "phu-luc-3"])
def test_examples_have_no_data_warning(template: str) -> None:
    """Every objective measurable, every key known: the data is clean for the decision and the form."""
    from qdocgen.batch import prepare
    from qdocgen.data.reader import unit_files
    from qdocgen.template.registry import find_template

    for folder in EXAMPLES:
        units, problems = prepare(unit_files(ROOT / "data" / folder / "2024"), find_template(template), ())
        assert problems == [] and [w.message for u in units for w in u.warnings] == [], folder


def test_issuer_of_the_examples() -> None:
    assert issuer("chu_tich", "Ủy ban nhân dân xã Tân Nhựt", "", {"chuc_vu": "Phó Chủ tịch"}).cac_dong_ky == (
        "KT. Chủ tịch", "Phó Chủ tịch")


def test_web_form_reads_each_shape() -> None:
    """The browser form: a new article is a text box, a structured one a group; one or several appendices."""
    from qdocgen.template.registry import find_template
    from qdocgen.web.fields import build

    schema = find_template("quyet-dinh-mtcl").schema
    props = schema["properties"]
    assert build(props["dieu"]["items"], "Quyết định này có hiệu lực kể từ ngày ký.", in_list=True).kind == "textarea"
    assert build(props["dieu"]["items"], object()).kind in ("text", "textarea")  # a new row: a text box
    assert build(props["dieu"]["items"], {"noi_dung": "Ban hành", "cac_muc": []}).kind == "object"
    assert build(props["can_cu"]["items"], {"van_ban": "Luật"}).kind == "object"
    assert build(props["phu_luc"], {"tieu_de": "Mục tiêu chất lượng"}).kind == "object"
    several = build(props["phu_luc"], [{"tieu_de": "A"}, {"tieu_de": "B", "loai": "tu_do"}])
    assert several.kind == "list" and len(several.children) == 2
