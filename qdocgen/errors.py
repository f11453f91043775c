"""The one error root of qdocgen, every error class, the exit statuses, and the one ``Problem`` type.

Every error carries a message for the user, in Vietnamese, and the exit status the command line ends with.
This module imports nothing of qdocgen: every layer may import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class ExitStatus(IntEnum):
    """The exit statuses of ``qdocgen``: the table «Mã thoát» of the README, one name per row."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    DATA = 3
    TEMPLATE = 4
    OUTPUT = 5
    LINT = 6
    PDF = 7
    REGISTER = 8
    INTERRUPTED = 130


class QdocgenError(Exception):
    """Root of all errors qdocgen reports to its user; ``message`` says what is wrong and what to do."""

    exit_code: ExitStatus = ExitStatus.INTERNAL

    def __init__(self, message: str) -> None:
        """Keep ``message``, the text the user reads."""
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        """The message, as the user reads it."""
        return self.message


@dataclass(frozen=True)
class Problem:
    """One problem found: where it is, how bad, and what is expected (the one type for every finding).

    Attributes:
        file: the data file (data problems); ``line`` its line, ``key`` the key path in it.
        key: the key path in the data, or an option (``--only``).
        message: what is wrong and what to do, in Vietnamese.
        line: the line in ``file``, when known.
        unit: the unit the problem belongs to (a batch groups by it); not part of equality.
        where: a place in a document or template (a quoted paragraph, a part), for layout and template findings.
        rule: the layout rule id (``qdocgen lint``).
        severity: ``error`` / ``warning`` / ``notice`` (the kind of document lint saw) for the layout rules,
            ``error`` / ``warning`` for the findings of data checks (objectives,
            legal bases, new-year review); ``lỗi`` / ``cảnh báo`` / ``đã sửa`` for check-template.
        text: the text the problem is about, as the data writes it (an objective, a cited basis, a value).
        index: the position (from 0) of the item in its list (an objective, a ``can_cu`` entry), when that is
            how the problem is placed.
        kind: what sort of problem, for a check with several (a legal basis: ``thay_the``, ``lau_chua_kiem_tra``...).
        mark: a hidden fingerprint of the place and value (new-year review list); not part of equality.
    """

    file: str = ""
    key: str = ""
    message: str = ""
    line: int | None = None
    unit: str | None = field(default=None, compare=False)
    where: str = ""
    rule: str = ""
    severity: str = "error"
    text: str = ""
    index: int | None = None
    kind: str = ""
    mark: str = field(default="", compare=False)

    @property
    def level(self) -> str:
        """The severity under check-template's name for it."""
        return self.severity

    def to_dict(self) -> dict[str, str]:
        """A layout finding as plain data for JSON."""
        return {"rule": self.rule, "severity": self.severity, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        """One line: «lỗi [rule] where: message», «[level] where: message» or «file:line [key]: message»."""
        if self.rule:
            label = {"error": "lỗi", "notice": "ghi chú"}.get(self.severity, "cảnh báo")
            return f"{label} [{self.rule}] {self.where}: {self.message}"
        if self.where:
            return f"[{self.severity}] {self.where}: {self.message}"
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.message}"


class DataError(QdocgenError):
    """The data is wrong; all problems found in one pass are listed."""

    exit_code = ExitStatus.DATA

    def __init__(self, problems: list[Problem]) -> None:
        """List every problem in the message."""
        self.problems = list(problems)
        lines = [f"Dữ liệu có {len(self.problems)} lỗi, chưa tệp nào được ghi:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class TemplateError(QdocgenError):
    """The template cannot be read, compiled or rendered."""

    exit_code = ExitStatus.TEMPLATE


class OutputError(QdocgenError):
    """Writing the output was refused (it exists, or the path is unsafe)."""

    exit_code = ExitStatus.OUTPUT


class UsageError(QdocgenError):
    """The command was asked for something it cannot do (an unknown rule id, say)."""

    exit_code = ExitStatus.USAGE


class PdfError(QdocgenError):
    """A converter (LibreOffice, poppler) is missing or cannot be run at all."""

    exit_code = ExitStatus.PDF


class RegisterError(QdocgenError):
    """The register of outgoing documents refused a step (already numbered, date out of order, no such number)."""

    exit_code = ExitStatus.REGISTER
