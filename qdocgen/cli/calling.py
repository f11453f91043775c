"""Calling the library from a command: its error as a Vietnamese message and exit status, its lines out."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

import qdocgen
from qdocgen import ExitStatus, QdocgenError


def call_library(call: Callable[[], Any]) -> Any:
    """Call the library; turn its one error type into a Vietnamese message and an exit code."""
    try:
        return call()
    except QdocgenError as exc:
        click.secho(f"Lỗi: {exc.message}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except (OSError, MemoryError, RecursionError) as exc:
        # Full disk, read-only folder, exhausted memory: a message and an exit code, never a traceback.
        error = qdocgen.resource_error(exc)
        click.secho(f"Lỗi: {error.message}", fg="red", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu; không để lại tệp dở dang.", err=True)
        sys.exit(ExitStatus.INTERRUPTED)


TONES = {"info": (None, False), "warning": ("yellow", True), "error": ("red", True)}


def print_lines(lines: Iterable[tuple[str, str]]) -> None:
    """Print a result's lines: information on stdout, warnings (yellow) and errors (red) on stderr."""
    for tone, text in lines:
        colour, to_stderr = TONES[tone]
        if colour is None:
            click.echo(text, err=to_stderr)
        else:
            click.secho(text, fg=colour, err=to_stderr)


def print_report(report: Any, quiet: bool = False) -> None:
    """Print a run's report and end with its exit status."""
    print_lines(report.lines(quiet))
    if report.exit_code:
        sys.exit(report.exit_code)
