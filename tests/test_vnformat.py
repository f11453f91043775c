"""Tests for qdocgen.vnformat: the NĐ30 date rule, drafts, numbers, targets, names."""

from __future__ import annotations

import datetime
import json
import pathlib
import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qdocgen import vnformat as vf
from qdocgen.vnformat import FormatError

ALL_DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))
DATE_RE = re.compile(r"ngày (\d+) tháng (\d+) năm (\d+)")
HINT = (
    "Cần một ngày có thật, viết dạng ngày/tháng/năm (27/02/2019) hoặc năm-tháng-ngày (2019-02-27)."
)


def parse_own(text: str) -> datetime.date | None:
    """Read back "ngày DD tháng M năm YYYY" through parse_date, via "DD/M/YYYY"."""
    match = DATE_RE.fullmatch(text)
    assert match, text
    return vf.parse_date(f"{match[1]}/{match[2]}/{match[3]}")


# ---------------------------------------------------------------- properties


@given(ALL_DATES)
def test_padding_rule(date: datetime.date) -> None:
    match = DATE_RE.fullmatch(vf.format_date(date))
    assert match
    day, month, year = match[1], match[2], match[3]
    assert day == (f"0{date.day}" if date.day < 10 else str(date.day))
    assert len(day) == 2
    if date.month == 1:
        assert month == "01"
    elif date.month == 2:
        assert month == "02"
    else:
        assert month == str(date.month)
        assert not month.startswith("0")
    assert year == str(date.year)


@given(ALL_DATES)
def test_round_trip_format_parse(date: datetime.date) -> None:
    assert parse_own(vf.format_date(date)) == date
    assert parse_own(vf.format_date(date.isoformat())) == date


@given(ALL_DATES, st.sampled_from(["/", "-", "."]), st.booleans())
def test_parse_every_written_form(date: datetime.date, sep: str, padded: bool) -> None:
    day = f"{date.day:02d}" if padded else str(date.day)
    month = f"{date.month:02d}" if padded else str(date.month)
    assert vf.parse_date(f"{day}{sep}{month}{sep}{date.year}") == date
    assert vf.parse_date(f"{date.year}/{date.month:02d}/{date.day:02d}") == date
    assert vf.parse_date(date.isoformat()) == date
    assert vf.parse_date(datetime.datetime(date.year, date.month, date.day, 10, 30)) == date


@given(ALL_DATES)
def test_place_date_and_weekday_follow_format_date(date: datetime.date) -> None:
    assert vf.format_place_date("Bình Tân", date) == "Bình Tân, " + vf.format_date(date)
    names = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    assert vf.weekday_name(date) == names[date.weekday()]


@given(st.integers(min_value=1, max_value=3999))
def test_roman_digits(number: int) -> None:
    assert re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", vf.roman(number))


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-02-27", "ngày 27 tháng 02 năm 2019"),
        ("2015-06-19", "ngày 19 tháng 6 năm 2015"),
        ("2020-01-05", "ngày 05 tháng 01 năm 2020"),
        ("29/6/2019", "ngày 29 tháng 6 năm 2019"),
        ("08/4/2004", "ngày 08 tháng 4 năm 2004"),
        ("8.2.2010", "ngày 08 tháng 02 năm 2010"),
        ("31-12-2019", "ngày 31 tháng 12 năm 2019"),
        ("2019/03/01", "ngày 01 tháng 3 năm 2019"),
        ("  2019-10-10 ", "ngày 10 tháng 10 năm 2019"),
        (datetime.date(2019, 11, 9), "ngày 09 tháng 11 năm 2019"),
        (datetime.datetime(2019, 2, 27, 8, 0), "ngày 27 tháng 02 năm 2019"),
    ],
)
def test_format_date(value: object, expected: str) -> None:
    assert vf.format_date(value) == expected


@pytest.mark.parametrize(
    ("day", "month", "expected_day", "expected_month"),
    [
        (1, 1, "01", "01"),
        (9, 2, "09", "02"),
        (10, 3, "10", "3"),
        (27, 9, "27", "9"),
        (31, 12, "31", "12"),
    ],
)
def test_pad_day_month(day: int, month: int, expected_day: str, expected_month: str) -> None:
    assert vf.pad_day(day) == expected_day
    assert vf.pad_month(month) == expected_month


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: vf.format_date(None, 2019), "ngày     tháng     năm 2019"),
        (lambda: vf.format_date("", "2019"), "ngày     tháng     năm 2019"),
        (lambda: vf.format_date("  ", 2019), "ngày     tháng     năm 2019"),
        (lambda: vf.format_date(None), "ngày     tháng     năm     "),
        (lambda: vf.format_date(None, 2019, 3), "ngày   tháng   năm 2019"),
        (lambda: vf.format_date("2019-02-27", 2020), "ngày 27 tháng 02 năm 2019"),
        (lambda: vf.format_place_date("An Lạc", None, 2019), "An Lạc, ngày     tháng     năm 2019"),
        (
            lambda: vf.format_place_date(" Bình Tân ", "2019-02-27"),
            "Bình Tân, ngày 27 tháng 02 năm 2019",
        ),
        (lambda: vf.format_doc_id(None, "QĐ-UBND"), "     /QĐ-UBND"),
        (lambda: vf.format_doc_id("", "QĐ-UBND"), "     /QĐ-UBND"),
        (lambda: vf.format_doc_id(None, "QĐ-UBND", 8), "        /QĐ-UBND"),
        (lambda: vf.format_number_line(None, "QĐ-UBND"), "Số:      /QĐ-UBND"),
        (lambda: vf.format_number_line("", "TTr-UBND", 2), "Số:   /TTr-UBND"),
        (lambda: vf.format_number_line(784, "QĐ-UBND"), "Số: 784/QĐ-UBND"),
        (lambda: vf.format_number_line("5", "QĐ-UBND"), "Số: 05/QĐ-UBND"),
        (lambda: vf.format_doc_id(12, "UBND-VX"), "12/UBND-VX"),
        (lambda: vf.format_doc_id(784, "QĐ-UBND"), "784/QĐ-UBND"),
    ],
)
def test_drafts_and_numbers(call: object, expected: str) -> None:
    assert callable(call)
    assert call() == expected


def test_blank_width_is_the_one_setting() -> None:
    assert vf.BLANK_WIDTH == 5
    assert (
        vf.format_date(None, 2019, blank_width=vf.BLANK_WIDTH)
        == "ngày" + " " * 5 + "tháng" + " " * 5 + "năm 2019"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "29/02/2019",
            'Không đọc được ngày "29/02/2019": tháng 2 năm 2019 chỉ có 28 ngày. ' + HINT,
        ),
        (
            "2019-02-29",
            'Không đọc được ngày "2019-02-29": tháng 2 năm 2019 chỉ có 28 ngày. ' + HINT,
        ),
        (
            "31/04/2020",
            'Không đọc được ngày "31/04/2020": tháng 4 năm 2020 chỉ có 30 ngày. ' + HINT,
        ),
        ("00/01/2020", 'Không đọc được ngày "00/01/2020": không có ngày 0. ' + HINT),
        (
            "27/13/2019",
            'Không đọc được ngày "27/13/2019": không có tháng 13, tháng chỉ từ 1 đến 12. ' + HINT,
        ),
        (
            "0000-01-01",
            'Không đọc được ngày "0000-01-01": năm 0 trước năm 1000, có lẽ viết nhầm. ' + HINT,
        ),
        (
            "27/02/0219",
            'Không đọc được ngày "27/02/0219": năm 219 trước năm 1000, có lẽ viết nhầm. ' + HINT,
        ),
        (
            "27/02/19",
            'Không đọc được ngày "27/02/19": năm "19" chỉ có 2 chữ số, không rõ là 1919 hay 2019; '
            "hãy viết đủ 4 chữ số. " + HINT,
        ),
        ("02/2019", 'Không đọc được ngày "02/2019": thiếu ngày, chỉ có tháng và năm. ' + HINT),
        ("2019-02", 'Không đọc được ngày "2019-02": thiếu ngày, chỉ có tháng và năm. ' + HINT),
        ("2019", 'Không đọc được ngày "2019": chỉ có năm, thiếu ngày và tháng. ' + HINT),
        (
            "hôm qua",
            'Không đọc được ngày "hôm qua": đây không phải một cách viết ngày đã biết. ' + HINT,
        ),
        (
            "27/02-2019",
            'Không đọc được ngày "27/02-2019": đây không phải một cách viết ngày đã biết. ' + HINT,
        ),
        (
            "ngày 27 tháng 02 năm 2019",
            'Không đọc được ngày "ngày 27 tháng 02 năm 2019": đây không phải một cách viết ngày đã biết. '
            + HINT,
        ),
        (
            20190227,
            "Không đọc được ngày 20190227 (số nguyên): giá trị này không phải một ngày. " + HINT,
        ),
        (
            True,
            "Không đọc được ngày True (giá trị đúng/sai): giá trị này không phải một ngày. " + HINT,
        ),
        (
            27.02,
            "Không đọc được ngày 27.02 (số thập phân): giá trị này không phải một ngày. " + HINT,
        ),
    ],
)
def test_parse_date_errors(value: object, message: str) -> None:
    with pytest.raises(FormatError) as info:
        vf.parse_date(value)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", [None, "", "   ", "\t"])
def test_parse_date_empty_is_draft(value: object) -> None:
    assert vf.parse_date(value) is None


def test_parse_date_nfd_and_nbsp() -> None:
    assert vf.parse_date(unicodedata.normalize("NFD", " 27/2/2019\u00a0")) == datetime.date(
        2019, 2, 27
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: vf.format_date(None, "19"),
            'Không đọc được năm "19": cần năm viết đủ 4 chữ số, ví dụ 2019.',
        ),
        (
            lambda: vf.format_date(None, 2019, 0),
            (
                "Độ rộng ô trống 0 (số nguyên) không dùng được: cần một số nguyên từ 1 trở lên "
                "(số dấu cách của mỗi ô để trống)."
            ),
        ),
        (
            lambda: vf.format_place_date("  ", "2019-02-27"),
            'Địa danh đang để trống: cần ghi rõ, ví dụ "Bình Tân".',
        ),
        (
            lambda: vf.weekday_name(None),
            "Không biết thứ của một ngày còn để trống: cần một ngày, ví dụ 27/02/2019.",
        ),
        (
            lambda: vf.pad_day(32),
            "Ngày 32 (số nguyên) không dùng được: cần một số nguyên từ 1 đến 31.",
        ),
        (
            lambda: vf.pad_month(0),
            "Tháng 0 (số nguyên) không dùng được: cần một số nguyên từ 1 đến 12.",
        ),
    ],
)
def test_date_argument_errors(call: object, message: str) -> None:
    assert callable(call)
    with pytest.raises(FormatError) as info:
        call()
    assert str(info.value) == message


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, "05"), ("5", "05"), (" 9 ", "09"), (784, "784"), ("10", "10"), (1, "01"), ("007", "07")],
)
def test_pad_number(value: object, expected: str) -> None:
    assert vf.pad_number(value) == expected


@pytest.mark.parametrize("value", [0, -5, "0", "-5", "5a", "", None, 5.0, True, "５"])
def test_pad_number_errors(value: object) -> None:
    with pytest.raises(FormatError) as info:
        vf.pad_number(value)
    assert str(info.value).startswith("Không đọc được số văn bản ")
    assert str(info.value).endswith(": cần một số nguyên dương, ví dụ 5 hoặc 784.")


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("", 'Ký hiệu văn bản đang để trống: cần ghi rõ, ví dụ "QĐ-UBND".'),
        (
            "QĐ - UBND",
            (
                'Ký hiệu văn bản "QĐ - UBND" viết chưa đúng: không có dấu cách và không bắt đầu bằng "/", '
                'các nhóm chữ viết tắt nối bằng "-", ví dụ "QĐ-UBND".'
            ),
        ),
        (
            "/QĐ-UBND",
            (
                'Ký hiệu văn bản "/QĐ-UBND" viết chưa đúng: không có dấu cách và không bắt đầu bằng "/", '
                'các nhóm chữ viết tắt nối bằng "-", ví dụ "QĐ-UBND".'
            ),
        ),
    ],
)
def test_symbol_errors(symbol: str, message: str) -> None:
    with pytest.raises(FormatError) as info:
        vf.format_doc_id(5, symbol)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234567, None, "1.234.567"),
        (98.5, None, "98,5"),
        (1234.5, None, "1.234,5"),
        ("1234.5", None, "1.234,5"),
        ("1234567", None, "1.234.567"),
        (Decimal("98.50"), None, "98,5"),
        (123, None, "123"),
        (1234, None, "1.234"),
        (-1234.5, None, "-1.234,5"),
        (0.1 + 0.2, None, "0,3"),
        (1.23456, None, "1,235"),
        (-0.0001, None, "0"),
        (2.5, 0, "3"),
        (3.5, 0, "4"),
        (98.5, 2, "98,50"),
        (1234567.891, 1, "1.234.567,9"),
        (1e20, None, "100.000.000.000.000.000.000"),
    ],
)
def test_format_decimal_vn(value: object, decimals: int | None, expected: str) -> None:
    assert vf.format_decimal_vn(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1.234,5",
            (
                'Không đọc được số "1.234,5": trong dữ liệu, số viết không có dấu phân cách hàng nghìn '
                "và dùng dấu chấm cho phần thập phân (1234567, 98.5); khi in ra sẽ thành 1.234.567 và 98,5."
            ),
        ),
        (
            "98,5",
            (
                'Không đọc được số "98,5": trong dữ liệu, số viết không có dấu phân cách hàng nghìn '
                "và dùng dấu chấm cho phần thập phân (1234567, 98.5); khi in ra sẽ thành 1.234.567 và 98,5."
            ),
        ),
        (None, "Không đọc được số (để trống): cần một số, ví dụ 1234567 hoặc 98.5."),
        (True, "Không đọc được số True (giá trị đúng/sai): cần một số, ví dụ 1234567 hoặc 98.5."),
        (float("nan"), "Không đọc được số nan (số thập phân): cần một số hữu hạn, ví dụ 98.5."),
        ([1], "Không đọc được số [1] (danh sách): cần một số, ví dụ 1234567 hoặc 98.5."),
    ],
)
def test_format_decimal_errors(value: object, message: str) -> None:
    with pytest.raises(FormatError) as info:
        vf.format_decimal_vn(value)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (98.5, None, "98,5%"),
        (80, None, "80%"),
        (10, None, "10%"),
        ("26", None, "26%"),
        (33.333, 1, "33,3%"),
        (1250, None, "1.250%"),
        (0, None, "0%"),
    ],
)
def test_format_percent(value: object, decimals: int | None, expected: str) -> None:
    assert vf.format_percent(value, decimals) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((">=", 98), "≥98%"),
        (("≥", 98), "≥98%"),
        (("<=", 10), "≤10%"),
        (("≤", 10), "≤10%"),
        ((">", 5), ">5%"),
        (("<", 5), "<5%"),
        (("=", 100), "100%"),
        (("khong_qua", 10), "không quá 10%"),
        (("toi_thieu", 30), "tối thiểu 30%"),
        (("tu", 30), "từ 30% trở lên"),
        ((">=", 98.5), "≥98,5%"),
        ((">=", 200, "hồ sơ"), "≥200 hồ sơ"),
        (("tu", 1500, "hồ sơ"), "từ 1.500 hồ sơ trở lên"),
        ((">=", 200, ""), "≥200"),
        ((" >= ", "95"), "≥95%"),
    ],
)
def test_format_target(args: tuple[object, ...], expected: str) -> None:
    assert vf.format_target(*args) == expected  # type: ignore[arg-type]


def test_format_target_unknown_comparator() -> None:
    with pytest.raises(FormatError) as info:
        vf.format_target("=>", 98)
    assert str(info.value) == (
        'Không biết phép so sánh "=>" của chỉ tiêu: '
        "cần một trong >=, ≥, <=, ≤, >, <, =, khong_qua, toi_thieu, tu."
    )


# ---------------------------------------------------------------- weekday, roman


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-02-25", "Thứ Hai"),
        ("2019-02-26", "Thứ Ba"),
        ("2019-02-27", "Thứ Tư"),
        ("28/02/2019", "Thứ Năm"),
        ("01/03/2019", "Thứ Sáu"),
        ("02/03/2019", "Thứ Bảy"),
        ("03/03/2019", "Chủ Nhật"),
    ],
)
def test_weekday_name(value: str, expected: str) -> None:
    assert vf.weekday_name(value) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (1999, "MCMXCIX"),
        (3999, "MMMCMXCIX"),
        ("12", "XII"),
    ],
)
def test_roman(number: object, expected: str) -> None:
    assert vf.roman(number) == expected


@pytest.mark.parametrize("number", [0, 4000, -1, "IV", True, 2.0, None])
def test_roman_errors(number: object) -> None:
    with pytest.raises(FormatError) as info:
        vf.roman(number)
    assert str(info.value).startswith("Không viết được số La Mã cho ")
    assert str(info.value).endswith(": cần một số nguyên từ 1 đến 3999.")


# ---------------------------------------------------------------- upper case, header


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban nhân dân phường Bình Hưng Hòa", "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH HƯNG HÒA"),
        ("Hòa", "HÒA"),
        ("Hoà", "HOÀ"),
        ("Uỷ ban", "UỶ BAN"),
        ("đ", "Đ"),
        ("Thủy", "THỦY"),
        ("Thuỷ", "THUỶ"),
        (unicodedata.normalize("NFD", "Bình Hưng Hòa"), "BÌNH HƯNG HÒA"),
        (unicodedata.normalize("NFD", "Hoà"), "HOÀ"),
        ("Straße", "STRAßE"),
        ("TTr-UBND", "TTR-UBND"),
        ("", ""),
    ],
)
def test_upper_vn(text: str, expected: str) -> None:
    out = vf.upper_vn(text)
    assert out == expected
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban nhân dân quận Bình Tân", "ỦY BAN NHÂN DÂN\nQUẬN BÌNH TÂN"),
        ("Sở Nội vụ", "SỞ NỘI VỤ"),
        ("Ủy ban nhân dân phường Bình Hưng Hòa", "ỦY BAN NHÂN DÂN\nPHƯỜNG BÌNH HƯNG HÒA"),
        ("Hội đồng nhân dân Thành phố Hồ Chí Minh", "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH"),
        (
            "Ủy ban nhân dân xã Tân Nhựt huyện Bình Chánh",
            "ỦY BAN NHÂN DÂN\nXÃ TÂN NHỰT\nHUYỆN BÌNH CHÁNH",
        ),
        ("Ủy ban nhân dân tỉnh An Giang", "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG"),
        ("Phòng Tư pháp huyện Củ Chi", "PHÒNG TƯ PHÁP HUYỆN CỦ CHI"),
        ("Phòng Giáo dục và Đào tạo quận Bình Tân", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nQUẬN BÌNH TÂN"),
        (
            "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực",
            "BAN CHỈ ĐẠO PHÒNG, CHỐNG\nTHAM NHŨNG, TIÊU CỰC",
        ),
        ("Công an phường\nBình Hưng Hòa", "CÔNG AN PHƯỜNG\nBÌNH HƯNG HÒA"),
        ("  Sở   Nội vụ ", "SỞ NỘI VỤ"),
    ],
)
def test_header_name(text: str, expected: str) -> None:
    assert vf.header_name(text) == expected


@given(
    st.lists(
        st.sampled_from(
            [
                "ỦY",
                "BAN",
                "NHÂN",
                "DÂN",
                "QUẬN",
                "BÌNH",
                "TÂN",
                "SỞ",
                "NỘI",
                "VỤ",
                "VĂN",
                "PHÒNG",
                "HỘI",
                "ĐỒNG",
                "XÃ",
                "HƯNG",
                "HÒA",
            ]
        ),
        min_size=1,
        max_size=15,
    ),
    st.integers(min_value=6, max_value=40),
)
def test_header_name_lines_fit_and_keep_words(words: list[str], width: int) -> None:
    out = vf.header_name(" ".join(words), width)
    assert out.split() == words
    assert all(len(line) <= width for line in out.split("\n"))


def test_header_name_empty() -> None:
    with pytest.raises(FormatError) as info:
        vf.header_name("  ")
    assert str(info.value) == (
        'Tên cơ quan ở đầu trang đang để trống: cần ghi rõ, ví dụ "Ủy ban nhân dân quận Bình Tân".'
    )


# ---------------------------------------------------------------- citations

UBND_BT = "Ủy ban nhân dân quận Bình Tân"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: vf.format_citation("Quyết định", "784/QĐ-UBND", "2019-02-27", UBND_BT),
            "Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân",
        ),
        (
            lambda: vf.format_citation("Luật tổ chức chính quyền địa phương", date="2015-06-19"),
            "Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        ),
        (
            lambda: vf.format_citation(
                "Quyết định",
                "19/2018/QĐ-TTg",
                "2018-04-19",
                "Thủ tướng Chính phủ",
                "về việc áp dụng Hệ thống quản lý chất lượng",
            ),
            (
                "Quyết định số 19/2018/QĐ-TTg ngày 19 tháng 4 năm 2018 của Thủ tướng Chính phủ "
                "về việc áp dụng Hệ thống quản lý chất lượng"
            ),
        ),
        (
            lambda: vf.format_citation(
                "Quyết định", vf.format_doc_id(None, "QĐ-UBND"), None, UBND_BT, year=2019
            ),
            "Quyết định số      /QĐ-UBND ngày     tháng     năm 2019 của Ủy ban nhân dân quận Bình Tân",
        ),
        (lambda: vf.format_citation("Quyết định", "784/QĐ-UBND"), "Quyết định số 784/QĐ-UBND"),
        (
            lambda: vf.format_citation("Quyết định", "", None, UBND_BT),
            "Quyết định của Ủy ban nhân dân quận Bình Tân",
        ),
        (
            lambda: vf.format_citation("Quyết định", "784/QĐ-UBND", "2019-02-27", year=2020),
            "Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019",
        ),
    ],
)
def test_format_citation(call: object, expected: str) -> None:
    assert callable(call)
    assert call() == expected


def test_citation_filter_and_global() -> None:
    cited = {"van_ban": "Quyết định", "so": "784/QĐ-UBND", "ngay": "27/02/2019", "co_quan": UBND_BT}
    expected = (
        "Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân"
    )
    assert vf.FILTERS["trich_dan"](cited) == expected
    assert (
        vf.GLOBALS["trich_dan"]("Quyết định", so="784/QĐ-UBND", ngay="2019-02-27", co_quan=UBND_BT)
        == expected
    )
    draft = {
        "van_ban": "Quyết định",
        "so": vf.format_doc_id("", "QĐ-UBND"),
        "co_quan": UBND_BT,
        "nam": 2019,
    }
    assert vf.FILTERS["trich_dan"](draft) == (
        "Quyết định số      /QĐ-UBND ngày     tháng     năm 2019 của Ủy ban nhân dân quận Bình Tân"
    )


@pytest.mark.parametrize(
    ("cited", "message"),
    [
        (
            {"van_ban": "Quyết định", "coquan": "x"},
            "Trích dẫn có khóa lạ coquan: chỉ dùng các khóa van_ban, so, ngay, co_quan, trich_yeu, nam.",
        ),
        (
            {"so": "784/QĐ-UBND"},
            'Trích dẫn thiếu khóa van_ban: cần loại văn bản, ví dụ "Quyết định".',
        ),
        (
            "Quyết định",
            (
                'Không trích dẫn được "Quyết định": cần một bảng có các khóa '
                "van_ban, so, ngay, co_quan, trich_yeu, nam (bắt buộc van_ban)."
            ),
        ),
        (
            {"van_ban": "Quyết định", "so": 784},
            (
                "Số và ký hiệu văn bản được trích dẫn đọc được là 784 (số nguyên): "
                'cần một chuỗi gồm số và ký hiệu, ví dụ "784/QĐ-UBND".'
            ),
        ),
    ],
)
def test_citation_filter_errors(cited: object, message: str) -> None:
    with pytest.raises(FormatError) as info:
        vf.FILTERS["trich_dan"](cited)
    assert str(info.value) == message


# ---------------------------------------------------------------- registries and examples

PUBLIC = [
    vf.parse_date,
    vf.pad_day,
    vf.pad_month,
    vf.format_date,
    vf.format_place_date,
    vf.pad_number,
    vf.format_doc_id,
    vf.format_number_line,
    vf.format_citation,
    vf.format_decimal_vn,
    vf.format_percent,
    vf.format_target,
    vf.weekday_name,
    vf.roman,
    vf.upper_vn,
    vf.header_name,
    vf.examples,
]


def test_registries() -> None:
    assert set(vf.FILTERS) == {
        "ngay",
        "dia_danh_ngay",
        "so_hieu",
        "so_van_ban",
        "so",
        "phan_tram",
        "thu",
        "la_ma",
        "chu_hoa",
        "ten_dau_trang",
        "so_dem",
        "trich_dan",
    }
    assert set(vf.GLOBALS) == {"trich_dan", "chi_tieu", "dong_dia_danh"}
    listed = vf.examples()
    assert [(name, kind) for name, kind, _ in listed] == (
        [(name, "filter") for name in vf.FILTERS] + [(name, "global") for name in vf.GLOBALS]
    )
    for _, _, line in listed:
        assert re.fullmatch(r'Ví dụ: \{\{ .+ \}\} → ".*"', line), line


def _example_lines() -> list[str]:
    lines = [line for _, _, line in vf.examples()]
    for func in PUBLIC:
        found = [
            ln.strip()
            for ln in (func.__doc__ or "").splitlines()
            if ln.strip().startswith("Ví dụ:")
        ]
        assert len(found) == 1, func.__name__
        lines.append(found[0])
    return list(dict.fromkeys(lines))


@pytest.mark.parametrize("line", _example_lines())
def test_every_example_is_true(line: str) -> None:
    jinja2 = pytest.importorskip("jinja2")
    source, output = line.removeprefix("Ví dụ: ").split(" → ", 1)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters.update(vf.FILTERS)
    env.globals.update(vf.GLOBALS)
    assert env.from_string(source).render() == json.loads(output)


def test_module_imports_no_template_or_docx_library() -> None:
    # vnformat is a package (issue 13): every module of it, its own modules aside
    source = "\n".join(path.read_text(encoding="utf-8") for path in pathlib.Path(vf.__file__).parent.glob("*.py"))
    imported = set(re.findall(r"^(?:from|import) ([\w.]+)", source, flags=re.MULTILINE))
    imported = {name for name in imported if not name.startswith("qdocgen.vnformat")}
    assert imported <= {
        "__future__",
        "calendar",
        "datetime",
        "math",
        "re",
        "unicodedata",
        "collections.abc",
        "decimal",
        "babel.dates",
        "babel.numbers",
    }


def test_every_date_1900_2100_exhaustively() -> None:
    """Not a sample: all 73,414 dates of the range, formatted and read back."""
    date, last, count = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31), 0
    while date <= last:
        text = vf.format_date(date)
        expected_month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        assert text == f"ngày {date.day:02d} tháng {expected_month} năm {date.year}"
        assert parse_own(text) == date
        date += datetime.timedelta(days=1)
        count += 1
    assert count == 73414


DOC = pathlib.Path(__file__).resolve().parent.parent / "docs" / "bo-loc.md"
DOC_PAIR_RE = re.compile(r'`(\{\{.*?\}\})`\s*(?:\||→)\s*`("(?:[^"\\]|\\.)*")`')


def test_docs_examples_are_true() -> None:
    """Every `{{ ... }}` | `"..."` pair on the authors' page renders to what the page says."""
    jinja2 = pytest.importorskip("jinja2")
    if not DOC.exists():
        pytest.skip("docs/bo-loc.md is not in this checkout")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters.update(vf.FILTERS)
    env.globals.update(vf.GLOBALS)
    can_cu = [
        {"van_ban": "Luật Tổ chức chính quyền địa phương", "ngay": datetime.date(2015, 6, 19)},
        {"van_ban": "Quyết định", "so": "784/QĐ-UBND", "ngay": "27/02/2019", "co_quan": UBND_BT},
    ]
    pairs = DOC_PAIR_RE.findall(DOC.read_text(encoding="utf-8"))
    assert len(pairs) >= 50
    for source, output in pairs:
        rendered = env.from_string(source.replace("\\|", "|")).render(can_cu=can_cu)
        assert rendered == json.loads(output), source
