"""The page rules on the page as printed (``lint --trang``, ``batch --trang``): PDFs made, read, then judged.

The run layer's part: each .docx is converted to PDF by ``qdocgen.pdf`` (the resident LibreOffice for a few
files, the batched conversion, one LibreOffice per core, for many), its pages read into the page model
(``qdocgen.printed``), and both handed to the lint's page rules, which open no file of their own.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from qdocgen.errors import QdocgenError
from qdocgen.lint import Finding, LintReport, lint_files, lint_pages
from qdocgen.lint.dated import DateRules
from qdocgen.lint.report import rule_ids
from qdocgen.printed.pages import PrintedDocument
from qdocgen.printed.reader import read_pdf

RESIDENT_UP_TO = 3  # files: up to this many go through the resident LibreOffice, more through the batched one


def _unique_stems(paths: Sequence[Path]) -> list[list[Path]]:
    """The files in groups whose names (without extension) differ, so their PDFs cannot meet in one folder."""
    groups: list[list[Path]] = []
    for path in paths:
        group = next((g for g in groups if all(p.stem != path.stem for p in g)), None)
        if group is None:
            groups.append([path])
        else:
            group.append(path)
    return groups


def make_pdfs(paths: Sequence[Path], work: Path) -> tuple[dict[Path, Path], dict[Path, str]]:
    """PDFs of the .docx files, written under ``work``; and the files that could not be converted, with why."""
    from qdocgen.pdf import PdfError, convert, convert_one, find_soffice

    find_soffice()  # no LibreOffice: said once, with how to install it
    made: dict[Path, Path] = {}
    failed: dict[Path, str] = {}
    for number, group in enumerate(_unique_stems(paths)):
        folder = work / str(number)
        if len(group) > RESIDENT_UP_TO:
            report = convert(group, folder, force=True)
            made.update(report.converted)
            failed.update(report.failed)
            continue
        for path in group:
            try:
                made[path] = convert_one(path, folder)
            except PdfError as exc:
                failed[path] = exc.message
    return made, failed


def read_pages(pdfs: Mapping[Path, Path]) -> tuple[dict[Path, PrintedDocument], dict[Path, str]]:
    """The page model of each file's PDF; and the files whose PDF could not be read, with why."""
    pages: dict[Path, PrintedDocument] = {}
    failed: dict[Path, str] = {}
    for docx, pdf in pdfs.items():
        try:
            pages[docx] = read_pdf(pdf)
        except QdocgenError as exc:
            failed[docx] = exc.message
    return pages, failed


def _unchecked(path: Path, reason: str) -> Finding:
    """The finding for a file whose printed pages could not be checked."""
    return Finding(rule="tep", severity="error", where=path.name,
                   message=f"Không kiểm tra được trang in: {reason}")


def lint_printed(paths: Sequence[Path], ignore: Iterable[str] = (), dated: DateRules | None = None) -> LintReport:
    """Every rule on every file, the page rules included, each file converted to PDF for them."""
    ignore = rule_ids(ignore)  # an unknown rule id is refused before LibreOffice starts
    with tempfile.TemporaryDirectory(prefix="qdocgen-trang-") as work:
        pdfs, failed = make_pdfs(paths, Path(work))
        pages, unread = read_pages(pdfs)
    report = lint_files(paths, ignore, dated)
    for path, printed in pages.items():
        report.results[path] += lint_pages(path, printed, ignore)
    for path, reason in {**failed, **unread}.items():
        found = report.results[path]
        if "tep" not in ignore and not any(f.rule == "tep" for f in found):
            found.append(_unchecked(path, reason))
    return report


def check_pdfs(pdfs: Mapping[Path, Path], ignore: Iterable[str] = ()) -> dict[Path, list[Finding]]:
    """The page rules on .docx files whose PDFs are already made (a batch's), by .docx."""
    pages, unread = read_pages(pdfs)
    found = {docx: lint_pages(docx, printed, ignore) for docx, printed in pages.items()}
    found.update({docx: [_unchecked(docx, reason)] for docx, reason in unread.items()})
    return found
