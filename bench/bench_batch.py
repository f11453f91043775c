"""Batch speed, memory and start-up, measured side by side in one run; prints a table of figures and ratios.

    .venv/bin/python bench/bench_batch.py            # 200 units for speed; memory at 200, 2,000 and 10,000
    .venv/bin/python bench/bench_batch.py --quick    # 50 units; memory at 50, 500, 2,500: a smoke run

1. Speed at N units, CPU time and wall time per document: a plain docxtpl loop (load, render, save each
   document, given the same prepared contexts) against qdocgen's engine (template compiled once) on the same
   template; then qdocgen's whole batch as a user runs it (reading and checking the YAML, writing, the layout
   check, the manifest), without the layout check, and with ``--jobs 2`` (CPU of the workers included).
2. Peak memory of a whole batch (``--jobs 1 --no-lint``) at N, 10 N and 50 N units, each in a fresh process,
   measured from outside by ``/usr/bin/time -v`` (maximum resident set size).
3. One ``qdocgen render`` and ``qdocgen --help`` against ``python -c pass`` (median of 5, CPU and wall); the
   render also once with the template's cache empty (its first run).
"""

from __future__ import annotations

import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import qdocgen as qdocgen_package

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
    """The built-in template, copied with its description no longer quoting ``{{ ... }}``, without ``do_rong``.

    docxtpl also renders the document properties, and that description is not a valid Jinja template; it does
    not know qdocgen's ``{% do_rong %}`` cell-width tag either. Both sides of the comparison use this copy.
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
            elif item.filename.endswith(".xml"):
                raw = re.sub(rb"\{%\s*do_rong\s[^%]*%\}", b"", raw)  # qdocgen's own cell-width tag: not docxtpl's
            dst.writestr(item, raw)
    # The sample data line points outside this copy's folder, which a template may not do: the bench needs none.
    spec = info.path.with_suffix(".yaml").read_text(encoding="utf-8")
    target.with_suffix(".yaml").write_text("".join(line for line in spec.splitlines(keepends=True)
                                                   if not line.startswith("du_lieu_mau:")), encoding="utf-8")
    return target


class Clock:
    """CPU time (this process and its waited children) and wall time of one measured step."""

    def __init__(self) -> None:
        """Nothing measured yet."""
        self.cpu = self.wall = 0.0

    def __enter__(self) -> Clock:
        """Start measuring."""
        self._cpu, self._wall = _cpu(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop measuring."""
        self.cpu, self.wall = _cpu() - self._cpu, time.perf_counter() - self._wall


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ms(seconds: float, count: int) -> str:
    """Milliseconds per document."""
    return f"{1000 * seconds / count:6.1f}"


def speed(count: int, work: Path) -> list[str]:
    """The speed table: docxtpl, the engine and three batches on the same template and data."""
    from docxtpl import DocxTemplate

    from qdocgen.batch import BatchOptions, render_batch
    from qdocgen.data import reader as data_mod
    from qdocgen.data.pipeline import prepare
    from qdocgen.runner import Renderer
    from qdocgen.template.environment import template_environment
    from qdocgen.template.registry import find_template

    folder = make(count, work / f"ds{count}")
    info = find_template(bench_template(work))
    units, problems = prepare(data_mod.unit_files(folder), info, [])
    assert not problems, problems
    contexts = [u.data for u in units]

    env = template_environment()  # the same environment and filters as qdocgen's engine
    out = work / "docxtpl"
    out.mkdir()
    with Clock() as docxtpl:
        for i, context in enumerate(contexts):
            tpl = DocxTemplate(str(info.path))
            tpl.render(context, env)
            tpl.save(str(out / f"{i}.docx"))

    out = work / "qdocgen-engine"
    out.mkdir()
    with Clock() as engine:
        renderer = Renderer.load(info.path)
        for i, context in enumerate(contexts):
            (out / f"{i}.docx").write_bytes(renderer.render(context))

    runs = {}
    for label, options in (("lint", BatchOptions(info.path, jobs=1)),
                           ("nolint", BatchOptions(info.path, jobs=1, lint=False)),
                           ("jobs2", BatchOptions(info.path, jobs=2))):
        with Clock() as clock:
            report = render_batch(folder, work / f"batch-{label}", options)
        assert len(report.written) == count, report.failed
        runs[label] = clock

    def row(name: str, clock: Clock) -> str:
        return (f"| {name} | {_ms(clock.cpu, count)} | {_ms(clock.wall, count)} | "
                f"{docxtpl.cpu / clock.cpu:5.1f}× | {docxtpl.wall / clock.wall:5.1f}× |")

    return [f"1. Tốc độ, {count} đơn vị, cùng mẫu, cùng dữ liệu đã chuẩn bị cho docxtpl và cho phần điền của qdocgen",
            "",
            "| Cách chạy | CPU ms/văn bản | Thời gian thực ms/văn bản | docxtpl ÷ qdocgen (CPU) | (thời gian thực) |",
            "|---|---|---|---|---|",
            row("docxtpl: nạp, điền, lưu mỗi văn bản", docxtpl),
            row("qdocgen, phần điền: mẫu dịch một lần, điền và ghi", engine),
            row("qdocgen batch --jobs 1 (đọc, kiểm tra dữ liệu, điền, ghi bền, kiểm tra thể thức, manifest)",
                runs["lint"]),
            row("qdocgen batch --jobs 1 --no-lint", runs["nolint"]),
            row("qdocgen batch --jobs 2 (CPU: cả hai tiến trình con)", runs["jobs2"])]


def _peak_kb(count: int, work: Path) -> int:
    """Peak RSS (kB) of a whole batch in a fresh process, from /usr/bin/time -v."""
    folder = make(count, work / f"mem{count}")
    code = ("import sys; from pathlib import Path; from qdocgen.batch import BatchOptions, render_batch; "
            "r = render_batch(Path(sys.argv[1]), Path(sys.argv[2]), BatchOptions(jobs=1, lint=False)); "
            "assert len(r.written) == int(sys.argv[3]), r.failed")
    result = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-c", code, str(folder),
                             str(work / f"memout{count}"), str(count)], capture_output=True, text=True, check=True)
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert found, result.stderr
    return int(found.group(1))


def memory(counts: tuple[int, ...], work: Path) -> list[str]:
    """The memory table: peak RSS of whole batches of each size, measured from outside."""
    peaks = [_peak_kb(count, work) for count in counts]
    lines = ["2. Bộ nhớ đỉnh của cả lô (--jobs 1 --no-lint, tiến trình mới, đo từ ngoài bằng /usr/bin/time -v)", "",
             "| Số đơn vị | RSS tối đa | so với " + f"{counts[0]} đơn vị |", "|---|---|---|"]
    lines += [f"| {count:,} | {peak / 1024:.1f} MB | {peak / peaks[0]:.3f} |".replace(",", ".")
              for count, peak in zip(counts, peaks, strict=True)]
    return lines


def _median_run(argv: list[str], times: int = 5, cwd: Path | None = None,
                env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median CPU (user + system of the child) and wall time of a command."""
    cpu, wall = [], []
    for _ in range(times):
        with Clock() as clock:
            subprocess.run(argv, capture_output=True, check=True, cwd=cwd, env=env)
        cpu.append(clock.cpu)
        wall.append(clock.wall)
    return statistics.median(cpu), statistics.median(wall)


def startup(work: Path) -> list[str]:
    """The start-up table: one render (first with an empty cache, then as usual) and --help against bare Python.

    The template's checked declaration and prepared parts are kept in a cache folder; here one of its own, empty
    at first: the first render fills it, as the first run after installing qdocgen or changing the template does.
    """
    qdocgen = str(Path(sys.executable).with_name("qdocgen"))
    unit = HERE.parent / "data" / "binh-tan" / "2019" / "phuong-an-lac.yaml"
    # As installed by pip, qdocgen's modules are byte-compiled: without this, a shell that sets
    # PYTHONDONTWRITEBYTECODE (CI images often do) makes every run compile ~70 modules from source (~0.2 s).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(qdocgen_package.__file__).parent)],
                   check=True, env=env)
    env["XDG_CACHE_HOME"] = str(work / "cache")
    render_argv = [qdocgen, "render", str(unit), "-o", str(work / "mot.docx"), "--force"]
    bare = _median_run([sys.executable, "-c", "pass"])
    help_ = _median_run([qdocgen, "--help"], env=env)
    first = _median_run(render_argv, times=1, cwd=work, env=env)
    render = _median_run(render_argv, cwd=work, env=env)

    def row(name: str, figures: tuple[float, float]) -> str:
        return (f"| {name} | {1000 * figures[0]:5.0f} ms | {1000 * figures[1]:5.0f} ms | "
                f"{figures[0] - bare[0]:+.2f} s | {figures[1] - bare[1]:+.2f} s |")

    return ["3. Khởi động (trung vị 5 lần; mã của qdocgen đã biên dịch sẵn ra bytecode như khi pip cài)", "",
            "| Lệnh | CPU | Thời gian thực | Thêm so với python -c pass (CPU) | (thời gian thực) |",
            "|---|---|---|---|---|",
            row("python -c pass", bare), row("qdocgen --help", help_),
            row("qdocgen render lần đầu (bộ nhớ đệm của mẫu còn trống)", first),
            row("qdocgen render (một văn bản, một phường Bình Tân)", render)]


def _load() -> str:
    """The machine's load, said with the figures."""
    one, five, _fifteen = os.getloadavg()
    return f"tải máy (load average) {one:.2f} / {five:.2f} (1 / 5 phút) trên {os.cpu_count()} lõi"


def main() -> None:
    """Run every measurement once and print the tables."""
    quick = "--quick" in sys.argv
    count = 50 if quick else 200
    print(f"Máy: {_machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; lúc bắt đầu {_load()}")
    with tempfile.TemporaryDirectory(prefix="qdocgen-bench-") as tmp:
        work = Path(tmp)
        lines = speed(count, work)
        lines += [""] + memory((count, 10 * count, 50 * count), work)
        lines += [""] + startup(work)
    print("\n".join(lines))
    print(f"\nLúc kết thúc: {_load()}")


if __name__ == "__main__":
    main()
