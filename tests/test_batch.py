"""Batches a records office can trust: parallel = serial, manifest, failures alone, resume, kill, print file."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import DATASET, ROOT, run, soffice
from docx_text import open_docx, texts

from qdocgen import manifest
from qdocgen.batch import BatchOptions, render_batch
from qdocgen.oxml.zipwriter import PackageWriter

sys.path.insert(0, str(ROOT / "bench"))
from make_dataset import make  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UNITS = 11


def _copy_dataset(tmp_path: Path) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(DATASET, target)
    return target


def _docx(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.docx"))}


def test_jobs_2_writes_the_same_bytes_as_jobs_1(tmp_path: Path) -> None:
    one = render_batch(DATASET, tmp_path / "one", BatchOptions(jobs=1, lint=False))
    two = render_batch(DATASET, tmp_path / "two", BatchOptions(jobs=2, lint=False))
    assert len(one.written) == len(two.written) == UNITS
    assert _docx(tmp_path / "one") == _docx(tmp_path / "two")
    assert (tmp_path / "one" / "manifest.json").read_bytes() == (tmp_path / "two" / "manifest.json").read_bytes()


def test_big_batch_read_in_parallel_gives_the_same_files_and_problems(tmp_path: Path) -> None:
    """From 48 units the data is read in worker processes too: same files, same problems, same order."""
    from qdocgen.data.pipeline import PARALLEL_PREPARE_FROM

    ds = make(PARALLEL_PREPARE_FROM + 2, tmp_path / "ds")
    broken = sorted(ds.glob("phuong-*.yaml"))[-1]
    broken.write_text(broken.read_text(encoding="utf-8") + "nam: hai nghìn\n", encoding="utf-8")
    one = render_batch(ds, tmp_path / "one", BatchOptions(jobs=1, lint=False))
    two = render_batch(ds, tmp_path / "two", BatchOptions(jobs=2, lint=False))
    assert len(one.written) == len(two.written) == PARALLEL_PREPARE_FROM + 1
    assert list(one.failed) == list(two.failed) == [broken.stem]
    assert one.failed == two.failed and "[nam]" in one.failed[broken.stem]
    assert _docx(tmp_path / "one") == _docx(tmp_path / "two")
    assert (tmp_path / "one" / "manifest.json").read_bytes() == (tmp_path / "two" / "manifest.json").read_bytes()


def test_manifest_hashes_match_the_files(tmp_path: Path) -> None:
    result = run("batch", DATASET, "-o", tmp_path, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    records = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["don_vi"]
    assert [r["ma_don_vi"] for r in records][0] == "quan-binh-tan" and len(records) == UNITS
    for r in records:
        assert r["trang_thai"] == manifest.WRITTEN
        assert hashlib.sha256((tmp_path / r["tep"]).read_bytes()).hexdigest() == r["sha256"]
    assert records[1]["ten_don_vi"] == "Ủy ban nhân dân phường An Lạc"
    assert any("nguoi_ky.ho_ten" in w for w in records[1]["canh_bao"])
    rows = list(csv.DictReader((tmp_path / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["Mã đơn vị"], r["Mã SHA-256"]) for r in rows] == [(r["ma_don_vi"], r["sha256"]) for r in records]
    assert {r["Trạng thái"] for r in rows} == {"đã ghi"}
    assert (tmp_path / "manifest.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert "Xong: 11 tệp đã ghi" in result.output


def test_broken_unit_fails_alone_and_is_in_the_manifest(tmp_path: Path) -> None:
    ds = _copy_dataset(tmp_path)
    (ds / "phuong-tan-tao.yaml").write_text("ke_thua: _phuong.yaml\nten_phuong: Tân Tạo\nnam: hai nghìn\n",
                                            encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", ds, "-o", out, "--jobs", "2")
    assert result.exit_code == 3
    assert "phuong-tan-tao" in result.stderr and "[nam]" in result.stderr
    records = {r["ma_don_vi"]: r for r in json.loads((out / "manifest.json").read_text("utf-8"))["don_vi"]}
    assert records["phuong-tan-tao"]["trang_thai"] == manifest.FAILED
    assert "[nam]" in records["phuong-tan-tao"]["loi"] and records["phuong-tan-tao"]["tep"] == ""
    assert sum(r["trang_thai"] == manifest.WRITTEN for r in records.values()) == UNITS - 1
    assert not (out / "phuong-tan-tao.docx").exists()


def test_resume_keeps_matching_files_and_redoes_failed_and_missing(tmp_path: Path) -> None:
    ds = _copy_dataset(tmp_path)
    good = (ds / "phuong-tan-tao.yaml").read_text(encoding="utf-8")
    (ds / "phuong-tan-tao.yaml").write_text(good + "nam: hai nghìn\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("batch", ds, "-o", out, "--jobs", "1").exit_code == 3
    first = _docx(out)
    (out / "phuong-an-lac.docx").unlink()
    (ds / "phuong-tan-tao.yaml").write_text(good, encoding="utf-8")
    result = run("batch", ds, "-o", out, "--resume", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert "2 tệp đã ghi" in result.output and "9 giữ nguyên" in result.output
    records = {r["ma_don_vi"]: r for r in json.loads((out / "manifest.json").read_text("utf-8"))["don_vi"]}
    assert records["phuong-tan-tao"]["trang_thai"] == records["phuong-an-lac"]["trang_thai"] == manifest.WRITTEN
    assert records["quan-binh-tan"]["trang_thai"] == manifest.KEPT
    assert {k: v for k, v in _docx(out).items() if k in first} == first
    # A file changed by hand is neither kept as ours nor overwritten.
    (out / "phuong-an-lac-a.docx").write_bytes(b"edited by hand")
    again = run("batch", ds, "-o", out, "--resume")
    assert again.exit_code == 5 and "phuong-an-lac-a.docx" in again.stderr
    assert (out / "phuong-an-lac-a.docx").read_bytes() == b"edited by hand"


def _as_at_a_terminal() -> None:
    # A test run started in the background by a shell inherits SIGINT ignored, and so would the batch: give it
    # Ctrl-C's default, as at a terminal, so the signal reaches Python as KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(ds: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "qdocgen.cli", "batch", str(ds), "-o", str(out), "--jobs", "1",
                             "-q"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_as_at_a_terminal)


def _wait_for_files(out: Path, proc: subprocess.Popen[bytes], count: int) -> None:
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.docx"))) < count:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "batch too slow to start"
        time.sleep(0.02)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_batch_leaves_only_whole_files_and_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    units = 40
    ds = make(units, tmp_path / "ds")
    out = tmp_path / "out"
    proc = _start(ds, out)
    _wait_for_files(out, proc, 3)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    written = sorted(out.glob("*.docx"))
    assert 3 <= len(written) < units
    for path in written:
        assert open_docx(path).paragraphs  # a whole, readable document
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "không để lại tệp dở dang" in err.decode()
        assert not list(out.glob(".*.tmp"))
        assert (out / "manifest.json").exists()
    result = run("batch", ds, "-o", out, "--resume", "--jobs", "2", "-q")
    assert result.exit_code == 0, result.stderr
    assert len(list(out.glob("*.docx"))) == units and not list(out.glob(".*.tmp"))
    records = json.loads((out / "manifest.json").read_text("utf-8"))["don_vi"]
    assert all(r["trang_thai"] in (manifest.WRITTEN, manifest.KEPT) for r in records) and len(records) == units


def test_combine_has_every_unit_in_order_and_zip_has_outputs(tmp_path: Path) -> None:
    only = ["quan-binh-tan", "phuong-an-lac", "phuong-tan-tao-a"]
    combined, packed = tmp_path / "in-chung.docx", tmp_path / "lo.zip"
    args = [a for i in only for a in ("--only", i)]
    result = run("batch", DATASET, "-o", tmp_path / "out", *args, "--combine", combined, "--zip", packed)
    assert result.exit_code == 0, result.stderr
    got = texts(combined)
    assert got[0] == "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN" and got[1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    starts = [got.index(f"ỦY BAN NHÂN DÂN {t}") for t in ("PHƯỜNG AN LẠC", "PHƯỜNG TÂN TẠO A")]
    assert 0 < starts[0] < starts[1]
    for name in only:
        assert "\n".join(texts(tmp_path / "out" / f"{name}.docx")) in "\n".join(got)
    body = open_docx(combined).element.body
    sections = body.findall(f".//{W}sectPr")
    restarts = [s for s in sections if (p := s.find(f"{W}pgNumType")) is not None and p.get(f"{W}start") == "1"]
    assert len(sections) == 2 * len(only) and len(restarts) == 2 * len(only)  # decision and appendix each
    assert all(s.find(f"{W}type") is None for s in sections)  # every section starts on a new page
    with zipfile.ZipFile(packed) as archive:
        assert sorted(archive.namelist()) == sorted([f"{n}.docx" for n in only] + ["manifest.json", "manifest.csv"])
        assert archive.read("phuong-an-lac.docx") == (tmp_path / "out" / "phuong-an-lac.docx").read_bytes()

    lo = soffice()
    pdfs = tmp_path / "pdf"
    inputs = [combined] + [tmp_path / "out" / f"{n}.docx" for n in only]
    subprocess.run([lo, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(pdfs), *map(str, inputs)], check=True, capture_output=True, timeout=240)

    def pages(path: Path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))

    assert pages(pdfs / "in-chung.pdf") == sum(pages(pdfs / f"{n}.pdf") for n in only)
    first_of_second = sum(pages(pdfs / f"{n}.pdf") for n in only[:1])
    second_page = subprocess.run(["pdftotext", "-f", str(first_of_second + 2), "-l", str(first_of_second + 2),
                                  str(pdfs / "in-chung.pdf"), "-"], capture_output=True, text=True).stdout
    assert second_page.lstrip().startswith("2")  # the second unit's page 2 is numbered 2 again


def test_package_writer_makes_a_valid_zip_equal_to_zipfile(tmp_path: Path) -> None:
    parts = [("a.xml", (2020, 3, 5, 0, 0, 0), b"<a/>" * 100), ("word/b.xml", (2020, 3, 5, 1, 2, 4), b"x"),
             ("c.bin", (1979, 1, 1, 0, 0, 0), os.urandom(300))]
    data = PackageWriter(parts, replaced=["word/b.xml"]).build({"word/b.xml": "Việt".encode()})
    (tmp_path / "p.zip").write_bytes(data)
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["a.xml", "word/b.xml", "c.bin"]
        assert archive.read("word/b.xml").decode() == "Việt" and archive.read("a.xml") == b"<a/>" * 100
        assert archive.getinfo("word/b.xml").date_time == (2020, 3, 5, 1, 2, 4)
