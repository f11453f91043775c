"""Templates' parts prepared for Jinja, kept on disk by the hash of their bytes: a single render skips docxtpl.

Preparing a part (docxtpl's mending of tags split across runs, then qdocgen's own rewrites) needs docxtpl
imported and costs about a tenth of a second on a decision template; a single ``qdocgen render`` paid it
every time. The prepared text of a template's tagged parts is stored as JSON under the SHA-256 of their bytes
and of what prepares them (this cache's format, and the size and time of qdocgen's and docxtpl's files that
do it), in the folder of :mod:`qdocgen.template.spec_cache`. Only JSON text is read back, never code: Jinja
still compiles it. Anything unreadable counts as absent; ``QDOCGEN_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from qdocgen.template import spec_cache

FORMAT = b"qdocgen-prepared-1\0"
_PREPARING = Path(__file__).with_name("compiled.py")  # where prepare_xml and its rewrites live


def _tools() -> bytes:
    """What prepares a part, as bytes for the key: qdocgen's and docxtpl's files, by size and time."""
    import importlib.util

    files = [_PREPARING]
    try:
        found = importlib.util.find_spec("docxtpl")
    except (ImportError, ValueError):
        found = None
    if found is not None and found.origin:
        files += [Path(found.origin), Path(found.origin).with_name("template.py")]
    out = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            return b""  # cannot say what prepares the parts: no key
        out.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return b"".join(out)


def key(parts: Mapping[str, bytes]) -> str | None:
    """The cache key of a template's tagged parts (name → bytes); ``None``: not to be cached."""
    tools = _tools()
    if not tools:
        return None
    digest = hashlib.sha256(FORMAT + tools)
    for name in sorted(parts):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(parts[name]).digest())
    return digest.hexdigest()


def load(parts: Mapping[str, bytes]) -> dict[str, str] | None:
    """The prepared text of every part in ``parts``, as stored for exactly these bytes, or ``None``."""
    where, name = spec_cache.folder(), key(parts)
    if where is None or name is None:
        return None
    try:
        found = json.loads((where / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(found, dict) or set(found) != set(parts) or not all(isinstance(v, str) for v in found.values()):
        return None
    return found


def store(parts: Mapping[str, bytes], prepared: Mapping[str, str]) -> None:
    """Keep the prepared text of ``parts``; silently nothing where it cannot be kept."""
    where, name = spec_cache.folder(), key(parts)
    if where is None or name is None:
        return
    try:
        from qdocgen.output import write_atomic

        where.mkdir(parents=True, exist_ok=True)
        write_atomic(where / f"{name}.json", json.dumps(dict(prepared), ensure_ascii=False).encode("utf-8"),
                     force=True)
    except Exception:  # a cache never makes a run fail
        return
