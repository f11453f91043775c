"""LibreOffice's profile as qdocgen prepares it: the version recorded so a start skips the graphics self-test."""

from __future__ import annotations

from pathlib import Path

from qdocgen.pdf.office import product_version, settle_profile

_REGISTRY = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n'
             '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse">'
             '<value>false</value></prop></item>\n{extra}</oor:items>\n')


def _installation(tmp_path: Path, version: str) -> str:
    """A LibreOffice laid out as on Linux and Windows: program/soffice, share/registry/main.xcd."""
    (tmp_path / "program").mkdir()
    (tmp_path / "share" / "registry").mkdir(parents=True)
    (tmp_path / "share" / "registry" / "main.xcd").write_text(
        '<prop oor:name="ooSetupVersion" oor:type="xs:string">\n  <value/>\n</prop>\n'
        f'<prop oor:name="ooSetupVersion" oor:op="fuse">\n  <value>{version}</value>\n</prop>\n', encoding="utf-8")
    soffice = tmp_path / "program" / "soffice"
    soffice.write_text("")
    return str(soffice)


def _profile(tmp_path: Path, extra: str = "") -> Path:
    registry = tmp_path / "profile" / "user" / "registrymodifications.xcu"
    registry.parent.mkdir(parents=True)
    registry.write_text(_REGISTRY.format(extra=extra), encoding="utf-8")
    return tmp_path / "profile"


def test_the_version_is_read_from_the_installations_registry(tmp_path: Path) -> None:
    assert product_version(_installation(tmp_path, "7.4")) == "7.4"
    assert product_version(str(tmp_path / "elsewhere" / "program" / "soffice")) == ""


def test_a_profile_records_the_version_once_replacing_an_older_one(tmp_path: Path) -> None:
    soffice = _installation(tmp_path, "24.2")
    old = ('<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">'
           '<value>7.4</value></prop></item>\n')
    profile = _profile(tmp_path, old)
    assert settle_profile(profile, soffice) and settle_profile(profile, soffice)
    text = (profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert text.count("ooSetupLastVersion") == 1 and "<value>24.2</value>" in text and "<value>7.4</value>" not in text
    assert "FirstRun" in text and text.rstrip().endswith("</oor:items>")


def test_a_profile_without_registry_or_an_unknown_version_is_left_alone(tmp_path: Path) -> None:
    soffice = _installation(tmp_path, "7.4")
    assert not settle_profile(tmp_path / "nothing", soffice)
    profile = _profile(tmp_path)
    assert not settle_profile(profile, str(tmp_path / "elsewhere" / "program" / "soffice"))
    assert "ooSetupLastVersion" not in (profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
