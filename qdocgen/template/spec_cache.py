"""Template declarations already read and checked, kept on disk by the hash of their text.

Reading a declaration with the round-trip YAML reader and checking it against the JSON Schema meta-schema
costs more than filling a document; a single ``qdocgen render`` paid it every time. A declaration that
passed is stored as JSON under the SHA-256 of its bytes (and of qdocgen's cache format), in the user's
cache folder; the next run with the same bytes takes it from there. A changed file has another hash; a
declaration that fails is never stored, so its problems are always said. Only JSON is read back (never
code), and anything unreadable counts as absent. ``QDOCGEN_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

FORMAT = b"qdocgen-spec-1\0"
ENV_VAR = "QDOCGEN_CACHE"


def folder() -> Path | None:
    """The cache folder (``None``: caching is off)."""
    if os.environ.get(ENV_VAR) == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or str(Path.home() / ".cache")
    return Path(base) / "qdocgen" / "mau"


def key(raw: bytes) -> str:
    """The cache key of a declaration's bytes."""
    return hashlib.sha256(FORMAT + raw).hexdigest()


def load(raw: bytes) -> dict[str, Any] | None:
    """The checked declaration stored for ``raw``, or ``None``."""
    where = folder()
    if where is None:
        return None
    try:
        found = json.loads((where / f"{key(raw)}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return found if isinstance(found, dict) else None


def store(raw: bytes, spec: dict[str, Any]) -> None:
    """Keep a declaration that passed its checks; silently nothing where it cannot be kept as it is."""
    where = folder()
    if where is None:
        return
    try:
        text = json.dumps(spec, ensure_ascii=False, sort_keys=False)
        if json.loads(text) != spec:  # dates or other values JSON would change: read the file each time
            return
        from qdocgen.output import write_atomic

        where.mkdir(parents=True, exist_ok=True)
        write_atomic(where / f"{key(raw)}.json", text.encode("utf-8"), force=True)
    except Exception:  # a cache never makes a run fail
        return
