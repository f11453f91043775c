"""What a run did, as the command line says it: files written, kept and skipped, units failed, warnings, findings.

Nothing here prints: :meth:`Report.lines` gives each line with its tone, and the command line prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from qdocgen import manifest
from qdocgen.errors import ExitStatus, Problem

if TYPE_CHECKING:
    from qdocgen.lint import Finding

Said = tuple[Literal["info", "warning", "error"], str]
"""One line for the user and its tone: ``info`` goes to standard output, the others to standard error."""


@dataclass
class Report:
    """What a run did: files written, kept and skipped, units failed, warnings (grouped for the user)."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    entries: list[manifest.Entry] = field(default_factory=list)
    manifest_files: list[Path] = field(default_factory=list)
    combined: Path | None = None
    zipped: Path | None = None
    pdfs: list[Path] = field(default_factory=list)
    pdf_failed: dict[str, str] = field(default_factory=dict)
    pdf_checks: dict[str, str] = field(default_factory=dict)  # .docx → its PDF's check (PDF/A, fonts, fields)
    pdf_not_pdfa: dict[str, str] = field(default_factory=dict)  # .docx → why its PDF is not PDF/A-2b
    lint: dict[str, list[Finding]] = field(default_factory=dict)  # layout findings per unit id
    review_open: list[str] = field(default_factory=list)  # open items of the dataset's _xem-lai.md (new-year)
    review_file: Path | None = None
    skip_reasons: dict[Path, str] = field(default_factory=dict)  # why a file in ``skipped`` was left as it is

    @property
    def exit_code(self) -> ExitStatus:
        """``DATA`` when a unit failed, else ``OUTPUT`` when a file was skipped, else ``PDF`` when a PDF failed.

        A PDF that is written but fails the PDF/A-2b check counts as failed.
        """
        if self.failed:
            return ExitStatus.DATA
        if self.skipped:
            return ExitStatus.OUTPUT
        return ExitStatus.PDF if self.pdf_failed or self.pdf_not_pdfa else ExitStatus.OK

    def lines(self, quiet: bool = False, listed: int = 30) -> list[Said]:
        """What the command line says about the run, in order, each line with its tone.

        ``quiet``: only warnings, errors and the summary; ``listed``: how many written files are named.
        """
        said: list[Said] = [("warning", f"Cảnh báo: {line}") for line in self.warning_lines()]
        if not quiet:
            said += [("info", f"Đã ghi {path}") for path in self.written[:listed]]
            if len(self.written) > listed:
                said.append(("info", f"... và {len(self.written) - listed} tệp khác (xem manifest.json trong thư "
                                     "mục kết quả)."))
        said += [("warning", f"Bỏ qua {path}: {self.skip_reasons.get(path, 'tệp đã có (dùng --force để ghi đè).')}")
                 for path in self.skipped]
        for unit, message in self.failed.items():
            lines = "\n".join(f"  - {line}" for line in message.splitlines())
            said.append(("error", f"Lỗi ở đơn vị {unit}:\n{lines}"))
        if not quiet:
            said += [("info", f"Đã ghi {path}") for path in self.pdfs[:listed]]
        said += [("error", f"Không có PDF cho {docx}: {message}") for docx, message in self.pdf_failed.items()]
        said += [("error", f"PDF của {docx} KHÔNG đạt PDF/A-2b: {message}")
                 for docx, message in self.pdf_not_pdfa.items()]
        if not quiet:
            said += [("info", f"Đã ghi {path}") for path in (self.combined, self.zipped, *self.manifest_files[:1])
                     if path is not None]
        said += [("info" if finding.severity == "notice" else "warning", f"Thể thức {unit}: {finding}")
                 for unit, found in self.lint.items() for finding in found]
        return [*said, ("info", self.summary())]

    def summary(self) -> str:
        """The one-line summary: files written, skipped, failed, kept, PDFs, layout findings, review items, warnings."""
        summary = f"Xong: {len(self.written)} tệp đã ghi, {len(self.skipped)} bỏ qua, {len(self.failed)} lỗi"
        if self.kept:
            summary += f", {len(self.kept)} giữ nguyên (đã có, đúng như bản soạn lại)"
        if self.pdfs or self.pdf_failed:
            summary += f", {len(self.pdfs)} PDF, {len(self.pdf_failed)} PDF lỗi"
            if self.pdf_not_pdfa:
                summary += f", {len(self.pdf_not_pdfa)} PDF không đạt PDF/A-2b"
        if self.lint:
            wrong = sum(f.severity != "notice" for found in self.lint.values() for f in found)  # not the kind note
            summary += f", {wrong} điểm sai thể thức (qdocgen lint)"
        if self.review_open:
            summary += f", {len(self.review_open)} mục chưa xem lại trong {self.review_file}"
        return summary + (f", {len(self.warnings)} cảnh báo." if self.warnings else ".")

    def warning_lines(self) -> list[str]:
        """Warnings with the same key and message merged into one line listing their units."""
        groups: dict[tuple[str, str], list[Problem]] = {}
        for w in self.warnings:
            groups.setdefault((w.key, w.message), []).append(w)
        lines = []
        for (key, message), found in groups.items():
            # Each warning names the file and line that wrote the value, as the README promises.
            places = list(dict.fromkeys(w.file if w.line is None else f"{w.file}:{w.line}" for w in found))
            if len(found) == 1:
                lines.append(str(found[0]))
                continue
            units = [w.unit or w.file for w in found]
            shared = f" (dùng chung cho {', '.join(units)})" if len(places) < len(found) else ""
            lines.append(f"{len(found)} đơn vị [{key}]: {message}: {', '.join(places)}{shared}")
        return lines
