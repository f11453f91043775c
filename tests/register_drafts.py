"""Signed drafts for the register's tests: one real qdocgen draft, and variants of it that differ in bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import DATASET, run

SYMBOL = "QĐ-UBND"


def district_draft(folder: Path) -> Path:
    """The Bình Tân district decision rendered with number and date left blank, as a draft leaves qdocgen."""
    out = folder / "qd.docx"
    result = run("render", DATASET / "quan-binh-tan.yaml", "--set", "so=", "--set", "ngay_ban_hanh=", "-o", out)
    assert result.exit_code == 0, result.stderr
    return out


def variant(draft: Path, target: Path, tag: str, symbol: str | None = None) -> Path:
    """A copy of ``draft`` with ``tag`` in its summary (so another document), and another symbol if given."""
    with zipfile.ZipFile(draft) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = data.replace("Về việc ban hành".encode(), f"Về việc ban hành ({tag})".encode())
            if symbol and info.filename == "word/document.xml":
                data = data.replace(f"/{SYMBOL}<".encode(), f"/{symbol}<".encode())
            dest.writestr(info, data)
    return target
