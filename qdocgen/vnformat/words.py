"""Words: weekday names, Roman numerals, Vietnamese capitals, header names wrapped to fit."""

from __future__ import annotations

from babel.dates import get_day_names

from qdocgen.vnformat.common import LOCALE, FormatError, _nfc, _shown
from qdocgen.vnformat.dates import parse_date
from qdocgen.vnformat.numbers import _whole_number

# ---------------------------------------------------------------------------
# weekdays, roman numerals, upper case


def weekday_name(value: object) -> str:
    """Weekday (Babel, "vi"), capitalised as offices write it: "Thứ Tư", "Chủ Nhật".

    Ví dụ: {{ "2019-02-27" | thu }} → "Thứ Tư"
    """
    date = parse_date(value)
    if date is None:
        raise FormatError(
            "Không biết thứ của một ngày còn để trống: cần một ngày, ví dụ 27/02/2019."
        )
    name = str(get_day_names("wide", locale=LOCALE)[date.weekday()])
    return _nfc(" ".join(word[:1].upper() + word[1:].lower() for word in name.split()))


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: object) -> str:
    """Roman numeral, 1 to 3999 (Phần, Chương, Phụ lục): 4 → "IV".

    Ví dụ: {{ 4 | la_ma }} → "IV"
    """
    parsed = _whole_number(number)
    if parsed is None or not 1 <= parsed <= 3999:
        raise FormatError(
            f"Không viết được số La Mã cho {_shown(number)}: cần một số nguyên từ 1 đến 3999."
        )
    out = []
    for amount, letters in _ROMAN:
        count, parsed = divmod(parsed, amount)
        out.append(letters * count)
    return "".join(out)


def upper_vn(text: str) -> str:
    """Upper case for official names, NFC; tone marks stay where the author put them.

    Ví dụ: {{ "Ủy ban nhân dân phường Bình Hưng Hòa" | chu_hoa }} → "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH HƯNG HÒA"
    """
    if not isinstance(text, str):
        raise FormatError(f"Không viết hoa được {_shown(text)}: cần một chuỗi chữ.")
    out = []
    for ch in _nfc(text):
        up = ch.upper()
        out.append(up if len(up) == 1 else ch)  # "ß" → "SS" would change the text's length
    return _nfc("".join(out))


_HEADER_PREFIXES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def _greedy(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _balanced(words: list[str], max_chars: int) -> list[str]:
    """Greedy wrap with the fewest lines, then the narrowest width that keeps that count."""
    target = len(_greedy(words, max_chars))
    longest = max(len(word) for word in words)
    for width in range(longest, max_chars + 1):
        lines = _greedy(words, width)
        if len(lines) <= target:
            return lines
    return _greedy(words, max_chars)  # a word longer than max_chars: it stays whole on its line


# Words that start the locality part of a name ("PHÒNG TƯ PHÁP | HUYỆN CỦ CHI").
_LOCALITY_WORDS = (
    ("THÀNH", "PHỐ"),
    ("THỊ", "XÃ"),
    ("THỊ", "TRẤN"),
    ("ĐẶC", "KHU"),
    ("TỈNH",),
    ("QUẬN",),
    ("HUYỆN",),
    ("PHƯỜNG",),
    ("XÃ",),
)


def _fit(words: list[str], max_chars: int) -> list[str]:
    whole = " ".join(words)
    return [whole] if len(whole) <= max_chars else _balanced(words, max_chars)


def _locality_start(words: list[str]) -> int | None:
    for i in range(1, len(words)):
        if any(tuple(words[i : i + len(loc)]) == loc for loc in _LOCALITY_WORDS):
            return i
    return None


def _wrap_header(line: str, max_chars: int) -> list[str]:
    words = line.split()
    if not words:
        return []
    whole = " ".join(words)
    if len(whole) <= max_chars:
        return [whole]
    for prefix in _HEADER_PREFIXES:
        if whole.startswith(prefix + " ") and len(prefix) <= max_chars:
            return [prefix, *_fit(whole[len(prefix) + 1 :].split(), max_chars)]
    balanced = _balanced(words, max_chars)
    start = _locality_start(words)
    if start is not None:
        split = _fit(words[:start], max_chars) + _fit(words[start:], max_chars)
        if len(split) <= len(balanced):
            return split
    return balanced


def header_name(text: str, max_chars: int = 26) -> str:
    """Issuing body's name for the header: upper case, lines of at most ``max_chars``.

    A long name starting with "ỦY BAN NHÂN DÂN" or "HỘI ĐỒNG NHÂN DÂN" breaks right after
    it; other long names break before the locality (QUẬN, HUYỆN, PHƯỜNG, XÃ, TỈNH, ...)
    when that takes no more lines, else wrap into balanced lines. Line breaks already
    written in the name are kept.

    Ví dụ: {{ "Ủy ban nhân dân quận Bình Tân" | ten_dau_trang }} → "ỦY BAN NHÂN DÂN\\nQUẬN BÌNH TÂN"
    """
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise FormatError(
            f"Độ dài dòng {_shown(max_chars)} không dùng được: cần một số nguyên từ 1 trở lên."
        )
    upper = upper_vn(text)
    lines = [out for line in upper.splitlines() for out in _wrap_header(line, max_chars)]
    if not lines:
        raise FormatError(
            'Tên cơ quan ở đầu trang đang để trống: cần ghi rõ, ví dụ "Ủy ban nhân dân quận Bình Tân".'
        )
    return "\n".join(lines)
