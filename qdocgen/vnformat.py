"""Vietnamese formatting for administrative documents (Nghị định 30/2020/NĐ-CP).

Pure functions, no I/O. Dates are built by hand: no CLDR pattern gives the NĐ30 form
"ngày 05 tháng 3 năm 2019" (day padded below 10, months 1-2 padded, months 3-12 never).
Numbers, percents and weekday names come from Babel with locale "vi".

Every function raises :class:`FormatError` (a ``ValueError``) with a Vietnamese message
saying what was read and what is expected. ``FILTERS`` and ``GLOBALS`` at the bottom are
what the Jinja environment registers; each entry's docstring holds one line
``Ví dụ: {{ ... }} → "..."`` (the output in double quotes, JSON escapes such as ``\\n``),
which :func:`examples` collects for template authors.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.dates import get_day_names
from babel.numbers import format_decimal as _babel_format_decimal

BLANK_WIDTH: int = 5
"""Width, in spaces, of each blank field of a draft (day, month, number, year)."""

LOCALE = "vi"
_DEFAULT_DECIMALS = 3  # CLDR "vi" decimal pattern #,##0.### shows at most 3 decimals

_DATE_HINT = (
    "Cần một ngày có thật, viết dạng ngày/tháng/năm (27/02/2019) hoặc năm-tháng-ngày (2019-02-27)."
)


class FormatError(ValueError):
    """Bad input to a formatting function; ``str()`` is a Vietnamese message for the user."""


# ---------------------------------------------------------------------------
# helpers


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _type_name(value: object) -> str:
    """Vietnamese name of a value's type, for error messages."""
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, int):
        return "số nguyên"
    if isinstance(value, (float, Decimal)):
        return "số thập phân"
    if isinstance(value, str):
        return "chuỗi chữ"
    if isinstance(value, (list, tuple)):
        return "danh sách"
    if isinstance(value, Mapping):
        return "bảng khóa-giá trị"
    return f"kiểu {type(value).__name__}"


def _shown(value: object) -> str:
    """How a value read from the data is quoted in a message."""
    if value is None:
        return "(để trống)"
    if isinstance(value, str):
        return f'"{_nfc(value)}"'
    return f"{value!r} ({_type_name(value)})"


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_blank_width(blank_width: object) -> int:
    if isinstance(blank_width, bool) or not isinstance(blank_width, int) or blank_width < 1:
        raise FormatError(
            f"Độ rộng ô trống {_shown(blank_width)} không dùng được: "
            "cần một số nguyên từ 1 trở lên (số dấu cách của mỗi ô để trống)."
        )
    return blank_width


def _text(value: object, what: str, example: str) -> str:
    """A required, non-empty text argument, stripped and NFC."""
    if not isinstance(value, str):
        raise FormatError(
            f"{what} đọc được là {_shown(value)}: cần một chuỗi chữ, ví dụ {example}."
        )
    text = _nfc(value).strip()
    if not text:
        raise FormatError(f"{what} đang để trống: cần ghi rõ, ví dụ {example}.")
    return text


def _optional_text(value: object, what: str, example: str) -> str | None:
    if _is_blank(value):
        return None
    return _text(value, what, example)


# ---------------------------------------------------------------------------
# dates

_ISO_RE = re.compile(r"([0-9]{4})([-/])([0-9]{1,2})\2([0-9]{1,2})")
_DMY_RE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
_DMY_SHORT_YEAR_RE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2})")
_MONTH_YEAR_RE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{4})|([0-9]{4})[/.-]([0-9]{1,2})")
_YEAR_ONLY_RE = re.compile(r"[0-9]{4}")
_DAY_MONTH_RE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})")


def _date_error(shown: str, reason: str) -> FormatError:
    return FormatError(f"Không đọc được ngày {shown}: {reason} {_DATE_HINT}")


def _build_date(shown: str, year: int, month: int, day: int) -> datetime.date:
    if year < 1000:
        raise _date_error(shown, f"năm {year} trước năm 1000, có lẽ viết nhầm.")
    if not 1 <= month <= 12:
        raise _date_error(shown, f"không có tháng {month}, tháng chỉ từ 1 đến 12.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        if day == 0:
            raise _date_error(shown, "không có ngày 0.")
        raise _date_error(shown, f"tháng {month} năm {year} chỉ có {last} ngày.")
    return datetime.date(year, month, day)


def parse_date(value: object) -> datetime.date | None:
    """Read a date from the data; empty (None, "" or spaces) gives None, i.e. a draft.

    Accepted: a date or datetime, or a string "2019-02-27", "2019/02/27", "27/02/2019",
    "27/2/2019", "27-02-2019", "27.02.2019". Two-digit years, missing parts and
    impossible dates are refused.

    Ví dụ: {{ "27/2/2019" | ngay }} → "ngày 27 tháng 02 năm 2019"
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise _date_error(_shown(value), "giá trị này không phải một ngày.")
    text = _nfc(value).strip()
    if not text:
        return None
    shown = f'"{text}"'
    match = _ISO_RE.fullmatch(text)
    if match:
        return _build_date(shown, int(match[1]), int(match[3]), int(match[4]))
    match = _DMY_RE.fullmatch(text)
    if match:
        return _build_date(shown, int(match[4]), int(match[3]), int(match[1]))
    match = _DMY_SHORT_YEAR_RE.fullmatch(text)
    if match:
        yy = match[4]
        raise _date_error(
            shown,
            f'năm "{yy}" chỉ có 2 chữ số, không rõ là 19{yy} hay 20{yy}; hãy viết đủ 4 chữ số.',
        )
    if _MONTH_YEAR_RE.fullmatch(text):
        raise _date_error(shown, "thiếu ngày, chỉ có tháng và năm.")
    if _YEAR_ONLY_RE.fullmatch(text):
        raise _date_error(shown, "chỉ có năm, thiếu ngày và tháng.")
    day_month = _DAY_MONTH_RE.fullmatch(text)
    if day_month:
        raise _date_error(shown, f"thiếu năm; hãy viết đủ ngày/tháng/năm, ví dụ "
                                 f"{int(day_month[1]):02d}/{int(day_month[2]):02d}/2026.")
    raise _date_error(shown, "đây không phải một cách viết ngày đã biết.")


def _parse_year(year: object) -> int | None:
    if _is_blank(year):
        return None
    if isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 9999:
        return year
    if isinstance(year, str) and re.fullmatch(r"[1-9][0-9]{3}", year.strip()):
        return int(year)
    raise FormatError(f"Không đọc được năm {_shown(year)}: cần năm viết đủ 4 chữ số, ví dụ 2019.")


def pad_day(day: int) -> str:
    """Day of the month as NĐ30 writes it: below 10 with a leading 0 (05), else as is (27).

    Ví dụ: {{ "2019-02-05" | ngay }} → "ngày 05 tháng 02 năm 2019"
    """
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 31:
        raise FormatError(f"Ngày {_shown(day)} không dùng được: cần một số nguyên từ 1 đến 31.")
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Month as NĐ30 writes it: 1 and 2 padded ("01", "02"), 3 to 12 never ("3", "12").

    Ví dụ: {{ "2019-03-05" | ngay }} → "ngày 05 tháng 3 năm 2019"
    """
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise FormatError(f"Tháng {_shown(month)} không dùng được: cần một số nguyên từ 1 đến 12.")
    return f"{month:02d}" if month <= 2 else str(month)


def format_date(value: object, year: object = None, blank_width: int = BLANK_WIDTH) -> str:
    """Date in the NĐ30 form "ngày 27 tháng 02 năm 2019".

    An empty value (a draft) leaves day and month blank and takes the year from ``year``
    ("ngày     tháng     năm 2019"); with no year either, the year is blank too.
    ``year`` is ignored when the date is given.

    Ví dụ: {{ "2019-02-27" | ngay }} → "ngày 27 tháng 02 năm 2019"
    """
    width = _check_blank_width(blank_width)
    date = parse_date(value)
    if date is not None:
        return f"ngày {pad_day(date.day)} tháng {pad_month(date.month)} năm {date.year}"
    blank = " " * width
    draft_year = _parse_year(year)
    year_part = blank if draft_year is None else f" {draft_year}"
    return f"ngày{blank}tháng{blank}năm{year_part}"


def format_place_date(
    place: str, value: object, year: object = None, blank_width: int = BLANK_WIDTH
) -> str:
    """Place and date line: "Bình Tân, ngày 27 tháng 02 năm 2019" (draft: blanks as in ``ngay``).

    Ví dụ: {{ dong_dia_danh("Bình Tân", "2019-02-27") }} → "Bình Tân, ngày 27 tháng 02 năm 2019"
    """
    where = _text(place, "Địa danh", '"Bình Tân"')
    return f"{where}, {format_date(value, year, blank_width)}"


# ---------------------------------------------------------------------------
# document numbers


def _whole_number(value: object) -> int | None:
    """An int, or a string of ASCII digits, as an int; anything else (bool, float, "5a") as None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
        return int(value.strip())
    return None


def pad_number(number: object) -> str:
    """Document number as NĐ30 writes it: below 10 with a leading 0 (05), else as is (784).

    Ví dụ: {{ 5 | so_dem }} → "05"
    """
    parsed = _whole_number(number)
    if parsed is None or parsed < 1:
        raise FormatError(
            f"Không đọc được số văn bản {_shown(number)}: cần một số nguyên dương, ví dụ 5 hoặc 784."
        )
    return f"{parsed:02d}"


def _symbol(symbol: object) -> str:
    text = _text(symbol, "Ký hiệu văn bản", '"QĐ-UBND"')
    if re.search(r"\s", text) or text.startswith("/"):
        raise FormatError(
            f'Ký hiệu văn bản "{text}" viết chưa đúng: không có dấu cách và không bắt đầu bằng "/", '
            'các nhóm chữ viết tắt nối bằng "-", ví dụ "QĐ-UBND".'
        )
    return text


def format_doc_id(number: object, symbol: str, blank_width: int = BLANK_WIDTH) -> str:
    """Number and symbol: "784/QĐ-UBND", "05/QĐ-UBND"; an empty number gives "     /QĐ-UBND".

    Ví dụ: {{ 5 | so_hieu("QĐ-UBND") }} → "05/QĐ-UBND"
    """
    width = _check_blank_width(blank_width)
    sym = _symbol(symbol)
    num = " " * width if _is_blank(number) else pad_number(number)
    return f"{num}/{sym}"


def format_number_line(number: object, symbol: str, blank_width: int = BLANK_WIDTH) -> str:
    """The "Số:" line: "Số: 784/QĐ-UBND"; an empty number gives "Số:      /QĐ-UBND".

    Ví dụ: {{ 784 | so_van_ban("QĐ-UBND") }} → "Số: 784/QĐ-UBND"
    """
    return f"Số: {format_doc_id(number, symbol, blank_width)}"


# ---------------------------------------------------------------------------
# citations


def format_citation(
    kind: str,
    doc_id: str | None = None,
    date: object = None,
    issuer: str | None = None,
    summary: str | None = None,
    year: object = None,
    blank_width: int = BLANK_WIDTH,
) -> str:
    """Citation of a document: type, " số " number, date, " của " issuer, then the summary.

    Absent parts are left out. ``doc_id`` is used as given (it may be a draft's
    "     /QĐ-UBND" from ``so_hieu``); with no date but a ``year``, the date is a draft's blanks.

    Ví dụ: {{ trich_dan("Quyết định", "784/QĐ-UBND", "2019-02-27", "Ủy ban nhân dân quận Bình Tân") }} → "Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân"
    """
    parts = [_text(kind, "Loại văn bản được trích dẫn", '"Quyết định"')]
    if doc_id is not None:
        if not isinstance(doc_id, str):
            raise FormatError(
                f"Số và ký hiệu văn bản được trích dẫn đọc được là {_shown(doc_id)}: "
                'cần một chuỗi gồm số và ký hiệu, ví dụ "784/QĐ-UBND".'
            )
        if doc_id.strip():
            parts.append(f"số {_nfc(doc_id).rstrip()}")
    if parse_date(date) is not None or _parse_year(year) is not None:
        parts.append(format_date(date, year, blank_width))
    who = _optional_text(issuer, "Cơ quan ban hành", '"Ủy ban nhân dân quận Bình Tân"')
    if who is not None:
        parts.append(f"của {who}")
    about = _optional_text(summary, "Trích yếu", '"về việc ..."')
    if about is not None:
        parts.append(about)
    return " ".join(parts)


# ---------------------------------------------------------------------------
# numbers

_NUMBER_RE = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or _is_blank(value):
        raise FormatError(
            f"Không đọc được số {_shown(value)}: cần một số, ví dụ 1234567 hoặc 98.5."
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FormatError(f"Không đọc được số {_shown(value)}: cần một số hữu hạn, ví dụ 98.5.")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FormatError(f"Không đọc được số {_shown(value)}: cần một số hữu hạn, ví dụ 98.5.")
        return value
    if isinstance(value, str):
        text = _nfc(value).strip()
        if _NUMBER_RE.fullmatch(text):
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
                pass
        raise FormatError(
            f'Không đọc được số "{text}": trong dữ liệu, số viết không có dấu phân cách hàng nghìn '
            "và dùng dấu chấm cho phần thập phân (1234567, 98.5); khi in ra sẽ thành 1.234.567 và 98,5."
        )
    raise FormatError(f"Không đọc được số {_shown(value)}: cần một số, ví dụ 1234567 hoặc 98.5.")


def format_decimal_vn(value: object, decimals: int | None = None) -> str:
    """Number the Vietnamese way (Babel, "vi"): "." groups thousands, "," before decimals.

    With ``decimals`` None: at most 3 decimals (the CLDR "vi" pattern), trailing zeros
    dropped; with ``decimals`` n: exactly n. Rounding is half up (2,5 → 3).

    Ví dụ: {{ 1234567.5 | so }} → "1.234.567,5"
    """
    number = _to_decimal(value)
    if decimals is not None and (
        isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0
    ):
        raise FormatError(
            f"Số chữ số thập phân {_shown(decimals)} không dùng được: cần một số nguyên từ 0 trở lên."
        )
    places = _DEFAULT_DECIMALS if decimals is None else decimals
    with localcontext() as ctx:
        ctx.prec = max(28, number.adjusted() + places + 2)  # room for every digit kept
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if decimals is None:
            number = number.normalize()
            if number == number.to_integral_value():
                number = number.quantize(Decimal(1))
            places = max(0, -int(number.as_tuple().exponent))
        if number == 0:
            number = abs(number)  # no "-0"
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return str(_babel_format_decimal(number, format=pattern, locale=LOCALE))


def format_percent(value: object, decimals: int | None = None) -> str:
    """Percentage, the value given in percentage points: 98.5 → "98,5%" (no space before %).

    Ví dụ: {{ 98.5 | phan_tram }} → "98,5%"
    """
    return f"{format_decimal_vn(value, decimals)}%"


_COMPARATORS: dict[str, tuple[str, str]] = {
    ">=": ("≥", ""),
    "≥": ("≥", ""),
    "<=": ("≤", ""),
    "≤": ("≤", ""),
    ">": (">", ""),
    "<": ("<", ""),
    "=": ("", ""),
    "khong_qua": ("không quá ", ""),
    "toi_thieu": ("tối thiểu ", ""),
    "tu": ("từ ", " trở lên"),
}


def format_target(comparator: str, value: object, unit: str = "%") -> str:
    """A target as offices write it: ≥98%, ≤10%, "không quá 10%", "từ 30% trở lên".

    Comparators: >=, ≥, <=, ≤, >, <, =, khong_qua, toi_thieu, tu. A unit that contains a
    letter is set off by a space ("≥200 hồ sơ"); "%" and other signs are not.

    Ví dụ: {{ chi_tieu(">=", 98) }} → "≥98%"
    """
    key = comparator.strip() if isinstance(comparator, str) else comparator
    if not isinstance(key, str) or key not in _COMPARATORS:
        known = ", ".join(_COMPARATORS)
        raise FormatError(
            f"Không biết phép so sánh {_shown(comparator)} của chỉ tiêu: cần một trong {known}."
        )
    if not isinstance(unit, str):
        raise FormatError(
            f'Đơn vị của chỉ tiêu đọc được là {_shown(unit)}: cần một chuỗi chữ, ví dụ "%" hoặc "hồ sơ".'
        )
    before, after = _COMPARATORS[key]
    unit_text = _nfc(unit).strip()
    if unit_text and any(ch.isalpha() for ch in unit_text):
        unit_text = " " + unit_text
    return f"{before}{format_decimal_vn(value)}{unit_text}{after}"


# ---------------------------------------------------------------------------
# weekdays, roman numerals, upper case


def weekday_name(value: object) -> str:
    """Weekday (Babel, "vi"), capitalised as offices write it: "Thứ Tư", "Chủ Nhật".

    Ví dụ: {{ "2019-02-27" | thu }} → "Thứ Tư"
    """
    date = parse_date(value)
    if date is None:
        raise FormatError(
            "Không biết thứ của một ngày còn để trống: cần một ngày, ví dụ 27/02/2019."
        )
    name = str(get_day_names("wide", locale=LOCALE)[date.weekday()])
    return _nfc(" ".join(word[:1].upper() + word[1:].lower() for word in name.split()))


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: object) -> str:
    """Roman numeral, 1 to 3999 (Phần, Chương, Phụ lục): 4 → "IV".

    Ví dụ: {{ 4 | la_ma }} → "IV"
    """
    parsed = _whole_number(number)
    if parsed is None or not 1 <= parsed <= 3999:
        raise FormatError(
            f"Không viết được số La Mã cho {_shown(number)}: cần một số nguyên từ 1 đến 3999."
        )
    out = []
    for amount, letters in _ROMAN:
        count, parsed = divmod(parsed, amount)
        out.append(letters * count)
    return "".join(out)


def upper_vn(text: str) -> str:
    """Upper case for official names, NFC; tone marks stay where the author put them.

    Ví dụ: {{ "Ủy ban nhân dân phường Bình Hưng Hòa" | chu_hoa }} → "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH HƯNG HÒA"
    """
    if not isinstance(text, str):
        raise FormatError(f"Không viết hoa được {_shown(text)}: cần một chuỗi chữ.")
    out = []
    for ch in _nfc(text):
        up = ch.upper()
        out.append(up if len(up) == 1 else ch)  # "ß" → "SS" would change the text's length
    return _nfc("".join(out))


_HEADER_PREFIXES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def _greedy(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _balanced(words: list[str], max_chars: int) -> list[str]:
    """Greedy wrap with the fewest lines, then the narrowest width that keeps that count."""
    target = len(_greedy(words, max_chars))
    longest = max(len(word) for word in words)
    for width in range(longest, max_chars + 1):
        lines = _greedy(words, width)
        if len(lines) <= target:
            return lines
    return _greedy(words, max_chars)  # a word longer than max_chars: it stays whole on its line


# Words that start the locality part of a name ("PHÒNG TƯ PHÁP | HUYỆN CỦ CHI").
_LOCALITY_WORDS = (
    ("THÀNH", "PHỐ"),
    ("THỊ", "XÃ"),
    ("THỊ", "TRẤN"),
    ("ĐẶC", "KHU"),
    ("TỈNH",),
    ("QUẬN",),
    ("HUYỆN",),
    ("PHƯỜNG",),
    ("XÃ",),
)


def _fit(words: list[str], max_chars: int) -> list[str]:
    whole = " ".join(words)
    return [whole] if len(whole) <= max_chars else _balanced(words, max_chars)


def _locality_start(words: list[str]) -> int | None:
    for i in range(1, len(words)):
        if any(tuple(words[i : i + len(loc)]) == loc for loc in _LOCALITY_WORDS):
            return i
    return None


def _wrap_header(line: str, max_chars: int) -> list[str]:
    words = line.split()
    if not words:
        return []
    whole = " ".join(words)
    if len(whole) <= max_chars:
        return [whole]
    for prefix in _HEADER_PREFIXES:
        if whole.startswith(prefix + " ") and len(prefix) <= max_chars:
            return [prefix, *_fit(whole[len(prefix) + 1 :].split(), max_chars)]
    balanced = _balanced(words, max_chars)
    start = _locality_start(words)
    if start is not None:
        split = _fit(words[:start], max_chars) + _fit(words[start:], max_chars)
        if len(split) <= len(balanced):
            return split
    return balanced


def header_name(text: str, max_chars: int = 26) -> str:
    """Issuing body's name for the header: upper case, lines of at most ``max_chars``.

    A long name starting with "ỦY BAN NHÂN DÂN" or "HỘI ĐỒNG NHÂN DÂN" breaks right after
    it; other long names break before the locality (QUẬN, HUYỆN, PHƯỜNG, XÃ, TỈNH, ...)
    when that takes no more lines, else wrap into balanced lines. Line breaks already
    written in the name are kept.

    Ví dụ: {{ "Ủy ban nhân dân quận Bình Tân" | ten_dau_trang }} → "ỦY BAN NHÂN DÂN\\nQUẬN BÌNH TÂN"
    """
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise FormatError(
            f"Độ dài dòng {_shown(max_chars)} không dùng được: cần một số nguyên từ 1 trở lên."
        )
    upper = upper_vn(text)
    lines = [out for line in upper.splitlines() for out in _wrap_header(line, max_chars)]
    if not lines:
        raise FormatError(
            'Tên cơ quan ở đầu trang đang để trống: cần ghi rõ, ví dụ "Ủy ban nhân dân quận Bình Tân".'
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Jinja registries (the environment registers them; this module does not import Jinja)


def _place_date_filter(
    value: object, place: str, year: object = None, blank_width: int = BLANK_WIDTH
) -> str:
    """Place and date line from a date: the filter form of ``dong_dia_danh``.

    Ví dụ: {{ "2019-02-27" | dia_danh_ngay("Bình Tân") }} → "Bình Tân, ngày 27 tháng 02 năm 2019"
    """
    return format_place_date(place, value, year, blank_width)


_CITATION_KEYS = ("van_ban", "so", "ngay", "co_quan", "trich_yeu", "nam")


def _citation_filter(cited: object, blank_width: int = BLANK_WIDTH) -> str:
    """Citation from a mapping with keys van_ban, so, ngay, co_quan, trich_yeu, nam.

    Only van_ban is required; ``nam`` is the year of a draft's blank date.

    Ví dụ: {{ {"van_ban": "Luật tổ chức chính quyền địa phương", "ngay": "2015-06-19"} | trich_dan }} → "Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    """
    if not isinstance(cited, Mapping):
        raise FormatError(
            f"Không trích dẫn được {_shown(cited)}: cần một bảng có các khóa "
            f"{', '.join(_CITATION_KEYS)} (bắt buộc van_ban)."
        )
    unknown = [str(key) for key in cited if key not in _CITATION_KEYS]
    if unknown:
        raise FormatError(
            f"Trích dẫn có khóa lạ {', '.join(unknown)}: chỉ dùng các khóa {', '.join(_CITATION_KEYS)}."
        )
    if _is_blank(cited.get("van_ban")):
        raise FormatError('Trích dẫn thiếu khóa van_ban: cần loại văn bản, ví dụ "Quyết định".')
    return _citation_global(
        cited["van_ban"],
        cited.get("so"),
        cited.get("ngay"),
        cited.get("co_quan"),
        cited.get("trich_yeu"),
        cited.get("nam"),
        blank_width,
    )


def _citation_global(
    van_ban: str,
    so: str | None = None,
    ngay: object = None,
    co_quan: str | None = None,
    trich_yeu: str | None = None,
    nam: object = None,
    do_rong: int = BLANK_WIDTH,
) -> str:
    """Citation with Vietnamese keywords: van_ban, so, ngay, co_quan, trich_yeu, nam, do_rong.

    Ví dụ: {{ trich_dan("Quyết định", so="784/QĐ-UBND", ngay="2019-02-27", co_quan="Ủy ban nhân dân quận Bình Tân") }} → "Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân"
    """
    return format_citation(van_ban, so, ngay, co_quan, trich_yeu, nam, do_rong)


FILTERS: dict[str, Callable[..., str]] = {
    "ngay": format_date,
    "dia_danh_ngay": _place_date_filter,
    "so_hieu": format_doc_id,
    "so_van_ban": format_number_line,
    "so": format_decimal_vn,
    "phan_tram": format_percent,
    "thu": weekday_name,
    "la_ma": roman,
    "chu_hoa": upper_vn,
    "ten_dau_trang": header_name,
    "so_dem": pad_number,
    "trich_dan": _citation_filter,
}

GLOBALS: dict[str, Callable[..., str]] = {
    "trich_dan": _citation_global,
    "chi_tieu": format_target,
    "dong_dia_danh": format_place_date,
}

EXAMPLE_PREFIX = "Ví dụ:"


def _example_line(func: Callable[..., object]) -> str:
    """The one ``Ví dụ:`` line of a function's docstring (FormatError if not exactly one)."""
    lines = [
        line.strip()
        for line in (func.__doc__ or "").splitlines()
        if line.strip().startswith(EXAMPLE_PREFIX)
    ]
    if len(lines) != 1:
        name = getattr(func, "__name__", repr(func))
        raise FormatError(
            f"Hàm {name} có {len(lines)} dòng «{EXAMPLE_PREFIX}» trong mô tả, cần đúng 1."
        )
    return lines[0]


def examples() -> list[tuple[str, str, str]]:
    """(name, "filter" or "global", its ``Ví dụ:`` line) for every registered entry.

    One of the lines it returns, the one for ("la_ma", "filter"):
    Ví dụ: {{ 4 | la_ma }} → "IV"
    """
    out = [(name, "filter", _example_line(func)) for name, func in FILTERS.items()]
    out += [(name, "global", _example_line(func)) for name, func in GLOBALS.items()]
    return out
