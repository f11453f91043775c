"""The whole dataset's batch from the browser: started, its progress polled, its zip downloaded."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from qdocgen.web.guard import json_payload
from qdocgen.web.server import (
    DEFAULT_TEMPLATE,
    dataset_of,
    server_of,
    user_of,
)
from qdocgen.web.workspace import NotFound


async def api_batch(request: Request) -> Response:
    """Start the whole dataset's batch; the page polls its progress."""
    server = server_of(request)
    body = await json_payload(request)
    name = str(body.get("d", ""))
    folder = dataset_of(request, name)
    info = server.template(str(body.get("mau") or DEFAULT_TEMPLATE))
    job = server.jobs.start(folder, name, info.name, user_of(request).name)
    return JSONResponse(job.to_json())


def _job(request: Request) -> Any:
    job = server_of(request).jobs.get(request.path_params["job"])
    if job is None or job.owner != user_of(request).name:
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
