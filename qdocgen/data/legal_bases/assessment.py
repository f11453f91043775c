"""Matching a unit's ``can_cu`` against the register: each basis that needs a look.

Per unit for ``qdocgen check-can-cu``; :func:`basis_warning` is the one warning a batch shows. Each basis that
needs a look is a ``Problem`` (``kind``: the status or ``khong_co_trong_so`` / ``lau_chua_kiem_tra``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen.data import reader
from qdocgen.data.legal_bases.reading import load_register
from qdocgen.data.legal_bases.register import (
    AMENDED,
    ENDED,
    IN_FORCE,
    REGISTER_NAME,
    REPLACED,
    STALE,
    STALE_AFTER,
    TO_CHECK,
    UNKNOWN,
    Entry,
    Register,
    as_date,
)
from qdocgen.errors import DataError, Problem

# What each kind of issue is called for the clerk.
KIND_WORDS = {
    REPLACED: "đã bị thay thế",
    AMENDED: "đã được sửa đổi, bổ sung",
    ENDED: "đã hết hiệu lực",
    TO_CHECK: "chưa xác nhận tình trạng (sổ ghi «cần kiểm tra»)",
    UNKNOWN: "chưa có trong sổ căn cứ",
    STALE: "hơn một năm chưa kiểm tra",
}


def _issue(index: int, cite: str, kind: str, entry: Entry | None) -> Problem:
    """One cited basis that needs a look: which (``text``), why (``kind``), and what replaced it when known."""
    text = f"{cite}: {KIND_WORDS[kind]}"
    if entry is not None and entry.effective is not None and kind in (REPLACED, AMENDED, ENDED):
        text += f" từ ngày {entry.effective:%d/%m/%Y}"
    if entry is not None and entry.replaced_by:
        text += f"; {'văn bản sửa đổi' if kind == AMENDED else 'thay bằng'}: {entry.replaced_by}"
    if kind == STALE and entry is not None:
        text += f" (lần cuối {entry.checked:%d/%m/%Y})" if entry.checked else " (sổ chưa ghi ngày kiểm tra nào)"
    if kind == UNKNOWN:
        text += f"; thêm vào sổ {REGISTER_NAME} sau khi đối chiếu"
    elif entry is not None and entry.note:
        text += f" ({entry.note})"
    return Problem(message=text, severity="warning", text=cite, index=index, kind=kind)


def cite_label(cite: Mapping[str, Any]) -> str:
    """``Quyết định số 784/QĐ-UBND ngày 27/02/2019`` from a ``can_cu`` item."""
    parts = [" ".join(str(cite.get("van_ban") or "Văn bản").split())]
    if cite.get("so"):
        parts.append(f"số {cite['so']}")
    date = as_date(cite.get("ngay"))
    if date is not None:
        parts.append(f"ngày {date:%d/%m/%Y}")
    return " ".join(parts)


def assess(cite: Mapping[str, Any], index: int, register: Register, today: dt.date,
           document_date: dt.date | None = None) -> list[Problem]:
    """What needs a look about one basis.

    ``document_date``: only what matters for a document of that date (a text replaced after it was right to
    cite then; an unchecked status matters only for recent documents).
    """
    label = cite_label(cite)
    entry = register.find(cite)
    if entry is None:
        return [] if _old(document_date, today) else [_issue(index, label, UNKNOWN, None)]
    issues: list[Problem] = []
    if entry.status in (REPLACED, AMENDED, ENDED):
        if document_date is None or entry.effective is None or document_date >= entry.effective:
            issues.append(_issue(index, label, entry.status, entry))
    elif entry.status == TO_CHECK and not _old(document_date, today):
        issues.append(_issue(index, label, TO_CHECK, entry))
    if entry.status in (IN_FORCE, AMENDED) and not _old(document_date, today) and (
            entry.checked is None or today - entry.checked > STALE_AFTER):
        issues.append(_issue(index, label, STALE, entry))
    return issues


def _old(document_date: dt.date | None, today: dt.date) -> bool:
    """A document dated over a year ago: its bases were what they were; only status changes since matter."""
    return document_date is not None and today - document_date > STALE_AFTER


def unit_bases(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A unit's ``can_cu`` items that are mappings (anything else is the schema's to report)."""
    bases = data.get("can_cu")
    return [b for b in bases if isinstance(b, Mapping)] if isinstance(bases, list) else []


def document_date(data: Mapping[str, Any]) -> dt.date | None:
    """The document's date: ``ngay_ban_hanh``, or 1 January of ``nam`` for a draft; None when neither."""
    date = as_date(data.get("ngay_ban_hanh"))
    if date is not None:
        return date
    year = data.get("nam")
    if isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2100:
        return dt.date(year, 1, 1)
    return None


def unit_issues(data: Mapping[str, Any], register: Register, today: dt.date,
                dated: bool = False) -> list[Problem]:
    """Issues of every basis of one unit (``dated``: relative to the unit's own document date)."""
    when = document_date(data) if dated else None
    return [issue for i, cite in enumerate(unit_bases(data)) for issue in assess(cite, i, register, today, when)]


def basis_warning(unit: reader.Unit, register: Register, today: dt.date) -> Problem | None:
    """One warning, worded the same for every unit so a batch shows it on one line, when a basis needs a look."""
    if not unit_issues(unit.data, register, today, dated=True):
        return None
    folder = reader.display(unit.path.parent)
    return unit.problem(("can_cu",), "có căn cứ pháp lý cần đối chiếu lại (đã bị thay thế, sửa đổi, hết hiệu lực, "
                                     "chưa có trong sổ căn cứ hoặc chưa được kiểm tra); xem từng căn cứ: "
                                     f"qdocgen check-can-cu {folder}")


@dataclass
class DatasetBases:
    """``check-can-cu``'s answer: per unit, the bases that need a look."""

    folder: Path
    register: Path
    units: dict[str, list[Problem]] = field(default_factory=dict)
    counted: int = 0

    def lines(self) -> list[str]:
        """The listing, per unit, then a summary."""
        out: list[str] = []
        groups: dict[tuple[str, ...], list[str]] = {}
        for unit, issues in self.units.items():
            if issues:  # units that inherit the same bases share one listing
                groups.setdefault(tuple(f"can_cu[{(i.index or 0) + 1}] {i.message}" for i in issues), []).append(unit)
        for lines, units in groups.items():
            out.append(f"{units[0]}:" if len(units) == 1 else f"{len(units)} đơn vị ({', '.join(units)}):")
            out += [f"  - {line}" for line in lines]
        flagged = sum(len(v) for v in self.units.values())
        where = sum(1 for v in self.units.values() if v)
        head = f"Xong: {len(self.units)} đơn vị, {self.counted} căn cứ đối chiếu với sổ {reader.display(self.register)}"
        out.append(f"{head}: {flagged} chỗ cần xem ở {where} đơn vị." if flagged
                   else f"{head}: không có căn cứ nào cần xem lại.")
        return out


def check_dataset(folder: Path, register_path: Path | None = None,
                  today: dt.date | None = None) -> DatasetBases:
    """Every unit's bases of a dataset against the register (``today``: for «not checked for over a year»)."""
    register = load_register(register_path)
    today = today or dt.date.today()
    if not folder.is_dir():
        raise DataError([reader.not_a_dataset(folder)])
    problems: list[Problem] = []
    result = DatasetBases(folder, register.path)
    for path in reader.unit_files(folder):
        unit = reader.read_unit(path, (), problems)
        if unit is None:
            continue
        bases = unit_bases(unit.data)
        result.counted += len(bases)
        result.units[unit.id] = unit_issues(unit.data, register, today)
    if problems:
        raise DataError(problems)
    return result
