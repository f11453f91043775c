"""PDF speed: one LibreOffice per core against one soffice call, and the resident LibreOffice against a cold start.

Run: .venv/bin/python bench/bench_pdf.py   (needs LibreOffice and python3-uno; about a minute)

Both comparisons in one run, on the same machine and the same files, ratios printed side by side, with the
machine's load (the cores are shared: a busy machine slows both sides, not always equally).

1. A batch of 22 decisions (the 11 of Bình Tân 2019, twice): qdocgen's ``convert`` (one LibreOffice per
   core, each on its own profile, then every PDF finished and checked as PDF/A-2b) against ONE plain
   ``soffice --convert-to`` call converting all 22 to PDF/A-2b (no finishing, no check).
2. One decision: the resident LibreOffice (already running; conversion, finishing and check) against a cold
   start (qdocgen's ``convert`` of that one file: a LibreOffice started for it, on a copied profile).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from qdocgen.batch import render_batch
from qdocgen.pdf import ResidentOffice, convert, default_jobs, find_soffice
from qdocgen.pdf.office import PDF_FILTER, base_command, copy_seed, seed_profile

ROOT = Path(__file__).resolve().parent.parent


def load() -> str:
    """The load averages (1, 5, 15 min), as ``uptime`` says them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def one_soffice_call(soffice: str, files: list[Path], work: Path) -> float:
    """Seconds for one plain LibreOffice start converting ``files`` to PDF/A-2b, on a copied profile."""
    profile = work / "profile-one-call"
    copy_seed(seed_profile(soffice), profile)
    out = work / "one-call"
    began = time.perf_counter()
    subprocess.run([*base_command(soffice, profile), "--convert-to", PDF_FILTER, "--outdir", str(out),
                    *map(str, files)], capture_output=True, timeout=600, check=True,
                   env=dict(os.environ, HOME=str(work)))
    seconds = time.perf_counter() - began
    assert len(list(out.glob("*.pdf"))) == len(files)
    return seconds


def main() -> None:
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
        print(f"Tải máy trước khi đo (uptime): {load()}; {default_jobs()} lõi")

        began = time.perf_counter()
        ours = convert(batch, work / "ours")
        ours_s = time.perf_counter() - began
        assert len(ours.converted) == len(batch) and not ours.failed, ours.failed
        one_s = one_soffice_call(soffice, batch, work)

        sample = files[0]
        cold = []
        for n in range(2):
            began = time.perf_counter()
            single = convert([sample], work / f"cold-{n}", jobs=1)
            cold.append(time.perf_counter() - began)
            assert single.converted
        warm = []
        with ResidentOffice(soffice) as office:
            office.convert(sample, work / "resident-first.pdf")  # its start is paid once, not per document
            for n in range(3):
                began = time.perf_counter()
                office.convert(sample, work / f"resident-{n}.pdf")
                warm.append(time.perf_counter() - began)
        cold_s, warm_s = statistics.median(cold), statistics.median(warm)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"Lô {len(batch)} quyết định sang PDF/A-2b:")
    print(f"  qdocgen, {ours.starts} LibreOffice song song (kèm hoàn thiện, kiểm tra): {ours_s:6.2f} s")
    print(f"  một lệnh soffice chuyển cả {len(batch)} tệp (không hoàn thiện):      {one_s:6.2f} s"
          f"  → qdocgen nhanh hơn {one_s / ours_s:.2f} lần (cần ≥ 1,7)")
    print(f"Một quyết định ({sample.name}):")
    print(f"  LibreOffice chạy sẵn (trung vị 3 lần):         {warm_s:6.2f} s")
    print(f"  khởi động LibreOffice riêng (trung vị 2 lần):  {cold_s:6.2f} s"
          f"  → chạy sẵn nhanh hơn {cold_s / warm_s:.2f} lần (cần ≥ 3)")
    print(f"Tải máy sau khi đo (uptime): {load()}")


if __name__ == "__main__":
    main()
