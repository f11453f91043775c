"""The web app's LibreOffice kept running: converts, queues, and comes back after it dies."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import soffice

from qdocgen.web.converter import Converter


def test_resident_office_converts_and_restarts_after_dying(district: Path, tmp_path: Path) -> None:
    soffice()
    from qdocgen.pdf import resident

    if not resident.available():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice's Python bridge is missing: apt-get install -y python3-uno (CI is set)")
        pytest.skip("LibreOffice's Python bridge is missing: apt-get install -y python3-uno")
    converter = Converter()
    try:
        for i in range(3):
            (tmp_path / f"out-{i}").mkdir()
        futures = [converter.submit(district, tmp_path / f"out-{i}") for i in range(3)]  # queued, one at a time
        pdfs = [f.result(timeout=180) for f in futures]
        assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
        assert converter._office is not None and converter._office.starts == 1  # one LibreOffice for all three
        os.killpg(converter._office._proc.pid, signal.SIGKILL)  # type: ignore[union-attr]
        time.sleep(0.3)
        (tmp_path / "again").mkdir()
        again = converter.submit(district, tmp_path / "again").result(timeout=180)
        text = subprocess.run(["pdftotext", str(again), "-"], capture_output=True, text=True, check=True).stdout
        assert "784/QĐ-UBND" in text and converter._office.starts == 2
    finally:
        converter.close()
