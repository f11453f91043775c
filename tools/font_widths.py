"""Write qdocgen/lint/font_widths.py: advance widths of Liberation Serif, Times New Roman's metric twin.

Run once, by a developer, where fonts-liberation2 is installed (``python tools/font_widths.py``); fontTools reads
the fonts. Liberation Serif has the advance widths of Times New Roman glyph for glyph (that is what
"metric-compatible" means), so the table tells how wide Vietnamese text set in Times New Roman is. The fonts are
under the SIL Open Font License; the widths are measurements of them.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
FACES = {"": "Regular", "b": "Bold", "i": "Italic", "bi": "BoldItalic"}
RANGES = [(0x20, 0x7E), (0xA0, 0x1B0), (0x1EA0, 0x1EF9), (0x2013, 0x2014), (0x2018, 0x201D), (0x2026, 0x2026)]
OUT = Path(__file__).resolve().parent.parent / "qdocgen" / "lint" / "font_widths.py"
PER_LINE = 8


def widths(face: str) -> tuple[int, dict[str, int]]:
    """Units per em and the advance width of every character of RANGES the face has."""
    font = TTFont(FONTS / f"LiberationSerif-{face}.ttf")
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    found = {}
    for lo, hi in RANGES:
        for code in range(lo, hi + 1):
            if code in cmap:
                found[chr(code)] = hmtx[cmap[code]][0]
    return font["head"].unitsPerEm, found


def main() -> None:
    """Write the module."""
    lines = ['"""Advance widths of Liberation Serif (Times New Roman\'s metrics), written by tools/font_widths.py."""',
             "", "from __future__ import annotations", ""]
    units = 0
    lines.append("WIDTHS: dict[str, dict[str, int]] = {")
    for key, face in FACES.items():
        units, found = widths(face)
        items = [f"{ch!r}: {w}" for ch, w in found.items()]
        lines.append(f"    {key!r}: {{")
        lines += ["        " + ", ".join(items[i:i + PER_LINE]) + "," for i in range(0, len(items), PER_LINE)]
        lines.append("    },")
    lines.append("}")
    lines.append('"""Width of each character, in font units, by face: "" regular, "b" bold, "i" italic, "bi" both."""')
    lines += ["", f"UNITS_PER_EM = {units}", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
