"""Next year's review list (``qdocgen new-year``), kept by the server so clerks can work through it item by item."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qdocgen.newyear import Finding, NewYearResult
from qdocgen.output import slug, write_atomic

SECTIONS = (("fixed_years", "Giá trị ghi cứng một năm đã qua"),
            ("last_year_refs", "Viện dẫn văn bản của năm trước"),
            ("legal_bases", "Căn cứ pháp lý: kiểm tra còn hiệu lực, chưa bị thay thế"))


def _path(state: Path, dataset: str) -> Path:
    return state / "xem-lai" / f"{slug(dataset.replace('/', '-'), 'bo')}.json"


def save(state: Path, dataset: str, result: NewYearResult) -> None:
    """Keep the review list of a new dataset, every item not yet done."""
    items = []
    for section, _title in SECTIONS:
        found: list[Finding] = getattr(result, section)
        items += [dict(asdict(f), section=section, done=False) for f in found]
    body = {"dataset": dataset, "year": result.year, "old_year": result.old_year, "changes": result.changes,
            "items": items}
    path = _path(state, dataset)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"), force=True)


def load(state: Path, dataset: str) -> dict[str, Any] | None:
    """The review list of a dataset, if it was made by new-year here."""
    try:
        loaded = json.loads(_path(state, dataset).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


def mark(state: Path, dataset: str, index: int, done: bool) -> None:
    """Mark one item done (or not)."""
    body = load(state, dataset)
    if body is None or not 0 <= index < len(body.get("items", [])):
        return
    body["items"][index]["done"] = done
    write_atomic(_path(state, dataset), json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"), force=True)
