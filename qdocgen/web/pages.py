"""The pages a clerk browses: the datasets, a dataset with its units, a unit's form, login, the audit log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from qdocgen.data import reader
from qdocgen.web import accounts, editing, fields
from qdocgen.web.guard import csrf_token, form_payload
from qdocgen.web.server import (
    DEFAULT_TEMPLATE,
    Server,
    dataset_of,
    load,
    q,
    server_of,
    unit_file,
    user_of,
)


async def home(request: Request) -> Response:
    """The datasets this user may open."""
    server = server_of(request)
    user = user_of(request)
    datasets = [d for d in server.ws.datasets() if user.may_open(d)]
    return server.page(request, "index.html", datasets=datasets, root=server.ws.root.name)


async def login_page(request: Request) -> Response:
    """The login form, and logging in."""
    server = server_of(request)
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
    server = server_of(request)
    name = request.query_params.get("d", "")
    folder = dataset_of(request, name)
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
    server = server_of(request)
    name, file_id = request.query_params.get("d", ""), request.query_params.get("u", "")
    path = unit_file(request, name, file_id)
    info = server.template(request.query_params.get("mau"))
    raw, data, problems = await run_in_threadpool(load, path)
    form = fields.form_for(info.schema, data) if not problems else None
    if form is not None:
        own, parent = await run_in_threadpool(editing.layers, path, raw)
        if parent:
            fields.mark_inheritance(form, own, fields.form_for(info.schema, parent))
    templates = server.templates()
    return server.page(request, "unit.html", dataset=name, unit_id=file_id, file=path.name, form=form,
                       problems=problems, template=info, templates=templates, token=editing.token_of(raw),
                       shared=file_id.startswith("_"), q=q)


async def audit_page(request: Request) -> Response:
    """Who changed which file and when (entries of the datasets this user may open)."""
    server = server_of(request)
    user = user_of(request)
    entries = [e for e in editing.read_audit(server.audit_log)
               if user.may_open(str(e.get("tep", "")).rsplit("/", 1)[0]) or user.may_open(str(e.get("tep", "")))]
    return server.page(request, "audit.html", entries=entries)
