"""Lint rules that know the document's date: what the 2025 reorganisation and the register make outdated.

Read from the layout model (:mod:`qdocgen.oxml.layout`) (paragraphs and lines as shown), never from XML. The
document's date is its «Địa danh, ngày ... tháng ... năm ...» line (a draft with only the year counts from 1
January). For a document dated on or after the register's two-level date (1 July 2025): a district (quận,
huyện, thị xã) in the header or the place name, or among the recipients (``cap-huyen``), and terms the register
lists as outdated in the document's own wording, not in the titles of the texts it cites (``thuat-ngu-cu``).
For any dated document: a legal basis dated after the document (``ngay-can-cu``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from qdocgen.lint.body import cited_lines
from qdocgen.lint.closing import next_lines, recipient_heading
from qdocgen.lint.common import Finding, finding, fold, quoted
from qdocgen.lint.document import Doc, header_lines, later_date_lines, line_kind
from qdocgen.lint.rules import DASHES
from qdocgen.oxml.layout import Line

RULES: dict[str, str] = {
    "cap-huyen": "Văn bản từ 01/7/2025: không còn quận, huyện, thị xã ở phần đầu, địa danh và nơi nhận",
    "thuat-ngu-cu": "Văn bản từ 01/7/2025: không dùng cụm từ sổ căn cứ ghi là đã cũ (ISO 9001:2008, mức độ 3/4, ...)",
    "ngay-can-cu": "Văn bản không đề ngày trước văn bản nó dẫn làm căn cứ",
}



@dataclass(frozen=True)
class DateRules:
    """What the register of legal bases says, as the date-aware rules need it (the caller reads the register)."""

    two_level_from: dt.date | None
    removed_levels: tuple[str, ...]
    district: re.Pattern[str] | None  # any of ``removed_levels`` as a word
    terms: tuple[tuple[re.Pattern[str], str], ...]  # (outdated phrase, what is said now)


_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})?[\s.…]*năm\s*(\d{4})", re.IGNORECASE)


def _date_of(text: str) -> tuple[dt.date | None, bool]:
    """The date written «ngày 05 tháng 3 năm 2026» in ``text``, and whether day and month were both given."""
    match = _DATE_WORDS.search(text)
    if match is None:
        return None, False
    day, month, year = match.groups()
    try:
        return dt.date(int(year), int(month or 1), int(day or 1)), bool(day and month)
    except ValueError:
        return None, False


_SLASHED = re.compile(r"ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b", re.IGNORECASE)


def _cited_date(text: str) -> tuple[dt.date | None, bool]:
    """The date of a cited text: «ngày 05 tháng 3 năm 2026», or as citations often write it, «ngày 05/3/2026»."""
    when, full = _date_of(text)
    match = _SLASHED.search(text)
    if when is not None or match is None:
        return when, full
    day, month, year = match.groups()
    try:
        return dt.date(int(year), int(month), int(day)), True
    except ValueError:
        return None, False


def _date_line(doc: Doc) -> Line | None:
    """The «Địa danh, ngày ...» line: in the header, else (forms) above the signature."""
    header = [line for line in header_lines(doc) if line_kind(line) == "date"]
    if header:
        return header[0]
    later = later_date_lines(doc)
    return later[0] if later else None


def check_dated(doc: Doc, rules: DateRules | None = None) -> list[Finding]:
    """The date-aware rules for one document (``rules``: from the register; without, only ``ngay-can-cu``)."""
    line = _date_line(doc)
    when, full = _date_of(line.text) if line is not None else (None, False)
    if when is None:
        return []
    out = _cited_later(doc, when) if full else []
    if rules is None or rules.two_level_from is None or when < rules.two_level_from:
        return out
    return _districts(doc, rules, line) + _terms(doc, rules) + out


def _districts(doc: Doc, register: DateRules, date_line: Line | None) -> list[Finding]:
    pattern = register.district
    if pattern is None:
        return []
    since = f"từ ngày {register.two_level_from:%d/%m/%Y} không còn cấp {', '.join(register.removed_levels)}"
    out: list[Finding] = []
    for line in header_lines(doc):
        if line_kind(line) == "org" and pattern.search(line.text):
            out += finding("cap-huyen", quoted(line), [f"tên cơ quan cấp huyện ở phần đầu: {since}"], "warning")
    if date_line is not None and pattern.search(date_line.text.split(",")[0]):
        out += finding("cap-huyen", quoted(date_line), [f"địa danh cấp huyện: {since}; ghi tên xã, phường hoặc "
                                                         "tỉnh, thành phố"], "warning")
    recipients = [line for line in _recipient_lines(doc) if pattern.search(line.text)]
    if recipients:
        names = ", ".join(quoted(line) for line in recipients)
        out += finding("cap-huyen", quoted(recipients[0]), [f"nơi nhận cấp huyện {names}: {since}; bỏ hoặc thay "
                                                             "bằng cơ quan hiện nay"], "warning")
    return out


def _recipient_lines(doc: Doc) -> list[Line]:
    heading = recipient_heading(doc)
    if heading is None:
        return []
    lines: list[Line] = []
    for line in next_lines(doc, heading):
        if line.text[0] not in DASHES or fold(line.text.lstrip(DASHES)).startswith("lưu"):
            break
        lines.append(line)
    return lines


def _terms(doc: Doc, register: DateRules) -> list[Finding]:
    cited = {id(line) for line in cited_lines(doc)}
    found: dict[int, list[tuple[Line, str]]] = {}
    for para in doc.paras:
        for line in para.lines:
            if id(line) in cited:
                continue  # a cited text's title is quoted as it is
            for n, (pattern, _now) in enumerate(register.terms):
                match = pattern.search(line.text)
                if match is not None:
                    found.setdefault(n, []).append((line, match[0]))
    out: list[Finding] = []
    for n, places in found.items():
        first, phrase = places[0]
        more = f" (và {len(places) - 1} chỗ khác)" if len(places) > 1 else ""
        out += finding("thuat-ngu-cu", quoted(first), [f"«{phrase}»{more} là cách gọi cũ, nay dùng: "
                                                        f"{register.terms[n][1]}"], "warning")
    return out


def _cited_later(doc: Doc, when: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for line in cited_lines(doc):
        cited, full = _cited_date(line.text)
        if cited is not None and full and cited > when:
            out += finding("ngay-can-cu", quoted(line), [f"văn bản được dẫn đề ngày {cited:%d/%m/%Y}, sau ngày "
                                                          f"của văn bản này {when:%d/%m/%Y}; kiểm tra lại ngày"],
                            "warning")
    return out
