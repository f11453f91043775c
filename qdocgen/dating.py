"""The layout lint as users get it: the NĐ30 rules plus the date-aware ones, fed from the register of legal bases.

``lint/`` reads documents only; what the register says (the two-level date, the districts that no longer exist,
the outdated terms) is read here, in the run layer, and handed to the lint as :class:`DateRules`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from qdocgen.data.legal_bases import Register, load_register, phrase_pattern
from qdocgen.lint import Finding, LintReport
from qdocgen.lint import lint_docx as _lint_docx
from qdocgen.lint import lint_files as _lint_files
from qdocgen.lint.dated import DateRules
from qdocgen.lint.document import LEFT_OUT, document_of
from qdocgen.lint.report import lint_document
from qdocgen.oxml.layout import LayoutError, layout_of
from qdocgen.oxml.package import PackageParts


def date_rules(register: Register | None = None) -> DateRules:
    """The register (default: the shipped one) as the date-aware lint rules need it."""
    register = register or load_register()
    levels = register.removed_levels
    return DateRules(register.two_level_from, levels, phrase_pattern(levels) if levels else None,
                     tuple((term.pattern, term.replacement) for term in register.terms))


_SHIPPED: tuple[Register, DateRules] | None = None


def _shipped_rules() -> DateRules:
    """The shipped register's rules, built once per version of the register (a batch lints every unit)."""
    global _SHIPPED
    register = load_register()
    if _SHIPPED is None or _SHIPPED[0] is not register:
        _SHIPPED = (register, date_rules(register))
    return _SHIPPED[1]


def lint_docx(path: Path, ignore: Iterable[str] = ()) -> list[Finding]:
    """Every finding for one .docx, the date-aware rules included."""
    return _lint_docx(path, ignore, _shipped_rules())


def lint_parts(package: PackageParts, path: Path) -> list[Finding]:
    """Every finding for a document's parts in memory (what a batch has just written to ``path``).

    The same findings as :func:`lint_docx` of the file, without reading it back; parts the layout model
    cannot read are checked from the file, which says why.
    """
    try:
        doc = document_of(layout_of(package, skip=LEFT_OUT))
    except LayoutError:
        return lint_docx(path)
    return lint_document(doc, frozenset(), _shipped_rules())


def lint_files(paths: Sequence[Path], ignore: Iterable[str] = (), trang: bool = False) -> LintReport:
    """Lint every file, the date-aware rules included; an unknown rule id in ``ignore`` is refused first.

    ``trang``: also the rules of the page as printed, on the PDF LibreOffice makes of each file.
    """
    if trang:
        from qdocgen.pagecheck import lint_printed

        return lint_printed(paths, ignore, date_rules())
    return _lint_files(paths, ignore, date_rules())
