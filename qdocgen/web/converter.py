"""One queue in front of LibreOffice: every preview and PDF of the server goes through it, one at a time.

Many clerks previewing at once wait in line instead of starting many LibreOffices (two cores, a few hundred
megabytes each); past ``max_waiting`` a request is refused with a "busy, try again" message instead of piling up.
One LibreOffice is kept running (``resident``) and restarted if it dies; where LibreOffice's Python bridge is
missing, each conversion starts LibreOffice (``qdocgen.pdf.convert``), slower but the same PDF.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from qdocgen.errors import ExitStatus, PdfError, QdocgenError
from qdocgen.pdf import convert

MAX_WAITING = 40


class Busy(QdocgenError):
    """Too many conversions are waiting."""

    exit_code = ExitStatus.PDF


class Converter:
    """A single worker converting .docx files to PDF, in the order asked."""

    def __init__(self, max_waiting: int = MAX_WAITING, timeout: float = 60.0, resident: bool = True) -> None:
        from qdocgen.pdf import resident as resident_office

        self._pool = ThreadPoolExecutor(1, thread_name_prefix="libreoffice")
        self.resident = resident and resident_office.available()
        self._office: resident_office.ResidentOffice | None = None
        self._waiting = 0
        self._lock = threading.Lock()
        self.max_waiting = max_waiting
        self.timeout = timeout

    def describe(self) -> str:
        """How conversions are made, for the benchmark and the logs."""
        if self.resident:
            starts = self._office.starts if self._office else 0
            return f"một LibreOffice chạy sẵn (UNO), xếp hàng một; đã khởi động {starts} lần"
        return "mỗi lần chuyển PDF một LibreOffice khởi động (qdocgen.pdf.convert), xếp hàng một"

    @property
    def waiting(self) -> int:
        """How many conversions are queued or running."""
        return self._waiting

    def submit(self, docx: Path, out_dir: Path) -> Future[Path]:
        """Queue a conversion of ``docx`` into ``out_dir``; its future gives the PDF's path."""
        with self._lock:
            if self._waiting >= self.max_waiting:
                raise Busy(f"Máy chủ đang chuyển {self._waiting} văn bản sang PDF; chờ một lát rồi thử lại.")
            self._waiting += 1
        future = self._pool.submit(self._convert, docx, out_dir)
        future.add_done_callback(self._done)
        return future

    def _done(self, _future: Future[Path]) -> None:
        with self._lock:
            self._waiting -= 1

    def _convert(self, docx: Path, out_dir: Path) -> Path:
        if self.resident:
            from qdocgen.pdf import ResidentOffice

            if self._office is None:
                self._office = ResidentOffice()
            pdf = out_dir / f"{docx.stem}.pdf"
            self._office.convert(docx, pdf, timeout=self.timeout)
            return pdf
        report = convert([docx], out_dir, timeout=self.timeout, force=True)
        if docx not in report.converted:
            raise PdfError(f"Không chuyển được sang PDF: {report.failed.get(docx, 'không rõ lý do')}")
        return report.converted[docx]

    def close(self) -> None:
        """Stop the worker (waiting conversions are cancelled)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._office is not None:
            self._office.close()
