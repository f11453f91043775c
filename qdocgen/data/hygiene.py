"""Text hygiene for data pasted from old Word files and PDFs: NFC, characters Word cannot hold, mojibake.

Every string is put in NFC. Characters an XML document cannot hold (C0 controls other than tab and line
breaks, U+FFFE/U+FFFF, lone surrogates) and C1 controls (a sign of a wrong encoding) are refused with their
position. A few invisible strays are safe to fix and are fixed with a warning: U+000B/U+000C (Word's manual
line and page breaks, pasted as text) become line breaks; zero-width spaces, word joiners and byte-order
marks are removed. Text that looks like TCVN3 (ABC) or VNI mojibake is reported with what to do; the one
conversion that is reliable (UTF-8 read as Windows-1252, "Ãœy ban") is offered as a suggestion.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str | int, ...]

# Word's manual line break (U+000B) and page break (U+000C) come along when text is copied out of Word.
_AS_BREAK = {"\x0b": "xuống dòng thủ công của Word (U+000B)", "\x0c": "ngắt trang của Word (U+000C)"}
_INVISIBLE = {"\u200b": "khoảng trắng độ rộng 0 (U+200B)", "\u2060": "ký tự nối từ vô hình (U+2060)",
              "\ufeff": "dấu BOM vô hình (U+FEFF)"}
_REFUSED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_FIXABLE = re.compile("[\x0b\x0c\u200b\u2060\ufeff]")

# VNI: a base letter followed by a mark byte shown as a Latin-1 letter ("nhaân" for "nhân", "Uû" for "Ủ").
_VNI = re.compile(r"[aeiouyAEIOUYôöÔÖ][ùøûõïåäüëÙØÛÕÏÅÄÜË]|[aeoAEO][âÂ]|[aA][êÊ]|[ñÑöÖ](?=[a-zA-Zâêôùøûõï])")
# TCVN3: Vietnamese letters shown as Latin-1 symbols inside words ("nh©n d©n", "®Þnh").
_TCVN3 = re.compile(r"(?<=[A-Za-z])[\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf\u00d7\u00de\u00df\u00f7]"
                    r"|[\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf\u00d7\u00de\u00df\u00f7](?=[A-Za-z])")
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323]|[\u1ea0-\u1ef9]")
MIN_SIGNS = 2


@dataclass
class Scrubbed:
    """A string made safe: the text to use, what was fixed (warnings) and what must be fixed by hand (errors)."""

    text: str
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _char_name(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" {unicodedata.name(char)}" if unicodedata.name(char, "") else "")


def _before(text: str, pos: int) -> str:
    """A few visible characters before ``pos``, to say where in the value the character sits."""
    start = max(0, pos - 15)
    shown = _REFUSED.sub("", text[start:pos]).replace("\n", " ")
    return f"sau «{'...' if start else ''}{shown}»" if shown.strip() else "ở đầu giá trị"


def refused(text: str) -> list[str]:
    """Messages for the characters Word cannot hold, each with its position (counted from 1)."""
    hits = list(_REFUSED.finditer(text))
    if not hits:
        return []
    parts = [f"{_char_name(m.group())} ở ký tự thứ {m.start() + 1} ({_before(text, m.start())})" for m in hits[:3]]
    more = f" và {len(hits) - 3} chỗ khác" if len(hits) > 3 else ""
    c1 = any("\x7f" <= m.group() <= "\x9f" for m in hits)
    why = (" Ký tự điều khiển C1 thường là dấu hiệu tệp bị đọc sai bảng mã." if c1
           else " Thường do dán từ PDF hoặc phần mềm cũ.")
    return [f"có ký tự điều khiển mà văn bản Word không chứa được: {'; '.join(parts)}{more}.{why} "
            "Hãy xóa các ký tự đó (gõ lại đoạn chữ quanh chỗ đó) rồi chạy lại."]


def _fix_strays(text: str) -> tuple[str, list[str]]:
    found = sorted(set(_FIXABLE.findall(text)))
    if not found:
        return text, []
    warnings = []
    for char in found:
        if char in _AS_BREAK:
            warnings.append(f"đã đổi {_AS_BREAK[char]} thành xuống dòng.")
        else:
            warnings.append(f"đã bỏ {_INVISIBLE[char]}.")
        text = text.replace(char, "\n" if char in _AS_BREAK else "")
    return text, warnings


def _cp1252_fix(text: str) -> str | None:
    """UTF-8 that was read as Windows-1252, undone; ``None`` when that is not what happened."""
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None
    return fixed if fixed != text and _VIETNAMESE.search(fixed) else None


def mojibake(text: str) -> str | None:
    """A warning when ``text`` looks like Vietnamese in a legacy encoding shown as Unicode; else ``None``."""
    fixed = _cp1252_fix(text)
    if fixed is not None:
        short = fixed if len(fixed) <= 60 else fixed[:57] + "..."
        return (f"chữ có vẻ là Unicode UTF-8 bị đọc sai bảng mã (Windows-1252); có lẽ đúng là «{short}». "
                "Hãy sửa lại giá trị cho đúng.")
    vni, tcvn3 = len(_VNI.findall(text)), len(_TCVN3.findall(text))
    if max(vni, tcvn3) < MIN_SIGNS:
        return None
    code, font = ("VNI", "VNI-Times") if vni >= tcvn3 else ("TCVN3 (ABC)", ".VnTime")
    return (f"chữ có vẻ được gõ bằng bảng mã {code} (phông {font}) chứ không phải Unicode, nên hiện sai dấu. "
            f"Hãy chuyển sang Unicode (ví dụ Unikey: Công cụ chuyển mã, nguồn {code}, đích Unicode) "
            "rồi dán lại, hoặc gõ lại.")


_REMEMBERED_CHARS = 1000  # longer values are scrubbed each time, not remembered


def scrub(text: str) -> Scrubbed:
    """``text`` in NFC with safe strays fixed; what cannot be fixed safely is in ``errors``."""
    if len(text) > _REMEMBERED_CHARS:
        return _scrub(text)
    found = _scrub_remembered(text)
    return Scrubbed(found.text, list(found.warnings), list(found.errors))  # the caller's own lists


@functools.lru_cache(maxsize=1024)  # a batch's shared values stay; each unit's own come and go
def _scrub_remembered(text: str) -> Scrubbed:
    """:func:`_scrub`, once per distinct value: the units of a batch share most of their values."""
    return _scrub(text)


def _scrub(text: str) -> Scrubbed:
    """What :func:`scrub` returns, worked out."""
    text = unicodedata.normalize("NFC", text)
    errors = refused(text)
    text, warnings = _fix_strays(text)
    text = unicodedata.normalize("NFC", text)
    if not errors:
        warning = mojibake(text)
        if warning:
            warnings.append(warning)
    return Scrubbed(text, warnings, errors)


def scrub_tree(data: Any, prefix: Key = ()) -> Iterator[tuple[Key, Scrubbed]]:
    """Scrub every string value of a plain data tree in place; yields each value that needs a word."""
    items: Iterator[tuple[Any, Any]]
    if isinstance(data, dict):
        items = iter(list(data.items()))
    elif isinstance(data, list):
        items = iter(list(enumerate(data)))
    else:
        return
    for key, value in items:
        here = prefix + (key,)
        if isinstance(value, str):
            result = scrub(value)
            data[key] = result.text
            if result.warnings or result.errors:
                yield here, result
        else:
            yield from scrub_tree(value, here)
