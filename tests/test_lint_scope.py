"""qdocgen lint decides what kind of document it has, and applies only the rules that hold for it.

Small documents built in code: a công văn, an appendix, a Party resolution, a decree, a citizen's form, a
báo cáo with legal bases, the decree's own blank sample; and near misses of the false alarms the issue lists
(a rule line under the issuing body, «(Đã ký)», a wrapped recipient, blank dates, a one-page document).
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run
from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Cm, Pt
from test_lint import Parts, _para, _remove, decision, fmt, kind_of, lint, rules, set_text

from qdocgen.lint import lint_files

COVERED = {"pham-vi", "vv-cong-van"}  # rules whose breaking fixtures are here


def cong_van() -> tuple[DocumentObject, Parts]:
    """The clean decision made a công văn: no type name, «V/v» under the number, «Kính gửi:», «Như trên»."""
    doc, parts = decision()
    set_text(parts["number"], "Số: 12/UBND-VP")
    parts["vv"] = _para(parts["number"]._parent, "V/v báo cáo kết quả thực hiện Mục tiêu chất lượng", 12,
                        align="center")
    for key in ("type", "summary", "authority_line", "basis1", "basis2", "basis3", "decision", "article1",
                "article2", "article3"):
        _remove(parts[key])
    closing = doc.tables[1]._tbl
    parts["kinh_gui"] = _para(doc, "Kính gửi: Ủy ban nhân dân quận Bình Tân.", align="center")
    parts["body1"] = _para(doc, "Thực hiện Kế hoạch số 128/KH-UBND của Ủy ban nhân dân quận về áp dụng Hệ thống "
                                "quản lý chất lượng, Ủy ban nhân dân phường An Lạc báo cáo như sau.", align="justify")
    parts["body2"] = _para(doc, "Đề nghị Ủy ban nhân dân quận xem xét, cho ý kiến để phường tiếp tục thực hiện "
                                "trong năm 2020./.", align="justify")
    closing.addprevious(parts["kinh_gui"]._p)
    closing.addprevious(parts["body1"]._p)
    closing.addprevious(parts["body2"]._p)
    set_text(parts["recipient1"], "- Như trên;")
    return doc, parts


def test_a_clean_cong_van_has_no_finding_and_no_type_name_is_asked(tmp_path: Path) -> None:
    doc, _ = cong_van()
    assert kind_of(doc, tmp_path) == "cong-van"
    assert lint(doc, tmp_path) == []


def test_cong_van_summary_written_ve_viec(tmp_path: Path) -> None:
    doc, parts = cong_van()
    set_text(parts["vv"], "Về việc báo cáo kết quả thực hiện Mục tiêu chất lượng")
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"vv-cong-van"} and "V/v" in findings[0].message


def test_cong_van_without_summary(tmp_path: Path) -> None:
    doc, parts = cong_van()
    _remove(parts["vv"])
    assert rules(lint(doc, tmp_path)) == {"vv-cong-van"}


def test_a_decision_is_not_asked_for_v_v(tmp_path: Path) -> None:
    doc, _ = decision()
    assert kind_of(doc, tmp_path) == "quyet-dinh"


def _only_notice(doc: DocumentObject, tmp_path: Path, code: str) -> None:
    assert kind_of(doc, tmp_path) == code
    findings = lint(doc, tmp_path)
    assert [(f.rule, f.severity) for f in findings] == [("pham-vi", "notice")], [str(f) for f in findings]


def _lines(doc: DocumentObject, *texts: str, size: float = 13, bold: bool = True) -> None:
    for text in texts:
        _para(doc, text, size, bold=bold, align="center")


def test_party_resolution_gets_one_notice(tmp_path: Path) -> None:
    doc = Document()
    _lines(doc, "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "THÀNH ỦY", "*", "ĐẢNG CỘNG SẢN VIỆT NAM")
    _para(doc, "Số 15-NQ/TU", 14)
    _para(doc, "Thành phố Hồ Chí Minh, ngày 5 tháng 3 năm 2020", 14, italic=True, align="center")
    _lines(doc, "NGHỊ QUYẾT", "về công tác cải cách hành chính")
    _para(doc, "Ban Thường vụ Thành ủy thống nhất các nội dung sau, không theo thể thức của Nghị định 30.",
          align="justify")
    _lines(doc, "T/M BAN THƯỜNG VỤ", "BÍ THƯ")
    _para(doc, "Nguyễn Văn A", 14, bold=True, align="center")
    _only_notice(doc, tmp_path, "dang")


def test_decree_gets_one_notice(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["governing"], "CHÍNH PHỦ")
    set_text(parts["number"], "Số: 30/2020/NĐ-CP")
    set_text(parts["type"], "NGHỊ ĐỊNH")
    fmt(parts["type"], size=Pt(12))  # would be an error under NĐ30, not here
    _only_notice(doc, tmp_path, "quy-pham")


def test_citizen_form_gets_one_notice(tmp_path: Path) -> None:
    doc = Document()
    _lines(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI ĐĂNG KÝ KHAI SINH")
    _para(doc, "Kính gửi: Ủy ban nhân dân phường An Lạc", 14)
    for label in ("Họ, chữ đệm, tên người yêu cầu: ..............................",
                  "Ngày, tháng, năm sinh: .............................................",
                  "Nơi cư trú: .........................................................",
                  "Giấy tờ tùy thân: ...................................................."):
        _para(doc, label, 14, bold=True)
    _para(doc, "..........., ngày ....... tháng ....... năm .......", 14, align="center")
    _only_notice(doc, tmp_path, "bieu-mau")


def test_unknown_document_gets_one_notice(tmp_path: Path) -> None:
    doc = Document()
    _para(doc, "Ghi nhớ cuộc họp tổ", 14)
    _para(doc, "Các thành viên thống nhất lịch trực trong tháng, không phải văn bản hành chính.", 14)
    _only_notice(doc, tmp_path, "khac")


def appendix() -> tuple[DocumentObject, Parts]:
    """An appendix laid out as NĐ30 Phụ lục I III.1 says: heading, title, reference line, text, table."""
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    parts: Parts = {}
    parts["heading"] = _para(doc, "Phụ lục I", 14, bold=True, align="center")
    parts["title"] = _para(doc, "DANH MỤC HỒ SƠ THỦ TỤC HÀNH CHÍNH", 14, bold=True, align="center")
    parts["ref"] = _para(doc, "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 3 năm 2020\n"
                              "của Ủy ban nhân dân phường An Lạc)", 14, italic=True, align="center")
    parts["text"] = _para(doc, "Danh mục dưới đây gồm các thủ tục hành chính áp dụng Hệ thống quản lý chất lượng "
                               "tại Bộ phận một cửa của phường.", align="justify")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Tên thủ tục"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "Đăng ký khai sinh"
    return doc, parts


def test_an_appendix_laid_out_as_nd30_says_is_clean(tmp_path: Path) -> None:
    doc, _ = appendix()
    assert kind_of(doc, tmp_path) == "phu-luc"
    assert lint(doc, tmp_path) == []


def test_an_appendix_still_gets_its_body_rules(tmp_path: Path) -> None:
    doc, parts = appendix()
    parts["text"].paragraph_format.first_line_indent = Cm(0)
    assert rules(lint(doc, tmp_path)) == {"thut-dau-dong"}


def test_report_says_the_kind_in_text_and_json(tmp_path: Path) -> None:
    doc, _ = cong_van()
    path = tmp_path / "cv.docx"
    doc.save(str(path))
    report = lint_files([path])
    assert "công văn" in report.to_text()
    data = json.loads(report.to_json())
    assert data["files"][0]["pham_vi"]["loai"] == "cong-van" and data["files"][0]["pham_vi"]["nghi_dinh_30"]
    result = run("lint", path)
    assert result.exit_code == 0 and "công văn" in result.output


def test_notice_is_not_an_error(tmp_path: Path) -> None:
    doc = Document()
    _para(doc, "Ghi nhớ cuộc họp tổ", 14)
    path = tmp_path / "ghi-nho.docx"
    doc.save(str(path))
    report = lint_files([path])
    assert (report.errors, report.warnings, report.exit_code) == (0, 0, 0)
    assert "ghi chú [pham-vi]" in report.to_text()


# --- near misses: what looked wrong to the old lint and is right --------------------------------------------


def test_bao_cao_legal_bases_are_checked_where_they_stand(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["number"], "Số: 15/BC-UBND")
    set_text(parts["type"], "BÁO CÁO")
    set_text(parts["summary"], "Kết quả thực hiện Mục tiêu chất lượng năm 2020")
    for key in ("authority_line", "decision"):
        _remove(parts[key])
    for n in (1, 2, 3):
        set_text(parts[f"article{n}"], f"{n}. Nội dung thứ {n} của báo cáo kết quả thực hiện trong năm 2020.")
    assert lint(doc, tmp_path) == []
    set_text(parts["basis3"], "Xét đề nghị của Công chức Văn phòng - Thống kê phường,")
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"can-cu-dau-cau"} and "Thông tư 01" in findings[0].message


def test_rule_line_under_the_issuing_body_is_not_a_body(tmp_path: Path) -> None:
    doc, parts = decision()
    parts["issuing"]._p.addnext(_para(parts["issuing"]._parent, "___________", 13, align="center")._p)
    assert lint(doc, tmp_path) == []


def test_signed_note_above_the_name_is_not_the_name(tmp_path: Path) -> None:
    doc, parts = decision()
    parts["sign_name"]._p.addprevious(_para(parts["sign_name"]._parent, "(Đã ký)", 14, align="center")._p)
    assert lint(doc, tmp_path) == []


def test_wrapped_recipient_line_is_not_the_last(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["recipient2"], "- UBND quận Bình Tân, Phòng Nội vụ quận và Ban Chỉ đạo ISO quận")
    parts["recipient2"]._p.addnext(_para(parts["recipient2"]._parent, "(để báo cáo);", 11)._p)
    assert lint(doc, tmp_path) == []


def test_blank_decree_sample_has_no_number_or_date_errors(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["number"], "Số: .../QĐ-...(3)...")
    set_text(parts["date"], "...(4)..., ngày ... tháng ... năm ...")
    assert lint(doc, tmp_path) == []


def test_exact_and_one_and_a_half_spacing_are_right(tmp_path: Path) -> None:
    doc, parts = decision()
    parts["article1"].paragraph_format.line_spacing = 1.5
    parts["article2"].paragraph_format.line_spacing = Pt(17)
    parts["article3"].paragraph_format.first_line_indent = Cm(1.27)
    assert lint(doc, tmp_path) == []


def test_an_empty_line_between_paragraphs_is_space_enough(tmp_path: Path) -> None:
    doc, parts = decision()
    parts["basis1"].paragraph_format.space_after = Pt(0)
    parts["basis2"].paragraph_format.space_before = Pt(0)
    parts["basis1"]._p.addnext(_para(parts["basis1"]._parent, "", 14)._p)
    assert lint(doc, tmp_path) == []


def test_a_one_page_cong_van_without_page_number_gets_no_warning(tmp_path: Path) -> None:
    doc, parts = cong_van()
    _remove(parts["page_number"])
    assert lint(doc, tmp_path) == []


def test_decree_sample_with_footnote_marks_and_its_label(tmp_path: Path) -> None:
    """The decree's own sample: «Mẫu 1.2 - ...» above the header, «QUYẾT ĐỊNH(5)», blanks everywhere."""
    doc, parts = decision()
    parts["governing"]._p.getparent().getparent().getparent().addprevious(
        _para(doc, "Mẫu 1.2 - Quyết định (quy định trực tiếp)", 12, italic=True)._p)
    set_text(parts["type"], "QUYẾT ĐỊNH(5)")
    set_text(parts["number"], "Số: .../QĐ-...(3)...")
    assert kind_of(doc, tmp_path) == "quyet-dinh"
    assert lint(doc, tmp_path) == []


def test_bold_governing_body_is_still_the_governing_body(tmp_path: Path) -> None:
    doc, parts = decision()
    fmt(parts["governing"], bold=True)
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"co-quan-chu-quan"} and "không in đậm" in findings[0].message


def test_application_form_with_national_title_and_kinh_gui_is_a_form(tmp_path: Path) -> None:
    doc = Document()
    _lines(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐƠN ĐỀ NGHỊ CẤP BẢN SAO")
    _para(doc, "Kính gửi: Ủy ban nhân dân phường An Lạc", 14)
    _para(doc, "Người làm đơn: ..............................................", 14)
    _para(doc, "Tôi đề nghị được cấp bản sao giấy khai sinh vì bản chính đã bị mất trong lúc chuyển nhà.", 14)
    _only_notice(doc, tmp_path, "bieu-mau")


def test_batch_summary_does_not_count_the_kind_notice_as_a_fault() -> None:
    """A form rendered by a batch gets the ``pham-vi`` notice: said as information, not counted as a fault."""
    from qdocgen.batch import Report
    from qdocgen.lint.scope import Kind

    report = Report()
    report.lint["don"] = [Kind("bieu-mau", "biểu mẫu", False, "«ĐƠN ...»").notice()]
    assert "0 điểm sai thể thức" in report.summary()
    assert ("info", f"Thể thức don: {report.lint['don'][0]}") in report.lines()
