"""The register's SQLite file: schema, its version and migrations, transactions, backup, and reading rows.

One file (``so-di.sqlite3`` by default) holds the books of every office that numbers with it. The schema's
version is ``PRAGMA user_version``; :data:`MIGRATIONS` takes a file from any older version to the current one,
each step in its own transaction, after a backup copy of the file is made. A file from a newer qdocgen is
refused rather than guessed at.

The rollback journal (``journal_mode=DELETE``) and ``synchronous=FULL`` are used rather than WAL: WAL needs
shared memory that network folders (a Windows share, where an office keeps its register) do not give, and
the register writes a few rows a day, so speed does not matter; a committed row survives a power cut.
Writers take the lock at the start (``BEGIN IMMEDIATE``) and wait up to :data:`BUSY_TIMEOUT_MS` for it.
"""

from __future__ import annotations

import datetime
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path

from qdocgen.errors import RegisterError

DEFAULT_NAME = "so-di.sqlite3"
ENV_PATH = "QDOCGEN_SO_DI"
BUSY_TIMEOUT_MS = 60_000
ISSUED = "da_cap"
CANCELLED = "da_huy"
BY_OFFICE = "co-quan"
BY_SYMBOL = "ky-hieu"

_V1 = """
CREATE TABLE cau_hinh (
    khoa TEXT PRIMARY KEY,
    gia_tri TEXT NOT NULL
);
CREATE TABLE van_ban_di (
    id INTEGER PRIMARY KEY,
    don_vi TEXT NOT NULL,              -- mã đơn vị (unit id), one register book set per office
    ten_don_vi TEXT NOT NULL DEFAULT '',
    co_quan_chu_quan TEXT NOT NULL DEFAULT '',
    quyen TEXT NOT NULL DEFAULT '',    -- the book: '' (one per office) or the symbol (one per symbol)
    nam INTEGER NOT NULL,
    so INTEGER NOT NULL CHECK (so >= 1),
    ky_hieu TEXT NOT NULL,
    so_ky_hieu TEXT NOT NULL,          -- (1) số, ký hiệu văn bản: 05/QĐ-UBND
    ngay_van_ban TEXT NOT NULL,        -- (2) ngày tháng văn bản, ISO 8601
    ten_loai_trich_yeu TEXT NOT NULL DEFAULT '',  -- (3)
    nguoi_ky TEXT NOT NULL DEFAULT '', -- (4)
    noi_nhan TEXT NOT NULL DEFAULT '', -- (5) one recipient a line
    don_vi_luu TEXT NOT NULL DEFAULT '',  -- (6) đơn vị, người nhận bản lưu
    so_luong_ban INTEGER,              -- (7)
    ngay_chuyen TEXT NOT NULL DEFAULT '', -- (8)
    ky_nhan TEXT NOT NULL DEFAULT '',  -- (9)
    ghi_chu TEXT NOT NULL DEFAULT '',  -- (10)
    trang_thai TEXT NOT NULL CHECK (trang_thai IN ('da_cap', 'da_huy')),
    tep TEXT NOT NULL DEFAULT '',      -- the numbered copy
    sha256 TEXT NOT NULL DEFAULT '',   -- of the numbered copy
    tep_du_thao TEXT NOT NULL DEFAULT '',
    sha256_du_thao TEXT NOT NULL DEFAULT '',
    tep_tam TEXT,                      -- set while the numbered copy still has its temporary name
    nguoi_dang_ky TEXT NOT NULL DEFAULT '',
    thoi_diem_dang_ky TEXT NOT NULL,
    UNIQUE (don_vi, quyen, nam, so)
);
CREATE INDEX van_ban_di_sha256_du_thao ON van_ban_di (sha256_du_thao);
CREATE INDEX van_ban_di_sha256 ON van_ban_di (sha256);
"""

Migration = Callable[[sqlite3.Connection], None]


def _to_v1(conn: sqlite3.Connection) -> None:
    # executescript() would commit the open transaction; statements one by one stay inside it.
    """The first schema: settings and the register's rows."""
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO cau_hinh (khoa, gia_tri) VALUES ('cach_danh_so', ?)", (BY_OFFICE,))


# MIGRATIONS[i] takes a file from version i to i + 1. Add a step for every schema change; never edit one.
MIGRATIONS: list[Migration] = [_to_v1]
VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Row:
    """One line of the register: the ten columns of NĐ30 Phụ lục IV, the file, and who registered it."""

    id: int
    don_vi: str
    ten_don_vi: str
    co_quan_chu_quan: str
    quyen: str
    nam: int
    so: int
    ky_hieu: str
    so_ky_hieu: str
    ngay_van_ban: str
    ten_loai_trich_yeu: str
    nguoi_ky: str
    noi_nhan: str
    don_vi_luu: str
    so_luong_ban: int | None
    ngay_chuyen: str
    ky_nhan: str
    ghi_chu: str
    trang_thai: str
    tep: str
    sha256: str
    tep_du_thao: str
    sha256_du_thao: str
    tep_tam: str | None
    nguoi_dang_ky: str
    thoi_diem_dang_ky: str

    @property
    def date(self) -> datetime.date:
        """The document's date."""
        return datetime.date.fromisoformat(self.ngay_van_ban)

    @property
    def cancelled(self) -> bool:
        """Whether the number was cancelled (it stays in the book and is never given again)."""
        return self.trang_thai == CANCELLED


COLUMNS = tuple(f.name for f in fields(Row))


def default_path() -> Path:
    """The register file: ``$QDOCGEN_SO_DI``, else ``so-di.sqlite3`` in the current folder."""
    return Path(os.environ.get(ENV_PATH) or DEFAULT_NAME)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), durable and patient with locks."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise RegisterError(f"{path}: không mở được sổ đăng ký ({exc}); kiểm tra đường dẫn và quyền ghi.") from exc
    return conn


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction holding the file's lock from its start; rolled back on any error.

    Taking the lock at BEGIN (not at the first write) is what keeps two writers from reading the same last
    number.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to :data:`VERSION`, a backup first, one transaction per step."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise RegisterError(f"{path}: sổ đăng ký do phiên bản qdocgen mới hơn tạo (lược đồ {version}, bản này "
                            f"đọc được đến {VERSION}); hãy cập nhật qdocgen.")
    if version == VERSION:
        return
    if version > 0:
        backup(conn, path.with_name(f"{path.name}.truoc-nang-cap-v{version}"), force=True)
    for step in range(version, VERSION):
        with write(conn):
            if conn.execute("PRAGMA user_version").fetchone()[0] != step:
                continue  # another process migrated meanwhile
            MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating it if needed) the register at ``path`` and bring its schema up to date."""
    path = path or default_path()
    if path.is_dir():
        raise RegisterError(f"{path}: đây là một thư mục; cần đường dẫn tới tệp sổ đăng ký (.sqlite3).")
    conn = _connect(path)
    try:
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise RegisterError(f"{path}: không phải tệp sổ đăng ký đọc được ({exc}); dùng bản sao lưu gần nhất.") \
            from exc
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn


def to_row(record: sqlite3.Row) -> Row:
    """A database record as a :class:`Row`."""
    return Row(**{name: record[name] for name in COLUMNS})


def setting(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    """A register-wide setting (``cach_danh_so``)."""
    found = conn.execute("SELECT gia_tri FROM cau_hinh WHERE khoa = ?", (key,)).fetchone()
    return str(found[0]) if found else default


def backup(conn: sqlite3.Connection, dest: Path, force: bool = False) -> Path:
    """Copy the register with sqlite3's backup API, consistent even while others write.

    The copy is written whole or not at all (a temporary file renamed into place).
    """
    if dest.exists() and not force:
        raise RegisterError(f"{dest}: tệp đã có, không ghi đè. Chọn tên khác hoặc dùng --force.")
    tmp = dest.with_name(f".{dest.name}.tam")
    tmp.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        finally:
            target.close()
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise RegisterError(f"{dest}: không ghi được bản sao lưu ({exc}); kiểm tra quyền ghi và chỗ trống.") \
            from exc
    return dest


def busy_error(path: Path | None, exc: sqlite3.Error) -> RegisterError:
    """The error for a register that could not be written (locked too long, read-only, damaged)."""
    where = path or default_path()
    if "locked" in str(exc) or "busy" in str(exc):
        return RegisterError(f"{where}: sổ đăng ký đang bận quá lâu (người khác đang cấp số?); chờ một lát rồi "
                             "chạy lại (chưa cấp số nào).")
    return RegisterError(f"{where}: không ghi được vào sổ đăng ký ({exc}); kiểm tra quyền ghi, hoặc dùng bản sao "
                         "lưu gần nhất nếu tệp hỏng.")


def integrity(conn: sqlite3.Connection) -> str:
    """``PRAGMA integrity_check``'s answer: "ok" for a sound file."""
    return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
