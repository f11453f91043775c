"""The resident LibreOffice: one process for many documents, a time limit, restarted when it hangs or dies.

Needs LibreOffice and its UNO bridge (Debian: python3-uno); skipped where absent, but never in CI.
"""

from __future__ import annotations

import builtins
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import soffice

from qdocgen.errors import PdfError
from qdocgen.pdf import ResidentOffice, convert_one
from qdocgen.pdf.pdfa import check_pdfa
from qdocgen.pdf.resident import load_uno


@pytest.fixture(scope="module")
def office() -> Iterator[ResidentOffice]:
    command = soffice()
    try:
        load_uno(command)
    except PdfError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc} (CI is set: this test must run here)")
        pytest.skip(str(exc))
    with ResidentOffice(command) as resident:
        yield resident


def _text(pdf: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_many_documents_one_libreoffice_each_pdfa(office: ResidentOffice, batch_dir: Path, tmp_path: Path) -> None:
    first = office.convert(batch_dir / "quan-binh-tan.docx", tmp_path / "quan.pdf")
    pid = office.pid
    second = office.convert(batch_dir / "phuong-tan-tao.docx", tmp_path / "tan-tao.pdf")
    assert office.pid == pid and office.starts == 1  # the same LibreOffice served both
    assert first.pdfa and second.pdfa and check_pdfa(tmp_path / "quan.pdf") == []
    assert "Số: 784/QĐ-UBND" in _text(tmp_path / "quan.pdf")
    assert "PHƯỜNG TÂN TẠO" in _text(tmp_path / "tan-tao.pdf")


def test_a_hung_libreoffice_is_killed_at_the_time_limit_and_started_again(office: ResidentOffice, batch_dir: Path,
                                                                         tmp_path: Path) -> None:
    office.convert(batch_dir / "phuong-an-lac.docx", tmp_path / "warm.pdf")
    assert office.pid is not None
    os.killpg(office.pid, signal.SIGSTOP)  # frozen: every UNO call now waits forever
    with pytest.raises(PdfError) as caught:
        office.convert(batch_dir / "phuong-an-lac.docx", tmp_path / "treo.pdf", timeout=3)
    assert "bị treo, quá thời hạn 3 giây" in caught.value.message
    assert not (tmp_path / "treo.pdf").exists()
    starts = office.starts
    office.convert(batch_dir / "phuong-an-lac.docx", tmp_path / "lai.pdf")
    assert office.starts == starts + 1 and "PHƯỜNG AN LẠC" in _text(tmp_path / "lai.pdf")


def test_a_dead_libreoffice_is_started_again(office: ResidentOffice, batch_dir: Path, tmp_path: Path) -> None:
    office.convert(batch_dir / "phuong-an-lac-a.docx", tmp_path / "a.pdf")
    assert office.pid is not None
    os.killpg(office.pid, signal.SIGKILL)
    starts = office.starts
    office.convert(batch_dir / "phuong-an-lac-a.docx", tmp_path / "b.pdf")
    assert office.starts == starts + 1 and "PHƯỜNG AN LẠC A" in _text(tmp_path / "b.pdf")


def test_what_is_not_a_word_document_is_refused(office: ResidentOffice, tmp_path: Path) -> None:
    text = tmp_path / "thu.docx"
    text.write_text("Kính gửi: ...", encoding="utf-8")
    with pytest.raises(PdfError) as caught:
        office.convert(text, tmp_path / "thu.pdf")
    assert "không phải văn bản Word" in caught.value.message and not (tmp_path / "thu.pdf").exists()


def test_convert_one_writes_name_pdf_in_the_folder(office: ResidentOffice, batch_dir: Path, tmp_path: Path) -> None:
    pdf = convert_one(batch_dir / "phuong-binh-tri-dong.docx", tmp_path / "xem", timeout=60)
    assert pdf == tmp_path / "xem" / "phuong-binh-tri-dong.pdf" and check_pdfa(pdf) == []


def test_loading_uno_leaves_python_imports_as_they_were(office: ResidentOffice) -> None:
    # uno.py installs an import hook that turns ModuleNotFoundError into ImportError (uvicorn broke on it)
    with pytest.raises(ModuleNotFoundError):
        builtins.__import__("qdocgen_no_such_module")
    assert not any(p.endswith("dist-packages") and p.startswith("/usr/lib/python3") for p in sys.path)


def test_a_start_on_the_seed_profile_skips_the_graphics_self_test(office: ResidentOffice, batch_dir: Path,
                                                                   tmp_path: Path) -> None:
    office.convert(batch_dir / "phuong-an-lac.docx", tmp_path / "first.pdf")  # the seed exists after this start
    office.stop()
    began = time.time()
    office.convert(batch_dir / "phuong-an-lac.docx", tmp_path / "again.pdf")
    registry = (office.profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert "ooSetupLastVersion" in registry
    # LibreOffice writes this log each time it runs its 4096-pixel render tests at start (0.6 s of a core).
    log = office.profile / "user" / "GraphicsRenderTests.log"
    assert not log.exists() or log.stat().st_mtime < began
