"""The Jinja environments: sandboxed (templates pass between offices), strict, and escaping for Word XML."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from qdocgen import limits, vnformat
from qdocgen.sandbox import BoundedSandbox

# The one Jinja-tag detector: an opening ``{{``, ``{%`` or ``{#``.
TAG_OPEN = re.compile(r"\{[{%#]")
_TAG_OPEN_BYTES = re.compile(rb"\{[{%#]")
# A paragraph that holds only a docxtpl block tag (``{%p if x %}``): it is not in the rendered document.
_BLOCK_TAG_PARAGRAPH = re.compile(r"^\s*\{%(?:p|tr|tc)?\s.*%\}\s*$")


def has_tags(text: str | bytes) -> bool:
    """Whether ``text`` (a value, a paragraph, a part's XML) still holds a Jinja tag: a template, not a document."""
    if isinstance(text, bytes):
        return _TAG_OPEN_BYTES.search(text) is not None
    return TAG_OPEN.search(text) is not None


def is_block_tag_paragraph(text: str) -> bool:
    """Whether a paragraph's text is only a docxtpl block tag (``{%p ... %}``, ``{%tr ... %}``, ...)."""
    return _BLOCK_TAG_PARAGRAPH.match(text) is not None


# A value's newline becomes a Word line break and a tab a Word tab, inside the run that holds the tag.
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def _text(value: Any) -> Any:
    """None prints as nothing; a date prints in the official form ("ngày 27 tháng 02 năm 2019")."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return vnformat.format_date(value)
    return value


def _finalize_xml(value: Any) -> Any:
    """Escape every value for XML (a "&" stays "&" in Word) and keep its line breaks and tabs."""
    value = _text(value)
    if isinstance(value, Markup):
        return value
    text = str(escape(str(value)))
    # docxtpl's escapes ({_{ for a literal {{) are undone in the rendered part; a value's own must stay as typed.
    if "{_" in text or "_}" in text:
        text = text.replace("{_", "{&#95;").replace("_}", "&#95;}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Markup(text.replace("\n", _BREAK).replace("\t", _TAB))


def _register(env: BoundedSandbox) -> None:
    env.filters.update(vnformat.FILTERS)
    env.globals.update(vnformat.GLOBALS)
    env.bound_callables()


def xml_environment() -> BoundedSandbox:
    """For .docx parts: escaping always on, missing variables are errors, no reaching into Python."""
    env = BoundedSandbox(
        undefined=StrictUndefined, autoescape=True, finalize=_finalize_xml, keep_trailing_newline=True,
    )
    _register(env)
    return env


def text_environment() -> BoundedSandbox:
    """For Jinja written inside data values: plain text out; the XML environment escapes it when placed."""
    env = BoundedSandbox(undefined=StrictUndefined, autoescape=False, finalize=_text)
    _register(env)
    return env


_UNKNOWN_FILTER = re.compile(r"No filter named '([^']+)'")


def unknown_filter(name: str, known: Iterable[str]) -> str:
    """The message for a filter the template names but the environment lacks: the near names, then all of them.

    Args:
        name: the filter as written in the tag.
        known: every filter the environment has.
    """
    import difflib

    from jinja2.filters import FILTERS as JINJA_FILTERS

    names = sorted(set(known))
    near = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    guess = f" (có phải «{'», «'.join(near)}»?)" if near else ""
    own = [n for n in names if n not in JINJA_FILTERS]
    builtin = [n for n in names if n in JINJA_FILTERS]
    return (f"bộ lọc «{name}» không có{guess}. Bộ lọc của qdocgen: {', '.join(own)}; của Jinja: "
            f"{', '.join(builtin)}. Bộ lọc tự viết bằng Python không được nạp (mẫu đến từ nơi khác); "
            "xem docs/bo-loc.md và docs/tuong-thich-docxtpl.md.")


def explain(exc: Exception, filters: Iterable[str] | None = None) -> str:
    """A Jinja exception, said in Vietnamese with what to do.

    Args:
        exc: the exception Jinja (or a filter, or a limit) raised.
        filters: the filters the template's environment has, named when a tag uses one it lacks.
    """
    unknown = _UNKNOWN_FILTER.match(str(getattr(exc, "message", None) or exc))
    if unknown:
        return unknown_filter(unknown.group(1), _shared_text_environment().filters if filters is None else filters)
    if isinstance(exc, limits.LimitError):
        return exc.message
    if isinstance(exc, RecursionError):
        return ("các macro gọi lồng nhau quá sâu (một macro gọi lại chính nó không dừng); hãy sửa macro để "
                "nó dừng sau vài lần gọi.")
    if isinstance(exc, MemoryError):
        return ("hết bộ nhớ khi điền: mẫu hoặc dữ liệu đòi tạo một văn bản quá lớn; hãy bỏ phép nhân chuỗi, "
                "vòng lặp lớn.")
    if isinstance(exc, SecurityError):
        return ("mẫu làm một việc không được phép (chạm vào phần bên trong của Python); "
                f"hãy bỏ thẻ đó khỏi mẫu. ({exc})")
    if isinstance(exc, UndefinedError):
        return _undefined(str(exc.message or exc))
    if isinstance(exc, TemplateSyntaxError):
        return f"cú pháp Jinja sai: {exc.message}. Kiểm tra dấu ngoặc {{{{ }}}} / {{% %}} và các khối mở/đóng."
    if isinstance(exc, ValueError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


_UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'(?P<owner>[^']+)' (?:object )?has no attribute '(?P<name>[^']+)'$")


def _undefined(english: str) -> str:
    """Jinja's «'x' is undefined» and «'dict object' has no attribute 'y'», said in Vietnamese."""
    found = _UNDEFINED.match(english)
    if found:
        return (f"thiếu giá trị «{found['name']}»: dữ liệu chưa có khóa {found['name']}. Hãy thêm khóa đó vào "
                "dữ liệu, hoặc sửa tên trong thẻ.")
    found = _NO_ATTRIBUTE.match(english)
    if found:
        return (f"thiếu giá trị «{found['name']}»: bảng khóa không có khóa {found['name']}. Hãy thêm khóa đó vào "
                "dữ liệu, hoặc sửa tên trong thẻ.")
    shown = english.replace("'", "«", 1).replace("'", "»", 1)
    return f"thiếu giá trị: {shown}. Hãy thêm khóa đó vào dữ liệu, hoặc sửa tên trong thẻ."


@functools.lru_cache(maxsize=1)
def _shared_text_environment() -> BoundedSandbox:
    return text_environment()


@functools.lru_cache(maxsize=4096)
def compile_text(source: str) -> Template:
    """A data string's Jinja compiled once: the same shared text recurs in every unit of a batch."""
    return _shared_text_environment().from_string(source)


@functools.lru_cache(maxsize=4096)
def variables_used(source: str) -> frozenset[str]:
    """Top-level names a template source reads (for checks and listings)."""
    from jinja2 import meta

    return frozenset(meta.find_undeclared_variables(_shared_text_environment().parse(source)))

