"""The register printed: a landscape A4 .docx laid out as NĐ30 Phụ lục IV's book, and the same rows in .xlsx.

The .docx has the book's first page (governing body, office, «SỔ ĐĂNG KÝ VĂN BẢN ĐI», year, date range, number
range, book number), then per book one table with the ten columns of the form, numbered (1) to (10), whose
heading rows repeat on every page. The .xlsx has the same ten columns, then the file, its SHA-256, who
registered it and when, for checking the files against the register. Both are written atomically and never
over an existing file without ``force``.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qdocgen.errors import RegisterError
from qdocgen.output import check_writable, write_atomic
from qdocgen.oxml import package as ox
from qdocgen.register import db
from qdocgen.register.book import rows as read_rows
from qdocgen.vnformat import pad_day, pad_month

HEADINGS = ("Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
            "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận",
            "Ghi chú")
EXTRA_HEADINGS = ("Tệp", "SHA-256", "Người đăng ký", "Thời điểm đăng ký", "Trạng thái")
WIDTHS_MM = (30, 24, 50, 26, 41, 22, 16, 16, 14, 28)  # 267 mm: A4 landscape less 20 mm and 10 mm margins
FONT = "Times New Roman"
_CENTRED = (0, 1, 6, 7)  # number, date, copies, date sent


@dataclass(frozen=True)
class Printed:
    """The files written for one year's register of one office."""

    docx: Path
    xlsx: Path
    rows: list[db.Row]


def short_date(value: datetime.date) -> str:
    """A date in the register's cells, NĐ30's padding: 05/02/2026, 05/3/2026, 31/12/2026."""
    return f"{pad_day(value.day)}/{pad_month(value.month)}/{value.year}"


def cells(row: db.Row) -> list[str]:
    """The ten columns of one row as printed."""
    return [row.so_ky_hieu, short_date(row.date), row.ten_loai_trich_yeu, row.nguoi_ky,
            "; ".join(row.noi_nhan.splitlines()), row.don_vi_luu,
            "" if row.so_luong_ban is None else str(row.so_luong_ban), row.ngay_chuyen, row.ky_nhan, row.ghi_chu]


def _select(register: Path | None, year: int, unit: str | None) -> list[db.Row]:
    """The rows to print: one office's, of one year; refuses none or several offices."""
    found = read_rows(register, year, unit)
    if not found:
        who = f" của đơn vị {unit}" if unit else ""
        raise RegisterError(f"sổ năm {year}{who} chưa có số nào; xem các năm đã có bằng «qdocgen so-di danh-sach».")
    units = sorted({r.don_vi for r in found})
    if len(units) > 1:
        raise RegisterError(f"sổ năm {year} có số của nhiều đơn vị ({', '.join(units)}); mỗi đơn vị một sổ: "
                            "chọn một bằng --don-vi.")
    return found


def _books(found: Sequence[db.Row]) -> list[tuple[str, list[db.Row]]]:
    """The rows by book (one book per office, or one per symbol), each in number order."""
    names = sorted({r.quyen for r in found})
    return [(name, [r for r in found if r.quyen == name]) for name in names]


def print_register(year: int, output: Path | None = None, register: Path | None = None, unit: str | None = None,
                   force: bool = False) -> Printed:
    """Write the register of ``year`` (one office's) as ``.docx`` and ``.xlsx`` side by side."""
    found = _select(register, year, unit)
    stem = output.with_suffix("") if output is not None else Path(f"so-di-{found[0].don_vi}-{year}")
    docx_path, xlsx_path = stem.with_name(stem.name + ".docx"), stem.with_name(stem.name + ".xlsx")
    for path in (docx_path, xlsx_path):
        check_writable(path, force)
    write_atomic(docx_path, register_docx(found, year), force=force)
    write_atomic(xlsx_path, register_xlsx(found, year), force=force)
    return Printed(docx_path, xlsx_path, found)


def cover_lines(found: Sequence[db.Row], year: int) -> list[str]:
    """The book's first page after the office names: year, date range, number range, book number."""
    first, last = min(found, key=lambda r: (r.date, r.so)), max(found, key=lambda r: (r.date, r.so))
    numbers = sorted(r.so for r in found)
    return [f"Năm: {year}", f"Từ ngày {short_date(first.date)} đến ngày {short_date(last.date)}",
            f"Từ số {numbers[0]:02d} đến số {numbers[-1]:02d}", "Quyển số: 01"]


def _to_bytes(document: Any) -> bytes:
    """A python-docx or openpyxl document saved to bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- .docx ---------------------------------------------------------------------------------------------------


def _run(paragraph: Any, text: str, size: float, bold: bool = False, italic: bool = False) -> None:
    """Add a run of text in Times New Roman at ``size`` points."""
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic


def _para(container: Any, text: str, size: float, *, bold: bool = False, italic: bool = False,
          center: bool = True, before: float = 0, after: float = 0) -> Any:
    """Add a paragraph (centred unless told), with its spacing before and after in points."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = container.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _page(document: Any) -> None:
    """A4 landscape, margins for a bound book, Times New Roman; page numbers centred at the top from page 2."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(15)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    ox.set_fonts(style.element.get_or_add_rPr())
    section.header_distance = Mm(7)
    section.different_first_page_header_footer = True  # the book's first page carries no number
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ox.page_field_runs(number._p)


def _cover(document: Any, found: Sequence[db.Row], year: int) -> None:
    """The book's first page: office names, title, year, date and number ranges, book number."""
    from docx.enum.text import WD_BREAK

    first = found[0]
    if first.co_quan_chu_quan:
        _para(document, first.co_quan_chu_quan, 13, before=24)
    _para(document, first.ten_don_vi or first.don_vi, 13, bold=True, before=0 if first.co_quan_chu_quan else 24)
    _para(document, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", 24, bold=True, before=120, after=36)
    for line in cover_lines(found, year):
        _para(document, line, 14, after=6)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _cell(cell: Any, text: str, size: float, bold: bool = False, center: bool = False) -> None:
    """Fill a table cell; line breaks in ``text`` stay line breaks."""
    paragraph = cell.paragraphs[0]
    if center:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = text.split("\n")
    for index, line in enumerate(lines):
        _run(paragraph, line, size, bold)
        if index < len(lines) - 1:
            paragraph.runs[-1].add_break()


def _heading_rows(table: Any) -> None:
    """The column titles and their numbers (1)-(10), repeated at the top of every page."""
    for index in (0, 1):
        row = table.rows[index]
        for cell, heading in zip(row.cells, HEADINGS, strict=True):
            _cell(cell, heading if index == 0 else f"({HEADINGS.index(heading) + 1})", 10, bold=index == 0,
                  center=True)
        ox.row_repeat_header(row._tr.get_or_add_trPr())


def _table(document: Any, book: Sequence[db.Row]) -> None:
    """One book's table: heading rows, then a row per number, columns at fixed widths."""
    from docx.shared import Mm

    table = document.add_table(rows=2, cols=len(HEADINGS))
    table.style = "Table Grid"
    table.autofit = False
    _heading_rows(table)
    for row in book:
        values = cells(row)
        if row.cancelled:
            values[2] = f"(Số đã hủy) {values[2]}"
        for index, (cell, value) in enumerate(zip(table.add_row().cells, values, strict=True)):
            _cell(cell, value, 11, center=index in _CENTRED)
    # LibreOffice lays a table out by its grid, Word by the cells' widths: set both.
    for column, width in zip(table.columns, WIDTHS_MM, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    ox.table_fixed_layout(table._tbl.tblPr, ox.mm(sum(WIDTHS_MM)))


def register_docx(found: Sequence[db.Row], year: int) -> bytes:
    """The register of one office and year as a landscape .docx in the Phụ lục IV form."""
    import docx

    document = docx.Document()
    document.core_properties.author = document.core_properties.last_modified_by = "qdocgen"
    document.core_properties.title = f"Sổ đăng ký văn bản đi năm {year}"
    _page(document)
    _cover(document, found, year)
    books = _books(found)
    for index, (name, book) in enumerate(books):
        if len(books) > 1 or name:
            _para(document, f"Sổ văn bản {name}" if name else "Sổ văn bản chung", 13, bold=True,
                  before=0 if index == 0 else 18, after=6)
        _table(document, book)
    ox.zoom_with_percent(document.settings.element)
    return _to_bytes(document)


# --- .xlsx ---------------------------------------------------------------------------------------------------


def _sheet_rows(found: Sequence[db.Row]) -> list[list[object]]:
    """The rows as spreadsheet values: real dates and numbers, then file, SHA-256, registrant."""
    out: list[list[object]] = []
    for row in found:
        values: list[object] = list(cells(row))
        values[1] = row.date
        values[6] = row.so_luong_ban
        values += [row.tep, row.sha256, row.nguoi_dang_ky, row.thoi_diem_dang_ky,
                   "đã hủy" if row.cancelled else "đã cấp"]
        out.append(values)
    return out


def register_xlsx(found: Sequence[db.Row], year: int) -> bytes:
    """The same rows as an Excel workbook: heading rows, the ten columns, then file, SHA-256 and registrant."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"So di {year}"
    first = found[0]
    sheet.append([first.ten_don_vi or first.don_vi])
    sheet.append([f"SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM {year}"])
    sheet.append([])
    sheet.append(list(HEADINGS + EXTRA_HEADINGS))
    sheet.append([f"({i + 1})" for i in range(len(HEADINGS))])
    for values in _sheet_rows(found):
        sheet.append(values)
    bold = Font(name=FONT, bold=True)
    for cell in (*sheet[1], *sheet[2], *sheet[4], *sheet[5]):
        cell.font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=4):
        for cell in line:
            cell.alignment = wrap
    for line in sheet.iter_rows(min_row=6, min_col=2, max_col=2):
        line[0].number_format = "DD/MM/YYYY"
    for index, width in enumerate((*WIDTHS_MM, 40, 20, 16, 22, 10)):
        sheet.column_dimensions[chr(ord("A") + index)].width = max(8, width * 0.55)
    sheet.freeze_panes = "A6"
    sheet.print_title_rows = "4:5"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return _to_bytes(book)
