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
from qdocgen.lint.common import Finding
from qdocgen.lint.report import lint_docx
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
            try:
                subprocess.run([pdftoppm, "-png", "-r", str(self.dpi), str(pdf), str(Path(work) / "p")],
                               capture_output=True, timeout=60, check=True)
            except (OSError, subprocess.SubprocessError) as exc:
                raise PdfError(f"pdftoppm không cắt được trang PDF thành ảnh ({exc}). {POPPLER_HINT}.") from exc
            found = sorted(Path(work).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            preview = Preview(secrets.token_urlsafe(12), [p.read_bytes() for p in found], findings, owner)
        with self._lock:
            self._kept[preview.id] = preview
            while len(self._kept) > KEEP:
                self._kept.popitem(last=False)
        return preview

    def get(self, preview_id: str) -> Preview | None:
        """A kept preview, if still there."""
        with self._lock:
            return self._kept.get(preview_id)
