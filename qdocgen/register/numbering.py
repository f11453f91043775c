"""Giving a signed draft its number: the next of its book's year, recorded, and filled into a numbered copy.

How a number is given (:func:`give_number`), and why a crash at any point leaves a complete row with its
file, or neither:

1. The draft is read and checked outside any lock (it is not changed, ever).
2. ``BEGIN IMMEDIATE`` takes the register's write lock: from here until COMMIT no other process (another
   clerk, the web app) can read the last number, so two numberings always get two consecutive numbers.
3. Under the lock: refuse a document already registered; take the book's last number and date; refuse a date
   before that date unless a reason is given; fill the copy in memory; write it under a temporary hidden name
   beside its final name (``.<tên>.so-di.tam``) and flush it to disk; insert the row, which records both
   names (``tep``, ``tep_tam``). Then COMMIT.
4. The copy gets its final name (a hard link, so an existing file is never replaced, then the temporary name
   is removed), and ``tep_tam`` is cleared.

A crash before COMMIT: SQLite's journal undoes the row, so the number was not given; the only trace is a
hidden temporary file, which no row names, and which the next numbering into that folder deletes (under the
lock, so it is never another process's file in progress). A crash after COMMIT: the row is there and its
file is complete under the temporary name the row records; whoever opens the register next (any command,
any process) finishes step 4 under the lock before doing anything else. So a given number always ends up
with its file, and a number whose file never existed was never given.

The year is the document date's year: the first number given with a date in a new year is 01. A cancelled
number (:func:`cancel`) stays in the book, marked, and counts as used, so it is never given again.
"""

from __future__ import annotations

import datetime
import getpass
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen.errors import RegisterError
from qdocgen.output import slug
from qdocgen.register import db
from qdocgen.register.draft import Draft, fill, read_draft
from qdocgen.vnformat import format_doc_id

TEMP_SUFFIX = ".so-di.tam"


def _stage(name: str) -> None:
    """A named point of the numbering (tests stop a process here); does nothing."""


@dataclass(frozen=True)
class Numbered:
    """A number given: the register row and the numbered copy, with anything the clerk should look at."""

    row: db.Row
    path: Path
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    """What the clerk says when numbering: the date, and anything the document itself does not tell."""

    date: datetime.date | str | None = None  # a string as the clerk writes it: 05/3/2026, 2026-03-05
    unit: str | None = None
    output: Path | None = None
    registrar: str | None = None
    signer: str | None = None
    copies: int | None = None
    note: str = ""
    backdate_reason: str | None = None


def parse_day(value: datetime.date | str | None) -> datetime.date:
    """The document's date: as given (05/3/2026, 2026-03-05, a date), or today when not given."""
    from qdocgen.vnformat import FormatError, parse_date

    try:
        return parse_date(value) or datetime.date.today()
    except FormatError as exc:
        raise RegisterError(f"--ngay: {exc}") from exc


def _document_date(draft: Draft, request: Request) -> datetime.date:
    """The date to register: the one the signed document already shows, else ``--ngay``, else today."""
    if draft.date is None:
        return parse_day(request.date)
    if request.date not in (None, "") and parse_day(request.date) != draft.date:
        raise RegisterError(f"{draft.path}: văn bản đã ghi ngày {draft.date:%d/%m/%Y}, khác --ngay "
                            f"{parse_day(request.date):%d/%m/%Y}; số được cấp theo ngày ghi trên văn bản đã ký. Bỏ "
                            "--ngay, hoặc sửa ngày trên văn bản rồi trình ký lại.")
    return draft.date


def _sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a new name) to disk where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable once the file is flushed
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(tmp: Path, data: bytes) -> None:
    """Write ``data`` at ``tmp`` and flush it and its name to disk."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    _fsync_dir(tmp.parent)


def _place(tmp: Path, target: Path, sha: str) -> str | None:
    """Give the complete copy its final name; a problem in words, or None."""
    if tmp.exists():
        if not target.exists():
            try:
                os.link(tmp, target)
            except FileExistsError:
                pass
            except OSError:
                os.replace(tmp, target)
        if target.exists() and _sha256(target) == sha:
            tmp.unlink(missing_ok=True)
            _fsync_dir(target.parent)
            return None
        return (f"{target}: đã có một tệp khác trùng tên; bản được cấp số nằm ở {tmp}: đổi tên tệp kia rồi chạy "
                "lại «qdocgen so-di danh-sach».")
    if target.exists() and _sha256(target) == sha:
        return None
    return f"{target}: không thấy tệp của số đã cấp (đã bị xóa hay chuyển đi?); tìm lại tệp hoặc hủy số."


def _finish(conn: sqlite3.Connection, row_id: int) -> str | None:
    """Step 4 for one row, under the lock; idempotent (another process may have done it already)."""
    with db.write(conn):
        found = conn.execute("SELECT tep, tep_tam, sha256 FROM van_ban_di WHERE id = ?", (row_id,)).fetchone()
        if found is None or found["tep_tam"] is None:
            return None
        problem = _place(Path(found["tep_tam"]), Path(found["tep"]), found["sha256"])
        if problem is None:
            conn.execute("UPDATE van_ban_di SET tep_tam = NULL WHERE id = ?", (row_id,))
        return problem


def recover(conn: sqlite3.Connection) -> list[str]:
    """Finish every number given whose copy still has its temporary name (a process stopped after COMMIT)."""
    pending = [r["id"] for r in conn.execute("SELECT id FROM van_ban_di WHERE tep_tam IS NOT NULL")]
    return [p for p in (_finish(conn, row_id) for row_id in pending) if p]


def open_register(path: Path | None = None) -> tuple[sqlite3.Connection, list[str]]:
    """Open the register, bring its schema up to date and finish any numbering a crash interrupted."""
    conn = db.connect(path)
    try:
        problems = recover(conn)
    except BaseException:
        conn.close()
        raise
    return conn, problems


def _sweep(conn: sqlite3.Connection, folder: Path) -> None:
    """Delete temporary copies no row names (left by a process stopped before COMMIT); under the lock."""
    named = {r[0] for r in conn.execute("SELECT tep_tam FROM van_ban_di WHERE tep_tam IS NOT NULL")}
    for stray in folder.glob(f".*{TEMP_SUFFIX}"):
        if str(stray) not in named:
            stray.unlink(missing_ok=True)


def _unit_from_manifest(draft: Path) -> tuple[str, str] | None:
    """The unit id and name the batch manifest beside ``draft`` gives it, if any."""
    try:
        document = json.loads((draft.parent / "manifest.json").read_text(encoding="utf-8"))
        entries = document["don_vi"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for entry in entries if isinstance(entries, list) else ():
        if isinstance(entry, dict) and entry.get("tep") == draft.name and entry.get("ma_don_vi"):
            return str(entry["ma_don_vi"]), str(entry.get("ten_don_vi") or "")
    return None


def _unit(draft: Draft, request: Request) -> str:
    """Whose book: the unit asked for, else the manifest's, else the issuing body's name."""
    if request.unit:
        return request.unit
    found = _unit_from_manifest(draft.path)
    if found:
        return found[0]
    if draft.office:
        return slug(draft.office)
    raise RegisterError(f"{draft.path}: không biết văn bản của cơ quan nào (không có manifest.json cạnh tệp, "
                        "không đọc được tên cơ quan ở đầu văn bản); ghi --don-vi MA_DON_VI.")


def _book(conn: sqlite3.Connection, symbol: str) -> str:
    """The book key within an office: the symbol when numbering per symbol, else ""."""
    return symbol if db.setting(conn, "cach_danh_so", db.BY_OFFICE) == db.BY_SYMBOL else ""


def _refuse_duplicate(conn: sqlite3.Connection, draft: Draft, unit: str, year: int) -> None:
    """Refuse a document already registered: same bytes, or the same draft and summary."""
    found = conn.execute(
        "SELECT so_ky_hieu, ngay_van_ban, tep FROM van_ban_di WHERE trang_thai = ? AND "
        "(sha256_du_thao = ? OR sha256 = ? OR (don_vi = ? AND nam = ? AND tep_du_thao = ? AND "
        "ten_loai_trich_yeu = ?))",
        (db.ISSUED, draft.sha256, draft.sha256, unit, year, str(draft.path.resolve()), draft.type_and_summary()),
    ).fetchone()
    if found:
        day = datetime.date.fromisoformat(found["ngay_van_ban"]).strftime("%d/%m/%Y")
        raise RegisterError(f"{draft.path}: văn bản này đã được cấp số {found['so_ky_hieu']} ngày {day} "
                            f"(tệp {found['tep']}); một văn bản chỉ có một số. Nếu số cũ sai, hủy nó "
                            "(qdocgen so-di huy) rồi cấp lại.")


def _check_date(conn: sqlite3.Connection, key: tuple[str, str, int], date: datetime.date,
                request: Request) -> str:
    """The note to record for a date before the book's last one (with a reason), else ""; refuses otherwise."""
    last = conn.execute("SELECT so_ky_hieu, ngay_van_ban FROM van_ban_di WHERE don_vi = ? AND quyen = ? AND "
                        "nam = ? ORDER BY ngay_van_ban DESC, so DESC LIMIT 1", key).fetchone()
    if last is None or date >= datetime.date.fromisoformat(last["ngay_van_ban"]):
        return ""
    shown = datetime.date.fromisoformat(last["ngay_van_ban"]).strftime("%d/%m/%Y")
    reason = (request.backdate_reason or "").strip()
    if not reason:
        raise RegisterError(f"ngày {date:%d/%m/%Y} trước ngày của số đã cấp {last['so_ky_hieu']} ({shown}): số "
                            "văn bản phải theo thứ tự thời gian ban hành. Kiểm tra lại --ngay; nếu đúng là phải "
                            "cấp số với ngày này, ghi lý do: --lui-ngay \"lý do\".")
    return f"Cấp sau số {last['so_ky_hieu']} ({shown}) với ngày lùi: {reason}"


def _target(draft: Draft, request: Request, number: int) -> Path:
    """Where the numbered copy goes: ``-o``, else beside the draft with ``-so-NN``."""
    if request.output is not None:
        return request.output.resolve()
    return draft.path.resolve().with_name(f"{draft.path.stem}-so-{number:02d}.docx")


def _check_signer(draft: Draft, request: Request) -> str:
    """The signer's name (the clerk's, else the document's); refuses an unsigned draft."""
    signer = (request.signer or draft.signer).strip()
    if not signer:
        raise RegisterError(f"{draft.path}: văn bản chưa có họ tên người ký; số chỉ cấp cho văn bản đã ký. Điền "
                            "nguoi_ky.ho_ten, soạn lại và trình ký; nếu văn bản giấy đã ký tay, ghi "
                            "--nguoi-ky \"Họ tên\".")
    return signer


def _record(conn: sqlite3.Connection, values: dict[str, object]) -> int:
    """Insert one row; its id."""
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cursor = conn.execute(f"INSERT INTO van_ban_di ({names}) VALUES ({marks})", tuple(values.values()))
    return int(cursor.lastrowid or 0)


def _values(draft: Draft, request: Request, unit: str, number: int, date: datetime.date) -> dict[str, object]:
    """The row's columns that do not depend on the file written."""
    return {
        "don_vi": unit, "ten_don_vi": draft.office, "co_quan_chu_quan": draft.parent_office,
        "nam": date.year, "so": number, "ky_hieu": draft.symbol,
        "so_ky_hieu": format_doc_id(number, draft.symbol), "ngay_van_ban": date.isoformat(),
        "ten_loai_trich_yeu": draft.type_and_summary(), "nguoi_ky": _check_signer(draft, request),
        "noi_nhan": "\n".join(draft.recipients), "don_vi_luu": draft.kept_by, "so_luong_ban": request.copies,
        "trang_thai": db.ISSUED, "tep_du_thao": str(draft.path.resolve()), "sha256_du_thao": draft.sha256,
        "nguoi_dang_ky": request.registrar or _user(),
        "thoi_diem_dang_ky": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def _user() -> str:
    """The account name of who runs qdocgen, or ""."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _number_locked(conn: sqlite3.Connection, draft: Draft, request: Request, unit: str,
                   date: datetime.date) -> tuple[int, Path]:
    """Steps 3 of the module's description, inside the transaction; the row id and the final path."""
    _refuse_duplicate(conn, draft, unit, date.year)
    key = (unit, _book(conn, draft.symbol), date.year)
    note = "; ".join(n for n in (request.note.strip(), _check_date(conn, key, date, request)) if n)
    last = conn.execute("SELECT MAX(so) FROM van_ban_di WHERE don_vi = ? AND quyen = ? AND nam = ?",
                        key).fetchone()[0]
    number = int(last or 0) + 1
    target = _target(draft, request, number)
    if target.exists():
        raise RegisterError(f"{target}: tệp đã có; chọn nơi ghi khác bằng -o (chưa cấp số nào).")
    values = _values(draft, request, unit, number, date)
    data = fill(draft.path, number, draft.symbol, date)
    tmp = target.with_name(f".{target.name}{TEMP_SUFFIX}")
    _sweep(conn, target.parent)
    _write_temp(tmp, data)
    _stage("temp_written")
    values.update(quyen=key[1], ghi_chu=note, tep=str(target), tep_tam=str(tmp),
                  sha256=hashlib.sha256(data).hexdigest())
    row_id = _record(conn, values)
    _stage("inserted")
    return row_id, target


def _row(conn: sqlite3.Connection, row_id: int) -> db.Row:
    """The row ``row_id`` as it is now."""
    return db.to_row(conn.execute("SELECT * FROM van_ban_di WHERE id = ?", (row_id,)).fetchone())


def give_number(draft_path: Path, request: Request | None = None, register: Path | None = None) -> Numbered:
    """Give the signed draft at ``draft_path`` the next number of its book and year.

    The number is recorded and filled into a new numbered copy; the draft is kept as it is. See the module's
    description for the order of the steps and what a crash at each leaves.
    """
    request = request or Request()
    draft = read_draft(draft_path)
    date = _document_date(draft, request)
    unit = _unit(draft, request)
    if request.output is not None and request.output.resolve() == draft_path.resolve():
        raise RegisterError(f"{draft_path}: bản cấp số phải là tệp mới; dự thảo được giữ nguyên. Chọn -o khác.")
    warnings: list[str] = []
    if draft.year is not None and draft.year != date.year:
        warnings.append(f"{draft_path}: dự thảo ghi năm {draft.year}, số được cấp trong sổ năm {date.year}.")
    if date > datetime.date.today():
        warnings.append(f"ngày văn bản {date:%d/%m/%Y} là ngày sau hôm nay: số chỉ cấp cho văn bản đã ký; kiểm tra "
                        "lại --ngay (các số sau trong năm không được lùi về trước ngày này).")
    conn, problems = open_register(register)
    try:
        with db.write(conn):
            row_id, target = _number_locked(conn, draft, request, unit, date)
        _stage("committed")
        problem = _finish(conn, row_id)
        _stage("finished")
        return Numbered(_row(conn, row_id), target, problems + warnings + ([problem] if problem else []))
    except OSError as exc:
        raise RegisterError(f"{draft_path.parent}: không ghi được bản cấp số ({exc.strerror}); kiểm tra quyền ghi "
                            "và chỗ trống trên đĩa (chưa cấp số nào).") from exc
    except sqlite3.Error as exc:
        raise db.busy_error(register, exc) from exc
    finally:
        conn.close()


def _manifest_entries(manifest: Path, unit: str | None) -> list[dict[str, str]]:
    """The manifest's written documents (of ``unit`` when given); refuses an unreadable manifest."""
    try:
        document = json.loads(manifest.read_text(encoding="utf-8"))
        entries = [e for e in document["don_vi"] if isinstance(e, dict)]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RegisterError(f"{manifest}: không đọc được manifest của lô ({exc}); cần tệp manifest.json do "
                            "qdocgen batch ghi.") from exc
    ready = [e for e in entries if e.get("tep") and e.get("trang_thai") in ("da_ghi", "giu_nguyen")]
    if unit is not None:
        ready = [e for e in ready if e.get("ma_don_vi") == unit]
        if not ready:
            raise RegisterError(f"{manifest}: không có văn bản đã soạn của đơn vị «{unit}»; các đơn vị có: "
                                + ", ".join(str(e.get("ma_don_vi")) for e in entries) + ".")
    return ready


def give_numbers_from_manifest(manifest: Path, request: Request | None = None,
                               register: Path | None = None) -> list[Numbered]:
    """Number the documents a batch wrote, in the manifest's order (only ``request.unit``'s when given).

    Each one is its own numbering, so a refusal stops the rest with the earlier ones kept.
    """
    request = request or Request()
    out: list[Numbered] = []
    for entry in _manifest_entries(manifest, request.unit):
        draft = manifest.parent / Path(str(entry["tep"])).name
        if entry.get("sha256") and draft.exists() and _sha256(draft) != entry["sha256"]:
            raise RegisterError(f"{draft}: tệp đã khác với tệp lô ghi trong {manifest} (đã bị sửa sau khi soạn); "
                                "cấp số từng tệp bằng «qdocgen so-di cap-so TỆP».")
        one = Request(**{**request.__dict__, "unit": str(entry["ma_don_vi"]), "output": None})
        out.append(give_number(draft, one, register))
    return out
