"""Giving numbers: the filled copy, the row, refusals, year rollover, and safety under concurrency and kills."""

from __future__ import annotations

import datetime
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT, run
from register_drafts import district_draft, variant

from qdocgen.errors import RegisterError
from qdocgen.register import Request, cancel, db, give_number, give_numbers_from_manifest, rows, set_numbering
from qdocgen.register.numbering import TEMP_SUFFIX

D = datetime.date


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return district_draft(tmp_path_factory.mktemp("draft"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _drafts(draft: Path, folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [variant(draft, folder / f"vb{i:02d}.docx", f"văn bản {i}") for i in range(1, count + 1)]


def test_numbered_copy_has_number_and_date_the_nd30_way_and_the_draft_is_kept(draft: Path, tmp_path: Path) -> None:
    source = variant(draft, tmp_path / "qd.docx", "a")
    before = _sha(source)
    done = give_number(source, Request(date=D(2026, 3, 5)), tmp_path / "so.sqlite3")
    assert _sha(source) == before
    assert done.path == tmp_path / "qd-so-01.docx"
    document = docx.Document(str(done.path))
    number_cell, date_cell = document.tables[0].rows[1].cells
    assert number_cell.text == "Số: 01/QĐ-UBND"
    assert date_cell.text == "Bình Tân, ngày 05 tháng 3 năm 2026"
    assert date_cell.paragraphs[0].runs[0].italic is True
    appendix = next(p.text for p in document.paragraphs if p.text.startswith("(Ban hành kèm theo"))
    assert appendix.startswith("(Ban hành kèm theo Quyết định số 01/QĐ-UBND ngày 05 tháng 3 năm 2026\n")
    row = done.row
    assert (row.so, row.nam, row.so_ky_hieu, row.ngay_van_ban) == (1, 2026, "01/QĐ-UBND", "2026-03-05")
    assert row.ten_loai_trich_yeu.startswith("Quyết định về việc ban hành (a) Mục tiêu chất lượng")
    assert row.nguoi_ky == "Lê Văn Thinh"
    assert row.noi_nhan.splitlines()[0] == "Như Điều 3" and "Lưu" not in row.noi_nhan
    assert row.don_vi_luu == "VT, NV (T)"
    assert row.sha256 == _sha(done.path) and row.sha256_du_thao == before and row.tep_tam is None
    assert "dự thảo ghi năm 2019" in done.warnings[0]


def test_numbers_from_ten_up_unpadded_days_and_january_padded(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    sources = _drafts(draft, tmp_path / "d", 10)
    for day, source in enumerate(sources, start=1):
        done = give_number(source, Request(date=D(2026, 1, day)), register)
    cell = docx.Document(str(done.path)).tables[0].rows[1].cells
    assert cell[0].text == "Số: 10/QĐ-UBND"
    assert cell[1].text == "Bình Tân, ngày 10 tháng 01 năm 2026"
    first = docx.Document(str(tmp_path / "d" / "vb01-so-01.docx")).tables[0].rows[1].cells
    assert (first[0].text, first[1].text) == ("Số: 01/QĐ-UBND", "Bình Tân, ngày 01 tháng 01 năm 2026")


def test_a_document_gets_one_number_only(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    source = variant(draft, tmp_path / "qd.docx", "b")
    done = give_number(source, Request(date=D(2026, 3, 5)), register)
    with pytest.raises(RegisterError, match="đã được cấp số 01/QĐ-UBND ngày 05/03/2026"):
        give_number(source, Request(date=D(2026, 3, 6)), register)
    with pytest.raises(RegisterError, match="đã có số"):  # the numbered copy itself
        give_number(done.path, Request(date=D(2026, 3, 6)), register)
    cancel("01/QĐ-UBND", "Ký nhầm bản", register, year=2026)
    again = give_number(source, Request(date=D(2026, 3, 6)), register)
    assert again.row.so == 2  # a cancelled number is never given again
    assert [r.so for r in rows(register, 2026)] == [1, 2]


def test_a_date_before_the_books_last_date_needs_a_reason(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    one, two = _drafts(draft, tmp_path / "d", 2)
    give_number(one, Request(date=D(2026, 3, 10)), register)
    with pytest.raises(RegisterError, match="trước ngày của số đã cấp 01/QĐ-UBND"):
        give_number(two, Request(date=D(2026, 3, 9)), register)
    assert not list((tmp_path / "d").glob("vb02-so-*")) and len(rows(register)) == 1
    done = give_number(two, Request(date=D(2026, 3, 9), backdate_reason="Trình ký ngày 09/3, vào sổ muộn"),
                       register)
    assert done.row.so == 2 and "vào sổ muộn" in done.row.ghi_chu and "01/QĐ-UBND" in done.row.ghi_chu


def test_the_year_rolls_over_on_the_first_of_january(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    sources = _drafts(draft, tmp_path / "d", 3)
    give_number(sources[0], Request(date=D(2026, 12, 30)), register)
    assert give_number(sources[1], Request(date=D(2026, 12, 31)), register).row.so == 2
    new_year = give_number(sources[2], Request(date=D(2027, 1, 1)), register)
    assert (new_year.row.so, new_year.row.nam, new_year.row.so_ky_hieu) == (1, 2027, "01/QĐ-UBND")
    assert docx.Document(str(new_year.path)).tables[0].rows[1].cells[1].text == "Bình Tân, ngày 01 tháng 01 năm 2027"


def test_a_date_after_today_is_numbered_with_a_warning(draft: Path, tmp_path: Path) -> None:
    tomorrow = D.today() + datetime.timedelta(days=1)
    done = give_number(variant(draft, tmp_path / "mai.docx", "g"), Request(date=tomorrow), tmp_path / "so.sqlite3")
    assert any("sau hôm nay" in message for message in done.warnings)
    same_day = give_number(variant(draft, tmp_path / "nay.docx", "h"), Request(date=D.today()),
                           tmp_path / "so2.sqlite3")
    assert not any("sau hôm nay" in message for message in same_day.warnings)


def test_books_per_symbol_when_configured(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    set_numbering("ky-hieu", register)
    decision = variant(draft, tmp_path / "qd.docx", "c")
    notice = variant(draft, tmp_path / "tb.docx", "d", symbol="TB-UBND")
    assert give_number(decision, Request(date=D(2026, 3, 5)), register).row.so_ky_hieu == "01/QĐ-UBND"
    done = give_number(notice, Request(date=D(2026, 3, 5)), register)
    assert done.row.so_ky_hieu == "01/TB-UBND"
    assert docx.Document(str(done.path)).tables[0].rows[1].cells[0].text == "Số: 01/TB-UBND"
    with pytest.raises(RegisterError, match="giữa năm"):
        set_numbering("co-quan", register)


def test_a_numbered_document_and_an_unsigned_draft_are_refused(batch_dir: Path, district: Path,
                                                                 tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    with pytest.raises(RegisterError, match="đã có số «Số: 784/QĐ-UBND»"):
        give_number(district, Request(date=D(2026, 3, 5)), register)
    with pytest.raises(RegisterError, match="chưa có họ tên người ký"):
        give_number(batch_dir / "phuong-an-lac.docx", Request(date=D(2026, 3, 5)), register)
    assert not register.exists() or rows(register) == []


def test_the_batch_manifest_feeds_the_register(batch_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "lo"
    out.mkdir()
    for name in ("manifest.json", "phuong-an-lac.docx", "phuong-tan-tao.docx"):
        (out / name).write_bytes((batch_dir / name).read_bytes())
    register = tmp_path / "so.sqlite3"
    done = give_numbers_from_manifest(out / "manifest.json", Request(date=D(2026, 3, 5), unit="phuong-an-lac",
                                                                     signer="Nguyễn Văn A"), register)
    assert [(d.row.don_vi, d.row.so, d.row.nguoi_ky) for d in done] == [("phuong-an-lac", 1, "Nguyễn Văn A")]
    assert done[0].row.ten_don_vi == "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC"
    assert done[0].row.co_quan_chu_quan == "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN"
    # Through the file too: the unit comes from the manifest beside it, each office has its own book.
    other = give_number(out / "phuong-tan-tao.docx", Request(date=D(2026, 3, 5), signer="Trần Thị B"), register)
    assert (other.row.don_vi, other.row.so) == ("phuong-tan-tao", 1)


def test_cli_numbers_lists_cancels_with_exit_codes(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    source = variant(draft, tmp_path / "qd.docx", "e")
    result = run("so-di", "cap-so", source, "--ngay", "05/3/2026", "--so", register, "--so-ban", "15")
    assert result.exit_code == 0, result.stderr
    assert "Đã cấp số 01/QĐ-UBND ngày 05/03/2026" in result.stdout
    again = run("so-di", "cap-so", source, "--ngay", "06/3/2026", "--so", register)
    assert again.exit_code == 8 and "đã được cấp số" in again.stderr
    bad_date = run("so-di", "cap-so", source, "--ngay", "31/02/2026", "--so", register)
    assert bad_date.exit_code == 8 and "--ngay" in bad_date.stderr
    assert run("so-di", "huy", "01/QĐ-UBND", "--nam", "2026", "--ly-do", "Nhầm", "--so", register).exit_code == 0
    listing = run("so-di", "danh-sach", "--so", register)
    assert "01/QĐ-UBND" in listing.stdout and "[ĐÃ HỦY]" in listing.stdout
    missing = run("so-di", "huy", "07", "--nam", "2026", "--ly-do", "x", "--so", register)
    assert missing.exit_code == 8 and "không có số 07" in missing.stderr


# --- safety: processes at once, processes killed ------------------------------------------------------------

_CHILD = textwrap.dedent("""
    import datetime, os, signal, sys
    from pathlib import Path
    from qdocgen.register import numbering
    stop_at = os.environ.get("STOP_AT")
    if stop_at:
        numbering._stage = lambda name: os.kill(os.getpid(), signal.SIGKILL) if name == stop_at else None
    start = float(os.environ.get("START_AT", "0"))
    if start:
        __import__("time").sleep(max(0.0, start - __import__("time").time()))
    register = Path(sys.argv[1])
    for draft in sys.argv[2:]:
        done = numbering.give_number(Path(draft), numbering.Request(date=datetime.date(2026, 3, 5)), register)
        print(done.row.so, flush=True)
""")


def _child(register: Path, drafts: list[Path], **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _CHILD, str(register), *map(str, drafts)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **env})


def _consistent(register: Path, folder: Path) -> list[int]:
    """The register after a crash: sound file, every number with its complete file, no file without a number."""
    given = rows(register)  # opening finishes an interrupted numbering
    with sqlite3.connect(register) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for row in given:
        assert row.tep_tam is None and Path(row.tep).exists() and _sha(Path(row.tep)) == row.sha256
        cell = docx.Document(row.tep).tables[0].rows[1].cells[0].text
        assert cell == f"Số: {row.so_ky_hieu}"
    numbered = sorted(p.name for p in folder.glob("*-so-*.docx"))
    assert numbered == sorted(Path(r.tep).name for r in given)
    return [r.so for r in given]


def test_twenty_processes_at_once_get_01_to_20(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    sources = _drafts(draft, tmp_path / "d", 20)
    db.connect(register).close()  # created before the race, as an office's register is
    start = str(time.time() + 3)
    children = [_child(register, [source], START_AT=start) for source in sources]
    outputs = [child.communicate(timeout=240) for child in children]
    assert all(child.returncode == 0 for child in children), [err for _, err in outputs]
    assert sorted(int(out) for out, _ in outputs) == list(range(1, 21))
    assert _consistent(register, tmp_path / "d") == list(range(1, 21))


@pytest.mark.parametrize("stage, given", [("temp_written", False), ("inserted", False), ("committed", True),
                                          ("finished", True)])
def test_a_process_killed_while_numbering_leaves_the_number_with_its_file_or_not_given(
        draft: Path, tmp_path: Path, stage: str, given: bool) -> None:
    register = tmp_path / "so.sqlite3"
    one, two = _drafts(draft, tmp_path / "d", 2)
    child = _child(register, [one], STOP_AT=stage)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert _consistent(register, tmp_path / "d") == ([1] if given else [])
    # The next numbering goes on from there and clears what the killed process left behind.
    done = give_number(two, Request(date=D(2026, 3, 6)), register)
    assert done.row.so == (2 if given else 1)
    assert not list((tmp_path / "d").glob(f".*{TEMP_SUFFIX}"))


def test_a_process_killed_at_a_random_moment_leaves_a_consistent_register(draft: Path, tmp_path: Path) -> None:
    register = tmp_path / "so.sqlite3"
    sources = _drafts(draft, tmp_path / "d", 6)
    db.connect(register).close()
    child = _child(register, sources)
    time.sleep(1.2)  # part of the way through six numberings
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    given = _consistent(register, tmp_path / "d")
    assert given == list(range(1, len(given) + 1))


def test_a_date_already_written_on_the_draft_is_the_registered_date(draft: Path, tmp_path: Path) -> None:
    dated = tmp_path / "co-ngay.docx"
    with zipfile.ZipFile(variant(draft, tmp_path / "v.docx", "f")) as source, \
            zipfile.ZipFile(dated, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace("Bình Tân, ngày     tháng     năm 2019".encode(),
                                    "Bình Tân, ngày 09 tháng 3 năm 2026".encode())
            dest.writestr(info, data)
    register = tmp_path / "so.sqlite3"
    with pytest.raises(RegisterError, match="đã ghi ngày 09/03/2026, khác --ngay 10/03/2026"):
        give_number(dated, Request(date="10/3/2026"), register)
    done = give_number(dated, Request(), register)
    assert done.row.ngay_van_ban == "2026-03-09"
    document = docx.Document(str(done.path))
    assert document.tables[0].rows[1].cells[1].text == "Bình Tân, ngày 09 tháng 3 năm 2026"
    appendix = next(p.text for p in document.paragraphs if p.text.startswith("(Ban hành kèm theo"))
    assert "số 01/QĐ-UBND ngày 09 tháng 3 năm 2026" in appendix
