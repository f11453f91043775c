"""The JSON calls the form page makes as the clerk types: check, preview, the diff before saving, and save.

Each call reads the form's data laid over the unit's file as read (inherited values included), so what is
checked, previewed and saved is what ``qdocgen batch`` would make of the saved file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from qdocgen.errors import DataError
from qdocgen.template.registry import TemplateInfo
from qdocgen.web import editing, fields, intake
from qdocgen.web.checking import check
from qdocgen.web.guard import Refused, json_payload
from qdocgen.web.server import (
    DEFAULT_TEMPLATE,
    Server,
    load,
    server_of,
    unit_file,
    user_of,
)
from qdocgen.web.workspace import NotFound


async def _form_data(request: Request) -> tuple[Server, dict[str, Any], Path, TemplateInfo, bytes, dict[str, Any],
                                               dict[str, Any]]:
    """The posted form: the unit's file, its template, the file's bytes and data as read, and the new data."""
    server = server_of(request)
    body = await json_payload(request)
    path = unit_file(request, str(body.get("d", "")), str(body.get("u", "")))
    info = server.template(str(body.get("mau") or DEFAULT_TEMPLATE))
    raw, old, problems = await run_in_threadpool(load, path)
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
    user = user_of(request)
    docx = await run_in_threadpool(server.renderer(info).render, checked.unit.data)
    preview = await run_in_threadpool(server.previewer.make, docx, user.name)
    pages = [f"/anh/{preview.id}/{n}.png" for n in range(1, len(preview.pages) + 1)]
    return JSONResponse({**checked.to_json(), "pages": pages, "findings": [f.to_dict() for f in preview.findings]})


async def page_image(request: Request) -> Response:
    """One page picture of a preview (only its owner's)."""
    server = server_of(request)
    user = user_of(request)
    preview = server.previewer.get(request.path_params["pid"])
    number = request.path_params["n"]
    if preview is None or preview.owner != user.name or not 1 <= number <= len(preview.pages):
        raise NotFound("Ảnh xem trước đã hết hạn; bấm «Xem trước» lần nữa.")
    return Response(preview.pages[number - 1], media_type="image/png", headers={"cache-control": "private"})


def _conflict(server: Server, path: Path, old: dict[str, Any], new: dict[str, Any], current: bytes,
              name: str) -> JSONResponse:
    """Both versions: the one saved meanwhile, and the clerk's own applied onto it."""
    _, now_data, problems = load(path)
    mine = editing.plan(path, now_data, new, current) if not problems else None
    last = editing.last_change(server.audit_log, f"{name}/{path.name}")
    return JSONResponse({"conflict": True, "theirs": editing.text_of(current),
                         "mine": editing.text_of(mine.after) if mine else "",
                         "diff": mine.diff() if mine else "", "token": editing.token_of(current),
                         "who": last.get("nguoi") if last else "", "when": last.get("thoi_gian") if last else ""},
                        409)


def _plan(path: Path, old: dict[str, Any], new: dict[str, Any], raw: bytes) -> editing.Edit:
    """The save planned, refused when the file it would write is past the bounds a unit file is read with."""
    edit = editing.plan(path, old, new, raw)
    if edit.changed:
        intake.file_bytes(edit.after, path.name)
    return edit


async def api_diff(request: Request) -> Response:
    """What saving would change in the file, shown before anything is written."""
    server, body, path, _info, raw, old, new = await _form_data(request)
    if editing.token_of(raw) != body.get("token"):
        return _conflict(server, path, old, new, raw, str(body.get("d")))
    edit = await run_in_threadpool(_plan, path, old, new, raw)
    return JSONResponse({"changed": edit.changed, "diff": edit.diff(), "notes": edit.notes, "token": edit.token})


async def api_save(request: Request) -> Response:
    """Write the form into the unit's file, if nobody saved it meanwhile; else both versions."""
    server, body, path, _info, raw, old, new = await _form_data(request)
    user = user_of(request)
    token = str(body.get("token", ""))
    if editing.token_of(raw) != token:
        return _conflict(server, path, old, new, raw, str(body.get("d")))
    edit = await run_in_threadpool(_plan, path, old, new, raw)
    try:
        editing.commit(edit, token)
    except editing.ConflictError as exc:
        return _conflict(server, path, old, new, exc.current, str(body.get("d")))
    if edit.changed:
        editing.audit(server.audit_log, user.shown, "sửa", f"{body.get('d')}/{path.name}", edit.before, edit.after)
    return JSONResponse({"saved": edit.changed, "token": editing.token_of(edit.after)})
