"""Bounds on the work a template or a data file may ask for: templates and data come from other offices.

Every bound has a default that fits real documents with a wide margin (a decision with its appendix is
about 200 kB of XML, 300 paragraphs, 100 tags, 20 kB of data). ``Limits`` is one options object: the CLI
raises bounds with ``--gioi-han TEN=SO`` (or the ``QDOCGEN_GIOI_HAN`` variable), the web app builds its own.
The bounds in force for this process are ``current()``; ``configure`` replaces them, ``applied`` for a while.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import FrameType

from qdocgen.errors import ExitStatus, QdocgenError, UsageError

ENV_VAR = "QDOCGEN_GIOI_HAN"
MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """The bounds, each named for the user as in ``--gioi-han`` (see ``NAMES``).

    Attributes:
        template_mb: size of a template file on disk (compressed).
        part_mb: one part of a package once inflated (media, XML).
        xml_part_mb: one XML part once inflated (document, styles, headers...).
        package_mb: all parts of a package together once inflated.
        parts: number of parts in a package.
        paragraphs: paragraphs in one XML part.
        tags: Jinja tag starts in one template.
        render_seconds: time to fill one document (enforced in the main thread of a process).
        output_mb: characters one rendered document (or any string built while rendering) may reach, in millions.
        range_items: items one ``range()`` in a template may produce.
        data_file_mb: size of one YAML data file.
        data_lines: lines (and commas) of one YAML data file: round-trip YAML parsing costs about 0.3 ms a line.
        value_chars: characters in one data value.
        data_values: values (keys and list items) in one unit, inheritance included.
        data_depth: levels of nesting (mappings and lists inside one another) of data sent to the web app.
        pattern_chars: length of one regular expression in a declaration.
        image_mb: size of one picture file named in the data (PNG or JPEG).
        image_megapixels: pixels of one such picture, in millions (a small file may inflate to a huge bitmap).
    """

    template_mb: float = 50
    part_mb: float = 64
    xml_part_mb: float = 24
    package_mb: float = 200
    parts: int = 2000
    paragraphs: int = 20_000
    tags: int = 5_000
    render_seconds: float = 5
    output_mb: float = 16
    range_items: int = 10_000
    data_file_mb: float = 4
    data_lines: int = 3000
    value_chars: int = 200_000
    data_values: int = 100_000
    data_depth: int = 40
    pattern_chars: int = 1000
    image_mb: float = 10
    image_megapixels: float = 40

    @property
    def output_chars(self) -> int:
        """``output_mb`` as a number of characters."""
        return int(self.output_mb * MB)


# The names the user writes after --gioi-han, and what each bounds (for messages and help).
NAMES: dict[str, tuple[str, str]] = {
    "kich_thuoc_mau": ("template_mb", "kích thước tệp mẫu (MB)"),
    "kich_thuoc_phan": ("part_mb", "kích thước một phần của gói .docx khi giải nén (MB)"),
    "kich_thuoc_xml": ("xml_part_mb", "kích thước một phần XML khi giải nén (MB)"),
    "kich_thuoc_goi": ("package_mb", "tổng kích thước gói .docx khi giải nén (MB)"),
    "so_phan": ("parts", "số phần trong gói .docx"),
    "so_doan": ("paragraphs", "số đoạn văn trong một phần"),
    "so_the": ("tags", "số thẻ Jinja trong một mẫu"),
    "thoi_gian_dien": ("render_seconds", "thời gian điền một văn bản (giây)"),
    "kich_thuoc_ket_qua": ("output_mb", "độ dài văn bản điền xong (triệu ký tự)"),
    "so_phan_tu_range": ("range_items", "số phần tử một range() trong mẫu"),
    "kich_thuoc_du_lieu": ("data_file_mb", "kích thước một tệp dữ liệu YAML (MB)"),
    "so_dong_du_lieu": ("data_lines", "số dòng (và dấu phẩy) của một tệp dữ liệu YAML"),
    "do_dai_gia_tri": ("value_chars", "số ký tự của một giá trị dữ liệu"),
    "so_gia_tri": ("data_values", "số giá trị (khóa, mục) của một đơn vị"),
    "do_sau_du_lieu": ("data_depth", "số tầng lồng nhau của dữ liệu gửi lên trang web"),
    "do_dai_mau_regex": ("pattern_chars", "độ dài một biểu thức chính quy (pattern) trong mô tả mẫu"),
    "kich_thuoc_anh": ("image_mb", "kích thước một tệp ảnh ghi trong dữ liệu (MB)"),
    "so_diem_anh": ("image_megapixels", "số điểm ảnh của một ảnh ghi trong dữ liệu (triệu điểm)"),
}
_NAME_OF = {field: name for name, (field, _what) in NAMES.items()}
_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Limits)}


class LimitError(QdocgenError, ValueError):
    """A bound was reached; the message says which, where, and how to raise it. Exit 4 (template) by default."""

    exit_code = ExitStatus.TEMPLATE


def hint(field: str) -> str:
    """How to raise the bound ``field``: the option to write."""
    name = _NAME_OF[field]
    value = getattr(current(), field)
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return (f"giới hạn hiện là {shown} ({NAMES[name][1]}); nếu tệp đáng tin và thật sự cần, tăng bằng "
            f"--gioi-han {name}=SỐ_LỚN_HƠN")


def parse(entries: Sequence[str], base: Limits | None = None) -> Limits:
    """``["thoi_gian_dien=20", ...]`` → Limits raising ``base`` (default: the defaults raised by the environment).

    A wrong name or value is a clear error (exit 2).
    """
    values: dict[str, float | int] = {}
    for entry in entries:
        for item in filter(None, (part.strip() for part in entry.split(","))):
            name, _sep, raw = item.partition("=")
            name = name.strip()
            if name not in NAMES:
                raise UsageError(f"--gioi-han: không có giới hạn «{name}»; các tên: {', '.join(NAMES)}.")
            field = NAMES[name][0]
            kind = float if _TYPES[field] == "float" else int
            try:
                value = kind(raw.strip())
            except ValueError:
                raise UsageError(f"--gioi-han {name}: cần một số dương, ví dụ {name}=2"
                                 f"{'0' if kind is int else '.5'}, không phải «{raw.strip()}».") from None
            if not value > 0:
                raise UsageError(f"--gioi-han {name}: cần một số dương, không phải «{raw.strip()}».")
            values[field] = value
    if base is None:
        base = parse([os.environ[ENV_VAR]], Limits()) if os.environ.get(ENV_VAR) else Limits()
    return dataclasses.replace(base, **values)  # type: ignore[arg-type]


_active: Limits | None = None


def current() -> Limits:
    """The bounds in force: those configured, else the defaults raised by ``QDOCGEN_GIOI_HAN``."""
    global _active
    if _active is None:
        _active = parse([])
    return _active


def configure(limits: Limits) -> None:
    """Put ``limits`` in force for this process and the worker processes it forks later."""
    global _active
    _active = limits


@contextlib.contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """``limits`` in force inside the ``with`` block, the earlier ones after it."""
    global _active
    before = _active
    _active = limits
    try:
        yield limits
    finally:
        _active = before


class _Timeout(BaseException):
    """Raised by the timer inside the work it stops; not an Exception, so no ``except Exception`` eats it."""


_DUE: contextvars.ContextVar[tuple[float, str] | None] = contextvars.ContextVar("qdocgen_due", default=None)


def check_time() -> None:
    """Raise ``LimitError`` when the work of this thread has run past its ``deadline`` (worker threads only).

    Called where templates loop and call (``qdocgen.sandbox``): a template's loops and calls stop there.
    """
    due = _DUE.get()
    if due is not None and time.monotonic() > due[0]:
        raise LimitError(due[1])


@contextlib.contextmanager
def deadline(seconds: float, message: str) -> Iterator[None]:
    """Stop the block with ``LimitError(message)`` after ``seconds`` of wall time.

    A timer signal can only be handled in the main thread. Elsewhere (a web server's worker thread) the bound
    is kept by ``check_time``, which the sandbox calls at every loop step and call of a template: work that
    neither loops nor calls in a template (one huge regular expression, say) is the caller's to bound.
    """
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if seconds <= 0:
        yield
        return
    if not usable:
        token = _DUE.set((time.monotonic() + seconds, message))
        try:
            yield
        finally:
            _DUE.reset(token)
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout:
        raise LimitError(message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
