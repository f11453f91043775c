"""Numbers as clerks type them in a spreadsheet: "98", "98,5", "98 %", "1.250 hồ sơ", or Excel's own numbers.

Pure, no I/O. Vietnamese writes a decimal comma and dots between thousands; English the reverse. A text that
could be read both ways ("1.234", "1,234") is refused with a message rather than guessed: a wrong figure in a
report is worse than a question. A date is refused too: Excel turns "98/5" into the 98th of May on its own.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
_SPLIT = re.compile(r"^([+-]?\d[\d.,\s]*?)\s*(%|[^\d\s.,%][^%]*)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:[.]\d{3})+$|^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?: \d{3})+$")
_AMBIGUOUS = re.compile(r"^\d{1,3}[.,]\d{3}$")


class QuantityError(ValueError):
    """A value that is not a number the report can use; the message (Vietnamese) says what to type."""


@dataclass(frozen=True)
class Quantity:
    """A number and the unit written with it (``"%"``, ``"hồ sơ"``), or no unit."""

    value: Decimal
    unit: str | None = None


def _number(text: str, shown: str) -> Decimal:
    """The number part of a typed text, Vietnamese or English separators."""
    digits = text.strip()
    if _AMBIGUOUS.match(digits):
        raise QuantityError(f"«{shown}» có thể hiểu hai cách (dấu «{digits[-4]}» ngăn cách hàng nghìn hay là dấu "
                            "thập phân); hãy gõ số không có dấu ngăn cách hàng nghìn, thập phân dùng dấu phẩy, "
                            "ví dụ 1234 hoặc 1,234.")
    if _GROUPED.match(digits):
        digits = re.sub(r"[., ]", "", digits)
    elif "." in digits and "," in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        whole, _, frac = digits.rpartition(decimal_mark)
        thousands = "." if decimal_mark == "," else ","
        if not re.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})*", whole):
            raise QuantityError(f"«{shown}» không phải một số viết đúng; ví dụ viết 1.234,5 hoặc 1234,5.")
        digits = whole.replace(thousands, "") + "." + frac
    else:
        digits = digits.replace(",", ".")
    try:
        value = Decimal(digits.replace(" ", ""))
    except InvalidOperation as exc:
        raise QuantityError(f"«{shown}» không đọc được thành số; hãy gõ một số, ví dụ 98 hoặc 98,5.") from exc
    if not value.is_finite():
        raise QuantityError(f"«{shown}» không phải một số.")
    return value


def parse_text(text: str) -> Quantity | None:
    """A typed text as a quantity ("98,5 %" → 98.5 %); None for an empty text; :class:`QuantityError` else."""
    shown = unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip())
    if not shown:
        return None
    match = _SPLIT.match(shown)
    if match is None:
        raise QuantityError(f"«{shown}» không đọc được thành số; hãy gõ một số, ví dụ 98 hoặc 98,5 (có thể kèm "
                            "đơn vị: 98%, 120 hồ sơ).")
    unit = match.group(2).strip() if match.group(2) else None
    return Quantity(_number(match.group(1), shown), unit)


def parse_cell(value: Any, percent_format: bool = False) -> Quantity | None:
    """A spreadsheet cell's value as a quantity: numbers (a cell formatted as % holds 0.985 for 98,5%), texts."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise QuantityError(f"ô chứa giá trị đúng/sai ({'TRUE' if value else 'FALSE'}), cần một số.")
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        shown = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
        raise QuantityError(f"ô chứa ngày tháng ({shown}), cần một số: Excel tự đổi số gõ vào thành ngày; hãy "
                            "định dạng ô là Số (Number) hoặc Văn bản (Text) rồi gõ lại số.")
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise QuantityError("ô chứa giá trị không phải số hữu hạn.")
        if percent_format:
            return Quantity((number * 100).normalize(), "%")
        return Quantity(number)
    if isinstance(value, str):
        return parse_text(value)
    raise QuantityError(f"ô chứa giá trị «{value}» không đọc được thành số.")
