"""The one error root of qdocgen: every error carries a message for the user, in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field


class QdocgenError(Exception):
    """Root of all errors qdocgen reports to its user; ``message`` says what is wrong and what to do."""

    exit_code = 1

    def __init__(self, message: str) -> None:
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

    exit_code = 3

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [f"Dữ liệu có {len(self.problems)} lỗi, chưa tệp nào được ghi:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class TemplateError(QdocgenError):
    """The template cannot be read, compiled or rendered."""

    exit_code = 4


class OutputError(QdocgenError):
    """Writing the output was refused (it exists, or the path is unsafe)."""

    exit_code = 5


class RegisterError(QdocgenError):
    """The register of outgoing documents refused a step (already numbered, date out of order, no such number)."""

    exit_code = 8
