"""The meaning of a unit sheet's cells: numbers with their units, and the target a row states."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from qdocgen.data import judgement
from qdocgen.data.quantity import Quantity, QuantityError, parse_cell
from qdocgen.excel import layout
from qdocgen.excel.read import Line, Workbook


def quantity(book: Workbook, line: Line, key: str, unit_id: str) -> Quantity | None:
    """The number in a cell (None when empty); a cell that is not a number is a problem, and None."""
    try:
        return parse_cell(line.cells.get(key), key in line.percent)
    except QuantityError as exc:
        book.problem(f"{layout.where(line.sheet, line.row, key)}: {exc}", unit_id)
        return None


def text(line: Line, key: str) -> str | None:
    """A text cell's value, spaces tidied (numbers written as their text); None when empty."""
    value = line.cells.get(key)
    if value is None:
        return None
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return " ".join(str(value).split()) or None


def _plain(value: Decimal) -> int | float:
    """A Decimal as YAML writes it best: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _value(book: Workbook, line: Line, key: str, unit: str, unit_id: str) -> Decimal | None:
    """A target number from a cell; a unit typed with it must be the row's unit."""
    found = quantity(book, line, key, unit_id)
    if found is None:
        return None
    if found.unit is not None and not judgement.same_unit(found.unit, unit):
        book.problem(f"{layout.where(line.sheet, line.row, key)}: số ghi đơn vị «{found.unit}» nhưng cột Đơn vị ghi "
                     f"«{unit}»; hãy ghi cùng một đơn vị.", unit_id)
        return None
    return found.value


def target_of(book: Workbook, line: Line, unit_id: str) -> dict[str, Any] | None:
    """The ``chi_tieu`` mapping a row states (None when its target columns are empty, or on a problem)."""
    keys = ("so_sanh", "gia_tri", "den", "so_voi")
    if all(line.cells.get(k) is None for k in keys):
        return None
    word = text(line, "so_sanh")
    if word not in judgement.CHOICES:
        book.problem(f"{layout.where(line.sheet, line.row, 'so_sanh')}: «{word or ''}» không phải phép so sánh; "
                     f"chọn trong danh sách: {', '.join(judgement.CHOICES)}.", unit_id)
        return None
    unit = text(line, "don_vi") or judgement.DEFAULT_UNIT
    value = _value(book, line, "gia_tri", unit, unit_id)
    upper = _value(book, line, "den", unit, unit_id)
    if value is None:
        if line.cells.get("gia_tri") is None:
            book.problem(f"{layout.where(line.sheet, line.row, 'gia_tri')}: thiếu giá trị chỉ tiêu.", unit_id)
        return None
    mapping: dict[str, Any] = {"so_sanh": judgement.CHOICES[word]}
    if word == judgement.RANGE_WORD:
        if upper is None:
            book.problem(f"{layout.where(line.sheet, line.row, 'den')}: chỉ tiêu «từ … đến» cần số ở cột này.",
                         unit_id)
            return None
        mapping.update(tu=_plain(value), den=_plain(upper))
    elif upper is not None:
        book.problem(f"{layout.where(line.sheet, line.row, 'den')}: cột này chỉ dùng cho chỉ tiêu «từ … đến»; "
                     "hãy chọn «từ … đến» ở cột So sánh hoặc xóa số ở cột này.", unit_id)
        return None
    else:
        mapping["gia_tri"] = _plain(value)
    mapping["don_vi"] = unit
    baseline = text(line, "so_voi")
    if baseline:
        mapping["so_voi"] = baseline
    try:
        judgement.parse_target(mapping)
    except judgement.TargetError as exc:
        book.problem(f"trang tính «{line.sheet}», dòng {line.row}: {exc}", unit_id)
        return None
    return mapping
