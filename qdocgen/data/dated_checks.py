"""Warnings on a unit's data that depend on the document's date.

For a document dated on or after the two-level reorganisation (the register's ``chinh_quyen_hai_cap``, 1 July
2025; a draft counts from 1 January of its ``nam``): a district in the issuing or governing body or the place
name, a district body among the recipients, and terms the register lists as outdated (the titles of cited texts
are quoted as they are and not checked). For every document: an issue date whose year is not ``nam``, and an
issue date before the date of a text it cites. Last, the register's one warning about the legal bases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from qdocgen.data.legal_bases import (
    Register,
    as_date,
    basis_warning,
    document_date,
    load_register,
    phrase_pattern,
)
from qdocgen.data.reader import KeyPath, Unit
from qdocgen.errors import Problem

HEADER_KEYS = ("co_quan_chu_quan", "co_quan", "dia_danh")
RECIPIENTS_KEY = "noi_nhan"
CITED_KEYS = ("can_cu",)  # cited texts' own titles: quoted, not the document's own wording


def dated_warnings(unit: Unit, register: Register | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every date-aware warning for one unit whose data is parsed and filled."""
    register = register or load_register()
    out = year_warnings(unit) + before_cited_warnings(unit)
    when = document_date(unit.data)
    if when is not None and register.two_level_from is not None and when >= register.two_level_from:
        out += district_warnings(unit, register, when)
        out += term_warnings(unit, register)
    found = basis_warning(unit, register, today or dt.date.today())
    return out + ([found] if found is not None else [])


def _levels(register: Register) -> str:
    return ", ".join(register.removed_levels)


def district_warnings(unit: Unit, register: Register, when: dt.date) -> list[Problem]:
    """A district in the header or the place name, or among the recipients, of a document of ``when``."""
    if not register.removed_levels or register.two_level_from is None:
        return []
    pattern = phrase_pattern(register.removed_levels)
    since = f"từ ngày {register.two_level_from:%d/%m/%Y} không còn cấp {_levels(register)}"
    out: list[Problem] = []
    for key in HEADER_KEYS:
        value = unit.data.get(key)
        if isinstance(value, str) and pattern.search(value):
            out.append(unit.problem((key,), f"«{value}»: văn bản đề ngày {when:%d/%m/%Y}, {since}; ghi cơ quan và "
                                            "địa danh cấp xã, phường (hoặc tỉnh, thành phố) hiện nay"))
    recipients = unit.data.get(RECIPIENTS_KEY)
    found = [(i, value) for i, value in enumerate(recipients if isinstance(recipients, list) else [])
             if isinstance(value, str) and pattern.search(value)]
    if found:
        names = ", ".join(f"«{value}»" for _i, value in found)
        out.append(unit.problem((RECIPIENTS_KEY, found[0][0]), f"nơi nhận cấp huyện {names}: {since}; bỏ các dòng "
                                                               "này hoặc thay bằng cơ quan hiện nay"))
    return out


def _strings(value: Any, prefix: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield prefix, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, prefix + (i,))


def term_warnings(unit: Unit, register: Register) -> list[Problem]:
    """One warning per outdated term the unit's own wording uses: where first, how many places."""
    places: dict[int, list[tuple[KeyPath, str]]] = {}
    for key, text in _strings(unit.data, ()):
        if key and key[0] in CITED_KEYS:
            continue
        for term, match in register.outdated(text):
            places.setdefault(id(term), []).append((key, match[0]))
    out: list[Problem] = []
    for term in register.terms:
        found = places.get(id(term))
        if not found:
            continue
        key, phrase = found[0]
        more = f" (và {len(found) - 1} chỗ khác)" if len(found) > 1 else ""
        unsure = "; sổ căn cứ ghi điều này cần kiểm tra" if term.status == "can_kiem_tra" else ""
        out.append(unit.problem(key, f"«{phrase}»{more} là cách gọi cũ, nay dùng: {term.replacement}{unsure}"))
    return out


def year_warnings(unit: Unit) -> list[Problem]:
    """The issue date's year is not the year of the objectives (``nam``)."""
    date, year = as_date(unit.data.get("ngay_ban_hanh")), unit.data.get("nam")
    if date is None or not isinstance(year, int) or isinstance(year, bool) or date.year == year:
        return []
    return [unit.problem(("ngay_ban_hanh",), f"ngày ban hành {date:%d/%m/%Y} thuộc năm {date.year}, còn «nam» là "
                                             f"{year}; sửa một trong hai (nếu đúng là ban hành trước cho năm sau "
                                             "thì giữ nguyên)")]


def before_cited_warnings(unit: Unit) -> list[Problem]:
    """The decision is dated before a text it cites (a legal basis or the proposal)."""
    date = as_date(unit.data.get("ngay_ban_hanh"))
    if date is None:
        return []
    cited: list[tuple[KeyPath, Any]] = []
    bases = unit.data.get("can_cu")
    for i, item in enumerate(bases if isinstance(bases, list) else []):
        if isinstance(item, dict):
            cited.append((("can_cu", i, "ngay"), item.get("ngay")))
    proposal = unit.data.get("de_nghi")
    if isinstance(proposal, dict):
        cited.append((("de_nghi", "ngay"), proposal.get("ngay")))
    out: list[Problem] = []
    for key, value in cited:
        other = as_date(value)
        if other is not None and other > date:
            out.append(unit.problem(key, f"văn bản được dẫn đề ngày {other:%d/%m/%Y}, sau ngày ban hành "
                                         f"{date:%d/%m/%Y}; kiểm tra lại một trong hai ngày"))
    return out
