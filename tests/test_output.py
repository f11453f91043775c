"""Safe output: atomic writes, no overwrite without force, nothing left by a crash or a kill, safe names."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qdocgen import output
from qdocgen.errors import OutputError
from qdocgen.output import inside, slug, write_atomic


def test_write_and_refuse_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.docx"
    write_atomic(target, b"first")
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"second")
    assert "--force" in info.value.message and info.value.exit_code == 5
    assert target.read_bytes() == b"first"
    write_atomic(target, b"second", force=True)
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["a.docx"]
    assert target.stat().st_mode & 0o644 == 0o644


def test_named_temporary_fallback_behaves_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "_anonymous_file", lambda folder: None)
    target = tmp_path / "a.docx"
    write_atomic(target, b"one")
    with pytest.raises(OutputError):
        write_atomic(target, b"two")
    write_atomic(target, b"two", force=True)
    assert target.read_bytes() == b"two" and os.listdir(tmp_path) == ["a.docx"]


@pytest.mark.parametrize("anonymous", [True, False])
@pytest.mark.parametrize("force", [True, False])
def test_crash_mid_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anonymous: bool,
                                        force: bool) -> None:
    if not anonymous:
        monkeypatch.setattr(output, "_anonymous_file", lambda folder: None)

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", crash)
    target = tmp_path / "a.docx"
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"x" * 100_000, force=force)
    assert "không ghi được" in info.value.message
    assert os.listdir(tmp_path) == []


def test_crash_keeps_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    write_atomic(target, b"old")
    monkeypatch.setattr(output.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OutputError):
        write_atomic(target, b"new" * 1000, force=True)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["a.docx"]


def test_killed_run_leaves_no_file(tmp_path: Path) -> None:
    """SIGKILL in the middle of writing (no cleanup code can run): no target, no temporary file."""
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from qdocgen import output
        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)
        output.os.fsync = stall
        output.write_atomic(Path({str(tmp_path / "a.docx")!r}), b"x" * 1_000_000, force=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("text, expected", [
    ("Phường Bình Trị Đông A", "phuong-binh-tri-dong-a"),
    ("Ủy ban nhân dân quận Bình Tân", "uy-ban-nhan-dan-quan-binh-tan"),
    ("../../etc/passwd", "etc-passwd"),
    ("C:\\Windows\\system32", "c-windows-system32"),
    ("", "van-ban"), ("😀 ...", "van-ban"), ("con", "van-ban"), ("x" * 300, "x" * 80),
])
def test_slug_is_safe_ascii(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize("name", ["../a.docx", "/etc/passwd", "..", ".", "", "a/b.docx", "a\\b.docx", "nul.docx",
                                  ".hidden.docx", "a\x00.docx", " a.docx", "c:a.docx", "x" * 200 + ".docx"])
def test_inside_refuses_escaping_or_unsafe_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError) as info:
        inside(tmp_path, name)
    assert "không an toàn" in info.value.message


def test_inside_refuses_a_symlink_leading_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.docx").symlink_to(tmp_path / "elsewhere.docx")
    with pytest.raises(OutputError):
        inside(out, "a.docx")
    assert inside(out, "phuong-an-lac.docx") == out / "phuong-an-lac.docx"
