"""Templates' parts as Jinja compiles them, kept as Python bytecode by the hash of their text.

Jinja turns each tagged part into Python source and compiles it: about a tenth of a second for a decision
template, paid by every single ``qdocgen render``. Jinja's own ``FileSystemBytecodeCache`` keeps that result
marshalled on disk; this does the same for templates made from strings, keyed by the SHA-256 of the prepared
text, of Jinja's and Python's versions, and of what in the environment shapes the generated code (its class,
filters, tests, finalize and autoescape). The bytecode is what Jinja generated from text qdocgen checked: the
sandbox still decides, at run time, what the template may touch. It is read only from a folder that the user
alone can write (0700, the user's own, checked before each read), so nobody else can put code there; anything
unreadable counts as absent, and ``QDOCGEN_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import Environment, Template

from qdocgen.template import spec_cache

FORMAT = b"qdocgen-jinja-code-1\0"


def _name(env: Environment) -> str:
    """A callable's stable name (``repr`` would carry its address)."""
    return getattr(env.finalize, "__qualname__", "") if env.finalize is not None else "-"


def key(env: Environment, source: str) -> str:
    """The cache key of ``source`` compiled in ``env``."""
    shape = "\0".join([
        jinja2.__version__, sys.version, type(env).__qualname__, _name(env),
        repr(env.autoescape) if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?"),
        ",".join(sorted(env.filters)), ",".join(sorted(env.tests)),
    ])
    return hashlib.sha256(FORMAT + shape.encode("utf-8") + b"\0" + source.encode("utf-8")).hexdigest()


def _private(path: Path) -> bool:
    """Whether only the user can write ``path`` (a folder, or a file in it); always so where there are no uids."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the folder is under the user's own LOCALAPPDATA
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _folder() -> Path | None:
    """The private folder of compiled parts, made if absent (``None``: caching off or not private)."""
    base = spec_cache.folder()
    if base is None:
        return None
    where = base / "ma-jinja"
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        return where if _private(where) and _private(where.parent) else None
    except OSError:
        return None


def _load(path: Path) -> CodeType | None:
    """The code kept at ``path``, if the file is there, private and whole."""
    try:
        if not _private(path):
            return None
        code = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def template(env: Environment, source: str) -> Template:
    """``env.from_string(source)``, with Jinja's compiling skipped when this text was compiled before.

    A template that does not compile raises Jinja's error as ``from_string`` does; only what compiled is kept.
    """
    where = _folder()
    path = where / f"{key(env, source)}.marshal" if where is not None else None
    code = _load(path) if path is not None else None
    if code is None:
        code = env.compile(source)
        if path is not None:
            _store(path, code)
    return env.template_class.from_code(env, code, env.make_globals(None))


def _store(path: Path, code: CodeType) -> None:
    """Keep ``code`` at ``path``, written whole or not at all; silently nothing where it cannot be."""
    try:
        from qdocgen.output import write_atomic

        write_atomic(path, marshal.dumps(code), force=True)
        path.chmod(0o600)
    except Exception:  # a cache never makes a run fail
        return
