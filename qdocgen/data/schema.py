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

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.validators import extend

from qdocgen.data.reader import Path_, Unit
from qdocgen.errors import Problem

TYPE_NAMES = {
    "string": "một chuỗi chữ", "integer": "một số nguyên", "number": "một số", "boolean": "đúng/sai (true/false)",
    "array": "một danh sách (các dòng bắt đầu bằng «- »)", "object": "một bảng khóa (các dòng «khoa: gia_tri»)",
    "null": "để trống", "date": "một ngày (27/02/2019 hoặc 2019-02-27)",
}
WARN_EMPTY = "x-canh-bao-khi-trong"

_checker = Draft202012Validator.TYPE_CHECKER.redefine(
    "date", lambda _checker, value: isinstance(value, dt.date) and not isinstance(value, dt.datetime))
Validator = extend(Draft202012Validator, type_checker=_checker)


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


def _message(error: ValidationError) -> tuple[Path_, str]:
    key: Path_ = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        missing = next((k for k in error.validator_value if isinstance(error.instance, dict)
                        and k not in error.instance and repr(k) in str(error.message)), str(error.message))
        sub = schema.get("properties", {}).get(missing, {})
        return key + (missing,), f"thiếu khóa «{missing}»; cần {_expected(sub) or 'một giá trị'}."
    if error.validator == "type":
        wants_text = "string" in ([schema.get("type")] if isinstance(schema.get("type"), str)
                                  else list(schema.get("type") or []))
        hint = colon_hint(error.instance) if wants_text else ""
        if hint:
            return key, f"{hint}."
        return key, f"cần {_expected(schema)}, nhưng đọc được {describe(error.instance)}."
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


def fill_defaults(data: Any, schema: dict[str, Any]) -> None:
    """Put each declared default where the data leaves the key out, at every level."""
    if isinstance(data, dict):
        for name, sub in (schema.get("properties") or {}).items():
            if not isinstance(sub, dict):
                continue
            if name not in data and "default" in sub:
                data[name] = _copy(sub["default"])
            if name in data:
                fill_defaults(data[name], sub)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for item in data:
            fill_defaults(item, schema["items"])


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _unknown_keys(data: Any, schema: dict[str, Any], prefix: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Keys the schema does not know, with a "did you mean" where one is close."""
    props = schema.get("properties")
    if isinstance(data, dict) and isinstance(props, dict):
        for name, value in data.items():
            if name in props:
                yield from _unknown_keys(value, props[name], prefix + (name,))
                continue
            close = difflib.get_close_matches(name, list(props), n=1, cutoff=0.75)
            hint = f" Có phải «{close[0]}»?" if close else ""
            yield prefix + (name,), f"mẫu không dùng khóa «{name}».{hint}"
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(data):
            yield from _unknown_keys(item, schema["items"], prefix + (i,))


def _empty_warnings(data: Any, schema: dict[str, Any], prefix: Path_ = ()) -> Iterator[tuple[Path_, str]]:
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
    validator = Validator(schema)
    unknown = [(key, message) for key, message in _unknown_keys(unit.data, schema) if key[-1] not in unknown_keys]
    misspelt: set[Path_] = set()
    for error in sorted(validator.iter_errors(unit.data), key=lambda e: list(map(str, e.absolute_path))):
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


def _misspelling(missing: Path_, unknown: list[tuple[Path_, str]]) -> Path_ | None:
    """The unknown key beside a missing required one that is most likely its misspelling, if any."""
    siblings = {key[-1]: key for key, _message in unknown if key[:-1] == missing[:-1] and isinstance(key[-1], str)}
    close = difflib.get_close_matches(str(missing[-1]), list(siblings), n=1, cutoff=0.75)
    return siblings[close[0]] if close else None
