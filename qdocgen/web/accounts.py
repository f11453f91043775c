"""Who may use the server: a users file with hashed passwords, and which datasets each user may open.

The file is JSON, made and changed by ``qdocgen serve --them-nguoi-dung``; passwords are kept as scrypt hashes
(``hashlib.scrypt``, standard library) with a random salt, compared in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen.errors import QdocgenError
from qdocgen.output import write_atomic

USERS_FILE = "nguoi-dung.json"
LOCAL_USER = "may-nay"
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    """A user: login name, full name, and the datasets (path prefixes, or ``*``) they may open."""

    name: str
    full_name: str = ""
    datasets: tuple[str, ...] = field(default=("*",))

    def may_open(self, dataset: str) -> bool:
        """Whether this user may open ``dataset`` (``binh-tan/2019``)."""
        return any(d == "*" or dataset == d or dataset.startswith(d.rstrip("/") + "/") for d in self.datasets)

    @property
    def shown(self) -> str:
        """The name to show and to write in the audit log."""
        return self.full_name or self.name


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` for ``password``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(base64.b64decode(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def _read(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise QdocgenError(f"{path}: không đọc được tệp người dùng ({exc}); sửa hoặc xóa tệp rồi tạo lại bằng "
                           "qdocgen serve --them-nguoi-dung.") from exc
    users = loaded.get("nguoi_dung") if isinstance(loaded, dict) else None
    return users if isinstance(users, dict) else {}


def load(path: Path) -> dict[str, tuple[User, str]]:
    """Every user of the file with their password hash; an absent file has none."""
    out: dict[str, tuple[User, str]] = {}
    for name, entry in _read(path).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("mat_khau"), str):
            continue
        datasets = entry.get("bo_du_lieu") or ["*"]
        out[name] = (User(name, str(entry.get("ho_ten") or ""), tuple(str(d) for d in datasets)), entry["mat_khau"])
    return out


def add_user(path: Path, name: str, password: str, datasets: tuple[str, ...] = ("*",),
             full_name: str = "") -> None:
    """Add a user to the file, or change their password and datasets (the file is made if absent)."""
    if not _NAME.match(name):
        raise QdocgenError(f"Tên đăng nhập «{name}» không dùng được: 2–32 ký tự chữ thường không dấu, số, «.», «_» "
                           "hoặc «-», ví dụ «van-thu.an-lac».")
    if len(password) < MIN_PASSWORD:
        raise QdocgenError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
    users = _read(path)
    users[name] = {"ho_ten": full_name, "bo_du_lieu": list(datasets) or ["*"], "mat_khau": hash_password(password)}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"nguoi_dung": users}, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"), force=True)
    os.chmod(path, 0o600)


def authenticate(path: Path, name: str, password: str) -> User | None:
    """The user when ``name`` and ``password`` match the file, else ``None`` (same time either way)."""
    users = load(path)
    user, stored = users.get(name, (None, hash_password("x" * MIN_PASSWORD)))
    ok = check_password(password, stored)
    return user if ok and user is not None else None


def secret_key(state: Path) -> str:
    """The key that signs session cookies, made once and kept private in the state folder."""
    path = state / "khoa-phien"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        state.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key)
        return key
