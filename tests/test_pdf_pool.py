"""The pool: resident LibreOffices sharing a batch through one queue, failures redone, a time limit per file.

The scheduling runs against fake offices (no LibreOffice: each records what it was given); one test runs the
real LibreOffice and compares the pool's PDFs with those of the path that starts LibreOffice per group.
"""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import soffice
from test_pdf import TINY_PDF, _docx

from qdocgen.errors import PdfError
from qdocgen.pdf import convert, pool


class FakeOffice:
    """Writes a tiny PDF per file; ``dies_at``: the nth export fails as a LibreOffice that died."""

    def __init__(self, name: str, *, delay: float = 0.0, dies_at: int = 0, starts_ok: bool = True) -> None:
        self.name, self.delay, self.dies_at, self.starts_ok = name, delay, dies_at, starts_ok
        self.starts = 0
        self.exports: list[tuple[str, float]] = []
        self.running = False

    def start(self) -> None:
        if not self.starts_ok:
            raise PdfError("LibreOffice không khởi động được trong 60 giây.")
        if not self.running:
            self.running, self.starts = True, self.starts + 1

    def export(self, docx: Path, produced: Path, timeout: float) -> None:
        self.start()
        self.exports.append((docx.name, timeout))
        time.sleep(self.delay)
        if "treo" in docx.name:  # what ResidentOffice says when its watchdog killed a hung conversion
            self.running = False
            raise PdfError(f"{docx}: LibreOffice bị treo, quá thời hạn {timeout:g} giây; đã khởi động lại "
                           "LibreOffice cho lần sau.")
        if len(self.exports) == self.dies_at:
            self.running = False
            raise PdfError(f"{docx}: LibreOffice dừng bất thường khi chuyển tệp này; sẽ khởi động lại cho lần sau.")
        produced.write_bytes(TINY_PDF)

    def stop(self) -> None:
        self.running = False


class Placed:
    """The ``place`` callback: what was finished, in which thread, once per file."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.threads: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, path: Path, produced: Path) -> None:
        assert produced.read_bytes() == TINY_PDF
        with self.lock:
            self.files.append(path.name)
            self.threads.add(threading.current_thread().name)


def _run(offices: list[FakeOffice], files: list[Path], tmp_path: Path, timeout: float = 30.0,
         clean: object = None) -> tuple[pool.Outcome, pool.Stages, Placed]:
    placed = Placed()
    work = tmp_path / "work"
    work.mkdir()
    outcome, stages = pool.run(offices, files, clean=clean or (lambda path: path),  # type: ignore[arg-type]
                               place=placed, timeout=timeout, work=work)
    return outcome, stages, placed


def test_every_file_is_converted_once_and_a_faster_office_takes_more(tmp_path: Path) -> None:
    files = _docx(tmp_path / "in", *[f"don-vi-{i:02}" for i in range(22)])
    fast, slow = FakeOffice("nhanh", delay=0.001), FakeOffice("cham", delay=0.05)
    outcome, stages, placed = _run([fast, slow], files, tmp_path)
    assert not outcome.failed and not outcome.untried
    assert sorted(placed.files) == sorted(f.name for f in files)  # each placed exactly once
    exported = [name for office in (fast, slow) for name, _ in office.exports]
    assert sorted(exported) == sorted(f.name for f in files)  # each converted exactly once
    assert len(fast.exports) > len(slow.exports) >= 1  # handed out one at a time, not in fixed halves
    assert placed.threads == {"qdocgen-finish_0"}  # finished beside the conversions, not by the offices
    assert outcome.starts == 2 and len(stages.starts) == 2 and stages.offices == 2
    assert stages.convert > 0 and stages.finish >= 0 and stages.wall > 0


def test_the_file_of_an_office_that_died_is_redone_and_nothing_twice(tmp_path: Path) -> None:
    files = _docx(tmp_path / "in", *[f"don-vi-{i:02}" for i in range(8)])
    dying, other = FakeOffice("chet", delay=0.01, dies_at=2), FakeOffice("khac", delay=0.01)
    outcome, _, placed = _run([dying, other], files, tmp_path)
    assert not outcome.failed and sorted(placed.files) == sorted(f.name for f in files)
    lost = dying.exports[1][0]
    everything = [name for office in (dying, other) for name, _ in office.exports]
    assert everything.count(lost) == 2  # the file in hand when it died went back to the queue, once
    assert len(everything) == len(files) + 1
    assert dying.starts == 2 and outcome.starts == 3  # the dead office was started again for the next file


def test_a_file_past_the_time_limit_twice_is_reported_and_the_rest_converted(tmp_path: Path) -> None:
    files = _docx(tmp_path / "in", "a-truoc", "b-treo", "c-sau", "d-cuoi")
    offices = [FakeOffice("mot"), FakeOffice("hai")]
    outcome, _, placed = _run(offices, files, tmp_path, timeout=7)
    assert sorted(placed.files) == ["a-truoc.docx", "c-sau.docx", "d-cuoi.docx"]
    assert list(outcome.failed) == [files[1]]
    assert outcome.failed[files[1]] == ("LibreOffice bị treo, quá thời hạn 7 giây; đã khởi động lại LibreOffice "
                                        "cho lần sau; đã thử 2 lần, không có PDF.")  # no temporary path in it
    calls = [call for office in offices for call in office.exports]
    assert {timeout for _, timeout in calls} == {7}  # the limit is each file's
    assert [name for name, _ in calls].count("b-treo.docx") == 2


def test_a_refused_copy_is_reported_without_reaching_libreoffice(tmp_path: Path) -> None:
    files = _docx(tmp_path / "in", "tot", "xau")

    def clean(path: Path) -> Path:
        if path.stem == "xau":
            raise PdfError("có macro; qdocgen không nhận.")
        return path

    office = FakeOffice("mot")
    outcome, _, placed = _run([office], files, tmp_path, clean=clean)
    assert placed.files == ["tot.docx"] and outcome.failed == {files[1]: "có macro; qdocgen không nhận."}
    assert [name for name, _ in office.exports] == ["tot.docx"]


def test_an_office_that_cannot_start_leaves_its_share_to_the_others(tmp_path: Path) -> None:
    files = _docx(tmp_path / "in", *[f"don-vi-{i}" for i in range(5)])
    broken, good = FakeOffice("hong", starts_ok=False), FakeOffice("tot")
    outcome, _, placed = _run([broken, good], files, tmp_path)
    assert len(placed.files) == 5 and len(good.exports) == 5 and not broken.exports and not outcome.untried


def test_when_no_office_starts_the_files_go_to_libreoffice_started_per_group(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_pdf import FAKE_SOFFICE

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=__import__("sys").executable, log=str(tmp_path / "log")).replace(
        "TINY_PDF", repr(TINY_PDF)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setattr(pool, "usable", lambda soffice: True)
    monkeypatch.setattr(pool, "shared_offices", lambda soffice, count: [FakeOffice("x", starts_ok=False)] * count)
    files = _docx(tmp_path / "in", "mot", "hai", "ba")
    report = convert(files, tmp_path / "out", jobs=2)
    assert sorted(report.converted) == sorted(files) and not report.failed  # converted, plain PDF: not PDF/A
    assert report.starts == 2 and len((tmp_path / "log").read_text().splitlines()) == 2


def test_offices_started_early_serve_the_batch_without_a_second_start_and_a_failure_waits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, broken = FakeOffice("tot"), FakeOffice("hong", starts_ok=False)
    monkeypatch.setattr(pool, "shared_offices", lambda soffice, count: [good, broken][:count])
    for thread in pool.prestart("soffice", 2):
        thread.join(5)
    assert good.running and good.starts == 1 and not broken.running  # the failure was not raised here
    files = _docx(tmp_path / "in", "mot", "hai", "ba")
    outcome, stages, placed = _run([good, broken], files, tmp_path)
    assert sorted(placed.files) == ["ba.docx", "hai.docx", "mot.docx"] and not outcome.failed
    assert good.starts == 1 and outcome.starts == 1 and len(good.exports) == 3  # the early start, counted once


def test_offices_started_for_a_batch_convert_a_small_document_first_and_a_failure_is_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qdocgen.pdf.office import word_problem
    from qdocgen.pdf.warmup import write_warm_up

    assert word_problem(write_warm_up(tmp_path)) == ""  # a Word package LibreOffice is given like any other
    good, dying = FakeOffice("tot"), FakeOffice("chet", dies_at=1)
    monkeypatch.setattr(pool, "shared_offices", lambda soffice, count: [good, dying][:count])
    for thread in pool.prestart("soffice", 2, warm=True):
        thread.join(5)
    assert good.exports == dying.exports == [("warm-up.docx", 30.0)] and good.running and not dying.running
    pool.early_starts()


def test_the_batch_offices_are_stopped_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    both = threading.Barrier(2, timeout=5)  # broken (an error) if one stop had to wait for the other
    stopped: list[str] = []

    class Stopping(FakeOffice):
        def stop(self) -> None:
            both.wait()
            stopped.append(self.name)

    monkeypatch.setattr(pool, "_offices", {"soffice": [Stopping("mot"), Stopping("hai")]})
    pool.stop_shared()
    assert sorted(stopped) == ["hai", "mot"]


def test_start_early_starts_one_office_per_core_at_most_one_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[int, bool]] = []
    monkeypatch.setattr("qdocgen.pdf.office.find_soffice", lambda: "soffice")
    monkeypatch.setattr(pool, "default_jobs", lambda: 2)
    monkeypatch.setattr(pool, "prestart", lambda soffice, count, warm=False: asked.append((count, warm)))
    monkeypatch.setattr(pool, "usable", lambda soffice: True)
    for files in (0, 1, 22):
        pool.start_early(files)
    monkeypatch.setattr(pool, "usable", lambda soffice: False)  # no UNO: the batch starts LibreOffice per group
    pool.start_early(22)
    assert asked == [(1, True), (2, True)]  # a batch warms them up while it writes its files


def test_batch_pdf_starts_libreoffice_before_any_docx_is_written(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from qdocgen.batch import BatchOptions, render_batch

    out, seen = tmp_path / "out", []
    monkeypatch.setattr(pool, "start_early", lambda files: seen.append((files, sorted(out.glob("*.docx")))))
    monkeypatch.setattr("qdocgen.batch._require_pdf", lambda signature_fields=False: None)
    monkeypatch.setattr("qdocgen.batch._batch_pdfs", lambda run, force, signature_fields=False: None)
    render_batch(Path(__file__).parent.parent / "data" / "binh-tan" / "2019", out, BatchOptions(pdf=True))
    assert seen == [(11, [])] and len(list(out.glob("*.docx"))) == 11


def test_batch_pdf_resume_with_every_unit_done_starts_no_libreoffice(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from qdocgen.batch import BatchOptions, render_batch

    out, seen = tmp_path / "out", []
    data = Path(__file__).parent.parent / "data" / "binh-tan" / "2019"
    render_batch(data, out)
    monkeypatch.setattr(pool, "start_early", lambda files: seen.append(files))
    monkeypatch.setattr("qdocgen.batch._require_pdf", lambda signature_fields=False: None)
    monkeypatch.setattr("qdocgen.batch._batch_pdfs", lambda run, force, signature_fields=False: None)
    report = render_batch(data, out, BatchOptions(pdf=True, resume=True))
    assert seen == [] and len(report.kept) == 11 and not report.written
    fresh = tmp_path / "fresh"
    render_batch(data, fresh, BatchOptions(only=("phuong-an-lac",)))
    report = render_batch(data, fresh, BatchOptions(pdf=True, resume=True))
    assert seen == [10] and len(report.kept) == 1 and len(report.written) == 10  # only the units not done before


# --- with the real LibreOffice ---------------------------------------------------------------------------

def _layout(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_pool_gives_the_same_pdfs_as_libreoffice_started_per_group(batch_dir: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    command = soffice()
    if not pool.usable(command):
        pytest.skip("UNO's bridge is missing (python3-uno): the pool is not used here")
    files = [batch_dir / f"{name}.docx" for name in ("quan-binh-tan", "phuong-an-lac", "phuong-tan-tao")]
    pooled = convert(files, tmp_path / "pool", jobs=2)
    assert pooled.ok and sorted(pooled.converted) == sorted(files), pooled.failed
    assert pooled.stages.offices == 2 and pooled.stages.convert > 0
    monkeypatch.setattr(pool, "usable", lambda soffice: False)
    serial = convert(files, tmp_path / "serial", jobs=1)
    assert serial.ok and serial.starts == 1
    for docx in files:
        assert _layout(pooled.converted[docx]) == _layout(serial.converted[docx]), docx.name
        assert pooled.checks[docx].fonts == serial.checks[docx].fonts
