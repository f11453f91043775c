"""Shared fixtures: the Bình Tân 2019 batch rendered once per test session, and a CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qdocgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "data" / "binh-tan" / "2019"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WARDS = {
    "phuong-an-lac": "An Lạc", "phuong-an-lac-a": "An Lạc A", "phuong-binh-hung-hoa": "Bình Hưng Hòa",
    "phuong-binh-hung-hoa-a": "Bình Hưng Hòa A", "phuong-binh-hung-hoa-b": "Bình Hưng Hòa B",
    "phuong-binh-tri-dong": "Bình Trị Đông", "phuong-binh-tri-dong-a": "Bình Trị Đông A",
    "phuong-binh-tri-dong-b": "Bình Trị Đông B", "phuong-tan-tao": "Tân Tạo", "phuong-tan-tao-a": "Tân Tạo A",
}


def run(*args: str) -> "object":
    """Run the qdocgen CLI in-process; stderr kept apart from stdout."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch")
    result = run("batch", DATASET, "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    return out


@pytest.fixture(scope="session")
def district(batch_dir: Path) -> Path:
    return batch_dir / "quan-binh-tan.docx"


def soffice() -> str:
    """The LibreOffice command; skips where it is absent, but fails in CI, where it must be installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    message = ("LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui fonts-liberation2 "
               "poppler-utils")
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set: this test must run here)")
    pytest.skip(message)
