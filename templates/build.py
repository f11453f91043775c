"""Build the shipped .docx templates, reproducibly: ``python templates/build.py`` (or ``make templates``).

The templates are ordinary Word documents with Jinja tags that a template author can open and edit in
Word or LibreOffice; this script is how the shipped ones are made, so that a layout change is a reviewed
code change. Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I (see shared nd30.md).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from qdocgen.oxml import package as oxml  # noqa: E402

FIXED_TIME = dt.datetime(2020, 3, 5, 0, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2020, 3, 5, 0, 0, 0)

# Page (NĐ30 P1 I.1-3): A4 portrait; top/bottom 20 mm, left 30 mm, right 15 mm.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20.0, 20.0, 30.0, 15.0
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
BODY_PT = 14
INDENT = Mm(10)  # first-line indent 1 cm (NĐ30 P1 II.6e)

LEFT_COL, RIGHT_COL = 68.0, TEXT_W - 68.0  # header block: issuing body | national title
# Rules (NĐ30 P1 II.1b, 2b, 5b): under the issuing body and the summary 1/3 to 1/2 of the line above,
# under the motto as long as the motto (measured on the PDF: 57 mm at 14 pt bold).
ISSUER_RULE, MOTTO_RULE, SUMMARY_RULE, APPENDIX_RULE = 20.0, 57.0, 55.0, 40.0
SIGN_COL = 72.0  # signature block; the recipients take the rest, so their lines rarely wrap


def setup_document(doc: DocumentObject) -> None:
    """Page, fonts and the Normal style: Times New Roman everywhere, black, Vietnamese."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    styles = doc.styles.element
    defaults = styles.find(oxml.w("docDefaults"))
    rpr_default = oxml.child(oxml.child(defaults, "rPrDefault"), "rPr")
    oxml.set_fonts(rpr_default)
    for style_rpr in styles.iter(oxml.w("rPr")):
        fonts = style_rpr.find(oxml.w("rFonts"))
        if fonts is not None:
            oxml.set_fonts(style_rpr)
    for el in styles.iter(oxml.w("rPr")):
        oxml.set_attrs(oxml.child(el, "lang"), val="vi-VN", eastAsia="vi-VN", bidi="ar-SA")
        color = el.find(oxml.w("color"))
        if color is not None:
            oxml.set_attrs(color, val="000000")
            for attr in list(color.attrib):
                if attr.startswith(oxml.w("theme")):
                    del color.attrib[attr]

    normal = doc.styles["Normal"]
    normal.font.name = oxml.FONT
    normal.font.size = Pt(BODY_PT)
    oxml.set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    core = doc.core_properties
    core.author = core.last_modified_by = "qdocgen"
    # The title is filled like the body: each decision's file and PDF carry its own summary as their title.
    core.title = '{{ trich_yeu | replace("\\n", " ") }}'
    core.comments = ""
    core.created = core.modified = FIXED_TIME
    core.revision = 1


def para(container: DocumentObject | _Cell, text: str = "", *, size: float = BODY_PT, bold: bool = False,
         italic: bool = False, align: str = "left", indent: bool = False, before: float = 0,
         after: float = 0, keep_next: bool = False) -> Paragraph:
    """A paragraph with one run, formatted directly (so that the layout survives any style changes)."""
    p = container.add_paragraph()
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = INDENT
    if keep_next:
        fmt.keep_with_next = True
    if text:
        run_(p, text, size=size, bold=bold, italic=italic)
    # The paragraph mark gets the same size, so that empty and tag-only paragraphs keep their height.
    mark = p._p.get_or_add_pPr()
    mark_rpr = oxml.child(mark, "rPr")
    oxml.set_fonts(mark_rpr)
    oxml.set_attrs(oxml.child(mark_rpr, "sz"), val=int(size * 2))
    oxml.set_attrs(oxml.child(mark_rpr, "szCs"), val=int(size * 2))
    return p


def run_(p: Paragraph, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False) -> None:
    """Append a run with explicit font, size and style."""
    r = p.add_run(text)
    r.font.name = oxml.FONT
    r.font.size = Pt(size)
    r.font.bold = bold
    r.font.italic = italic
    oxml.set_fonts(r._r.get_or_add_rPr())


def tag_para(container: DocumentObject | _Cell, tag: str) -> None:
    """A paragraph holding only a ``{%p ... %}`` tag: docxtpl removes the whole paragraph at render time."""
    para(container, tag, size=2)


RULE_GAP_PT = 4  # clear of the descenders above: a rule, not underlined words

def rule(container: DocumentObject | _Cell, width_mm: float, box_mm: float, after: float = 0) -> None:
    """A solid centred line ``width_mm`` long, drawn as the top border of a tiny empty paragraph."""
    p = para(container, size=2)
    side = max((box_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    p.paragraph_format.space_before = Pt(RULE_GAP_PT)
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.line_spacing = Pt(2)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    oxml.paragraph_border(p._p.get_or_add_pPr(), "top", size_eighths=6, space=0)


def grid_table(container: DocumentObject | _Cell, rows: int, widths_mm: list[float], *,
               borders: bool) -> Table:
    """A fixed-layout table with the given column widths."""
    table = container.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = table._tbl.tblPr
    if borders:
        oxml.table_all_borders(tblpr)
        oxml.table_cell_margins(tblpr, oxml.mm(1.5), oxml.mm(1.5))
    else:
        oxml.table_no_borders(tblpr)
        oxml.table_cell_margins(tblpr, 0, 0)
    oxml.table_fixed_layout(tblpr, oxml.mm(sum(widths_mm)))
    for i, width in enumerate(widths_mm):
        table.columns[i].width = Mm(width)
        for cell in table.columns[i].cells:
            cell.width = Mm(width)
    for cell in table._cells:
        # python-docx gives every new cell one empty paragraph; the builders add their own.
        for p in list(cell.paragraphs):
            p._p.getparent().remove(p._p)
    return table


def cell_end(cell: _Cell) -> None:
    """A cell must end with a paragraph; add an empty one where a builder left none."""
    if not cell.paragraphs:
        para(cell, size=2)


def header_block(doc: DocumentObject) -> None:
    """Ô 1-4: governing and issuing body | national title and motto; number | place and date."""
    table = grid_table(doc, 2, [LEFT_COL, RIGHT_COL], borders=False)
    left, right = table.cell(0, 0), table.cell(0, 1)
    tag_para(left, "{%p if co_quan_chu_quan %}")
    para(left, "{{ co_quan_chu_quan | ten_dau_trang }}", size=13, align="center")
    tag_para(left, "{%p endif %}")
    para(left, "{{ co_quan | ten_dau_trang }}", size=13, bold=True, align="center")
    rule(left, ISSUER_RULE, LEFT_COL)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align="center")
    para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align="center")
    rule(right, MOTTO_RULE, RIGHT_COL)
    number, place = table.cell(1, 0), table.cell(1, 1)
    para(number, "{{ so | so_van_ban(ky_hieu) }}", size=13, align="center", before=6)
    para(place, "{{ ngay_ban_hanh | dia_danh_ngay(dia_danh, nam) }}", size=14, italic=True,
         align="center", before=6)


def title_block(doc: DocumentObject) -> None:
    """Ô 5: type name and summary (broken at a phrase boundary) with its rule, then the authority line."""
    para(doc, "QUYẾT ĐỊNH", size=14, bold=True, align="center", before=18, keep_next=True)
    para(doc, "{{ trich_yeu | ngat_dong }}", size=14, bold=True, align="center", keep_next=True)
    rule(doc, SUMMARY_RULE, TEXT_W)
    para(doc, "{{ nb.tham_quyen | chu_hoa }}", size=14, bold=True, align="center",
         before=12, after=6, keep_next=True)


def legal_bases(doc: DocumentObject) -> None:
    """Căn cứ: italic, one per line, ";" after each, "." after the last (NĐ30 P1 II.6a)."""
    tag_para(doc, "{%p for cc in can_cu %}")
    para(doc, "{{ cc | can_cu }}{{ '.' if loop.last and not de_nghi else ';' }}", italic=True,
         align="justify", indent=True, after=6)
    tag_para(doc, "{%p endfor %}")
    tag_para(doc, "{%p if de_nghi %}")
    para(doc, "Xét đề nghị của {{ de_nghi.nguoi }}{% if de_nghi.van_ban %} tại "
         "{{ trich_dan(de_nghi.van_ban, de_nghi.so, de_nghi.ngay) }}{% endif %}.",
         italic=True, align="justify", indent=True, after=6)
    tag_para(doc, "{%p endif %}")


def tab_stop(p: Paragraph) -> None:
    """A right tab stop at the right margin: an item's value ("≥98%") aligns there."""
    ppr = p._p.get_or_add_pPr()
    tabs = oxml.child(ppr, "tabs", before=("suppressAutoHyphens", "spacing", "ind", "jc", "rPr"))
    oxml.set_attrs(oxml.child(tabs, "tab"), val="right", pos=oxml.mm(TEXT_W))


def content_lines(container: DocumentObject | _Cell, items: str) -> None:
    """Each structured paragraph (khoản, điểm, "-", "+", headings) its own paragraph, numbered by qdocgen.

    NĐ30 P1 II.6đ,e: body size, upright, first-line indent 1 cm, 6 pt after; headings bold. The last one of the
    last article is kept with the signature block (``d.giu``), so that it never stands alone on a page.
    """
    tag_para(container, f"{{%p for d in {items} %}}")
    variants = [("d.dam and d.giu", True, True), ("d.dam", True, False), ("d.giu", False, True), ("", False, False)]
    for i, (test, bold, keep) in enumerate(variants):
        tag_para(container, f"{{%p {'if' if i == 0 else 'elif'} {test} %}}" if test else "{%p else %}")
        p = para(container, "{{ d.so }}{{ d.noi_dung }}{{ d.gia_tri }}", bold=bold, align="justify",
                 indent=True, after=6, keep_next=keep)
        tab_stop(p)
    tag_para(container, "{%p endif %}")
    tag_para(container, "{%p endfor %}")


def article_line(doc: DocumentObject, keep: bool) -> None:
    """Điều N. (and its title) in bold, then the article's first paragraph upright (NĐ30 P1 II.6đ)."""
    p = para(doc, "Điều {{ a.so }}.{% if a.tieu_de %} {{ a.tieu_de }}{% endif %}", bold=True, align="justify",
             indent=True, after=6, keep_next=keep)
    run_(p, "{% if a.mo_dau %} {{ a.mo_dau }}{% endif %}")


def articles(doc: DocumentObject) -> None:
    """QUYẾT ĐỊNH: and the articles: a string, or structured paragraphs (qdocgen.data.content)."""
    para(doc, "QUYẾT ĐỊNH:", size=14, bold=True, align="center", before=6, after=6, keep_next=True)
    tag_para(doc, "{%p for a in dieu | cac_dieu %}")
    tag_para(doc, "{%p if a.giu %}")
    article_line(doc, keep=True)
    tag_para(doc, "{%p else %}")
    article_line(doc, keep=False)
    tag_para(doc, "{%p endif %}")
    content_lines(doc, "a.cac_doan")
    tag_para(doc, "{%p endfor %}")


def issuer_tag(doc: DocumentObject) -> None:
    """``nb``: who issues (``ban_hanh``); the authority line, the appendix's reference line and signature follow."""
    tag_para(doc, "{%p set nb = ban_hanh_boi(ban_hanh | default('uy_ban'), co_quan, tham_quyen | default(''), "
                  "nguoi_ky) %}")


def signature(cell: _Cell) -> None:
    """Ô 7: authority and title lines from the issuer (TM., KT.), room for signature and seal, the name bold."""
    tag_para(cell, "{%p for dong in nb.cac_dong_ky %}")
    para(cell, "{{ dong | chu_hoa }}", bold=True, align="center")
    tag_para(cell, "{%p endfor %}")
    for _ in range(4):
        para(cell)
    para(cell, "{{ nguoi_ky.ho_ten }}", bold=True, align="center")


def signature_cell(doc: DocumentObject, width_mm: float) -> _Cell:
    """A borderless row kept on one page, empty on the left: the cell on the right holds the signature."""
    table = grid_table(doc, 1, [TEXT_W - width_mm, width_mm], borders=False)
    oxml.row_cant_split(table.rows[0]._tr.get_or_add_trPr())
    cell_end(table.cell(0, 0))
    return table.cell(0, 1)


def closing_block(doc: DocumentObject) -> None:
    """Nơi nhận (12 pt bold italic, lines 11 pt) beside the signature block."""
    table = grid_table(doc, 1, [TEXT_W - SIGN_COL, SIGN_COL], borders=False)
    oxml.row_cant_split(table.rows[0]._tr.get_or_add_trPr())
    recipients, sign = table.cell(0, 0), table.cell(0, 1)
    para(recipients, "Nơi nhận:", size=12, bold=True, italic=True, before=6)
    tag_para(recipients, "{%p for nn in noi_nhan %}")
    para(recipients, "- {{ nn }};", size=11)
    tag_para(recipients, "{%p endfor %}")
    para(recipients, "- Lưu: {{ luu }}.", size=11)
    para(sign, size=6)
    signature(sign)


def section_break(doc: DocumentObject) -> None:
    """A tiny paragraph ending the section before it: each appendix starts a page, numbered from 1 (NĐ30 III)."""
    body_sectpr = doc.element.body.find(oxml.w("sectPr"))
    p = para(doc, size=2)
    p.paragraph_format.line_spacing = Pt(1)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p._p.get_or_add_pPr().append(copy.deepcopy(body_sectpr))


def appendix_heading(doc: DocumentObject) -> None:
    """Phụ lục I (only when two or more), the title, the reference line with its rule (NĐ30 P1 III.1)."""
    tag_para(doc, "{%p if pl.so %}")
    para(doc, "Phụ lục {{ pl.so }}", size=14, bold=True, align="center", keep_next=True)
    tag_para(doc, "{%p endif %}")
    para(doc, "{{ pl.tieu_de | chu_hoa }}", size=14, bold=True, align="center", keep_next=True)
    p = para(doc, "({{ pl.kem_theo }} Quyết định số {{ so | so_hieu(ky_hieu) }} "
             "{{ ngay_ban_hanh | ngay(nam) }}", size=14, italic=True, align="center", keep_next=True)
    p.runs[0].add_break()
    run_(p, "của {{ nb.cua }})", italic=True)
    rule(doc, APPENDIX_RULE, TEXT_W, after=12)


def objectives_appendix(doc: DocumentObject) -> None:
    """The objectives appendix: the policy and motto, the lead-in, the table, the reporting requirements."""
    tag_para(doc, "{%p if pl.chinh_sach %}")
    para(doc, "{{ pl.chinh_sach }}", align="justify", indent=True, after=6)
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p if pl.phuong_cham %}")
    para(doc, "“{{ pl.phuong_cham | chu_hoa }}”", bold=True, align="center", after=6)
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p if pl.gioi_thieu %}")
    p = para(doc, "{{ pl.gioi_thieu }}", align="justify", indent=True, after=6, keep_next=True)
    run_(p, "{% if pl.tinh_den %} {{ pl.tinh_den }}{% endif %}", bold=True)
    run_(p, ":")
    tag_para(doc, "{%p endif %}")
    objectives_table(doc)
    tag_para(doc, "{%p if pl.bao_cao_mo_dau %}")
    para(doc, "{{ pl.bao_cao_mo_dau }}", align="justify", indent=True, before=12, after=6)
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p for bc in pl.bao_cao %}")
    para(doc, "{{ loop.index }}. {{ bc }}", align="justify", indent=True, after=6)
    tag_para(doc, "{%p endfor %}")
    content_lines(doc, "pl.cac_doan")


def appendix(doc: DocumentObject) -> None:
    """Each appendix of ``phu_luc | cac_phu_luc``, on its own pages numbered from 1 (NĐ30 P1 III)."""
    tag_para(doc, "{%p for pl in phu_luc | default(none) | cac_phu_luc(co_quan, nam) %}")
    section_break(doc)
    appendix_heading(doc)
    tag_para(doc, '{%p if pl.loai == "muc_tieu" %}')
    objectives_appendix(doc)
    tag_para(doc, "{%p else %}")
    content_lines(doc, "pl.cac_doan")
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p if pl.chu_ky %}")
    sign = signature_cell(doc, SIGN_COL)
    para(sign, size=6)
    signature(sign)
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p if pl.ghi_chu %}")
    para(doc, "Ghi chú:", bold=True, italic=True, before=12, after=6)
    tag_para(doc, "{%p for gc in pl.ghi_chu %}")
    para(doc, "{{ loop.index }}. {{ gc }}", size=13, italic=True, align="justify", indent=True, after=3)
    tag_para(doc, "{%p endfor %}")
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p endfor %}")


TABLE_PT = 12
LOOP_COL, ONE_COL = 8.0, TEXT_W - 16.0  # the template's grid: loop tags | one column | loop tags


def _row_tag(row: Any, tag: str) -> None:
    """A row that holds only a ``{%tr ... %}`` tag: docxtpl replaces the whole row with the tag."""
    para(row.cells[0], tag, size=2)
    for cell in row.cells:
        cell_end(cell)


def objectives_table(doc: DocumentObject) -> None:
    """The objectives table: columns, their headings and widths from the data.

    Columns loop with ``{%tc for %}`` and take their widths with ``{% do_rong %}``; the header row repeats on
    every page; group rows span the table; one row per objective.
    """
    table = grid_table(doc, 8, [LOOP_COL, ONE_COL, LOOP_COL], borders=True)
    header, loop_start, if_group, group, else_row, body, endif_row, loop_end = table.rows
    oxml.row_repeat_header(header._tr.get_or_add_trPr())
    for row in (header, group, body):
        oxml.row_cant_split(row._tr.get_or_add_trPr())
    para(header.cells[0], "{%tc for c in pl.cot %}", size=2)
    para(header.cells[1], "{% do_rong c.do_rong %}{{ c.chu }}", size=TABLE_PT, bold=True, align="center",
         before=3, after=3)
    para(header.cells[2], "{%tc endfor %}", size=2)
    _row_tag(loop_start, "{%tr for h in pl.hang %}")
    _row_tag(if_group, "{%tr if h.nhom %}")
    for c in group.cells:
        cell_end(c)
    merged = group.cells[0].merge(group.cells[2])
    for p in list(merged.paragraphs):
        p._p.getparent().remove(p._p)
    para(merged, "{% colspan pl.so_cot %}{{ h.nhom }}", size=TABLE_PT, bold=True, align="left",
         before=3, after=3, keep_next=True)
    _row_tag(else_row, "{%tr else %}")
    para(body.cells[0], "{%tc for o in h.o %}", size=2)
    # Left-aligned: justified text in narrow columns opens wide gaps between words; the number is centred.
    cell = body.cells[1]
    tag_para(cell, "{%p if o.giua %}")
    para(cell, "{% do_rong o.do_rong %}{{ o.chu }}", size=TABLE_PT, align="center", before=3, after=3)
    tag_para(cell, "{%p else %}")
    para(cell, "{{ o.chu }}", size=TABLE_PT, align="left", before=3, after=3)
    tag_para(cell, "{%p endif %}")
    para(body.cells[2], "{%tc endfor %}", size=2)
    _row_tag(endif_row, "{%tr endif %}")
    _row_tag(loop_end, "{%tr endfor %}")


def page_header(doc: DocumentObject) -> None:
    """Page numbers centred in the top margin, none on page 1 (NĐ30 P1 I.7)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rpr = oxml.etree.Element(oxml.w("rPr"))
    oxml.set_fonts(rpr)
    oxml.set_attrs(oxml.child(rpr, "sz"), val=BODY_PT * 2)
    oxml.page_field_runs(p._p, rpr)
    first = section.first_page_header.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER


def blank_document() -> DocumentObject:
    """python-docx's stock document emptied, with the page, fonts and styles set up."""
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(oxml.w("p"))):
        body.remove(p)
    setup_document(doc)
    return doc


def build_decision() -> DocumentObject:
    """The decision issuing the year's quality objectives, with its appendices (none, one or several)."""
    doc = blank_document()
    page_header(doc)
    oxml.page_number_start(doc.sections[0]._sectPr, 1)
    issuer_tag(doc)
    header_block(doc)
    title_block(doc)
    legal_bases(doc)
    articles(doc)
    closing_block(doc)
    appendix(doc)
    oxml.preserve_space(doc.element)
    return doc


FORM_SIGN_COL = RIGHT_COL  # the place-and-date line of a ward ("Bình Hưng Hòa B, ngày ...") needs the width


def build_phu_luc_3() -> DocumentObject:
    """Phụ lục 3: the office's own "MỤC TIÊU CHẤT LƯỢNG NĂM ..." form, one page, signed by its head."""
    doc = blank_document()
    doc.core_properties.title = "Mục tiêu chất lượng năm {{ nam }}"
    page_header(doc)
    # Ô 2 only: the form has no national title; the office's name sits top left as in every document.
    table = grid_table(doc, 1, [LEFT_COL, RIGHT_COL], borders=False)
    left = table.cell(0, 0)
    tag_para(left, "{%p if co_quan_chu_quan %}")
    para(left, "{{ co_quan_chu_quan | ten_dau_trang }}", size=13, align="center")
    tag_para(left, "{%p endif %}")
    para(left, "{{ co_quan | ten_dau_trang }}", size=13, bold=True, align="center")
    rule(left, ISSUER_RULE, LEFT_COL)
    cell_end(table.cell(0, 1))
    para(doc, "MỤC TIÊU CHẤT LƯỢNG NĂM {{ nam }}", size=14, bold=True, align="center", before=24, after=18,
         keep_next=True)
    para(doc, "Thông qua việc áp dụng, duy trì, cải tiến thường xuyên Hệ thống quản lý chất lượng, "
         "{{ co_quan }} đảm bảo thực hiện các mục tiêu sau:", align="justify", indent=True, after=6)
    # The same objectives as the decision's, wherever the data holds them, groups included.
    tag_para(doc, "{%p for d in cac_muc_tieu(dieu | default([]), phu_luc | default(none)) %}")
    tag_para(doc, "{%p if d.dam %}")
    para(doc, "{{ d.noi_dung }}", bold=True, align="justify", indent=True, after=6, keep_next=True)
    tag_para(doc, "{%p else %}")
    para(doc, "{{ d.so }}{{ d.noi_dung }}", align="justify", indent=True, after=6)
    tag_para(doc, "{%p endif %}")
    tag_para(doc, "{%p endfor %}")
    sign = signature_cell(doc, FORM_SIGN_COL)
    para(sign, "{{ ngay_ban_hanh | dia_danh_ngay(dia_danh, nam) }}", italic=True, align="center", before=12)
    tag_para(sign, "{%p if nguoi_ky.tham_quyen %}")
    para(sign, "{{ nguoi_ky.tham_quyen | chu_hoa }}", bold=True, align="center")
    tag_para(sign, "{%p endif %}")
    para(sign, "{{ nguoi_ky.chuc_vu | chu_hoa }}", bold=True, align="center")
    para(sign, "(ký tên, đóng dấu)", italic=True, align="center")
    for _ in range(4):
        para(sign)
    para(sign, "{{ nguoi_ky.ho_ten }}", bold=True, align="center")
    oxml.preserve_space(doc.element)
    return doc


REPORT_COLUMNS = [
    ("STT", 12.0, "{{ r.stt }}"),
    ("Mục tiêu", 45.0, "{{ r.muc_tieu }}"),
    ("Chỉ tiêu", 24.0, "{{ r.chi_tieu }}"),
    ("Kết quả", 22.0, "{{ r.ket_qua }}"),
    ("Đánh giá", 20.0, "{{ r.danh_gia }}"),
    ("Nguyên nhân, biện pháp", 42.0, "{{ r.nguyen_nhan_bien_phap }}"),
]
ROLLUP_COLUMNS = [
    ("STT", 12.0, "{{ loop.index }}"),
    ("Đơn vị", 46.0, "{{ r.don_vi }}"),
    ("Đạt", 13.0, "{{ r.dat }}"),
    ("Không đạt", 15.0, "{{ r.khong_dat }}"),
    ("Chưa có số liệu", 17.0, "{{ r.chua_co }}"),
    ("Mục tiêu không đạt", 62.0, "{{ r.muc_tieu_khong_dat }}"),
]
# A one-pixel PNG, written here so that the build gives the same bytes every time; each report replaces it.
CHART_PLACEHOLDER = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63f8ffff3f0005fe02fe"
    "0def46b80000000049454e44ae426082")
CHART_W, CHART_H = 150.0, 75.0


def report_title(doc: DocumentObject) -> None:
    """Ô 5: BÁO CÁO and its summary (the period: năm N, 6 tháng đầu năm N), with the rule under it."""
    para(doc, "BÁO CÁO", size=14, bold=True, align="center", before=18, keep_next=True)
    para(doc, "{{ trich_yeu }}", size=14, bold=True, align="center", keep_next=True)
    rule(doc, 50, TEXT_W)


def results_table(doc: DocumentObject, columns: list[tuple[str, float, str]], loop: str) -> None:
    """A bordered table with a repeated header row and one row per item of ``loop``."""
    table = grid_table(doc, 4, [c[1] for c in columns], borders=True)
    header, loop_start, body, loop_end = table.rows
    oxml.row_repeat_header(header._tr.get_or_add_trPr())
    for row in (header, body):
        oxml.row_cant_split(row._tr.get_or_add_trPr())
    for i, (title, _, value) in enumerate(columns):
        para(header.cells[i], title, size=TABLE_PT, bold=True, align="center", before=3, after=3)
        para(body.cells[i], value, size=TABLE_PT, align="left" if i in (1, len(columns) - 1) else "center",
             before=3, after=3)
    para(loop_start.cells[0], "{%tr for r in " + loop + " %}", size=2)
    para(loop_end.cells[0], "{%tr endfor %}", size=2)
    for row in (loop_start, loop_end):
        for cell in row.cells:
            cell_end(cell)


def chart(doc: DocumentObject) -> None:
    """The chart (a picture the report fills in), centred, with its caption; left out when there is none."""
    tag_para(doc, "{%p if bieu_do %}")
    p = para(doc, align="center", before=12, keep_next=True)
    p.add_run().add_picture(io.BytesIO(CHART_PLACEHOLDER), width=Mm(CHART_W), height=Mm(CHART_H))
    para(doc, "{{ bieu_do }}", size=12, italic=True, align="center", after=6)
    tag_para(doc, "{%p endif %}")


def report_body(doc: DocumentObject, columns: list[tuple[str, float, str]], loop: str) -> None:
    """Opening, I. results (table, chart), II. assessment, closing sentence; then recipients and signature."""
    tag_para(doc, "{%p for doan in mo_dau %}")
    para(doc, "{{ doan }}", align="justify", indent=True, before=12, after=6)
    tag_para(doc, "{%p endfor %}")
    para(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True, align="justify", indent=True, after=6, keep_next=True)
    results_table(doc, columns, loop)
    chart(doc)
    para(doc, "II. ĐÁNH GIÁ CHUNG", bold=True, align="justify", indent=True, before=12, after=6, keep_next=True)
    tag_para(doc, "{%p for doan in ket_luan %}")
    para(doc, "{{ doan }}", align="justify", indent=True, after=6)
    tag_para(doc, "{%p endfor %}")
    closing_block(doc)


def build_report() -> DocumentObject:
    """BÁO CÁO Kết quả thực hiện Mục tiêu chất lượng (năm N, 6 tháng đầu năm N) of one unit (NĐ30, Phụ lục III)."""
    doc = blank_document()
    page_header(doc)
    issuer_tag(doc)
    header_block(doc)
    report_title(doc)
    report_body(doc, REPORT_COLUMNS, "bang")
    oxml.preserve_space(doc.element)
    return doc


def build_rollup() -> DocumentObject:
    """The superior body's roll-up: which units reached, missed or did not report which objectives."""
    doc = blank_document()
    page_header(doc)
    issuer_tag(doc)
    header_block(doc)
    report_title(doc)
    report_body(doc, ROLLUP_COLUMNS, "bang")
    oxml.preserve_space(doc.element)
    return doc


def save_reproducibly(doc: DocumentObject, path: Path) -> None:
    """Save with fixed zip timestamps, so that building twice gives the same bytes."""
    raw = io.BytesIO()
    oxml.zoom_with_percent(doc.settings.element)
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue  # python-docx's stock thumbnail shows another document
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml" or info.filename == "_rels/.rels":
                data = data.replace(b'<Override PartName="/docProps/thumbnail.jpeg" '
                                    b'ContentType="image/jpeg"/>', b"")
                data = data.replace(b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                                    b'package/2006/relationships/metadata/thumbnail" '
                                    b'Target="docProps/thumbnail.jpeg"/>', b"")
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


TEMPLATES = {"quyet-dinh-mtcl.docx": build_decision, "phu-luc-3.docx": build_phu_luc_3,
             "bao-cao-mtcl.docx": build_report, "bao-cao-tong-hop.docx": build_rollup}


def main(argv: list[str]) -> int:
    """Build every template into the folder given (default: this one)."""
    target = Path(argv[1]) if len(argv) > 1 else HERE
    target.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        save_reproducibly(build(), target / name)
        print(f"đã dựng {target / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
