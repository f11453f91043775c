"""The values of a unit after reading: dates parsed, and the Jinja written in values filled from the unit's data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qdocgen import limits, vnformat
from qdocgen.data import hygiene
from qdocgen.data.reader import MAX_TEMPLATE_PASSES, KeyPath, Unit
from qdocgen.errors import Problem


def is_date_key(name: str) -> bool:
    """Keys named ``ngay`` or ``ngay_...`` hold dates."""
    return name == "ngay" or name.startswith("ngay_")


def walk(value: Any, prefix: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Every value under ``value`` with its key path, parents before children (listed first, then given)."""
    found: list[tuple[KeyPath, Any]] = []
    _collect(value, prefix, found)
    return iter(found)


def _collect(value: Any, prefix: KeyPath, found: list[tuple[KeyPath, Any]]) -> None:
    """Append what :func:`walk` gives: plain calls, not nested generators (a batch walks every unit often)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        here = prefix + (k,)
        found.append((here, v))
        if isinstance(v, (dict, list)):
            _collect(v, here, found)


def set_at(data: Any, key: KeyPath, value: Any) -> None:
    """Put ``value`` at ``key`` in ``data``."""
    for part in key[:-1]:
        data = data[part]
    data[key[-1]] = value


def parse_dates(unit: Unit, problems: list[Problem]) -> None:
    """Turn every date value into a ``datetime.date`` (or ``None`` for a draft's empty date)."""
    for key, value in list(walk(unit.data)):
        if isinstance(key[-1], str) and is_date_key(key[-1]) and not isinstance(value, (dict, list)):
            try:
                set_at(unit.data, key, vnformat.parse_date(value))
            except vnformat.FormatError as exc:
                problems.append(unit.problem(key, str(exc)))
                set_at(unit.data, key, None)  # reported once: the schema need not say it is not a date


def has_template(value: str) -> bool:
    """Whether a data string holds Jinja (``{{ nam - 1 }}``) to be filled from the unit's own data."""
    if "{" not in value:  # nearly every value: answered without a call
        return False
    from qdocgen.environment import has_tags

    return has_tags(value)


def template_names(data: Any) -> frozenset[str]:
    """The keys the Jinja written in data values reads (``ten_phuong`` in ``{{ ten_phuong }}``): they are used."""
    from jinja2 import TemplateSyntaxError

    from qdocgen.environment import variables_used

    names: set[str] = set()
    for _key, value in walk(data):
        if isinstance(value, str) and has_template(value):
            try:
                names |= variables_used(value)
            except TemplateSyntaxError:  # reported when the value is rendered
                continue
    return frozenset(names)


def render_data_templates(unit: Unit, problems: list[Problem]) -> None:
    """Fill the Jinja in data strings from the unit's own data, until nothing is left to fill."""
    from jinja2 import TemplateError as JinjaError

    from qdocgen.environment import compile_text

    seconds = limits.current().render_seconds
    for _ in range(MAX_TEMPLATE_PASSES):
        pending = [(k, v) for k, v in walk(unit.data) if isinstance(v, str) and has_template(v)]
        if not pending:
            return
        failed = False
        for key, value in pending:
            try:
                with limits.deadline(seconds, f"tính giá trị quá {seconds:g} giây (vòng lặp quá lớn?); "
                                              f"{limits.hint('render_seconds')}."):
                    result = hygiene.scrub(compile_text(value).render(unit.data))
            except (JinjaError, ValueError, TypeError, ArithmeticError, LookupError, RecursionError,
                    MemoryError) as exc:
                shown = value if len(value) <= 80 else value[:77] + "..."
                problems.append(unit.problem(key, f"thẻ Jinja trong giá trị «{shown}» lỗi: "
                                                  f"{environment_message(exc)}"))
                failed = True
                continue
            set_at(unit.data, key, result.text)
            problems.extend(unit.problem(key, message) for message in result.errors)
            failed = failed or bool(result.errors)
        if failed:
            return
    left = [k for k, v in walk(unit.data) if isinstance(v, str) and has_template(v)]
    for key in left:
        problems.append(unit.problem(key, "giá trị tham chiếu vòng tròn tới chính nó qua các thẻ {{ }}; "
                                          "hãy viết một giá trị cố định."))


def environment_message(exc: Exception) -> str:
    """A Jinja error in Vietnamese."""
    from qdocgen.environment import explain

    return explain(exc)
