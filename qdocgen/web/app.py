"""The route table of ``qdocgen serve``, its middleware, and every library error as a Vietnamese page.

The routes live in modules named for what they own: ``pages`` (what a clerk browses), ``units`` (new, uploaded
and downloaded unit files), ``formapi`` (the form page's JSON calls), ``batches`` and ``nextyear``. Every route
resolves what the request names through ``Workspace`` (inside the data root) and the user's datasets, checks the
CSRF token on anything that changes state, and calls the library for the work.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from qdocgen.errors import DataError, QdocgenError
from qdocgen.web import accounts
from qdocgen.web.batches import api_batch, api_batch_progress, batch_zip
from qdocgen.web.converter import Busy
from qdocgen.web.formapi import api_check, api_diff, api_preview, api_save, page_image
from qdocgen.web.guard import BodyLimit, Refused, SecurityHeaders
from qdocgen.web.intake import InputLimit
from qdocgen.web.nextyear import new_year, review_mark, review_page
from qdocgen.web.pages import audit_page, dataset_page, home, login_page, logout, unit_page
from qdocgen.web.server import HERE, Server, Settings, server_of
from qdocgen.web.units import create_unit, download, upload_unit
from qdocgen.web.workspace import NotFound

__all__ = ["Settings", "create_app"]


def _status(exc: QdocgenError) -> int:
    if isinstance(exc, (Refused, InputLimit)):
        return exc.status
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, Busy):
        return 503
    return 400 if isinstance(exc, DataError) else 422


async def on_error(request: Request, exc: Exception) -> Response:
    """Every library error as a Vietnamese page (or JSON for the form page's calls)."""
    assert isinstance(exc, QdocgenError)
    status = _status(exc)
    if status == 401:
        if request.url.path.startswith("/api/") or request.method != "GET":
            return JSONResponse({"error": exc.message}, 401)
        return RedirectResponse("/dang-nhap", 303)
    if request.url.path.startswith("/api/"):
        problems = [{"key": p.key, "message": p.message, "text": str(p)} for p in getattr(exc, "problems", [])]
        return JSONResponse({"error": exc.message, "problems": problems}, status)
    return server_of(request, bounded=False).page(request, "error.html", status, message=exc.message,
                                 problems=getattr(exc, "problems", []))


Handler = Callable[[Request], Awaitable[Response]]


def create_app(settings: Settings) -> Starlette:
    """The web app for ``settings``."""
    server = Server(settings)
    routes = [
        Route("/", home), Route("/dang-nhap", login_page, methods=["GET", "POST"]),
        Route("/dang-xuat", logout, methods=["POST"]), Route("/bo", dataset_page), Route("/don-vi", unit_page),
        Route("/tao", create_unit, methods=["POST"]), Route("/tai-len", upload_unit, methods=["POST"]),
        Route("/tai", download), Route("/nam-moi", new_year, methods=["POST"]), Route("/xem-lai", review_page),
        Route("/xem-lai/danh-dau", review_mark, methods=["POST"]), Route("/nhat-ky", audit_page),
        Route("/api/kiem-tra", api_check, methods=["POST"]), Route("/api/xem-truoc", api_preview, methods=["POST"]),
        Route("/api/so-sanh", api_diff, methods=["POST"]), Route("/api/luu", api_save, methods=["POST"]),
        Route("/api/lo", api_batch, methods=["POST"]), Route("/api/lo/{job}", api_batch_progress),
        Route("/lo/{job}/tai", batch_zip), Route("/anh/{pid}/{n:int}.png", page_image),
        Mount("/tinh", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    secret = accounts.secret_key(server.ws.state)
    middleware = [Middleware(SecurityHeaders), Middleware(BodyLimit, limit=settings.max_body),
                  Middleware(SessionMiddleware, secret_key=secret, session_cookie="qdocgen_phien", max_age=10 * 3600,
                             same_site="strict", https_only=False)]
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        server.converter.close()  # LibreOffice does not outlive the server

    app = Starlette(routes=routes, middleware=middleware, exception_handlers={QdocgenError: on_error},
                    lifespan=lifespan)
    app.state.server = server
    return app
