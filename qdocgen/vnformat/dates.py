"""Dates the NĐ30 way: reading what clerks write, «ngày 05 tháng 3 năm 2019», place and date lines."""

from __future__ import annotations

import calendar
import datetime
import re

from qdocgen.vnformat.common import (
    _DATE_HINT,
    BLANK_WIDTH,
    FormatError,
    _check_blank_width,
    _is_blank,
    _nfc,
    _shown,
    _text,
)

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
