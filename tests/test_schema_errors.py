"""A unit's schema errors, checked a top-level value at a time and remembered, are those of one whole check."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from qdocgen.data import schema_errors
from qdocgen.data.pipeline import prepare
from qdocgen.data.schema import validator_for
from qdocgen.template.registry import find_template

ROOT = Path(__file__).resolve().parent.parent
WARD = ROOT / "data" / "binh-tan" / "2019" / "phuong-an-lac.yaml"


def _said(errors: list[Any]) -> list[tuple[Any, ...]]:
    """What the messages are made of, in order."""
    return [(list(e.absolute_path), list(e.absolute_schema_path), e.validator, e.message, repr(e.instance),
             repr(e.schema), repr(e.validator_value)) for e in errors]


def _broken(data: dict[str, Any], how: int) -> dict[str, Any]:
    """The ward's data with mistakes a clerk makes, a different set for each ``how``."""
    data = copy.deepcopy(data)
    if how % 2:
        data["can_cu"][0]["ngay"] = "mười chín tháng sáu"  # not a date
        data["nam"] = "2019"  # text for a number
    if how % 3 == 0:
        del data["co_quan"]  # a required key missing
        data["co_quann"] = "Ủy ban nhân dân phường An Lạc"  # and its misspelling
    if how % 5 == 0:
        data["noi_nhan"].append(12)
        data["nguoi_ky"]["chuc_vu"] = ["Chủ tịch"]
    data["ngay_ban_hanh"] = dt.date(2019, 3, 1 + how % 28)
    return data


@pytest.mark.parametrize("template", [None, "phu-luc-3"])
def test_the_errors_are_those_of_one_whole_check_in_the_same_order(template: str | None) -> None:
    info = find_template(template)
    units, problems = prepare([WARD], info, [])
    assert units and not problems
    whole = validator_for(info.schema)
    places = set()
    for how in range(1, 16):  # values repeat between rounds: errors come from memory too
        data = _broken(units[0].data, how)
        expected = _said(list(whole.iter_errors(data)))
        got = _said(schema_errors.errors(info.schema, data, validator_for))
        assert got == expected
        places |= {tuple(map(str, path)) for path, *_rest in got}
    assert len(places) >= 3, places  # errors at the top and inside values


def test_a_schema_with_other_top_level_keywords_is_checked_whole() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "minProperties": 2}
    data = {"a": "x"}
    expected = _said(list(validator_for(schema).iter_errors(data)))
    assert [e[2] for e in expected] == ["type", "minProperties"]
    assert _said(schema_errors.errors(schema, data, validator_for)) == expected
