"""What every layout rule shares: the finding it reports, and small helpers for reading text and formatting.

Messages say what was found against what is wanted, in Vietnamese.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Literal

from qdocgen.environment import has_tags
from qdocgen.errors import Problem
from qdocgen.oxml.layout import Line, Para, RunProps

Severity = Literal["error", "warning"]


Finding = Problem
"""A departure from the layout rules: ``rule``, ``severity``, ``where`` and ``message`` of the one Problem type."""


_REMEMBERED_CHARS = 2000  # longer texts are not remembered: a hostile document's huge paragraphs stay out


def norm(text: str) -> str:
    """Blanks collapsed to one space, ends stripped."""
    return _norm(text) if len(text) <= _REMEMBERED_CHARS else " ".join(text.split())


def fold(text: str) -> str:
    """``norm`` and case-folded, for comparing words."""
    return _fold(text) if len(text) <= _REMEMBERED_CHARS else " ".join(text.split()).casefold()


# A batch's documents share most of their text with their template: each distinct text is worked out once.
@functools.lru_cache(maxsize=2048)
def _norm(text: str) -> str:
    """:func:`norm`, remembered."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=2048)
def _fold(text: str) -> str:
    """:func:`fold`, remembered."""
    return " ".join(text.split()).casefold()


def cut(text: str, limit: int = 60) -> str:
    """The text on one line, cut to ``limit`` characters with «…»."""
    text = norm(text.replace("\n", " ").replace("\t", " "))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def quoted(line: Line | Para) -> str:
    """Where a finding is: the line or paragraph quoted, cut short."""
    return f"«{cut(line.text)}»"


def pt(value: float) -> str:
    """A size in points written the Vietnamese way (decimal comma)."""
    return f"{value:g}".replace(".", ",")


def sizes_of(props: Sequence[RunProps]) -> list[float]:
    """The distinct font sizes, smallest first."""
    return sorted({p.size for p in props})


def size_text(sizes: Sequence[float]) -> str:
    """Sizes as words: «13, 14 pt»."""
    return ", ".join(pt(s) for s in sizes) + " pt"


FOOTNOTE_MARK = re.compile(r"\s*\(\d{1,2}\)")
"""The decree's samples mark each part with a footnote number: «NGHỊ QUYẾT(5)», «Số: .../NQ-...(3)»."""


def blank(text: str) -> bool:
    """Whether ``text`` is a blank to fill in: dots, ellipses, underscores, footnote marks like «(3)»."""
    stripped = FOOTNOTE_MARK.sub("", text)
    return bool(text.strip()) and not stripped.strip(" .…_") and ("." in text or "…" in text or "_" in text)


def is_upper(text: str) -> bool:
    """Whether the text has letters and all of them are capitals."""
    return any(c.isalpha() for c in text) and text == text.upper()


def letters(line: Line) -> list[RunProps]:
    """Props of the line's letters and digits: a dash or a comma set in another weight is not seen on paper."""
    return [p for c, p in zip(line.text, line.props, strict=False) if c.isalnum()]


def looks(props: Sequence[RunProps], *, size: tuple[float, float] | None = None, bold: bool | None = None,
           italic: bool | None = None, underline: bool | None = None) -> list[str]:
    """What is wrong with the formatting of ``props`` against what is wanted, in words."""
    if not props:
        return []
    wrong: list[str] = []
    if size is not None:
        lo, hi = size
        sizes = sizes_of(props)
        if any(s < lo or s > hi for s in sizes):
            want = f"{pt(lo)} pt" if lo == hi else f"{pt(lo)}–{pt(hi)} pt"
            wrong.append(f"cỡ chữ {size_text(sizes)}, cần {want}")
    for attr, wanted, yes, no in (("bold", bold, "in đậm", "không in đậm"),
                                  ("italic", italic, "chữ nghiêng", "chữ đứng"),
                                  ("underline", underline, "gạch chân", "không gạch chân")):
        if wanted is None:
            continue
        values = [getattr(p, attr) for p in props]
        if wanted and not all(values):
            wrong.append(f"{'một phần ' if any(values) else ''}chưa {yes}, cần {yes}" if attr != "underline"
                         else f"chưa {yes}")
        elif not wanted and any(values):
            have = {"bold": "đang in đậm", "italic": "đang in nghiêng", "underline": "đang gạch chân"}[attr]
            wrong.append(f"{have}{' một phần' if not all(values) else ''}, cần {no}")
    return wrong


def finding(rule: str, where: str, problems: list[str], severity: Severity = "error") -> list[Finding]:
    """One finding saying all ``problems`` at once (none when there is no problem)."""
    if not problems:
        return []
    message = "; ".join(problems)
    return [Finding(where=where, message=message[0].upper() + message[1:] + ".", rule=rule, severity=severity)]


def templated(text: str) -> bool:
    """Text still holding Jinja tags (a template, not a document): its wording is not checked."""
    return has_tags(text)
