"""PDF of the 11 Bình Tân 2019 decisions: qdocgen's way (many files per LibreOffice start) against one start per file.

Run: .venv/bin/python bench/bench_pdf.py   (needs LibreOffice; takes about a minute)

Both sides in one run, on the same machine and the same files. The per-file side is measured twice: each
start with a fresh profile folder (what a safe per-file converter must do, since starts sharing a profile
collide), and all starts reusing one warm profile one after another (the cheapest per-file way there is).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from qdocgen.batch import render_batch
from qdocgen.pdf import convert, find_soffice

ROOT = Path(__file__).resolve().parent.parent


def cpu() -> float:
    """CPU seconds used by finished child processes (LibreOffice): steadier than wall time on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_start_per_file(soffice: str, files: list[Path], work: Path, fresh: bool) -> float:
    """Seconds to convert ``files`` with one LibreOffice start each."""
    began = time.perf_counter()
    for number, path in enumerate(files):
        profile = work / (f"profile-{number}" if fresh else "profile-shared")
        out = work / f"out-{number}"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(path)],
                       capture_output=True, timeout=120, check=True)
        assert (out / f"{path.stem}.pdf").is_file(), path
    return time.perf_counter() - began


def main() -> None:
    soffice = find_soffice()
    work = Path(tempfile.mkdtemp(prefix="qdocgen-bench-pdf-"))
    try:
        report = render_batch(ROOT / "data" / "binh-tan" / "2019", work / "docx")
        files = sorted(report.written)
        began, cpu0 = time.perf_counter(), cpu()
        converted = convert(files, work / "qdocgen")
        ours, ours_cpu = time.perf_counter() - began, cpu() - cpu0
        assert converted.ok and len(converted.converted) == len(files), converted.failed
        cpu0 = cpu()
        fresh = one_start_per_file(soffice, files, work / "fresh", fresh=True)
        fresh_cpu = cpu() - cpu0
        # Warm the shared profile first, so its one-time creation is not counted against the per-file way.
        one_start_per_file(soffice, files[:1], work / "warm", fresh=False)
        cpu0 = cpu()
        warm = one_start_per_file(soffice, files, work / "warm", fresh=False)
        warm_cpu = cpu() - cpu0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = len(files)
    print(f"{n} quyết định sang PDF (thời gian thực; thời gian CPU của LibreOffice trong ngoặc)")
    print(f"  qdocgen, {converted.starts} lần khởi động LibreOffice:   {ours:6.2f} s ({ours_cpu:5.2f} s CPU)")
    for label, wall, used in (("mỗi tệp một lần khởi động, hồ sơ mới:     ", fresh, fresh_cpu),
                              ("mỗi tệp một lần khởi động, hồ sơ dùng lại:", warm, warm_cpu)):
        print(f"  {label} {wall:6.2f} s ({used:5.2f} s CPU)  → qdocgen nhanh hơn {wall / ours:.1f} lần "
              f"(CPU: {used / ours_cpu:.1f} lần)")


if __name__ == "__main__":
    main()
