"""A list's own paragraph properties (its indents), from the numbering part, as Word applies them.

A numbered or bulleted paragraph takes its indents from its list level (``w:lvl/w:pPr`` in numbering.xml)
unless the paragraph itself sets them: Word applies the paragraph style, then the list level, then the
paragraph's direct formatting. Without this, a «List Paragraph» (left 1,27 cm) with a list level of left 0 and
a direct first-line indent of 1,27 cm reads as 2,54 cm where Word shows 1,27 cm.
"""

from __future__ import annotations

from lxml import etree

from qdocgen.oxml.package import w

_NUM_PR, _NUM_ID, _ILVL, _VAL = w("numPr"), w("numId"), w("ilvl"), w("val")
NO_LIST = "0"  # numId 0: the paragraph is taken out of the list its style would give it


class Numbering:
    """The list definitions of one document: each list instance's level properties."""

    def __init__(self, root: etree._Element | None) -> None:
        """Index ``w:num`` instances and their abstract definitions (``root``: numbering.xml, or None)."""
        self._nums: dict[str, tuple[etree._Element | None, etree._Element]] = {}
        if root is None:
            return
        abstract = {a.get(w("abstractNumId")): a for a in root.iter(w("abstractNum"))}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            self._nums[num.get(_NUM_ID, "")] = (abstract.get(ref.get(_VAL)) if ref is not None else None, num)

    def level_ppr(self, num_id: str, ilvl: str) -> etree._Element | None:
        """The ``w:pPr`` of level ``ilvl`` of list ``num_id`` (an override first), or None."""
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        abstract, num = entry
        for override in num.iter(w("lvlOverride")):
            lvl = override.find(w("lvl"))
            if override.get(_ILVL) == ilvl and lvl is not None and lvl.find(w("pPr")) is not None:
                return lvl.find(w("pPr"))
        if abstract is None:
            return None
        for lvl in abstract.iter(w("lvl")):
            if lvl.get(_ILVL) == ilvl:
                return lvl.find(w("pPr"))
        return None


def num_ref(ppr: etree._Element | None) -> tuple[str, str] | None:
    """(numId, ilvl) of a ``w:pPr``'s ``w:numPr``, or None when it has none or names no list."""
    num_pr = ppr.find(_NUM_PR) if ppr is not None else None
    if num_pr is None:
        return None
    num_id = num_pr.find(_NUM_ID)
    ilvl = num_pr.find(_ILVL)
    if num_id is None:
        return None
    return num_id.get(_VAL, NO_LIST), ilvl.get(_VAL, "0") if ilvl is not None else "0"
