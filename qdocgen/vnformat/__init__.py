"""Vietnamese formatting for administrative documents (Nghị định 30/2020/NĐ-CP).

Pure functions, no I/O. Dates are built by hand: no CLDR pattern gives the NĐ30 form
"ngày 05 tháng 3 năm 2019" (day padded below 10, months 1-2 padded, months 3-12 never).
Numbers, percents and weekday names come from Babel with locale "vi".

Every function raises :class:`FormatError` (a ``ValueError``) with a Vietnamese message
saying what was read and what is expected. ``FILTERS`` and ``GLOBALS`` (in ``jinja``) are
what the Jinja environment registers; each entry's docstring holds one line
``Ví dụ: {{ ... }} → "..."`` (the output in double quotes, JSON escapes such as ``\\n``),
which :func:`examples` collects for template authors.
"""

from __future__ import annotations

from qdocgen.vnformat.common import BLANK_WIDTH, LOCALE, FormatError
from qdocgen.vnformat.dates import format_date, format_place_date, pad_day, pad_month, parse_date
from qdocgen.vnformat.jinja import EXAMPLE_PREFIX, FILTERS, GLOBALS, examples
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

__all__ = [
    "BLANK_WIDTH",
    "EXAMPLE_PREFIX",
    "FILTERS",
    "GLOBALS",
    "LOCALE",
    "FormatError",
    "examples",
    "format_citation",
    "format_date",
    "format_decimal_vn",
    "format_doc_id",
    "format_number_line",
    "format_percent",
    "format_place_date",
    "format_target",
    "header_name",
    "pad_day",
    "pad_month",
    "pad_number",
    "parse_date",
    "roman",
    "upper_vn",
    "weekday_name",
]
