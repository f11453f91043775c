"""The web app's latencies: a form check on each change, the preview of the district decision, 20 clerks at once.

Run: .venv/bin/python bench/bench_web.py   (needs LibreOffice and poppler; takes one to two minutes)

A real server (uvicorn, in this process) serves a copy of the shipped data; an HTTP client does what the form
page does. Side by side in the same run:

1. checking the district's form after a change (``/api/kiem-tra``, the whole data pipeline) against reading
   and checking the same unit from its file as ``qdocgen batch`` does (``data.pipeline.prepare``); target < 100 ms;
2. previewing the district decision (render, PDF, PNG pages, lint) through the server's converter, the first
   time and then warm, against the one-LibreOffice-start-per-file conversion of ``qdocgen.pdf``; target < 2 s warm;
3. 20 clerks pressing "Xem trước" at the same moment: all must get their pages (the converter queues them).
"""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from qdocgen.data import reader
from qdocgen.data.pipeline import prepare
from qdocgen.template.registry import find_template
from qdocgen.web import fields
from qdocgen.web.app import Settings, create_app
from qdocgen.web.guard import Access

ROOT = Path(__file__).resolve().parent.parent
DATASET = "binh-tan/2019"
UNIT = "quan-binh-tan"


def start(root: Path) -> tuple[str, uvicorn.Server, Any]:
    """The app on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Settings(root, Access()))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, app


def session(base: str) -> tuple[httpx.Client, str]:
    """A client that opened the district's page: its CSRF token."""
    client = httpx.Client(base_url=base, timeout=300)
    page = client.get(f"/don-vi?d={DATASET}&u={UNIT}")
    found = re.search(r'data-csrf="([^"]+)"', page.text)
    assert found
    return client, found.group(1)


def ms(values: list[float]) -> str:
    """Median and worst, in milliseconds."""
    return f"trung vị {statistics.median(values) * 1000:7.1f} ms, chậm nhất {max(values) * 1000:7.1f} ms"


def bench_check(base: str, root: Path, sent: dict[str, Any]) -> None:
    client, csrf = session(base)
    body = {"d": DATASET, "u": UNIT, "mau": "quyet-dinh-mtcl", "du_lieu": sent}
    web = []
    for i in range(40):
        sent["luu"] = f"VT, NV ({i})"  # a change, as each keystroke makes one
        began = time.perf_counter()
        result = client.post("/api/kiem-tra", json=body, headers={"X-CSRF-Token": csrf}).json()
        web.append(time.perf_counter() - began)
        assert not result["problems"], result["problems"]
    info = find_template("quyet-dinh-mtcl")
    cli = []
    for _ in range(40):
        reader._PARSED.clear()  # noqa: SLF001 - the CLI reads its files once per run
        began = time.perf_counter()
        prepare([root / DATASET / f"{UNIT}.yaml"], info, ())
        cli.append(time.perf_counter() - began)
    ratio = statistics.median(web) / statistics.median(cli)
    print(f"1. kiểm tra biểu mẫu mỗi lần sửa (HTTP, cả đường dữ liệu): {ms(web)}  [mục tiêu < 100 ms]")
    print(f"   đọc và kiểm tra tệp như qdocgen batch (không HTTP):    {ms(cli)}  → tỉ lệ {ratio:.2f}")


def bench_preview(base: str, sent: dict[str, Any]) -> None:
    client, csrf = session(base)
    body = {"d": DATASET, "u": UNIT, "mau": "quyet-dinh-mtcl", "du_lieu": sent}
    times = []
    pages = 0
    for _ in range(6):
        began = time.perf_counter()
        result = client.post("/api/xem-truoc", json=body, headers={"X-CSRF-Token": csrf}).json()
        for url in result["pages"]:
            assert client.get(url).status_code == 200
        times.append(time.perf_counter() - began)
        pages = len(result["pages"])
    print(f"2. xem trước quyết định của quận ({pages} trang: điền, PDF, ảnh, kiểm tra thể thức):")
    print(f"   lần đầu {times[0]:.2f} s; các lần sau {ms(times[1:])}  [mục tiêu < 2 s sau lần đầu]")
    from qdocgen.pdf import convert

    with tempfile.TemporaryDirectory() as work:
        docx = Path(work) / "q.docx"
        docx.write_bytes(client.get(f"/tai?d={DATASET}&u={UNIT}&dang=docx").content)
        starts = []
        for _ in range(3):
            began = time.perf_counter()
            convert([docx], Path(work), force=True)
            starts.append(time.perf_counter() - began)
    print(f"   chỉ riêng PDF, mỗi lần một LibreOffice khởi động: {ms(starts)}  → xem trước cả bước / PDF khởi động "
          f"riêng = {statistics.median(times[1:]) / statistics.median(starts):.2f}")


def bench_crowd(base: str, sent: dict[str, Any], clerks: int = 20) -> None:
    def one(_n: int) -> tuple[int, int, float]:
        client, csrf = session(base)
        body = {"d": DATASET, "u": UNIT, "mau": "quyet-dinh-mtcl", "du_lieu": sent}
        began = time.perf_counter()
        response = client.post("/api/xem-truoc", json=body, headers={"X-CSRF-Token": csrf})
        pages = len(response.json().get("pages", [])) if response.status_code == 200 else 0
        return response.status_code, pages, time.perf_counter() - began

    began = time.perf_counter()
    with ThreadPoolExecutor(clerks) as pool:
        results = list(pool.map(one, range(clerks)))
    total = time.perf_counter() - began
    ok = sum(1 for status, pages, _ in results if status == 200 and pages)
    waits = [t for _, _, t in results]
    print(f"3. {clerks} văn thư bấm «Xem trước» cùng lúc: {ok}/{clerks} có trang; cả đợt {total:.1f} s; "
          f"mỗi người {ms(waits)}; mã trả về: {sorted({s for s, _, _ in results})}")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="qdocgen-bench-web-"))
    try:
        root = work / "data"
        shutil.copytree(ROOT / "data", root)
        base, server, app = start(root)
        problems: list[Any] = []
        unit = reader.read_unit(root / DATASET / f"{UNIT}.yaml", [], problems)
        assert unit is not None
        sent = fields.form_for(find_template("quyet-dinh-mtcl").schema, unit.data).text()
        print(f"Máy chủ: {app.state.server.converter.describe()}")
        bench_check(base, root, sent)
        bench_preview(base, sent)
        bench_crowd(base, sent)
        server.should_exit = True
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
