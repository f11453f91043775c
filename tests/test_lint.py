"""qdocgen lint: a clean NĐ30 decision built by code, then one broken rule at a time."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATASET, ROOT, run
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from qdocgen.batch import BatchOptions, render_batch
from qdocgen.dating import date_rules
from qdocgen.lint import RULES, Finding, LintError, lint_docx, lint_files
from qdocgen.lint.report import lint_path
from qdocgen.oxml import package as oxml
from qdocgen.template.registry import list_templates

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
Parts = dict[str, Paragraph]


def _para(container, text: str, size: float = 14, bold: bool = False, italic: bool = False,  # type: ignore[no-untyped-def]
          align: str = "left") -> Paragraph:
    """A paragraph with one run per line (line breaks between), formatted on the runs."""
    p = container.add_paragraph()
    p.alignment = ALIGN[align]
    if align == "justify":
        p.paragraph_format.first_line_indent = Cm(1)  # body text: NĐ30's first-line indent
    for i, line in enumerate(text.split("\n")):
        r = p.add_run(line)
        r.font.size, r.font.bold, r.font.italic = Pt(size), bold, italic
        if i < len(text.split("\n")) - 1:
            r.add_break()
    return p


def _page_number(paragraph: Paragraph) -> None:
    rpr = etree.Element(oxml.w("rPr"))
    oxml.set_attrs(oxml.child(rpr, "sz"), val=28)
    oxml.page_field_runs(paragraph._p, rpr)


def _times_new_roman(doc: DocumentObject) -> None:
    """The font set once, on the Normal style (the runs name none), as a clerk's template does."""
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)


def decision() -> tuple[DocumentObject, Parts]:
    """A clean NĐ30 decision: header table, title, legal bases, articles, recipients beside the signature."""
    doc = Document()
    _times_new_roman(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(header)
    parts: Parts = {"page_number": header}
    table = doc.add_table(rows=2, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    parts["governing"] = left.paragraphs[0]
    parts["governing"].add_run("ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN").font.size = Pt(13)
    parts["governing"].alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts["issuing"] = _para(left, "ỦY BAN NHÂN DÂN\nPHƯỜNG AN LẠC", 13, bold=True, align="center")
    parts["title"] = right.paragraphs[0]
    run = parts["title"].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.font.size, run.font.bold = Pt(13), True
    parts["motto"] = _para(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, align="center")
    parts["number"] = table.cell(1, 0).paragraphs[0]
    parts["number"].add_run("Số: 15/QĐ-UBND").font.size = Pt(13)
    parts["date"] = table.cell(1, 1).paragraphs[0]
    run = parts["date"].add_run("An Lạc, ngày 05 tháng 3 năm 2020")
    run.font.size, run.font.italic = Pt(14), True
    parts["type"] = _para(doc, "QUYẾT ĐỊNH", bold=True, align="center")
    parts["summary"] = _para(doc, "Về việc ban hành Mục tiêu chất lượng năm 2020", bold=True, align="center")
    parts["authority_line"] = _para(doc, "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC", bold=True, align="center")
    parts["basis1"] = _para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                            italic=True, align="justify")
    parts["basis2"] = _para(doc, "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng "
                            "Chính phủ;", italic=True, align="justify")
    parts["basis3"] = _para(doc, "Xét đề nghị của Công chức Văn phòng - Thống kê phường.", italic=True,
                            align="justify")
    parts["decision"] = _para(doc, "QUYẾT ĐỊNH:", bold=True, align="center")
    for n, body in ((1, "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2020."),
                    (2, "Quyết định này có hiệu lực kể từ ngày ký."),
                    (3, "Công chức Văn phòng - Thống kê chịu trách nhiệm thi hành Quyết định này./.")):
        p = _para(doc, f"Điều {n}.", bold=True, align="justify")
        p.add_run(f" {body}").font.size = Pt(14)
        parts[f"article{n}"] = p
    closing = doc.add_table(rows=1, cols=2)
    recipients, sign = closing.cell(0, 0), closing.cell(0, 1)
    parts["recipients_heading"] = recipients.paragraphs[0]
    run = parts["recipients_heading"].add_run("Nơi nhận:")
    run.font.size, run.font.bold, run.font.italic = Pt(12), True, True
    parts["recipient1"] = _para(recipients, "- Như Điều 3;", 11)
    parts["recipient2"] = _para(recipients, "- UBND quận Bình Tân (để báo cáo);", 11)
    parts["luu"] = _para(recipients, "- Lưu: VT, VP.", 11)
    parts["sign_authority"] = sign.paragraphs[0]
    run = parts["sign_authority"].add_run("TM. ỦY BAN NHÂN DÂN")
    run.font.bold = True
    parts["sign_authority"].alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts["sign_title"] = _para(sign, "CHỦ TỊCH", bold=True, align="center")
    for _ in range(3):
        sign.add_paragraph()
    parts["sign_name"] = _para(sign, "Nguyễn Văn A", bold=True, align="center")
    return doc, parts


def lint(doc: DocumentObject, tmp_path: Path, name: str = "doc.docx") -> list[Finding]:
    path = tmp_path / name
    doc.save(str(path))
    return lint_docx(path, dated=date_rules())  # as users get it: with the register's date-aware rules


def kind_of(doc: DocumentObject, tmp_path: Path) -> str:
    """The code of the kind lint gives the document (it must give one)."""
    path = tmp_path / "k.docx"
    doc.save(str(path))
    kind, _ = lint_path(path)
    assert kind is not None
    return kind.code


def rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def set_text(p: Paragraph, text: str) -> None:
    """Replace the text of the paragraph's first run, dropping the others (their formatting goes too)."""
    runs = p.runs
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


def fmt(p: Paragraph, **props: object) -> None:
    for r in p.runs:
        for key, value in props.items():
            setattr(r.font, key, value)


def test_clean_decision_has_no_finding(tmp_path: Path) -> None:
    doc, _ = decision()
    assert lint(doc, tmp_path) == []


def _footer_page_number(doc: DocumentObject, parts: Parts) -> None:
    """Thông tư 01: the page number bottom right, in the footer."""
    parts["page_number"]._p.getparent().remove(parts["page_number"]._p)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_number(footer)


def _arial_default(doc: DocumentObject, parts: Parts) -> None:
    """Arial from the document defaults and the Normal style: no run names a font."""
    doc.styles["Normal"].font.name = "Arial"


def _theme_font(doc: DocumentObject, parts: Parts) -> None:
    """Nothing but the theme names a font (python-docx's default template): its minor font, Cambria."""
    rfonts = doc.styles["Normal"].element.rPr.find(oxml.w("rFonts"))
    rfonts.getparent().remove(rfonts)


def _new_page(doc: DocumentObject, parts: Parts) -> None:
    """Letter paper in a hand-made draft."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)


def _landscape(doc: DocumentObject, parts: Parts) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)


def _shown_on_page_one(doc: DocumentObject, parts: Parts) -> None:
    doc.sections[0].different_first_page_header_footer = False


# (rule, case id, how the clean decision is broken, words the message must hold)

def _outdated_standard_in_2026(doc: DocumentObject, parts: Parts) -> None:
    """A ward's decision of 2026: no district left, but the summary names the 2008 standard."""
    set_text(parts["date"], "An Lạc, ngày 05 tháng 3 năm 2026")
    parts["governing"]._p.getparent().remove(parts["governing"]._p)
    set_text(parts["recipient2"], "- UBND Thành phố (để báo cáo);")
    set_text(parts["summary"], "Về việc ban hành Mục tiêu chất lượng theo TCVN ISO 9001:2008")

def _remove(p: Paragraph) -> None:
    p._p.getparent().remove(p._p)


def _stacked_header(doc: DocumentObject, parts: Parts) -> None:
    """The national title and motto moved under the issuing body, in the left cell: one stacked column."""
    left = parts["issuing"]._p
    left.addnext(parts["motto"]._p)
    left.addnext(parts["title"]._p)


def _no_space_between(doc: DocumentObject, parts: Parts) -> None:
    parts["basis1"].paragraph_format.space_after = Pt(0)
    parts["basis2"].paragraph_format.space_before = Pt(0)


CASES: list[tuple[str, str, Callable[[DocumentObject, Parts], None], str]] = [
    ("kho-giay", "letter", _new_page, "A4"),
    ("huong-giay", "landscape", _landscape, "trang đứng"),
    ("le-trang", "left-25mm", lambda d, p: setattr(d.sections[0], "left_margin", Mm(25)), "Lề trái 25,0 mm"),
    ("le-trang", "bottom-30mm", lambda d, p: setattr(d.sections[0], "bottom_margin", Mm(30)), "Lề dưới 30,0 mm"),
    ("phong-chu", "arial-on-a-run", lambda d, p: setattr(p["article2"].runs[1].font, "name", "Arial"), "Arial"),
    ("phong-chu", "arial-from-style", _arial_default, "Arial"),
    ("phong-chu", "theme-font", _theme_font, "Cambria"),
    ("quoc-hieu", "not-bold", lambda d, p: fmt(p["title"], bold=False), "in đậm"),
    ("quoc-hieu", "size-14", lambda d, p: fmt(p["title"], size=Pt(14)), "12–13 pt"),
    ("tieu-ngu", "en-dashes", lambda d, p: set_text(p["motto"], "Độc lập – Tự do – Hạnh phúc"), "Độc lập - Tự do"),
    ("tieu-ngu", "same-size-as-title", lambda d, p: fmt(p["motto"], size=Pt(13)), "14 pt"),
    ("co-quan-chu-quan", "lower-case",
     lambda d, p: set_text(p["governing"], "Ủy ban nhân dân quận Bình Tân"), "in hoa"),
    ("co-quan-ban-hanh", "not-bold", lambda d, p: fmt(p["issuing"], bold=False), "in đậm"),
    ("so-ky-hieu", "unpadded", lambda d, p: set_text(p["number"], "Số: 5/QĐ-UBND"), "«05»"),
    ("so-ky-hieu", "over-padded", lambda d, p: set_text(p["number"], "Số: 015/QĐ-UBND"), "«15»"),
    ("so-ky-hieu", "no-colon", lambda d, p: set_text(p["number"], "Số 15/QĐ-UBND"), "«:»"),
    ("so-ky-hieu", "spaced-symbol", lambda d, p: set_text(p["number"], "Số: 15/QĐ - UBND"), "viết liền"),
    ("so-ky-hieu", "lower-case-symbol", lambda d, p: set_text(p["number"], "Số: 15/Qđ-UBND"), "«QĐ»"),
    ("so-ky-hieu", "bold", lambda d, p: fmt(p["number"], bold=True), "không in đậm"),
    ("dia-danh-ngay", "march-padded",
     lambda d, p: set_text(p["date"], "An Lạc, ngày 05 tháng 03 năm 2020"), "«3»"),
    ("dia-danh-ngay", "day-unpadded",
     lambda d, p: set_text(p["date"], "An Lạc, ngày 5 tháng 3 năm 2020"), "«05»"),
    ("dia-danh-ngay", "january-unpadded",
     lambda d, p: set_text(p["date"], "An Lạc, ngày 15 tháng 1 năm 2020"), "«01»"),
    ("dia-danh-ngay", "upright", lambda d, p: fmt(p["date"], italic=False), "chữ nghiêng"),
    ("dia-danh-ngay", "no-comma", lambda d, p: set_text(p["date"], "An Lạc ngày 05 tháng 3 năm 2020"), "«,»"),
    ("ten-loai", "not-bold", lambda d, p: fmt(p["type"], bold=False), "in đậm"),
    ("ten-loai", "size-12", lambda d, p: fmt(p["type"], size=Pt(12)), "13–14 pt"),
    ("trich-yeu", "not-bold", lambda d, p: fmt(p["summary"], bold=False), "in đậm"),
    ("can-cu-nghieng", "upright", lambda d, p: fmt(p["basis2"], italic=False), "chữ nghiêng"),
    ("can-cu-dau-cau", "comma-last",
     lambda d, p: set_text(p["basis3"], "Xét đề nghị của Công chức Văn phòng - Thống kê phường,"), "Thông tư 01"),
    ("can-cu-dau-cau", "full-stop-middle",
     lambda d, p: set_text(p["basis1"], "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."),
     "«;»"),
    ("dieu", "not-bold", lambda d, p: fmt(p["article2"], bold=False), "in đậm"),
    ("dieu", "colon", lambda d, p: setattr(p["article1"].runs[0], "text", "Điều 1:"), "«.»"),
    ("noi-nhan", "underlined", lambda d, p: fmt(p["recipients_heading"], underline=True), "gạch chân"),
    ("noi-nhan", "size-14", lambda d, p: fmt(p["recipients_heading"], size=Pt(14)), "12 pt"),
    ("noi-nhan-dong", "size-12", lambda d, p: fmt(p["recipient2"], size=Pt(12)), "11 pt"),
    ("noi-nhan-dong", "no-semicolon", lambda d, p: set_text(p["recipient1"], "- Như Điều 3"), "«;»"),
    ("noi-nhan-dong", "bullet", lambda d, p: set_text(p["recipient1"], "+ Như Điều 3;"), "«-»"),
    ("luu", "no-full-stop", lambda d, p: set_text(p["luu"], "- Lưu: VT, VP;"), "«.»"),
    ("luu", "no-vt", lambda d, p: set_text(p["luu"], "- Lưu: VP."), "VT"),
    ("tham-quyen-ky", "slash", lambda d, p: set_text(p["sign_authority"], "T/M ỦY BAN NHÂN DÂN"), "«TM.»"),
    ("tham-quyen-ky", "no-dot", lambda d, p: set_text(p["sign_authority"], "KT CHỦ TỊCH"), "«KT.»"),
    ("tham-quyen-ky", "title-not-bold", lambda d, p: fmt(p["sign_title"], bold=False), "in đậm"),
    ("nguoi-ky", "not-bold", lambda d, p: fmt(p["sign_name"], bold=False), "in đậm"),
    ("nguoi-ky-ten", "name-deleted", lambda d, p: _remove(p["sign_name"]), "họ tên người ký"),
    ("nguoi-ky-ten", "only-signed-note", lambda d, p: set_text(p["sign_name"], "(Đã ký)"), "họ tên người ký"),
    ("vi-tri-dau-trang", "stacked", _stacked_header, "xếp chồng"),
    ("gian-dong", "double", lambda d, p: setattr(p["article2"].paragraph_format, "line_spacing", 2.0), "2 dòng"),
    ("gian-dong", "exact-30pt", lambda d, p: setattr(p["article2"].paragraph_format, "line_spacing", Pt(30)),
     "30 pt"),
    ("gian-doan", "no-space", _no_space_between, "0 pt"),
    ("thut-dau-dong", "none", lambda d, p: setattr(p["article2"].paragraph_format, "first_line_indent", Cm(0)),
     "0 cm"),
    ("thut-dau-dong", "two-cm", lambda d, p: setattr(p["basis2"].paragraph_format, "first_line_indent", Cm(2)),
     "2 cm"),
    ("so-trang", "footer-tt01", _footer_page_number, "chân trang"),
    ("so-trang", "left", lambda d, p: setattr(p["page_number"], "alignment", WD_ALIGN_PARAGRAPH.LEFT), "căn giữa"),
    ("so-trang", "on-page-one", _shown_on_page_one, "trang 1"),
    # the rules that know the date (qdocgen.lint.dated): the 2020 fixture re-dated
    ("cap-huyen", "district-in-2026",
     lambda d, p: set_text(p["date"], "An Lạc, ngày 05 tháng 3 năm 2026"), "không còn cấp quận"),
    ("thuat-ngu-cu", "iso-2008-in-2026", _outdated_standard_in_2026, "ISO 9001:2008"),
    ("ngay-can-cu", "before-its-basis",
     lambda d, p: set_text(p["date"], "An Lạc, ngày 05 tháng 3 năm 2013"), "05/03/2014"),
]


@pytest.mark.parametrize(("rule", "case", "breaks", "words"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_each_rule_catches_its_fixture_and_no_other_rule_does(
        tmp_path: Path, rule: str, case: str, breaks: Callable[[DocumentObject, Parts], None], words: str) -> None:
    doc, parts = decision()
    breaks(doc, parts)
    findings = lint(doc, tmp_path)
    assert rules(findings) == {rule}, [str(f) for f in findings]
    assert any(words in f.message for f in findings), [str(f) for f in findings]


def test_every_rule_has_a_failing_fixture() -> None:
    from test_lint_appendix import COVERED as APPENDIX  # an appendix's opening lines
    from test_lint_scope import COVERED  # the kinds of document, the công văn's V/v

    covered = {c[0] for c in CASES} | {"tep"} | COVERED | APPENDIX
    assert covered == set(RULES)


def test_rule_ids_are_lower_case_ascii_and_severities_known(tmp_path: Path) -> None:
    doc, parts = decision()
    _landscape(doc, parts)
    set_text(parts["date"], "An Lạc, ngày 05 tháng 03 năm 2020")
    findings = lint(doc, tmp_path)
    assert {f.severity for f in findings} == {"warning", "error"}
    assert all(f.rule.replace("-", "").isascii() and f.rule.islower() for f in findings)
    padded = next(f for f in findings if f.rule == "dia-danh-ngay")
    assert padded.where == "«An Lạc, ngày 05 tháng 03 năm 2020»"
    assert padded.to_dict() == {"rule": "dia-danh-ngay", "severity": "error", "where": padded.where,
                                "message": padded.message}


def test_no_page_number_is_a_warning(tmp_path: Path) -> None:
    doc, parts = decision()
    parts["page_number"]._p.getparent().remove(parts["page_number"]._p)
    assert lint(doc, tmp_path) == []  # the decision fits on one page: it needs no number
    for _ in range(12):  # two pages and more
        p = _para(doc, "Công chức Văn phòng - Thống kê phường theo dõi, tổng hợp kết quả thực hiện từng mục tiêu, "
                       "báo cáo Chủ tịch Ủy ban nhân dân phường vào ngày làm việc cuối cùng của mỗi quý.",
                  align="justify")
        parts["article3"]._p.addprevious(p._p)
    findings = lint(doc, tmp_path)
    assert [(f.rule, f.severity) for f in findings] == [("so-trang", "warning")]


def test_thong_tu_01_style_document(tmp_path: Path) -> None:
    """Upright legal bases, a comma after the last, the page number bottom right: all reported."""
    doc, parts = decision()
    for key in ("basis1", "basis2", "basis3"):
        fmt(parts[key], italic=False)
    set_text(parts["basis3"], "Xét đề nghị của Công chức Văn phòng - Thống kê phường,")
    _footer_page_number(doc, parts)
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"can-cu-nghieng", "can-cu-dau-cau", "so-trang"}
    assert len([f for f in findings if f.rule == "can-cu-nghieng"]) == 3
    [comma] = [f for f in findings if f.rule == "can-cu-dau-cau"]
    assert comma.where.startswith("«Xét đề nghị") and "«,»" in comma.message and "«.»" in comma.message


# --- a draft typed in Word: no header table, tabs for columns, formatting on styles, runs split ---------------


def _style(doc: DocumentObject, name: str, *, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH, size: float = 14,
           bold: bool | None = None, italic: bool | None = None, align: str | None = None) -> str:
    style = doc.styles.add_style(name, kind)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        style.base_style = doc.styles["Normal"]
        if align:
            style.paragraph_format.alignment = ALIGN[align]
    style.font.size = Pt(size)
    style.font.bold, style.font.italic = bold, italic
    if align == "justify":
        style.paragraph_format.first_line_indent = Cm(1.27)
    return name


def _styled(doc: DocumentObject, style: str, *pieces: tuple[str, str | None]) -> Paragraph:
    """A paragraph in ``style`` whose runs carry no formatting (but an optional character style)."""
    p = doc.add_paragraph(style=style)
    for text, char_style in pieces:
        for i, line in enumerate(text.split("\t")):
            if i:
                p.add_run().add_tab()
            if line:
                p.add_run(line, style=char_style)
    return p


def hand_written() -> tuple[DocumentObject, Parts]:
    doc = Document()
    _times_new_roman(doc)
    _style(doc, "Tieu14", kind=WD_STYLE_TYPE.CHARACTER, size=14, bold=True)
    # Upright on purpose: the signature shares its first line with the bold-italic «Nơi nhận:» paragraph.
    _style(doc, "Ky14", kind=WD_STYLE_TYPE.CHARACTER, size=14, bold=True, italic=False)
    _style(doc, "NoiNhanDe", size=12, bold=True, italic=True)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.left_margin, section.right_margin = Mm(35), Mm(20)
    section.different_first_page_header_footer = True
    header_style = doc.styles["Header"]
    header_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER  # centred by the style, not the paragraph
    _page_number(section.header.paragraphs[0])
    s13, s13b, s14b = (_style(doc, "Dau13", size=13), _style(doc, "Dau13Dam", size=13, bold=True),
                       _style(doc, "Dau14Dam", bold=True))
    nghieng = _style(doc, "Nghieng", kind=WD_STYLE_TYPE.CHARACTER, italic=True)
    dam = _style(doc, "DamKyTu", kind=WD_STYLE_TYPE.CHARACTER, bold=True)
    quoc_hieu = _style(doc, "QuocHieu", kind=WD_STYLE_TYPE.CHARACTER, size=13, bold=True)
    tieu_de = _style(doc, "TieuDe", bold=True, align="center")
    can_cu = _style(doc, "CanCu", italic=True, align="justify")
    than = _style(doc, "Than", align="justify")
    noi_nhan = _style(doc, "NoiNhan", size=11)
    parts: Parts = {}
    _styled(doc, s13, ("UBND QUẬN BÌNH TÂN\t", None), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", quoc_hieu))
    _styled(doc, s13b, ("ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC\t", None), ("Độc lập - Tự do - Hạnh phúc", "Tieu14"))
    parts["date_para"] = _styled(doc, s13, ("Số: 07/QĐ-UBND\t", None), ("An Lạc, ngày 05 tháng 02 năm 2020", nghieng))
    _styled(doc, tieu_de, ("QUY", None), ("ẾT ĐỊNH", None))
    _styled(doc, s14b, ("Về việc ban hành Mục tiêu chất lượng năm 2020", None))
    _styled(doc, tieu_de, ("ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC", None))
    parts["basis1"] = _styled(doc, can_cu, ("Căn c", None), ("ứ Luật Tổ chức chính quyền địa phương;", None))
    _styled(doc, can_cu, ("Xét đề nghị của Công chức Văn phòng - Thống kê phường.", None))
    _styled(doc, tieu_de, ("QUYẾT ĐỊNH:", None))
    _styled(doc, than, ("Điều 1.", dam), (" Ban hành Mục tiêu chất lượng năm 2020./.", None))
    _styled(doc, than, ("", None))
    # Recipients on the left, the signature after tabs on the same lines.
    heading = _styled(doc, "NoiNhanDe", ("Nơi nhận:\t\t", None), ("TM. ỦY BAN NHÂN DÂN", "Ky14"))
    _styled(doc, noi_nhan, ("- Như Điều 1;\t\t\t", None), ("CHỦ TỊCH", "Ky14"))
    _styled(doc, noi_nhan, ("- Lưu: VT, VP.", None))
    _styled(doc, noi_nhan, ("\t\t\t", None), ("Nguyễn Văn A", "Ky14"))
    parts["heading"] = heading
    return doc, parts


def test_hand_written_draft_with_formatting_on_styles_is_clean(tmp_path: Path) -> None:
    doc, _ = hand_written()
    assert lint(doc, tmp_path) == []


def test_hand_written_upright_bases_from_the_style_are_caught(tmp_path: Path) -> None:
    doc, _ = hand_written()
    doc.styles["CanCu"].font.italic = False
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"can-cu-nghieng"} and len(findings) == 2


def test_hand_written_signature_name_style_not_bold_is_caught(tmp_path: Path) -> None:
    doc, _ = hand_written()
    doc.styles["Ky14"].font.bold = False
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"tham-quyen-ky", "nguoi-ky"}, [str(f) for f in findings]


def test_hand_written_padded_march_in_a_tab_column_is_caught(tmp_path: Path) -> None:
    doc, parts = hand_written()
    run = next(r for r in parts["date_para"].runs if "tháng" in r.text)
    run.text = "An Lạc, ngày 05 tháng 03 năm 2020"
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"dia-danh-ngay"}
    assert "«3»" in findings[0].message


def test_hand_written_underlined_recipient_heading_from_style(tmp_path: Path) -> None:
    doc, _ = hand_written()
    doc.styles["NoiNhanDe"].font.underline = True
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"noi-nhan"} and "gạch chân" in findings[0].message


# --- files, options, output --------------------------------------------------------------------------------


def test_a_file_that_is_not_a_docx_is_one_finding(tmp_path: Path) -> None:
    bad = tmp_path / "ghi-chu.docx"
    bad.write_text("không phải tệp Word", encoding="utf-8")
    [finding] = lint_docx(bad)
    assert (finding.rule, finding.severity, finding.where) == ("tep", "error", "ghi-chu.docx")
    assert lint_docx(bad, ignore=["tep"]) == []


def test_ignore_turns_rules_off_and_refuses_unknown_ids(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["number"], "Số: 5/QĐ-UBND")
    fmt(parts["recipients_heading"], underline=True)
    path = tmp_path / "d.docx"
    doc.save(str(path))
    assert rules(lint_docx(path)) == {"so-ky-hieu", "noi-nhan"}
    assert rules(lint_docx(path, ignore=["so-ky-hieu"])) == {"noi-nhan"}
    assert lint_docx(path, ignore=["so-ky-hieu,noi-nhan"]) == []
    with pytest.raises(LintError, match="«so-ky-hieu-x»"):
        lint_docx(path, ignore=["so-ky-hieu-x"])


def test_cli_text_json_and_exit_codes(tmp_path: Path) -> None:
    doc, parts = decision()
    good = tmp_path / "dung.docx"
    doc.save(str(good))
    set_text(parts["date"], "An Lạc, ngày 05 tháng 03 năm 2020")
    bad = tmp_path / "sai.docx"
    doc.save(str(bad))
    result = run("lint", good)
    assert result.exit_code == 0 and "đúng thể thức" in result.output
    result = run("lint", good, bad)
    assert result.exit_code == 6
    assert "lỗi [dia-danh-ngay] «An Lạc, ngày 05 tháng 03 năm 2020»" in result.output
    assert "1 lỗi, 0 cảnh báo" in result.output
    result = run("lint", "--format", "json", bad)
    data = json.loads(result.output)
    assert data["errors"] == 1 and data["files"][0]["findings"][0]["rule"] == "dia-danh-ngay"
    assert run("lint", "--ignore", "dia-danh-ngay", bad).exit_code == 0
    assert run("lint", "--ignore", "khong-co", bad).exit_code == 2


def test_report_counts(tmp_path: Path) -> None:
    doc, parts = decision()
    _landscape(doc, parts)
    path = tmp_path / "ngang.docx"
    doc.save(str(path))
    report = lint_files([path])
    assert (report.errors, report.warnings, report.exit_code) == (0, 1, 0)
    assert "cảnh báo [huong-giay]" in report.to_text()


def test_readme_lists_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Kiểm tra thể thức (lint)"):]
    for rule in RULES:
        assert f"| `{rule}` |" in section, rule


# --- every shipped template with every shipped dataset lints clean -----------------------------------------


# The example office outside Bình Tân holds only what the Phụ lục 3 form needs (its header says so).
FORM_ONLY = {"so-noi-vu-vi-du": "phu-luc-3"}
# Filled by «qdocgen bao-cao» from the results workbook, not from a dataset alone: linted in test_report.py.
RESULTS_ONLY = {"bao-cao-mtcl", "bao-cao-tong-hop"}


def _pairs() -> list[tuple[str, Path]]:
    datasets = sorted(set(p.parent for p in (ROOT / "data").glob("*/*/*.yaml")))
    return [(t.info.name, d) for t in list_templates() if t.builtin and t.info.name not in RESULTS_ONLY
            for d in datasets if FORM_ONLY.get(d.parent.name, t.info.name) == t.info.name]


@pytest.mark.parametrize(("template", "dataset"), _pairs(), ids=[f"{t}-{d.parent.name}" for t, d in _pairs()])
def test_shipped_templates_with_shipped_data_lint_clean(tmp_path: Path, template: str, dataset: Path) -> None:
    report = render_batch(dataset, tmp_path, BatchOptions(template=template))
    assert report.written and set(report.lint) == {p.stem for p in report.written}
    for unit, findings in report.lint.items():
        assert findings == [], (unit, [str(f) for f in findings])
    for path in report.written:
        assert lint_docx(path) == []


def test_batch_summary_counts_findings(tmp_path: Path) -> None:
    result = run("batch", DATASET, "-o", tmp_path, "--only", "quan-binh-tan")
    assert result.exit_code == 0
    assert "0 điểm sai thể thức" in result.output


def test_mixed_case_type_abbreviations_are_not_upper_cased(tmp_path: Path) -> None:
    """NĐ30 Phụ lục III writes TTr, QyĐ and CTr in mixed case: «Số: 15/TTr-UBND» is right."""
    doc, parts = decision()
    set_text(parts["number"], "Số: 15/TTr-UBND")
    path = tmp_path / "to-trinh.docx"
    doc.save(str(path))
    assert "so-ky-hieu" not in rules(lint_docx(path))
