"""Writing the objectives workbook: a summary sheet, then one sheet per unit.

Each unit's sheet lists its objectives, one row per target, with empty columns for the result, the cause and
the corrective action.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from qdocgen.data import judgement
from qdocgen.data.judgement import Target, TargetError
from qdocgen.data.objectives import Objective
from qdocgen.data.reader import Unit
from qdocgen.dataset import load_dataset, objectives
from qdocgen.errors import DataError, Problem
from qdocgen.excel import layout
from qdocgen.output import check_writable, write_atomic

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_FONT = "Times New Roman"
_NOTE = ("Ô nền vàng: điền kết quả. Mục tiêu không đạt phải ghi nguyên nhân và biện pháp khắc phục. Số thập phân "
         "dùng dấu phẩy (98,5). Chỉ tiêu «so với» một mốc: ghi số liệu của mốc ở cột H. Không đổi tên trang tính, "
         "không gộp ô, không thêm bớt dòng.")
_GUIDE = (
    "Cách dùng tệp này:",
    "1. Mỗi đơn vị một trang tính, tên trang tính là mã đơn vị (tên tệp dữ liệu): không đổi tên.",
    "2. Sửa nội dung, chỉ tiêu của mục tiêu ở các cột B–G rồi chạy «qdocgen excel nhap TEP.xlsx BO_DU_LIEU» để "
    "ghi vào bộ dữ liệu.",
    "3. Cuối kỳ điền kết quả ở cột I (và số liệu của mốc ở cột H khi chỉ tiêu so với năm trước); mục tiêu không đạt "
    "ghi nguyên nhân (cột J) và biện pháp khắc phục (cột K).",
    "4. Chạy «qdocgen bao-cao BO_DU_LIEU --ket-qua TEP.xlsx --ky nam -o THU_MUC» để soạn báo cáo của từng đơn vị và "
    "bảng tổng hợp.",
)


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as an Excel number (int when whole)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def target_cells(target: Target) -> dict[str, Any]:
    """The cells (by column key) that show one target."""
    word = judgement.RANGE_WORD if target.relation == "range" else judgement.WORDS.get(target.word, target.word)
    return {"so_sanh": word, "gia_tri": _number(target.value), "den": _number(target.upper),
            "don_vi": target.unit, "so_voi": target.baseline}


def unit_targets(unit: Unit, objective: Objective, problems: list[Problem]) -> list[Target]:
    """An objective's targets, parsed; a target that cannot be judged is a problem placed in the unit's data."""
    found = []
    raw = objective.data.get("chi_tieu")
    many = isinstance(raw, list)
    for j, mapping in enumerate(judgement.targets_of(raw)):
        key = objective.key + ("chi_tieu",) + ((j,) if many else ())
        try:
            found.append(judgement.parse_target(mapping))
        except TargetError as exc:
            problems.append(unit.problem(key, str(exc)))
    return found


def objective_rows(unit: Unit, problems: list[Problem]) -> list[dict[str, Any]]:
    """The rows of a unit's sheet (cells by column key), one per target, an objective's text on its first."""
    rows = []
    for i, objective in enumerate(objectives(unit)):
        targets = unit_targets(unit, objective, problems)
        text = " ".join(objective.text.split())
        if len(targets) <= 1:
            cells = target_cells(targets[0]) if targets else {}
            rows.append({"stt": layout.stt(i + 1, None), "noi_dung": text, **cells})
            continue
        for j, target in enumerate(targets):
            rows.append({"stt": layout.stt(i + 1, j + 1), "noi_dung": text if j == 0 else None,
                         **target_cells(target)})
    return rows


def _style_header(ws: Worksheet, row: int, headings: Sequence[str]) -> None:
    """Write a bold, shaded, wrapped heading row."""
    for col, heading in enumerate(headings, start=1):
        cell = ws.cell(row=row, column=col, value=heading)
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _validations(ws: Worksheet, last_row: int) -> None:
    """Drop-down list of comparators; a warning when a number column gets text."""
    choices = DataValidation(type="list", formula1='"' + ",".join(judgement.CHOICES) + '"', allow_blank=True,
                             showErrorMessage=True, errorTitle="So sánh",
                             error="Chọn một phép so sánh trong danh sách.")
    numbers = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="-1000000000",
                             allow_blank=True, showErrorMessage=True, errorStyle="warning", errorTitle="Cần một số",
                             error="Gõ một số, thập phân dùng dấu phẩy (ví dụ 98,5).", showInputMessage=True,
                             promptTitle="Số", prompt="Gõ một số, ví dụ 98 hoặc 98,5.")
    for validation, keys in ((choices, ("so_sanh",)), (numbers, ("gia_tri", "den", "moc", "ket_qua"))):
        ws.add_data_validation(validation)
        for key in keys:
            letter = layout.BY_KEY[key].letter
            validation.add(f"{letter}{layout.FIRST_ROW}:{letter}{max(last_row, layout.FIRST_ROW)}")


def _fill_unit_sheet(ws: Worksheet, unit: Unit, rows: list[dict[str, Any]]) -> None:
    """One unit's sheet: title, unit id, note, headings, rows, widths, frozen panes, print setup."""
    ws["A1"] = f"KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM {unit.data.get('nam', '')} - {unit.name.upper()}"
    ws["A1"].font = Font(name=_FONT, bold=True, size=13)
    ws["A2"], ws["B2"] = "Mã đơn vị:", unit.id
    ws["A2"].font = ws["B2"].font = Font(name=_FONT)
    ws["A3"] = _NOTE
    ws["A3"].font = Font(name=_FONT, italic=True, size=10)
    _style_header(ws, layout.HEADER_ROW, [c.heading for c in layout.COLUMNS])
    for r, cells in enumerate(rows, start=layout.FIRST_ROW):
        for column in layout.COLUMNS:
            cell = ws[f"{column.letter}{r}"]
            value = cells.get(column.key)
            cell.value = value
            if column.key == "stt":
                cell.number_format = "@"
            cell.font = Font(name=_FONT)
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True,
                                       horizontal="center" if column.key in ("stt", "so_sanh") else None)
            if column.key in layout.RESULT_KEYS:
                cell.fill = _INPUT_FILL
    for column in layout.COLUMNS:
        ws.column_dimensions[column.letter].width = column.width
    for r, cells in enumerate(rows, start=layout.FIRST_ROW):
        ws.row_dimensions[r].height = row_height(cells)
    ws.row_dimensions[layout.HEADER_ROW].height = 32
    ws.freeze_panes = f"C{layout.FIRST_ROW}"
    _validations(ws, layout.FIRST_ROW + len(rows) - 1)
    ws.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    print_setup(ws)


def row_height(cells: Mapping[str, Any]) -> float:
    """A row's height in points for its longest wrapped text: Excel does not fit rows a program wrote."""
    lines = 1
    for column in layout.COLUMNS:
        text = str(cells.get(column.key) or "")
        lines = max(lines, -(-len(text) // max(int(column.width * 1.05) - 2, 1)))
    return 15.0 * lines


def print_setup(ws: Worksheet) -> None:
    """A4 landscape, as wide as one page, as many pages down as needed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _fill_summary(ws: Worksheet, units: Sequence[Unit], counts: Mapping[str, tuple[int, int]]) -> None:
    """The summary sheet: how to use the file, then one row (and link) per unit."""
    year = units[0].data.get("nam", "") if units else ""
    ws["A1"] = f"MỤC TIÊU CHẤT LƯỢNG NĂM {year} VÀ KẾT QUẢ THỰC HIỆN"
    ws["A1"].font = Font(name=_FONT, bold=True, size=13)
    for r, line in enumerate(_GUIDE, start=2):
        ws.cell(row=r, column=1, value=line).font = Font(name=_FONT, italic=r > 2, bold=r == 2)
    top = len(_GUIDE) + 3
    _style_header(ws, top, ["STT", "Đơn vị", "Trang tính (mã đơn vị)", "Số mục tiêu", "Số chỉ tiêu"])
    for n, unit in enumerate(units, start=1):
        values = [n, unit.name, layout.sheet_name(unit.id), *counts[unit.id]]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=top + n, column=col, value=value)
            cell.font, cell.border = Font(name=_FONT), _BORDER
            if col == 3:
                cell.hyperlink = f"#'{layout.sheet_name(unit.id)}'!A1"
    for letter, width in zip("ABCDE", (6, 44, 26, 12, 12), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{top + 1}"
    print_setup(ws)


def build_workbook(units: Sequence[Unit]) -> bytes:
    """The workbook for ``units`` as .xlsx bytes; a target that cannot be judged is a :class:`DataError`."""
    problems: list[Problem] = []
    wb = Workbook()
    summary = wb.active
    summary.title = layout.SUMMARY_SHEET
    counts = {}
    for unit in units:
        rows = objective_rows(unit, problems)
        counts[unit.id] = (len(objectives(unit)), sum(1 for r in rows if r.get("so_sanh")))
        _fill_unit_sheet(wb.create_sheet(layout.sheet_name(unit.id)), unit, rows)
    if problems:
        raise DataError(problems)
    _fill_summary(summary, units, counts)
    wb.properties.creator = wb.properties.lastModifiedBy = "qdocgen"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_dataset(folder: Path, output: Path, force: bool = False) -> list[Unit]:
    """Write the objectives workbook of the dataset ``folder`` to ``output``; the units written, in order."""
    check_writable(output, force)
    units = load_dataset(folder)
    write_atomic(output, build_workbook(units), force)
    return units
