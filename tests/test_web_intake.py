"""Everything a user sends is held to the untrusted-input bounds a data file gets (qdocgen.web.intake).

Each way in (query parameters, form posts, the form page's JSON calls, uploads, save, a new unit, login,
new-year) is sent past one bound: the refusal is a Vietnamese message naming the field, and nothing is written.
The bounds are lowered for a test with ``limits.applied`` so the requests stay small.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import DATASET, client, copy_data, csrf_of, form_of, open_unit

from qdocgen import limits
from qdocgen.web import accounts
from qdocgen.web.guard import Access


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


@pytest.fixture()
def small() -> Iterator[limits.Limits]:
    """Bounds low enough that a test request can pass them."""
    bounds = dataclasses.replace(limits.current(), value_chars=2000, data_values=3000, data_depth=12)
    with limits.applied(bounds):
        yield bounds


def _files(root: Path) -> dict[str, bytes]:
    folder = root / DATASET
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _body(unit: str, token: str, sent: Any) -> dict[str, Any]:
    return {"d": DATASET, "u": unit, "mau": "quyet-dinh-mtcl", "token": token, "du_lieu": sent}


def test_query_parameters(root: Path, small: limits.Limits) -> None:
    c = client(root)
    long = c.get("/bo?d=" + "a" * 2001)
    assert long.status_code == 413
    assert "bộ dữ liệu (d)" in long.text and "2001 ký tự" in long.text and "chưa ghi gì" in long.text
    many = c.get(f"/bo?d={DATASET}&" + "&".join(f"x{i}=1" for i in range(60)))
    assert many.status_code == 413 and "nhiều nhất 50" in many.text
    assert c.get(f"/bo?d={DATASET}").status_code == 200


def test_form_posts_create_and_new_year(root: Path, small: limits.Limits) -> None:
    c = client(root)
    csrf = csrf_of(c.get(f"/bo?d={DATASET}").text)
    before = _files(root)
    made = c.post("/tao", data={"csrf": csrf, "d": DATASET, "ma": "phuong-" + "x" * 2001, "ke_thua": ""})
    assert made.status_code == 413 and "mã đơn vị (ma)" in made.text and "Dữ liệu gửi lên vượt giới hạn" in made.text
    year = c.post("/nam-moi", data={"csrf": csrf, "d": DATASET, "nam": "2" * 2001})
    assert year.status_code == 413 and "năm mới (nam)" in year.text
    assert _files(root) == before and not (root / "binh-tan" / "2020").exists()


def test_login_fields(root: Path, small: limits.Limits) -> None:
    users = root / ".qdocgen" / "nguoi-dung.json"
    accounts.add_user(users, "hoa", "mat-khau-dai")
    c = client(root, Access(users))
    csrf = csrf_of(c.get("/dang-nhap").text)
    got = c.post("/dang-nhap", data={"csrf": csrf, "ten": "hoa", "mat_khau": "m" * 2001})
    assert got.status_code == 413 and "mật khẩu (mat_khau)" in got.text


def test_check_names_the_field_of_a_too_long_value(root: Path, small: limits.Limits) -> None:
    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    sent = form_of(root, "phuong-an-lac")
    sent["can_cu"][0]["trich_yeu"] = "x" * 2001
    got = c.post("/api/kiem-tra", json=_body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf})
    assert got.status_code == 413
    problem = got.json()["problems"][0]
    assert problem["key"] == "can_cu[1].trich_yeu"  # the form page puts it at that field
    assert "2001 ký tự" in problem["message"] and "do_dai_gia_tri" in problem["message"]


@pytest.mark.parametrize("where", ["value", "body"])
def test_nesting_too_deep(root: Path, small: limits.Limits, where: str) -> None:
    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    if where == "value":
        deep: Any = "x"
        for _ in range(20):
            deep = [deep]
        sent = form_of(root, "phuong-an-lac")
        sent["luu"] = deep
        got = c.post("/api/kiem-tra", json=_body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf})
        assert got.json()["problems"][0]["key"].startswith("luu[1][1]")
    else:  # deeper than Python's JSON reader can go: refused, not a server error
        raw = '{"d": ' + "[" * 200_000 + "]" * 200_000 + "}"
        got = c.post("/api/kiem-tra", content=raw, headers={"X-CSRF-Token": csrf,
                                                            "content-type": "application/json"})
    assert got.status_code == 413 and "lồng" in got.json()["error"] and "do_sau_du_lieu" in got.json()["error"]


def test_too_many_values(root: Path, small: limits.Limits) -> None:
    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    sent = form_of(root, "phuong-an-lac")
    sent["noi_nhan"] = [f"Nơi {i}" for i in range(3100)]
    got = c.post("/api/kiem-tra", json=_body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf})
    assert got.status_code == 413 and "hơn 3000 giá trị" in got.json()["error"]


def test_save_that_would_write_a_file_past_the_bounds(root: Path) -> None:
    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    longest = max(len(p.read_bytes().splitlines()) for p in (root / DATASET).glob("*.yaml"))
    sent = form_of(root, "phuong-an-lac")
    sent["noi_nhan"] = [f"Nơi nhận {i}" for i in range(longest + 10)]
    before = _files(root)
    with limits.applied(dataclasses.replace(limits.current(), data_lines=longest + 5)):
        for call in ("/api/so-sanh", "/api/luu"):
            got = c.post(call, json=_body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf})
            assert got.status_code == 413, call
            assert "phuong-an-lac.yaml" in got.json()["error"] and "so_dong_du_lieu" in got.json()["error"]
    assert _files(root) == before
    log = root / ".qdocgen" / "nhat-ky.jsonl"
    assert not log.exists() or "sửa" not in log.read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "status", "words"), [
    ("ke_thua: _phuong.yaml\nx:" + "\n  - " * 1 + "[" * 30 + "]" * 30 + "\n", 413, "lồng sâu hơn 12 tầng"),
    ("ke_thua: _phuong.yaml\nten: Nhỏ\n  sai: [\n", 400, "lỗi cú pháp YAML ở dòng"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", 413, "hơn 3000 giá trị"),
    ("ten: " + "x" * 2001 + "\n", 413, "phuong-nho.yaml [ten]: giá trị dài 2001 ký tự"),
    ("ten: \xff\n", 400, "UTF-8"),
])
def test_upload_read_in_memory_before_anything_is_written(root: Path, small: limits.Limits, content: str,
                                                         status: int, words: str) -> None:
    c = client(root)
    csrf = csrf_of(c.get(f"/bo?d={DATASET}").text)
    raw = content.encode("utf-8") if "\xff" not in content else b"ten: \xff\n"
    got = c.post("/tai-len", data={"csrf": csrf, "d": DATASET}, files={"tep": ("phuong-nho.yaml", raw)})
    assert got.status_code == status and words in got.text, got.text
    assert "phuong-nho.yaml" in got.text
    assert not (root / DATASET / "phuong-nho.yaml").exists()


def test_nothing_sent_within_the_bounds_is_refused(root: Path, small: limits.Limits) -> None:
    """The shipped units go through every call with the lowered bounds: real data is far below them."""
    c = client(root)
    for unit in ("quan-binh-tan", "phuong-an-lac"):
        csrf, token = open_unit(c, unit)
        body = _body(unit, token, form_of(root, unit))
        assert c.post("/api/kiem-tra", json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
        diff = c.post("/api/so-sanh", json=body, headers={"X-CSRF-Token": csrf})
        assert diff.status_code == 200 and json.loads(diff.text)["changed"] is False


def test_time_a_typed_value_may_take(root: Path) -> None:
    """A loop typed into a field is stopped at ``thoi_gian_dien`` in the server's worker thread, at its field."""
    import time

    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    sent = form_of(root, "phuong-an-lac")
    sent["luu"] = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}VT"
    began = time.monotonic()
    with limits.applied(dataclasses.replace(limits.current(), render_seconds=1)):
        got = c.post("/api/kiem-tra", json=_body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf})
    assert time.monotonic() - began < 20
    problems = {p["key"]: p["message"] for p in got.json()["problems"]}
    assert "quá 1 giây" in problems["luu"] and "thoi_gian_dien" in problems["luu"]
