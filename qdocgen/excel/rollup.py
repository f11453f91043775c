"""The roll-up workbook for the superior body.

Sheet «Tổng hợp»: units × verdict counts, with a native Excel chart; sheet «Chi tiết»: every target of every
unit with its result, verdict, cause and action (the data the charts of the reports draw).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from qdocgen.data.judgement import Verdict, describe
from qdocgen.excel.export import print_setup
from qdocgen.excel.results import UnitResults

_FONT = "Times New Roman"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_FILLS = {Verdict.DAT: "E2EFDA", Verdict.KHONG_DAT: "F8CBAD", Verdict.CHUA_CO: "EDEDED"}
SUMMARY_HEADINGS = ("STT", "Đơn vị", "Số mục tiêu", "Đạt", "Không đạt", "Chưa có số liệu")
DETAIL_HEADINGS = ("Đơn vị", "STT", "Mục tiêu", "Chỉ tiêu", "Giá trị chỉ tiêu", "Kết quả", "Số liệu của mốc",
                   "Đánh giá chỉ tiêu", "Đánh giá mục tiêu", "Nguyên nhân", "Biện pháp khắc phục")


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as an Excel number (int when whole)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _table(ws: Worksheet, top: int, headings: Sequence[str], rows: Sequence[Sequence[object]],
           widths: Sequence[float]) -> None:
    """A bordered table with a shaded heading row, frozen below it."""
    for col, heading in enumerate(headings, start=1):
        cell = ws.cell(row=top, column=col, value=heading)
        cell.font, cell.fill, cell.border = Font(name=_FONT, bold=True), _HEAD, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, values in enumerate(rows, start=top + 1):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.font, cell.border = Font(name=_FONT), _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=top, column=col).column_letter].width = width
    ws.freeze_panes = ws.cell(row=top + 1, column=1).coordinate
    print_setup(ws)


def _summary(ws: Worksheet, results: Sequence[UnitResults], period: str) -> None:
    """The units' counts and a native stacked bar chart of them."""
    ws["A1"] = f"TỔNG HỢP KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG {period.upper()}"
    ws["A1"].font = Font(name=_FONT, bold=True, size=13)
    rows = [(n, r.unit.name, len(r.objectives), r.count(Verdict.DAT), r.count(Verdict.KHONG_DAT),
             r.count(Verdict.CHUA_CO)) for n, r in enumerate(results, start=1)]
    _table(ws, 3, SUMMARY_HEADINGS, rows, (6, 44, 12, 10, 12, 16))
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Số mục tiêu theo đánh giá"
    chart.y_axis.title = "Số mục tiêu"
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the table
    chart.x_axis.delete = chart.y_axis.delete = False  # newer Excel hides axes openpyxl leaves undecided
    chart.legend.position = "b"
    last = 3 + len(rows)
    chart.add_data(Reference(ws, min_col=4, max_col=6, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=4, max_row=last))
    for series, verdict in zip(chart.series, (Verdict.DAT, Verdict.KHONG_DAT, Verdict.CHUA_CO), strict=True):
        series.graphicalProperties.solidFill = {"Đạt": "2E7D32", "Không đạt": "C62828"}.get(verdict.value, "9E9E9E")
    chart.height, chart.width = 9 + len(rows) * 0.4, 18
    ws.add_chart(chart, f"A{last + 3}")


def _detail(ws: Worksheet, results: Sequence[UnitResults]) -> None:
    """Every target of every unit, verdicts shaded."""
    rows = []
    for r in results:
        for found in r.objectives:
            many = len(found.targets) > 1
            for j, item in enumerate(found.targets or [None]):
                stt = f"{found.number}.{j + 1}" if many else str(found.number)
                rows.append((r.unit.name, stt, " ".join(found.objective.text.split()),
                             describe(item.target) if item else "", _number(item.target.value) if item else None,
                             _number(item.result) if item else None, _number(item.baseline) if item else None,
                             item.verdict.value if item else Verdict.KHONG_CHI_TIEU.value, found.verdict.value,
                             found.cause, found.action))
    _table(ws, 1, DETAIL_HEADINGS, rows, (30, 6, 48, 22, 10, 10, 10, 14, 14, 30, 30))
    verdicts = {v.value: v for v in Verdict}
    for row in range(2, len(rows) + 2):
        for col in (8, 9):
            cell = ws.cell(row=row, column=col)
            fill = _FILLS.get(verdicts.get(str(cell.value), Verdict.KHONG_CHI_TIEU))
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)


def rollup_workbook(results: Sequence[UnitResults], period: str) -> bytes:
    """The roll-up workbook as .xlsx bytes."""
    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp"
    _summary(summary, results, period)
    _detail(wb.create_sheet("Chi tiết"), results)
    wb.properties.creator = wb.properties.lastModifiedBy = "qdocgen"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
