"""Effective paragraph spacing, line spacing and indents, as Word shows them.

Each attribute is taken from the nearest level that sets it (the paragraph's own ``w:pPr``, its style chain,
the table style, the document defaults), attribute by attribute: a style may set the spacing after and the
paragraph its own spacing before. Measures are returned in points and centimetres, ready for the layout rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from qdocgen.oxml.package import w

TWIPS_PER_PT = 20
TWIPS_PER_CM = 1440 / 2.54
AUTO_SPACING_PT = 14.0  # what Word leaves for «auto» spacing before/after (HTML-style paragraphs)
_FALSE = {"0", "false", "off", "none"}


@dataclass(frozen=True)
class ParaFormat:
    """A paragraph's spacing and indents after every level of formatting is applied.

    Attributes:
        before_pt: space before the paragraph, in points.
        after_pt: space after the paragraph, in points.
        line_rule: ``auto`` (``line`` is a multiple of single spacing), ``exact`` or ``atLeast`` (``line`` in points).
        line: the line spacing: a multiple for ``auto``, points otherwise.
        first_line_cm: the first-line indent in centimetres (negative for a hanging indent).
        left_cm: the left (start) indent in centimetres.
        contextual: «Don't add space between paragraphs of the same style».
        style: the paragraph style's id (for ``contextual``).
    """

    before_pt: float = 0.0
    after_pt: float = 0.0
    line_rule: str = "auto"
    line: float = 1.0
    first_line_cm: float = 0.0
    left_cm: float = 0.0
    contextual: bool = False
    style: str | None = None


def _number(value: str | None) -> float | None:
    """A measure attribute as a number, or ``None`` when absent or unreadable."""
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _first(levels: Sequence[etree._Element], tag: str, attrs: tuple[str, ...]) -> tuple[str, str] | None:
    """The nearest level's ``tag`` setting one of ``attrs``: (attribute, value)."""
    for level in levels:
        el = level.find(w(tag))
        if el is None:
            continue
        for attr in attrs:
            value = el.get(w(attr))
            if value is not None:
                return attr, value
    return None


def _space(levels: Sequence[etree._Element], side: str) -> float:
    """Space before or after in points; «auto» spacing counts as Word's 14 pt."""
    found = _first(levels, "spacing", (f"{side}Autospacing", side))
    if found is None:
        return 0.0
    attr, value = found
    if attr.endswith("Autospacing"):
        if value.lower() not in _FALSE:
            return AUTO_SPACING_PT
        found = _first(levels, "spacing", (side,))
        value = found[1] if found else "0"
    return (_number(value) or 0.0) / TWIPS_PER_PT


def _line(levels: Sequence[etree._Element]) -> tuple[str, float]:
    """The line rule and the line spacing (a multiple for ``auto``, points otherwise)."""
    found = _first(levels, "spacing", ("line",))
    rule = _first(levels, "spacing", ("lineRule",))
    value = _number(found[1]) if found else None
    if value is None:
        return "auto", 1.0
    kind = rule[1] if rule else "auto"
    if kind == "auto":
        return "auto", value / 240
    return ("exact" if kind == "exact" else "atLeast"), value / TWIPS_PER_PT


def _indent(levels: Sequence[etree._Element]) -> tuple[float, float]:
    """First-line indent (negative when hanging) and left indent, in centimetres."""
    first = _first(levels, "ind", ("hanging", "firstLine"))
    first_cm = 0.0
    if first is not None:
        value = (_number(first[1]) or 0.0) / TWIPS_PER_CM
        first_cm = -value if first[0] == "hanging" else value
    left = _first(levels, "ind", ("start", "left"))
    left_cm = (_number(left[1]) or 0.0) / TWIPS_PER_CM if left is not None else 0.0
    return first_cm, left_cm


def _contextual(levels: Sequence[etree._Element]) -> bool:
    """Whether «contextual spacing» is on."""
    for level in levels:
        el = level.find(w("contextualSpacing"))
        if el is not None:
            return el.get(w("val"), "true").lower() not in _FALSE
    return False


def para_format(levels: Sequence[etree._Element]) -> ParaFormat:
    """The effective format from ``levels``, the ``w:pPr`` elements nearest first."""
    rule, line = _line(levels)
    first_cm, left_cm = _indent(levels)
    return ParaFormat(_space(levels, "before"), _space(levels, "after"), rule, line, first_cm, left_cm,
                      _contextual(levels))
