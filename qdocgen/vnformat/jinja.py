"""What the Jinja environment registers (``FILTERS``, ``GLOBALS``) and their examples for template authors."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from qdocgen.vnformat.common import BLANK_WIDTH, FormatError, _is_blank, _shown
from qdocgen.vnformat.dates import format_date, format_place_date
from qdocgen.vnformat.numbers import (
    format_citation,
    format_decimal_vn,
    format_doc_id,
    format_number_line,
    format_percent,
    format_target,
    pad_number,
)
from qdocgen.vnformat.words import header_name, roman, upper_vn, weekday_name

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
