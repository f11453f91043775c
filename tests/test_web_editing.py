"""Saving keeps inheritance (qdocgen.web.editing): a unit never gets its parent's values copied in.

On a copy of the shipped Bình Tân dataset (``_chung.yaml`` ← ``_phuong.yaml`` ← ``phuong-an-lac.yaml``), through
the app's own calls: only what the clerk changed is written, a value set back to the inherited one removes the
override, an inherited list edited in one row is written whole and the diff says so first; every other file keeps
its bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from web_helpers import DATASET, client, copy_data, form_of, open_unit

UNIT = "phuong-an-lac"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / DATASET).iterdir())}


def _call(c: TestClient, url: str, sent: dict[str, Any]) -> dict[str, Any]:
    csrf, token = open_unit(c, UNIT)
    body = {"d": DATASET, "u": UNIT, "mau": "quyet-dinh-mtcl", "token": token, "du_lieu": sent}
    got = c.post(url, json=body, headers={"X-CSRF-Token": csrf})
    assert got.status_code == 200, got.text
    result: dict[str, Any] = got.json()
    return result


def _save(c: TestClient, root: Path, change: Any) -> dict[str, Any]:
    sent = form_of(root, UNIT)
    change(sent)
    return _call(c, "/api/luu", sent)


def test_a_changed_inherited_key_writes_that_key_only(root: Path) -> None:
    c = client(root)
    before = _files(root)
    own = (root / DATASET / f"{UNIT}.yaml").read_text(encoding="utf-8")

    def change(sent: dict[str, Any]) -> None:
        sent["nguoi_ky"]["chuc_vu"] = "Phó Chủ tịch"
        sent["luu"] = "VT, VP (Hoa)"

    assert _save(c, root, change)["saved"]
    after = _files(root)
    assert {name for name in after if after[name] != before[name]} == {f"{UNIT}.yaml"}  # shared files: same bytes
    text = after[f"{UNIT}.yaml"].decode("utf-8")
    assert text == own.replace('  ho_ten: ""\n', '  ho_ten: ""\n  chuc_vu: Phó Chủ tịch\n') + "luu: VT, VP (Hoa)\n"
    assert "tham_quyen" not in text and "can_cu" not in text and "Như Điều 3" not in text


def test_set_back_to_the_inherited_value_removes_the_override(root: Path) -> None:
    c = client(root)
    original = _files(root)

    def override(sent: dict[str, Any]) -> None:
        sent["nguoi_ky"]["chuc_vu"] = "Phó Chủ tịch"
        sent["luu"] = "VT, VP (Hoa)"

    _save(c, root, override)
    page = c.get(f"/don-vi?d={DATASET}&u={UNIT}").text
    assert "Dùng lại giá trị chung" in page and 'data-value="Chủ tịch"' in page and 'data-value="VT, VP"' in page

    def back(sent: dict[str, Any]) -> None:
        sent["nguoi_ky"]["chuc_vu"] = "Chủ tịch"  # what _phuong.yaml says
        sent["luu"] = "VT, VP"

    diff = _call(c, "/api/so-sanh", _edited(root, back))
    assert "-  chuc_vu: Phó Chủ tịch" in diff["diff"] and "-luu: VT, VP (Hoa)" in diff["diff"]
    assert _save(c, root, back)["saved"]
    assert _files(root) == original  # the unit file is again exactly as shipped


def test_an_override_mapping_left_empty_goes_away(root: Path) -> None:
    c = client(root)
    unit = root / DATASET / f"{UNIT}.yaml"
    shipped = unit.read_bytes()
    unit.write_text(unit.read_text(encoding="utf-8") + "de_nghi:\n  nguoi: Công chức Tư pháp - Hộ tịch\n",
                    encoding="utf-8")

    def back(sent: dict[str, Any]) -> None:
        sent["de_nghi"]["nguoi"] = "Công chức Văn phòng - Thống kê phường"

    assert _save(c, root, back)["saved"]
    assert unit.read_bytes() == shipped


def test_one_row_of_an_inherited_list_writes_the_list_and_says_so_first(root: Path) -> None:
    c = client(root)
    before = _files(root)
    page = c.get(f"/don-vi?d={DATASET}&u={UNIT}").text
    assert "Kế thừa từ phần dùng chung. Sửa, thêm hay bớt một dòng thì cả danh sách" in page

    def change(sent: dict[str, Any]) -> None:
        sent["noi_nhan"][1] = "UBND quận Bình Tân (để báo cáo và theo dõi)"

    diff = _call(c, "/api/so-sanh", _edited(root, change))
    assert any("«noi_nhan» là danh sách kế thừa" in note and "7 mục" in note for note in diff["notes"])
    assert "+  - Như Điều 3" in diff["diff"]  # the whole list is in the diff, before anything is written
    assert _files(root) == before
    _save(c, root, change)
    text = (root / DATASET / f"{UNIT}.yaml").read_text(encoding="utf-8")
    assert text.count("\n  - ") == 7 and "để báo cáo và theo dõi" in text
    assert "can_cu" not in text and "dieu" not in text  # the other inherited lists stay inherited
    after = _files(root)
    assert {name for name in after if after[name] != before[name]} == {f"{UNIT}.yaml"}


def test_unchanged_form_and_unchanged_values_write_nothing(root: Path) -> None:
    c = client(root)
    before = _files(root)

    def same(sent: dict[str, Any]) -> None:
        sent["nguoi_ky"]["chuc_vu"] = "Chủ tịch"  # typed again, equal to the inherited value

    result = _save(c, root, same)
    assert result["saved"] is False and _files(root) == before


def _edited(root: Path, change: Any) -> dict[str, Any]:
    sent = form_of(root, UNIT)
    change(sent)
    return sent
