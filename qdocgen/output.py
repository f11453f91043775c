"""Writing outputs safely: atomically, never over an existing file without ``force``, never outside the folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from qdocgen.errors import OutputError


def check_writable(path: Path, force: bool) -> None:
    """Refuse an existing file unless ``force``; refuse a folder where a file should go."""
    if path.is_dir():
        raise OutputError(f"{path}: đây là một thư mục, cần đường dẫn tới một tệp .docx.")
    if path.exists() and not force:
        raise OutputError(f"{path}: tệp đã có, không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.")


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place: never a half-written file."""
    check_writable(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            # link() fails if the file appeared meanwhile, so a file is never replaced without force.
            try:
                os.link(tmp, path)
            except FileExistsError as exc:
                raise OutputError(f"{path}: tệp đã có, không ghi đè. Dùng --force để ghi đè.") from exc
            except OSError:
                if path.exists():
                    raise OutputError(f"{path}: tệp đã có, không ghi đè. Dùng --force để ghi đè.") from None
                os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing a name that would leave ``folder``."""
    target = (folder / name).resolve()
    if folder.resolve() not in target.parents:
        raise OutputError(f"tên tệp «{name}» thoát ra ngoài thư mục {folder}; chọn một mã đơn vị khác.")
    return folder / name
