"""The Nghị định 30 layout rules, read from the layout model of a document."""

from __future__ import annotations

from qdocgen.lint.rules import LintReport, lint_docx, lint_files

__all__ = ["LintReport", "lint_docx", "lint_files"]
