"""A form generated from a template's declaration (its JSON schema), and the form's answers turned back into data.

The form is a tree of nodes: objects (a group of fields), lists (repeatable, reorderable rows) and leaves (text,
dates, numbers, choices). What the browser sends back is the same tree with every leaf as text ("text space").
A leaf whose text did not change keeps its original value exactly (a date stays a date, 784 stays a number), so
saving writes only what the clerk changed. Values the declaration does not describe are carried along unchanged.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from qdocgen.data.values import is_date_key
from qdocgen.web.labels import help_of, label_of

SHARED = "x-du-lieu-chung"
LONG_TEXT = 60
MAX_NEW_ROW_DEPTH = 5  # rows inside rows a clerk can add (khoản, điểm, gạch đầu dòng...): enough, and finite
_MISSING: Any = object()
_ROOT: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("schema_root", default=None)
_DEPTH: contextvars.ContextVar[int] = contextvars.ContextVar("new_row_depth", default=0)


@contextmanager
def _rooted(schema: dict[str, Any]) -> Iterator[None]:
    """Resolve ``$ref`` against ``schema`` while building or merging."""
    token = _ROOT.set(schema)
    try:
        yield
    finally:
        _ROOT.reset(token)


def _resolve(schema: Any) -> dict[str, Any]:
    """A schema with its local ``$ref`` (``#/$defs/muc``) replaced by what it points at (siblings win)."""
    sch = schema if isinstance(schema, dict) else {}
    seen = 0
    while isinstance(sch.get("$ref"), str) and sch["$ref"].startswith("#/") and seen < 10:
        target: Any = _ROOT.get() or {}
        for part in sch["$ref"][2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        rest = {k: v for k, v in sch.items() if k != "$ref"}
        sch = {**(target if isinstance(target, dict) else {}), **rest}
        seen += 1
    return sch


@dataclass
class Node:
    """One field of the form: ``kind`` is object, list, text, textarea, date, integer, number, enum or json."""

    kind: str
    key: str | int
    label: str
    help: str = ""
    value: str = ""
    children: list[Node] = field(default_factory=list)
    row: Node | None = None
    options: list[str] = field(default_factory=list)
    required: bool = False
    one_or_many: bool = False
    inherited: str | None = None  # a leaf the unit overrides: the value it would inherit, as text
    from_parent: bool = False  # the whole value is inherited (a list: editing one row writes them all)

    @property
    def is_leaf(self) -> bool:
        """Whether the node holds one text value."""
        return self.kind not in ("object", "list")

    def text(self) -> Any:
        """The node's value in text space, as the browser sends it back."""
        if self.kind == "object":
            return {str(c.key): c.text() for c in self.children}
        if self.kind == "list":
            return [c.text() for c in self.children]
        return self.value


def _types(schema: dict[str, Any]) -> list[str]:
    found = schema.get("type", [])
    return [found] if isinstance(found, str) else list(found)


def leaf_text(value: Any) -> str:
    """A plain value as the clerk sees it in a box: dates as 27/02/2019, nothing as an empty box."""
    if value is None or value is _MISSING:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _is_shared_only(schema: dict[str, Any]) -> bool:
    """A key another template prints (``x-du-lieu-chung``): not part of this form."""
    return SHARED in schema and not _types(schema) and "properties" not in schema


def _leaf_kind(key: str | int, schema: dict[str, Any], value: Any, in_list: bool) -> str:
    types = _types(schema)
    if isinstance(value, (dict, list)):
        return "json"
    if "enum" in schema:
        return "enum"
    if "date" in types or (isinstance(key, str) and is_date_key(key)) or isinstance(value, dt.date):
        return "date"
    if types and set(types) <= {"boolean", "null"}:
        return "boolean"
    if types and set(types) <= {"integer", "null"}:
        return "integer"
    if types and set(types) <= {"number", "integer", "null"}:
        return "number"
    text = leaf_text(value)
    return "textarea" if in_list or len(text) > LONG_TEXT or "\n" in text else "text"


NEW_SHAPE = "x-o-nhap"
"""A union's shape for a new or empty value ("string", "object", "array"): e.g. an article is typed as text."""


def _narrowed(schema: dict[str, Any], value: Any) -> dict[str, Any]:
    """A union declaring ``x-o-nhap`` narrowed to one shape: the value's own, or the declared one when empty."""
    shape = schema.get(NEW_SHAPE)
    if not isinstance(shape, str):
        return schema
    if isinstance(value, dict):
        shape = "object"
    elif isinstance(value, list):
        shape = "array"
    elif isinstance(value, str) and value:
        shape = "string"
    narrowed = {k: v for k, v in schema.items() if k not in (NEW_SHAPE, "anyOf", "oneOf")}
    narrowed["type"] = shape
    if shape != "object":
        narrowed.pop("properties", None)
    if shape != "array":
        narrowed.pop("items", None)
    return narrowed


def build(schema: Any, value: Any, key: str | int = "", label: str = "", required: bool = False,
          in_list: bool = False) -> Node:
    """The form node for ``value`` (``_MISSING`` when absent) described by ``schema``."""
    sch = _narrowed(_resolve(schema), value)
    types = _types(sch)
    label = label or label_of(key, sch)
    help_text = help_of(label, sch)
    if "array" in types and "object" in types and isinstance(sch.get("properties"), dict):
        item = sch.get("items") if isinstance(sch.get("items"), dict) else \
            {"type": "object", "properties": sch["properties"], "required": sch.get("required", [])}
        rows = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        return _list(key, label, help_text, item, rows, required, one_or_many=True)
    if "array" in types or (not types and isinstance(value, list) and "items" in sch):
        rows = value if isinstance(value, list) else []
        return _list(key, label, help_text, sch.get("items") or {}, rows, required)
    if ("object" in types or "properties" in sch) and (
            isinstance(value, dict) or ((value is _MISSING or value is None) and _object_first(types))):
        return _object(key, label, help_text, sch, value if isinstance(value, dict) else {}, required)
    kind = _leaf_kind(key, sch, value, in_list)
    options = ["true", "false"] if kind == "boolean" else [str(o) for o in sch.get("enum", [])]
    return Node(kind, key, label, help_text, leaf_text(value), options=options, required=required)


def _object_first(types: list[str]) -> bool:
    """A new value of ``[object, string]`` is a group of fields; of ``[string, object]``, one text box."""
    if "string" not in types:
        return True
    return "object" in types and types.index("object") < types.index("string")


def _list(key: str | int, label: str, help_text: str, item: Any, rows: list[Any], required: bool,
          one_or_many: bool = False) -> Node:
    item_schema = item if isinstance(item, dict) else {}
    children = [build(item_schema, v, i, f"{i + 1}", in_list=True) for i, v in enumerate(rows)]
    row = None
    depth = _DEPTH.get()
    if depth < MAX_NEW_ROW_DEPTH:
        token = _DEPTH.set(depth + 1)
        try:
            row = build(item_schema, _MISSING, 0, "", in_list=True)
        finally:
            _DEPTH.reset(token)
    return Node("list", key, label, help_text, children=children, row=row, required=required,
                one_or_many=one_or_many)


def _object(key: str | int, label: str, help_text: str, schema: dict[str, Any], value: dict[str, Any],
            required: bool) -> Node:
    props: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
    needed = set(schema.get("required") or [])
    children = []
    for name, sub in props.items():
        sub = sub if isinstance(sub, dict) else {}
        if _is_shared_only(sub) and name not in value:
            continue
        children.append(build(sub, value.get(name, _MISSING), name, required=name in needed))
    extras = []
    for name, extra in value.items():
        if name not in props:
            node = build({}, extra, name)
            node.help = node.help or ("Giá trị riêng của bộ dữ liệu (mẫu không khai báo), dùng trong các thẻ {{ }} "
                                      "của dữ liệu.")
            extras.append(node)
    # At the top of the form the dataset's own values (ten_phuong...) come first: the rest is written from them.
    children = extras + children if key == "" else children + extras
    return Node("object", key, label, help_text, children=children, required=required)


def mark_inheritance(form: Node, own: Any, parent: Node) -> None:
    """Mark the fields whose value comes from the files the unit inherits (``parent``: their form).

    ``own``: the unit file's own keys. A leaf the unit overrides gets the inherited text (the page offers to go
    back to it); a value the unit does not hold at all is marked as inherited.
    """
    if not isinstance(own, dict):
        return
    theirs = {c.key: c for c in parent.children} if parent.kind == "object" else {}
    for child in form.children:
        other = theirs.get(child.key)
        if other is None:
            continue
        if child.key not in own:
            _mark_all(child)
        elif child.kind == "object" and other.kind == "object":
            mark_inheritance(child, own[child.key], other)
        elif child.is_leaf and other.is_leaf and other.value != child.value:
            child.inherited = other.value


def _mark_all(node: Node) -> None:
    """A value the unit does not hold at all: it and every field inside it come from the shared part."""
    node.from_parent = True
    if node.kind == "object":
        for child in node.children:
            _mark_all(child)


def form_for(schema: dict[str, Any], data: dict[str, Any]) -> Node:
    """The whole form of a unit: its data (merged with what it inherits) described by the template's schema."""
    with _rooted(schema):
        return _object("", "", "", schema, data, True)


def merge_form(schema: dict[str, Any], base: dict[str, Any], sent: Any) -> Any:
    """The unit's data the form's text ``sent`` stands for (``base``: the data the form was made from)."""
    with _rooted(schema):
        return merge(schema, base, sent)


def _empty(value: Any) -> bool:
    if value is _MISSING or value is None or value == "":
        return True
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    if isinstance(value, list):
        return not value
    return False


def three_way(current: Any, original: Any, sent: Any) -> Any:
    """The form's text with only what the clerk changed since ``original`` laid over ``current``.

    ``current`` may hold someone else's save meanwhile: their changes stay where the clerk did not touch the
    same box.
    """
    if sent == original:
        return current
    if isinstance(sent, dict) and isinstance(original, dict) and isinstance(current, dict):
        out = dict(current)
        for key, value in sent.items():
            out[key] = three_way(current.get(key, value), original.get(key, value), value) \
                if key in original else value
        return out
    return sent


_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def convert(schema: dict[str, Any], text: str) -> Any:
    """A changed leaf's text as a value of the type its declaration allows (the pipeline checks the rest)."""
    types = _types(schema)
    stripped = text.strip()
    if stripped == "":
        return None if ("null" in types or not types) else ""
    if "integer" in types and _INT.match(stripped):
        return int(stripped)
    if "number" in types and _NUMBER.match(stripped):
        number = float(stripped.replace(",", "."))
        return int(number) if number.is_integer() and "." not in stripped and "," not in stripped else number
    if "boolean" in types and stripped in ("true", "false"):
        return stripped == "true"
    return text


def merge(schema: Any, base: Any, sent: Any) -> Any:
    """The value the form's text ``sent`` stands for, ``base`` being the value it was made from."""
    sch = _resolve(schema)
    base_node = build(sch, base)
    if sent == base_node.text():
        return base
    if base_node.kind == "object" and isinstance(sent, dict):
        return _merge_object(sch, base if isinstance(base, dict) else {}, sent)
    if base_node.kind == "list" and isinstance(sent, list):
        return _merge_list(sch, base, sent, base_node.one_or_many)
    if base_node.kind == "json" and isinstance(sent, str):
        try:
            return json.loads(sent)
        except ValueError:
            return base
    if isinstance(sent, str):
        return convert(sch, sent)
    return base


def _merge_object(schema: dict[str, Any], base: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    schema = _resolve(schema)
    props: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
    needed = set(schema.get("required") or [])
    out = dict(base)
    for name, text in sent.items():
        old = base.get(name, _MISSING)
        new = merge(props.get(name, {}), old, text)
        # A box left empty is no value, but a required one left empty is a draft's empty value (so, ngày).
        if old is _MISSING and _empty(new) and not (name in needed and isinstance(text, str)):
            continue
        out[name] = convert(props.get(name, {}), "") if new is _MISSING else new
    return out


def _merge_list(schema: dict[str, Any], base: Any, sent: list[Any], one_or_many: bool) -> Any:
    types = _types(schema)
    item: dict[str, Any] = schema["items"] if isinstance(schema.get("items"), dict) else \
        {"type": "object", "properties": schema.get("properties", {})} if one_or_many else {}
    rows = base if isinstance(base, list) else [base] if isinstance(base, dict) else []
    texts = [build(item, r, in_list=True).text() for r in rows]
    unused = list(range(len(rows)))
    matches: list[int | None] = []
    for text in sent:
        # A row kept or moved reuses its original value exactly (dates, numbers, anchors' values).
        match = next((j for j in unused if texts[j] == text), None)
        if match is not None:
            unused.remove(match)
        matches.append(match)
    out = []
    for text, match in zip(sent, matches, strict=True):
        if match is not None:
            out.append(rows[match])
            continue
        # An edited row is read against the row it most likely was (the next one left), so its untouched
        # boxes keep their values and an emptied box stays an empty value, as in a file.
        was = rows[unused.pop(0)] if unused else _MISSING
        value = merge(item, was, text)
        out.append(convert(item, "") if value is _MISSING else value)
    if one_or_many and len(out) == 1 and not isinstance(base, list) and "object" in types:
        return out[0]
    return out
