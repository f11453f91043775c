"""What happens to each PDF LibreOffice wrote: metadata, signature fields, PDF/A-2b check, fonts, then placing it.

The order matters: the metadata is written first (pikepdf rewrites the file), the signature fields are added
last as an incremental update (pyHanko), and the check reads the file exactly as it is placed.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from qdocgen.pdf import fonts, pdfa
from qdocgen.pdf.signature import Field, add_fields, read_pages, signature_fields


@dataclass(frozen=True)
class FinishOptions:
    """What to put in a PDF besides LibreOffice's output: the issuing body as author, signature fields."""

    author: str = ""
    signature_fields: bool = False


@dataclass
class PdfCheck:
    """What was found in one finished PDF: PDF/A-2b problems, fonts carried, signature fields added."""

    problems: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def pdfa(self) -> bool:
        """Whether the file passed every PDF/A-2b check made here."""
        return not self.problems

    def summary(self) -> str:
        """One line for the manifest: the PDF/A verdict, the fonts, the signature fields."""
        verdict = f"đạt {pdfa.PDFA_LABEL}" if self.pdfa else \
            f"KHÔNG đạt {pdfa.PDFA_LABEL}: {'; '.join(self.problems)}"
        parts = [verdict, f"phông: {', '.join(self.fonts) or 'không có'}"]
        if self.fields:
            parts.append(f"ô ký: {', '.join(f.name for f in self.fields)}")
        return "; ".join(parts + self.notes)


def finish(produced: Path, docx: Path, options: FinishOptions) -> tuple[bytes, PdfCheck]:
    """The finished PDF's bytes for ``docx`` from LibreOffice's ``produced`` file, and what was checked."""
    check = PdfCheck()
    info = pdfa.document_info(docx, options.author)
    with tempfile.TemporaryDirectory(prefix="qdocgen-finish-") as work:
        staged = Path(work) / "meta.pdf"
        with pikepdf.open(produced) as pdf:
            pdfa.apply_metadata(pdf, info)
            check.fonts = fonts.embedded_fonts(pdf)
            pdf.save(staged)
        if options.signature_fields:
            check.fields = signature_fields(read_pages(staged))
            if check.fields:
                signed = Path(work) / "fields.pdf"
                add_fields(staged, signed, check.fields)
                staged = signed
            else:
                check.notes.append("không tìm thấy khối chữ ký trên trang nên chưa có ô ký")
        check.problems = pdfa.check_pdfa(staged)
        note = fonts.stand_in_note(check.fonts)
        if note:
            check.notes.append(note)
        return staged.read_bytes(), check
