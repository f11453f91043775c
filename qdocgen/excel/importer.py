"""Writing objectives edited in Excel back into the dataset's YAML, comments, order and anchors kept.

Only what changed is written, in the file that holds it. An objective list shared by several units (the
wards' ``_phuong.yaml``) is changed there when every unit sharing it was edited the same way; otherwise each
unit edited gets its own copy of the list in its own file, so the others keep what they had.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from qdocgen.data import judgement
from qdocgen.data.objectives import Objective
from qdocgen.data.reader import Unit, display, key_path
from qdocgen.dataset import load_dataset, objectives, text_key
from qdocgen.errors import DataError
from qdocgen.excel import layout
from qdocgen.excel.cells import target_of, text
from qdocgen.excel.read import Line, Workbook, read_workbook
from qdocgen.output import write_atomic

Step = tuple[str | int, ...]
Edit = tuple[Step, Step, Any]  # the objective's key in the data, path inside the objective, new value


@dataclass
class ImportResult:
    """What an import changed: files written, and one line per change for people."""

    files: list[Path] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def _label(target: judgement.Target) -> str:
    """How the Excel column shows a target's comparator."""
    return judgement.RANGE_WORD if target.relation == "range" else judgement.WORDS.get(target.word, target.word)


def _target_edits(old: Mapping[str, Any], new: Mapping[str, Any], prefix: Step) -> list[tuple[Step, Any]]:
    """The keys of one ``chi_tieu`` mapping to set so that it says ``new``."""
    was, now = judgement.parse_target(old), judgement.parse_target(new)
    if (was.relation == "range") != (now.relation == "range"):
        return [(prefix, dict(new))]
    edits: list[tuple[Step, Any]] = []
    if _label(was) != _label(now):
        edits.append((prefix + ("so_sanh",), new["so_sanh"]))
    low = "tu" if now.relation == "range" and "tu" in old else "gia_tri"
    if was.value != now.value:
        edits.append((prefix + (low,), new["tu" if now.relation == "range" else "gia_tri"]))
    if was.upper != now.upper:
        edits.append((prefix + ("den",), new["den"]))
    if not judgement.same_unit(was.unit, now.unit) or was.unit != now.unit:
        edits.append((prefix + ("don_vi",), new["don_vi"]))
    if (was.baseline or None) != (now.baseline or None):
        edits.append((prefix + ("so_voi",), new.get("so_voi") or None))
    return edits


def _objective_edits(book: Workbook, unit: Unit, index: int, objective: Objective,
                     lines: Sequence[Line]) -> list[Edit]:
    """The edits one objective's rows make (text on the first row, one target per row)."""
    edits: list[Edit] = []
    place = objective.key
    written = text(lines[0], "noi_dung")
    if written is not None and written != " ".join(objective.text.split()):
        edits.append((place, (text_key(objective),), written))
    for line in lines[1:]:
        if text(line, "noi_dung") is not None:
            book.problem(f"{layout.where(line.sheet, line.row, 'noi_dung')}: nội dung mục tiêu chỉ ghi ở dòng đầu "
                         f"của mục tiêu (STT {index + 1} hoặc {index + 1}.1); hãy xóa ô này.", unit.id)
    raw = objective.data.get("chi_tieu")
    olds = judgement.targets_of(raw)
    many = isinstance(raw, list)
    for line in lines:
        position = line.target or 0
        new = target_of(book, line, unit.id)
        if position >= max(len(olds), 1) or (line.target is not None and not many):
            book.problem(f"{layout.where(line.sheet, line.row, 'stt')}: mục tiêu {index + 1} không có chỉ tiêu này; "
                         "thêm chỉ tiêu mới chưa làm được bằng Excel, hãy báo người quản lý bộ dữ liệu.", unit.id)
            continue
        if new is None:
            if olds and line.cells.get("so_sanh") is None and line.cells.get("gia_tri") is None:
                book.problem(f"{layout.where(line.sheet, line.row, 'so_sanh')}: chỉ tiêu đã bị xóa; hãy ghi lại "
                             "chỉ tiêu (mục tiêu phải đo được).", unit.id)
            continue
        if not olds:
            edits.append((place, ("chi_tieu",), new))
            continue
        prefix: Step = ("chi_tieu", position) if many else ("chi_tieu",)
        edits += [(place, step, value) for step, value in _target_edits(olds[position], new, prefix)]
    return edits


def unit_edits(book: Workbook, unit: Unit) -> list[Edit]:
    """The edits a unit's sheet makes to its objectives (problems recorded in ``book``)."""
    sheet = book.sheets.get(unit.id)
    if sheet is None:
        return []
    current = objectives(unit)
    grouped: dict[int, list[Line]] = {}
    for line in sheet.lines:
        if line.objective >= len(current):
            book.problem(f"{layout.where(line.sheet, line.row, 'stt')}: đơn vị chỉ có {len(current)} mục tiêu, "
                         f"không có mục tiêu {line.objective + 1}; thêm mục tiêu mới chưa làm được bằng Excel.",
                         unit.id)
            continue
        grouped.setdefault(line.objective, []).append(line)
    edits = []
    for index, lines in sorted(grouped.items()):
        lines.sort(key=lambda x: x.target or 0)
        edits += _objective_edits(book, unit, index, current[index], lines)
    return edits


class _Files:
    """The dataset's YAML files, parsed round-trip on first use, written back at the end when changed."""

    def __init__(self, folder: Path) -> None:
        """Index the dataset's YAML files by the name problems show them under."""
        self.by_shown = {display(p): p for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml")}
        self.docs: dict[Path, Any] = {}
        self.changed: set[Path] = set()

    def doc(self, path: Path) -> Any:
        from qdocgen.data.roundtrip import text_of, yaml_editor

        if path not in self.docs:
            self.docs[path] = yaml_editor((2, 2, 0)).load(text_of(path.read_bytes()))
        return self.docs[path]

    def save(self) -> list[Path]:
        from qdocgen.data.roundtrip import best_indent, dump, encode, text_of

        for path in sorted(self.changed):
            raw = path.read_bytes()
            text = dump(self.docs[path], best_indent(text_of(raw)))
            write_atomic(path, encode(text, raw), force=True)
        return sorted(self.changed)


def _container(key: Step) -> Step:
    """The path of the list an objective stands in, from the top: a unit inherits or overrides it whole."""
    first = next((i for i, part in enumerate(key) if isinstance(part, int)), len(key))
    return key[:first]


def _node(doc: Any, path: Step) -> Any:
    """The value at ``path`` in a data tree, or None when it is not there."""
    for part in path:
        if isinstance(doc, Mapping) and part in doc:
            doc = doc[part]
        elif isinstance(doc, list) and isinstance(part, int) and part < len(doc):
            doc = doc[part]
        else:
            return None
    return doc


def _scalar(value: Any) -> Any:
    """A string with symbols (">=", "%") double-quoted, as the datasets write them."""
    if isinstance(value, str) and not value.replace(" ", "").isalnum():
        return DoubleQuotedScalarString(value)
    return value


def _set(doc: Any, key: Step, step: Step, value: Any) -> None:
    """Set ``step`` inside the objective at ``key`` (None removes the key; a dict becomes a flow mapping)."""
    parent, index = _node(doc, key[:-1]), key[-1]
    node = parent[index]
    if not isinstance(node, CommentedMap):
        if step[0] != "chi_tieu":
            parent[index] = value
            return
        node = parent[index] = CommentedMap(noi_dung=node)
    for part in step[:-1]:
        node = node[part]
    last = step[-1]
    if value is None and isinstance(node, MutableMapping):
        node.pop(last, None)
    elif isinstance(value, dict):
        fresh = CommentedMap({k: _scalar(v) for k, v in value.items()})
        fresh.fa.set_flow_style()
        node[last] = fresh
    else:
        node[last] = _scalar(value)


def _own_copy(files: _Files, unit: Unit, holder: Path, container: Step) -> None:
    """Copy the list at ``container`` from the file that holds it into the unit's own file."""
    doc = files.doc(unit.path)
    target = doc
    for part in container[:-1]:
        if not isinstance(target.get(part), CommentedMap):
            target[part] = CommentedMap()
        target = target[part]
    target[container[-1]] = copy.deepcopy(_node(files.doc(holder), container))


def _holder(files: _Files, unit: Unit, container: Step) -> Path:
    """The file that holds the list at ``container`` for ``unit``."""
    return files.by_shown.get(unit.where(container).file, unit.path)


def _write_group(files: _Files, path: Path, container: Step, sharing: Sequence[Unit],
                 edits: Mapping[str, list[Edit]]) -> None:
    """One list shared by ``sharing``: edits all made alike go into ``path``, the others into own copies."""
    mine = {u.id: [e for e in edits.get(u.id, []) if _container(e[0]) == container] for u in sharing}
    common = [e for e in mine[sharing[0].id] if all(e in mine[u.id] for u in sharing)]
    for key, step, value in common:
        _set(files.doc(path), key, step, value)
    if common:
        files.changed.add(path)
    for unit in sharing:
        own = [e for e in mine[unit.id] if e not in common]
        if not own:
            continue
        if unit.path != path:
            _own_copy(files, unit, path, container)
        for key, step, value in own:
            _set(files.doc(unit.path), key, step, value)
        files.changed.add(unit.path)


def _apply(files: _Files, units: Sequence[Unit], edits: Mapping[str, list[Edit]]) -> None:
    """Write every unit's edits: alike in all units sharing a file → that file; the rest → the unit's own file."""
    groups: dict[tuple[Path, Step], list[Unit]] = {}
    for unit in units:
        for container in {_container(key) for key, _step, _value in edits.get(unit.id, [])}:
            groups.setdefault((_holder(files, unit, container), container), [])
    for unit in units:
        for (path, container), sharing in groups.items():
            if _holder(files, unit, container) == path and _node(unit.data, container) is not None:
                sharing.append(unit)
    for (path, container), sharing in groups.items():
        _write_group(files, path, container, sharing, edits)


def _describe(unit: Unit, edit: Edit) -> str:
    """One change as people read it: «quan-binh-tan: phu_luc.muc_tieu[2].chi_tieu.so_sanh = <=»."""
    key, step, value = edit
    shown = value if not isinstance(value, dict) else ", ".join(f"{k}: {v}" for k, v in value.items())
    return f"{unit.id}: {key_path(key + step)} = {shown}"


def import_workbook(workbook: Path, folder: Path) -> ImportResult:
    """Write the objectives edited in ``workbook`` into the dataset ``folder``; every problem before any write."""
    units = load_dataset(folder)
    book = read_workbook(workbook, units)
    edits = {unit.id: unit_edits(book, unit) for unit in units}
    if book.problems:
        raise DataError(book.problems)
    files = _Files(folder)
    _apply(files, units, edits)
    result = ImportResult(files.save())
    result.changes = [_describe(u, e) for u in units for e in edits[u.id]]
    load_dataset(folder)  # what was written reads back
    return result
