"""Batch speed, memory and start-up, measured side by side in one run; prints ratios.

    .venv/bin/python bench/bench_batch.py            # 200 units for speed, 200 vs 2,000 for memory
    .venv/bin/python bench/bench_batch.py --quick    # 50 units, 50 vs 500: a smoke run

1. Speed, one core: a plain docxtpl loop (load, render, save per document) against qdocgen on the same
   template and the same prepared unit data; then qdocgen's whole batch (reading and checking the YAML too).
2. Peak memory of a whole batch (``--jobs 1``) at N and 10 N units, each in a fresh process.
3. ``qdocgen --help`` start-up against ``python -c pass``.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_dataset import make  # noqa: E402


def _machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPU ({model}), Python {platform.python_version()}, {platform.system()}"


def bench_template(work: Path) -> Path:
    """The built-in template, copied with its description no longer quoting ``{{ ... }}``.

    docxtpl also renders the document properties, and that description is not a valid Jinja template; both
    sides of the comparison use this copy.
    """
    import zipfile

    from qdocgen.template.registry import find_template

    info = find_template(None)
    folder = work / "tpl"
    folder.mkdir()
    target = folder / info.path.name
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            raw = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                raw = raw.replace(b"{{ ... }}", b"(th\xe1\xba\xbb)")
            dst.writestr(item, raw)
    # The sample data line points outside this copy's folder, which a template may not do: the bench needs none.
    spec = info.path.with_suffix(".yaml").read_text(encoding="utf-8")
    target.with_suffix(".yaml").write_text("".join(line for line in spec.splitlines(keepends=True)
                                                   if not line.startswith("du_lieu_mau:")), encoding="utf-8")
    return target


def speed(count: int, work: Path) -> None:
    from docxtpl import DocxTemplate

    from qdocgen.batch import BatchOptions, render_batch
    from qdocgen.data import reader as data_mod
    from qdocgen.data.pipeline import prepare
    from qdocgen.environment import xml_environment
    from qdocgen.runner import Renderer
    from qdocgen.template.registry import find_template

    folder = make(count, work / f"ds{count}")
    info = find_template(bench_template(work))
    started = time.perf_counter()
    units, problems = prepare(data_mod.unit_files(folder), info, [])
    t_prepare = time.perf_counter() - started
    assert not problems, problems
    contexts = [u.data for u in units]

    env = xml_environment()
    out = work / "docxtpl"
    out.mkdir()
    started = time.perf_counter()
    for i, context in enumerate(contexts):
        tpl = DocxTemplate(str(info.path))
        tpl.render(context, env)
        tpl.save(str(out / f"{i}.docx"))
    t_docxtpl = time.perf_counter() - started

    out = work / "qdocgen-render"
    out.mkdir()
    started = time.perf_counter()
    renderer = Renderer.load(info.path)
    for i, context in enumerate(contexts):
        (out / f"{i}.docx").write_bytes(renderer.render(context))
    t_render = time.perf_counter() - started

    started = time.perf_counter()
    report = render_batch(folder, work / "qdocgen-batch", BatchOptions(info.path, jobs=1, force=True))
    t_batch = time.perf_counter() - started
    assert len(report.written) == count, report.failed

    started = time.perf_counter()
    render_batch(folder, work / "qdocgen-batch-nolint", BatchOptions(info.path, jobs=1, force=True, lint=False))
    t_nolint = time.perf_counter() - started

    started = time.perf_counter()
    render_batch(folder, work / "qdocgen-batch2", BatchOptions(info.path, jobs=2, force=True))
    t_batch2 = time.perf_counter() - started

    def rate(seconds: float) -> str:
        return f"{count / seconds:7.1f} văn bản/giây ({1000 * seconds / count:5.1f} ms/văn bản)"

    print(f"\n1. Tốc độ, {count} đơn vị, một lõi (dữ liệu chuẩn bị một lần: {1000 * t_prepare / count:.1f} ms/đơn vị)")
    print(f"   docxtpl (nạp, điền, lưu mỗi văn bản):  {rate(t_docxtpl)}")
    print(f"   qdocgen (điền và ghi, mẫu dịch một lần): {rate(t_render)}  -> gấp {t_docxtpl / t_render:.1f} lần")
    print(f"   qdocgen batch cả lô --jobs 1 (đọc YAML, kiểm tra dữ liệu, điền, ghi, kiểm tra thể thức, manifest): "
          f"{rate(t_batch)}"
          f"  -> gấp {(t_docxtpl + t_prepare) / t_batch:.1f} lần docxtpl + cùng bước đọc dữ liệu")
    print(f"   qdocgen batch cả lô --jobs 1 --no-lint (như trên, không kiểm tra thể thức): {rate(t_nolint)}"
          f"  -> gấp {(t_docxtpl + t_prepare) / t_nolint:.1f} lần docxtpl + cùng bước đọc dữ liệu")
    print(f"   qdocgen batch cả lô --jobs 2: {rate(t_batch2)}  -> gấp {t_batch / t_batch2:.2f} lần --jobs 1")


def _peak_mb(count: int, work: Path) -> float:
    folder = make(count, work / f"mem{count}")
    code = ("import resource, sys; from pathlib import Path; from qdocgen.batch import BatchOptions, render_batch; "
            f"r = render_batch(Path({str(folder)!r}), Path({str(work / f'memout{count}')!r}), BatchOptions(jobs=1, force=True)); "
            "assert len(r.written) == %d, r.failed; "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)" % count)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(result.stdout.strip()) / 1024


def memory(count: int, work: Path) -> None:
    small, large = _peak_mb(count, work), _peak_mb(10 * count, work)
    print(f"\n2. Bộ nhớ đỉnh của cả lô (--jobs 1): {count} đơn vị {small:.0f} MB, {10 * count} đơn vị {large:.0f} MB"
          f"  -> tỉ lệ {large / small:.2f} (mục tiêu ≤ 1,2)")


def _median_run(argv: list[str], times: int = 7) -> float:
    spans = []
    for _ in range(times):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        spans.append(time.perf_counter() - started)
    return statistics.median(spans)


def startup() -> None:
    qdocgen = str(Path(sys.executable).with_name("qdocgen"))
    bare = _median_run([sys.executable, "-c", "pass"])
    help_ = _median_run([qdocgen, "--help"])
    print(f"\n3. Khởi động: python -c pass {1000 * bare:.0f} ms, qdocgen --help {1000 * help_:.0f} ms"
          f"  -> thêm {help_ - bare:.2f} giây (mục tiêu < 0,3)")


def main() -> None:
    quick = "--quick" in sys.argv
    count = 50 if quick else 200
    print(f"Máy: {_machine()}; resource maxrss tính bằng KB (Linux)")
    with tempfile.TemporaryDirectory(prefix="qdocgen-bench-") as tmp:
        work = Path(tmp)
        speed(count, work)
        memory(count, work)
    startup()


if __name__ == "__main__":
    main()
