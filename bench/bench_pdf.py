"""PDF speed: a batch on every core against one soffice call, and the resident LibreOffice against a cold start.

Run: .venv/bin/python bench/bench_pdf.py   (needs LibreOffice and python3-uno; two to three minutes idle)

Every comparison in one run, on the same machine and the same files, ROUNDS rounds alternating which side
goes first, the median of each side printed with the ratio, the machine's load, wall and CPU time (the cores
are shared: a busy machine distorts wall-time ratios, CPU seconds and the per-stage breakdown much less).

The baseline is always ONE ``soffice --headless --convert-to 'pdf:writer_pdf_Export:{...}'`` call for all 22
files with the very filter options qdocgen uses (PDF/A-2b, tagged), in three profile states: a profile made at
that start (a user's first call, or a call with ``-env:UserInstallation`` on a new folder); a profile already
used by headless LibreOffice (its start is cheaper); and that profile recording this version as started, as
the desktop leaves it once opened (``profile_setup.skip_render_tests``: no graphics self-test at start, the state
qdocgen's own LibreOffices run in, so the hardest baseline).

A. Conversion only: 22 decisions already written (the 11 of Bình Tân 2019, twice). qdocgen's ``convert`` as
   one command: its LibreOffices started (one per core, on copies of the seed profile), the files converted
   through one queue, every PDF finished and checked against PDF/A-2b, the LibreOffices stopped, all timed.
B. As the user runs it, end to end: ``qdocgen batch --pdf`` on a dataset of 22 units (the LibreOffices start
   while the .docx files are written) against ``qdocgen batch`` (the same .docx files) followed by the one
   soffice call. Also shown: ``batch`` then ``convert`` (qdocgen without the early start).
C. A batch after a batch: the same 22 files with the LibreOffices still running (the web app, templates).
D. One decision: the resident LibreOffice (already running) against a cold start: qdocgen's own, and one plain
   ``soffice`` call on a used profile and on one that records its version.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from qdocgen.batch import BatchOptions, render_batch
from qdocgen.pdf import PdfReport, ResidentOffice, convert, default_jobs, find_soffice, pool
from qdocgen.pdf.office import PDF_FILTER, copy_seed, seed_profile
from qdocgen.pdf.profile_setup import skip_render_tests

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
DATASET = ROOT / "data" / "binh-tan" / "2019"


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


def timed(action: Callable[[], PdfReport | None]) -> Timed:
    """Run ``action`` with no LibreOffice of ours running before or after; its wall and CPU seconds."""
    pool.stop_shared()
    cpu, began = cpu_seconds(), time.perf_counter()
    report = action()
    pool.stop_shared()  # the LibreOffices' CPU is reaped (counted) only once they end
    return Timed(time.perf_counter() - began, cpu_seconds() - cpu, report)


def soffice_call(soffice: str, files: list[Path], work: Path, profile_state: str) -> None:
    """One ``soffice --convert-to`` of ``files`` with qdocgen's PDF/A-2b options, on a profile in ``profile_state``.

    ``new``: made at that start; ``used``: as headless LibreOffice leaves it (the seed); ``settled``: used and
    recording this version as started (as the desktop leaves it: no graphics self-test at start).
    """
    profile = work / f"profile-{profile_state}-{time.monotonic_ns()}"
    if profile_state != "new":
        copy_seed(seed_profile(soffice), profile)
    if profile_state == "settled":
        skip_render_tests(profile, soffice)
    elif profile_state == "used":
        unsettle(profile)
    out = work / f"one-call-{time.monotonic_ns()}"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    PDF_FILTER, "--outdir", str(out), *map(str, files)], capture_output=True, timeout=600,
                   check=True, env=dict(os.environ, HOME=str(work)))
    assert len(list(out.glob("*.pdf"))) == len(files)
    shutil.rmtree(profile, ignore_errors=True)


def unsettle(profile: Path) -> None:
    """Take the recorded version out of ``profile`` (the seed keeps qdocgen's): as headless LibreOffice leaves it."""
    registry = profile / "user" / "registrymodifications.xcu"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(re.sub(r'<item oor:path="/org\.openoffice\.Setup/Product"><prop oor:name="ooSetupLastVersion"'
                               r'.*?</item>\n?', "", text), encoding="utf-8")


def ours_convert(files: list[Path], out: Path) -> PdfReport:
    """A. qdocgen's conversion of ``files`` as one command (LibreOffices started, files converted, finished)."""
    report = convert(files, out, force=True)
    assert len(report.converted) == len(files) and not report.failed, report.failed
    return report


def ours_batch(folder: Path, out: Path, early: bool = True) -> None:
    """B. ``qdocgen batch --pdf`` (``early``), or ``batch`` then ``convert`` (no early start)."""
    if early:
        report = render_batch(folder, out, BatchOptions(pdf=True, force=True))
        assert len(report.pdfs) == len(report.written) == 22, (report.pdf_failed, len(report.pdfs))
        return
    written = render_batch(folder, out, BatchOptions(force=True)).written
    assert len(convert(written, force=True).converted) == len(written) == 22


def their_batch(soffice: str, folder: Path, out: Path, work: Path, profile_state: str) -> None:
    """B's baseline: ``qdocgen batch`` for the .docx files, then one soffice call converting them all."""
    written = render_batch(folder, out, BatchOptions(force=True)).written
    soffice_call(soffice, sorted(written), work, profile_state)


def qdocgen_warm(files: list[Path], out: Path) -> Timed:
    """C. The same batch with the LibreOffices of a batch before still running (started outside the timing)."""
    convert(files[:2], out / "warm-up", force=True)
    began = time.perf_counter()
    report = convert(files, out, force=True)
    result = Timed(time.perf_counter() - began, float("nan"), report)  # the LibreOffices' CPU is not reaped yet
    assert len(report.converted) == len(files) and not report.failed, report.failed
    return result


def single_soffice(soffice: str, sample: Path, work: Path) -> dict[str, float]:
    """Median seconds (of 2) of one plain ``soffice`` call converting one decision, per profile state."""
    out = {}
    for state in ("used", "settled"):
        times = []
        for _ in range(2):
            began = time.perf_counter()
            soffice_call(soffice, [sample], work, state)
            times.append(time.perf_counter() - began)
        out[state] = statistics.median(times)
    return out


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


def measure(soffice: str, batch: list[Path], folder: Path, work: Path) -> dict[str, list[Timed]]:
    """ROUNDS rounds of every cold comparison, alternating which side goes first; each side's runs."""
    runs: dict[str, list[Timed]] = {}
    for n in range(ROUNDS):
        plan: list[tuple[str, Callable[[], PdfReport | None]]] = [
            ("A qdocgen", partial(ours_convert, batch, work / f"a-ours-{n}")),
            ("A soffice new", partial(soffice_call, soffice, batch, work, "new")),
            ("A soffice used", partial(soffice_call, soffice, batch, work, "used")),
            ("A soffice settled", partial(soffice_call, soffice, batch, work, "settled")),
            ("B qdocgen", partial(ours_batch, folder, work / f"b-ours-{n}")),
            ("B qdocgen late", partial(ours_batch, folder, work / f"b-late-{n}", early=False)),
            ("B soffice new", partial(their_batch, soffice, folder, work / f"b-new-{n}", work, "new")),
            ("B soffice used", partial(their_batch, soffice, folder, work / f"b-used-{n}", work, "used")),
            ("B soffice settled", partial(their_batch, soffice, folder, work / f"b-settled-{n}", work, "settled")),
        ]
        for name, action in plan if n % 2 == 0 else plan[::-1]:
            runs.setdefault(name, []).append(timed(action))
    return runs


def print_bound(soffice: str, batch: list[Path], work: Path, runs: dict[str, list[Timed]]) -> None:
    """A's ceiling on this machine from LibreOffice's own CPU seconds, measured from outside (rusage).

    One soffice call of 1 file and of all files give, for each profile state, its start S (with its first
    document's extra) and its cost per file f. qdocgen's LibreOffices run on settled profiles (S_q). With
    every core busy from the first instant, ``cores`` LibreOffices take at least (cores·S_q + n·f) / cores
    seconds against S + n·f for one call; qdocgen's own work per file x (cleaning, finishing, checking) on
    the same cores adds n·x / cores.
    """
    n, cores = len(batch), default_jobs()
    costs = {}
    for state in ("used", "settled"):
        one = statistics.median(timed(partial(soffice_call, soffice, batch[:1], work, state)).cpu for _ in range(3))
        every = statistics.median(t.cpu for t in runs[f"A soffice {state}"])
        per_file = (every - one) / (n - 1)
        costs[state] = (one - per_file, per_file)
    ours_start, per_file = costs["settled"]
    finishing = median(runs["A qdocgen"]).report
    extra = ((finishing.stages.finish + finishing.stages.clean) / n) if finishing is not None else 0.0
    print(f"  Giới hạn của A trên {cores} lõi (giây CPU đo từ ngoài, n = {n}): LibreOffice của qdocgen khởi động "
          f"S_q = {ours_start:.2f} s (hồ sơ đã ghi phiên bản), mỗi tệp f = {per_file:.3f} s; việc của qdocgen mỗi "
          f"tệp x = {extra:.3f} s (làm sạch + hoàn thiện + kiểm tra)")
    for state, label in (("used", "hồ sơ đã dùng"), ("settled", "hồ sơ đã dùng và đã ghi phiên bản")):
        start = costs[state][0]
        alone = (start + n * per_file) / ((cores * ours_start + n * per_file) / cores)
        with_ours = (start + n * per_file) / ((cores * ours_start + n * (per_file + extra)) / cores)
        print(f"    so với một lệnh soffice, {label} (S = {start:.2f} s): (S + n·f) / (({cores}·S_q + n·f) / {cores}) "
              f"= {alone:.2f} lần nếu chỉ có việc của LibreOffice; thêm x: (S + n·f) / (({cores}·S_q + n·(f + x)) "
              f"/ {cores}) = {with_ours:.2f} lần")


def median(runs: list[Timed]) -> Timed:
    """The run of median wall time (its CPU seconds with it); its report is the one of that run."""
    return sorted(runs, key=lambda t: t.wall)[len(runs) // 2]


def print_comparisons(runs: dict[str, list[Timed]], count: int) -> None:
    """A and B: each side's median, the ratios against both profile states."""
    print(f"Lô {count} quyết định, khởi động nguội, trung vị {ROUNDS} lượt xen kẽ (giây đồng hồ | giây CPU):")
    titles = {"A": "A. Chỉ chuyển PDF (22 tệp .docx đã có): qdocgen convert, kèm hoàn thiện và kiểm tra PDF/A-2b",
              "B": "B. Như người dùng chạy, từ dữ liệu đến PDF: qdocgen batch --pdf (LibreOffice khởi động trong khi "
                   "ghi .docx) so với qdocgen batch rồi một lệnh soffice"}
    for part in "AB":
        ours = median(runs[f"{part} qdocgen"])
        print(f"  {titles[part]}")
        print(f"    qdocgen: {ours.wall:6.2f} s | {ours.cpu:6.2f} s CPU")
        if part == "B":
            late = median(runs["B qdocgen late"])
            print(f"    qdocgen batch rồi qdocgen convert (không khởi động sớm): {late.wall:6.2f} s | "
                  f"{late.cpu:6.2f} s CPU")
        for label, key in (("hồ sơ mới tạo ở lần gọi đó", "new"), ("hồ sơ đã dùng", "used"),
                           ("hồ sơ đã dùng và đã ghi phiên bản", "settled")):
            base = median(runs[f"{part} soffice {key}"])
            print(f"    một lệnh soffice (cùng tùy chọn PDF/A-2b), {label}: {base.wall:6.2f} s | {base.cpu:6.2f} s CPU"
                  f"  → qdocgen nhanh hơn {base.wall / ours.wall:.2f} lần (cần ≥ 1,7)")
    print("  Từng lượt (giây đồng hồ): " + "; ".join(
        f"{name}: {', '.join(f'{t.wall:.2f}' for t in timed_runs)}" for name, timed_runs in runs.items()))


def print_stages(ours: Timed, count: int) -> None:
    """Where qdocgen's time went in A's median run."""
    assert ours.report is not None
    stages = ours.report.stages
    offices = max(1, stages.offices)
    print(f"  Thời gian của qdocgen (A, lượt trung vị): khởi động {offices} LibreOffice cùng lúc "
          f"{max(stages.starts, default=0):.2f} s (từng cái: {', '.join(f'{s:.2f}' for s in stages.starts)}); "
          f"chuyển {stages.convert:.2f} s LibreOffice ({stages.convert / offices:.2f} s mỗi LibreOffice, "
          f"{stages.convert / count:.3f} s mỗi tệp); LibreOffice chờ {stages.idle:.2f} s; làm sạch bản sao "
          f"{stages.clean:.2f} s và hoàn thiện + kiểm tra {stages.finish:.2f} s (luồng riêng, song song với "
          f"chuyển); cả lô {stages.wall:.2f} s, tắt LibreOffice {ours.wall - stages.wall:.2f} s")


def dataset_of_22(work: Path) -> Path:
    """The Bình Tân 2019 dataset with each unit twice (22 units), for B."""
    folder = work / "data-22"
    shutil.copytree(DATASET, folder)
    for unit in sorted(folder.glob("[!_]*.yaml")):
        shutil.copy(unit, unit.with_name(f"{unit.stem}-2.yaml"))
    return folder


def main() -> None:
    """Run every comparison and print them."""
    soffice = find_soffice()
    work = Path(tempfile.mkdtemp(prefix="qdocgen-bench-pdf-"))
    try:
        files = sorted(render_batch(DATASET, work / "docx").written)
        twice = work / "22"
        twice.mkdir()
        batch = []
        for copy in (1, 2):
            for path in files:
                batch.append(twice / f"{path.stem}-{copy}.docx")
                shutil.copy(path, batch[-1])
        folder = dataset_of_22(work)
        convert(batch[:1], work / "warm-seed", jobs=1)  # the seed profile exists before anything is timed
        pool.stop_shared()
        print(f"Tải máy trước khi đo (uptime): {load()}; {default_jobs()} lõi")
        runs = measure(soffice, batch, folder, work)
        print_comparisons(runs, len(batch))
        print_stages(median(runs["A qdocgen"]), len(batch))
        print_bound(soffice, batch, work, runs)
        warm = qdocgen_warm(batch, work / "warm")
        pool.stop_shared()
        warm_s, cold_s = single(soffice, files[0], work)
        plain = single_soffice(soffice, files[0], work)
    finally:
        pool.stop_shared()
        shutil.rmtree(work, ignore_errors=True)
    for key, label in (("new", "hồ sơ mới"), ("used", "hồ sơ đã dùng"), ("settled", "hồ sơ đã ghi phiên bản")):
        base = median(runs[f"A soffice {key}"])
        print(f"  C. Lô sau một lô (LibreOffice còn chạy): {warm.wall:6.2f} s → nhanh hơn một lệnh soffice "
              f"({label}) {base.wall / warm.wall:.2f} lần")
    print(f"D. Một quyết định ({files[0].name}):")
    print(f"  LibreOffice chạy sẵn (trung vị 3 lần):         {warm_s:6.2f} s")
    print(f"  khởi động LibreOffice riêng (trung vị 2 lần):  {cold_s:6.2f} s"
          f"  → chạy sẵn nhanh hơn {cold_s / warm_s:.2f} lần (cần ≥ 3)")
    for key, label in (("used", "hồ sơ đã dùng"), ("settled", "hồ sơ đã ghi phiên bản")):
        print(f"  một lệnh soffice nguội ({label}, trung vị 2 lần): {plain[key]:6.2f} s"
              f"  → chạy sẵn nhanh hơn {plain[key] / warm_s:.2f} lần (cần ≥ 3)")
    print(f"Tải máy sau khi đo (uptime): {load()}")


if __name__ == "__main__":
    main()
