"""A batch shared by resident LibreOffices, one per core, handing the files out one at a time from one queue.

Where a batch's time went, measured on 22 decisions: a second of start per LibreOffice, about 0.15 s of
LibreOffice's time per file, 25 ms of finishing per file, and (before it was made cheap) the cleaning of
every copy done alone before anything started. So here the LibreOffices start side by side on copies of
the warmed seed profile; each takes the next file the moment it is free (no core waits on a slower fixed
share); the copies are cleaned in a thread of their own, ahead of them; each PDF is finished (metadata,
signature fields, PDF/A-2b check) in another thread while its LibreOffice already converts the next file.
A file whose conversion failed (its LibreOffice hung past the time limit and was killed, or died) goes
back in the queue for any LibreOffice, once. The LibreOffices stay running for the process's next batch.
"""

from __future__ import annotations

import atexit
import os
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from qdocgen.pdf.office import PdfError

ATTEMPTS = 2


class Office(Protocol):
    """What the pool needs of a LibreOffice kept running (``resident.ResidentOffice``)."""

    starts: int

    def start(self) -> None:
        """Start it unless it runs (PdfError when it cannot)."""

    def export(self, docx: Path, produced: Path, timeout: float) -> None:
        """Write the PDF of ``docx`` to ``produced`` in ``timeout`` seconds (PdfError when it cannot)."""

    def stop(self) -> None:
        """Stop it (it starts again when next needed)."""


@dataclass
class Stages:
    """Where a batch's time went, in seconds: its wall time, and each stage summed over whoever did it.

    ``starts``: each LibreOffice start (side by side, so the longest is what the batch waited);
    ``convert``: LibreOffice converting; ``clean``: the copies cleaned for it; ``finish``: the PDFs
    finished and checked; ``offices``: how many LibreOffices shared the files.
    """

    wall: float = 0.0
    starts: list[float] = field(default_factory=list)
    clean: float = 0.0
    convert: float = 0.0
    finish: float = 0.0
    offices: int = 0

    @property
    def idle(self) -> float:
        """LibreOffice time spent neither starting nor converting (waiting for files, or for the slowest)."""
        return max(0.0, self.offices * self.wall - sum(self.starts) - self.convert)


@dataclass
class Outcome:
    """What a pooled run leaves: files failed with the reason, files never tried (no LibreOffice started)."""

    failed: dict[Path, str] = field(default_factory=dict)
    untried: list[Path] = field(default_factory=list)
    starts: int = 0


class _Run:
    """One batch going through the pool: the queue, the tries, the count of files not yet settled."""

    def __init__(self, files: Sequence[Path], count: int, timeout: float, work: Path,
                 place: Callable[[Path, Path], None]) -> None:
        """Nothing handed out yet; ``count`` LibreOffices will take the files."""
        self.queue: queue.Queue[tuple[Path, Path] | None] = queue.Queue()
        self.lock = threading.Lock()
        self.remaining = len(files)
        self.alive = count
        self.count = count
        self.timeout = timeout
        self.work = work
        self.place = place
        self.tries = dict.fromkeys(files, 0)
        self.outcome = Outcome()
        self.stages = Stages(offices=count)
        self.error: BaseException | None = None
        self.finisher = ThreadPoolExecutor(1, thread_name_prefix="qdocgen-finish")
        self._numbers = iter(range(1 << 30))

    def settle(self) -> None:
        """One file is done with (placed or failed); when it was the last, every LibreOffice's thread ends."""
        with self.lock:
            self.remaining -= 1
            done = self.remaining == 0
        if done:
            for _ in range(self.count):
                self.queue.put(None)

    def fail(self, path: Path, reason: str) -> None:
        """``path`` will have no PDF, for ``reason``."""
        with self.lock:
            self.outcome.failed[path] = reason
        self.settle()

    def clean_all(self, files: Sequence[Path], clean: Callable[[Path], Path]) -> None:
        """Clean each file's copy in order and queue it (the cleaner thread, ahead of the LibreOffices)."""
        for path in files:
            began = time.perf_counter()
            try:
                copy = clean(path)
            except PdfError as exc:
                self.fail(path, exc.message)
                continue
            finally:
                self.add("clean", time.perf_counter() - began)
            self.queue.put((path, copy))

    def add(self, stage: str, seconds: float) -> None:
        """Count ``seconds`` to ``stage`` of the breakdown."""
        with self.lock:
            setattr(self.stages, stage, getattr(self.stages, stage) + seconds)

    def serve(self, office: Office) -> None:
        """One LibreOffice's thread: start it, then convert the next file in the queue until none is left."""
        began, before = time.perf_counter(), office.starts
        try:
            office.start()
        except PdfError:
            self.lose()
            return
        finally:
            with self.lock:
                self.stages.starts.append(time.perf_counter() - began)
                self.outcome.starts += office.starts - before
        item = self.queue.get()
        while item is not None:
            try:
                self.convert(office, *item)
            except BaseException as exc:  # a bug, not a file's fault: the batch stops and says it
                self.queue.put(item)
                self.error = exc
                self.lose()
                return
            item = self.queue.get()

    def lose(self) -> None:
        """A LibreOffice could not start (or its thread failed): the others go on without it."""
        with self.lock:
            self.alive -= 1

    def convert(self, office: Office, path: Path, copy: Path) -> None:
        """Convert one file; its finishing goes to the finisher thread, a failure back in the queue or reported."""
        produced = self.work / f"pdf-{next(self._numbers)}" / f"{path.stem}.pdf"
        produced.parent.mkdir()
        began, before = time.perf_counter(), office.starts
        try:
            office.export(copy, produced, self.timeout)
        except PdfError as exc:
            self.retry(path, copy, exc.message.removeprefix(f"{copy}: "))
            return
        finally:
            self.add("convert", time.perf_counter() - began)
            with self.lock:
                self.outcome.starts += office.starts - before
        self.finisher.submit(self.finish, path, produced)

    def retry(self, path: Path, copy: Path, reason: str) -> None:
        """Put a file that failed back in the queue for any LibreOffice, or report it after ATTEMPTS tries."""
        with self.lock:
            self.tries[path] += 1
            again = self.tries[path] < ATTEMPTS
        if again:
            self.queue.put((path, copy))
        else:
            self.fail(path, f"{reason.rstrip('.')}; đã thử {ATTEMPTS} lần, không có PDF.")

    def finish(self, path: Path, produced: Path) -> None:
        """Finish and place one PDF (the finisher thread), then count the file as done."""
        began = time.perf_counter()
        try:
            self.place(path, produced)
        except BaseException as exc:  # a bug: kept to be raised in the caller's thread
            self.error = self.error or exc
        finally:
            produced.unlink(missing_ok=True)
            self.add("finish", time.perf_counter() - began)
            self.settle()

    def leftovers(self) -> list[Path]:
        """The files still in the queue when every LibreOffice is gone (none could start)."""
        left: list[Path] = []
        while True:
            try:
                item = self.queue.get_nowait()
            except queue.Empty:
                return left
            if item is not None and item[0] not in self.outcome.failed:
                left.append(item[0])


def run(offices: Sequence[Office], files: Sequence[Path], *, clean: Callable[[Path], Path],
        place: Callable[[Path, Path], None], timeout: float, work: Path) -> tuple[Outcome, Stages]:
    """Convert ``files`` with ``offices`` side by side, one file at a time from one queue.

    ``clean(path)`` gives the copy LibreOffice converts (PdfError: refused); ``place(path, produced)``
    finishes and writes the PDF. ``timeout`` limits each file's conversion. Files a LibreOffice could not
    convert twice are in the outcome's ``failed``; when no LibreOffice could start at all, the files not
    converted are in ``untried`` (for the caller's other way).
    """
    began = time.perf_counter()
    state = _Run(files, len(offices), timeout, work, place)
    cleaner = threading.Thread(target=state.clean_all, args=(files, clean), name="qdocgen-clean")
    servers = [threading.Thread(target=state.serve, args=(office,), name=f"qdocgen-office-{n}")
               for n, office in enumerate(offices)]
    for thread in (cleaner, *servers):
        thread.start()
    for thread in (cleaner, *servers):
        thread.join()
    state.finisher.shutdown(wait=True)
    if state.error is not None:
        raise state.error
    state.outcome.untried = state.leftovers()
    state.outcome.starts += early_starts()
    state.stages.wall = time.perf_counter() - began
    return state.outcome, state.stages


def usable(soffice: str) -> bool:
    """Whether resident LibreOffices can serve batches here (UNO's Python bridge loads)."""
    from qdocgen.pdf.resident import load_uno

    try:
        load_uno(soffice)
    except PdfError:
        return False
    return True


_offices: dict[str, list[Office]] = {}
_offices_lock = threading.Lock()
_early_starts = 0
_closing: set[str] = set()


def shared_offices(soffice: str, count: int) -> list[Office]:
    """``count`` resident LibreOffices of this process, kept between batches (the first serves previews too)."""
    from qdocgen.pdf.resident import ResidentOffice, shared_office

    with _offices_lock:
        have = _offices.setdefault(soffice, [])
        if not have and shared_office().soffice == soffice:
            have.append(shared_office())
        if len(have) < count and soffice not in _closing:
            _closing.add(soffice)
            atexit.register(_close_all, have)
        while len(have) < count:
            have.append(ResidentOffice(soffice))
        return have[:count]


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_early(files: int) -> None:
    """Start the LibreOffices a coming batch of ``files`` documents will use (one per core), if UNO is here."""
    from qdocgen.pdf.office import find_soffice

    soffice = find_soffice()
    if files > 0 and usable(soffice):
        prestart(soffice, min(default_jobs(), files), warm=True)


def prestart(soffice: str, count: int, *, warm: bool = False) -> list[threading.Thread]:
    """Start ``count`` shared LibreOffices now, in threads of their own, while the caller does other work.

    ``batch --pdf`` calls it before writing the .docx files, so LibreOffice's start (about a second of a
    core each) overlaps that writing instead of coming after it. A LibreOffice that cannot start here is
    simply tried again, and reported, when the batch's conversion asks for it. ``warm``: each also converts
    a small document (``warmup``), so its first real file costs what the others do.
    """
    threads = [threading.Thread(target=_start_quietly, args=(office, warm), name=f"qdocgen-prestart-{n}", daemon=True)
               for n, office in enumerate(shared_offices(soffice, max(1, count)))]
    for thread in threads:
        thread.start()
    return threads


def _start_quietly(office: Office, warm: bool) -> None:
    """Start one LibreOffice ahead of its batch; a failure waits for the batch to meet and report it."""
    from qdocgen.pdf.warmup import warm_up

    global _early_starts
    before = office.starts
    try:
        office.start()
        if warm:
            warm_up(office)
    except PdfError:
        pass
    finally:
        with _offices_lock:
            _early_starts += office.starts - before


def early_starts() -> int:
    """The LibreOffice starts made ahead of a batch since the last call (the batch counts them as its own)."""
    global _early_starts
    with _offices_lock:
        count, _early_starts = _early_starts, 0
    return count


def stop_shared() -> None:
    """Stop the resident LibreOffices kept for batches; the next batch (or preview) starts them again."""
    with _offices_lock:
        offices = [office for group in _offices.values() for office in group]
    _side_by_side([office.stop for office in offices])


def _close_all(offices: list[Office]) -> None:
    """At the process's end: close the batch LibreOffices side by side (each waits for its process to end)."""
    _side_by_side([getattr(office, "close", office.stop) for office in offices])


def _side_by_side(actions: list[Callable[[], None]]) -> None:
    """Run ``actions`` in threads of their own and wait for them all."""
    threads = [threading.Thread(target=action, name="qdocgen-stop") for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
