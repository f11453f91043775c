"""Checking data against a template's declared inputs: every problem in one pass, said in Vietnamese."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from qdocgen.data.reader import Origin, Unit
from qdocgen.data.schema import validate
from qdocgen.errors import Problem

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["so", "nguoi_ky", "can_cu"],
    "properties": {
        "so": {"type": "integer", "description": "số văn bản"},
        "ky_hieu": {"type": "string", "pattern": "^[A-ZĐ-]+$", "description": "ký hiệu, ví dụ QĐ-UBND"},
        "luu": {"type": "string", "maxLength": 5, "description": "nơi lưu"},
        "loai": {"enum": ["QĐ", "TB"]},
        "phien_ban": {"const": 1},
        "ngay_ban_hanh": {"type": ["date", "null"], "default": None},
        "nguoi_ky": {"type": "object", "required": ["ho_ten"], "additionalProperties": False,
                     "properties": {"ho_ten": {"type": "string", "description": "họ tên người ký"}}},
        "can_cu": {"type": "array", "items": {"type": "object", "required": ["van_ban"],
                                              "properties": {"van_ban": {"type": "string"}}}},
    },
}


def _check(data: dict[str, Any]) -> tuple[list[Problem], Unit]:
    origins = {(k,): Origin("don-vi.yaml", i + 1) for i, k in enumerate(data)}
    unit = Unit("don-vi", Path("don-vi.yaml"), data, origins)
    problems: list[Problem] = []
    validate(unit, SCHEMA, problems)
    return problems, unit


def _by_key(problems: list[Problem]) -> dict[str, str]:
    return {p.key: p.message for p in problems}


def test_all_problems_in_one_pass_with_line_and_key() -> None:
    problems, _ = _check({"so": "bảy", "nguoi_ky": ["Chủ tịch", "Lê Văn A"], "can_cu": {"van_ban": "Luật"},
                          "luu": "VT, NV (T)"})
    found = _by_key(problems)
    assert set(found) == {"so", "nguoi_ky", "can_cu", "luu"}
    assert "cần một số nguyên — số văn bản" in found["so"] and "chuỗi «bảy»" in found["so"]
    assert "bảng khóa" in found["nguoi_ky"] and "danh sách 2 mục" in found["nguoi_ky"]
    assert "danh sách" in found["can_cu"] and "bảng khóa" in found["can_cu"]
    assert "dài quá mức cho phép (5)" in found["luu"]
    assert {p.line for p in problems} == {1, 2, 3, 4} and all(p.file == "don-vi.yaml" for p in problems)


def test_missing_keys_named_with_what_is_expected() -> None:
    problems, _ = _check({"nguoi_ky": {}, "can_cu": [{}, {"van_ban": "Luật"}]})
    found = _by_key(problems)
    assert found["so"].startswith("thiếu khóa «so»; cần một số nguyên")
    assert found["nguoi_ky.ho_ten"].startswith("thiếu khóa «ho_ten»; cần một chuỗi chữ — họ tên người ký")
    assert "can_cu[1].van_ban" in found and "can_cu[2].van_ban" not in found


@pytest.mark.parametrize("key, value, words", [
    ("ky_hieu", "qd/ubnd", "không đúng dạng; cần một chuỗi chữ — ký hiệu"),
    ("loai", "CV", "cần một trong: QĐ, TB"),
    ("phien_ban", 2, "cần đúng giá trị «1»"),
])
def test_other_rules_said_in_vietnamese(key: str, value: Any, words: str) -> None:
    problems, _ = _check({"so": 1, "nguoi_ky": {"ho_ten": "A"}, "can_cu": [], key: value})
    [problem] = problems
    assert problem.key == key and words in problem.message
    assert "is not" not in problem.message and "does not" not in problem.message


def test_additional_property_named() -> None:
    problems, _ = _check({"so": 1, "nguoi_ky": {"ho_ten": "A", "chuc_vu": "Chủ tịch"}, "can_cu": []})
    [problem] = problems
    assert problem.key == "nguoi_ky" and "«chuc_vu»" in problem.message


def test_unknown_key_is_a_warning_with_did_you_mean() -> None:
    problems, unit = _check({"so": 1, "nguoi_ky": {"ho_ten": "A"}, "can_cu": [], "ngay_ban_hnah": "x"})
    assert problems == []
    [warning] = unit.warnings
    assert warning.key == "ngay_ban_hnah" and "Có phải «ngay_ban_hanh»?" in warning.message
    assert unit.data["ngay_ban_hanh"] is None  # the default is filled


def test_document_number_is_checked_before_rendering(tmp_path: Path) -> None:
    """A number that is not digits is a data problem with file, line and key, not a render failure."""
    from conftest import DATASET, run

    shutil.copytree(DATASET, tmp_path, dirs_exist_ok=True)  # ke_thua reaches only inside the dataset
    data = tmp_path / "d.yaml"
    data.write_text("ke_thua: quan-binh-tan.yaml\nso: 5a\n", encoding="utf-8")
    result = run("render", data, "-o", tmp_path / "d.docx")
    assert result.exit_code == 3
    assert "d.yaml:2 [so]" in result.stderr and "«5a»" in result.stderr
    data.write_text("ke_thua: quan-binh-tan.yaml\nso: 0\n", encoding="utf-8")
    result = run("render", data, "-o", tmp_path / "d.docx")
    assert result.exit_code == 3 and "cần ít nhất 1" in result.stderr
    assert not (tmp_path / "d.docx").exists()
