"""The review list ``new-year`` writes (``_xem-lai.md``): which of its items are still open.

Each item is a Markdown task line ``- [ ] ...`` carrying, in an HTML comment the clerk does not see when the file
is shown, the file and key it is about and a fingerprint of the value there when the list was written. An item
is closed when it is ticked (``- [x]``) or when the value at its key was edited since (or is gone).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from qdocgen.data import reader

REVIEW_NAME = "_xem-lai.md"
_ITEM = re.compile(r"^\s*[-*]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*?)\s*(?:<!--\s*qdocgen\s+(?P<ref>\{.*\})\s*-->)?\s*$")

KeyPath = Sequence[str | int]


def plain(value: Any) -> Any:
    """A YAML value as plain JSON-able data (mappings, lists, strings for the rest)."""
    if isinstance(value, (dict, CommentedMap)):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, CommentedSeq)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def fingerprint(value: Any) -> str:
    """A short hash of a value, to see later whether it was edited."""
    text = json.dumps(plain(value), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def marker(file: str, key: KeyPath, value: Any) -> str:
    """The hidden part of an item line: which file and key, and the value's fingerprint."""
    ref = {"tep": file, "khoa": list(key), "dau": fingerprint(value)}
    return f"<!-- qdocgen {json.dumps(ref, ensure_ascii=False)} -->"


def _value_at(doc: Any, key: KeyPath) -> tuple[bool, Any]:
    node = doc
    for part in key:
        if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return False, None
    return True, node


def _still_open(folder: Path, ref: dict[str, Any], cache: dict[str, Any]) -> bool:
    """Whether the value an item is about is unchanged since the list was written."""
    name, key, mark = ref.get("tep"), ref.get("khoa"), ref.get("dau")
    if not isinstance(name, str) or not isinstance(key, list) or Path(name).name != name:
        return True  # not ours to judge: the clerk closes it by ticking
    if name not in cache:
        doc, problems = reader.read_yaml(folder / name)
        cache[name] = None if problems else doc
    if cache[name] is None:
        return False  # the file is gone (or no longer reads): nothing left to review there
    found, value = _value_at(cache[name], key)
    return found and fingerprint(value) == mark


def open_items(folder: Path) -> list[str]:
    """The items of ``folder``'s review list still open; empty when there is no list."""
    path = folder / REVIEW_NAME
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    cache: dict[str, Any] = {}
    items: list[str] = []
    for line in text.splitlines():
        match = _ITEM.match(line)
        if match is None or match["mark"] != " ":
            continue
        ref: Any = None
        if match["ref"]:
            try:
                ref = json.loads(match["ref"])
            except ValueError:
                ref = None
        if not isinstance(ref, dict) or _still_open(folder, ref, cache):
            items.append(match["text"])
    return items
