"""Unit data read at C speed: libyaml's parser (PyYAML), for files where nothing needs the round-trip reader.

The round-trip reader (:mod:`qdocgen.data.yaml_file`) stays the reference: it keeps comments and the width of
numbers, which the pitfall checks need, and words every syntax error with its line. :func:`load` gives
exactly what that reader gives (plain values, and the line of every key and list item) or ``None``, and then
the caller reads the file the reference way. ``None`` comes for anything the reference reader might see
differently: a syntax error, a tag or directive, an anchor on anything but a text value (or a name given twice),
an alias anywhere but as a mapping's value, a key written twice, a comment that may hide text after a value, a
tab, a character YAML does not allow, a plain value YAML 1.2 might read as something other than text, a number
or date it does not read plainly, more than one document, a limit reached. Where PyYAML has no libyaml, its
pure-Python parser does the same job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from qdocgen import limits
from qdocgen.data.places import KeyPath, Origin

try:
    import yaml as _pyyaml  # type: ignore[import-untyped]  # no stubs shipped; used through a few calls
except ImportError:  # pragma: no cover - PyYAML is a dependency; without it every file goes the reference way
    _pyyaml = None  # type: ignore[assignment]

# A «#» straight before text after a value (the «#» pitfall needs the reference reader's comments; «# note»
# cannot be one), a directive, a tab, a character outside what YAML allows (the reference reader refuses it,
# libyaml may not).
_DECLINED_TEXT = re.compile(r"^[ \t]*[^#\s][^\n]*#[^\s#]|^%|\t|[^\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD"
                            r"\U00010000-\U0010FFFF]", re.MULTILINE)
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What a YAML 1.2 number, time or special value may be made of; «31/02/2019» or «784/QĐ-UBND» is text.
_NUMBER_LIKE = re.compile(r"[0-9a-zA-Z_+\-.:<= ]*")
_MAX_DEPTH = 60  # deeper data goes the reference way, which says it is nested too deep


class Declined(Exception):
    """This file is for the reference reader."""


def _loader() -> Any:
    """PyYAML's libyaml loader where it was built with libyaml, else its pure-Python one."""
    assert _pyyaml is not None
    return _pyyaml.CSafeLoader if getattr(_pyyaml, "__with_libyaml__", False) else _pyyaml.SafeLoader


def _text(value: str) -> str:
    """A string value as the reference path gives it (NFC), within the length limit."""
    if len(value) > limits.current().value_chars:
        raise Declined
    return unicodedata.normalize("NFC", value)


def _plain_scalar(value: str) -> Any:
    """A plain (unquoted) scalar read as YAML 1.2 reads it, or :class:`Declined` where that is not plain."""
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _DATE.fullmatch(value):
        try:
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            raise Declined from None
    if value[0] in "0123456789+-.<=" and _NUMBER_LIKE.fullmatch(value):
        raise Declined  # other numbers, times, .inf, the merge key: the reference reader's job
    return _text(value)


def _scalar(event: Any, anchored: bool = False) -> Any:
    """The value of a scalar event (``anchored``: it may carry an anchor, if its value is text)."""
    if (event.anchor is not None and not anchored) or event.tag is not None:
        raise Declined
    value = _plain_scalar(event.value) if not event.style else _text(event.value)  # plain: None or ""
    if event.anchor is not None and not isinstance(value, str):
        raise Declined  # the reference reader keeps an anchored number or true/false as its own kind of value
    return value


@dataclass
class _Frame:
    """A mapping or list being built, the place it sits, and (in a mapping) the key waiting for its value."""

    value: dict[str, Any] | list[Any]
    prefix: KeyPath
    key: str | None = None
    raw_keys: set[str] = field(default_factory=set)


@dataclass
class _Builder:
    """Plain values and origins from a stream of parser events, without recursion."""

    file: str
    origins: dict[KeyPath, Origin] = field(default_factory=dict)
    stack: list[_Frame] = field(default_factory=list)
    result: Any = None
    documents: int = 0
    anchors: dict[str, str] = field(default_factory=dict)  # text values named with «&name», for «*name»

    def place(self, event: Any) -> KeyPath | None:
        """Where the node starting with ``event`` goes (``None``: it is a mapping's key); its origin recorded."""
        if not self.stack:
            self.documents += 1
            if self.documents > 1:
                raise Declined
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            here = frame.prefix + (len(frame.value),)
        elif frame.key is None:
            return None
        else:
            return frame.prefix + (frame.key,)
        self._origin(here, event)
        return here

    def _origin(self, here: KeyPath, event: Any) -> None:
        self.origins[here] = Origin(self.file, event.start_mark.line + 1)
        if len(self.origins) > limits.current().data_values:
            raise Declined

    def add(self, value: Any) -> None:
        """A finished node: the result, a list item, or a mapping's value."""
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        else:
            assert frame.key is not None
            frame.value[frame.key] = value
            frame.key = None

    def key(self, event: Any) -> None:
        """A mapping key: text only, never written twice."""
        frame = self.stack[-1]
        if type(event).__name__ != "ScalarEvent" or event.value in frame.raw_keys:
            raise Declined
        name = _scalar(event)
        if not isinstance(name, str) or name in frame.value:
            raise Declined
        frame.raw_keys.add(event.value)
        frame.key = name
        self._origin(frame.prefix + (name,), event)

    def start(self, event: Any, value: dict[str, Any] | list[Any]) -> None:
        """A mapping or list begins."""
        if event.anchor is not None or event.tag is not None or len(self.stack) >= _MAX_DEPTH:
            raise Declined
        here = self.place(event)
        if here is None:
            raise Declined  # a mapping or list as a key
        self.stack.append(_Frame(value, here))

    def event(self, event: Any) -> None:
        """Take one parser event."""
        kind = type(event).__name__
        if kind == "ScalarEvent":
            if self.place(event) is None:
                self.key(event)
            else:
                self.add(self._anchored(event))
        elif kind == "MappingStartEvent":
            self.start(event, {})
        elif kind == "SequenceStartEvent":
            self.start(event, [])
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self.add(self.stack.pop().value)
        elif kind == "AliasEvent":
            # Only as a mapping's value (the key's line is its origin either way): an unknown name, a
            # collection's, an alias as a key or a list item (whose line the reference takes from the anchor)
            # are the reference reader's job.
            if event.anchor not in self.anchors or not self.stack or not isinstance(self.stack[-1].value, dict) \
                    or self.place(event) is None:
                raise Declined
            self.add(self.anchors[event.anchor])
        elif kind == "DocumentStartEvent" and (event.version or event.tags):
            raise Declined

    def _anchored(self, event: Any) -> Any:
        """A scalar value; one named with an anchor is kept for its aliases (only text, only named once)."""
        value = _scalar(event, anchored=True)
        if event.anchor is not None:
            if event.anchor in self.anchors:
                raise Declined
            self.anchors[event.anchor] = value
        return value


def _events(text: str) -> Iterator[Any]:
    """The parser's events for ``text``."""
    assert _pyyaml is not None
    yield from _pyyaml.parse(text, Loader=_loader())


def load(text: str, file: str) -> tuple[dict[str, Any], dict[KeyPath, Origin]] | None:
    """``text`` (the file ``file``) as plain data and the origin of every value, or ``None``: use the reference.

    The data and origins are those the reference path (round-trip reading, then
    :func:`qdocgen.data.yaml_file.plain`) gives for the same text.
    """
    if _pyyaml is None or _DECLINED_TEXT.search(text):
        return None
    builder = _Builder(file)
    try:
        for event in _events(text):
            builder.event(event)
    except (Declined, _pyyaml.YAMLError, RecursionError, ValueError, OverflowError):
        return None
    if builder.result is None:
        return ({}, builder.origins) if builder.documents == 0 else None
    if not isinstance(builder.result, dict):
        return None
    return builder.result, builder.origins
