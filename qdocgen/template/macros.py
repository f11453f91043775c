"""The author's own filters: Jinja macros written in the template's declaration (``bo_loc``).

docxtpl lets a program pass Python filters; a template from another office must not bring code, so no Python
file is ever loaded from beside a template. Instead the declaration may hold Jinja macros::

    bo_loc: |
      {% macro xung_ho(ten, gioi_tinh) %}{{ 'Ông' if gioi_tinh == 'nam' else 'Bà' }} {{ ten }}{% endmacro %}

Each macro is then a filter (``{{ ten | xung_ho(gioi_tinh) }}``) and a function (``{{ xung_ho(ten, gt) }}``).
Macros run in the same bounded sandbox as the template, see only their arguments, and may use every filter
qdocgen has. Their result is stripped of the spaces and newlines around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from qdocgen.errors import TemplateError

FIELD = "bo_loc"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_SOURCE = 20_000  # characters: a page of macros is plenty


def _stripped(macro: Callable[..., Any]) -> Callable[..., Any]:
    """``macro`` whose result loses the spaces and newlines written around it in the declaration."""
    def call(*args: Any, **kwargs: Any) -> Markup:
        return Markup(str(macro(*args, **kwargs)).strip())
    return call


def _names(env: ImmutableSandboxedEnvironment, module: Any, shown: str) -> list[str]:
    """The macros ``module`` defines; a name clashing with a filter there is already is an error."""
    names = sorted(n for n in dir(module) if not n.startswith("_") and callable(getattr(module, n)))
    if not names:
        raise TemplateError(f"{shown} [{FIELD}]: không có macro nào; viết mỗi bộ lọc là một "
                            "{% macro ten(gia_tri) %}...{% endmacro %}.")
    for name in names:
        if not _NAME.match(name):
            raise TemplateError(f"{shown} [{FIELD}]: tên macro «{name}» chỉ dùng chữ thường không dấu, số và «_».")
        if name in env.filters or name in env.globals:
            raise TemplateError(f"{shown} [{FIELD}]: macro «{name}» trùng tên một bộ lọc hoặc hàm có sẵn; hãy "
                                "đặt tên khác.")
    return names


def add_author_filters(env: ImmutableSandboxedEnvironment, source: str, shown: str) -> list[str]:
    """Compile the declaration's macros in ``env`` and add each as a filter and a function; their names."""
    if not source.strip():
        return []
    if len(source) > MAX_SOURCE:
        raise TemplateError(f"{shown} [{FIELD}]: dài quá {MAX_SOURCE} ký tự; hãy viết gọn các macro.")
    try:
        module = env.from_string(source).module
    except JinjaError as exc:
        line = getattr(exc, "lineno", None)
        where = f", dòng {line} của {FIELD}" if line else ""
        raise TemplateError(f"{shown} [{FIELD}{where}]: các macro không đọc được ({exc}); mỗi bộ lọc viết "
                            "{% macro ten(gia_tri) %}...{% endmacro %}.") from exc
    names = _names(env, module, shown)
    for name in names:
        wrapped = _stripped(getattr(module, name))
        env.filters[name] = wrapped
        env.globals[name] = wrapped
    return names
