"""PDF through LibreOffice: PDF/A-2b files, checked, with signature fields where NĐ30 puts them.

Modules by concern: ``office`` (finding LibreOffice, its filter, profiles, what it may be given), ``convert``
(batches: many files per start, one start per core), ``resident`` (one LibreOffice kept running for single
documents and the web preview), ``finish`` (what is done to each PDF after LibreOffice), ``pdfa`` (metadata
and the PDF/A-2b checker), ``signature`` (signature fields from the words on the page), ``fonts``.
"""

from __future__ import annotations

from qdocgen.pdf.convert import PdfReport, convert, default_jobs
from qdocgen.pdf.finish import FinishOptions, PdfCheck
from qdocgen.pdf.fonts import font_warnings
from qdocgen.pdf.office import INSTALL_HINT, PdfError, find_soffice, word_problem
from qdocgen.pdf.resident import ResidentOffice, convert_one

__all__ = ["INSTALL_HINT", "FinishOptions", "PdfCheck", "PdfError", "PdfReport", "ResidentOffice", "convert",
           "convert_one", "default_jobs", "find_soffice", "font_warnings", "word_problem"]
