"""YAML edited round-trip: comments, key order, anchors, quotes, indentation, BOM and line ends kept.

A file is read with :func:`text_of` and :func:`yaml_editor`, changed as a ruamel document, and written back
with :func:`dump` in the indentation that reproduces the original best (:func:`best_indent`) and the
original's encoding details (:func:`encode`). Used by ``qdocgen new-year``, the Excel import and the web
form, so the clerk's file stays the clerk's.
"""

from __future__ import annotations

import difflib
from io import StringIO
from typing import Any

from ruamel.yaml import YAML

# (mapping, sequence, offset) indents tried in turn; the one that reproduces the file best is kept.
INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2), (4, 2, 0))


def yaml_editor(indent: tuple[int, int, int]) -> YAML:
    """A round-trip YAML reader and writer with the given (mapping, sequence, offset) indents."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the clerk wrote
    yaml.allow_duplicate_keys = False
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def text_of(raw: bytes) -> str:
    """A file's bytes as text: without BOM, with Unix line ends."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def dump(doc: Any, indent: tuple[int, int, int]) -> str:
    """A document written as YAML text with the given indents."""
    stream = StringIO()
    yaml_editor(indent).dump(doc, stream)
    return stream.getvalue()


def best_indent(text: str) -> tuple[int, int, int]:
    """The indentation that reproduces ``text`` with the fewest changed lines."""
    best, best_cost = INDENTS[0], None
    original = text.splitlines()
    for indent in INDENTS:
        again = dump(yaml_editor(indent).load(text), indent).splitlines()
        cost = sum(1 for op in difflib.ndiff(original, again) if op[:1] in "+-")
        if best_cost is None or cost < best_cost:
            best, best_cost = indent, cost
        if cost == 0:
            break
    return best


def encode(text: str, like: bytes) -> bytes:
    """``text`` in the original file's encoding details (BOM, CRLF line ends)."""
    if b"\r\n" in like:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if like.startswith(b"\xef\xbb\xbf") else data
