"""What every formatter shares: the locale, the blank width of drafts, FormatError and value checks."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal

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
