"""Rendering and writing units, in this process or in worker processes that each compile the template once.

A job carries a unit's prepared data and its target file; its outcome says what happened (written, kept,
skipped, failed) and the SHA-256 of the file. Results come back in the order the jobs were given, so a batch
gives the same files and the same manifest whatever the number of processes.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdocgen import manifest
from qdocgen.data.pipeline import unpack
from qdocgen.errors import OutputError, QdocgenError
from qdocgen.output import write_atomic
from qdocgen.staging import write_staged
from qdocgen.template.compiled import CompiledTemplate

if TYPE_CHECKING:  # worker processes are imported only by a batch that starts them (a render needs none)
    from concurrent.futures import Future


@dataclass(frozen=True, slots=True)
class Job:
    """One unit to render into ``target``; ``known_sha`` is the manifest's hash of it (for ``--resume``)."""

    unit_id: str
    data: Mapping[str, Any] | bytes  # bytes: packed by ``pack``
    target: Path
    force: bool = False
    resume: bool = False
    known_sha: str = ""
    lint: bool = False
    staged: bool = False  # a batch's: written under a temporary name, named when its group is flushed


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one job."""

    unit_id: str
    status: manifest.Status
    sha256: str = ""
    error: str = ""
    findings: tuple[Any, ...] = ()  # qdocgen.lint findings of the file, when asked
    staged: str = ""  # the temporary file holding a staged job's output until its group is committed


class Renderer:
    """A template compiled once, with its untouched parts compressed once; fills and writes units."""

    def __init__(self, compiled: CompiledTemplate) -> None:
        """Render with ``compiled``."""
        self.compiled = compiled

    @classmethod
    def load(cls, path: Path) -> "Renderer":
        """Read, prepare and compile the template at ``path``."""
        return cls(CompiledTemplate.load(path))

    def render(self, context: Mapping[str, Any] | bytes) -> bytes:
        """The filled .docx as bytes (``context`` may be packed by ``pack``)."""
        return self.compiled.build(self.render_parts(context))

    def render_parts(self, context: Mapping[str, Any] | bytes) -> dict[str, bytes]:
        """The rendered parts (``context`` may be packed by ``pack``)."""
        if isinstance(context, bytes):
            context = unpack(context)
        return self.compiled.render_parts(context)

    def run(self, job: Job) -> Outcome:
        """Render and write one job (and lint the file, when asked); any failure stays this unit's own."""
        try:
            outcome, rendered = self._run(job)
            if job.lint and outcome.status in (manifest.WRITTEN, manifest.KEPT):
                outcome = replace(outcome, findings=tuple(self._lint(job, outcome, rendered)))
            return outcome
        except QdocgenError as exc:
            return Outcome(job.unit_id, manifest.FAILED, error=exc.message)
        except (OSError, MemoryError, RecursionError) as exc:
            from qdocgen.output import resource_error

            return Outcome(job.unit_id, manifest.FAILED, error=resource_error(exc).message)
        except Exception as exc:  # a bug must not cost the other units their files; the message says what
            return Outcome(job.unit_id, manifest.FAILED, error=f"lỗi nội bộ khi soạn đơn vị này: {exc!r}; "
                                                               "hãy báo cho người bảo trì qdocgen.")

    def _lint(self, job: Job, outcome: Outcome, rendered: Mapping[str, bytes] | None) -> list[Any]:
        """The layout check of the job's document: on the parts just rendered, else on the file."""
        from qdocgen.dating import lint_docx, lint_parts  # the NĐ30 rules and the date-aware ones

        if rendered is None:
            return lint_docx(job.target)
        return lint_parts(self.compiled.layout_parts(rendered), Path(outcome.staged or job.target))

    def _run(self, job: Job) -> tuple[Outcome, Mapping[str, bytes] | None]:
        """Render and write; the outcome, and the rendered parts when this run rendered them."""
        if job.target.exists() and not job.force:
            return self._existing(job), None
        rendered = self.render_parts(job.data)
        data = self.compiled.build(rendered)
        sha = hashlib.sha256(data).hexdigest()
        if job.staged:
            return Outcome(job.unit_id, manifest.WRITTEN, sha, staged=str(write_staged(job.target, data))), rendered
        try:
            write_atomic(job.target, data, job.force)
        except OutputError as exc:
            if job.force or not job.target.is_file():  # not "it exists": full disk, read-only, no permission
                return Outcome(job.unit_id, manifest.FAILED, error=exc.message), None
            return Outcome(job.unit_id, manifest.SKIPPED, manifest.sha256_file(job.target)), None
        return Outcome(job.unit_id, manifest.WRITTEN, sha), rendered


    def _existing(self, job: Job) -> Outcome:
        """A target already there: kept when it is what this run would write (rendering is deterministic).

        A re-run into the same folder is then no failure; a different file is skipped, saying whether it was
        edited by hand after the earlier run (``--resume`` knows what that run wrote) or is simply another file.
        """
        on_disk = manifest.sha256_file(job.target)
        if job.resume and on_disk == job.known_sha:
            return Outcome(job.unit_id, manifest.KEPT, on_disk)
        if on_disk == hashlib.sha256(self.render(job.data)).hexdigest():
            return Outcome(job.unit_id, manifest.KEPT, on_disk)
        if job.resume and job.known_sha:
            return Outcome(job.unit_id, manifest.SKIPPED, on_disk, EDITED_BY_HAND)
        return Outcome(job.unit_id, manifest.SKIPPED, on_disk, OTHER_FILE)


EDITED_BY_HAND = ("tệp đã được sửa tay sau lần chạy trước (khác bản lần đó ghi ra); giữ nguyên bản sửa tay. "
                  "Muốn thay bằng bản soạn mới thì dùng --force.")
OTHER_FILE = "tệp đã có và khác bản sẽ soạn; không ghi đè. Dùng --force để ghi đè, hoặc chọn thư mục khác."

_worker: Renderer | None = None


def _init_worker(template: Path) -> None:
    global _worker
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = Renderer.load(template)


def _run_in_worker(job: Job) -> Outcome:
    assert _worker is not None, "worker not initialised"
    return _worker.run(job)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_STOPPED = ("tiến trình soạn văn bản bị dừng đột ngột (hết bộ nhớ hoặc bị tắt); chạy lại với --resume để làm "
            "tiếp các đơn vị còn lại.")


def run_jobs(jobs: Iterable[Job], template: Path, workers: int, renderer: Renderer | None = None,
             total: int | None = None) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` in their order, from ``workers`` processes (1: in this process).

    ``jobs`` may be a generator (``total`` jobs): only a few are read ahead, so memory stays flat in their number.
    """
    if total is None:
        jobs = list(jobs)
        total = len(jobs)
    workers = max(1, min(workers, total))
    if workers == 1:
        local = renderer or Renderer.load(template)
        for job in jobs:
            yield local.run(job)
        return
    yield from _in_workers(iter(jobs), template, workers)


def _in_workers(jobs: Iterator[Job], template: Path, workers: int) -> Iterator[Outcome]:
    """Outcomes from worker processes, in order, with a few jobs per worker submitted ahead."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(template,))
    window: deque[tuple[Job, Future[Outcome]]] = deque()
    try:
        for job in jobs:
            window.append((job, executor.submit(_run_in_worker, job)))
            if len(window) >= workers * _AHEAD:
                yield _next(window)
        while window:
            yield _next(window)
    except BrokenProcessPool:
        for job in [j for j, _future in window] + list(jobs):
            yield Outcome(job.unit_id, manifest.FAILED, error=_STOPPED)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


_AHEAD = 8  # jobs per worker submitted ahead: keeps every worker busy without holding the whole batch


def _next(window: deque[tuple[Job, Future[Outcome]]]) -> Outcome:
    """The oldest job's outcome, taken off the window only once it is there (a broken pool leaves it on)."""
    outcome = window[0][1].result()
    window.popleft()
    return outcome
