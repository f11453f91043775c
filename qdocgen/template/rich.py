"""Rich values in a template: formatted text and pictures printed as Word runs and drawings.

The environment's ``finalize`` turns a declared formatted value (``FormattedText``) into marks the rendered
part keeps, and a picture (``Picture``) into a mark naming it while the ``Collector`` of the document being
rendered remembers it. After rendering, ``qdocgen.oxml.inline.expand`` makes the marks into runs, paragraphs
and drawings, and ``qdocgen.oxml.media`` adds the pictures' parts.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from lxml import etree
from markupsafe import Markup

from qdocgen.data.formatted import FormattedText
from qdocgen.data.pictures import Picture
from qdocgen.oxml import inline
from qdocgen.oxml.media import FIRST_SHAPE_ID, Media, inline_drawing
from qdocgen.oxml.package import w


class Collector:
    """The pictures one document prints, and which part shows which."""

    def __init__(self) -> None:
        """Nothing collected yet."""
        self.pictures: dict[str, Picture] = {}
        self.shown: dict[str, dict[str, Media]] = {}
        self.shape_id = FIRST_SHAPE_ID

    def drawing_for(self, part: str) -> Callable[[str], etree._Element]:
        """What ``inline.expand`` calls for a picture mark in ``part``: the drawing, recorded as shown there."""
        def drawing(key: str) -> etree._Element:
            picture = self.pictures.get(key)
            if picture is None:  # a mark the template itself carried: not a picture of this document
                return etree.Element(w("t"))
            media = Media(key, picture.data, picture.kind, picture.width_emu, picture.height_emu, picture.name)
            self.shown.setdefault(part, {})[key] = media
            self.shape_id += 1
            return inline_drawing(media, self.shape_id)
        return drawing


_current: ContextVar[Collector | None] = ContextVar("qdocgen_pictures", default=None)


def collecting(collector: Collector | None) -> Any:
    """Make ``collector`` the one pictures are recorded in (returns the token ``done`` takes)."""
    return _current.set(collector)


def done(token: Any) -> None:
    """Stop recording in the collector ``collecting`` set."""
    _current.reset(token)


def rich_finalize(base: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``base`` (the XML finalize) that prints formatted text and pictures as marks ``expand`` understands."""
    def finalize(value: Any) -> Any:
        if isinstance(value, FormattedText) and not value.is_plain:
            return Markup(inline.formatted_xml((s.kind, s.text, s.flags) for s in value.segments))
        if isinstance(value, Picture):
            collector = _current.get()
            if collector is None:  # not in a document (a preview of values): its file name stands for it
                return base(value.name)
            collector.pictures[value.key] = value
            return Markup(inline.picture_xml(value.key))
        return base(value)
    return finalize
