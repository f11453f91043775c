"""The guide's rule for quality objectives (Phụ lục 3, "Hướng dẫn thiết lập mục tiêu chất lượng").

Each objective must be measurable: a number, a percentage, a count or a deadline to reach.

Pure functions over the objectives as the data holds them (``noi_dung``: the printed text; ``chi_tieu``: the
structured target, one mapping or a list of them: ``so_sanh``, ``gia_tri``, ``don_vi``, optional ``so_voi``;
or a range ``{so_sanh: tu, tu: 14, den: 15, don_vi: "%"}``, ``so_sanh`` optional).

``iter_objectives(data)`` is the one accessor for every objective of a unit wherever the data holds it: the
appendix table(s) (``phu_luc`` as one mapping or a list of appendices, with group rows ``{nhom, muc_tieu}``)
and the structured articles (``dieu``) or free appendices, whose items are objectives when they carry
``chi_tieu`` or ``muc_tieu: true`` (see ``qdocgen.data.content``).
An objective is measurable when its text states a measure, or when its ``chi_tieu`` gives one. When both give
numbers and the target's value is not among the text's, the two disagree: that is reported too, since a later
report compares results with the structured target while people read the text.

The text check is a heuristic on Vietnamese wording, written for the forms offices actually use: it ignores
numbers that measure nothing (standard codes such as ISO 9001:2015, service levels "mức độ 3", baseline years
"so với năm 2018"), and does not let a deadline rescue a vague verb ("nâng cao ... trong năm 2019").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from qdocgen.data.reader import Unit
from qdocgen.errors import Problem

EXAMPLE = "«95% thủ tục hành chính được xử lý nhanh hơn 10% thời gian quy định»"

# Numbers that are names, not measures: standard codes, document numbers, levels, articles, baseline years.
_NOISE = [
    re.compile(r"\b(?:tcvn|iso|iec)\b[\s:/.\-]*(?:\d+[\s:/.\-]*)*", re.I),
    re.compile(r"\b\d+(?:/\d+)*/[a-zđ]+(?:-[a-zđ]+)*\b", re.I),  # 19/2014/QĐ-TTg, 784/QĐ-UBND
    re.compile(r"\b(?:mức độ|mức|cấp|điều|khoản|mục|phụ lục|chương|bước|giai đoạn|tổ|khu phố)\s+\d+\b", re.I),
    re.compile(r"\bso với\s+(?:cùng kỳ\s+)?năm\s+\d{4}\b", re.I),
]
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%|\bphần trăm\b", re.I)
_ZERO = re.compile(r"\bbằng\s+(?:không|0)\b"
                   r"|\bkhông\s+(?:có|còn|để)\b.*\b(?:nào|quá hạn|trễ hạn|sai sót|sai lỗi)\b", re.I)
_DATE = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}"
_PERIOD = r"tháng\s+\d{1,2}|quý\s+(?:[ivx]+|\d)|năm\s+\d{4}|(?:\d+|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm|năm(?!\s+trước)"
_DEADLINE = re.compile(
    rf"\b(?:trước|trong|đến|chậm nhất|hạn|hết|cuối|vào)\s+(?:(?:hết|cuối|ngày|đầu)\s+)?(?:{_DATE}|{_PERIOD})\b"
    rf"|\btrước\s+(?:ngày\s+)?{_DATE}",
    re.I,
)
_COUNT_WORDS = re.compile(r"\b(?:hai|ba|bốn|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|toàn bộ|tất cả)\b", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_VAGUE = re.compile(r"\b(?:nâng cao|cải thiện|tăng cường|đẩy mạnh|cải tiến|hạn chế|phấn đấu|góp phần|tích cực|"
                    r"từng bước|ngày càng|tốt hơn|hiệu quả hơn)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


Key = tuple[str | int, ...]
"""Where a value stands in a unit's data: ``("phu_luc", "muc_tieu", 2)``, ``("dieu", 0, "cac_muc", 1)``."""

RANGE = "tu"
"""``so_sanh`` of a range (``tu``/``den``), and of "từ N trở lên" when only ``gia_tri`` is given."""


@dataclass(frozen=True)
class Target:
    """One parsed ``chi_tieu``: a comparison with a value, or a range ``low``..``high``.

    Attributes:
        comparison: ``so_sanh`` as written (``">="``, ``"khong_qua"``, ``"tu"``, ...); ``"tu"`` for a range.
        value: ``gia_tri``; None for a range or when missing.
        low: ``tu`` of a range, else None.
        high: ``den`` of a range, else None.
        unit: ``don_vi`` (``"%"`` when not given).
        baseline: ``so_voi`` (the year or level compared with), or None.
    """

    comparison: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str = "%"
    baseline: str | None = None

    @property
    def is_range(self) -> bool:
        """True for ``{tu, den}`` targets."""
        return self.low is not None or self.high is not None

    @property
    def numbers(self) -> tuple[Decimal, ...]:
        """The numbers the printed text should state: the value, or both ends of the range."""
        return tuple(n for n in (self.value, self.low, self.high) if n is not None)


@dataclass(frozen=True)
class Objective:
    """One quality objective of a unit, wherever it stands in the data.

    Attributes:
        key: its place in the data, e.g. ``("phu_luc", "muc_tieu", 2)`` or ``("dieu", 0, "cac_muc", 1)``.
        group: the heading it stands under (the unit in charge, a group row or heading), or None.
        text: the printed text (``noi_dung``, or the item's own text in an article).
        targets: the parsed ``chi_tieu`` list (empty when none is given).
        data: the objective's mapping as the data holds it (for its other columns: ``theo_doi``, ...).
    """

    key: Key
    group: str | None
    text: str
    targets: tuple[Target, ...]
    data: Mapping[str, Any]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    for pattern in _NOISE:
        text = pattern.sub(" ", text)
    return text


def text_measure(text: str) -> str | None:
    """The kind of measure the text states ("tỷ lệ", "số lượng", "bằng không", "thời hạn"), or None."""
    cleaned = _clean(text)
    if _PERCENT.search(cleaned):
        return "tỷ lệ"
    if _ZERO.search(cleaned):
        return "bằng không"
    deadline = _DEADLINE.search(cleaned)
    counted = _YEAR.sub(" ", _DEADLINE.sub(" ", cleaned))
    if _NUMBER.search(counted) or _COUNT_WORDS.search(counted):
        return "số lượng"
    if deadline and not _VAGUE.search(cleaned):
        return "thời hạn"
    return None


def _targets(raw: Any) -> list[Mapping[str, Any]]:
    if isinstance(raw, Mapping):
        return [raw]
    if isinstance(raw, Sequence) and not isinstance(raw, str):
        return [t for t in raw if isinstance(t, Mapping)]
    return []


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def parse_target(raw: Mapping[str, Any]) -> Target:
    """One ``chi_tieu`` mapping as a Target; ``{tu, den}`` is a range whatever ``so_sanh`` says."""
    low, high = _decimal(raw.get("tu")), _decimal(raw.get("den"))
    unit = raw.get("don_vi")
    baseline = raw.get("so_voi")
    comparison = raw.get("so_sanh")
    if low is not None or high is not None:
        comparison = RANGE
    return Target(comparison=str(comparison) if comparison not in (None, "") else "",
                  value=_decimal(raw.get("gia_tri")), low=low, high=high,
                  unit=str(unit) if isinstance(unit, str) else "%",
                  baseline=str(baseline) if baseline not in (None, "") else None)


def parse_targets(raw: Any) -> tuple[Target, ...]:
    """A ``chi_tieu`` value (one mapping, a list of them, or nothing) as Targets."""
    return tuple(parse_target(t) for t in _targets(raw))


def _text_numbers(text: str) -> set[Decimal]:
    found = set()
    for match in _NUMBER.finditer(_YEAR.sub(" ", _clean(text))):
        number = _decimal(match.group())
        if number is not None:
            found.add(number.normalize())
    return found


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"«{text if len(text) <= 90 else text[:87] + '...'}»"


def _finding(index: int, text: str, message: str) -> Problem:
    """One objective that breaks the guide's rule: its position (from 0), its text, and what to do."""
    return Problem(message=message, severity="warning", text=text, index=index)


def check_objective(index: int, objective: Mapping[str, Any]) -> list[Problem]:
    """The findings for one objective (empty when it follows the guide)."""
    text = objective.get("noi_dung")
    if not isinstance(text, str) or not text.strip():
        return []
    valued = [t for t in parse_targets(objective.get("chi_tieu")) if t.numbers]
    if text_measure(text) is None and not valued:
        return [_finding(index, text, (
            f"mục tiêu {_quote(text)} chưa đo được: hướng dẫn lập mục tiêu chất lượng yêu cầu mỗi mục tiêu có "
            f"một con số, tỷ lệ phần trăm, số lượng hoặc thời hạn phải đạt, ví dụ {EXAMPLE}; hãy viết lại nội "
            "dung, hoặc ghi chỉ tiêu vào khóa chi_tieu (so_sanh, gia_tri, don_vi)."))]
    in_text = _text_numbers(text)
    findings = []
    for target in valued:
        missing = [n for n in target.numbers if n.normalize() not in in_text]
        if in_text and missing:
            said = (f"chi_tieu.tu = {_plain(target.low)}, den = {_plain(target.high)}" if target.is_range
                    else f"chi_tieu.gia_tri = {_plain(target.value)}")
            findings.append(_finding(index, text, (
                f"chỉ tiêu {said} không thấy trong nội dung {_quote(text)}: "
                "nội dung in ra và chỉ tiêu dùng để báo cáo phải khớp nhau; hãy sửa một trong hai.")))
    return findings


def _plain(number: Decimal | None) -> str:
    """A number as the clerk wrote it: 98, 15.5 (no exponent, no trailing zeros)."""
    if number is None:
        return ""
    return format(number.normalize(), "f")


def check(objectives: Sequence[Any]) -> list[Problem]:
    """The findings for a list of objectives, in order."""
    findings: list[Problem] = []
    for i, objective in enumerate(objectives):
        if isinstance(objective, Mapping):
            findings.extend(check_objective(i, objective))
        elif isinstance(objective, str):
            findings.extend(check_objective(i, {"noi_dung": objective}))
    return findings


def _table_rows(rows: Any, key: Key, group: str | None) -> Iterator[Objective]:
    """The objectives of an appendix table's ``muc_tieu`` list; a ``{nhom, muc_tieu}`` row is a group."""
    if not isinstance(rows, list):
        return
    for i, row in enumerate(rows):
        if isinstance(row, Mapping) and "nhom" in row and "noi_dung" not in row:
            heading = row.get("nhom")
            yield from _table_rows(row.get("muc_tieu"), key + (i, "muc_tieu"),
                                   str(heading) if heading not in (None, "") else group)
        elif isinstance(row, Mapping):
            text = row.get("noi_dung")
            yield Objective(key + (i,), group, text if isinstance(text, str) else "",
                            parse_targets(row.get("chi_tieu")), row)
        elif isinstance(row, str):
            yield Objective(key + (i,), group, row, (), {"noi_dung": row})


def _appendices(data: Mapping[str, Any]) -> Iterator[tuple[Key, Mapping[str, Any]]]:
    """Each appendix with its key: ``phu_luc`` as one mapping (as in 2019) or a list of them."""
    appendix = data.get("phu_luc")
    if isinstance(appendix, Mapping):
        yield ("phu_luc",), appendix
    elif isinstance(appendix, list):
        for i, item in enumerate(appendix):
            if isinstance(item, Mapping):
                yield ("phu_luc", i), item


def iter_objectives(data: Mapping[str, Any]) -> Iterator[Objective]:
    """Every objective of a unit, in reading order: the articles (``dieu``) first, then each appendix.

    Args:
        data: one unit's data, as read (and, for final texts, with its Jinja rendered).

    Yields:
        Objective: its key path, group heading (or None), printed text and parsed ``chi_tieu`` list. In a
        table, a group is a row ``{nhom: ..., muc_tieu: [...]}``; in articles and free appendices, the heading
        of the item the objective stands under (``khoan``, ``nhom``, ...).
    """
    from qdocgen.data.content import block_objectives

    articles = data.get("dieu")
    if isinstance(articles, list):
        for i, article in enumerate(articles):
            if isinstance(article, Mapping):
                yield from block_objectives(article.get("cac_muc"), ("dieu", i, "cac_muc"),
                                            bool(article.get("muc_tieu")))
    for key, appendix in _appendices(data):
        yield from _table_rows(appendix.get("muc_tieu"), key + ("muc_tieu",), None)
        yield from block_objectives(appendix.get("noi_dung"), key + ("noi_dung",),
                                    False)


def unit_warnings(unit: Unit) -> list[Problem]:
    """The findings for every objective of a unit, as warnings placed at the objective (``phu_luc.muc_tieu[N]``)."""
    problems = []
    for objective in iter_objectives(unit.data):
        item = dict(objective.data)
        item["noi_dung"] = objective.text
        for finding in check_objective(0, item):
            problems.append(unit.problem(objective.key, finding.message))
    return problems
