"""Values the template declares rich (``x-kieu``): formatted text and pictures, made ready to print.

``x-kieu: van-ban-dinh-dang`` on a string field: the value is read as formatted text
(``qdocgen.data.formatted``). ``x-kieu: anh`` on a field: the value names a picture in the dataset
(``qdocgen.data.pictures``), read and checked now so that a bad picture stops the unit before anything is
written. Only declared fields change: a clerk's asterisks elsewhere print as typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qdocgen.data import pictures
from qdocgen.data.formatted import FormattedText
from qdocgen.data.reader import KeyPath, Unit
from qdocgen.data.schema import deref
from qdocgen.errors import Problem

KIND = "x-kieu"
FORMATTED = "van-ban-dinh-dang"
PICTURE = "anh"
KINDS = (FORMATTED, PICTURE)


def _declared(data: Any, schema: Any, root: dict[str, Any], prefix: KeyPath = ()
              ) -> Iterator[tuple[Any, Any, KeyPath, str]]:
    """``(container, key, path, kind)`` for every value under a field declared with ``x-kieu``."""
    schema = deref(schema, root)
    if not isinstance(schema, dict):
        return
    if isinstance(data, dict):
        for name, sub in (schema.get("properties") or {}).items():
            sub = deref(sub, root)
            if name not in data or not isinstance(sub, dict):
                continue
            if sub.get(KIND) in KINDS:
                yield data, name, prefix + (name,), str(sub[KIND])
            else:
                yield from _declared(data[name], sub, root, prefix + (name,))
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        items = deref(schema["items"], root)
        for i in range(len(data)):
            if isinstance(items, dict) and items.get(KIND) in KINDS:
                yield data, i, prefix + (i,), str(items[KIND])
            else:
                yield from _declared(data[i], items, root, prefix + (i,))


_DECLARES: list[tuple[dict[str, Any], bool]] = []  # the last schema asked about (a batch asks for every unit)


def _declares_kinds(schema: dict[str, Any]) -> bool:
    """Whether ``schema`` declares any ``x-kieu`` field; the answer for the last schema asked is remembered."""
    if _DECLARES and _DECLARES[0][0] is schema:
        return _DECLARES[0][1]
    found = KIND in repr(schema)
    _DECLARES[:] = [(schema, found)]
    return found


def mark(unit: Unit, schema: dict[str, Any], problems: list[Problem]) -> None:
    """Turn the unit's declared values into ``FormattedText`` and ``Picture``; a bad picture is a problem."""
    if not schema or not _declares_kinds(schema):
        return
    root = unit.path.parent
    for container, key, path, kind in list(_declared(unit.data, schema, schema)):
        value = container[key]
        if value is None or value == "":
            continue
        if kind == FORMATTED:
            if isinstance(value, str):
                container[key] = FormattedText(value)
            continue
        try:
            container[key] = pictures.load(value, root)
        except pictures.PictureError as exc:
            problems.append(unit.problem(path, str(exc)))
        except OSError as exc:
            problems.append(unit.problem(path, f"không đọc được tệp ảnh ({exc.strerror or exc}); kiểm tra quyền "
                                               "đọc tệp."))
