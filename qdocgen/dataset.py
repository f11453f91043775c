"""A dataset read whole for the yearly reporting: every unit merged and filled, with where each value was written.

Unlike a batch (which forgets where values came from once checked), the Excel import needs each objective's
file and line to write an edit back, so the origins are kept.
"""

from __future__ import annotations

from pathlib import Path

from qdocgen.data import reader, values
from qdocgen.data.objectives import Objective, iter_objectives
from qdocgen.data.reader import Unit, display
from qdocgen.errors import DataError, Problem


def load_dataset(folder: Path) -> list[Unit]:
    """Every unit of ``folder`` (in ``thu_tu`` order), dates parsed and ``{{ }}`` filled; all problems at once."""
    if not folder.is_dir():
        raise DataError([reader.not_a_dataset(folder)])
    problems: list[Problem] = []
    units = []
    for path in reader.unit_files(folder):
        unit = reader.read_unit(path, (), problems)
        if unit is None:
            continue
        values.parse_dates(unit, problems)
        values.render_data_templates(unit, problems)
        units.append(unit)
    if not units and not problems:
        problems.append(Problem(display(folder), "", "thư mục không có tệp đơn vị .yaml nào."))
    if problems:
        raise DataError(problems)
    return sorted(units, key=lambda u: (u.order, u.id))


def objectives(unit: Unit) -> list[Objective]:
    """A unit's quality objectives in reading order, wherever they stand (``data.objectives.iter_objectives``)."""
    return list(iter_objectives(unit.data))


def text_key(objective: Objective) -> str:
    """The key holding an objective's printed text: ``noi_dung`` in a table, the item's kind in an article."""
    from qdocgen.data.content import KINDS

    return next((key for key in ("noi_dung", *KINDS) if key in objective.data), "noi_dung")
