"""Next year's drafts (``qdocgen new-year``) and working through their review list."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from qdocgen.web import editing, reviews
from qdocgen.web.guard import Refused, form_payload
from qdocgen.web.server import (
    dataset_of,
    q,
    server_of,
    user_of,
)


async def new_year(request: Request) -> Response:
    """Next year's drafts from a dataset (``qdocgen new-year``), then its review list."""
    from qdocgen.newyear import carry_forward

    server = server_of(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    folder = dataset_of(request, name)
    user = user_of(request)
    try:
        year = int(str(form.get("nam", "")).strip())
    except ValueError as exc:
        raise Refused("Năm mới cần là một số có 4 chữ số, ví dụ 2020.", 400) from exc
    result = await run_in_threadpool(carry_forward, folder, year)
    target = server.ws.inside(result.target).relative_to(server.ws.root).as_posix()
    editing.audit(server.audit_log, user.shown, f"sang năm {year}", target, None, None)
    return RedirectResponse(f"/xem-lai?{q(d=target)}", 303)


async def review_page(request: Request) -> Response:
    """The new year's review list, item by item, each linked to its field."""
    server = server_of(request)
    name = request.query_params.get("d", "")
    folder = dataset_of(request, name)
    sections = await run_in_threadpool(reviews.read, folder)
    units = {p.name: p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml")}
    return server.page(request, "review.html", dataset=name, sections=sections, units=units, q=q)


async def review_mark(request: Request) -> Response:
    """Tick an item of the review list done (or open it again)."""
    server = server_of(request)
    form = await form_payload(request)
    name = str(form.get("d", ""))
    folder = dataset_of(request, name)
    user = user_of(request)
    try:
        line = int(str(form.get("dong", "")))
    except ValueError as exc:
        raise Refused("Mục không đúng.", 400) from exc
    done = form.get("xong") == "1"
    reviews.tick(folder, line, done)
    editing.audit(server.audit_log, user.shown, "đánh dấu đã xem" if done else "bỏ đánh dấu đã xem",
                  f"{name}/_xem-lai.md", None, None)
    return RedirectResponse(f"/xem-lai?{q(d=name)}#dong-{line}", 303)
