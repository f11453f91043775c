"""Whole-dataset batches run in the background, with their progress for the page's progress bar.

Each batch renders into its own temporary folder with ``qdocgen.batch.render_batch`` and ends as one zip with the
manifest; the last few finished batches are kept for download, the oldest removed with their files.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen.batch import BatchOptions, render_batch
from qdocgen.errors import QdocgenError

KEEP = 10


@dataclass
class Job:
    """One batch: who started it, how far it is, and its zip when done."""

    id: str
    owner: str
    dataset: str
    template: str
    done: int = 0
    total: int = 0
    finished: bool = False
    error: str = ""
    written: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    zip_path: Path | None = None
    work: Path | None = None

    def to_json(self) -> dict[str, object]:
        """Progress as plain data."""
        return {"id": self.id, "done": self.done, "total": self.total, "finished": self.finished,
                "error": self.error, "written": self.written, "failed": self.failed}


class Jobs:
    """The server's batches."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._one = threading.Semaphore(1)  # one batch at a time: they share two cores with everything else

    def start(self, folder: Path, dataset: str, template: str, owner: str) -> Job:
        """Start rendering the whole dataset ``folder``; returns at once."""
        job = Job(secrets.token_urlsafe(12), owner, dataset, template)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                _, old = self._jobs.popitem(last=False)
                if old.work is not None:
                    shutil.rmtree(old.work, ignore_errors=True)
        threading.Thread(target=self._run, args=(job, folder), daemon=True, name=f"batch-{job.id}").start()
        return job

    def _run(self, job: Job, folder: Path) -> None:
        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        with self._one:
            work = Path(tempfile.mkdtemp(prefix="qdocgen-web-batch-"))
            job.work = work
            name = folder.name if folder.name[:1].isalpha() else f"{folder.parent.name}-{folder.name}"
            zip_path = work / f"{name}-{job.template}.zip"
            try:
                options = BatchOptions(job.template, zip_path=zip_path, progress=progress, force=True, lint=False)
                report = render_batch(folder, work / "out", options)
                job.written, job.failed, job.zip_path = len(report.written), dict(report.failed), zip_path
            except QdocgenError as exc:
                job.error = exc.message
            except Exception as exc:  # a bug must end the job with a message, not leave the bar hanging
                job.error = f"lỗi nội bộ: {exc!r}; hãy báo cho người bảo trì qdocgen."
            finally:
                job.finished = True

    def get(self, job_id: str) -> Job | None:
        """A batch by id."""
        with self._lock:
            return self._jobs.get(job_id)
