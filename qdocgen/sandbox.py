"""A Jinja sandbox that also bounds work: templates and data come from other offices.

Jinja's sandbox stops a template from reaching into Python, not from asking for 10 GB: ``{{ 'a' * 10**10 }}``,
``{{ trich_yeu * 1000 }}``, ``lipsum(10**6)``. Here every string or list a template builds is counted before
it is built where Python would build it in one step (repetition, concatenation, padding, ``%`` and ``format``
widths, ``range``), and after it is built elsewhere (filters, joins, the rendered output), against
``qdocgen.limits``. Loops that build nothing are bounded in time by the caller (``limits.deadline``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from qdocgen import limits
from qdocgen.limits import LimitError

MAX_INT_BITS = 100_000  # about 30,000 digits: no document number or amount comes near
_PERCENT_WIDTH = re.compile(r"%[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_SPEC = re.compile(r"\{[^{}]*?:([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
_DIGITS = re.compile(r"\d+")
_LIPSUM_MAX = (100, 1000)  # paragraphs, words per paragraph


def number(value: int) -> str:
    """A count written the Vietnamese way: 10.000.000."""
    return f"{value:,}".replace(",", ".")


def _too_long(size: int, what: str, unit: str = "ký tự") -> LimitError:
    return LimitError(f"mẫu đòi tạo {what} dài {number(size)} {unit}, quá giới hạn; hãy bỏ phép đó khỏi thẻ "
                      f"({limits.hint('output_mb')}).")


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def check_size(value: Any, what: str = "một chuỗi") -> Any:
    """``value`` itself when its length is within bounds; raises ``LimitError`` otherwise."""
    size = _length(value)
    cap = limits.current().output_chars
    if size is not None and size > (cap if isinstance(value, str) else cap // 16):
        raise _too_long(size, what) if isinstance(value, str) else _too_long(size, "một danh sách", "phần tử")
    return value


def _check_int(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise LimitError(f"mẫu đòi tính một số quá lớn ({what}); hãy bỏ phép tính đó khỏi thẻ.")


def _check_widths(fmt: str, args: Iterable[Any]) -> None:
    """Widths written in a ``%`` or ``{:}`` format, and ``*`` widths passed as arguments, must fit the bound."""
    cap = limits.current().output_chars
    widths = [int(d) for m in _PERCENT_WIDTH.finditer(fmt) for d in m.groups() if d and d != "*"]
    widths += [int(d) for m in _FORMAT_SPEC.finditer(fmt) for d in _DIGITS.findall(m.group(1))]
    if any(w > cap for w in widths):
        raise _too_long(max(widths), "một chuỗi định dạng (độ rộng trong % hoặc {:})")
    if "*" in fmt or re.search(r"\{[^{}]*:[^{}]*\{", fmt):
        big = [a for a in args if isinstance(a, int) and a > cap]
        if big:
            raise _too_long(big[0], "một chuỗi định dạng (độ rộng truyền vào)")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``*``, ``**``, ``+``, ``%`` whose result would be too big, before Python builds it."""
    cap = limits.current().output_chars
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            size = _length(seq)
            if size is not None and isinstance(count, int) and size * max(count, 0) > cap:
                raise _too_long(size * count, "một chuỗi hoặc danh sách lặp lại (phép «*»)")
        if isinstance(left, int) and isinstance(right, int):
            _check_int(1 << min(left.bit_length() + right.bit_length(), MAX_INT_BITS + 1), "phép «*»")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                and right * abs(left).bit_length() > MAX_INT_BITS:
            raise LimitError("mẫu đòi tính một lũy thừa quá lớn (phép «**»); hãy bỏ phép tính đó khỏi thẻ.")
    elif operator == "+":
        a, b = _length(left), _length(right)
        if a is not None and b is not None and a + b > cap:
            raise _too_long(a + b, "một chuỗi hoặc danh sách nối (phép «+»)")
    elif operator == "%" and isinstance(left, str):
        _check_widths(left, right if isinstance(right, tuple) else (right,))


def _estimate_str_method(name: str, text: str, args: tuple[Any, ...]) -> int:
    """The length a ``str`` method would return, for the methods that can make a string much longer."""
    first = args[0] if args else None
    if name in ("center", "ljust", "rjust", "zfill") and isinstance(first, int):
        return first
    if name == "expandtabs":
        return len(text) * (first if isinstance(first, int) else 8)
    if name == "replace" and len(args) >= 2 and isinstance(first, str) and isinstance(args[1], str):
        hits = len(text) + 1 if first == "" else text.count(first)
        return len(text) + hits * len(args[1])
    if name == "join" and isinstance(first, (list, tuple)):
        return len(text) * len(first)
    return 0


def _estimate_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The length a built-in filter would return, for the filters that can make a string much longer."""
    value = args[0] if args else ""
    text = value if isinstance(value, str) else ""
    rest = args[1:]
    if name == "center":
        width = rest[0] if rest else kwargs.get("width", 80)
        return width if isinstance(width, int) else 0
    if name == "indent":
        width = rest[0] if rest else kwargs.get("width", 4)
        per_line = width if isinstance(width, int) else len(str(width))
        return len(text) + (text.count("\n") + 1) * per_line
    if name == "replace":
        return _estimate_str_method("replace", text, rest) if text else 0
    if name == "batch":
        count = rest[0] if rest else kwargs.get("linecount", 0)
        return count * 16 if isinstance(count, int) else 0
    if name == "format" and isinstance(value, str):
        _check_widths(value, rest)
    return 0


class _Generator(CodeGenerator):
    """Jinja's code generator, with every ``~`` concatenation checked for length and every loop for time."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        """``a ~ b`` compiles to ``environment.bounded(a ~ b)``."""
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        """``{% for x in items %}`` loops over ``environment.timed(items)``, which watches the deadline."""
        timed = nodes.Call(nodes.EnvironmentAttribute("timed"), [node.iter], [], None, None)
        node.iter = timed.set_lineno(node.lineno)
        super().visit_For(node, frame)


def _timed(items: Iterable[Any]) -> Iterator[Any]:
    for i, item in enumerate(items):
        if not i & 0xFF:
            limits.check_time()
        yield item


_SAFE_REMEMBERED = 4096  # (type, attribute) answers kept per environment


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with bounds on what a template can make Python build (see the module)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _Generator

    def __init__(self, **options: Any) -> None:
        """As Jinja's sandbox; ``range`` and ``lipsum`` replaced by bounded ones."""
        super().__init__(**options)
        self._safe_attributes: dict[tuple[type, str], bool] = {}
        self.globals["range"] = bounded_range
        self.globals["lipsum"] = bounded_lipsum

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's answer, remembered per type and attribute name (it depends on nothing else).

        A template reads the same few attributes of the same few types for every unit of a batch.
        """
        if type(attr) is not str:
            return bool(super().is_safe_attribute(obj, attr, value))
        key = (type(obj), attr)
        found = self._safe_attributes.get(key)
        if found is None:
            found = bool(super().is_safe_attribute(obj, attr, value))
            if len(self._safe_attributes) >= _SAFE_REMEMBERED:
                self._safe_attributes.clear()
            self._safe_attributes[key] = found
        return found

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        """Join rendered pieces (a whole part, a ``{% set %}`` block, a macro), counting as they come."""
        cap = limits.current().output_chars
        kept: list[str] = []
        total = 0
        for piece in parts:
            total += len(piece)
            if total > cap:
                raise _too_long(total, "văn bản (kết quả điền)")
            kept.append(piece)
        return "".join(kept)

    def bounded(self, value: Any) -> Any:
        """A ``~`` result, checked."""
        return check_size(value, "một chuỗi nối (phép «~»)")

    def timed(self, items: Any) -> Any:
        """What a ``{% for %}`` loops over, the deadline checked every 256 steps (``limits.check_time``)."""
        limits.check_time()
        if isinstance(items, (range, list, tuple, str)) and len(items) <= 0xFF:
            return items  # short: checked once, and the loop keeps its length
        return _timed(items)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Check the result's size before Python computes it."""
        check_binop(operator, left, right)
        return check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Check the deadline, calls of string methods that pad, repeat or replace; then the size of what came back."""
        limits.check_time()
        target = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(target, "__self__", None)
        if isinstance(owner, str):
            name = getattr(target, "__name__", "")
            if name in ("format", "format_map"):
                _check_widths(owner, args)
            size = _estimate_str_method(name, owner, args)
            if size > limits.current().output_chars:
                raise _too_long(size, f"một chuỗi (hàm .{name})")
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def bound_callables(self) -> None:
        """Wrap every filter (Jinja's and ours) so that what it returns is counted too."""
        for name, function in list(self.filters.items()):
            if not getattr(function, "_qdocgen_bounded", False):
                self.filters[name] = _bounded_filter(name, function)


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0  # context / environment first

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        size = _estimate_filter(name, args[skip:], kwargs)
        if size > limits.current().output_chars:
            raise _too_long(size, f"một chuỗi (bộ lọc {name})")
        return check_size(function(*args, **kwargs), f"một chuỗi (bộ lọc {name})")

    bounded._qdocgen_bounded = True  # type: ignore[attr-defined]
    return bounded


def bounded_range(*args: int) -> range:
    """``range`` as in templates, up to ``range_items`` items."""
    items = range(*args)
    if len(items) > limits.current().range_items:
        raise LimitError(f"mẫu đòi một range() {number(len(items))} phần tử, quá giới hạn; hãy dùng vòng lặp "
                         f"nhỏ hơn ({limits.hint('range_items')}).")
    return items


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002
    """Jinja's ``lipsum`` (placeholder text), up to 100 paragraphs of up to 1000 words."""
    if n > _LIPSUM_MAX[0] or max > _LIPSUM_MAX[1] or min > _LIPSUM_MAX[1]:
        raise LimitError(f"lipsum({n}, ..., {min}, {max}) đòi quá nhiều chữ mẫu; nhiều nhất {_LIPSUM_MAX[0]} "
                         f"đoạn, {_LIPSUM_MAX[1]} từ mỗi đoạn.")
    return str(generate_lorem_ipsum(n, html, min, max))
