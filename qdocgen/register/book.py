"""Reading and keeping the register: its rows, cancelling a number, how numbers are counted, backups."""

from __future__ import annotations

import datetime
import re
import sqlite3
from pathlib import Path

from qdocgen.errors import RegisterError
from qdocgen.register import db
from qdocgen.register.numbering import open_register

_NUMBER = re.compile(r"^\s*0*(?P<so>[1-9][0-9]*)\s*(?:/\s*(?P<ky_hieu>\S+))?\s*$")


def rows(register: Path | None = None, year: int | None = None, unit: str | None = None) -> list[db.Row]:
    """The register's rows (of one year, of one unit, when given) by unit, book and number.

    A register file that does not exist yet has no rows (and is not created by looking at it).
    """
    if not (register or db.default_path()).exists():
        return []
    conn, _ = open_register(register)
    try:
        query = "SELECT * FROM van_ban_di WHERE (? IS NULL OR nam = ?) AND (? IS NULL OR don_vi = ?) " \
                "ORDER BY don_vi, nam, quyen, so"
        return [db.to_row(r) for r in conn.execute(query, (year, year, unit, unit))]
    finally:
        conn.close()


def _find(conn: sqlite3.Connection, number: str, unit: str | None, year: int) -> db.Row:
    """The one row ``number`` (05 or 05/QĐ-UBND) names in ``year``; refuses none or several."""
    match = _NUMBER.match(number)
    if not match:
        raise RegisterError(f"«{number}» không phải một số văn bản; viết như 05 hoặc 05/QĐ-UBND.")
    found = [db.to_row(r) for r in conn.execute(
        "SELECT * FROM van_ban_di WHERE so = ? AND nam = ? AND (? IS NULL OR ky_hieu = ?) AND "
        "(? IS NULL OR don_vi = ?)", (int(match["so"]), year, match["ky_hieu"], match["ky_hieu"], unit, unit))]
    if not found:
        raise RegisterError(f"sổ năm {year} không có số {number}" + (f" của đơn vị {unit}" if unit else "")
                            + "; xem các số đã cấp bằng «qdocgen so-di danh-sach».")
    if len(found) > 1:
        which = ", ".join(f"{r.so_ky_hieu} ({r.don_vi})" for r in found)
        raise RegisterError(f"số {number} năm {year} có ở nhiều sổ: {which}; ghi rõ ký hiệu (05/QĐ-UBND) "
                            "và --don-vi.")
    return found[0]


def cancel(number: str, reason: str, register: Path | None = None, unit: str | None = None,
           year: int | None = None, registrar: str = "") -> db.Row:
    """Mark a given number cancelled, with the reason in «ghi chú»; it stays in the book and is never reused."""
    if not reason.strip():
        raise RegisterError("cần lý do hủy số (--ly-do \"...\"): lý do được ghi vào cột ghi chú của sổ.")
    year = year or datetime.date.today().year
    conn, _ = open_register(register)
    try:
        with db.write(conn):
            row = _find(conn, number, unit, year)
            if row.cancelled:
                raise RegisterError(f"số {row.so_ky_hieu} năm {year} đã bị hủy trước đây: {row.ghi_chu}")
            stamp = datetime.datetime.now().astimezone().strftime("%d/%m/%Y")
            note = "; ".join(n for n in (row.ghi_chu, f"Đã hủy số ngày {stamp}"
                                         + (f" ({registrar})" if registrar else "") + f": {reason.strip()}") if n)
            conn.execute("UPDATE van_ban_di SET trang_thai = ?, ghi_chu = ? WHERE id = ?",
                         (db.CANCELLED, note, row.id))
            return db.to_row(conn.execute("SELECT * FROM van_ban_di WHERE id = ?", (row.id,)).fetchone())
    except sqlite3.Error as exc:
        raise db.busy_error(register, exc) from exc
    finally:
        conn.close()


def set_numbering(mode: str, register: Path | None = None) -> str:
    """Count numbers per office (one book for all symbols, NĐ30's default) or per symbol.

    Only while no number of the current year is given, since a change mid-year would give a number twice.
    """
    if mode not in (db.BY_OFFICE, db.BY_SYMBOL):
        raise RegisterError(f"cách đánh số «{mode}» không có; chọn {db.BY_OFFICE} hoặc {db.BY_SYMBOL}.")
    conn, _ = open_register(register)
    try:
        with db.write(conn):
            year = datetime.date.today().year
            if db.setting(conn, "cach_danh_so") != mode and conn.execute(
                    "SELECT 1 FROM van_ban_di WHERE nam >= ? LIMIT 1", (year,)).fetchone():
                raise RegisterError(f"sổ đã cấp số năm {year}: đổi cách đánh số giữa năm sẽ làm trùng số; chỉ "
                                    "đổi được trước số đầu tiên của năm.")
            conn.execute("INSERT OR REPLACE INTO cau_hinh (khoa, gia_tri) VALUES ('cach_danh_so', ?)", (mode,))
        return mode
    finally:
        conn.close()


def numbering_mode(register: Path | None = None) -> str:
    """How numbers are counted: per office or per symbol."""
    if not (register or db.default_path()).exists():
        return db.BY_OFFICE
    conn, _ = open_register(register)
    try:
        return db.setting(conn, "cach_danh_so", db.BY_OFFICE)
    finally:
        conn.close()


def backup(dest: Path | None = None, register: Path | None = None, force: bool = False) -> Path:
    """A consistent copy of the register (default: beside it, named with the date and time)."""
    source = register or db.default_path()
    if not source.exists():
        raise RegisterError(f"{source}: chưa có sổ đăng ký này; kiểm tra --so hoặc biến QDOCGEN_SO_DI.")
    when = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = dest or source.with_name(f"{source.stem}-sao-luu-{when}{source.suffix}")
    conn, _ = open_register(source)
    try:
        return db.backup(conn, dest, force)
    finally:
        conn.close()
