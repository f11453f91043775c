"""Fonts: whether Times New Roman (the font of NĐ30) is installed, and which fonts a PDF really embeds.

Where Times New Roman is missing LibreOffice puts Liberation Serif in its place: the same letter widths, so
the pages break at the same places, but not the same letter shapes. The machine is asked once (fc-list)
before converting, and each PDF is read afterwards, so the manifest says which font each file carries.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pikepdf

TIMES = "Times New Roman"
STAND_IN = "Liberation Serif"
FONT_HINT = ("Cài Times New Roman: Debian/Ubuntu: sudo apt-get install ttf-mscorefonts-installer (chấp nhận "
             "giấy phép của Microsoft); Windows có sẵn phông này")
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def has_family(family: str) -> bool | None:
    """Whether fontconfig knows ``family`` (None: cannot tell, e.g. no fc-list on this machine)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run([fc_list, f":family={family}", "family"], capture_output=True, text=True,
                             timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.strip())


def font_warnings() -> list[str]:
    """Warn when Times New Roman is absent, saying what stands in and how to install it."""
    if has_family(TIMES) in (True, None):
        return []  # present, or cannot tell: say nothing rather than warn wrongly
    if has_family(STAND_IN):
        return [f"Máy này không có phông {TIMES}; LibreOffice dùng {STAND_IN} (cùng số đo chữ) thay thế nên bố "
                f"cục trang giữ nguyên, chỉ nét chữ hơi khác. {FONT_HINT}."]
    return [f"Máy này không có phông {TIMES} lẫn {STAND_IN} (phông cùng số đo); LibreOffice sẽ dùng phông khác "
            f"và bố cục trang có thể xô lệch. Cài: sudo apt-get install fonts-liberation2 (hoặc "
            f"ttf-mscorefonts-installer cho {TIMES} thật)."]


def embedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """The families of the fonts a PDF carries, subset prefixes and styles removed, sorted and unique."""
    names = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/BaseFont" in obj:
            name = _SUBSET.sub("", str(obj.BaseFont)[1:])
            names.add(family_of(name))
    return sorted(names)


def family_of(base_font: str) -> str:
    """«TimesNewRomanPS-BoldMT» → «Times New Roman», «LiberationSerif-Italic» → «Liberation Serif»."""
    compact = base_font.split("-")[0].split(",")[0]
    compact = re.sub(r"(PS)?MT$|PS$", "", compact)
    known = {"TimesNewRoman": TIMES, "LiberationSerif": STAND_IN}
    return known.get(compact, re.sub(r"(?<=[a-z])(?=[A-Z])", " ", compact))


def stand_in_note(families: list[str]) -> str:
    """A note when a PDF carries the stand-in instead of Times New Roman (empty when it does not)."""
    if STAND_IN in families and TIMES not in families:
        return f"dùng {STAND_IN} thay {TIMES} (cùng số đo chữ, nét chữ khác)"
    return ""
