"""The Nghị định 30 layout rules, one module per area, reading the layout model of a document (never XML).

``rules`` holds the rule table; ``page``, ``header``, ``body`` and ``closing`` the checks of each area;
``report`` runs them and formats what they found.
"""

from __future__ import annotations

from qdocgen.lint.common import Finding
from qdocgen.lint.report import LintError, LintReport, lint_docx, lint_files
from qdocgen.lint.rules import RULES

__all__ = ["RULES", "Finding", "LintError", "LintReport", "lint_docx", "lint_files"]
