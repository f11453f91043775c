"""Reading the objectives workbook back, as hostile input: every problem named by sheet, row and column.

A file that is not an .xlsx, a sheet renamed or missing, a header changed, merged cells, formulas without a
computed value: each is a problem, never a silently wrong figure. Formulas with a value Excel saved are read as
that value. Reading is bounded: a file over 20 MB or a sheet over 2,000 rows is refused.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen.data.reader import Unit, display
from qdocgen.errors import DataError, Problem
from qdocgen.excel import layout

_STT = re.compile(r"^(\d{1,3})(?:\.(\d{1,2}))?$")
_OLE = b"\xd0\xcf\x11\xe0"


@dataclass
class Line:
    """One row of a unit's sheet: where it is, which objective and target, and its cells by column key."""

    sheet: str
    row: int
    objective: int
    target: int | None
    cells: dict[str, Any] = field(default_factory=dict)
    percent: frozenset[str] = frozenset()


@dataclass
class Sheet:
    """A unit's sheet as read: its unit id, its name and its rows."""

    unit_id: str
    name: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Workbook:
    """The workbook as read: the file, each unit's sheet, and every problem found."""

    path: Path
    sheets: dict[str, Sheet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: str, unit: str | None = None) -> None:
        """Record a problem of this file (the message names the sheet, row and column)."""
        self.problems.append(Problem(display(self.path), "", message, None, unit))


def _refuse(path: Path, message: str) -> DataError:
    """The whole file refused with one problem."""
    return DataError([Problem(display(path), "", message)])


def _open(path: Path) -> tuple[Any, Any]:
    """The workbook twice: with formulas (to see them) and with the values Excel saved for them."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4)
    except FileNotFoundError as exc:
        raise _refuse(path, "không tìm thấy tệp Excel; kiểm tra lại đường dẫn.") from exc
    except OSError as exc:
        raise _refuse(path, f"không đọc được tệp ({exc.strerror}).") from exc
    if head == _OLE:
        raise _refuse(path, "đây là tệp Excel đời cũ (.xls); hãy mở bằng Excel và «Lưu thành» Sổ làm việc Excel "
                            "(.xlsx) rồi chạy lại.")
    if size > layout.MAX_BYTES or not zipfile.is_zipfile(path):
        raise _refuse(path, "không phải tệp Excel .xlsx (hoặc tệp bị hỏng, quá lớn); hãy dùng tệp do «qdocgen "
                            "excel xuat» tạo ra, lưu bằng Excel dạng .xlsx.")
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(path, "tệp Excel bị hỏng; hãy mở bằng Excel, lưu lại dạng .xlsx rồi chạy lại.") from exc
    if unpacked > layout.MAX_UNPACKED:
        raise _refuse(path, f"tệp Excel khi giải nén lớn hơn {layout.MAX_UNPACKED // 2**20} MB, quá lớn cho một bảng "
                            "mục tiêu; hãy dùng tệp do «qdocgen excel xuat» tạo ra.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read (slicers, ...)
            return load_workbook(path, data_only=False), load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise _refuse(path, f"không đọc được tệp Excel ({type(exc).__name__}); hãy mở bằng Excel, lưu lại dạng "
                            ".xlsx rồi chạy lại.") from exc


def _match_sheets(book: Workbook, formulas: Any, units: Sequence[Unit]) -> dict[str, str]:
    """Sheet name → unit id; renamed, unknown and missing sheets are problems."""
    wanted = {layout.sheet_name(u.id): u.id for u in units}
    found: dict[str, str] = {}
    for name in formulas.sheetnames:
        if name == layout.SUMMARY_SHEET:
            continue
        if name in wanted:
            found[name] = wanted[name]
            continue
        marked = formulas[name]["B2"].value
        if isinstance(marked, str) and marked.strip() in wanted.values():
            book.problem(f"trang tính «{name}» (mã đơn vị «{marked.strip()}» ở ô B2) đã bị đổi tên; hãy đổi lại "
                         f"tên trang tính thành «{layout.sheet_name(marked.strip())}».", marked.strip())
        else:
            book.problem(f"trang tính «{name}» không ứng với đơn vị nào của bộ dữ liệu; tên trang tính phải là mã "
                         f"đơn vị ({', '.join(sorted(wanted))}). Xóa trang tính này hoặc đổi lại tên đúng.")
    reported = {p.unit for p in book.problems}
    for name, unit_id in wanted.items():
        if name not in found and unit_id not in reported:
            book.problem(f"thiếu trang tính «{name}» của đơn vị {unit_id}; hãy xuất lại tệp bằng «qdocgen excel "
                         "xuat» hoặc chép trang tính đó từ tệp đã xuất.", unit_id)
    return found


def _check_layout(book: Workbook, ws: Any, name: str, unit_id: str) -> bool:
    """Merged cells, changed headings and too many rows are problems; False when the sheet cannot be read."""
    ok = True
    for merged in ws.merged_cells.ranges:
        if merged.max_row >= layout.HEADER_ROW:
            book.problem(f"trang tính «{name}», các ô {merged.coord} (dòng {merged.min_row}–{merged.max_row}) bị "
                         "gộp; hãy bỏ gộp ô (Unmerge) và ghi giá trị vào từng ô.", unit_id)
            ok = False
    for column in layout.COLUMNS:
        value = ws[f"{column.letter}{layout.HEADER_ROW}"].value
        if " ".join(str(value or "").split()) != column.heading:
            book.problem(f"trang tính «{name}», dòng {layout.HEADER_ROW}, cột {column.letter}: tiêu đề phải là "
                         f"«{column.heading}», đang là «{value or ''}»; đừng chèn, xóa hay đổi chỗ cột.", unit_id)
            ok = False
    if ws.max_row > layout.MAX_ROWS:
        book.problem(f"trang tính «{name}» có {ws.max_row} dòng, quá {layout.MAX_ROWS}; hãy xóa các dòng thừa.",
                     unit_id)
        ok = False
    return ok


def _cell(book: Workbook, ws: Any, values: Any, name: str, row: int, key: str, unit_id: str) -> tuple[Any, bool]:
    """A cell's value (a formula's saved value) and whether it is formatted as a percentage."""
    letter = layout.BY_KEY[key].letter
    cell = ws[f"{letter}{row}"]
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type != "s"):
        value = values[f"{letter}{row}"].value
        if value is None:
            book.problem(f"{layout.where(name, row, key)}: ô có công thức nhưng tệp không lưu giá trị của nó; hãy mở "
                         "bằng Excel và lưu lại, hoặc chép rồi dán giá trị (Paste Special → Values).", unit_id)
            return None, False
    if hasattr(value, "text") and not isinstance(value, str):  # rich text
        value = str(value)
    if isinstance(value, str):
        value = " ".join(value.split()) or None
        if value in ("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"):
            book.problem(f"{layout.where(name, row, key)}: ô báo lỗi công thức {value}; hãy sửa công thức hoặc gõ "
                         "giá trị.", unit_id)
            return None, False
    return value, "%" in str(cell.number_format or "")


def _line(book: Workbook, ws: Any, values: Any, name: str, row: int, unit_id: str) -> Line | None:
    """One row as a :class:`Line`, None when empty or without a usable STT."""
    cells: dict[str, Any] = {}
    percent = set()
    for column in layout.COLUMNS:
        value, is_percent = _cell(book, ws, values, name, row, column.key, unit_id)
        cells[column.key] = value
        if is_percent:
            percent.add(column.key)
    if all(v is None for v in cells.values()):
        return None
    raw = cells.pop("stt")
    text = format(raw, "g") if isinstance(raw, float) else str(raw if raw is not None else "").strip()
    match = _STT.match(text)
    if match is None:
        book.problem(f"{layout.where(name, row, 'stt')}: cần số thứ tự như khi xuất («1», «3.2»), đang là «{text}»; "
                     "đừng thêm dòng hay sửa cột STT.", unit_id)
        return None
    target = int(match.group(2)) - 1 if match.group(2) else None
    return Line(name, row, int(match.group(1)) - 1, target, cells, frozenset(percent))


def read_workbook(path: Path, units: Sequence[Unit]) -> Workbook:
    """Every unit sheet's rows; problems collected in ``Workbook.problems`` (the file itself unusable: raised)."""
    formulas, values = _open(path)
    book = Workbook(path)
    for name, unit_id in _match_sheets(book, formulas, units).items():
        ws, wv = formulas[name], values[name]
        if not _check_layout(book, ws, name, unit_id):
            continue
        sheet = Sheet(unit_id, name)
        seen: dict[tuple[int, int | None], int] = {}
        for row in range(layout.FIRST_ROW, ws.max_row + 1):
            line = _line(book, ws, wv, name, row, unit_id)
            if line is None:
                continue
            key = (line.objective, line.target)
            if key in seen:
                shown = layout.stt(key[0] + 1, None if key[1] is None else key[1] + 1)
                book.problem(f"{layout.where(name, row, 'stt')}: STT «{shown}» trùng với dòng {seen[key]}.", unit_id)
                continue
            seen[key] = row
            sheet.lines.append(line)
        book.sheets[unit_id] = sheet
    return book
