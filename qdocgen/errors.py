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
        return self.message


@dataclass(frozen=True)
class Problem:
    """One problem found in the data: where it is, and what is expected."""

    file: str
    key: str
    message: str
    line: int | None = None
    unit: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.message}"


class DataError(QdocgenError):
    """The data is wrong; all problems found in one pass are listed."""

    exit_code = ExitStatus.DATA

    def __init__(self, problems: list[Problem]) -> None:
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
