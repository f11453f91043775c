"""Charts for the reports: each unit's results against its targets, and the roll-up's reached/missed per unit.

matplotlib with its Agg backend (no display needed), imported only when a chart is drawn, so the command line
starts as fast as before. The pictures are PNG without a timestamp: the same data draws the same bytes.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qdocgen.data.judgement import Verdict, number_text

WIDTH_IN, HEIGHT_IN, DPI = 6.0, 3.0, 200  # 152 × 76 mm, the picture's place in the report templates
_COLOURS = {Verdict.DAT: "#2e7d32", Verdict.KHONG_DAT: "#c62828", Verdict.CHUA_CO: "#9e9e9e",
            Verdict.KHONG_CHI_TIEU: "#9e9e9e"}
_FONTS = ["DejaVu Serif"]  # shipped inside matplotlib: every Vietnamese letter, the same on every machine


@dataclass(frozen=True)
class Bar:
    """One target on a unit's chart: its label, the value reached (None: no data), the target and the verdict."""

    label: str
    value: Decimal | None
    target: Decimal
    upper: Decimal | None
    verdict: Verdict


@dataclass(frozen=True)
class UnitCounts:
    """One unit on the roll-up chart: its short name and how many objectives reached, missed, not reported."""

    name: str
    dat: int
    khong_dat: int
    chua_co: int


def _pyplot() -> Any:
    """The pyplot module of matplotlib on the Agg backend, with the report's font."""
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "serif", "font.serif": _FONTS, "font.size": 8, "svg.hashsalt": "qdocgen"})
    return plt


def _png(fig: Any) -> bytes:
    """The figure as an opaque RGB PNG (no alpha channel: smaller, and Word and PDF need no soft mask)."""
    from PIL import Image

    drawn = io.BytesIO()
    fig.savefig(drawn, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    drawn.seek(0)
    out = io.BytesIO()
    with Image.open(drawn) as image:
        image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def unit_chart(bars: Sequence[Bar], unit: str = "%") -> bytes:
    """Horizontal bars of results (coloured by verdict), the target marked on each; no data said in words."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), layout="constrained")
    try:
        rows = list(range(len(bars)))[::-1]
        top = max([float(b.upper or b.target) for b in bars] + [float(b.value or 0) for b in bars] + [1.0])
        for y, bar in zip(rows, bars, strict=True):
            if bar.value is not None:
                ax.barh(y, float(bar.value), color=_COLOURS[bar.verdict], height=0.6)
                ax.text(float(bar.value) + top * 0.01, y, f"{number_text(bar.value)}{unit}", va="center")
            else:
                ax.text(top * 0.01, y, "chưa có số liệu", va="center", style="italic", color="#616161")
            if bar.upper is not None:
                ax.fill_betweenx([y - 0.4, y + 0.4], float(bar.target), float(bar.upper), color="#000000", alpha=0.15)
            ax.plot([float(bar.target)] * 2, [y - 0.4, y + 0.4], color="#000000", linewidth=1.5)
        ax.set_yticks(rows, [b.label for b in bars])
        ax.set_xlim(0, top * 1.18)
        ax.set_xlabel(f"Kết quả ({unit}); vạch đen: chỉ tiêu")
        ax.set_ylabel("Mục tiêu")
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)
    finally:
        plt.close(fig)


def rollup_chart(units: Sequence[UnitCounts]) -> bytes:
    """Stacked bars per unit: objectives reached, missed and without data."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), layout="constrained")
    try:
        rows = list(range(len(units)))[::-1]
        left = [0] * len(units)
        for attr, verdict in (("dat", Verdict.DAT), ("khong_dat", Verdict.KHONG_DAT), ("chua_co", Verdict.CHUA_CO)):
            widths = [getattr(u, attr) for u in units]
            ax.barh(rows, widths, left=left, color=_COLOURS[verdict], height=0.6, label=verdict.value)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.set_yticks(rows, [u.name for u in units])
        ax.set_xlabel("Số mục tiêu")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(loc="lower right", fontsize=7, frameon=False, bbox_to_anchor=(1.0, 1.0), ncols=3)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)
    finally:
        plt.close(fig)
