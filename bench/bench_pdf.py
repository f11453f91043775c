"""PDF speed: a batch on every core against one soffice call, and the resident LibreOffice against a cold start.

Run: .venv/bin/python bench/bench_pdf.py   (needs LibreOffice and python3-uno; one to two minutes idle)

Both comparisons in one run, on the same machine and the same files, ratios printed side by side with the
machine's load, wall time and CPU time (the cores are shared: a busy machine distorts wall-time ratios, the
CPU seconds and the per-stage breakdown much less).

1. A batch of 22 decisions (the 11 of Bình Tân 2019, twice). qdocgen as one command does it: its
   LibreOffices started (one per core, on copies of the seed profile, side by side), the files converted
   to PDF/A-2b through one queue, every PDF finished and checked, the LibreOffices stopped: all timed.
   The baseline is ONE plain ``soffice --headless --convert-to pdf`` of all 22 files, as a user would type
   it, on a profile of its own made at that start; it is also run on a used profile (the stricter
   comparison: LibreOffice's start is cheaper once its profile exists). Best of ROUNDS for each.
   Then the same batch again with the LibreOffices still running from the first (a batch after a batch in
   one process: the web app, or several templates).
2. One decision: the resident LibreOffice (already running; conversion, finishing and check) against a
   cold start (qdocgen's ``convert`` of that one file in a process with no LibreOffice running).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from qdocgen.batch import render_batch
from qdocgen.pdf import PdfReport, ResidentOffice, convert, default_jobs, find_soffice, pool
from qdocgen.pdf.office import copy_seed, seed_profile

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 2


@dataclass
class Timed:
    """One timed run: wall seconds, CPU seconds (this process and the LibreOffices it waited for)."""

    wall: float
    cpu: float
    report: PdfReport | None = None


def load() -> str:
    """The load averages (1, 5, 15 min), as ``uptime`` says them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and every child process it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_soffice_call(soffice: str, files: list[Path], work: Path, used_profile: bool) -> Timed:
    """One plain ``soffice --headless --convert-to pdf`` of ``files``: a new profile, or a used one."""
    profile = work / f"profile-{'used' if used_profile else 'new'}-{time.monotonic_ns()}"
    if used_profile:
        copy_seed(seed_profile(soffice), profile)
    out = work / f"one-call-{time.monotonic_ns()}"
    cpu, began = cpu_seconds(), time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *map(str, files)], capture_output=True, timeout=600, check=True,
                   env=dict(os.environ, HOME=str(work)))
    timed = Timed(time.perf_counter() - began, cpu_seconds() - cpu)
    assert len(list(out.glob("*.pdf"))) == len(files)
    shutil.rmtree(profile, ignore_errors=True)
    return timed


def qdocgen_cold(files: list[Path], out: Path) -> Timed:
    """The batch as qdocgen does it as one command: LibreOffices started, files converted and finished, stopped."""
    pool.stop_shared()
    cpu, began = cpu_seconds(), time.perf_counter()
    report = convert(files, out, force=True)
    pool.stop_shared()
    timed = Timed(time.perf_counter() - began, cpu_seconds() - cpu, report)
    assert len(report.converted) == len(files) and not report.failed, report.failed
    return timed


def qdocgen_warm(files: list[Path], out: Path) -> Timed:
    """The same batch with the LibreOffices of a batch before still running (started outside the timing)."""
    convert(files[:2], out / "warm-up", force=True)
    began = time.perf_counter()
    report = convert(files, out, force=True)
    timed = Timed(time.perf_counter() - began, float("nan"), report)  # the LibreOffices' CPU is not reaped yet
    assert len(report.converted) == len(files) and not report.failed, report.failed
    return timed


def single(soffice: str, sample: Path, work: Path) -> tuple[float, float]:
    """Median seconds for one decision: the resident LibreOffice (already running), then a cold start."""
    cold = []
    for n in range(2):
        pool.stop_shared()
        began = time.perf_counter()
        report = convert([sample], work / f"cold-{n}", jobs=1)
        cold.append(time.perf_counter() - began)
        assert report.converted
    pool.stop_shared()
    warm = []
    with ResidentOffice(soffice) as office:
        office.convert(sample, work / "resident-first.pdf")  # its start is paid once, not per document
        for n in range(3):
            began = time.perf_counter()
            office.convert(sample, work / f"resident-{n}.pdf")
            warm.append(time.perf_counter() - began)
    return statistics.median(warm), statistics.median(cold)


def print_batch(ours: Timed, new: Timed, used: Timed, warm: Timed, count: int) -> None:
    """The batch's figures: both sides, the ratios, where qdocgen's time went."""
    assert ours.report is not None and warm.report is not None
    stages = ours.report.stages
    offices = max(1, stages.offices)
    print(f"Lô {count} quyết định (tốt nhất {ROUNDS} lượt; giây đồng hồ | giây CPU):")
    print(f"  qdocgen, {offices} LibreOffice song song, kèm hoàn thiện và kiểm tra PDF/A-2b: "
          f"{ours.wall:6.2f} s | {ours.cpu:6.2f} s CPU")
    for label, base in (("hồ sơ mới, như người dùng gõ", new), ("hồ sơ đã dùng", used)):
        print(f"  một lệnh soffice --convert-to pdf, {label}: {base.wall:6.2f} s | {base.cpu:6.2f} s CPU"
              f"  → qdocgen nhanh hơn {base.wall / ours.wall:.2f} lần (cần ≥ 1,7)")
    print(f"  Thời gian của qdocgen: khởi động {offices} LibreOffice cùng lúc {max(stages.starts, default=0):.2f} s "
          f"(từng cái: {', '.join(f'{s:.2f}' for s in stages.starts)}); chuyển {stages.convert:.2f} s LibreOffice "
          f"({stages.convert / offices:.2f} s mỗi LibreOffice, {stages.convert / count:.3f} s mỗi tệp); "
          f"LibreOffice chờ {stages.idle:.2f} s; làm sạch bản sao {stages.clean:.2f} s và hoàn thiện + kiểm tra "
          f"{stages.finish:.2f} s (luồng riêng, song song với chuyển); cả lô {stages.wall:.2f} s, "
          f"tắt LibreOffice {ours.wall - stages.wall:.2f} s")
    print(f"  Lô sau một lô (LibreOffice còn chạy): {warm.wall:6.2f} s  → nhanh hơn một lệnh soffice "
          f"(hồ sơ mới) {new.wall / warm.wall:.2f} lần, (hồ sơ đã dùng) {used.wall / warm.wall:.2f} lần")


def main() -> None:
    """Run both comparisons and print them."""
    soffice = find_soffice()
    work = Path(tempfile.mkdtemp(prefix="qdocgen-bench-pdf-"))
    try:
        report = render_batch(ROOT / "data" / "binh-tan" / "2019", work / "docx")
        files = sorted(report.written)
        twice = work / "22"
        twice.mkdir()
        batch = []
        for copy in (1, 2):
            for path in files:
                batch.append(twice / f"{path.stem}-{copy}.docx")
                shutil.copy(path, batch[-1])
        convert(batch[:1], work / "warm-seed", jobs=1)  # the seed profile exists before anything is timed
        pool.stop_shared()
        print(f"Tải máy trước khi đo (uptime): {load()}; {default_jobs()} lõi")
        rounds = [(qdocgen_cold(batch, work / f"ours-{n}"), one_soffice_call(soffice, batch, work, False),
                   one_soffice_call(soffice, batch, work, True)) for n in range(ROUNDS)]
        ours, new, used = (min((r[i] for r in rounds), key=lambda t: t.wall) for i in range(3))
        warm = qdocgen_warm(batch, work / "warm")
        pool.stop_shared()
        warm_s, cold_s = single(soffice, files[0], work)
    finally:
        pool.stop_shared()
        shutil.rmtree(work, ignore_errors=True)
    print_batch(ours, new, used, warm, len(batch))
    print(f"Một quyết định ({files[0].name}):")
    print(f"  LibreOffice chạy sẵn (trung vị 3 lần):         {warm_s:6.2f} s")
    print(f"  khởi động LibreOffice riêng (trung vị 2 lần):  {cold_s:6.2f} s"
          f"  → chạy sẵn nhanh hơn {cold_s / warm_s:.2f} lần (cần ≥ 3)")
    print(f"Tải máy sau khi đo (uptime): {load()}")


if __name__ == "__main__":
    main()
