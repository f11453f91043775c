"""The page model: each printed page's size and its lines of words, with boxes in points from the top left.

Built by :mod:`qdocgen.printed.reader` from a PDF; read by the page rules. It knows what a page shows as
geometry (which line is the page number in the margin, what stands above a point of the page) and nothing of
Nghị định 30 or of .docx files.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

# A page number as printed: «2», «- 2 -», «Trang 2».
_FOLIO = re.compile(r"^(?:trang\s+)?[-–—]?\s*(\d{1,4})\s*[-–—]?$", re.IGNORECASE)
_MARGIN_BAND = 0.15  # the top or bottom part of the page where a page number may stand
_TOUCH = 1.0  # points: a page number lies wholly above (below) every other line, allowing this much overlap


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the model keeps them (NFC, split at blanks), for matching text to pages."""
    return unicodedata.normalize("NFC", text).split()


@dataclass(frozen=True)
class Word:
    """A word on the page and its box in points (``x0``, ``y0`` top left; ``x1``, ``y1`` bottom right)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    """A line of words as the PDF sets them (a table's cells are lines of their own), with its box."""

    words: tuple[Word, ...]
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def text(self) -> str:
        """The words joined by single spaces."""
        return " ".join(word.text for word in self.words)

    @property
    def middle(self) -> float:
        """The vertical middle of the line."""
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Page:
    """One printed page: its number in the file (from 1), its size in points, its lines top to bottom."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]

    @cached_property
    def folio(self) -> Line | None:
        """The page number printed in the top or bottom margin: a line of digits alone above or below the text."""
        for line in self.lines:
            if not _FOLIO.match(line.text):
                continue
            others = [other for other in self.lines if other is not line]
            if line.middle < self.height * _MARGIN_BAND and all(line.y1 <= o.y0 + _TOUCH for o in others):
                return line
            if line.middle > self.height * (1 - _MARGIN_BAND) and all(line.y0 >= o.y1 - _TOUCH for o in others):
                return line
        return None

    @property
    def folio_value(self) -> int | None:
        """The page number shown on this page, as a number."""
        line = self.folio
        match = _FOLIO.match(line.text) if line is not None else None
        return int(match[1]) if match else None

    @cached_property
    def content(self) -> tuple[Line, ...]:
        """The lines of text, the page number left out."""
        folio = self.folio
        return tuple(line for line in self.lines if line is not folio)

    def above(self, y: float) -> list[Line]:
        """The content lines that end above ``y`` (their bottom at most 1 pt below it)."""
        return [line for line in self.content if line.y1 <= y + _TOUCH]

    def top_band(self, tolerance: float = 3.0) -> list[Word]:
        """The words of the topmost content text: those whose top is within ``tolerance`` of the highest."""
        words = [word for line in self.content for word in line.words]
        if not words:
            return []
        top = min(word.y0 for word in words)
        return [word for word in words if word.y0 <= top + tolerance]

    def bottom_band(self, tolerance: float = 3.0) -> list[Word]:
        """The words of the lowest content text: those whose bottom is within ``tolerance`` of the lowest."""
        words = [word for line in self.content for word in line.words]
        if not words:
            return []
        bottom = max(word.y1 for word in words)
        return [word for word in words if word.y1 >= bottom - tolerance]

    def holds(self, wanted: Counter[str], height: float) -> bool:
        """Whether the words ``wanted`` all stand in one band of the page ``height`` points tall."""
        if not wanted:
            return False
        words = [word for line in self.content for word in line.words]
        starts = sorted({word.y0 for word in words if word.text in wanted})
        for start in starts:
            band = Counter(word.text for word in words if start - 1 <= word.y0 <= start + height)
            if not wanted - band:
                return True
        return False

    def find(self, text: str) -> Line | None:
        """The first content line that begins ``text`` (after blanks are made single), or None."""
        wanted = " ".join(words_of(text))
        for line in self.content:
            shown = line.text
            if shown and wanted.startswith(shown) and (len(shown) >= 8 or shown == wanted):
                return line
        return None


@dataclass(frozen=True)
class PrintedDocument:
    """The pages of a document as printed."""

    pages: tuple[Page, ...]

    def find(self, text: str, start: int = 1) -> tuple[Page, Line] | None:
        """The first page (from page ``start``) and line where ``text`` begins, or None."""
        for page in self.pages[start - 1:]:
            line = page.find(text)
            if line is not None:
                return page, line
        return None
