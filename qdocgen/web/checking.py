"""What a clerk typed, checked by the library's data pipeline: the same problems, in the same words, as the CLI.

The form's data is what ``read_unit`` would give for the saved file, so it goes through the same steps as
``qdocgen batch`` takes after reading: text hygiene, dates, the template's schema, the data's own ``{{ }}`` and
the objectives' rules. Dates come back also in the form Nghị định 30 prints them.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen import vnformat
from qdocgen.data import pipeline, reader, values
from qdocgen.errors import Problem
from qdocgen.template.registry import TemplateInfo


@dataclass
class Checked:
    """The outcome of checking a form: problems (errors), warnings, dates as printed, and the unit ready to render."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    unit: reader.Unit | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain data for the browser: each problem with the field (key path) it belongs to."""
        def item(p: Problem) -> dict[str, Any]:
            return {"key": p.key, "message": p.message, "text": str(p)}

        return {"problems": [item(p) for p in self.problems], "warnings": [item(w) for w in self.warnings],
                "dates": self.dates}


def _dates(data: Any, prefix: reader.KeyPath = ()) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in values.walk(data, prefix):
        if isinstance(key[-1], str) and values.is_date_key(key[-1]) and isinstance(value, dt.date):
            out[reader.key_path(key)] = vnformat.format_date(value)
    return out


def check(info: TemplateInfo, path: Path, data: dict[str, Any], shared: bool = False) -> Checked:
    """Check a unit's data (inherited values included) as ``qdocgen batch`` would.

    ``shared``: a ``_`` file, which need not hold every required key by itself.
    """
    unit = reader.Unit(path.stem, path, copy.deepcopy(data))
    unit.data.pop(reader.INHERIT_KEY, None)
    unit.data.pop(reader.ORDER_KEY, None)
    problems: list[Problem] = []
    reader.scrub(unit, problems)
    before = len(problems)
    pipeline.check_unit(unit, info, problems)
    if shared:
        problems[before:] = [p for p in problems[before:] if not p.message.startswith("thiếu khóa")]
    return Checked(problems, list(unit.warnings), _dates(unit.data), None if problems or shared else unit)
