"""Where data comes from: key paths, the file and line that wrote a value, paths as a user sees them."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

KeyPath = tuple[str | int, ...]
"""A place in the data: keys and list indexes from the top (``("phu_luc", "muc_tieu", 0, "noi_dung")``)."""


@dataclass(frozen=True)
class Origin:
    """Where a value was written: a file and line, or a ``--set`` option."""

    file: str
    line: int | None = None


def display(path: Path) -> str:
    """A path as the user should see it: relative to the working folder where possible."""
    return _display(path, os.getcwd())


@functools.lru_cache(maxsize=1024)
def _display(path: Path, cwd: str) -> str:
    """:func:`display` from ``cwd``, once per path: a batch names the same shared files for every unit."""
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(path)


def key_path(key: KeyPath) -> str:
    """``("can_cu", 2, "ngay")`` → ``can_cu[2].ngay`` (indices shown from 1, as clerks count)."""
    out = ""
    for part in key:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
