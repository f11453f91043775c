"""The review list ``new-year`` writes into a dataset (``_xem-lai.md``), worked through item by item on a page.

The list is the library's (``qdocgen.data.review_list``): an item is closed when it is ticked (``- [x]``) or when
the value it is about was edited since. This module reads it with its headings, says which item is about which
field (to link straight to it), and ticks or unticks one line in place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen.data.reader import key_path
from qdocgen.data.review_list import REVIEW_NAME, open_items
from qdocgen.output import write_atomic

_ITEM = re.compile(r"^(?P<lead>\s*[-*]\s+\[)(?P<mark>[ xX])(?P<rest>\]\s+(?P<text>.*?)\s*"
                   r"(?:<!--\s*qdocgen\s+(?P<ref>\{.*\})\s*-->)?\s*)$")


@dataclass
class Item:
    """One task line: its line number, text, whether it is done, and the field it is about."""

    line: int
    text: str
    done: bool
    file: str = ""
    key: str = ""


@dataclass
class Section:
    """A heading of the list and its items."""

    title: str
    items: list[Item] = field(default_factory=list)


def read(folder: Path) -> list[Section] | None:
    """The review list of a dataset folder by section, or ``None`` when it has none."""
    try:
        lines = (folder / REVIEW_NAME).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    still_open = set(open_items(folder))
    sections = [Section("")]
    for number, line in enumerate(lines):
        if line.startswith("## "):
            sections.append(Section(line[3:].strip()))
            continue
        match = _ITEM.match(line)
        if match is None:
            continue
        item = Item(number, match["text"], match["mark"] != " " or match["text"] not in still_open)
        try:
            ref = json.loads(match["ref"]) if match["ref"] else {}
        except ValueError:
            ref = {}
        if isinstance(ref, dict) and isinstance(ref.get("tep"), str) and isinstance(ref.get("khoa"), list):
            item.file = ref["tep"]
            item.key = key_path(tuple(k for k in ref["khoa"] if isinstance(k, (str, int))))
        sections[-1].items.append(item)
    return [s for s in sections if s.items or s.title]


def tick(folder: Path, line: int, done: bool) -> None:
    """Mark the item on ``line`` done (``- [x]``) or open again (``- [ ]``)."""
    path = folder / REVIEW_NAME
    raw = path.read_bytes()
    lines = raw.decode("utf-8-sig").split("\n")
    if not 0 <= line < len(lines):
        return
    match = _ITEM.match(lines[line].rstrip("\r"))
    if match is None:
        return
    end = "\r" if lines[line].endswith("\r") else ""
    lines[line] = f"{match['lead']}{'x' if done else ' '}{match['rest']}{end}"
    write_atomic(path, "\n".join(lines).encode("utf-8"), force=True)
