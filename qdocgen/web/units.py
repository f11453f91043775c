"""Unit files: a new unit, a unit file sent from another office, and a unit's document to download."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from qdocgen.data import reader
from qdocgen.errors import DataError, Problem
from qdocgen.web import editing, intake
from qdocgen.web.guard import MAX_UPLOAD, Refused, form_payload
from qdocgen.web.server import (
    DEFAULT_TEMPLATE,
    dataset_of,
    q,
    server_of,
    unit_file,
    user_of,
)


async def create_unit(request: Request) -> Response:
    """A new unit file: its id, the shared file it inherits (or none), then its form."""
    server = server_of(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    dataset_of(request, name)
    user = user_of(request)
    unit_id = str(form.get("ma", "")).strip()
    parent = str(form.get("ke_thua", ""))
    if parent and parent not in server.ws.shared_files(name):
        raise Refused(f"Không có tệp dùng chung «{parent}» trong bộ {name}.", 400)
    template = server.template(str(form.get("mau") or DEFAULT_TEMPLATE))
    path = server.ws.new_unit_path(name, unit_id)
    lines = [f"# Đơn vị {unit_id}: tạo bằng qdocgen serve ngày {dt.date.today():%d/%m/%Y}."]
    if parent:
        wanted = await run_in_threadpool(editing.names_to_fill, path.parent / parent, template.schema)
        lines += [f"# {', '.join(wanted)}: phần dùng chung ({parent}) dùng trong các thẻ {{{{ }}}}; hãy điền."
                  ] if wanted else []
        lines += [f"ke_thua: {parent}"] + [f'{key}: ""' for key in wanted]
    content = ("\n".join(lines) + "\n").encode("utf-8")
    from qdocgen.output import write_atomic

    write_atomic(path, content, force=False)
    editing.audit(server.audit_log, user.shown, "tạo đơn vị", f"{name}/{path.name}", None, content)
    return RedirectResponse(f"/don-vi?{q(d=name, u=unit_id, mau=template.name)}", 303)


async def upload_unit(request: Request) -> Response:
    """A unit file sent from another office: read as hostile, kept only if it is a well-formed unit file."""
    server = server_of(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    dataset_of(request, name)
    user = user_of(request)
    upload = form.get("tep")
    if not isinstance(upload, UploadFile):
        raise Refused("Chưa chọn tệp .yaml để tải lên.", 400)
    content = await upload.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise Refused(f"Tệp quá lớn: nhiều nhất {MAX_UPLOAD // 1024} KB cho một tệp đơn vị.", 413)
    shown = intake.text(upload.filename, "tep") or "tệp tải lên"
    unit_id = Path(shown).stem
    path = server.ws.new_unit_path(name, unit_id)
    intake.unit_file(content, shown)  # bounded and parsed in memory: a refused file is never written
    from qdocgen.output import write_atomic

    write_atomic(path, content, force=False)
    problems: list[Problem] = []
    if reader.read_unit(path, [], problems) is None or any(not p.key and "cú pháp" in p.message for p in problems):
        path.unlink(missing_ok=True)
        raise DataError(problems or [Problem(upload.filename or "", "", "không đọc được tệp.")])
    editing.audit(server.audit_log, user.shown, "tải lên đơn vị", f"{name}/{path.name}", None, content)
    return RedirectResponse(f"/don-vi?{q(d=name, u=unit_id)}", 303)


async def download(request: Request) -> Response:
    """The saved unit as .docx or PDF."""
    from qdocgen.data.pipeline import prepare

    server = server_of(request)
    name, file_id = request.query_params.get("d", ""), request.query_params.get("u", "")
    kind = request.query_params.get("dang", "docx")
    path = unit_file(request, name, file_id)
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
