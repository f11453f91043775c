"""No English from click in help or errors (issue 23, point 5): every command's help, usage and option errors."""

from __future__ import annotations

import re
from pathlib import Path

import click
from conftest import run

from qdocgen.cli import main

ENGLISH = ("[OPTIONS]", "COMMAND", "[ARGS]", "[required]", "INTEGER", "RANGE", "x>=", "<=x", "DATASET_DIR",
           "DATA_FILE", "NAME", "DEST", "FILES", "FILE", "PATH", "TEXT", "Did you mean", "is not one of",
           "integer range", "not a valid", "does not exist", "Usage", "Options", "Commands", "Missing",
           "THU_MUC", "TEP", "KHOA", "GIA_TRI", "MA_DON_VI", "không phải một thư mục bộ dữ liệu",
           "không dùng được:", "' không có")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path under ``group``: ("batch",), ("so-di", "cap-so"), ..."""
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, prefix + (name,))
        else:
            found.append(prefix + (name,))
    return found


def _english(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"(?<![\w.-]){re.escape(word)}(?![\w])", text)]


def test_every_help_is_free_of_english() -> None:
    commands = _commands(main)
    assert len(commands) > 20
    for path in commands:
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert not _english(result.output), (path, _english(result.output), result.output)


def test_usage_errors_are_vietnamese(tmp_path: Path) -> None:
    cases = [("bach",), ("lint", "--format", "xml", str(tmp_path)), ("batch", str(tmp_path), "-o", str(tmp_path),
             "-j", "0"), ("batch", str(tmp_path), "-o", str(tmp_path), "-j", "abc"),
             ("lint", str(tmp_path / "khong-co.docx")), ("batch",)]
    for args in cases:
        result = run(*args)
        assert result.exit_code == 2, args
        assert not _english(result.stderr), (args, _english(result.stderr), result.stderr)
    assert "Có phải 'batch'?" in run("bach").stderr
    assert "Không tìm thấy «" in run("lint", str(tmp_path / "khong-co.docx")).stderr


def test_missing_dataset_folder_is_said_plainly(tmp_path: Path) -> None:
    result = run("batch", str(tmp_path / "khong-co"), "-o", str(tmp_path / "o"))
    assert result.exit_code == 3 and "không tìm thấy thư mục này" in result.stderr
