"""Writing outputs safely: atomically, never over an existing file without ``force``, never outside the folder.

On Linux the content is written to an anonymous file (``O_TMPFILE``) that gets a name only once it is
complete, so even a run killed with SIGKILL leaves nothing behind. Elsewhere (Windows, macOS, file systems
without ``O_TMPFILE``) a hidden temporary file beside the target is renamed into place (and removed on any
error; one left by a killed run is removed by the next batch). The environment variable
``QDOCGEN_PORTABLE_WRITE=1`` forces that portable way on Linux too, so the tests cover it.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from qdocgen.errors import OutputError, QdocgenError

MAX_NAME = 120
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
PORTABLE_ENV = "QDOCGEN_PORTABLE_WRITE"
_AT_FDCWD = -100
_AT_SYMLINK_FOLLOW = 0x400


def slug(text: str, fallback: str = "van-ban", limit: int = 80) -> str:
    """A safe ASCII file-name stem from ``text``: "Phường Bình Trị Đông A" → "phuong-binh-tri-dong-a"."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    if not out or _WINDOWS_RESERVED.match(out):
        return fallback
    return out


def check_writable(path: Path, force: bool) -> None:
    """Refuse an existing file unless ``force``; refuse a folder where a file should go."""
    if path.is_dir():
        raise OutputError(f"{path}: đây là một thư mục, cần đường dẫn tới một tệp .docx.")
    if path.exists() and not force:
        raise OutputError(f"{path}: tệp đã có, không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.")


def _exists_error(path: Path) -> OutputError:
    return OutputError(f"{path}: tệp đã có, không ghi đè. Dùng --force để ghi đè.")


def _anonymous_file(folder: Path) -> int | None:
    """An unnamed file in ``folder`` (Linux ``O_TMPFILE``), or ``None`` where that is not available."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or os.environ.get(PORTABLE_ENV) == "1" or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError:
        return None


def _give_name(fd: int, path: Path) -> None:
    """Link the anonymous file ``fd`` at ``path``; fails with FileExistsError if ``path`` exists."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    source = f"/proc/self/fd/{fd}".encode()
    if libc.linkat(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(path), _AT_SYMLINK_FOLLOW) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(path))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _write_anonymous(fd: int, path: Path, data: bytes, force: bool) -> None:
    _write_all(fd, data)
    if not force:
        try:
            _give_name(fd, path)
        except FileExistsError as exc:
            raise _exists_error(path) from exc
        return
    # A complete file gets a hidden name for the instant before the rename replaces the old file.
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    _give_name(fd, tmp)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_named(path: Path, data: bytes, force: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # not on Windows, where files carry no such mode
                os.fchmod(handle.fileno(), 0o644)
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
                raise _exists_error(path) from exc
            except OSError:
                if path.exists():
                    raise _exists_error(path) from None
                os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` at ``path`` all at once: never a half-written file, not even after a kill."""
    check_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path.parent}: không tạo được thư mục ({why(exc)}).") from exc
    fd = _anonymous_file(path.parent)
    try:
        if fd is None:
            _write_named(path, data, force)
            return
        try:
            _write_anonymous(fd, path, data, force)
        finally:
            os.close(fd)
    except OutputError:
        raise
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise _exists_error(path) from exc
        raise OutputError(f"{path}: không ghi được ({why(exc)}); không để lại tệp dở.") from exc


def write_atomic_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` at ``path`` all at once, replacing what is there: a hidden file, flushed, then renamed."""
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: không ghi được ({why(exc)}); không để lại tệp dở.") from exc
    finally:
        tmp.unlink(missing_ok=True)


def inside(folder: Path, name: str) -> Path:
    """``folder / name`` for a plain file name; a name that could leave ``folder`` (or is not safe) is refused."""
    unsafe = (not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name
              or ":" in name or len(name.encode("utf-8")) > MAX_NAME or _WINDOWS_RESERVED.match(name)
              or name != name.strip() or name.startswith("."))
    target = (folder / name).resolve() if not unsafe else None
    if target is None or folder.resolve() not in target.parents:
        raise OutputError(f"tên tệp «{name}» không an toàn (có thể thoát ra ngoài thư mục {folder}); "
                          "chọn một mã đơn vị khác: chỉ chữ thường không dấu, số và dấu gạch ngang.")
    return folder / name


_WHY = {
    errno.ENOSPC: "đĩa đầy: hãy giải phóng chỗ trống hoặc ghi vào ổ khác rồi chạy lại",
    errno.EDQUOT: "hết hạn mức dung lượng của người dùng: hãy xóa bớt tệp hoặc ghi vào ổ khác",
    errno.EROFS: "ổ đĩa chỉ cho đọc: hãy chọn một thư mục ghi được (-o)",
    errno.EACCES: "không có quyền ghi: hãy chọn thư mục khác (-o) hoặc xin quyền ghi",
    errno.EPERM: "không được phép: hãy chọn thư mục khác (-o) hoặc xin quyền ghi",
    errno.ENOENT: "thư mục không còn (bị xóa hoặc ổ bị tháo): hãy kiểm tra đường dẫn",
    errno.ENAMETOOLONG: "tên tệp quá dài: hãy chọn tên ngắn hơn",
    errno.EIO: "lỗi đọc/ghi của ổ đĩa: hãy kiểm tra ổ (USB, ổ mạng) rồi chạy lại",
}


def why(exc: OSError) -> str:
    """An operating-system error said for a clerk, with what to do."""
    return _WHY.get(exc.errno or 0, f"{exc.strerror or exc}: kiểm tra quyền ghi và chỗ trống trên đĩa")


def resource_error(exc: BaseException) -> QdocgenError:
    """A failure of the machine (disk, memory, nesting) as an error with a message and an exit code."""
    from qdocgen.limits import LimitError

    if isinstance(exc, MemoryError):
        return LimitError("hết bộ nhớ: mẫu hoặc dữ liệu đòi tạo một văn bản quá lớn; hãy kiểm tra mẫu bằng "
                          "qdocgen check-template và bỏ các phép nhân chuỗi, vòng lặp lớn.")
    if isinstance(exc, RecursionError):
        return LimitError("mẫu hoặc dữ liệu lồng nhau quá sâu (một macro hay bí danh gọi lại chính nó); hãy sửa "
                          "chỗ lồng đó.")
    assert isinstance(exc, OSError)
    where = f"{exc.filename}: " if exc.filename else ""
    return OutputError(f"{where}không đọc/ghi được ({why(exc)}).")


def check_folder_writable(folder: Path) -> None:
    """Refuse, before any work, a folder where nothing can be written (read-only, no permission, full disk)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise OutputError(f"{folder}: không ghi được vào thư mục ({why(exc)}); chưa tệp nào được ghi.") from exc
