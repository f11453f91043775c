"""``qdocgen lint``: check .docx files against the layout rules of Nghị định 30 that can be read from the file.

Each finding names a rule id, which ``--ignore`` turns off for documents that are not decisions. Nothing here
prints: the CLI prints :class:`LintReport`'s text or JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen.errors import ExitStatus, UsageError
from qdocgen.lint import dated as date_aware
from qdocgen.lint.appendix import check_appendix
from qdocgen.lint.body import check_articles, check_bases, check_title
from qdocgen.lint.closing import check_recipients, check_signatures
from qdocgen.lint.common import Finding
from qdocgen.lint.document import Doc, open_document
from qdocgen.lint.header import check_date, check_header, check_number, check_positions, check_vv
from qdocgen.lint.page import check_font, check_page, check_page_numbers
from qdocgen.lint.printed import RULES as PAGE_RULES
from qdocgen.lint.printed import check_printed
from qdocgen.lint.rules import RULES
from qdocgen.lint.scope import Kind, applies
from qdocgen.lint.spacing import check_indent, check_line_spacing, check_paragraph_spacing
from qdocgen.oxml.layout import LayoutError
from qdocgen.printed.pages import PrintedDocument


class LintError(UsageError):
    """The lint was asked for something it cannot do (an unknown rule id)."""


CHECKS: tuple[tuple[frozenset[str], Callable[[Doc], list[Finding]]], ...] = (
    (frozenset({"kho-giay", "huong-giay", "le-trang"}), check_page),
    (frozenset({"phong-chu"}), check_font),
    (frozenset({"quoc-hieu", "tieu-ngu", "co-quan-chu-quan", "co-quan-ban-hanh"}), check_header),
    (frozenset({"vi-tri-dau-trang"}), check_positions),
    (frozenset({"so-ky-hieu"}), check_number),
    (frozenset({"vv-cong-van"}), check_vv),
    (frozenset({"dia-danh-ngay"}), check_date),
    (frozenset({"ten-loai", "trich-yeu"}), check_title),
    (frozenset({"can-cu-nghieng", "can-cu-dau-cau"}), check_bases),
    (frozenset({"dieu"}), check_articles),
    (frozenset({"gian-dong"}), check_line_spacing),
    (frozenset({"gian-doan"}), check_paragraph_spacing),
    (frozenset({"thut-dau-dong"}), check_indent),
    (frozenset({"noi-nhan", "noi-nhan-dong", "luu"}), check_recipients),
    (frozenset({"tham-quyen-ky", "nguoi-ky", "nguoi-ky-ten"}), check_signatures),
    (frozenset({"so-trang"}), check_page_numbers),
    (frozenset({"tieu-de-phu-luc"}), check_appendix),
)


# The rules that know the document's date (the 2025 reorganisation, the register of legal bases): own module,
# fed by the caller with what the register says (lint does not read data).
RULES.update(date_aware.RULES)


def rule_ids(ignore: Iterable[str]) -> frozenset[str]:
    """The ids to ignore, split at commas and checked against :data:`RULES`."""
    ids = frozenset(part.strip() for item in ignore for part in item.split(",") if part.strip())
    unknown = sorted(ids - RULES.keys() - PAGE_RULES.keys())
    if unknown:
        raise LintError(f"Không có quy tắc {', '.join(f'«{u}»' for u in unknown)}; các mã quy tắc: "
                        f"{', '.join([*RULES, *PAGE_RULES])}.")
    return ids


def lint_path(path: Path, ignore: Iterable[str] = (),
              dated: date_aware.DateRules | None = None) -> tuple[Kind | None, list[Finding]]:
    """The kind of the document at ``path`` (``None``: not readable) and its findings (see :func:`lint_docx`)."""
    skip = rule_ids(ignore)
    try:
        doc = open_document(path)
    except LayoutError as exc:
        if "tep" in skip:
            return None, []
        message = (f"Không mở được tệp như một văn bản Word .docx ({exc}); hãy lưu lại bằng Word hoặc "
                   "LibreOffice dưới dạng .docx.")
        return None, [Finding(rule="tep", severity="error", where=path.name, message=message)]
    return doc.kind, lint_document(doc, skip, dated)


def lint_document(doc: Doc, skip: frozenset[str] = frozenset(), dated: date_aware.DateRules | None = None
                  ) -> list[Finding]:
    """Every finding for a document already opened (a file, or a batch's parts in memory); ``skip``: rule ids.

    Only the rules that hold for the document's kind run; outside Nghị định 30, the one ``pham-vi`` notice.
    """
    kind = doc.kind
    assert kind is not None
    if not kind.nd30:
        return [] if "pham-vi" in skip else [kind.notice()]
    findings: list[Finding] = []
    for ids, check in CHECKS:
        if ids <= skip or not any(applies(rule, kind) for rule in ids):
            continue
        findings += [f for f in check(doc) if f.rule not in skip and applies(f.rule, kind)]
    findings += [f for f in date_aware.check_dated(doc, dated) if f.rule not in skip and applies(f.rule, kind)]
    return findings


def lint_docx(path: Path, ignore: Iterable[str] = (), dated: date_aware.DateRules | None = None) -> list[Finding]:
    """Every finding for one .docx, in document order of the rules; ``ignore`` lists rule ids to skip.

    Only the rules that hold for the document's kind run (:mod:`qdocgen.lint.scope`); a document outside
    Nghị định 30 gets the one ``pham-vi`` notice. ``dated``: what the register says (two-level date,
    districts, outdated terms) for the date-aware rules; without it only the rule that needs no register
    (``ngay-can-cu``) runs.
    """
    return lint_path(path, ignore, dated)[1]


def lint_pages(path: Path, printed: PrintedDocument, ignore: Iterable[str] = ()) -> list[Finding]:
    """The page rules (``trang-...``) for one .docx and the pages of its PDF, which the caller made and read."""
    skip = rule_ids(ignore)
    try:
        doc = open_document(path)
    except LayoutError:
        return []  # the file's own lint says it cannot be read
    return [f for f in check_printed(doc, printed) if f.rule not in skip]


@dataclass
class LintReport:
    """Findings of every file linted, with text and JSON renderings for the command line."""

    results: dict[Path, list[Finding]]
    kinds: dict[Path, Kind | None] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(f.severity == "error" for fs in self.results.values() for f in fs)

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(f.severity == "warning" for fs in self.results.values() for f in fs)

    @property
    def exit_code(self) -> ExitStatus:
        """``OK`` when no error was found, else ``LINT``."""
        return ExitStatus.LINT if self.errors else ExitStatus.OK

    def to_text(self) -> str:
        """One block per file, one line per finding, then a summary line."""
        lines: list[str] = []
        for path, findings in self.results.items():
            kind = self.kinds.get(path)
            said = f" — {kind.name}" if kind is not None else ""
            if not findings:
                lines.append(f"{path}{said}: đúng thể thức.")
                continue
            lines.append(f"{path}{said}:")
            if kind is not None and kind.nd30:
                lines.append(f"  {kind.notice()}")
            lines += [f"  {f}" for f in findings]
        lines.append(f"Kiểm tra {len(self.results)} tệp: {self.errors} lỗi, {self.warnings} cảnh báo thể thức.")
        return "\n".join(lines)

    def _kind(self, path: Path) -> dict[str, object]:
        """The ``pham_vi`` entry of a file in JSON: the kind lint saw, and whether NĐ30's rules were checked."""
        kind = self.kinds.get(path)
        if kind is None:
            return {}
        return {"pham_vi": {"rule": "pham-vi", "loai": kind.code, "ten": kind.name, "nghi_dinh_30": kind.nd30,
                            "dau_hieu": kind.evidence}}

    def to_json(self) -> str:
        """``{"files": [{"file", "findings": [...]}], "errors", "warnings"}``, UTF-8 text kept readable."""
        data = {
            "files": [{"file": str(path), **self._kind(path), "findings": [f.to_dict() for f in findings]}
                      for path, findings in self.results.items()],
            "errors": self.errors,
            "warnings": self.warnings,
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def lint_files(paths: Sequence[Path], ignore: Iterable[str] = (),
               dated: date_aware.DateRules | None = None) -> LintReport:
    """Lint every file; an unknown rule id in ``ignore`` is refused before any file is read."""
    ignore = rule_ids(ignore)
    report = LintReport({})
    for path in paths:
        report.kinds[path], report.results[path] = lint_path(path, ignore, dated)
    return report
