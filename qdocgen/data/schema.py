"""Checking unit data against a template's declared inputs (JSON Schema), all problems in one pass.

The schema is standard JSON Schema (draft 2020-12) with one extra type, ``date``, for values that
``qdocgen.data.reader`` has already read as dates, and one extra keyword, ``x-canh-bao-khi-trong``: the warning
to give when that value is empty.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

import re2  # type: ignore[import-untyped]  # linear time, whatever the pattern: no backtracking blow-up
from jsonschema import Draft202012Validator, SchemaError, ValidationError
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable

from qdocgen import limits
from qdocgen.data import schema_errors
from qdocgen.data.reader import KeyPath, Unit
from qdocgen.errors import Problem, TemplateError

TYPE_NAMES = {
    "string": "một chuỗi chữ", "integer": "một số nguyên", "number": "một số", "boolean": "đúng/sai (true/false)",
    "array": "một danh sách (các dòng bắt đầu bằng «- »)", "object": "một bảng khóa (các dòng «khoa: gia_tri»)",
    "null": "để trống", "date": "một ngày (27/02/2019 hoặc 2019-02-27)",
}
WARN_EMPTY = "x-canh-bao-khi-trong"

_checker = Draft202012Validator.TYPE_CHECKER.redefine(
    "date", lambda _checker, value: isinstance(value, dt.date) and not isinstance(value, dt.datetime))


def _refuse(uri: str) -> Resource:  # type: ignore[type-arg]
    """No ``$ref`` is ever fetched (no network, no file): only the declaration itself is read."""
    raise NoSuchResource(uri)


NO_RETRIEVAL: Registry = Registry(retrieve=_refuse)  # type: ignore[call-arg, type-arg]


def _regex(pattern: str) -> Any:
    """A pattern compiled with RE2 (cached): matching takes linear time, so no value can make it hang."""
    found = _COMPILED.get(pattern)
    if found is None:
        options = re2.Options()
        options.max_mem = 8 << 20
        found = _COMPILED[pattern] = re2.compile(pattern, options)
    return found


_COMPILED: dict[str, Any] = {}


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """The ``pattern`` keyword, matched with RE2 instead of Python's backtracking ``re``."""
    if isinstance(instance, str) and not _regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = extend(Draft202012Validator, validators={"pattern": _pattern}, type_checker=_checker)
_UNSUPPORTED = ("patternProperties", "$dynamicRef", "$recursiveRef")
_VALIDATORS: dict[int, tuple[dict[str, Any], Any]] = {}


def validator_for(schema: dict[str, Any]) -> Any:
    """One validator per template's schema (a batch checks every unit with it; ``$ref`` lookups stay cached).

    Keyed by the schema object, which is kept alongside so that its id cannot be reused by another one.
    """
    found = _VALIDATORS.get(id(schema))
    if found is None or found[0] is not schema:
        if len(_VALIDATORS) >= 16:
            _VALIDATORS.clear()
        found = _VALIDATORS[id(schema)] = (schema, Validator(schema, registry=NO_RETRIEVAL))
    return found[1]


def describe(value: Any) -> str:
    """What the clerk wrote, said in words."""
    if value is None:
        return "ô trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai «{value}»"
    if isinstance(value, dt.date):
        return f"ngày {value:%d/%m/%Y}"
    if isinstance(value, (int, float)):
        return f"số «{value}»"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"chuỗi «{short}»"
    if isinstance(value, list):
        return f"một danh sách {len(value)} mục"
    if isinstance(value, dict):
        return "một bảng khóa"
    return type(value).__name__


def _expected(schema: dict[str, Any]) -> str:
    types = schema.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    desc = schema.get("description")
    # A description that shows the date format already: the format is said once, not twice.
    names = dict(TYPE_NAMES, date="một ngày") if desc and "/" in str(desc) else TYPE_NAMES
    words = " hoặc ".join(names.get(t, t) for t in types if t != "null")
    return f"{words} — {desc}" if desc else words


def colon_hint(value: Any) -> str:
    """For text typed with a «:» that YAML read as a one-key mapping: what happened and what to type instead."""
    if not (isinstance(value, dict) and len(value) == 1):
        return ""
    (name, inner), = value.items()
    if isinstance(inner, (dict, list)):
        return ""
    line = f"{name}: {inner}" if inner is not None else f"{name}:"
    quoted = line.replace('"', '\\"')
    return (f"dòng «{line}» có dấu «:» nên YAML hiểu thành «khóa: giá trị» chứ không phải một dòng chữ. "
            f'Hãy đặt cả dòng trong ngoặc kép: "{quoted}"')


def _type_message(schema: dict[str, Any], value: Any) -> str:
    """A value of the wrong kind; text typed with a «:» gets the quoting hint instead of schema words."""
    types = schema.get("type")
    wants_text = "string" in ([types] if isinstance(types, str) else list(types or []))
    hint = colon_hint(value) if wants_text else ""
    return f"{hint}." if hint else f"cần {_expected(schema)}, nhưng đọc được {describe(value)}."


def _message(error: ValidationError) -> tuple[KeyPath, str]:
    key: KeyPath = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        missing = next((k for k in error.validator_value if isinstance(error.instance, dict)
                        and k not in error.instance and repr(k) in str(error.message)), str(error.message))
        sub = schema.get("properties", {}).get(missing, {})
        return key + (missing,), f"thiếu khóa «{missing}»; cần {_expected(sub) or 'một giá trị'}."
    if error.validator == "type":
        return key, _type_message(schema, error.instance)
    if error.validator in ("minLength", "minItems"):
        return key, f"không được để trống; cần {_expected(schema)}."
    if error.validator in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        bound = (f"từ {low} đến {high}" if low is not None and high is not None
                 else f"ít nhất {low}" if low is not None else f"nhiều nhất {high}")
        return key, f"giá trị {error.instance} không được: cần {bound}; {_expected(schema)}."
    if error.validator == "enum":
        return key, f"cần một trong: {', '.join(map(str, error.validator_value))}; đọc được {describe(error.instance)}."
    if error.validator in ("maxLength", "maxItems"):
        return key, f"dài quá mức cho phép ({error.validator_value}); cần {_expected(schema)}."
    if error.validator in ("exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        return key, f"giá trị {error.instance} không hợp lệ ({error.validator} {error.validator_value}); " \
                    f"cần {_expected(schema)}."
    if error.validator == "pattern":
        wanted = _expected(schema) or f"dạng {error.validator_value}"
        return key, f"{describe(error.instance)} không đúng dạng; cần {wanted}."
    if error.validator == "const":
        return key, f"cần đúng giá trị «{error.validator_value}», đọc được {describe(error.instance)}."
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(schema.get("properties", {}))) \
            if isinstance(error.instance, dict) else []
        return key, f"có khóa mẫu không nhận: {', '.join(f'«{e}»' for e in extra)}; hãy xóa hoặc sửa tên."
    if error.validator in ("anyOf", "oneOf"):
        return key, f"{describe(error.instance)} không khớp dạng nào mẫu nhận; cần {_expected(schema) or 'dạng khác'}."
    wanted = _expected(schema) or "giá trị khác"
    return key, f"{describe(error.instance)} không hợp lệ ({error.validator}); cần {wanted}."


def deref(schema: Any, root: dict[str, Any] | None) -> Any:
    """A local ``{"$ref": "#/$defs/name"}`` replaced by what it names (recursive content models use them)."""
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and root is not None and seen < 20:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            break
        target: Any = root
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            break
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        seen += 1
    return schema


def fill_defaults(data: Any, schema: dict[str, Any], root: dict[str, Any] | None = None) -> None:
    """Put each declared default where the data leaves the key out, at every level."""
    root = schema if root is None else root
    schema = deref(schema, root)
    if isinstance(data, dict):
        for name, sub in (schema.get("properties") or {}).items():
            sub = deref(sub, root)
            if not isinstance(sub, dict):
                continue
            if name not in data and "default" in sub:
                data[name] = _copy(sub["default"])
            if name in data:
                fill_defaults(data[name], sub, root)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for item in data:
            fill_defaults(item, schema["items"], root)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _unknown_keys(data: Any, schema: dict[str, Any], prefix: KeyPath = (),
                  root: dict[str, Any] | None = None) -> Iterator[tuple[KeyPath, str]]:
    """Keys the schema does not know, with a "did you mean" where one is close."""
    root = schema if root is None else root
    schema = deref(schema, root)
    props = schema.get("properties")
    if isinstance(data, dict) and isinstance(props, dict):
        for name, value in data.items():
            if name in props:
                if isinstance(props[name], dict):
                    yield from _unknown_keys(value, props[name], prefix + (name,), root)
                continue
            close = difflib.get_close_matches(name, list(props), n=1, cutoff=0.75)
            hint = f" Có phải «{close[0]}»?" if close else ""
            yield prefix + (name,), f"mẫu không dùng khóa «{name}».{hint}"
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(data):
            yield from _unknown_keys(item, schema["items"], prefix + (i,), root)


def _empty_warnings(data: Any, schema: dict[str, Any], prefix: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if not isinstance(schema, dict):
        return
    if WARN_EMPTY in schema and (data is None or data == ""):
        yield prefix, str(schema[WARN_EMPTY])
    if isinstance(data, dict):
        for name, sub in (schema.get("properties") or {}).items():
            yield from _empty_warnings(data.get(name), sub, prefix + (name,))
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(data):
            yield from _empty_warnings(item, schema["items"], prefix + (i,))


def validate(unit: Unit, schema: dict[str, Any], problems: list[Problem],
             unknown_keys: frozenset[str] = frozenset()) -> None:
    """Check ``unit`` against ``schema``; problems appended, warnings kept on the unit.

    Keys in ``unknown_keys`` are known to be used by the data itself (``{{ ten_phuong }}``) and not warned about.
    """
    if not schema:
        return
    fill_defaults(unit.data, schema)
    try:
        errors = sorted(schema_errors.errors(schema, unit.data, validator_for),
                        key=lambda e: list(map(str, e.absolute_path)))
    except (Unresolvable, RecursionError, re2.error) as exc:
        problems.append(unit.problem((), f"mô tả đầu vào của mẫu không dùng được để kiểm tra ({exc}); hãy chạy "
                                         "qdocgen check-template rồi sửa mô tả mẫu."))
        return
    unknown = [(key, message) for key, message in _unknown_keys(unit.data, schema) if key[-1] not in unknown_keys]
    misspelt: set[KeyPath] = set()
    for error in errors:
        key, message = _message(error)
        typo = _misspelling(key, unknown) if error.validator == "required" else None
        if typo is not None:
            misspelt.add(typo)
            key, message = typo, (f"mẫu cần khóa «{key[-1]}» mà không thấy; khóa «{typo[-1]}» ở dòng này có phải "
                                  f"là «{key[-1]}» gõ sai? Hãy sửa tên khóa thành «{key[-1]}».")
        problems.append(unit.problem(key, message))
    for key, message in unknown:
        if key in misspelt:
            continue
        if unit.where(key).file == "--set":
            problems.append(unit.problem(key, f"--set đặt khóa mà mẫu không dùng nên không có tác dụng: {message}"))
            continue
        unit.warnings.append(unit.problem(key, message))
    for key, message in _empty_warnings(unit.data, schema):
        unit.warnings.append(unit.problem(key, message))


def _misspelling(missing: KeyPath, unknown: list[tuple[KeyPath, str]]) -> KeyPath | None:
    """The unknown key beside a missing required one that is most likely its misspelling, if any."""
    siblings = {key[-1]: key for key, _message in unknown if key[:-1] == missing[:-1] and isinstance(key[-1], str)}
    close = difflib.get_close_matches(str(missing[-1]), list(siblings), n=1, cutoff=0.75)
    return siblings[close[0]] if close else None


def _walk_schema(node: Any, where: str = "dau_vao") -> Iterator[tuple[str, str, Any]]:
    """Every ``(place, keyword, value)`` in a schema, nested ones included."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield where, str(key), value
            yield from _walk_schema(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk_schema(value, f"{where}[{i + 1}]")


def _standard(node: Any) -> Any:
    """The schema with qdocgen's own ``date`` type said as ``string``, for the standard meta-schema check."""
    if isinstance(node, dict):
        return {k: (_standard_type(v) if k == "type" else _standard(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_standard(v) for v in node]
    return node


def _standard_type(value: Any) -> Any:
    if value == "date":
        return "string"
    if isinstance(value, list):
        return ["string" if v == "date" else v for v in value]
    return value


def declaration_problems(schema: dict[str, Any]) -> list[str]:
    """What makes a template's input declaration unusable: not JSON Schema, references outside, bad patterns."""
    try:
        Validator.check_schema(_standard(schema))
    except SchemaError as exc:
        place = ".".join(map(str, exc.absolute_path))
        return [f"[dau_vao{'.' + place if place else ''}] không phải JSON Schema hợp lệ: {exc.message}."]
    except RecursionError:
        return ["[dau_vao] lồng nhau quá sâu; hãy viết mô tả đơn giản hơn."]
    found = []
    for where, keyword, value in _walk_schema(schema):
        if keyword in ("$ref", "$schema", "$id") and isinstance(value, str) and keyword == "$ref" \
                and not value.startswith("#"):
            found.append(f"[{where}] $ref «{value}» trỏ ra ngoài mô tả mẫu; qdocgen không tải gì từ mạng hay "
                         "tệp khác: chỉ dùng tham chiếu trong chính tệp, dạng «#/$defs/ten».")
        elif keyword == "$id":
            found.append(f"[{where}] không dùng $id: tham chiếu chỉ trong chính tệp mô tả, dạng «#/$defs/ten».")
        elif keyword in _UNSUPPORTED:
            found.append(f"[{where}] qdocgen không nhận từ khóa «{keyword}»; hãy liệt kê các khóa trong properties.")
        elif keyword == "pattern" and isinstance(value, str):
            found += _pattern_problems(where, value)
        elif keyword == "x-kieu" and value not in ("van-ban-dinh-dang", "anh"):
            found.append(f"[{where}] x-kieu «{value}» không có; dùng «van-ban-dinh-dang» (chữ đậm, nghiêng, gạch "
                         "chân, xuống dòng trong giá trị) hoặc «anh» (ảnh trong bộ dữ liệu).")
    return found


def _pattern_problems(where: str, pattern: str) -> list[str]:
    if len(pattern) > limits.current().pattern_chars:
        return [f"[{where}] pattern dài {len(pattern)} ký tự, quá giới hạn ({limits.hint('pattern_chars')})."]
    try:
        _regex(pattern)
    except re2.error as exc:
        return [f"[{where}] pattern «{pattern}» không dùng được ({exc}): chỉ dùng cú pháp biểu thức chính quy "
                "thông thường, không có tham chiếu ngược (\\1) hay nhìn trước/sau (?=, ?<=)."]
    return []


def check_declaration(schema: dict[str, Any], shown: str) -> None:
    """Raise ``TemplateError`` listing every problem of a declaration (file ``shown``)."""
    found = declaration_problems(schema)
    if found:
        raise TemplateError("\n".join([f"Mô tả mẫu {shown} không dùng được:"] + [f"  - {shown} {p}" for p in found]))
