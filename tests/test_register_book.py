"""The register file: schema version and migration, backup, cancelling, settings."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import pytest
from conftest import run
from register_drafts import district_draft, variant

from qdocgen.errors import RegisterError
from qdocgen.register import Request, backup, cancel, db, give_number, numbering_mode, rows


def test_a_new_register_has_the_current_schema_and_numbers_per_office(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite3"
    assert rows(path) == [] and not path.exists()  # looking does not create it
    db.connect(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == db.VERSION >= 1
        names = {r[1] for r in conn.execute("PRAGMA table_info(van_ban_di)")}
    assert {"so_ky_hieu", "ngay_van_ban", "ten_loai_trich_yeu", "nguoi_ky", "noi_nhan", "don_vi_luu",
            "so_luong_ban", "ngay_chuyen", "ky_nhan", "ghi_chu", "tep", "sha256", "nguoi_dang_ky"} <= names
    assert numbering_mode(path) == "co-quan"


def test_a_register_from_a_newer_qdocgen_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {db.VERSION + 1}")
    with pytest.raises(RegisterError, match="phiên bản qdocgen mới hơn"):
        rows(path)


def test_migration_steps_run_in_order_with_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "so.sqlite3"
    db.connect(path).close()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE van_ban_di ADD COLUMN do_mat TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, add_column])
    monkeypatch.setattr(db, "VERSION", db.VERSION + 1)
    rows(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == db.VERSION
        assert "do_mat" in {r[1] for r in conn.execute("PRAGMA table_info(van_ban_di)")}
    assert (tmp_path / f"so.sqlite3.truoc-nang-cap-v{db.VERSION - 1}").exists()


def test_backup_is_a_sound_copy_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite3"
    draft = district_draft(tmp_path)
    give_number(variant(draft, tmp_path / "a.docx", "a"), Request(date=datetime.date(2026, 3, 5)), path)
    copy = backup(tmp_path / "sao-luu.sqlite3", path)
    assert [r.so_ky_hieu for r in rows(copy)] == ["01/QĐ-UBND"]
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with pytest.raises(RegisterError, match="không ghi đè"):
        backup(copy, path)
    result = run("so-di", "sao-luu", "--so", path)
    assert result.exit_code == 0 and "sao-luu-" in result.stdout
    assert run("so-di", "sao-luu", tmp_path / "khong-co.sqlite3", "--so", tmp_path / "x.sqlite3").exit_code == 8


def test_cancel_needs_a_reason_and_names_ambiguous_numbers(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite3"
    draft = district_draft(tmp_path)
    for unit in ("phuong-a", "phuong-b"):
        give_number(variant(draft, tmp_path / f"{unit}.docx", unit),
                    Request(date=datetime.date(2026, 3, 5), unit=unit), path)
    with pytest.raises(RegisterError, match="cần lý do"):
        cancel("01", " ", path, year=2026)
    with pytest.raises(RegisterError, match="nhiều sổ.*phuong-a.*phuong-b"):
        cancel("01", "nhầm", path, year=2026)
    done = cancel("1/QĐ-UBND", "nhầm", path, unit="phuong-b", year=2026)
    assert done.cancelled and "nhầm" in done.ghi_chu
    with pytest.raises(RegisterError, match="đã bị hủy"):
        cancel("01", "lại", path, unit="phuong-b", year=2026)
