"""Request hygiene for the web app: body size limits, security headers, users, and CSRF tokens.

The size limit is a plain ASGI wrapper: a request announcing more than the limit is refused before its body is
read, and one that sends more than it announced is cut off. Every state-changing request carries the session's
CSRF token (a form field ``csrf`` or the header ``X-CSRF-Token``); the session cookie is signed (Starlette's
``SessionMiddleware``, itsdangerous) and sent only to this site.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qdocgen.errors import QdocgenError
from qdocgen.web import accounts, intake

MAX_BODY = 2 * 1024 * 1024
MAX_UPLOAD = 256 * 1024
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class Refused(QdocgenError):
    """A request the server will not serve: ``status`` is its HTTP status."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


class TooLarge(Exception):
    """The request body went past the limit."""


class BodyLimit:
    """Refuse request bodies larger than ``limit`` bytes (413), announced or not."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the announced length, then count what arrives."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except TooLarge:
            await _too_large(send, self.limit)


async def _too_large(send: Send, limit: int) -> None:
    body = f"Yêu cầu quá lớn: nhiều nhất {limit // 1024} KB.".encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Headers that keep pages from being framed or loading anything from elsewhere."""

    HEADERS = [(b"content-security-policy", b"default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
                                            b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
               (b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"same-origin")]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers to every HTTP response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass(frozen=True)
class Access:
    """How users are known: a users file (login), an office reverse proxy's header, or this machine alone."""

    users_file: Path | None = None
    proxy_header: str | None = None

    @property
    def login(self) -> bool:
        """Whether users log in with a password here."""
        return self.users_file is not None and self.proxy_header is None

    def user(self, request: Request) -> accounts.User | None:
        """The user making ``request``, or ``None`` when they must log in first."""
        if self.proxy_header:
            name = request.headers.get(self.proxy_header, "").strip()
            return accounts.User(name) if name else None
        if self.users_file is None:
            return accounts.User(accounts.LOCAL_USER, "Người dùng máy này")
        who = request.session.get("user")
        if not isinstance(who, str):
            return None
        found = accounts.load(self.users_file).get(who)
        return found[0] if found else None


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if isinstance(token, str):
        return token
    made = secrets.token_urlsafe(32)
    request.session["csrf"] = made
    return made


def check_csrf(request: Request, sent: Any) -> None:
    """Refuse the request unless it carries the session's token."""
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not isinstance(sent, str) or not hmac.compare_digest(expected, sent):
        raise Refused("Biểu mẫu đã hết hạn hoặc không gửi từ trang này (thiếu mã chống giả mạo); tải lại trang rồi "
                      "làm lại.")


async def form_payload(request: Request) -> dict[str, Any]:
    """A posted HTML form's fields, after the CSRF check and within the input bounds (uploads stay as uploads)."""
    form = await request.form(max_files=1, max_fields=intake.MAX_PARAMS)
    check_csrf(request, form.get(CSRF_FIELD))
    return intake.params(form.multi_items(), "biểu mẫu")


async def json_payload(request: Request) -> dict[str, Any]:
    """A posted JSON body, after the CSRF check (token in the ``X-CSRF-Token`` header), within the input bounds."""
    check_csrf(request, request.headers.get(CSRF_HEADER))
    return intake.json_body(await request.body())
