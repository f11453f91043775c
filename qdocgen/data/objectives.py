"""The guide's rule for quality objectives (Phụ lục 3, "Hướng dẫn thiết lập mục tiêu chất lượng"): each must be
measurable — a number, a percentage, a count or a deadline to reach.

Pure functions over the objectives as the data holds them (``noi_dung``: the printed text; ``chi_tieu``: the
structured target, one mapping or a list of them: ``so_sanh``, ``gia_tri``, ``don_vi``, optional ``so_voi``).
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
from collections.abc import Mapping, Sequence
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


@dataclass(frozen=True)
class Finding:
    """One objective that breaks the guide's rule: its position (from 0), its text, and what to do."""

    index: int
    text: str
    message: str


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
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None


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


def check_objective(index: int, objective: Mapping[str, Any]) -> list[Finding]:
    """The findings for one objective (empty when it follows the guide)."""
    text = objective.get("noi_dung")
    if not isinstance(text, str) or not text.strip():
        return []
    targets = _targets(objective.get("chi_tieu"))
    valued = [t for t in targets if _decimal(t.get("gia_tri")) is not None]
    if text_measure(text) is None and not valued:
        return [Finding(index, text, (
            f"mục tiêu {_quote(text)} chưa đo được: hướng dẫn lập mục tiêu chất lượng yêu cầu mỗi mục tiêu có "
            f"một con số, tỷ lệ phần trăm, số lượng hoặc thời hạn phải đạt, ví dụ {EXAMPLE}; hãy viết lại nội "
            "dung, hoặc ghi chỉ tiêu vào khóa chi_tieu (so_sanh, gia_tri, don_vi)."))]
    in_text = _text_numbers(text)
    findings = []
    for target in valued:
        value = _decimal(target.get("gia_tri"))
        if in_text and value is not None and value.normalize() not in in_text:
            findings.append(Finding(index, text, (
                f"chỉ tiêu chi_tieu.gia_tri = {target.get('gia_tri')} không thấy trong nội dung {_quote(text)}: "
                "nội dung in ra và chỉ tiêu dùng để báo cáo phải khớp nhau; hãy sửa một trong hai.")))
    return findings


def check(objectives: Sequence[Any]) -> list[Finding]:
    """The findings for a list of objectives, in order."""
    findings: list[Finding] = []
    for i, objective in enumerate(objectives):
        if isinstance(objective, Mapping):
            findings.extend(check_objective(i, objective))
        elif isinstance(objective, str):
            findings.extend(check_objective(i, {"noi_dung": objective}))
    return findings


def unit_warnings(unit: Unit) -> list[Problem]:
    """The findings for a unit's ``phu_luc.muc_tieu``, as warnings placed at ``phu_luc.muc_tieu[N]``."""
    appendix = unit.data.get("phu_luc")
    items = appendix.get("muc_tieu") if isinstance(appendix, Mapping) else None
    if not isinstance(items, list):
        return []
    return [unit.problem(("phu_luc", "muc_tieu", f.index), f.message) for f in check(items)]
