"""Numbers as typed in Excel: decimal comma, units, percent-formatted cells; ambiguity and dates refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from qdocgen.data.quantity import Quantity, QuantityError, parse_cell, parse_text


@pytest.mark.parametrize(("text", "expected"), [
    ("98", Quantity(D("98"))), ("98,5", Quantity(D("98.5"))), ("98.5", Quantity(D("98.5"))),
    ("98 %", Quantity(D("98"), "%")), ("\u00a098,5%\u00a0", Quantity(D("98.5"), "%")),
    ("1.234,5", Quantity(D("1234.5"))), ("12.500.000 hồ sơ", Quantity(D("12500000"), "hồ sơ")),
    ("-3", Quantity(D("-3"))),
])
def test_typed_numbers(text: str, expected: Quantity) -> None:
    assert parse_text(text) == expected


@pytest.mark.parametrize(("text", "words"), [("1.234", "hai cách"), ("1,234", "hai cách"),
                                             ("đạt", "không đọc được"), ("98,5,1", "không")])
def test_unreadable_or_ambiguous_text_is_refused(text: str, words: str) -> None:
    with pytest.raises(QuantityError, match=words):
        parse_text(text)


def test_cells() -> None:
    assert parse_cell(None) is None and parse_text("  ") is None
    assert parse_cell(0.985, percent_format=True) == Quantity(D("98.5"), "%")
    assert parse_cell(98.5) == Quantity(D("98.5"))
    with pytest.raises(QuantityError, match="ngày tháng"):
        parse_cell(dt.datetime(2019, 5, 1))
    with pytest.raises(QuantityError, match="đúng/sai"):
        parse_cell(True)
