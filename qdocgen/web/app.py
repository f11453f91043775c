"""The route layer of ``qdocgen serve``: pages and the JSON calls the form page makes.

Every route resolves what the request names through ``Workspace`` (inside the data root) and the user's
datasets, checks the CSRF token on anything that changes state, and calls the library for the work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from qdocgen.data import reader
from qdocgen.errors import DataError, Problem, QdocgenError
from qdocgen.template.registry import TemplateInfo, list_templates
from qdocgen.web import accounts, editing, fields, reviews
from qdocgen.web.checking import check
from qdocgen.web.converter import Busy, Converter
from qdocgen.web.guard import (
    MAX_BODY,
    MAX_UPLOAD,
    Access,
    BodyLimit,
    Refused,
    SecurityHeaders,
    csrf_token,
    form_payload,
    json_payload,
)
from qdocgen.web.jobs import Jobs
from qdocgen.web.previewer import Previewer
from qdocgen.web.workspace import NotFound, Workspace

HERE = Path(__file__).resolve().parent
DEFAULT_TEMPLATE = "quyet-dinh-mtcl"
AUDIT_FILE = "nhat-ky.jsonl"


@dataclass
class Settings:
    """What ``qdocgen serve`` was started with."""

    root: Path
    access: Access
    templates_dirs: tuple[Path, ...] = ()
    max_body: int = MAX_BODY


class Server:
    """The app's shared state: the workspace, the page templates, the LibreOffice queue, batches, renderers."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ws = Workspace.at(settings.root)
        self.pages = SandboxedEnvironment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.converter = Converter()
        self.previewer = Previewer(self.converter)
        self.jobs = Jobs()
        self._renderers: dict[tuple[str, int], Any] = {}
        self._templates: tuple[list[tuple[str, int]], list[TemplateInfo]] | None = None
        self._lock = threading.Lock()

    @property
    def audit_log(self) -> Path:
        """The audit log's path."""
        return self.ws.state / AUDIT_FILE

    def templates(self) -> list[TemplateInfo]:
        """Every template (the built-ins and the configured folders), read again only when a file changed."""
        from qdocgen.template.registry import builtin_dirs, user_dirs

        stamp = []
        for folder in [*user_dirs(self.settings.templates_dirs), *builtin_dirs()]:
            for path in sorted(folder.glob("*.[dy]*")):
                try:
                    stamp.append((str(path), path.stat().st_mtime_ns))
                except OSError:
                    continue
        with self._lock:
            if self._templates is None or self._templates[0] != stamp:
                self._templates = (stamp, [t.info for t in list_templates(self.settings.templates_dirs)])
            return self._templates[1]

    def template(self, name: str | None) -> TemplateInfo:
        """A template by name (never a path from a request)."""
        wanted = name or DEFAULT_TEMPLATE
        for info in self.templates():
            if info.name == wanted:
                return info
        raise NotFound(f"Không có mẫu «{wanted}».")

    def renderer(self, info: TemplateInfo) -> Any:
        """The compiled template, kept while the file is unchanged."""
        from qdocgen.runner import Renderer

        key = (str(info.path), info.path.stat().st_mtime_ns)
        with self._lock:
            if key not in self._renderers:
                self._renderers[key] = Renderer.load(info.path)
            return self._renderers[key]

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A page from the templates folder, with the user and the CSRF token."""
        user = self.settings.access.user(request)
        html = self.pages.get_template(name).render(user=user, csrf=csrf_token(request),
                                                    login=self.settings.access.login, **context)
        return HTMLResponse(html, status)


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def _user(request: Request) -> accounts.User:
    user = _server(request).settings.access.user(request)
    if user is None:
        raise Refused("Cần đăng nhập.", 401)
    return user


def _dataset(request: Request, name: str) -> Path:
    """The folder of a dataset the user may open (another user's dataset is "not found", on purpose)."""
    user = _user(request)
    if not user.may_open(name):
        raise NotFound(f"Không có bộ dữ liệu «{name}»; chọn một bộ trong danh sách ở trang đầu.")
    return _server(request).ws.dataset(name)


def _unit_file(request: Request, dataset: str, file_id: str) -> Path:
    _dataset(request, dataset)
    return _server(request).ws.file(dataset, file_id)


def _load(path: Path) -> tuple[bytes, dict[str, Any], list[Problem]]:
    """A unit file's bytes and its data with everything it inherits (before dates and templates)."""
    raw = path.read_bytes()
    problems: list[Problem] = []
    if path.stem.startswith("_"):
        chain = reader._read_chain(path, problems)  # noqa: SLF001 - a shared file read as the reader reads it
        data = chain[0] if chain else {}
        data.pop(reader.ORDER_KEY, None)
    else:
        unit = reader.read_unit(path, [], problems)
        data = unit.data if unit else {}
    return raw, data, problems


def _q(**params: str) -> str:
    return urlencode(params, quote_via=quote)


# --- pages ----------------------------------------------------------------------------------------------------

async def home(request: Request) -> Response:
    """The datasets this user may open."""
    server = _server(request)
    user = _user(request)
    datasets = [d for d in server.ws.datasets() if user.may_open(d)]
    return server.page(request, "index.html", datasets=datasets, root=server.ws.root.name)


async def login_page(request: Request) -> Response:
    """The login form, and logging in."""
    server = _server(request)
    access = server.settings.access
    if not access.login:
        return RedirectResponse("/", 303)
    if request.method == "GET":
        return server.page(request, "login.html", error="")
    form = await form_payload(request)
    assert access.users_file is not None
    name, password = str(form.get("ten", "")), str(form.get("mat_khau", ""))
    user = await run_in_threadpool(accounts.authenticate, access.users_file, name, password)
    if user is None:
        return server.page(request, "login.html", 401, error="Tên đăng nhập hoặc mật khẩu không đúng.")
    request.session.clear()
    request.session["user"] = user.name
    csrf_token(request)
    return RedirectResponse("/", 303)


async def logout(request: Request) -> Response:
    """Log out (a POST with the token, so another site cannot log a clerk out)."""
    await form_payload(request)
    request.session.clear()
    return RedirectResponse("/dang-nhap", 303)


async def dataset_page(request: Request) -> Response:
    """A dataset: its units, a new unit, the whole batch, next year."""
    server = _server(request)
    name = request.query_params.get("d", "")
    folder = _dataset(request, name)
    units = await run_in_threadpool(_unit_rows, server, folder, name)
    shared = server.ws.shared_files(name)
    templates = server.templates()
    review = (folder / "_xem-lai.md").is_file()
    return server.page(request, "dataset.html", dataset=name, units=units, shared=shared, templates=templates,
                       review=review, message=request.query_params.get("tb", ""),
                       next_year=_next_year(folder), default_template=DEFAULT_TEMPLATE)


def _unit_rows(server: Server, folder: Path, name: str) -> list[dict[str, Any]]:
    """Each unit of a dataset: its name, whether its data has errors, and who changed it last.

    The name is the unit's own, its ``{{ }}`` filled.
    """
    from qdocgen.data.pipeline import prepare

    paths = reader.unit_files(folder)
    units, problems = prepare(paths, server.template(None), ())
    names = {u.id: u.name for u in units}
    bad = {p.unit for p in problems}
    return [{"id": p.stem, "name": names.get(p.stem, p.stem), "bad": p.stem in bad,
             "last": editing.last_change(server.audit_log, f"{name}/{p.name}")} for p in paths]


def _next_year(folder: Path) -> int:
    digits = "".join(c for c in folder.name if c.isdigit())
    return int(digits) + 1 if len(digits) == 4 else dt.date.today().year + 1


async def unit_page(request: Request) -> Response:
    """The form of one unit, generated from the template's declaration."""
    server = _server(request)
    name, file_id = request.query_params.get("d", ""), request.query_params.get("u", "")
    path = _unit_file(request, name, file_id)
    info = server.template(request.query_params.get("mau"))
    raw, data, problems = await run_in_threadpool(_load, path)
    form = fields.form_for(info.schema, data) if not problems else None
    templates = server.templates()
    return server.page(request, "unit.html", dataset=name, unit_id=file_id, file=path.name, form=form,
                       problems=problems, template=info, templates=templates, token=editing.token_of(raw),
                       shared=file_id.startswith("_"), q=_q)


async def create_unit(request: Request) -> Response:
    """A new unit file: its id, the shared file it inherits (or none), then its form."""
    server = _server(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    _dataset(request, name)
    user = _user(request)
    unit_id = str(form.get("ma", "")).strip()
    parent = str(form.get("ke_thua", ""))
    if parent and parent not in server.ws.shared_files(name):
        raise Refused(f"Không có tệp dùng chung «{parent}» trong bộ {name}.", 400)
    template = server.template(str(form.get("mau") or DEFAULT_TEMPLATE))
    path = server.ws.new_unit_path(name, unit_id)
    lines = [f"# Đơn vị {unit_id}: tạo bằng qdocgen serve ngày {dt.date.today():%d/%m/%Y}."]
    lines += [f"ke_thua: {parent}"] if parent else []
    content = ("\n".join(lines) + "\n").encode("utf-8")
    from qdocgen.output import write_atomic

    write_atomic(path, content, force=False)
    editing.audit(server.audit_log, user.shown, "tạo đơn vị", f"{name}/{path.name}", None, content)
    return RedirectResponse(f"/don-vi?{_q(d=name, u=unit_id, mau=template.name)}", 303)


async def upload_unit(request: Request) -> Response:
    """A unit file sent from another office: read as hostile, kept only if it is a well-formed unit file."""
    server = _server(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    _dataset(request, name)
    user = _user(request)
    upload = form.get("tep")
    if not isinstance(upload, UploadFile):
        raise Refused("Chưa chọn tệp .yaml để tải lên.", 400)
    content = await upload.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise Refused(f"Tệp quá lớn: nhiều nhất {MAX_UPLOAD // 1024} KB cho một tệp đơn vị.", 413)
    unit_id = Path(upload.filename or "").stem
    path = server.ws.new_unit_path(name, unit_id)
    from qdocgen.output import write_atomic

    write_atomic(path, content, force=False)
    problems: list[Problem] = []
    if reader.read_unit(path, [], problems) is None or any(not p.key and "cú pháp" in p.message for p in problems):
        path.unlink(missing_ok=True)
        raise DataError(problems or [Problem(upload.filename or "", "", "không đọc được tệp.")])
    editing.audit(server.audit_log, user.shown, "tải lên đơn vị", f"{name}/{path.name}", None, content)
    return RedirectResponse(f"/don-vi?{_q(d=name, u=unit_id)}", 303)


async def download(request: Request) -> Response:
    """The saved unit as .docx or PDF."""
    from qdocgen.data.pipeline import prepare

    server = _server(request)
    name, file_id = request.query_params.get("d", ""), request.query_params.get("u", "")
    kind = request.query_params.get("dang", "docx")
    path = _unit_file(request, name, file_id)
    if file_id.startswith("_"):
        raise Refused("Tệp dùng chung không phải một văn bản; mở một đơn vị để tải văn bản.", 400)
    info = server.template(request.query_params.get("mau"))
    units, problems = await run_in_threadpool(prepare, [path], info, ())
    if problems or not units:
        raise DataError(problems)
    docx = await run_in_threadpool(server.renderer(info).render, units[0].data)
    stem = f"{file_id}" if info.name == DEFAULT_TEMPLATE else f"{file_id}-{info.name}"
    if kind == "pdf":
        pdf = await run_in_threadpool(server.previewer.pdf, docx, stem)
        return Response(pdf, media_type="application/pdf",
                        headers={"content-disposition": f'attachment; filename="{stem}.pdf"'})
    return Response(docx, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    headers={"content-disposition": f'attachment; filename="{stem}.docx"'})


async def new_year(request: Request) -> Response:
    """Next year's drafts from a dataset (``qdocgen new-year``), then its review list."""
    from qdocgen.newyear import carry_forward

    server = _server(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    folder = _dataset(request, name)
    user = _user(request)
    try:
        year = int(str(form.get("nam", "")).strip())
    except ValueError as exc:
        raise Refused("Năm mới cần là một số có 4 chữ số, ví dụ 2020.", 400) from exc
    result = await run_in_threadpool(carry_forward, folder, year)
    target = server.ws.inside(result.target).relative_to(server.ws.root).as_posix()
    editing.audit(server.audit_log, user.shown, f"sang năm {year}", target, None, None)
    return RedirectResponse(f"/xem-lai?{_q(d=target)}", 303)


async def review_page(request: Request) -> Response:
    """The new year's review list, item by item, each linked to its field."""
    server = _server(request)
    name = request.query_params.get("d", "")
    folder = _dataset(request, name)
    sections = await run_in_threadpool(reviews.read, folder)
    units = {p.name: p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml")}
    return server.page(request, "review.html", dataset=name, sections=sections, units=units, q=_q)


async def review_mark(request: Request) -> Response:
    """Tick an item of the review list done (or open it again)."""
    server = _server(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    folder = _dataset(request, name)
    user = _user(request)
    try:
        line = int(str(form.get("dong", "")))
    except ValueError as exc:
        raise Refused("Mục không đúng.", 400) from exc
    done = form.get("xong") == "1"
    reviews.tick(folder, line, done)
    editing.audit(server.audit_log, user.shown, "đánh dấu đã xem" if done else "bỏ đánh dấu đã xem",
                  f"{name}/_xem-lai.md", None, None)
    return RedirectResponse(f"/xem-lai?{_q(d=name)}#dong-{line}", 303)


async def audit_page(request: Request) -> Response:
    """Who changed which file and when (entries of the datasets this user may open)."""
    server = _server(request)
    user = _user(request)
    entries = [e for e in editing.read_audit(server.audit_log)
               if user.may_open(str(e.get("tep", "")).rsplit("/", 1)[0]) or user.may_open(str(e.get("tep", "")))]
    return server.page(request, "audit.html", entries=entries)


# --- JSON calls of the form page ----------------------------------------------------------------------------------

async def _form_data(request: Request) -> tuple[Server, dict[str, Any], Path, TemplateInfo, bytes, dict[str, Any],
                                               dict[str, Any]]:
    """The posted form: the unit's file, its template, the file's bytes and data as read, and the new data."""
    server = _server(request)
    body = await json_payload(request)
    path = _unit_file(request, str(body.get("d", "")), str(body.get("u", "")))
    info = server.template(str(body.get("mau") or DEFAULT_TEMPLATE))
    raw, old, problems = await run_in_threadpool(_load, path)
    if problems:
        raise DataError(problems)
    sent = body.get("du_lieu")
    if not isinstance(sent, dict):
        raise Refused("Dữ liệu biểu mẫu không đúng dạng.", 400)
    original = body.get("goc")
    if isinstance(original, dict):  # the form as it was opened: only the clerk's own changes are laid over the file
        sent = fields.three_way(fields.form_for(info.schema, old).text(), original, sent)
    new = fields.merge_form(info.schema, old, sent)
    return server, body, path, info, raw, old, new


async def api_check(request: Request) -> Response:
    """Check the form as it is now: problems at their fields, dates as NĐ30 prints them."""
    _server_, _body, path, info, _raw, _old, new = await _form_data(request)
    checked = await run_in_threadpool(check, info, path, new, path.stem.startswith("_"))
    return JSONResponse(checked.to_json())


async def api_preview(request: Request) -> Response:
    """The pages of the document the form would make, and its layout findings."""
    server, _body, path, info, _raw, _old, new = await _form_data(request)
    checked = await run_in_threadpool(check, info, path, new)
    if checked.unit is None:
        return JSONResponse({**checked.to_json(), "pages": [], "findings": []})
    user = _user(request)
    docx = await run_in_threadpool(server.renderer(info).render, checked.unit.data)
    preview = await run_in_threadpool(server.previewer.make, docx, user.name)
    pages = [f"/anh/{preview.id}/{n}.png" for n in range(1, len(preview.pages) + 1)]
    return JSONResponse({**checked.to_json(), "pages": pages, "findings": [f.to_dict() for f in preview.findings]})


async def page_image(request: Request) -> Response:
    """One page picture of a preview (only its owner's)."""
    server = _server(request)
    user = _user(request)
    preview = server.previewer.get(request.path_params["pid"])
    number = request.path_params["n"]
    if preview is None or preview.owner != user.name or not 1 <= number <= len(preview.pages):
        raise NotFound("Ảnh xem trước đã hết hạn; bấm «Xem trước» lần nữa.")
    return Response(preview.pages[number - 1], media_type="image/png", headers={"cache-control": "private"})


def _conflict(server: Server, path: Path, old: dict[str, Any], new: dict[str, Any], current: bytes,
              name: str) -> JSONResponse:
    """Both versions: the one saved meanwhile, and the clerk's own applied onto it."""
    _, now_data, problems = _load(path)
    mine = editing.plan(path, now_data, new, current) if not problems else None
    last = editing.last_change(server.audit_log, f"{name}/{path.name}")
    return JSONResponse({"conflict": True, "theirs": editing.text_of(current),
                         "mine": editing.text_of(mine.after) if mine else "",
                         "diff": mine.diff() if mine else "", "token": editing.token_of(current),
                         "who": last.get("nguoi") if last else "", "when": last.get("thoi_gian") if last else ""},
                        409)


async def api_diff(request: Request) -> Response:
    """What saving would change in the file, shown before anything is written."""
    server, body, path, _info, raw, old, new = await _form_data(request)
    if editing.token_of(raw) != body.get("token"):
        return _conflict(server, path, old, new, raw, str(body.get("d")))
    edit = await run_in_threadpool(editing.plan, path, old, new, raw)
    return JSONResponse({"changed": edit.changed, "diff": edit.diff(), "token": edit.token})


async def api_save(request: Request) -> Response:
    """Write the form into the unit's file, if nobody saved it meanwhile; else both versions."""
    server, body, path, _info, raw, old, new = await _form_data(request)
    user = _user(request)
    token = str(body.get("token", ""))
    if editing.token_of(raw) != token:
        return _conflict(server, path, old, new, raw, str(body.get("d")))
    edit = await run_in_threadpool(editing.plan, path, old, new, raw)
    try:
        editing.commit(edit, token)
    except editing.ConflictError as exc:
        return _conflict(server, path, old, new, exc.current, str(body.get("d")))
    if edit.changed:
        editing.audit(server.audit_log, user.shown, "sửa", f"{body.get('d')}/{path.name}", edit.before, edit.after)
    return JSONResponse({"saved": edit.changed, "token": editing.token_of(edit.after)})


async def api_batch(request: Request) -> Response:
    """Start the whole dataset's batch; the page polls its progress."""
    server = _server(request)
    body = await json_payload(request)
    name = str(body.get("d", ""))
    folder = _dataset(request, name)
    info = server.template(str(body.get("mau") or DEFAULT_TEMPLATE))
    job = server.jobs.start(folder, name, info.name, _user(request).name)
    return JSONResponse(job.to_json())


def _job(request: Request) -> Any:
    job = _server(request).jobs.get(request.path_params["job"])
    if job is None or job.owner != _user(request).name:
        raise NotFound("Không có lô này (có thể đã quá cũ); bấm soạn cả bộ lần nữa.")
    return job


async def api_batch_progress(request: Request) -> Response:
    """How far a batch is."""
    return JSONResponse(_job(request).to_json())


async def batch_zip(request: Request) -> Response:
    """The finished batch's zip (documents and manifest)."""
    job = _job(request)
    if job.zip_path is None or not job.zip_path.is_file():
        raise NotFound("Lô chưa xong hoặc không có tệp nào; xem thông báo lỗi của lô.")
    return FileResponse(job.zip_path, media_type="application/zip", filename=job.zip_path.name)


# --- errors ---------------------------------------------------------------------------------------------------

def _status(exc: QdocgenError) -> int:
    if isinstance(exc, Refused):
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
    return _server(request).page(request, "error.html", status, message=exc.message,
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
