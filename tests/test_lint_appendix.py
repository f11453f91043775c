"""qdocgen lint on appendices, documents issued with another, and forms, as real ones are set (issue 19).

An appendix laid out as the decree's own Phụ lục I–VI (heading, a title and a reference line each set over two
paragraphs, numbered headings, a sample document with its own header and signature, a landscape page) is clean
and is judged only by the rules that hold for an appendix; each part of its opening breaks
``tieu-de-phu-luc`` alone. Forms with tab leaders or label cells are forms, never a công văn.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from test_lint import Parts, _page_number, _para, fmt, kind_of, lint, rules, set_text

from qdocgen.lint.document import is_date_line

COVERED = {"tieu-de-phu-luc"}  # rules whose breaking fixtures are here


def _a4(doc: DocumentObject) -> None:
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.left_margin, section.right_margin = Mm(35), Mm(20)


def _sample(doc: DocumentObject) -> None:
    """A blank sample document inside the appendix: header table, type name, text, signature without a name."""
    _para(doc, "Mẫu 1.4 - Văn bản có tên loại", 14, bold=True)
    header = doc.add_table(rows=1, cols=2)
    _para(header.cell(0, 0), "TÊN CƠ QUAN, TỔ CHỨC", 13, bold=True, align="center")
    _para(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, align="center")
    _para(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", 14, bold=True, align="center")
    _para(doc, "TÊN LOẠI VĂN BẢN", 14, bold=True, align="center")
    tight = [_para(doc, text, align="justify") for text in (
        "Nội dung văn bản trình bày theo mẫu này, chữ đứng, cỡ chữ từ 13 đến 14.",
        "Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản./.")]
    for p in tight:
        p.paragraph_format.space_before = Pt(3)
    closing = doc.add_table(rows=1, cols=2)
    _para(closing.cell(0, 1), "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", 13, bold=True, align="center")
    _para(closing.cell(0, 1), "(Chữ ký của người có thẩm quyền, dấu của cơ quan, tổ chức)", 13, italic=True,
          align="center")


def nd30_appendix() -> tuple[DocumentObject, Parts]:
    """An appendix set as the decree's own (Phụ lục I–V of NĐ30), sample and landscape page included."""
    doc = Document()
    _a4(doc)
    parts: Parts = {}
    parts["heading"] = _para(doc, "Phụ lục I", 14, bold=True, align="center")
    parts["title"] = _para(doc, "THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH", 14, bold=True, align="center")
    parts["title2"] = _para(doc, "VÀ BẢN SAO VĂN BẢN", 14, bold=True, align="center")
    parts["ref"] = _para(doc, "(Kèm theo Nghị định số 30/2020/NĐ-CP", 14, italic=True, align="center")
    parts["ref2"] = _para(doc, "ngày 05 tháng 3 năm 2020 của Chính phủ)", 14, italic=True, align="center")
    _para(doc, "____________", 14, align="center")
    _para(doc, "Phần I", 14, bold=True, align="center")
    _para(doc, "I. QUY ĐỊNH CHUNG", 14, bold=True, align="justify")
    parts["text"] = _para(doc, "1. Khổ giấy: Khổ A4 (210 mm x 297 mm), trình bày theo chiều dài của khổ A4.",
                          align="justify")
    parts["numbered"] = _para(doc, "3. Ký hiệu người soạn thảo văn bản và số lượng bản phát hành", align="justify")
    parts["numbered"].paragraph_format.space_before = Pt(4)
    parts["after"] = _para(doc, "Được trình bày tại ô số 12 Mục IV Phần I Phụ lục này, cỡ chữ 11, kiểu chữ đứng.",
                           align="justify")
    parts["after"].paragraph_format.space_before = Pt(4)
    _sample(doc)
    _para(doc, "II. CÁC THÀNH PHẦN THỂ THỨC KHÁC", 14, bold=True, align="justify")
    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation, wide.page_width, wide.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    doc.sections[0].different_first_page_header_footer = True  # numbered from page 2, in the header, centred
    parts["page_number"] = doc.sections[0].header.paragraphs[0]
    parts["page_number"].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(parts["page_number"])
    table = doc.add_table(rows=2, cols=3)
    for c, text in enumerate(("STT", "Thành phần thể thức", "Cỡ chữ")):
        table.cell(0, c).text = text
    return doc, parts


def test_the_decrees_own_appendix_is_clean_and_judged_as_an_appendix(tmp_path: Path) -> None:
    """Heading, title and reference line not taken for a header or a date; the sample's signature is no signature
    of the appendix; numbered headings and the sample's text are not running text; landscape is allowed."""
    doc, _ = nd30_appendix()
    assert kind_of(doc, tmp_path) == "phu-luc"
    assert lint(doc, tmp_path) == []


@pytest.mark.parametrize(("part", "change", "words"), [
    ("heading", lambda p: set_text(p, "PHỤ LỤC I"), "chữ thường"),
    ("heading", lambda p: set_text(p, "Phụ lục 1"), "La Mã"),
    ("heading", lambda p: fmt(p, bold=False), "in đậm"),
    ("heading", lambda p: fmt(p, size=Pt(13)), "14 pt"),
    ("title", lambda p: fmt(p, bold=False), "in đậm"),
    ("title", lambda p: set_text(p, "Thể thức, kỹ thuật trình bày văn bản hành chính"), "in hoa"),
    ("ref", lambda p: fmt(p, italic=False), "nghiêng"),
    ("ref2", lambda p: fmt(p, size=Pt(12)), "13–14 pt"),
])
def test_each_part_of_the_opening_breaks_the_appendix_rule_alone(tmp_path: Path, part: str, change, words: str
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    doc, parts = nd30_appendix()
    change(parts[part])
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"tieu-de-phu-luc"}, [str(f) for f in findings]
    assert words in findings[0].message


def test_an_appendix_without_its_reference_line(tmp_path: Path) -> None:
    doc, parts = nd30_appendix()
    for key in ("ref", "ref2"):
        parts[key]._p.getparent().remove(parts[key]._p)
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"tieu-de-phu-luc"} and "Kèm theo" in findings[0].message


def test_a_single_appendix_has_no_number_and_its_running_text_is_still_checked(tmp_path: Path) -> None:
    doc, parts = nd30_appendix()
    set_text(parts["heading"], "Phụ lục")
    assert lint(doc, tmp_path) == []
    parts["text"].paragraph_format.first_line_indent = Cm(0)
    assert rules(lint(doc, tmp_path)) == {"thut-dau-dong"}


def test_an_appendix_numbers_its_own_pages_as_nd30_says(tmp_path: Path) -> None:
    """NĐ30 Phụ lục I, III.1: an appendix's pages are numbered (separately), in the header, centred."""
    doc, parts = nd30_appendix()
    parts["page_number"].alignment = WD_ALIGN_PARAGRAPH.LEFT
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"so-trang"} and "căn giữa" in findings[0].message
    doc, parts = nd30_appendix()
    parts["page_number"]._p.getparent().remove(parts["page_number"]._p)
    assert [(f.rule, f.severity) for f in lint(doc, tmp_path)] == [("so-trang", "warning")]


def attached() -> tuple[DocumentObject, Parts]:
    """A quy chế issued with a decision (NĐ30 Phụ lục III, after Mẫu 1.3): header, type name, summary,
    «(Kèm theo Quyết định ...)», chapters and articles, no number, date or signature."""
    doc = Document()
    _a4(doc)
    header = doc.add_table(rows=1, cols=2)
    _para(header.cell(0, 0), "ỦY BAN NHÂN DÂN\nPHƯỜNG AN LẠC", 13, bold=True, align="center")
    _para(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, align="center")
    _para(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", 14, bold=True, align="center")
    parts: Parts = {}
    parts["type"] = _para(doc, "QUY CHẾ", 14, bold=True, align="center")
    _para(doc, "Làm việc của Ủy ban nhân dân phường An Lạc", 14, bold=True, align="center")
    parts["ref"] = _para(doc, "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 3 năm 2026\ncủa Ủy ban nhân dân "
                              "phường An Lạc)", 14, italic=True, align="center")
    _para(doc, "Chương I", 14, bold=True, align="center")
    _para(doc, "QUY ĐỊNH CHUNG", 14, bold=True, align="center")
    p = _para(doc, "Điều 1.", bold=True, align="justify")
    p.add_run(" Quy chế này quy định nguyên tắc, chế độ trách nhiệm và lề lối làm việc của Ủy ban nhân dân "
              "phường.").font.size = Pt(14)
    return doc, parts


def test_a_document_issued_with_a_decision_is_clean_without_number_date_or_signature(tmp_path: Path) -> None:
    doc, parts = attached()
    assert kind_of(doc, tmp_path) == "phu-luc"
    assert lint(doc, tmp_path) == []
    fmt(parts["ref"], italic=False)
    assert rules(lint(doc, tmp_path)) == {"tieu-de-phu-luc"}
    fmt(parts["ref"], italic=True)
    fmt(parts["type"], bold=False)
    assert rules(lint(doc, tmp_path)) == {"ten-loai"}


def test_the_reference_lines_date_is_not_the_documents_date() -> None:
    assert not is_date_line("ngày 05 tháng 3 năm 2020 của Chính phủ)")
    assert not is_date_line("(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 3 năm 2020)")
    assert is_date_line("Hà Nội, ngày 05 tháng 3 năm 2020")
    assert is_date_line("Phường 1, Quận 3, ngày 05 tháng 3 năm 2020")
    assert is_date_line("...(4)..., ngày ... tháng ... năm ...")


def _form(title: str, labels: list[str]) -> DocumentObject:
    doc = Document()
    _a4(doc)
    _para(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, align="center")
    _para(doc, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, align="center")
    if title:
        _para(doc, title, 16, bold=True, align="center")
    _para(doc, "Kính gửi: Tòa án nhân dân quận Bình Tân", 14, bold=True)
    for label in labels:
        _para(doc, label, 13, align="justify")
    _para(doc, "Tôi cam kết những lời khai trong đơn là hoàn toàn đúng sự thật và chịu trách nhiệm trước pháp luật.",
          align="justify")
    return doc


def test_a_form_whose_blanks_are_tab_leaders_is_a_form_not_a_cong_van(tmp_path: Path) -> None:
    labels = ["1. Người khởi kiện: \tsinh ngày: \t", "Thường trú: \t", "Địa chỉ liên lạc: \t", "Số điện thoại: \t"]
    for title in ("ĐƠN KHỞI KIỆN", ""):
        doc = _form(title, labels)
        assert kind_of(doc, tmp_path) == "bieu-mau", title
        assert rules(lint(doc, tmp_path)) == {"pham-vi"}


def test_a_form_with_label_cells_and_a_bare_number_is_a_form(tmp_path: Path) -> None:
    doc = _form("", [])
    number = _para(doc, "Số: {{ so_hop_dong }}", 13, align="center")
    doc.paragraphs[2]._p.addprevious(number._p)
    table = doc.add_table(rows=3, cols=2)
    for r, label in enumerate(("Họ và tên:", "Ngày sinh:", "Địa chỉ:")):
        table.cell(r, 0).text = label
    assert kind_of(doc, tmp_path) == "bieu-mau"


def test_national_title_and_kinh_gui_without_number_or_vv_is_no_cong_van(tmp_path: Path) -> None:
    """The look-alike: no form fields either; lint cannot place it and judges nothing."""
    doc = _form("", [])
    assert kind_of(doc, tmp_path) == "khac"
    assert rules(lint(doc, tmp_path)) == {"pham-vi"}


def test_a_cong_van_with_a_label_line_is_still_a_cong_van(tmp_path: Path) -> None:
    from test_lint_scope import cong_van

    doc, parts = cong_van()
    _para(parts["body1"]._parent, "Thời gian: 08 giờ 00, thứ Hai, ngày 09 tháng 3 năm 2020.", align="justify")
    assert kind_of(doc, tmp_path) == "cong-van"


def test_a_face_named_with_its_style_is_times_new_roman(tmp_path: Path) -> None:
    from test_lint import decision

    doc, parts = decision()
    fmt(parts["article1"], name="Times New Roman Bold")
    assert lint(doc, tmp_path) == []
    fmt(parts["article1"], name="Arial Bold")
    assert rules(lint(doc, tmp_path)) == {"phong-chu"}


def test_headings_and_form_lines_in_a_body_are_not_running_text(tmp_path: Path) -> None:
    from test_lint import decision

    doc, parts = decision()
    for text in ("1. Tổ chức thực hiện các nội dung của kế hoạch năm 2020",
                 "Người đại diện theo pháp luật: ................................................"):
        p = _para(parts["article3"]._parent, text, align="justify")
        p.paragraph_format.first_line_indent = Cm(0)
        parts["article3"]._p.addprevious(p._p)
    assert lint(doc, tmp_path) == []


def test_an_appendix_heading_with_its_title_run_on(tmp_path: Path) -> None:
    doc, parts = nd30_appendix()
    set_text(parts["heading"], "Phụ lục I: THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH")
    for key in ("title", "title2"):
        parts[key]._p.getparent().remove(parts[key]._p)
    assert kind_of(doc, tmp_path) == "phu-luc"
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"tieu-de-phu-luc"} and "đứng riêng một dòng" in findings[0].message
