"""Formatted text and pictures from data, made into real Word runs, paragraphs and inline drawings.

A rich value prints, inside the tag's ``w:t``, its escaped text with processing instructions marking where
the emphasis changes (``<?qdocgen-f bi?>``), a line break, tab or new paragraph goes (``<?qdocgen-br?>``,
``<?qdocgen-tab?>``, ``<?qdocgen-p?>``) or a picture stands (``<?qdocgen-pic KEY?>``). Only a rich value can
print them: every other value is escaped, so its ``<`` is ``&lt;``. After rendering, ``expand`` splits the
tag's run into runs that copy its ``w:rPr`` (so the tag's font, size and colour carry on) with ``w:b``,
``w:i`` or ``w:u`` added, and a new paragraph splits the enclosing paragraph, keeping its ``w:pPr``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from lxml import etree

from qdocgen.oxml.package import w

PREFIX = "qdocgen-"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# CT_RPr's child order (ECMA-376 §17.3.2.28): Word refuses a run whose properties are out of order.
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_FLAG_TAGS = {"b": ("b", "bCs"), "i": ("i", "iCs"), "u": ("u",)}
_SPLIT = "{urn:qdocgen}paragraph"


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML text needs them (``xml.sax.saxutils.escape``, without importing urllib)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def formatted_xml(segments: Iterable[tuple[str, str, str]]) -> str:
    """What a formatted value prints: ``(kind, text, flags)`` segments (kinds ``text``, ``br``, ``p``)."""
    out: list[str] = []
    flags = ""
    for kind, text, seg_flags in segments:
        if kind != "text":
            if flags:  # a break carries no emphasis of its own
                out.append(f"<?{PREFIX}f?>")
                flags = ""
            out.append(f"<?{PREFIX}{kind}?>")
            continue
        if seg_flags != flags:
            out.append(f"<?{PREFIX}f {seg_flags}?>" if seg_flags else f"<?{PREFIX}f?>")
            flags = seg_flags
        for n, piece in enumerate(text.replace("\r", "").split("\t")):
            out.append(f"<?{PREFIX}tab?>" if n else "")
            out.append(_escape(piece).replace("\n", f"<?{PREFIX}br?>"))
    if flags:
        out.append(f"<?{PREFIX}f?>")
    return "".join(out)


def picture_xml(key: str) -> str:
    """What a picture value prints: a mark ``expand`` replaces with the drawing."""
    return f"<?{PREFIX}pic {key}?>"


def _ordered_insert(rpr: etree._Element, child: etree._Element) -> None:
    """Put ``child`` in ``rpr`` where the schema's order wants it."""
    rank = _RPR_ORDER.index(etree.QName(child).localname)
    for i, existing in enumerate(rpr):
        name = etree.QName(existing).localname if isinstance(existing.tag, str) else ""
        if name in _RPR_ORDER and _RPR_ORDER.index(name) > rank or name == "rPrChange":
            rpr.insert(i, child)
            return
    rpr.append(child)


def _properties(rpr: etree._Element | None, flags: str) -> etree._Element | None:
    """The tag run's properties with the emphasis ``flags`` switched on."""
    if not flags:
        return copy.deepcopy(rpr) if rpr is not None else None
    out = copy.deepcopy(rpr) if rpr is not None else etree.Element(w("rPr"))
    for flag in flags:
        for name in _FLAG_TAGS[flag]:
            for old in out.findall(w(name)):
                out.remove(old)
            element = etree.Element(w(name))
            if name == "u":
                element.set(w("val"), "single")
            _ordered_insert(out, element)
    return out


def _run(rpr: etree._Element | None, flags: str, children: Iterable[etree._Element]) -> etree._Element:
    """A run with the tag run's properties (plus ``flags``) holding ``children``."""
    run = etree.Element(w("r"))
    props = _properties(rpr, flags)
    if props is not None:
        run.append(props)
    run.extend(children)
    return run


def _text(text: str) -> etree._Element:
    t = etree.Element(w("t"))
    t.text = text
    t.set(_XML_SPACE, "preserve")
    return t


Drawing = Callable[[str], etree._Element]


def _pieces(t: etree._Element) -> list[tuple[str, str, str]]:
    """The ``w:t``'s content as ``(kind, text-or-key, flags)``: text, br, tab, p, pic, in order."""
    flags = ""
    out = [("text", t.text or "", "")]
    for node in t:
        if isinstance(node, etree._ProcessingInstruction) and node.target.startswith(PREFIX):
            kind = node.target[len(PREFIX):]
            if kind == "f":
                flags = (node.text or "").strip()
            else:
                out.append((kind, (node.text or "").strip(), flags))
        out.append(("text", node.tail or "", flags))
    return out


def _nodes(pieces: list[tuple[str, str, str]], rpr: etree._Element | None, drawing: Drawing) -> list[etree._Element]:
    """The runs (and paragraph marks) that replace the tag's run."""
    nodes: list[etree._Element] = []
    for kind, text, flags in pieces:
        if kind == "text":
            if text:
                nodes.append(_run(rpr, flags, [_text(text)]))
        elif kind in ("br", "tab"):
            nodes.append(_run(rpr, flags, [etree.Element(w(kind))]))
        elif kind == "pic":
            nodes.append(_run(rpr, "", [drawing(text)]))
        elif kind == "p":
            nodes.append(etree.Element(_SPLIT))
    return nodes


def _expand_text(t: etree._Element, drawing: Drawing) -> list[etree._Element]:
    """Replace the run holding ``t`` by its pieces; the paragraph marks left to split are returned."""
    run = t.getparent()
    parent = run.getparent() if run is not None else None
    if run is None or parent is None or run.tag != w("r"):
        for node in list(t):  # not in a run (a property part's text): the plain text is kept
            _drop_keeping_tail(node)
        return []
    rpr = run.find(w("rPr"))
    children = [c for c in run if c is not rpr]
    index = children.index(t)
    nodes = [_run(rpr, "", children[:index])] if index else []
    nodes += _nodes(_pieces(t), rpr, drawing)
    nodes += [_run(rpr, "", children[index + 1:])] if children[index + 1:] else []
    position = parent.index(run)
    parent.remove(run)
    for offset, node in enumerate(nodes):
        parent.insert(position + offset, node)
    return [n for n in nodes if n.tag == _SPLIT]


def _drop_keeping_tail(node: etree._Element) -> None:
    """Remove a processing instruction but keep the text after it."""
    parent = node.getparent()
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (node.tail or "")
    else:
        parent.text = (parent.text or "") + (node.tail or "")
    parent.remove(node)


def _split(mark: etree._Element) -> None:
    """Split the paragraph at ``mark``: what follows goes to a new paragraph with the same properties."""
    paragraph = mark.getparent()
    if paragraph.tag != w("p"):  # inside a hyperlink, a field...: a line break is what can be done there
        mark.addprevious(etree.Element(w("r")))
        mark.getprevious().append(etree.Element(w("br")))
        paragraph.remove(mark)
        return
    new = etree.Element(w("p"))
    ppr = paragraph.find(w("pPr"))
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
        for section in ppr.findall(w("sectPr")):  # the section ends after the last piece, as it did
            ppr.remove(section)
    for sibling in list(mark.itersiblings()):
        new.append(sibling)
    paragraph.remove(mark)
    paragraph.addnext(new)


def expand(xml: str, drawing: Drawing) -> str:
    """The rendered part with every rich value's marks made into runs, paragraphs and drawings."""
    root = etree.fromstring(xml.encode("utf-8"))
    expand_tree(root, drawing)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8")


def expand_tree(root: etree._Element, drawing: Drawing) -> None:
    """:func:`expand` on a part already parsed (so that other changes can share the one parse)."""
    holders: dict[int, etree._Element] = {}
    for pi in root.iter(etree.ProcessingInstruction):
        if pi.target.startswith(PREFIX) and pi.getparent() is not None:
            holders.setdefault(id(pi.getparent()), pi.getparent())
    marks: list[etree._Element] = []
    for t in holders.values():
        marks += _expand_text(t, drawing)
    for mark in marks:
        _split(mark)
