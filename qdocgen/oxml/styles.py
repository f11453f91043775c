"""Effective formatting of runs and paragraphs: direct formatting, then styles, then document defaults.

Documents written by hand in Word keep most of their formatting on styles (Normal, Heading 1, a custom
"Căn cứ" style) and in ``w:docDefaults``, with theme fonts; the runs themselves often say nothing. This
module resolves what Word shows, in the order Word applies it: run properties, the run's character style
chain, the paragraph style chain, the table style, the document defaults. Toggle properties (bold,
italic, caps) are taken from the nearest level that sets them, which is what Word shows in every case but
the rare one of a bold character style applied over a bold paragraph style.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from qdocgen.oxml.numbering import NO_LIST, Numbering, num_ref
from qdocgen.oxml.package import w
from qdocgen.oxml.paraformat import ParaFormat, para_format

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
DEFAULT_SIZE_PT = 10.0  # what Word uses when nothing sets w:sz
_FALSE = {"0", "false", "off", "none"}
_ALIGN = {"both": "justify", "distribute": "justify", "start": "left", "end": "right", "left": "left",
          "right": "right", "center": "center"}


@dataclass(frozen=True)
class RunProps:
    """What a run looks like after every level of formatting is applied."""

    font: str | None
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    hidden: bool


def _on(el: etree._Element) -> bool:
    return el.get(w("val"), "true").lower() not in _FALSE


_PPR, _PSTYLE, _VAL = w("pPr"), w("pStyle"), w("val")


class StyleSheet:
    """The styles and theme of one document, for resolving effective run and paragraph properties."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None = None,
                 numbering: etree._Element | None = None) -> None:
        """Index the styles part's styles and defaults, the theme's fonts and the lists' levels."""
        self._numbering = Numbering(numbering)
        self._styles: dict[str, etree._Element] = {}
        self._default_para: str | None = None
        self._default_char: str | None = None
        self._rpr_default: etree._Element | None = None
        self._ppr_default: etree._Element | None = None
        self._theme_fonts: dict[str, str] = {}
        self._run_cache: dict[tuple[bytes, str | None, str | None], RunProps] = {}
        self._para_cache: dict[tuple[bytes, str | None, str | None], ParaFormat] = {}
        if styles is not None:
            for style in styles.iter(w("style")):
                sid = style.get(w("styleId"))
                if sid is None:
                    continue
                self._styles[sid] = style
                if _on_attr(style.get(w("default"))):
                    if style.get(w("type")) == "paragraph":
                        self._default_para = sid
                    elif style.get(w("type")) == "character":
                        self._default_char = sid
            self._rpr_default = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
            self._ppr_default = styles.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
        if theme is not None:
            for kind in ("major", "minor"):
                latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
                if latin is not None and latin.get("typeface"):
                    self._theme_fonts[kind] = latin.get("typeface", "")

    def _chain(self, style_id: str | None, tag: str) -> list[etree._Element]:
        """The ``tag`` (rPr or pPr) of a style and of every style it is based on, nearest first."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            props = style.find(w(tag))
            if props is not None:
                out.append(props)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return out

    def _para_style(self, p: etree._Element) -> str | None:
        ppr = p.find(_PPR)
        ref = ppr.find(_PSTYLE) if ppr is not None else None
        return ref.get(_VAL) if ref is not None else self._default_para

    def _run_levels(self, r: etree._Element, p: etree._Element | None,
                    table_style: str | None) -> list[etree._Element]:
        levels: list[etree._Element] = []
        rpr = r.find(w("rPr"))
        if rpr is not None:
            levels.append(rpr)
            ref = rpr.find(w("rStyle"))
            levels += self._chain(ref.get(w("val")) if ref is not None else self._default_char, "rPr")
        else:
            levels += self._chain(self._default_char, "rPr")
        if p is not None:
            levels += self._chain(self._para_style(p), "rPr")
        levels += self._chain(table_style, "rPr")
        if self._rpr_default is not None:
            levels.append(self._rpr_default)
        return levels

    def run_props(self, r: etree._Element, p: etree._Element | None = None,
                  table_style: str | None = None) -> RunProps:
        """The effective properties of run ``r`` in paragraph ``p`` (in a table with style ``table_style``)."""
        # Most runs of a document share a handful of property sets: resolve each set once.
        rpr = r.find(w("rPr"))
        key = (etree.tostring(rpr) if rpr is not None else b"",
               self._para_style(p) if p is not None else None, table_style)
        cached = self._run_cache.get(key)
        if cached is None:
            cached = self._run_cache[key] = self._resolve_run(r, p, table_style)
        return cached

    def _resolve_run(self, r: etree._Element, p: etree._Element | None, table_style: str | None) -> RunProps:
        levels = self._run_levels(r, p, table_style)

        def toggle(tag: str) -> bool:
            for level in levels:
                el = level.find(w(tag))
                if el is not None:
                    return _on(el)
            return False

        size = DEFAULT_SIZE_PT
        for level in levels:
            sz = level.find(w("sz"))
            if sz is not None and sz.get(w("val")):
                try:
                    size = int(sz.get(w("val"), "")) / 2
                except ValueError:
                    continue
                break
        underline = False
        for level in levels:
            u = level.find(w("u"))
            if u is not None:
                underline = u.get(w("val"), "single").lower() not in _FALSE
                break
        return RunProps(font=self._font(levels), size=size, bold=toggle("b"), italic=toggle("i"),
                        underline=underline, caps=toggle("caps"), hidden=toggle("vanish") or _white(levels))

    def _font(self, levels: list[etree._Element]) -> str | None:
        """The font of the Latin slots (ascii/hAnsi: Vietnamese letters live in both), theme fonts resolved."""
        found: dict[str, str | None] = {}
        for slot in ("ascii", "hAnsi"):
            for level in levels:
                fonts = level.find(w("rFonts"))
                if fonts is None:
                    continue
                theme = fonts.get(w(f"{slot}Theme"))
                if theme:
                    found[slot] = self._theme_fonts.get("major" if theme.startswith("major") else "minor")
                    break
                name = fonts.get(w(slot))
                if name:
                    found[slot] = name
                    break
        ascii_font, hansi = found.get("ascii"), found.get("hAnsi")
        if ascii_font and hansi and ascii_font != hansi:
            return f"{ascii_font} / {hansi}"
        return ascii_font or hansi

    def para_levels(self, p: etree._Element, table_style: str | None = None) -> list[etree._Element]:
        """The ``w:pPr`` levels of ``p``, nearest first: its own, its style chain's, the table style's, the default."""
        levels: list[etree._Element] = []
        ppr = p.find(w("pPr"))
        if ppr is not None:
            levels.append(ppr)
        chain = self._chain(self._para_style(p), "pPr")
        # A list named on the paragraph itself sits between it and its style, as Word applies it; a list the
        # style brings is taken below the style's own settings.
        ref = num_ref(ppr)
        if ref is not None:
            self._add_list_level(levels, ref)
        levels += chain
        if ref is None:
            ref = next((found for found in map(num_ref, chain) if found is not None), None)
            if ref is not None:
                self._add_list_level(levels, ref)
        levels += self._chain(table_style, "pPr")
        if self._ppr_default is not None:
            levels.append(self._ppr_default)
        return levels

    def _add_list_level(self, levels: list[etree._Element], ref: tuple[str, str]) -> None:
        """Append the list level ``ref`` (numId, ilvl) names, unless it names no list."""
        if ref[0] != NO_LIST:
            found = self._numbering.level_ppr(*ref)
            if found is not None:
                levels.append(found)

    def para_format(self, p: etree._Element, table_style: str | None = None) -> ParaFormat:
        """The effective spacing and indents of paragraph ``p`` (resolved once per distinct paragraph format)."""
        ppr = p.find(w("pPr"))
        style = self._para_style(p)
        key = (etree.tostring(ppr) if ppr is not None else b"", style, table_style)
        cached = self._para_cache.get(key)
        if cached is None:
            cached = self._para_cache[key] = replace(para_format(self.para_levels(p, table_style)), style=style)
        return cached

    def alignment(self, p: etree._Element, table_style: str | None = None) -> str:
        """left, center, right or justify: the paragraph's own, its style chain's, the table style's, the default."""
        levels = self.para_levels(p, table_style)
        for level in levels:
            jc = level.find(w("jc"))
            if jc is not None and jc.get(w("val")):
                return _ALIGN.get(jc.get(w("val"), ""), "left")
        return "left"


_WHITE = {"FFFFFF", "WHITE"}


def _white(levels: list[etree._Element]) -> bool:
    """White letters on no shading or highlight: nothing on paper.

    E-office signing tools find where to put the signature image by a word typed in white in the signature gap
    («Hdfđ» in a Sở Nội vụ công văn): it prints nothing, so it is neither the signer's name nor text to judge.
    """
    for level in levels:
        if level.find(w("highlight")) is not None or level.find(w("shd")) is not None:
            return False
    for level in levels:
        color = level.find(w("color"))
        if color is not None:
            return (color.get(w("val"), "").upper() in _WHITE or color.get(w("themeColor")) == "background1")
    return False


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE
