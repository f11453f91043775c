"""Đạt / không đạt for every comparator, exactly at and around the threshold; missing data never "đạt"."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from qdocgen.data.judgement import (
    TargetError,
    Verdict,
    combine,
    describe,
    judge,
    number_text,
    parse_target,
    same_unit,
)

DAT, KHONG, CHUA = Verdict.DAT, Verdict.KHONG_DAT, Verdict.CHUA_CO


@pytest.mark.parametrize(("so_sanh", "below", "at", "above"), [
    (">=", KHONG, DAT, DAT), ("≥", KHONG, DAT, DAT), ("toi_thieu", KHONG, DAT, DAT), ("tu", KHONG, DAT, DAT),
    ("<=", DAT, DAT, KHONG), ("≤", DAT, DAT, KHONG), ("khong_qua", DAT, DAT, KHONG),
    (">", KHONG, KHONG, DAT), ("<", DAT, KHONG, KHONG), ("=", KHONG, DAT, KHONG),
])
def test_every_comparator_at_and_around_the_threshold(so_sanh: str, below: Verdict, at: Verdict,
                                                     above: Verdict) -> None:
    target = parse_target({"so_sanh": so_sanh, "gia_tri": 98, "don_vi": "%"})
    assert [judge(target, D(v)) for v in ("97.99", "98", "98.01")] == [below, at, above]


@pytest.mark.parametrize("raw", [{"tu": 14, "den": 15}, {"so_sanh": "tu", "tu": 14, "den": 15, "don_vi": "%"}])
def test_range_includes_both_ends(raw: dict[str, object]) -> None:
    target = parse_target(raw)
    assert [judge(target, D(v)) for v in ("13.9", "14", "14.5", "15", "15.1")] == [KHONG, DAT, DAT, DAT, KHONG]
    assert describe(target) == "từ 14% đến 15%"


def test_relative_target_needs_the_baseline() -> None:
    target = parse_target({"so_sanh": ">=", "gia_tri": 10, "don_vi": "%", "so_voi": "năm 2018"})
    assert judge(target, D(110), D(100)) is DAT  # exactly +10 %
    assert judge(target, D("109.9"), D(100)) is KHONG
    assert judge(target, D(120), None) is CHUA
    assert describe(target) == "mức tăng ≥ 10% so với năm 2018"
    counted = parse_target({"so_sanh": ">=", "gia_tri": 50, "don_vi": "hồ sơ", "so_voi": "năm 2018"})
    assert judge(counted, D(250), D(200)) is DAT and judge(counted, D(249), D(200)) is KHONG


def test_missing_result_is_never_dat() -> None:
    target = parse_target({"so_sanh": "<=", "gia_tri": 10})
    assert judge(target, None) is CHUA
    assert combine([DAT, CHUA]) is CHUA
    assert combine([DAT, KHONG, CHUA]) is KHONG
    assert combine([DAT, DAT]) is DAT
    assert combine([]) is Verdict.KHONG_CHI_TIEU


@pytest.mark.parametrize(("raw", "words"), [
    ({"so_sanh": "gan", "gia_tri": 1}, "so_sanh «gan»"),
    ({"so_sanh": ">=", "gia_tri": "nhiều"}, "«gia_tri» là một số"),
    ({"tu": 15, "den": 14}, "lớn hơn hoặc bằng"),
])
def test_targets_that_cannot_be_judged(raw: dict[str, object], words: str) -> None:
    with pytest.raises(TargetError, match=words):
        parse_target(raw)


def test_units_and_numbers_the_vietnamese_way() -> None:
    assert same_unit("%", "phần trăm") and same_unit("Hồ sơ", "hồ  sơ") and not same_unit("%", "hồ sơ")
    assert [number_text(D(v)) for v in ("98.5", "1234.5", "100", "33.3333")] == ["98,5", "1.234,5", "100", "33,33"]
