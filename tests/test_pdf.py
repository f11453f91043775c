"""PDF through LibreOffice: the district decision read back with pdftotext, a batch, failures, hangs, fonts.

The real LibreOffice runs three times here (the batch, and a broken file with its retry); the rest of the
orchestration (profiles, time limits, retries, messages) runs against a fake ``soffice`` put first on PATH.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATASET, WARDS, run, soffice

from qdocgen.pdf import PdfError, convert

FAKE_SOFFICE = """#!{python}
# A stand-in for LibreOffice: logs each start; "hang" in a name hangs, "bad" fails, "none" makes no PDF.
import json, os, sys, time
args = sys.argv[1:]
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
out = args[args.index("--outdir") + 1]
files = [a for a in args if a.endswith(".docx")]
with open({log!r}, "a") as log:
    log.write(json.dumps({{"profile": profile, "files": [os.path.basename(f) for f in files]}}) + "\\n")
for f in files:
    name = os.path.basename(f)
    if "hang" in name:
        time.sleep(60)
    if "bad" in name:
        print("Error: source file could not be loaded")
        continue
    if "none" in name:
        continue
    with open(os.path.join(out, name[:-5] + ".pdf"), "wb") as pdf:
        pdf.write(b"%PDF-1.4 fake " + name.encode())
"""


def _pdftotext(path: Path, *pages: int) -> str:
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    text = subprocess.run(["pdftotext", *first_last, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", " ", text)


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def pdf_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice()
    out = tmp_path_factory.mktemp("pdf-batch")
    result = run("batch", DATASET, "-o", out, "--pdf")
    assert result.exit_code == 0, result.output + result.stderr
    assert "11 PDF, 0 PDF lỗi" in result.output
    return out


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake soffice first on PATH; returns its log (one JSON line per start)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "starts.log"
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    return log


def _starts(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def _docx(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.docx"
        path.write_bytes(b"PK not really a docx")
        paths.append(path)
    return paths


# --- with the real LibreOffice ---------------------------------------------------------------------------

def test_batch_with_pdf_gives_eleven_pdfs_beside_the_docx(pdf_batch: Path) -> None:
    stems = sorted(["quan-binh-tan", *WARDS])
    assert sorted(p.stem for p in pdf_batch.glob("*.pdf")) == stems
    assert sorted(p.stem for p in pdf_batch.glob("*.docx")) == stems
    for pdf in pdf_batch.glob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-")
    manifest = json.loads((pdf_batch / "manifest.json").read_text(encoding="utf-8"))
    assert {u["ma_don_vi"]: u["pdf"] for u in manifest["don_vi"]} == {s: f"{s}.pdf" for s in stems}


def test_district_pdf_text_header_date_articles_table_signature(pdf_batch: Path) -> None:
    text = _pdftotext(pdf_batch / "quan-binh-tan.pdf")
    for expected in [
        "ỦY BAN NHÂN DÂN", "QUẬN BÌNH TÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 784/QĐ-UBND", "Bình Tân, ngày 27 tháng 02 năm 2019",
        "Về việc ban hành Mục tiêu chất lượng trong phạm vi áp dụng Hệ thống quản lý chất lượng",
        "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Điều 1. Ban hành kèm theo Quyết định này", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Trưởng Ban Chỉ đạo ISO quận", "Nơi nhận:", "- Lưu: VT, NV (T).",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Lê Văn Thinh",
        "MỤC TIÊU CHẤT LƯỢNG", "“VÌ NHÂN DÂN PHỤC VỤ”", "STT Mục tiêu",
    ]:
        assert expected in text, expected
    header = text[text.index("STT Mục tiêu"):]
    for word in ("Cơ quan, đơn vị", "Phương pháp", "Biện pháp thực hiện"):  # cells wrap in their columns
        assert word in header[:200], word


def test_district_pdf_pages_decision_then_appendix(pdf_batch: Path) -> None:
    pdf = pdf_batch / "quan-binh-tan.pdf"
    assert _pages(pdf) == 5
    assert "Lê Văn Thinh" in _pdftotext(pdf, 2)
    assert "MỤC TIÊU CHẤT LƯỢNG" not in _pdftotext(pdf, 1, 2)
    assert "MỤC TIÊU CHẤT LƯỢNG" in _pdftotext(pdf, 3)
    appendix = _pdftotext(pdf, 3)
    assert "≥98%" in appendix and "Thu xếp nguồn nhân lực và đề xuất cơ sở vật chất" in appendix


def test_unconvertible_file_is_reported_and_the_others_still_convert(pdf_batch: Path, tmp_path: Path) -> None:
    good = tmp_path / "tot.docx"
    good.write_bytes((pdf_batch / "phuong-an-lac.docx").read_bytes())
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 broken zip")
    report = convert([broken, good], tmp_path / "pdf")
    assert report.converted == {good: tmp_path / "pdf" / "tot.pdf"}
    assert "Phường An Lạc".upper() in _pdftotext(tmp_path / "pdf" / "tot.pdf").upper()
    assert list(report.failed) == [broken]
    assert "LibreOffice không mở được tệp" in report.failed[broken] and "2 lần" in report.failed[broken]
    assert report.starts == 2  # both files in one start, the broken one retried once alone
    assert not report.ok


# --- the orchestration, against a fake soffice ----------------------------------------------------------

def test_many_files_go_in_one_start_with_its_own_profile(fake: Path, tmp_path: Path) -> None:
    paths = _docx(tmp_path / "in", *[f"don-vi-{i}" for i in range(11)])
    report = convert(paths)
    assert report.ok and len(report.converted) == 11 and report.starts == 1
    assert all(report.converted[p] == p.with_suffix(".pdf") and p.with_suffix(".pdf").is_file() for p in paths)
    starts = _starts(fake)
    assert len(starts) == 1 and len(starts[0]["files"]) == 11  # type: ignore[arg-type]


def test_a_hung_start_is_killed_the_file_retried_once_and_the_rest_still_converted(fake: Path,
                                                                                     tmp_path: Path) -> None:
    first, hung, last = _docx(tmp_path / "in", "a-truoc", "b-hang", "c-sau")
    report = convert([first, hung, last], tmp_path / "out", timeout=1)
    assert set(report.converted) == {first, last}
    assert list(report.failed) == [hung]
    assert "bị treo, quá thời hạn 1 giây" in report.failed[hung] and "đã thử 2 lần" in report.failed[hung]
    starts = _starts(fake)
    assert [s["files"] for s in starts] == [["a-truoc.docx", "b-hang.docx", "c-sau.docx"], ["c-sau.docx"],
                                            ["b-hang.docx"]]
    assert len({s["profile"] for s in starts}) == 3  # never two starts on one profile folder


def test_zero_pdfs_is_never_a_silent_success(fake: Path, tmp_path: Path) -> None:
    paths = _docx(tmp_path, "none-1", "none-2")
    result = run("pdf", *paths)
    assert result.exit_code == 7
    assert "0 PDF đã ghi, 2 lỗi" in result.output
    assert result.stderr.count("Không có PDF cho") == 2
    assert len(_starts(fake)) == 2  # tried, and retried once together


def test_existing_pdf_is_not_overwritten_without_force(fake: Path, tmp_path: Path) -> None:
    (path,) = _docx(tmp_path, "cu")
    path.with_suffix(".pdf").write_bytes(b"old")
    report = convert([path])
    assert "--force" in report.failed[path] and path.with_suffix(".pdf").read_bytes() == b"old"
    assert _starts(fake) == []
    assert convert([path], force=True).ok
    assert path.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")


def test_missing_times_new_roman_warns_once_naming_liberation_serif(fake: Path, tmp_path: Path) -> None:
    fc_list = fake.parent / "bin" / "fc-list"
    fc_list.write_text("#!/bin/sh\ncase \"$1\" in *Liberation*) echo 'Liberation Serif';; esac\n")
    fc_list.chmod(0o755)
    report = convert(_docx(tmp_path / "in", "a", "b", "c"))
    assert len(report.warnings) == 1
    assert "Times New Roman" in report.warnings[0] and "Liberation Serif" in report.warnings[0]
    assert "ttf-mscorefonts-installer" in report.warnings[0]


def test_missing_libreoffice_says_how_to_install_and_writes_nothing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    (path,) = _docx(tmp_path, "x")
    with pytest.raises(PdfError) as caught:
        convert([path])
    assert caught.value.exit_code == 7
    for args in (["pdf", path], ["batch", DATASET, "-o", tmp_path / "out", "--pdf"]):
        result = run(*args)
        assert result.exit_code == 7, result.output
        assert "Không tìm thấy LibreOffice" in result.stderr
        assert "apt-get install -y libreoffice-writer-nogui" in result.stderr
    assert not (tmp_path / "out").exists()
    assert run("batch", DATASET, "-o", tmp_path / "out").exit_code == 0  # without --pdf nothing else breaks
