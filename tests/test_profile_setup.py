"""LibreOffice's start-up self-test is skipped on qdocgen's profiles: the version is recorded before it starts."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import soffice

from qdocgen.pdf.office import base_command
from qdocgen.pdf.profile_setup import installed_version, skip_render_tests

SAMPLE = Path(__file__).resolve().parent / "lint_corpus" / "that" / "cv-giao-cat-427.docx"


def test_the_version_is_added_once_to_a_profiles_settings(tmp_path: Path) -> None:
    office = soffice()
    version = installed_version(office)
    assert version and version[0].isdigit()
    skip_render_tests(tmp_path, office)
    skip_render_tests(tmp_path, office)
    text = (tmp_path / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert text.count(f'"ooSetupLastVersion" oor:op="fuse"><value>{version}</value>') == 1


def test_libreoffice_started_on_such_a_profile_draws_no_self_test(tmp_path: Path) -> None:
    """Without the version LibreOffice writes GraphicsRenderTests.log at every start; with it, never."""
    office = soffice()
    for name, prepare in (("plain", False), ("qdocgen", True)):
        profile = tmp_path / name
        if prepare:
            skip_render_tests(profile, office)
        command = [*base_command(office, profile), "--convert-to", "pdf", "--outdir", str(tmp_path / name), str(SAMPLE)]
        subprocess.run(command, check=True, capture_output=True, timeout=120, env=dict(os.environ, HOME=str(tmp_path)))
        assert (tmp_path / name / f"{SAMPLE.stem}.pdf").stat().st_size > 1000
        assert (profile / "user" / "GraphicsRenderTests.log").exists() is not prepare
