"""A document's pages as PNG pictures with its layout (NĐ30) findings, for the preview beside the form.

Rendering and linting happen in the caller's thread; the PDF goes through the server's one ``Converter``;
``pdftoppm`` cuts the pages. Pictures are kept in memory for a while under a random id, for the page to load.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen.errors import PdfError
from qdocgen.lint import Finding, lint_docx
from qdocgen.preview import POPPLER_HINT
from qdocgen.web.converter import Converter

KEEP = 40
DPI = 70


@dataclass
class Preview:
    """One preview: its id, its pages (PNG bytes) and the layout findings of the document."""

    id: str
    pages: list[bytes] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    owner: str = ""


class Previewer:
    """Makes previews and keeps the last ``KEEP`` of them."""

    def __init__(self, converter: Converter, dpi: int = DPI) -> None:
        self.converter = converter
        self.dpi = dpi
        self._kept: OrderedDict[str, Preview] = OrderedDict()
        self._lock = threading.Lock()

    def pdf(self, docx_bytes: bytes, name: str = "van-ban") -> bytes:
        """The PDF of a .docx, through the queue."""
        with tempfile.TemporaryDirectory(prefix="qdocgen-web-") as work:
            docx = Path(work) / f"{name}.docx"
            docx.write_bytes(docx_bytes)
            pdf = self.converter.submit(docx, Path(work)).result()
            return pdf.read_bytes()

    def make(self, docx_bytes: bytes, owner: str) -> Preview:
        """Render ``docx_bytes`` to pictures and lint it; the preview is kept for its pages to be fetched."""
        pdftoppm = shutil.which("pdftoppm")
        if not pdftoppm:
            raise PdfError(f"Không tìm thấy lệnh pdftoppm để cắt trang PDF thành ảnh. {POPPLER_HINT}.")
        with tempfile.TemporaryDirectory(prefix="qdocgen-web-") as work:
            docx = Path(work) / "xem-truoc.docx"
            docx.write_bytes(docx_bytes)
            future = self.converter.submit(docx, Path(work))
            findings = lint_docx(docx)  # while LibreOffice works
            pdf = future.result()
            self._cut(pdftoppm, pdf, Path(work))
            found = sorted(Path(work).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            preview = Preview(secrets.token_urlsafe(12), [p.read_bytes() for p in found], findings, owner)
        with self._lock:
            self._kept[preview.id] = preview
            while len(self._kept) > KEEP:
                self._kept.popitem(last=False)
        return preview

    def _cut(self, pdftoppm: str, pdf: Path, work: Path) -> None:
        """The PDF's pages as ``p-N.png``: two halves cut side by side (pages are independent)."""
        count = _page_count(pdf)
        halves = [(1, 10**6)] if count < 2 else [(1, count // 2), (count // 2 + 1, count)]
        try:
            running = [subprocess.Popen([pdftoppm, "-png", "-r", str(self.dpi), "-f", str(first), "-l", str(last),
                                         str(pdf), str(work / "p")], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL) for first, last in halves]
            codes = [proc.wait(60) for proc in running]
        except (OSError, subprocess.SubprocessError) as exc:
            raise PdfError(f"pdftoppm không cắt được trang PDF thành ảnh ({exc}). {POPPLER_HINT}.") from exc
        if any(codes):
            raise PdfError(f"pdftoppm không cắt được trang PDF thành ảnh (mã {max(codes)}). {POPPLER_HINT}.")

    def get(self, preview_id: str) -> Preview | None:
        """A kept preview, if still there."""
        with self._lock:
            return self._kept.get(preview_id)


def _page_count(pdf: Path) -> int:
    """The number of pages of a PDF (``pdfinfo``); 0 when it cannot tell (then the pages are cut in one go)."""
    pdfinfo = shutil.which("pdfinfo")
    if not pdfinfo:
        return 0
    try:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1]) if line.split()[1].isdigit() else 0
    return 0
