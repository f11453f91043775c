"""A LibreOffice's first document, converted while nobody waits for it.

A LibreOffice just started pays for its first document about twice what the next ones cost (Writer's
libraries, the fonts, the PDF export are loaded then). When ``batch --pdf`` starts its LibreOffices while
it writes the .docx files, each converts this small document in that time, so the batch's first real
file costs what any other does. The document is written here, by hand, in Times New Roman with
Vietnamese text: the fonts and the shaping loaded for it are those the real documents need.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Protocol

from qdocgen.pdf.office import PdfError

WARM_UP_TIMEOUT = 30.0

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(
            f'<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>{bold}'
            f'<w:sz w:val="26"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'
            for bold, text in (("<w:b/>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                               ("<w:i/>", "Thành phố Hồ Chí Minh, ngày 01 tháng 01 năm 2026"),
                               ("", "Quyết định ban hành mục tiêu chất lượng.")))
        + "</w:body></w:document>"),
}


def write_warm_up(folder: Path) -> Path:
    """Write the warm-up document into ``folder``; its path."""
    path = folder / "warm-up.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in _PARTS.items():
            package.writestr(name, text)
    return path


class Exporter(Protocol):
    """What the warm-up needs of a LibreOffice: its export (``pool.Office`` has it)."""

    def export(self, docx: Path, produced: Path, timeout: float) -> None:
        """Write the PDF of ``docx`` to ``produced`` (PdfError when it cannot)."""


def warm_up(office: Exporter) -> bool:
    """Convert the warm-up document with ``office``; whether it went well (a failure is left to the batch)."""
    with tempfile.TemporaryDirectory(prefix="qdocgen-warm-up-") as work:
        try:
            office.export(write_warm_up(Path(work)), Path(work) / "warm-up.pdf", WARM_UP_TIMEOUT)
        except PdfError:
            return False
        return (Path(work) / "warm-up.pdf").is_file()
