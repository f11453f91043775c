"""qdocgen: Vietnamese administrative documents (.docx) from templates and structured data.

The public API: what the command line (and any other program) calls. Everything else is private to the
package and may change. Names are loaded on first use, so ``import qdocgen`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "BatchOptions",
    "ExitStatus",
    "Limits",
    "Problem",
    "QdocgenError",
    "RegisterRequest",
    "__version__",
    "backup_register",
    "cancel_number",
    "carry_forward",
    "check_legal_bases",
    "check_template",
    "configure_limits",
    "convert_to_pdf",
    "copy_template",
    "default_jobs",
    "export_excel",
    "filter_examples",
    "give_number",
    "give_numbers_from_manifest",
    "import_excel",
    "lint_files",
    "list_templates",
    "make_preview",
    "numbering_mode",
    "parse_limits",
    "print_register",
    "register_rows",
    "render_batch",
    "render_file",
    "resource_error",
    "sanitize_for_conversion",
    "render_reports",
    "set_numbering",
    "template_variables",
]

# public name → (module, name there)
_WHERE = {
    "BatchOptions": ("qdocgen.batch", "BatchOptions"),
    "ExitStatus": ("qdocgen.errors", "ExitStatus"),
    "Limits": ("qdocgen.limits", "Limits"),
    "configure_limits": ("qdocgen.limits", "configure"),
    "parse_limits": ("qdocgen.limits", "parse"),
    "resource_error": ("qdocgen.output", "resource_error"),
    "sanitize_for_conversion": ("qdocgen.oxml.opc", "sanitize_for_conversion"),
    "Problem": ("qdocgen.errors", "Problem"),
    "QdocgenError": ("qdocgen.errors", "QdocgenError"),
    "RegisterRequest": ("qdocgen.register", "Request"),
    "backup_register": ("qdocgen.register", "backup"),
    "cancel_number": ("qdocgen.register", "cancel"),
    "carry_forward": ("qdocgen.newyear", "carry_forward"),
    "check_legal_bases": ("qdocgen.data.legal_bases", "check_dataset"),
    "check_template": ("qdocgen.template.checks", "check_template"),
    "convert_to_pdf": ("qdocgen.pdf", "convert"),
    "copy_template": ("qdocgen.template.registry", "copy_template"),
    "default_jobs": ("qdocgen.runner", "default_jobs"),
    "export_excel": ("qdocgen.excel.export", "export_dataset"),
    "import_excel": ("qdocgen.excel.importer", "import_workbook"),
    "filter_examples": ("qdocgen.vnformat", "examples"),
    "give_number": ("qdocgen.register", "give_number"),
    "give_numbers_from_manifest": ("qdocgen.register", "give_numbers_from_manifest"),
    "lint_files": ("qdocgen.dating", "lint_files"),
    "list_templates": ("qdocgen.template.registry", "listing_lines"),
    "make_preview": ("qdocgen.preview", "preview"),
    "numbering_mode": ("qdocgen.register", "numbering_mode"),
    "print_register": ("qdocgen.register", "print_register"),
    "register_rows": ("qdocgen.register", "rows"),
    "render_batch": ("qdocgen.batch", "render_batch"),
    "render_file": ("qdocgen.batch", "render_file"),
    "render_reports": ("qdocgen.report", "render_reports"),
    "set_numbering": ("qdocgen.register", "set_numbering"),
    "template_variables": ("qdocgen.template.checks", "template_variables"),
}

if TYPE_CHECKING:
    from qdocgen.batch import BatchOptions as BatchOptions
    from qdocgen.batch import render_batch as render_batch
    from qdocgen.batch import render_file as render_file
    from qdocgen.data.legal_bases import check_dataset as check_legal_bases
    from qdocgen.dating import lint_files as lint_files
    from qdocgen.errors import ExitStatus as ExitStatus
    from qdocgen.errors import Problem as Problem
    from qdocgen.errors import QdocgenError as QdocgenError
    from qdocgen.excel.export import export_dataset as export_excel
    from qdocgen.excel.importer import import_workbook as import_excel
    from qdocgen.limits import Limits as Limits
    from qdocgen.limits import configure as configure_limits
    from qdocgen.limits import parse as parse_limits
    from qdocgen.newyear import carry_forward as carry_forward
    from qdocgen.output import resource_error as resource_error
    from qdocgen.oxml.opc import sanitize_for_conversion as sanitize_for_conversion
    from qdocgen.pdf.convert import convert as convert_to_pdf
    from qdocgen.preview import preview as make_preview
    from qdocgen.register import Request as RegisterRequest
    from qdocgen.register import backup as backup_register
    from qdocgen.register import cancel as cancel_number
    from qdocgen.register import give_number as give_number
    from qdocgen.register import give_numbers_from_manifest as give_numbers_from_manifest
    from qdocgen.register import numbering_mode as numbering_mode
    from qdocgen.register import print_register as print_register
    from qdocgen.register import rows as register_rows
    from qdocgen.register import set_numbering as set_numbering
    from qdocgen.report import render_reports as render_reports
    from qdocgen.runner import default_jobs as default_jobs
    from qdocgen.template.checks import check_template as check_template
    from qdocgen.template.checks import template_variables as template_variables
    from qdocgen.template.registry import copy_template as copy_template
    from qdocgen.template.registry import listing_lines as list_templates
    from qdocgen.vnformat import examples as filter_examples


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use."""
    if name not in _WHERE:
        raise AttributeError(f"module 'qdocgen' has no attribute {name!r}")
    module, attr = _WHERE[name]
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for ``dir(qdocgen)`` and completion."""
    return sorted(set(globals()) | set(__all__))
