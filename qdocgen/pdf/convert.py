"""Batched conversion: one LibreOffice per core, each with its own profile, sharing the files.

LibreOffice's traps shape this module: a conversion can hang (so every conversion has a time limit and a
hung LibreOffice is killed with its whole process group); each start costs about a second while a file
costs about 0.15 s (so a start serves many files); one LibreOffice uses one core (so a batch is shared
among one per core, running side by side). Where UNO's bridge loads, resident LibreOffices take the files
one at a time from one queue (``pool``); elsewhere each start converts a fixed share (``--convert-to``).
A file that is not converted is tried once more, then reported with a reason: zero PDFs is never a silent
success. Every PDF is finished (metadata, signature fields, PDF/A-2b check) before it is placed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from qdocgen.errors import ExitStatus, QdocgenError
from qdocgen.pdf import pool
from qdocgen.pdf.finish import FinishOptions, PdfCheck, finish
from qdocgen.pdf.fonts import FONT_HINT, STAND_IN, TIMES, font_warnings, stand_in_note
from qdocgen.pdf.office import (
    INSTALL_HINT,
    PDF_FILTER,
    PdfError,
    base_command,
    copy_seed,
    find_soffice,
    is_pdf,
    keep_seed,
    sanitized_copy,
    seed_profile,
    word_problem,
)
from qdocgen.pdf.profile_setup import skip_render_tests

MAX_FILES_PER_START = 40
ATTEMPTS = pool.ATTEMPTS
default_jobs = pool.default_jobs


@dataclass
class PdfReport:
    """What a conversion did: docx → pdf written, docx → reason it failed, checks, warnings for the user.

    A PDF that fails the PDF/A-2b check is written (it is a readable PDF) but listed in ``not_pdfa`` with
    the reasons, and the report is not ``ok``.
    """

    converted: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    checks: dict[Path, PdfCheck] = field(default_factory=dict)
    starts: int = 0
    kept: dict[Path, Path] = field(default_factory=dict)  # docx → its PDF already there, newer than the docx
    stages: pool.Stages = field(default_factory=pool.Stages)

    @property
    def not_pdfa(self) -> dict[Path, str]:
        """The files written that failed the PDF/A-2b check, with what is wrong."""
        return {docx: "; ".join(check.problems) for docx, check in self.checks.items()
                if not check.pdfa and docx in self.converted}

    @property
    def exit_code(self) -> ExitStatus:
        """``OK`` when every file was converted and passed PDF/A-2b, else ``PDF``."""
        return ExitStatus.OK if self.ok else ExitStatus.PDF

    @property
    def ok(self) -> bool:
        """Every file was converted and passed PDF/A-2b (an empty request is not a success either)."""
        return bool(self.converted or self.kept) and not self.failed and not self.not_pdfa


def _target(path: Path, out_dir: Path | None) -> Path:
    """Where the PDF of ``path`` goes: ``out_dir`` or beside it, same name with .pdf."""
    return (out_dir if out_dir is not None else path.parent) / f"{path.stem}.pdf"


def _chunks(paths: list[Path], parts: int = 1) -> list[list[Path]]:
    """Groups converted by one start each: ``parts`` shares, at most MAX_FILES_PER_START, no two same names."""
    chunks: list[list[Path]] = []
    for share in (paths[i::parts] for i in range(max(1, parts))):
        own: list[list[Path]] = []
        names: list[set[str]] = []
        for path in share:
            name = path.stem.casefold()
            for chunk, seen in zip(own, names, strict=True):
                if name not in seen and len(chunk) < MAX_FILES_PER_START:
                    chunk.append(path)
                    seen.add(name)
                    break
            else:
                own.append([path])
                names.append({name})
        chunks += own
    return chunks


@dataclass
class _Start:
    """The outcome of one LibreOffice start."""

    produced: dict[Path, Path]
    finished: bool
    reason: str


class _Processes:
    """The LibreOffice processes running now, so an interrupted batch leaves none behind."""

    def __init__(self) -> None:
        """None running yet."""
        self._lock = threading.Lock()
        self._live: set[subprocess.Popen[bytes]] = set()

    def add(self, proc: subprocess.Popen[bytes]) -> None:
        """A LibreOffice just started."""
        with self._lock:
            self._live.add(proc)

    def remove(self, proc: subprocess.Popen[bytes]) -> None:
        """A LibreOffice that ended."""
        with self._lock:
            self._live.discard(proc)

    def kill_all(self) -> None:
        """Kill every LibreOffice still running."""
        with self._lock:
            for proc in self._live:
                kill_group(proc)


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill a LibreOffice and the soffice.bin it forked (its whole process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _start(soffice: str, files: list[Path], work: Path, number: int, timeout: float, seed: Path | None,
           live: _Processes) -> _Start:
    """Run one LibreOffice with its own profile on ``files``; which PDFs appeared, and whether it ended well."""
    profile = work / f"profile-{number}"
    out = work / f"out-{number}"
    out.mkdir()
    seeded = copy_seed(seed, profile)
    skip_render_tests(profile, soffice)
    command = [*base_command(soffice, profile), "--convert-to", PDF_FILTER, "--outdir", str(out),
               *[str(f.resolve()) for f in files]]
    env = dict(os.environ, HOME=str(work))  # nothing of the user's own LibreOffice is touched
    try:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
    except OSError as exc:
        raise PdfError(f"Không chạy được LibreOffice ({soffice}): {exc}. {INSTALL_HINT}.") from exc
    live.add(proc)
    try:
        output, _ = proc.communicate(timeout=timeout)
        finished = proc.returncode == 0
        log = output.decode("utf-8", "replace")
        errors = [line.strip() for line in log.splitlines() if line.strip().lower().startswith("error")]
        reason = ("LibreOffice không mở được tệp (tệp hỏng, không phải văn bản Word, hoặc có mật khẩu)"
                  + (f": «{errors[-1]}»" if errors else "")) if finished else \
            f"LibreOffice dừng bất thường (mã {proc.returncode})"
    except subprocess.TimeoutExpired:
        kill_group(proc)  # soffice forks soffice.bin: a hung converter must not outlive us
        proc.communicate()
        finished = False
        reason = f"LibreOffice bị treo, quá thời hạn {timeout:g} giây"
    finally:
        live.remove(proc)
    produced = {f: out / f"{f.stem}.pdf" for f in files if is_pdf(out / f"{f.stem}.pdf")}
    if seed is not None and not seeded and finished and produced:
        keep_seed(profile, seed)
    shutil.rmtree(profile, ignore_errors=True)
    return _Start(produced, finished, reason)


@dataclass
class _Batch:
    """One conversion request being worked through: targets, tries, the report."""

    targets: dict[Path, Path]
    options: Mapping[Path, FinishOptions]
    force: bool
    report: PdfReport
    tries: dict[Path, int] = field(default_factory=dict)
    last_reason: dict[Path, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def place(self, path: Path, produced: Path) -> None:
        """Finish LibreOffice's PDF for ``path`` and write it to its target."""
        from qdocgen.output import write_atomic

        try:
            data, check = finish(produced, path, self.options.get(path, FinishOptions()))
            write_atomic(self.targets[path], data, self.force)
        except QdocgenError as exc:
            with self.lock:
                self.report.failed[path] = exc.message
            return
        except (pikepdf.PdfError, OSError) as exc:
            with self.lock:
                self.report.failed[path] = f"LibreOffice ghi ra một tệp PDF hỏng ({exc})."
            return
        with self.lock:
            self.report.converted[path] = self.targets[path]
            self.report.checks[path] = check

    def settle(self, files: list[Path], result: _Start) -> list[Path]:
        """Record one start's outcome (its PDFs are placed already); the files to try again."""
        missing = [f for f in files if f not in result.produced]
        # A start that ended well tried every file; one that hung or crashed stopped at the first missing
        # file (files go in order) and never reached the ones after it.
        for f in missing if result.finished else missing[:1]:
            self.tries[f] += 1
            self.last_reason[f] = result.reason
        again = []
        for f in missing:
            if self.tries[f] >= ATTEMPTS:
                self.report.failed[f] = f"{self.last_reason[f]}; đã thử {ATTEMPTS} lần, không có PDF."
            else:
                again.append(f)
        return again


def _accept(paths: Sequence[Path], out_dir: Path | None, force: bool, report: PdfReport) -> dict[Path, Path]:
    """The files to convert and their targets; the others in ``report.failed`` with the reason."""
    targets: dict[Path, Path] = {}
    for path in paths:
        target = _target(path, out_dir)
        problem = word_problem(path) if path.is_file() else "không có tệp này; kiểm tra lại đường dẫn."
        if problem:
            report.failed[path] = problem
        elif target in targets.values():
            report.failed[path] = f"trùng tên PDF {target} với một tệp khác; đổi tên một trong hai tệp."
        elif target.exists() and not force and target.stat().st_mtime >= path.stat().st_mtime:
            report.kept[path] = target  # a re-run: the PDF was made from this very .docx (not older than it)
        elif target.exists() and not force:
            report.failed[path] = (f"{target}: tệp PDF đã có nhưng cũ hơn tệp .docx; không ghi đè. Dùng --force "
                                   "để làm lại PDF.")
        else:
            targets[path] = target
    return targets


def require_fields_support() -> None:
    """Fail before converting when signature fields are asked for and pyHanko is missing."""
    try:
        import pyhanko.sign.fields  # noqa: F401
    except ImportError as exc:
        from qdocgen.pdf.signature import KY_HINT

        raise PdfError(f"--o-ky cần thư viện pyHanko, máy này chưa có. {KY_HINT}.") from exc


def convert(paths: Sequence[Path], out_dir: Path | None = None, *, timeout: float = 120.0, force: bool = False,
            jobs: int = 0, options: Mapping[Path, FinishOptions] | None = None,
            signature_fields: bool = False) -> PdfReport:
    """Convert .docx files to PDF/A-2b (beside each file, or into ``out_dir``), one LibreOffice per core.

    ``jobs`` LibreOffice processes (default: one per core) share the files: resident ones taking the files
    one at a time from one queue (``pool``; ``timeout`` limits each file), or, where UNO's bridge is missing
    or none of them starts, LibreOffice started for groups of files (``timeout`` limits each start). A file
    left unconverted is tried once more; if that fails too it is in ``failed`` with the reason. ``options``
    per file: the author to record, signature fields to add (``signature_fields``: to every file that has no
    options of its own). An existing PDF is not overwritten without ``force``. A file that is not a Word
    document is refused.
    """
    report = PdfReport()
    options = {p: (options or {}).get(p, FinishOptions(signature_fields=signature_fields)) for p in paths}
    targets = _accept(paths, out_dir, force, report)
    if not targets:
        return report
    soffice = find_soffice()
    if any(o.signature_fields for o in options.values()):
        require_fields_support()
    parallel = max(1, min(jobs or default_jobs(), len(targets)))
    pooled = pool.usable(soffice)
    if pooled:  # their start overlaps the font check and the cleaning of the copies
        pool.prestart(soffice, parallel)
    report.warnings.extend(font_warnings())
    work = Path(tempfile.mkdtemp(prefix="qdocgen-pdf-"))
    batch = _Batch(targets, options, force, report, dict.fromkeys(targets, 0))
    try:
        pending = list(targets)
        if pooled:
            pending = _pooled(soffice, batch, parallel, timeout, work)
        if pending:
            _by_starts(soffice, batch, pending, parallel, timeout, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _stand_in_warning(report)
    return report


def _pooled(soffice: str, batch: _Batch, parallel: int, timeout: float, work: Path) -> list[Path]:
    """Convert through resident LibreOffices sharing one queue (``pool``); the files left when none started."""
    numbers = iter(range(len(batch.targets)))

    def clean(path: Path) -> Path:
        return sanitized_copy(path, work / f"in-{next(numbers)}")

    offices = pool.shared_offices(soffice, parallel)
    outcome, batch.report.stages = pool.run(offices, list(batch.targets), clean=clean, place=batch.place,
                                            timeout=timeout, work=work)
    batch.report.failed.update(outcome.failed)
    batch.report.starts += outcome.starts
    return outcome.untried


def _by_starts(soffice: str, batch: _Batch, files: list[Path], parallel: int, timeout: float, work: Path) -> None:
    """Convert with LibreOffice started for groups of files (``--convert-to``), one start per core at a time."""
    report = batch.report
    began = time.perf_counter()
    copies = _sanitized(files, batch.targets, work, report)
    pending = [f for f in files if f in copies]
    seed = seed_profile(soffice)
    live = _Processes()
    executor = ThreadPoolExecutor(parallel)

    def run(number: int, files: list[Path], seed: Path | None) -> _Start:
        result = _start(soffice, [copies[f] for f in files], work, number, timeout, seed, live)
        # LibreOffice converted the cleaned copies; their PDFs belong to the files asked for.
        result.produced = {f: result.produced[copies[f]] for f in files if copies[f] in result.produced}
        for path, pdf in result.produced.items():  # finished here, so the cores share this work too
            batch.place(path, pdf)
        return result

    try:
        while pending:
            # Files on their second try go in starts of their own (from a profile made from scratch, in case
            # the copied one was the trouble), so a file that hung cannot hold back others.
            first = [f for f in pending if not batch.tries[f]]
            starts = [(files, None if batch.tries[files[0]] else seed)
                      for files in _chunks(first, parallel) + [[f] for f in pending if batch.tries[f]]]
            futures = [executor.submit(run, report.starts + n, files, start_seed)
                       for n, (files, start_seed) in enumerate(starts, 1)]
            report.starts += len(starts)
            pending = []
            for (files, _), future in zip(starts, futures, strict=True):
                pending += batch.settle(files, future.result())
    finally:
        live.kill_all()  # on Ctrl-C or an error: no LibreOffice left running
        executor.shutdown(wait=True, cancel_futures=True)
    report.stages.wall += time.perf_counter() - began


def _sanitized(files: list[Path], targets: dict[Path, Path], work: Path, report: PdfReport) -> dict[Path, Path]:
    """Each file's cleaned copy (``office.sanitized_copy``); a refused file is in ``failed`` with the reason."""
    copies: dict[Path, Path] = {}
    for number, path in enumerate(files):
        try:
            copies[path] = sanitized_copy(path, work / f"in-{number}")
        except PdfError as exc:
            report.failed[path] = exc.message
    return copies


def _stand_in_warning(report: PdfReport) -> None:
    """Say it when PDFs carry the stand-in font though the machine seemed to have Times New Roman."""
    if any(TIMES in w for w in report.warnings):
        return  # the machine-wide warning said it already
    carrying = [docx.name for docx, check in report.checks.items() if stand_in_note(check.fonts)]
    if carrying:
        report.warnings.append(f"{len(carrying)} PDF dùng {STAND_IN} thay {TIMES} (LibreOffice không dùng được "
                               f"phông {TIMES} của máy): {', '.join(sorted(carrying))}. {FONT_HINT}.")
