"""A unit's errors against its template's schema, each top-level value checked once per distinct value.

The units of a batch inherit most of their data from the same shared files: the same objectives, the same
legal bases, under every ward. Checking a value against its part of the schema always gives the same errors,
so each top-level value is checked once per distinct value (compared by ``repr``, which tells a date from
its text and keeps the order of keys) and its errors are reused. The top level itself (its type, its
required and extra keys) is checked for every unit. The errors are the ones one whole check gives, in the
same order: JSON Schema's ``properties`` checks each value apart from the others in just this way. A schema
whose top level uses any other keyword is checked whole, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jsonschema import ValidationError

# Top-level keywords whose errors do not depend on how the values under ``properties`` fared.
_TOP_LEVEL = frozenset({"type", "properties", "required", "additionalProperties", "$defs", "definitions",
                        "$schema", "$comment", "title", "description", "default", "examples"})
_REMEMBERED = 512  # distinct (schema, key, value) checks kept
_LONGEST = 200_000  # a value whose repr is longer is checked each time
_SEEN: dict[tuple[int, str, str], tuple[dict[str, Any], list[ValidationError]]] = {}
_TOPS: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}


def _top(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every value's own schema made ``true``: only what the top level itself asks."""
    found = _TOPS.get(id(schema))
    if found is None or found[0] is not schema:
        if len(_TOPS) >= 16:
            _TOPS.clear()
        top = {**schema, "properties": {name: True for name in schema["properties"]}}
        found = _TOPS[id(schema)] = (schema, top)
    return found[1]


def _shown(value: Any) -> str | None:
    """What tells this value from another for the check, or ``None``: not to be remembered.

    Only mappings and lists are remembered: a single value costs less to check than to look up.
    """
    if not isinstance(value, (dict, list)):
        return None
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        return None
    return text if len(text) <= _LONGEST else None


def errors(schema: dict[str, Any], data: Any, validator_for: Callable[[dict[str, Any]], Any]) -> list[ValidationError]:
    """Every error of ``data`` against ``schema``, as ``validator_for(schema).iter_errors(data)`` gives them."""
    properties = schema.get("properties")
    if not isinstance(data, dict) or not isinstance(properties, dict) or not set(schema) <= _TOP_LEVEL:
        return list(validator_for(schema).iter_errors(data))
    validator = validator_for(schema)
    top = _top(schema)
    found = list(validator_for(top).iter_errors(data))
    for error in found:
        if error.schema is top:  # what the messages read of it (a missing key's own schema) is the schema's
            error.schema = schema
    for name, sub in properties.items():  # in the schema's order, as ``properties`` goes
        if name not in data:
            continue
        shown = _shown(data[name])
        key = (id(schema), name, shown or "")
        seen = _SEEN.get(key) if shown is not None else None
        if seen is None or seen[0] is not schema:
            seen = (schema, list(validator.descend(data[name], sub, path=name, schema_path=name)))
            for error in seen[1]:
                error.relative_schema_path.appendleft("properties")  # as the whole check words it
            if shown is not None:
                if len(_SEEN) >= _REMEMBERED:
                    _SEEN.clear()
                _SEEN[key] = seen
        found += seen[1]
    return found
