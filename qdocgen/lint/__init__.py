"""The Nghị định 30 layout rules, one module per area, reading the layout model of a document (never XML).

``rules`` holds the rule table; ``page``, ``header``, ``body`` and ``closing`` the checks of each area;
``report`` runs them and formats what they found. ``printed`` holds the rules of the page as printed, which
read the page model of the document's PDF (``qdocgen.printed.pages``) handed to them by the run layer.
"""

from __future__ import annotations

from qdocgen.lint.common import Finding
from qdocgen.lint.report import LintError, LintReport, lint_docx, lint_files, lint_pages
from qdocgen.lint.rules import RULES

__all__ = ["RULES", "Finding", "LintError", "LintReport", "lint_docx", "lint_files", "lint_pages"]
