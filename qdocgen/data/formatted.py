r"""Formatted text a clerk can type: ``**đậm**``, ``*nghiêng*``, ``__gạch chân__``, line and paragraph breaks.

Only values the template declares formatted (``x-kieu: van-ban-dinh-dang``) are read this way; every other
value prints as typed, asterisks and all. The syntax never fires on ordinary administrative text: a marker
opens only before a non-space and closes only after one, never inside a word, and ``(*)`` is no marker. A
backslash prints the next ``*``, ``_`` or ``\`` as it is. One newline is a line break, an empty line a new
paragraph. The value becomes a ``FormattedText``: a ``str`` holding the plain text (what filters and tests
see), carrying the segments the template layer turns into Word runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOLD, ITALIC, UNDERLINE = "b", "i", "u"
TEXT, LINE_BREAK, PARAGRAPH = "text", "br", "p"

# Openers follow the start, a space or an opening bracket/quote; closers come before the end, a space or
# punctuation. The text inside starts and ends with a non-space, and a backslash before a marker cancels it.
_SPANS = (
    (BOLD, re.compile(r"(?<![\w*\\])\*\*(?=[^\s*])(.+?)(?<=[^\s\\])\*\*(?![\w*])")),
    (UNDERLINE, re.compile(r"(?<![\w\\])__(?=[^\s_])(.+?)(?<=[^\s\\])__(?!\w)")),
    (ITALIC, re.compile(r"(?<![\w*\\])\*(?=[^\s*)])(.+?)(?<=[^\s(\\*])\*(?![\w*])")),
)
_ESCAPE = re.compile(r"\\([*_\\])")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Segment:
    """A piece of formatted text: text with its emphasis (``"b"``, ``"bi"``...), a line break or a paragraph."""

    kind: str
    text: str = ""
    flags: str = ""


def _first_span(text: str) -> tuple[str, re.Match[str]] | None:
    """The earliest marked span in ``text`` (bold before italic when both start at the same place)."""
    found = [(flag, m) for flag, pattern in _SPANS if (m := pattern.search(text))]
    return min(found, key=lambda fm: fm[1].start()) if found else None


def _spans(text: str, flags: str) -> list[Segment]:
    """The segments of one line: plain text and marked spans, nested spans included."""
    out: list[Segment] = []
    while text:
        found = _first_span(text)
        if found is None:
            out.append(Segment(TEXT, _ESCAPE.sub(r"\1", text), flags))
            break
        flag, match = found
        if match.start():
            out.append(Segment(TEXT, _ESCAPE.sub(r"\1", text[:match.start()]), flags))
        out += _spans(match.group(1), "".join(sorted(set(flags + flag))))
        text = text[match.end():]
    return out


def parse(source: str) -> list[Segment]:
    """The segments of a formatted value, in order."""
    out: list[Segment] = []
    source = source.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    for p, paragraph in enumerate(_PARAGRAPHS.split(source)):
        if p:
            out.append(Segment(PARAGRAPH))
        for n, line in enumerate(paragraph.split("\n")):
            if n:
                out.append(Segment(LINE_BREAK))
            out += _spans(line, "")
    return out


def plain(segments: list[Segment]) -> str:
    """The text of ``segments`` without the emphasis: a line break as a newline, a paragraph as an empty line."""
    marks = {LINE_BREAK: "\n", PARAGRAPH: "\n\n"}
    return "".join(marks.get(s.kind, s.text) for s in segments)


class FormattedText(str):
    """A declared formatted value: the ``str`` is its plain text; ``segments`` say how to print it."""

    segments: tuple[Segment, ...]
    source: str

    def __new__(cls, source: str) -> "FormattedText":
        """Parse ``source`` (the value as typed)."""
        segments = parse(source)
        self = super().__new__(cls, plain(segments))
        self.segments = tuple(segments)
        self.source = source
        return self

    def __reduce__(self) -> tuple[type[FormattedText], tuple[str]]:
        """Pickled as typed (units travel packed to worker processes)."""
        return (FormattedText, (self.source,))

    @property
    def is_plain(self) -> bool:
        """Whether nothing in the value is formatted (no emphasis, no break)."""
        return all(s.kind == TEXT and not s.flags for s in self.segments)
