"""Starting the web app: where it listens, and who may use it there.

On the loopback address (this machine only) no account is needed unless a users file exists. Listening on any
other address needs accounts (a users file, made with ``qdocgen serve --them-nguoi-dung``) or the office's reverse
proxy in front, telling the user's name in a header (``--proxy-header``); otherwise the server refuses to start.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from qdocgen.errors import QdocgenError
from qdocgen.web.accounts import USERS_FILE
from qdocgen.web.guard import Access
from qdocgen.web.workspace import STATE_DIR


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_users_file(root: Path) -> Path:
    """The users file of a data root."""
    return root.resolve() / STATE_DIR / USERS_FILE


def access_for(root: Path, host: str, users_file: Path | None = None, proxy_header: str | None = None) -> Access:
    """How users are known when serving ``root`` on ``host``; refused when others could reach it unguarded."""
    users = users_file or default_users_file(root)
    if proxy_header:
        return Access(None, proxy_header.lower())
    if users.is_file():
        return Access(users)
    if users_file is not None:
        raise QdocgenError(f"{users_file}: không có tệp người dùng này; tạo bằng qdocgen serve --them-nguoi-dung TÊN.")
    if not is_loopback(host):
        raise QdocgenError(f"Máy chủ nghe trên {host} thì người khác trong mạng truy cập được, nên cần tài khoản: "
                           f"tạo người dùng bằng «qdocgen serve {root} --them-nguoi-dung TÊN», hoặc đặt máy chủ sau "
                           "reverse proxy của cơ quan và dùng --proxy-header (xem README).")
    return Access(None)


def run(root: Path, host: str, port: int, users_file: Path | None = None, proxy_header: str | None = None) -> None:
    """Serve the app until stopped (Ctrl-C)."""
    import uvicorn

    from qdocgen.web.app import Settings, create_app

    app = create_app(Settings(root, access_for(root, host, users_file, proxy_header)))
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=200, timeout_keep_alive=10)
