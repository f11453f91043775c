"""A batch's files made durable a group at a time: one flush of the disk per group instead of one per file.

Each file is written whole under a hidden temporary name beside its target (``.NAME.RANDOM.tmp``, which the
next batch removes if a killed run left it). When a group is full, or some time has passed, or the batch
ends, the group is committed: its files are flushed in one pass (side by side, so the file system commits
them together), every temporary gets its name (never over an existing file without ``force``), and the
folder itself is flushed. Only then does the manifest say the files are written: a file it lists as
written is on disk for good, and no half-written file ever carries a target's name.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen import manifest
from qdocgen.errors import OutputError
from qdocgen.output import why

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8,12}\.tmp$")


def clean_temporaries(out_dir: Path, names: Collection[str]) -> None:
    """Remove half-written temporary files a killed earlier run left behind (never a finished output).

    Only qdocgen's own: ``.NAME.RANDOM.tmp`` for a NAME this run writes; a user's other ``.*.tmp`` stay.
    """
    if not out_dir.is_dir():
        return
    try:
        for stale in out_dir.glob(".*.tmp"):
            m = _TEMPORARY.match(stale.name)
            if m and m.group("name") in names and not stale.is_symlink():
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder has no temporaries of ours to remove


def own_names(ids: Sequence[str]) -> set[str]:
    """The file names a batch writes in its output folder (whose temporaries it may remove)."""
    return {f"{uid}{ext}" for uid in ids for ext in (".docx", ".pdf")} | {manifest.JSON_NAME, manifest.CSV_NAME}


GROUP_FILES = 16  # files per flush; a killed batch loses at most this many files' work
GROUP_SECONDS = 1.0  # and at most this long
_FLUSHERS = 8


def write_staged(target: Path, data: bytes) -> Path:
    """Write ``data`` whole under a hidden temporary name beside ``target``; that name (not yet flushed)."""
    temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"{target}: không ghi được ({why(exc)}); không để lại tệp dở.") from exc
    return temporary


@dataclass(frozen=True)
class Staged:
    """A file written under its temporary name, waiting for its group's commit."""

    unit_id: str
    temporary: Path
    target: Path
    force: bool


@dataclass(frozen=True)
class Committed:
    """What a commit did with one staged file: ``error`` empty when it now has its name, durably."""

    staged: Staged
    exists: bool = False  # the target appeared meanwhile and was not replaced (no force)
    error: str = ""


def _flush_one(path: Path) -> None:
    """One file's data and size on disk."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_files(files: list[Path]) -> None:
    """The files on disk, in one pass: flushed side by side, so the file system commits them together.

    Not ``syncfs``: on a disk shared with others it waits for everyone's writes, where this waits for ours.
    """
    if len(files) == 1:
        _flush_one(files[0])
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(len(files), _FLUSHERS)) as pool:
        list(pool.map(_flush_one, files))  # list(): the first error is raised here


def _flush_folder(folder: Path) -> None:
    """The folder's entries (the new names) on disk; where a folder cannot be opened (Windows), nothing to do."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is as durable as they make it
    finally:
        os.close(fd)


def _name(staged: Staged) -> Committed:
    """Give a flushed temporary its target name: replacing only with ``force``."""
    try:
        if staged.force:
            os.replace(staged.temporary, staged.target)
            return Committed(staged)
        try:
            os.link(staged.temporary, staged.target)  # fails if the target appeared meanwhile
        except FileExistsError:
            return Committed(staged, exists=True)
        except OSError:
            if staged.target.exists():
                return Committed(staged, exists=True)
            os.replace(staged.temporary, staged.target)  # a file system without hard links
        return Committed(staged)
    except OSError as exc:
        return Committed(staged, error=f"{staged.target}: không ghi được ({why(exc)}); không để lại tệp dở.")
    finally:
        staged.temporary.unlink(missing_ok=True)


@dataclass
class Group:
    """Staged files waiting for one flush; :meth:`due` says when to commit."""

    folder: Path
    staged: list[Staged] = field(default_factory=list)
    since: float = field(default_factory=time.monotonic)

    def add(self, staged: Staged) -> None:
        """One more file for the next commit."""
        if not self.staged:
            self.since = time.monotonic()
        self.staged.append(staged)

    def due(self) -> bool:
        """Whether the group is full or has waited long enough."""
        return len(self.staged) >= GROUP_FILES or (bool(self.staged)
                                                  and time.monotonic() - self.since >= GROUP_SECONDS)

    def commit(self) -> list[Committed]:
        """Flush once, name every file, flush the folder; what became of each file, in the order staged."""
        staged, self.staged = self.staged, []
        if not staged:
            return []
        try:
            _flush_files([s.temporary for s in staged])
        except OSError as exc:
            for s in staged:
                s.temporary.unlink(missing_ok=True)
            message = f"{self.folder}: không ghi được xuống đĩa ({why(exc)}); không để lại tệp dở."
            return [Committed(s, error=message) for s in staged]
        done = [_name(s) for s in staged]
        _flush_folder(self.folder)
        return done
