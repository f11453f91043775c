"""PNG pages of a template filled with its sample data, and of a .docx (LibreOffice + pdftoppm)."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from conftest import run, soffice

A4 = 297 / 210


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_template_preview_writes_a4_pages_at_the_dpi_asked(tmp_path: Path) -> None:
    soffice()
    result = run("preview", "quyet-dinh-mtcl", "-o", tmp_path, "--dpi", "30")
    assert result.exit_code == 0, result.output + result.stderr
    pages = sorted(tmp_path.glob("*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert [p.name for p in pages] == [f"quyet-dinh-mtcl-{n}.png" for n in range(1, len(pages) + 1)]
    assert len(pages) >= 2  # the decision, then its appendix
    for page in pages:
        width, height = _png_size(page)
        assert height / width == pytest.approx(A4, rel=0.01)
        assert width == pytest.approx(210 / 25.4 * 30, abs=1)
    assert f"Xong: {len(pages)} trang." in result.output


def test_docx_preview_goes_beside_it_and_keeps_existing_pages(tmp_path: Path, district: Path) -> None:
    soffice()
    docx = tmp_path / "qd.docx"
    docx.write_bytes(district.read_bytes())
    result = run("preview", docx, "--dpi", "20")
    assert result.exit_code == 0, result.output + result.stderr
    first = tmp_path / "qd-1.png"
    width, height = _png_size(first)
    assert height / width == pytest.approx(A4, rel=0.02)
    again = run("preview", docx, "--dpi", "20")
    assert again.exit_code == 5 and "--force" in again.stderr


def test_preview_without_pdftoppm_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("soffice", "libreoffice"):
        if shutil.which(tool):
            (bin_dir / tool).symlink_to(shutil.which(tool))  # type: ignore[arg-type]
    monkeypatch.setenv("PATH", str(bin_dir))
    result = run("preview", "quyet-dinh-mtcl", "-o", tmp_path)
    assert result.exit_code == 7
    assert "pdftoppm" in result.stderr and "apt-get install -y poppler-utils" in result.stderr
    assert not list(tmp_path.glob("*.png"))


def test_dpi_out_of_range_is_refused_by_the_command_line(tmp_path: Path) -> None:
    result = run("preview", "quyet-dinh-mtcl", "--dpi", "5000")
    assert result.exit_code == 2
