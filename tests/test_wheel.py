"""The published wheel (issue 23, point 9): ``pip install`` into a fresh environment gives a working ``qdocgen``.

The wheel is built from this tree, installed without dependencies into a new virtual environment (whose
dependencies come from the test environment's site-packages through a ``.pth`` line, so nothing is
downloaded), and renders a shipped example with a shipped template, from a folder outside the source tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from conftest import ROOT
from docx_text import texts


def test_installed_wheel_renders_a_shipped_example(tmp_path: Path) -> None:
    built = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(built), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(built.glob("qdocgen-*.whl"))
    env_dir = tmp_path / "moi"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True, timeout=300, env=clean)
    # Only now the dependencies (after the install, so pip does not take the test environment's qdocgen for it).
    (Path(purelib) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    command = env_dir / ("Scripts/qdocgen.exe" if os.name == "nt" else "bin/qdocgen")
    example = env_dir / "share" / "qdocgen" / "vi-du" / "tp-ho-chi-minh-2026" / "phuong-an-lac.yaml"
    assert command.is_file() and example.is_file()
    work = tmp_path / "lam-viec"
    work.mkdir()
    done = subprocess.run([str(command), "render", str(example), "-o", "an-lac.docx"], cwd=work,
                          capture_output=True, text=True, timeout=300, env=clean)
    assert done.returncode == 0, done.stderr
    assert any("AN LẠC" in line.upper() for line in texts(work / "an-lac.docx"))
    listed = subprocess.run([str(command), "templates"], cwd=work, capture_output=True, text=True, timeout=120,
                            env=clean)
    assert "phu-luc-3" in listed.stdout and str(ROOT) not in listed.stdout
