"""Document numbers and symbols, citations of legal texts, decimals, percents and targets."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal as _babel_format_decimal

from qdocgen.vnformat.common import (
    _DEFAULT_DECIMALS,
    BLANK_WIDTH,
    LOCALE,
    FormatError,
    _check_blank_width,
    _is_blank,
    _nfc,
    _optional_text,
    _shown,
    _text,
)
from qdocgen.vnformat.dates import _parse_year, format_date, parse_date

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
