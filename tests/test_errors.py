"""The error root and the exit statuses: one table, the README's."""

from __future__ import annotations

import re

from conftest import ROOT

from qdocgen.errors import (
    DataError,
    ExitStatus,
    OutputError,
    PdfError,
    Problem,
    QdocgenError,
    TemplateError,
    UsageError,
)


def test_exit_status_is_the_readme_table() -> None:
    table = (ROOT / "README.md").read_text(encoding="utf-8").split("## Mã thoát", 1)[1]
    documented = {int(m.group(1)) for m in re.finditer(r"^\| (\d+) \| .+? \|$", table, re.M)}
    assert {int(status) for status in ExitStatus} == documented


def test_every_error_has_its_status_and_message() -> None:
    assert QdocgenError("x").exit_code == ExitStatus.INTERNAL and str(QdocgenError("lỗi gì")) == "lỗi gì"
    assert DataError([Problem("a.yaml", "so", "sai", 3)]).exit_code == ExitStatus.DATA == 3
    assert "a.yaml:3 [so]: sai" in DataError([Problem("a.yaml", "so", "sai", 3)]).message
    assert TemplateError("x").exit_code == 4 and OutputError("x").exit_code == 5
    assert UsageError("x").exit_code == 2 and PdfError("x").exit_code == 7
    assert all(issubclass(e, QdocgenError) for e in (DataError, TemplateError, OutputError, UsageError, PdfError))
