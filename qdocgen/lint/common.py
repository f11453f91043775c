"""What every layout rule shares: the finding it reports, and small helpers for reading text and formatting.

Messages say what was found against what is wanted, in Vietnamese.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from qdocgen.environment import has_tags
from qdocgen.oxml.layout import Line, Para, RunProps

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One departure from the layout rules: which rule, how bad, where, and what was found against what is wanted."""

    rule: str
    severity: Severity
    where: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Plain data for JSON."""
        return {"rule": self.rule, "severity": self.severity, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        label = "lỗi" if self.severity == "error" else "cảnh báo"
        return f"{label} [{self.rule}] {self.where}: {self.message}"


def norm(text: str) -> str:
    return " ".join(text.split())


def fold(text: str) -> str:
    return norm(text).casefold()


def cut(text: str, limit: int = 60) -> str:
    text = norm(text.replace("\n", " ").replace("\t", " "))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def quoted(line: Line | Para) -> str:
    return f"«{cut(line.text)}»"


def pt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def sizes_of(props: Sequence[RunProps]) -> list[float]:
    return sorted({p.size for p in props})


def size_text(sizes: Sequence[float]) -> str:
    return ", ".join(pt(s) for s in sizes) + " pt"


def is_upper(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


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
    if not problems:
        return []
    message = "; ".join(problems)
    return [Finding(rule, severity, where, message[0].upper() + message[1:] + ".")]


def templated(text: str) -> bool:
    """Text still holding Jinja tags (a template, not a document): its wording is not checked."""
    return has_tags(text)
