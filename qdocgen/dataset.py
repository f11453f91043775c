"""A dataset read whole for the yearly reporting: every unit merged and filled, with where each value was written.

Unlike a batch (which forgets where values came from once checked), the Excel import needs each objective's
file and line to write an edit back, so the origins are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qdocgen.data import reader
from qdocgen.data.reader import Unit, display
from qdocgen.errors import DataError, Problem

OBJECTIVES_KEY: tuple[str, str] = ("phu_luc", "muc_tieu")


def load_dataset(folder: Path) -> list[Unit]:
    """Every unit of ``folder`` (in ``thu_tu`` order), dates parsed and ``{{ }}`` filled; all problems at once."""
    if not folder.is_dir():
        raise DataError([Problem(display(folder), "", "không phải một thư mục bộ dữ liệu; cần thư mục chứa các "
                                                      "tệp .yaml của từng đơn vị.")])
    problems: list[Problem] = []
    units = []
    for path in reader.unit_files(folder):
        unit = reader.read_unit(path, (), problems)
        if unit is None:
            continue
        reader.parse_dates(unit, problems)
        reader.render_data_templates(unit, problems)
        units.append(unit)
    if not units and not problems:
        problems.append(Problem(display(folder), "", "thư mục không có tệp đơn vị .yaml nào."))
    if problems:
        raise DataError(problems)
    return sorted(units, key=lambda u: (u.order, u.id))


def objectives(unit: Unit) -> list[Mapping[str, Any]]:
    """A unit's quality objectives, in order (a plain text objective becomes ``{noi_dung: text}``)."""
    appendix = unit.data.get("phu_luc")
    items = appendix.get("muc_tieu") if isinstance(appendix, Mapping) else None
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, Mapping) else {"noi_dung": str(item)} for item in items]
