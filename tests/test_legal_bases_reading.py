"""The register read at C speed is the register the round-trip reader reads, problems and lines included."""

from __future__ import annotations

from pathlib import Path

import pytest

from qdocgen.data import fast_yaml
from qdocgen.data.legal_bases import reading
from qdocgen.data.legal_bases.register import default_register_path
from qdocgen.errors import DataError

BROKEN = ("van_ban:\n  - so: 1/2020/NĐ-CP\n    trang_thai: het_roi\n  - ngay: 31/13/2020\n"
          "  - {so: 2/2021/TT-BNV, ngay: 2021-01-02, trang_thai: con_hieu_luc}\n  - 7\n"
          "thuat_ngu_cu:\n  - cum_tu: [quận]\n    thay_bang: phường\n  - {thay_bang: x}\n"
          "chinh_quyen_hai_cap:\n  tu_ngay: 2025-07-01\n  cap_khong_con: [quận, huyện]\n")


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The register (or its problems) read the fast way, then the round-trip way."""
    said = []
    for fast in (True, False):
        if not fast:
            monkeypatch.setattr(fast_yaml, "load", lambda text, file: None)
        try:
            said.append(repr(vars(reading._read(path))))
        except DataError as exc:
            said.append(exc.message)
    return said[0], said[1]


def test_the_shipped_register_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, reference = _both(default_register_path(), monkeypatch)
    assert fast == reference and "30/2020/NĐ-CP" in fast


def test_a_wrong_register_says_the_same_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "can-cu.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    assert fast_yaml.load(BROKEN, "can-cu.yaml") is not None  # this file does go the fast way
    fast, reference = _both(path, monkeypatch)
    assert fast == reference
    assert "can-cu.yaml:2 [van_ban[1].trang_thai]" in fast and "can-cu.yaml:6 [van_ban[4]]" in fast
