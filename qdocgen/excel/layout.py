"""The layout of the objectives workbook, shared by the writer and the reader: sheets, rows, columns, headings."""

from __future__ import annotations

from dataclasses import dataclass

SUMMARY_SHEET = "Tổng hợp"
TITLE_ROW, ID_ROW, NOTE_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = HEADER_ROW + 1
MAX_ROWS = 2000  # far more than any unit's objectives; bounds the reading of a hostile file
MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # a zip bomb dressed as a workbook is refused before openpyxl reads it


@dataclass(frozen=True)
class Column:
    """One column of a unit sheet: its key, its letter, its heading and its width (characters)."""

    key: str
    letter: str
    heading: str
    width: float


COLUMNS = (
    Column("stt", "A", "STT", 6),
    Column("noi_dung", "B", "Mục tiêu", 48),
    Column("so_sanh", "C", "So sánh", 11),
    Column("gia_tri", "D", "Chỉ tiêu", 10),
    Column("den", "E", "Đến (nếu là khoảng)", 11),
    Column("don_vi", "F", "Đơn vị", 9),
    Column("so_voi", "G", "So với (mốc)", 13),
    Column("moc", "H", "Số liệu của mốc", 11),
    Column("ket_qua", "I", "Kết quả", 11),
    Column("nguyen_nhan", "J", "Nguyên nhân (nếu không đạt)", 32),
    Column("bien_phap", "K", "Biện pháp khắc phục", 32),
)
BY_KEY = {c.key: c for c in COLUMNS}
LAST = COLUMNS[-1].letter
OBJECTIVE_KEYS = ("noi_dung", "so_sanh", "gia_tri", "den", "don_vi", "so_voi")
RESULT_KEYS = ("moc", "ket_qua", "nguyen_nhan", "bien_phap")


def sheet_name(unit_id: str) -> str:
    """A unit's sheet: its id (Excel allows 31 characters; ids are safe characters already)."""
    return unit_id[:31]


def where(sheet: str, row: int, key: str) -> str:
    """A cell for people: «trang tính «phuong-an-lac», dòng 7, cột I (Kết quả)»."""
    column = BY_KEY[key]
    return f"trang tính «{sheet}», dòng {row}, cột {column.letter} ({column.heading})"


def stt(objective: int, target: int | None) -> str:
    """The STT of a row: "3" for objective 3's only target, "3.2" for its second (both counted from 1)."""
    return str(objective) if target is None else f"{objective}.{target}"
