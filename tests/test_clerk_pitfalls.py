"""What a records clerk trips over (issue 23): YAML pitfalls said plainly, misspelt keys, re-runs that succeed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATASET, run

from qdocgen.batch import Report
from qdocgen.errors import Problem


def _unit(tmp_path: Path, extra: str) -> Path:
    """A copy of the dataset whose ward An Lạc has ``extra`` appended to its file."""
    target = tmp_path / "ds"
    shutil.copytree(DATASET, target)
    path = target / "phuong-an-lac.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(("extra", "said"), [
    ("noi_nhan:\n  - Như Điều 3\n  - UBND phường: CT, các PCT\n",
     ['dấu «:»', 'ngoặc kép: "UBND phường: CT, các PCT"', ":9 [noi_nhan[2]]"]),
    ("noi_nhan:\n\t- Như Điều 3\n", ["Tab", "gõ dấu cách"]),
    ("noi_nhan:\n  - Như Điều 3\n  Lưu VT\n", ["«- » ở đầu dòng"]),
    ("trich_yeu: Ban hành Mục tiêu chất lượng #2\n", ["«#2» bị bỏ", '"Ban hành Mục tiêu chất lượng #2"']),
    ("ngay_ban_hanh: 27/2\n", ["thiếu năm", "27/02/2026"]),
    ("so: 05\n", ["số 0 ở đầu", '"05"']),
])
def test_yaml_pitfalls_say_what_happened_and_what_to_type(tmp_path: Path, extra: str, said: list[str]) -> None:
    data = _unit(tmp_path, extra)
    result = run("render", data, "-o", tmp_path / "a.docx")
    assert result.exit_code == 3
    for words in said:
        assert words in result.stderr, (words, result.stderr)
    assert "bảng khóa" not in result.stderr and not (tmp_path / "a.docx").exists()


def test_misspelt_required_key_is_named_with_its_line_and_date_format_said_once(tmp_path: Path) -> None:
    ds = tmp_path / "ds"
    shutil.copytree(DATASET, ds)
    path = ds / "quan-binh-tan.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("ngay_ban_hanh:"))
    path.write_text("\n".join(lines).replace("ngay_ban_hanh:", "ngay_ban_hnah:") + "\n", encoding="utf-8")
    result = run("render", path, "-o", tmp_path / "a.docx")
    assert result.exit_code == 3
    assert f"quan-binh-tan.yaml:{number} [ngay_ban_hnah]" in result.stderr
    assert "Có phải là «ngay_ban_hanh»" in result.stderr or "có phải là «ngay_ban_hanh»" in result.stderr
    assert result.stderr.count("27/02/2019") <= 1 and "Cảnh báo" not in result.stderr


def test_only_suggests_the_close_unit_id(tmp_path: Path) -> None:
    result = run("batch", DATASET, "-o", tmp_path / "o", "--only", "phuong-an-lax")
    assert result.exit_code == 3 and "Có phải «phuong-an-lac»?" in result.stderr


def test_set_of_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    result = run("render", DATASET / "phuong-an-lac.yaml", "-o", tmp_path / "a.docx",
                 "--set", "nguoi_ky.hoten=Nguyễn Văn A")
    assert result.exit_code == 3, result.output
    assert "--set [nguoi_ky.hoten]" in result.stderr and "«ho_ten»" in result.stderr
    assert not (tmp_path / "a.docx").exists()


def test_warnings_name_file_and_line() -> None:
    report = Report(warnings=[Problem("ds/a.yaml", "phu_luc.muc_tieu[1]", "mục tiêu chưa đo được", 12, "a"),
                              Problem("ds/b.yaml", "x", "lạ", 3, "b"), Problem("ds/c.yaml", "x", "lạ", 4, "c")])
    lines = report.warning_lines()
    assert lines[0].startswith("ds/a.yaml:12 [phu_luc.muc_tieu[1]]")
    assert "ds/b.yaml:3, ds/c.yaml:4" in lines[1]


def test_second_identical_batch_keeps_files_and_succeeds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("batch", DATASET, "-o", out, "--only", "phuong-an-lac", "--only", "quan-binh-tan", "-j", "1")
    assert first.exit_code == 0, first.stderr
    again = run("batch", DATASET, "-o", out, "--only", "phuong-an-lac", "--only", "quan-binh-tan", "-j", "1")
    assert again.exit_code == 0, again.stderr
    assert "Bỏ qua" not in again.stderr and "2 giữ nguyên" in again.output
    single = run("render", DATASET / "quan-binh-tan.yaml", "-o", out / "quan-binh-tan.docx")
    assert single.exit_code == 0 and "1 giữ nguyên" in single.output


def test_resume_over_a_file_edited_by_hand_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("batch", DATASET, "-o", out, "--only", "phuong-an-lac", "-j", "1").exit_code == 0
    (out / "phuong-an-lac.docx").write_bytes(b"edited")
    again = run("batch", DATASET, "-o", out, "--only", "phuong-an-lac", "--resume", "-j", "1")
    assert again.exit_code == 5 and "sửa tay" in again.stderr
    assert (out / "phuong-an-lac.docx").read_bytes() == b"edited"


def test_second_pdf_run_keeps_a_pdf_made_from_the_same_docx(tmp_path: Path) -> None:
    import os

    import docx

    from qdocgen.pdf.convert import PdfReport, _accept

    source = tmp_path / "a.docx"
    docx.Document().save(str(source))
    target = tmp_path / "a.pdf"
    target.write_bytes(b"%PDF-1.7 made earlier")
    report = PdfReport()
    assert _accept([source], None, False, report) == {}
    assert report.kept == {source: target} and not report.failed
    os.utime(target, (1, 1))  # a PDF older than its .docx is stale: not kept, not overwritten without --force
    stale = PdfReport()
    _accept([source], None, False, stale)
    assert "cũ hơn" in stale.failed[source] and not stale.kept


def test_render_without_output_writes_into_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    data = _unit(tmp_path, "")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert run("render", data).exit_code == 0
    assert (work / "phuong-an-lac.docx").is_file() and not data.with_suffix(".docx").exists()


def test_combine_and_zip_names_go_into_the_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import zipfile

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    result = run("batch", DATASET, "-o", out, "--only", "phuong-an-lac", "--combine", "in.docx", "--zip", "lo.zip",
                 "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert (out / "in.docx").is_file() and (out / "lo.zip").is_file() and not (tmp_path / "lo.zip").exists()
    made = os.stat(out / "phuong-an-lac.docx").st_mtime
    with zipfile.ZipFile(out / "lo.zip") as archive:
        stamp = archive.getinfo("phuong-an-lac.docx").date_time
    assert stamp[0] >= 2024 and abs(__import__("time").mktime((*stamp, 0, 0, -1)) - made) < 3
    rows = (out / "manifest.csv").read_bytes()
    assert rows.startswith(b"\xef\xbb\xbf") and "Trạng thái" in rows.decode("utf-8-sig")
    assert "đã ghi" in rows.decode("utf-8-sig")


def test_libreoffice_is_found_where_windows_installs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qdocgen.pdf import office

    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    soffice = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    soffice.parent.mkdir(parents=True)
    soffice.write_bytes(b"")
    assert office.find_soffice() == str(soffice)
    soffice.unlink()
    monkeypatch.setattr(office, "usual_places", lambda: [tmp_path / "none"])
    with pytest.raises(office.PdfError) as info:
        office.find_soffice()
    assert "libreoffice.org" in info.value.message


def test_variables_says_as_many_as_it_lists() -> None:
    result = run("variables", "quyet-dinh-mtcl")
    lines = result.output.splitlines()
    said = int(lines[0].split(" dùng ")[1].split()[0])
    assert said == len([line for line in lines[1:] if line.startswith("  ")])
