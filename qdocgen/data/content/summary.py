"""The summary (trích yếu): a long one breaks at a phrase boundary, or where the data says."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

# Advance widths of Times New Roman Bold (thousandths of the size; Liberation Serif has the same metrics). A
# summary line at 14 pt over the 165 mm line holds 33 409; lines measured on the PDF: 32 755 fit, 33 367 not.
_BOLD_WIDTHS = dict(zip("abcdefghijklmnopqrstuvwxyz", (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278,
                                                      833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500,
                                                      500, 444), strict=True))
_BOLD_WIDTHS.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667,
                                                       944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
                                                       722, 667), strict=True))
_BOLD_WIDTHS.update({" ": 250, ":": 333, ",": 250, ".": 250, "-": 333, "/": 278, "(": 333, ")": 333, "đ": 556,
                     "Đ": 722, **{d: 500 for d in "0123456789"}})
_SPACE = _BOLD_WIDTHS[" "]
SUMMARY_WIDTH = 32_800  # under 33 409, above the longest line seen to fit
_BREAK_BEFORE = frozenset({"trong", "theo", "của", "tại", "về", "cho", "đối", "và", "thuộc", "giai", "năm",
                           "phù", "nhằm", "để", "trên"})
_PLACE_WORDS = frozenset({"phường", "xã", "quận", "huyện", "tỉnh", "phố", "trấn", "thị", "khu", "ấp"})


def text_width(text: str) -> int:
    """The width of ``text`` in bold Times New Roman, in thousandths of the font size."""
    widths = _BOLD_WIDTHS
    return sum(widths[ch] if ch in widths else _char_width(ch) for ch in text)


@functools.lru_cache(maxsize=1024)
def _char_width(ch: str) -> int:
    """The width of a character not in the table: its base letter's (``ệ`` as ``e``), else an average one."""
    return _BOLD_WIDTHS.get(unicodedata.normalize("NFD", ch)[:1], 556)


def _boundaries(words: list[str]) -> list[int]:
    """Indexes of words a line may start with: a linking word, a capitalised phrase, after a comma.

    Never inside a place name ("phường / Tân Định"), a name in capitals ("Tiêu chuẩn / TCVN"), nor after a
    linking word ("theo / Tiêu chuẩn").
    """
    found = []
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        starts_phrase = (word[:1].isupper() and not before[:1].isupper()
                         and before.lower() not in _PLACE_WORDS | _BREAK_BEFORE)
        if word.lower() in _BREAK_BEFORE or starts_phrase or before.endswith((",", ";", ":")):
            found.append(i)
    return found


def _best_breaks(words: list[str], allowed: list[int], max_width: int) -> list[int] | None:
    """Break points among ``allowed`` giving lines within ``max_width``, as even as possible; None if none."""
    points = [0, *allowed, len(words)]
    ends = [0]  # ends[i]: the width of words 0 to i - 1, each followed by a space
    for word in words:
        ends.append(ends[-1] + text_width(word) + _SPACE)

    def span(a: int, b: int) -> int:
        """Width of the line holding words ``a`` to ``b - 1`` (the same as measuring them joined by spaces)."""
        return ends[b] - ends[a] - _SPACE

    best: dict[int, tuple[int, int, list[int]]] = {0: (0, 0, [])}  # point → (lines, cost, breaks)
    for b in points[1:]:
        options = []
        for a in points:
            if a >= b or a not in best or span(a, b) > max_width:
                continue
            lines, cost, breaks = best[a]
            slack = (max_width - span(a, b)) // 100
            options.append((lines + 1, cost + slack ** 2, breaks + ([a] if a else [])))
        if options:
            best[b] = min(options, key=lambda o: (o[0], o[1]))
    found = best.get(len(words))
    return None if found is None else found[2]


def break_summary(text: Any, max_width: int = SUMMARY_WIDTH) -> str:
    """Filter ``ngat_dong``: a long summary in lines broken at phrase boundaries, never inside a word pair.

    A line break written in the data (``trich_yeu: |-`` with the lines as wanted) is kept as it is.
    Ví dụ: {{ "Về việc ban hành Mục tiêu chất lượng trong phạm vi áp dụng Hệ thống quản lý chất lượng" | ngat_dong }}
    """
    value = "" if text is None else str(text)
    if "\n" in value or text_width(value) <= max_width:
        return value
    words = value.split()
    breaks = (_best_breaks(words, _boundaries(words), max_width)
              or _best_breaks(words, list(range(1, len(words))), max_width) or [])
    bounds = [0, *breaks, len(words)]
    return "\n".join(" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
