"""Real documents' layouts that look like faults and are right, each beside the fault it resembles (issue 19).

From the documents of the People's Committees of Lâm Đồng and Bình Thuận in the tuning corpus: a landscape page
for a wide table, turned margins on it, a motto whose dashes are not bold, a công văn that opens with «Căn cứ»,
a plan whose bases lead into its own sentence, a tờ trình whose «Căn cứ» follows «Kính gửi:», a police signer's
rank before the name, an internal «PHIẾU TRÌNH», and a one-page document without page numbers; a numbered
paragraph indented by its list, a white anchor word for the e-signature, a name pushed right by spaces in its cell,
recipients in the row under «Nơi nhận:».
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm, Mm, Pt
from test_lint import Parts, _para, _remove, decision, fmt, kind_of, lint, rules, set_text
from test_lint_scope import cong_van


def _wide_page(doc: DocumentObject, rows: int, margins: tuple[float, float, float, float]) -> None:
    """A landscape section at the end holding a table of ``rows`` rows; margins top, bottom, left, right."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in margins)
    table = doc.add_table(rows=rows, cols=3)
    for r in range(rows):
        for c in range(3):
            table.cell(r, c).text = f"{r}.{c}"


def test_a_landscape_page_for_a_wide_table_with_turned_margins_is_right(tmp_path: Path) -> None:
    doc, _ = decision()
    _wide_page(doc, 4, (30, 20, 20, 20))  # bound at its top: NĐ30's 30 mm on the binding side
    assert lint(doc, tmp_path) == []


def test_a_landscape_page_without_a_table_or_with_a_narrow_margin(tmp_path: Path) -> None:
    doc, _ = decision()
    _wide_page(doc, 2, (20, 20, 30, 15))  # the two-row table is no table of data
    findings = lint(doc, tmp_path)
    assert [(f.rule, f.severity) for f in findings] == [("huong-giay", "warning")]
    doc, _ = decision()
    _wide_page(doc, 4, (20, 10, 30, 15))
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"le-trang"} and "dưới 10,0 mm" in findings[0].message


def test_the_mottos_dashes_need_not_be_bold_but_its_words_do(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["motto"], "Độc lập ")
    for text, bold in (("-", False), (" Tự do ", True), ("-", False), (" Hạnh phúc", True)):
        run = parts["motto"].add_run(text)
        run.font.size, run.font.bold = Pt(14), bold
    assert lint(doc, tmp_path) == []
    parts["motto"].runs[2].font.bold = False
    assert rules(lint(doc, tmp_path)) == {"tieu-ngu"}


def test_a_cong_van_opening_with_can_cu_has_no_legal_bases(tmp_path: Path) -> None:
    doc, parts = cong_van()
    set_text(parts["body1"], "Căn cứ Nghị định số 45/2010/NĐ-CP ngày 21/4/2010 của Chính phủ quy định về tổ chức, "
                             "hoạt động và quản lý hội;")
    assert kind_of(doc, tmp_path) == "cong-van"
    assert lint(doc, tmp_path) == []


def _plan(parts: Parts, lead: str) -> None:
    """The decision made a plan whose bases end with «;» and lead into ``lead``."""
    set_text(parts["type"], "KẾ HOẠCH")
    set_text(parts["number"], "Số: 15/KH-UBND")
    set_text(parts["basis3"], "Căn cứ Kế hoạch số 128/KH-UBND ngày 02 tháng 01 năm 2020 của Ủy ban nhân dân quận;")
    fmt(parts["basis3"], italic=True)
    set_text(parts["decision"], lead)
    fmt(parts["decision"], bold=False)
    parts["decision"].alignment = parts["basis3"].alignment
    parts["decision"].paragraph_format.first_line_indent = parts["basis3"].paragraph_format.first_line_indent


def test_bases_leading_into_the_plans_own_sentence_end_with_a_semicolon(tmp_path: Path) -> None:
    doc, parts = decision()
    _plan(parts, "Ủy ban nhân dân phường ban hành Kế hoạch thực hiện Mục tiêu chất lượng năm 2020 như sau:")
    assert lint(doc, tmp_path) == []


def test_bases_before_a_heading_still_end_with_a_full_stop(tmp_path: Path) -> None:
    doc, parts = decision()
    _plan(parts, "I. MỤC ĐÍCH, YÊU CẦU")
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"can-cu-dau-cau"} and "cần «.»" in findings[0].message


def test_can_cu_after_kinh_gui_in_a_to_trinh_is_its_text(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["type"], "TỜ TRÌNH")
    set_text(parts["number"], "Số: 409/TTr-CAT")
    for key in ("authority_line", "basis1", "basis2", "decision", "article1", "article2", "article3"):
        _remove(parts[key])
    set_text(parts["basis3"], "Căn cứ Quyết định số 28/2019/QĐ-TTg ngày 24/8/2019 của Thủ tướng Chính phủ, Công an "
                              "tỉnh đã dự thảo Quyết định thành lập hội đồng cấp tỉnh./.")
    fmt(parts["basis3"], italic=False)
    kinh_gui = _para(doc, "Kính gửi: Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", align="center")
    parts["basis3"]._p.addprevious(kinh_gui._p)
    assert lint(doc, tmp_path) == []
    kinh_gui._p.getparent().remove(kinh_gui._p)  # the same sentence right under the title is a basis
    assert rules(lint(doc, tmp_path)) == {"can-cu-nghieng"}


def test_a_rank_before_the_signers_name_is_still_the_name(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["sign_name"], "Thiếu tướng Trương Minh Đương")
    assert lint(doc, tmp_path) == []
    set_text(parts["sign_name"], "(Đã ký)")
    assert rules(lint(doc, tmp_path)) == {"nguoi-ky-ten"}


def test_a_phieu_trinh_is_no_cong_van(tmp_path: Path) -> None:
    doc, parts = cong_van()
    _remove(parts["vv"])  # a phiếu trình has no «V/v»
    title = _para(doc, "PHIẾU TRÌNH", 16, bold=True, align="center")
    parts["kinh_gui"]._p.addprevious(title._p)
    assert kind_of(doc, tmp_path) == "khac"
    _remove(title)  # the same letter without the title is a công văn
    assert kind_of(doc, tmp_path) == "cong-van"


def test_a_page_and_a_half_needs_page_numbers_a_short_letter_does_not(tmp_path: Path) -> None:
    doc, parts = cong_van()
    _remove(parts["page_number"])
    assert lint(doc, tmp_path) == []
    for _ in range(10):
        parts["body2"]._p.addprevious(_para(doc, "Ủy ban nhân dân phường đã rà soát toàn bộ quy trình giải quyết "
                                                 "thủ tục hành chính, cập nhật tài liệu của Hệ thống quản lý chất "
                                                 "lượng theo Tiêu chuẩn quốc gia.", align="justify")._p)
    assert rules(lint(doc, tmp_path)) == {"so-trang"}


def _typed_header(doc: DocumentObject, parts: Parts) -> None:
    """The header table replaced by lines typed with runs of spaces between the columns (no table, no tab)."""
    table = doc.tables[0]._tbl
    for text, size, bold, italic in (
            ("      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
            ("     PHƯỜNG AN LẠC\t          Độc lập - Tự do - Hạnh phúc", 13, True, False),
            ("     Số:             /UBND-VP                       An Lạc, ngày         tháng 3 năm 2020", 13, False,
             False)):
        p = _para(doc, text, size, bold=bold, italic=italic, align="justify")
        p.paragraph_format.first_line_indent = None
        table.addprevious(p._p)
    table.getparent().remove(table)


def test_a_header_typed_with_runs_of_spaces_reads_as_two_columns(tmp_path: Path) -> None:
    """Runs of 8 spaces and more part the columns; the blanks of the number and the day do not."""
    from qdocgen.lint.document import open_document

    doc, parts = decision()
    _typed_header(doc, parts)
    path = tmp_path / "typed.docx"
    doc.save(str(path))
    model = open_document(path)
    lines = [(line.text, line.col) for para in model.paras[:3] for line in para.lines]
    assert lines == [("ỦY BAN NHÂN DÂN", 0), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("PHƯỜNG AN LẠC", 0),
                     ("Độc lập - Tự do - Hạnh phúc", 1), ("Số:             /UBND-VP", 0),
                     ("An Lạc, ngày         tháng 3 năm 2020", 1)]
    assert "vi-tri-dau-trang" not in rules(lint(doc, tmp_path))


def test_a_space_after_the_slash_of_a_blank_number(tmp_path: Path) -> None:
    doc, parts = decision()
    set_text(parts["number"], "Số:        /QĐ-UBND")  # a draft: the number is given when it is signed
    set_text(parts["date"], "An Lạc, ngày      tháng 3 năm 2020")
    fmt(parts["date"], italic=True, size=Pt(14))
    assert lint(doc, tmp_path) == []
    set_text(parts["number"], "Số:        / QĐ-UBND")
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"so-ky-hieu"} and "sau «/»" in findings[0].message


def test_a_heading_set_close_to_its_text_and_a_label_placed_by_tabs(tmp_path: Path) -> None:
    """6 pt holds above a heading's text too; a dimension placed by tabs («50 mm») is no paragraph of text."""
    doc, parts = decision()
    heading = _para(doc, "1. Mục tiêu chung", align="justify")
    parts["article3"]._p.addprevious(heading._p)
    label = _para(doc, "\t\t\t\t50 mm", 13)
    parts["article3"]._p.addprevious(label._p)
    assert lint(doc, tmp_path) == []
    parts["article3"]._p.addprevious(heading._p)  # the heading right above the article, 0 pt between
    parts["article3"].paragraph_format.space_before = Pt(0)
    heading.paragraph_format.space_after = Pt(0)
    assert rules(lint(doc, tmp_path)) == {"gian-doan"}


def test_a_paragraph_reaching_into_the_margin_is_indented_from_its_own_edge(tmp_path: Path) -> None:
    doc, parts = decision()
    parts["article1"].paragraph_format.left_indent = Cm(-0.2)
    parts["article1"].paragraph_format.first_line_indent = Cm(1.2)
    assert lint(doc, tmp_path) == []
    parts["article1"].paragraph_format.first_line_indent = Cm(1.47)  # 1,27 cm from the margin, 1,47 from its edge
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"thut-dau-dong"} and "1,47" in findings[0].message


def test_a_name_typed_under_the_signature_table(tmp_path: Path) -> None:
    """The signer's name set after the table, pushed right by spaces, is the name; far below it, it is not."""
    doc, parts = decision()
    _remove(parts["sign_name"])
    closing = doc.tables[1]._tbl
    name = _para(doc, "                                                  Nguyễn Văn A", bold=True)
    closing.addnext(name._p)
    assert lint(doc, tmp_path) == []
    for _ in range(14):
        name._p.addprevious(_para(doc, "")._p)
    assert rules(lint(doc, tmp_path)) == {"nguoi-ky-ten"}


def test_a_cong_van_citing_a_text_dated_after_it(tmp_path: Path) -> None:
    """The date of a cited text written «ngày 08/10/2024», in the «Căn cứ ...» sentence that opens a công văn."""
    doc, parts = cong_van()
    set_text(parts["body1"], "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2019 của Chính phủ quy định về tổ chức, "
                             "hoạt động và quản lý hội, Ủy ban nhân dân phường báo cáo như sau.")
    assert lint(doc, tmp_path) == []
    set_text(parts["body1"], "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức, "
                             "hoạt động và quản lý hội, Ủy ban nhân dân phường báo cáo như sau.")
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"ngay-can-cu"} and "08/10/2024" in findings[0].message


def _list_level(doc: DocumentObject, left: int, first_line: int) -> str:
    """A one-level list whose level sets ``left`` and ``firstLine`` (twips); its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="{left}" '
        f'w:firstLine="{first_line}"/></w:pPr></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def test_a_numbered_paragraph_takes_its_left_indent_from_its_list_before_its_style(tmp_path: Path) -> None:
    """«List Paragraph» (left 1,27 cm) in a list whose level says left 0: Word starts the first line at 1,27 cm."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    doc, parts = decision()
    num_id = _list_level(doc, 0, 360)
    article = parts["article1"]
    article.style = doc.styles["List Paragraph"]  # python-docx's own: left 720 twips (1,27 cm)
    article.paragraph_format.first_line_indent = Cm(1.27)
    article._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    assert lint(doc, tmp_path) == []
    numbering = article._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr")
    article._p.pPr.remove(numbering)  # out of the list: the style's 1,27 cm and the first line's 1,27 cm add up
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"thut-dau-dong"} and "2,54" in findings[0].message


def test_a_white_anchor_word_for_the_e_signature_is_not_the_signers_name(tmp_path: Path) -> None:
    """E-office signing tools place the signature image at a word typed in white in the signature gap."""
    from docx.shared import RGBColor

    doc, parts = decision()
    anchor = _para(doc, "Hdfđ", 22, bold=True)
    parts["sign_name"]._p.addprevious(anchor._p)
    anchor.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    assert lint(doc, tmp_path) == []
    anchor.runs[0].font.color.rgb = RGBColor(0, 0, 0)  # the same word in black prints, and is taken for the name
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"nguoi-ky"} and "22 pt" in findings[0].message


def test_a_name_pushed_right_by_spaces_in_the_signature_cell(tmp_path: Path) -> None:
    """«                     Hồ Văn Mười» five empty lines under «CHỦ TỊCH», in the same cell, is the name."""
    doc, parts = decision()
    set_text(parts["sign_name"], " " * 21 + "Nguyễn Văn A")
    parts["sign_name"].alignment = None
    for _ in range(5):
        parts["sign_name"]._p.addprevious(_para(doc, "")._p)
    assert lint(doc, tmp_path) == []
    set_text(parts["sign_name"], " " * 21 + "(Đã ký)")
    assert rules(lint(doc, tmp_path)) == {"nguoi-ky-ten"}


def test_recipients_in_the_row_under_their_heading(tmp_path: Path) -> None:
    """«Nơi nhận:» in a row of its own beside the authority line, the recipients in the cell under it."""
    doc, parts = decision()
    below = doc.tables[1].add_row().cells[0]
    for key in ("recipient1", "recipient2", "luu"):
        below._tc.append(parts[key]._p)
    below._tc.remove(below.paragraphs[0]._p)
    assert lint(doc, tmp_path) == []
    set_text(parts["luu"], "- Lưu: VT, VP")
    findings = lint(doc, tmp_path)
    assert rules(findings) == {"luu"} and "«.»" in findings[0].message


def test_a_body_name_split_over_two_paragraphs_is_one_issuing_body(tmp_path: Path) -> None:
    """«ỦY BAN NHÂN DÂN» / «PHƯỜNG AN LẠC» in two paragraphs (two rows of a header table): one name, all bold."""
    doc, parts = decision()
    _remove(parts["governing"])
    set_text(parts["issuing"], "PHƯỜNG AN LẠC")
    head = _para(doc, "ỦY BAN NHÂN DÂN", 13, bold=True, align="center")
    parts["issuing"]._p.addprevious(head._p)
    assert lint(doc, tmp_path) == []
    fmt(head, bold=False)  # not a governing body: a kind of body names nobody
    findings = lint(doc, tmp_path)
    assert [f.rule for f in findings] == ["co-quan-ban-hanh"] and "in đậm" in findings[0].message


def test_a_first_line_indented_by_one_tab_is_running_text(tmp_path: Path) -> None:
    """«\\tĐiều 2. ...»: the tab is the first-line indent; the paragraph's spacing is still judged."""
    doc, parts = decision()
    for key in ("article2", "article3"):
        parts[key].paragraph_format.first_line_indent = Cm(0)
        parts[key].runs[0].text = "\t" + parts[key].runs[0].text
        parts[key].paragraph_format.space_before = Pt(6)
    assert lint(doc, tmp_path) == []
    for key in ("article2", "article3"):
        parts[key].paragraph_format.space_before = Pt(0)
        parts[key].paragraph_format.space_after = Pt(0)
    assert rules(lint(doc, tmp_path)) == {"gian-doan"}


def test_a_three_row_header_table_is_no_table_of_data(tmp_path: Path) -> None:
    """A landscape page is allowed for a table of data, not for the header's own three rows."""
    doc, _ = decision()
    doc.tables[0].add_row()
    assert lint(doc, tmp_path) == []
    section = doc.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    assert [(f.rule, f.severity) for f in lint(doc, tmp_path)] == [("huong-giay", "warning")]


def test_a_name_three_rows_under_the_title(tmp_path: Path) -> None:
    """A signature table of four rows: the title in the first, the signature's space, the name in the fourth."""
    doc, parts = decision()
    closing = doc.tables[1]
    rows = [closing.add_row() for _ in range(3)]
    rows[-1].cells[1]._tc.append(parts["sign_name"]._p)
    assert lint(doc, tmp_path) == []
    set_text(parts["sign_name"], "(Đã ký)")
    assert rules(lint(doc, tmp_path)) == {"nguoi-ky-ten"}
