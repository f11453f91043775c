"""Reading a .docx package's raw XML parts as their author sees them: paragraphs, their text and runs.

Part of the oxml layer: template checks locate every problem by the paragraph or table cell it sits in,
which needs the text as typed (tags still split across runs), not the XML docxtpl prepares for Jinja.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from qdocgen.oxml.package import w

TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
PROPERTIES_PART = "docProps/core.xml"  # the title Word, LibreOffice and PDF readers show may be filled too
_PART_KIND = re.compile(r"^word/([a-z]+?)(\d*)\.xml$")
PART_WORDS = {"document": "thân văn bản", "header": "đầu trang", "footer": "chân trang",
              "footnotes": "chú thích cuối trang", "endnotes": "chú thích cuối văn bản"}


def part_label(name: str) -> str:
    """A part said as the author knows it: «thân văn bản», «đầu trang 1», «chân trang 2»."""
    if name == PROPERTIES_PART:
        return "thuộc tính tài liệu (tiêu đề)"
    m = _PART_KIND.match(name)
    if not m or m.group(1) not in PART_WORDS:
        return name
    return f"{PART_WORDS[m.group(1)]} {m.group(2)}".strip()


def shorten(text: str, limit: int = 70) -> str:
    """Text cut to ``limit`` characters, with an ellipsis, on one line."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Paragraph:
    """One ``w:p``: its visible text, which run each character comes from, and the table cell around it."""

    index: int
    text: str
    run_of: list[int] = field(default_factory=list)
    cell: str | None = None

    def place(self) -> str:
        """Where the paragraph is, in words: its number and text, or the table cell's text."""
        if self.cell is not None:
            return f"ô bảng «{shorten(self.cell)}»"
        return f"đoạn {self.index} «{shorten(self.text)}»"

    def runs_between(self, start: int, end: int) -> int:
        """How many distinct runs the characters ``start:end`` come from."""
        return len(set(self.run_of[start:end]))


def _own_texts(p: etree._Element) -> list[etree._Element]:
    """The ``w:t`` of this paragraph, not of paragraphs nested in it (text boxes)."""
    return [t for t in p.iter(w("t")) if next(t.iterancestors(w("p"))) is p]


def paragraphs(xml: bytes) -> list[Paragraph]:
    """Every paragraph of a part in document order, table cells included."""
    root = etree.fromstring(xml)
    found: list[Paragraph] = []
    cells: dict[etree._Element, str] = {}
    for index, p in enumerate(root.iter(w("p")), start=1):
        text: list[str] = []
        run_of: list[int] = []
        runs: list[etree._Element] = []  # held so that lxml keeps one proxy (one identity) per run
        for t in _own_texts(p):
            run = t.getparent() if t.getparent() is not None else t
            key = next((i for i, r in enumerate(runs) if r is run), len(runs))
            if key == len(runs):
                runs.append(run)
            chunk = t.text or ""
            text.append(chunk)
            run_of += [key] * len(chunk)
        cell_el = next(p.iterancestors(w("tc")), None)
        cell = None
        if cell_el is not None:
            if cell_el not in cells:
                cells[cell_el] = " / ".join(
                    "".join(t.text or "" for t in _own_texts(q)) for q in cell_el.iter(w("p")))
            cell = cells[cell_el]
        found.append(Paragraph(index, "".join(text), run_of, cell))
    return found


def templated_parts(path: Path) -> dict[str, bytes]:
    """The parts of a .docx that may hold tags (body, headers, footers, notes), in package order.

    Raises ``ValueError`` (what is wrong, in Vietnamese) for a package ``opc.read`` refuses.
    """
    from qdocgen.oxml import opc

    package = opc.read(path)
    if not package.ok:
        raise ValueError("; ".join(package.errors))
    return {name: raw for name, raw in package.parts.items() if TEMPLATED_PART.match(name)}
