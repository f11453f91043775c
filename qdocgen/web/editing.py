"""Saving a unit's form into its YAML file in place: only what changed, comments, key order and inheritance kept.

A unit file holds only what differs from the files it inherits (``ke_thua``). Saving walks the old and the new
data side by side and writes a key only where its value changed: a mapping is entered key by key (so a changed
``nguoi_ky.ho_ten`` writes that one key, never the parent's ``chuc_vu``), a list is replaced whole (as the reader
merges it) unless the file itself holds a list of the same length, which is then edited item by item.
A value changed to what the unit inherits is not written, and an override set back to the inherited value is
removed from the file. Changing one item of an inherited list writes the whole list into the unit (inheritance
replaces lists): the plan says so in a note shown with the diff.
The file's hash is the edit token: a save made from an older version is refused as a conflict.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from qdocgen.data import reader, roundtrip
from qdocgen.errors import ExitStatus, Problem, QdocgenError
from qdocgen.output import write_atomic

_MISSING: Any = object()


class ConflictError(QdocgenError):
    """The file changed since the form was opened: someone else saved it."""

    exit_code = ExitStatus.OUTPUT

    def __init__(self, current: bytes) -> None:
        super().__init__("Tệp đã được người khác sửa sau khi bạn mở biểu mẫu; xem hai bản bên dưới rồi chọn.")
        self.current = current


def text_of(raw: bytes) -> str:
    """A YAML file's bytes as text (BOM and CRLF removed), as shown to the clerk."""
    return roundtrip.text_of(raw)


def token_of(raw: bytes) -> str:
    """The edit token of a file's bytes."""
    return hashlib.sha256(raw).hexdigest()[:20]


def _yaml_value(value: Any) -> Any:
    """A plain value as ruamel round-trip nodes."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _yaml_value(v)
        return out
    if isinstance(value, list):
        return CommentedSeq([_yaml_value(v) for v in value])
    return value


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _apply_list(node: CommentedSeq, old: list[Any], new: list[Any]) -> None:
    """Rows kept, moved, added or removed.

    Kept rows keep their own nodes (quotes, folding), edited rows are edited in place, so a reorder shows in
    the diff as moved lines, not as rewritten ones.
    """
    unused = list(range(len(old)))
    chosen: list[int | None] = []
    for after in new:
        match = next((j for j in unused if _same(old[j], after)), None)
        if match is not None:
            unused.remove(match)
        chosen.append(match)
    nodes = []
    for after, match in zip(new, chosen, strict=True):
        if match is None and unused:
            match = unused.pop(0)  # an edited row takes the place of a row that is gone
            if isinstance(old[match], dict) and isinstance(after, dict) and isinstance(node[match], CommentedMap):
                apply(node[match], old[match], after)
                nodes.append(node[match])
                continue
            match = None
        nodes.append(node[match] if match is not None else _yaml_value(after))
    if len(nodes) == len(node):
        for i, item in enumerate(nodes):
            if item is not node[i]:
                node[i] = item
    else:
        del node[:]
        node.extend(nodes)


def apply(node: CommentedMap, old: dict[str, Any], new: dict[str, Any], base: dict[str, Any] | None = None,
          notes: list[str] | None = None, prefix: str = "") -> None:
    """Write into the file's mapping ``node`` each key whose value differs between ``old`` and ``new``.

    ``base``: what the file inherits at this level (its parents merged). A value changed to the inherited one is
    not written, and the file's own override is removed. ``notes`` gets a line for every inherited list that is
    written whole.
    """
    base = base if base is not None else {}
    for key, value in new.items():
        before = old.get(key, _MISSING)
        if _same(before, value):
            continue
        inherited = base.get(key, _MISSING)
        here = node.get(key, _MISSING) if key in node else _MISSING
        if isinstance(value, dict) and isinstance(before, dict) and _apply_map(node, key, here, before, value,
                                                                                 inherited, notes, prefix):
            continue  # entered key by key: keys the clerk did not touch stay as they are
        if inherited is not _MISSING and _same(inherited, value):
            node.pop(key, None)  # back to the inherited value: the override goes, the parent's value shows
            continue
        if (isinstance(value, list) and isinstance(before, list) and isinstance(here, CommentedSeq)
                and len(here) == len(before)):
            _apply_list(here, before, value)
            continue
        if isinstance(inherited, list) and here is _MISSING and notes is not None:
            name = f"{prefix}{key}"
            notes.append(f"«{name}» là danh sách kế thừa từ tệp dùng chung: sửa một mục thì cả danh sách "
                         f"({len(value)} mục) được ghi vào tệp đơn vị, vì kế thừa thay cả danh sách chứ không "
                         "ghép từng mục; từ nay sửa danh sách chung không còn đổi «" + name + "» của đơn vị này.")
        node[key] = _yaml_value(value)


def _apply_map(node: CommentedMap, key: str, here: Any, before: dict[str, Any], value: dict[str, Any],
               inherited: Any, notes: list[str] | None, prefix: str) -> bool:
    """A changed mapping entered key by key (``False``: the file holds something else there, written whole)."""
    created = here is _MISSING
    if created:
        # Inherited mapping: the unit gets only the changed keys; the reader merges key by key.
        node[key] = CommentedMap()
        here = node[key]
    if not isinstance(here, CommentedMap):
        return False
    apply(here, before, value, inherited if isinstance(inherited, dict) else {}, notes, f"{prefix}{key}.")
    if not len(here) and (created or isinstance(inherited, dict)):
        del node[key]  # nothing of its own left: the whole mapping is inherited again
    return True


@dataclass
class Edit:
    """A planned save: the file's bytes before and after."""

    path: Path
    before: bytes
    after: bytes
    notes: list[str] = field(default_factory=list)

    @property
    def token(self) -> str:
        """The token of the version this edit was made from."""
        return token_of(self.before)

    @property
    def changed(self) -> bool:
        """Whether saving would change the file."""
        return self.before != self.after

    def diff(self) -> str:
        """The change as a unified diff of the file's lines."""
        lines = difflib.unified_diff(text_of(self.before).splitlines(), text_of(self.after).splitlines(),
                                     f"{self.path.name} (đang lưu)", f"{self.path.name} (sau khi lưu)", lineterm="")
        return "\n".join(lines)


def plan(path: Path, old: dict[str, Any], new: dict[str, Any], before: bytes | None = None) -> Edit:
    """The file's new bytes when the unit's data goes from ``old`` (as read, inherited values included) to ``new``."""
    raw = path.read_bytes() if before is None else before
    text = roundtrip.text_of(raw)
    doc = roundtrip.yaml_editor(roundtrip.INDENTS[0]).load(text) if text.strip() else None
    prefix = ""
    if doc is None:  # an empty file, or only comments (a new unit): the comments stay on top
        prefix = text if text.endswith("\n") or not text else text + "\n"
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise QdocgenError(f"{path.name}: tệp không phải một bảng khóa nên không lưu được vào đó; sửa tệp trước.")
    notes: list[str] = []
    apply(doc, old, new, inherited(path, doc), notes)
    indent = roundtrip.best_indent(text) if text.strip() else roundtrip.INDENTS[0]
    after = roundtrip.encode(prefix + roundtrip.dump(doc, indent), raw) if len(doc) else raw
    changed = roundtrip.text_of(after) != text
    return Edit(path, raw, after if changed else raw, notes if changed else [])


def layers(path: Path, raw: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """A unit file's own keys and what it inherits, each as read (empty when the file cannot be read as a map)."""
    text = roundtrip.text_of(raw)
    try:
        doc = roundtrip.yaml_editor(roundtrip.INDENTS[0]).load(text) if text.strip() else None
    except Exception:  # noqa: BLE001 - a file the reader refuses is reported by the reader, not here
        return {}, {}
    if not isinstance(doc, CommentedMap):
        return {}, {}
    return dict(doc), inherited(path, doc)


def names_to_fill(parent: Path, schema: dict[str, Any]) -> list[str]:
    """The keys a new unit inheriting ``parent`` must give: read by the shared data's ``{{ }}``, defined nowhere.

    ``ten_phuong`` in ``co_quan: Ủy ban nhân dân phường {{ ten_phuong }}``: the form has no field for it (the
    template does not declare it), so the new file starts with it, empty, and the form shows it.
    """
    from qdocgen.data.values import template_names

    folder = parent.parent.resolve()
    problems: list[Problem] = []
    chain = reader._read_chain(parent.resolve(), problems, (), folder)  # noqa: SLF001 - the reader's own merge
    if chain is None:
        return []
    data = chain[0]
    found = schema.get("properties")
    declared: dict[str, Any] = found if isinstance(found, dict) else {}
    return sorted(n for n in template_names(data) if n not in data and n not in declared and n.isidentifier())


def inherited(path: Path, doc: CommentedMap) -> dict[str, Any]:
    """What the file inherits: its ``ke_thua`` chain merged, as the reader merges it (empty when none or unreadable)."""
    parent = doc.get(reader.INHERIT_KEY)
    if not isinstance(parent, str) or not parent.strip():
        return {}
    folder = path.parent.resolve()
    target = (folder / parent.strip()).resolve()
    if not target.is_file() or not target.is_relative_to(folder):
        return {}
    problems: list[Problem] = []
    chain = reader._read_chain(target, problems, (path.resolve(),), folder)  # noqa: SLF001 - the reader's own merge
    if chain is None or problems:
        return {}
    data = chain[0]
    data.pop(reader.ORDER_KEY, None)
    return data


_LOCK = threading.Lock()


def commit(edit: Edit, token: str) -> None:
    """Write the edit if the file is still the version the form was made from; else ``ConflictError``."""
    with _LOCK:
        current = edit.path.read_bytes()
        if token_of(current) != token:
            raise ConflictError(current)
        if edit.changed:
            write_atomic(edit.path, edit.after, force=True)


def audit(log: Path, user: str, action: str, file: str, before: bytes | None, after: bytes | None) -> None:
    """Append who did what to which file, and when, to the audit log (one JSON object a line)."""
    entry = {"thoi_gian": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "nguoi": user,
             "viec": action, "tep": file,
             "truoc": token_of(before) if before is not None else None,
             "sau": token_of(after) if after is not None else None}
    log.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    with _LOCK:
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)


def read_audit(log: Path, limit: int = 200) -> list[dict[str, Any]]:
    """The last ``limit`` entries of the audit log, newest first."""
    try:
        lines = log.read_text(encoding="utf-8").splitlines()[-limit:]
    except OSError:
        return []
    out = []
    for line in reversed(lines):
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out


def last_change(log: Path, file: str) -> dict[str, Any] | None:
    """The newest audit entry for ``file``."""
    return next((e for e in read_audit(log, 2000) if e.get("tep") == file), None)


