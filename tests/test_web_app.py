"""Route tests of ``qdocgen serve`` with Starlette's TestClient: pages, checks, saving, downloads, refusals."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx_text import blocks
from web_helpers import DATASET, client, copy_data, csrf_of, form_of, open_unit

from qdocgen.web import accounts
from qdocgen.web.guard import Access


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def body(unit: str, token: str, sent: dict[str, object], original: dict[str, object] | None = None
         ) -> dict[str, object]:
    out = {"d": DATASET, "u": unit, "mau": "quyet-dinh-mtcl", "token": token, "du_lieu": sent}
    return out if original is None else {**out, "goc": original}


def test_pages_in_vietnamese(root: Path) -> None:
    c = client(root)
    home = c.get("/")
    assert home.status_code == 200 and "Chọn bộ dữ liệu" in home.text
    assert "binh-tan/2019" in home.text and "so-noi-vu-vi-du/2019" in home.text
    ds = c.get(f"/bo?d={DATASET}")
    assert "Ủy ban nhân dân phường An Lạc" in ds.text and "Soạn cả bộ" in ds.text
    page = c.get(f"/don-vi?d={DATASET}&u=quan-binh-tan")
    # fields from the template's declaration, labelled from their descriptions, values from the file
    assert "Danh sách căn cứ pháp lý" in page.text and "Họ tên người ký" in page.text
    assert 'value="Lê Văn Thinh"' in page.text and 'data-kind="date"' in page.text
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_check_reports_problems_at_fields_in_cli_words(root: Path) -> None:
    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    sent = form_of(root, "phuong-an-lac")
    sent["ngay_ban_hanh"] = "31/02/2019"
    sent["can_cu"][0]["van_ban"] = ""
    result = c.post("/api/kiem-tra", json=body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf}).json()
    by_key = {p["key"]: p["message"] for p in result["problems"]}
    assert "tháng 2 năm 2019 chỉ có 28 ngày" in by_key["ngay_ban_hanh"]
    assert by_key["can_cu[1].van_ban"].startswith("không được để trống")
    assert result["dates"]["can_cu[1].ngay"] == "ngày 19 tháng 6 năm 2015"
    # the same words as the command line's check of the same data
    from qdocgen.data.pipeline import prepare
    from qdocgen.template.registry import find_template

    unit_file = root / DATASET / "phuong-an-lac.yaml"
    unit_file.write_text(unit_file.read_text(encoding="utf-8") + "ngay_ban_hanh: 31/02/2019\n", encoding="utf-8")
    _, cli_problems = prepare([unit_file], find_template("quyet-dinh-mtcl"), ())
    assert by_key["ngay_ban_hanh"] == next(p.message for p in cli_problems if p.key == "ngay_ban_hanh")


def test_save_writes_only_the_change_keeps_comments_and_inheritance(root: Path) -> None:
    c = client(root)
    csrf, token = open_unit(c, "phuong-an-lac")
    unit_file = root / DATASET / "phuong-an-lac.yaml"
    before = unit_file.read_text(encoding="utf-8")
    sent = form_of(root, "phuong-an-lac")
    sent["nguoi_ky"]["ho_ten"] = "Trần Thị Hoa"
    diff = c.post("/api/so-sanh", json=body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf}).json()
    assert diff["changed"] and '+  ho_ten: "Trần Thị Hoa"' in diff["diff"]
    assert unit_file.read_text(encoding="utf-8") == before  # shown, not yet written
    saved = c.post("/api/luu", json=body("phuong-an-lac", token, sent), headers={"X-CSRF-Token": csrf}).json()
    assert saved["saved"]
    after = unit_file.read_text(encoding="utf-8")
    assert after == before.replace('ho_ten: ""', 'ho_ten: "Trần Thị Hoa"')  # comments, order, quotes kept
    assert "chuc_vu" not in after and "can_cu" not in after  # nothing of the parent copied in
    log = (root / ".qdocgen" / "nhat-ky.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(log[-1])
    assert entry["tep"] == f"{DATASET}/phuong-an-lac.yaml" and entry["viec"] == "sửa"
    assert "phuong-an-lac.yaml" in c.get("/nhat-ky").text


def test_unchanged_form_changes_nothing(root: Path) -> None:
    c = client(root)
    for unit in ("quan-binh-tan", "phuong-tan-tao-a"):
        csrf, token = open_unit(c, unit)
        diff = c.post("/api/so-sanh", json=body(unit, token, form_of(root, unit)), headers={"X-CSRF-Token": csrf})
        assert diff.json()["changed"] is False, diff.json()["diff"]


def test_second_clerk_sees_a_conflict_with_both_versions(root: Path) -> None:
    first, second = client(root), client(root)
    csrf1, token1 = open_unit(first, "quan-binh-tan")
    csrf2, token2 = open_unit(second, "quan-binh-tan")
    opened = form_of(root, "quan-binh-tan")
    mine = form_of(root, "quan-binh-tan")
    mine["luu"] = "VT, NV (Hoa)"
    theirs = form_of(root, "quan-binh-tan")
    theirs["nguoi_ky"]["ho_ten"] = "Nguyễn Văn Mới"
    assert first.post("/api/luu", json=body("quan-binh-tan", token1, theirs),
                      headers={"X-CSRF-Token": csrf1}).json()["saved"]
    clash = second.post("/api/luu", json=body("quan-binh-tan", token2, mine, opened),
                        headers={"X-CSRF-Token": csrf2})
    assert clash.status_code == 409
    both = clash.json()
    assert "Nguyễn Văn Mới" in both["theirs"] and "VT, NV (Hoa)" not in both["theirs"]
    assert "VT, NV (Hoa)" in both["mine"] and "Nguyễn Văn Mới" in both["mine"]  # theirs kept in mine
    text = (root / DATASET / "quan-binh-tan.yaml").read_text(encoding="utf-8")
    assert "Nguyễn Văn Mới" in text and "VT, NV (Hoa)" not in text  # nothing overwritten silently
    again = second.post("/api/luu", json=body("quan-binh-tan", both["token"], mine, opened),
                        headers={"X-CSRF-Token": csrf2})
    assert again.json()["saved"]
    text = (root / DATASET / "quan-binh-tan.yaml").read_text(encoding="utf-8")
    assert "Nguyễn Văn Mới" in text and "VT, NV (Hoa)" in text


def test_download_docx_of_saved_unit(root: Path) -> None:
    c = client(root)
    got = c.get(f"/tai?d={DATASET}&u=quan-binh-tan&dang=docx")
    assert got.status_code == 200 and 'filename="quan-binh-tan.docx"' in got.headers["content-disposition"]
    text = "\n".join(p.text for p in blocks(docx.Document(io.BytesIO(got.content))))
    assert "Lê Văn Thinh" in text and "784/QĐ-UBND" in text


def test_create_unit_new_year_and_review_list(root: Path) -> None:
    c = client(root)
    csrf = csrf_of(c.get(f"/bo?d={DATASET}").text)
    made = c.post("/tao", data={"csrf": csrf, "d": DATASET, "ma": "phuong-moi", "ke_thua": "_phuong.yaml",
                                "mau": "quyet-dinh-mtcl"}, follow_redirects=False)
    assert made.status_code == 303 and "u=phuong-moi" in made.headers["location"]
    assert "ke_thua: _phuong.yaml" in (root / DATASET / "phuong-moi.yaml").read_text(encoding="utf-8")
    again = c.post("/tao", data={"csrf": csrf, "d": DATASET, "ma": "phuong-moi", "ke_thua": ""})
    assert again.status_code == 422 and "đã có" in again.text
    moved = c.post("/nam-moi", data={"csrf": csrf, "d": DATASET, "nam": "2020"}, follow_redirects=False)
    assert moved.status_code == 303
    review = c.get(moved.headers["location"])
    assert "Xem lại trước khi trình ký" in review.text and "784/QĐ-UBND" in review.text
    assert (root / "binh-tan" / "2020" / "quan-binh-tan.yaml").is_file()
    listed = (root / "binh-tan" / "2020" / "_xem-lai.md").read_text(encoding="utf-8")
    line = next(i for i, text in enumerate(listed.splitlines()) if text.startswith("- [ ]"))
    assert f'name="dong" value="{line}"' in review.text and "#can_cu" in review.text  # linked to its field
    marked = c.post("/xem-lai/danh-dau", data={"csrf": csrf, "d": "binh-tan/2020", "dong": str(line), "xong": "1"})
    assert marked.status_code == 200 and 'class="done"' in marked.text
    assert (root / "binh-tan" / "2020" / "_xem-lai.md").read_text(encoding="utf-8").splitlines()[line].startswith(
        "- [x]")


def test_batch_zip_with_manifest(root: Path) -> None:
    import time

    c = client(root)
    csrf = csrf_of(c.get(f"/bo?d={DATASET}").text)
    job = c.post("/api/lo", json={"d": DATASET, "mau": "quyet-dinh-mtcl"}, headers={"X-CSRF-Token": csrf}).json()
    for _ in range(300):
        job = c.get(f"/api/lo/{job['id']}").json()
        if job["finished"]:
            break
        time.sleep(0.1)
    assert job["finished"] and not job["error"] and job["written"] == 11 and job["done"] == job["total"] == 11
    got = c.get(f"/lo/{job['id']}/tai")
    names = zipfile.ZipFile(io.BytesIO(got.content)).namelist()
    assert "manifest.json" in names and "quan-binh-tan.docx" in names and len(names) >= 12


# --- what an attacker tries ------------------------------------------------------------------------------------

def test_path_traversal_refused(root: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("mat_khau: 123\n", encoding="utf-8")
    c = client(root)
    for url in ("/bo?d=../", "/bo?d=..%2F..%2Fetc", f"/don-vi?d={DATASET}&u=../../secret",
                f"/don-vi?d={DATASET}&u=%2Fetc%2Fpasswd", "/tai?d=binh-tan/2019/..%2F..%2F..&u=secret",
                "/bo?d=.qdocgen", "/tinh/../app.py"):
        got = c.get(url)
        assert got.status_code == 404, url
        assert "123" not in got.text
    (root / "binh-tan" / "lien-ket").symlink_to(tmp_path, target_is_directory=True)
    assert c.get("/don-vi?d=binh-tan/lien-ket&u=secret").status_code == 404


def test_missing_or_wrong_csrf_refused(root: Path) -> None:
    c = client(root)
    _csrf, token = open_unit(c, "phuong-an-lac")
    sent = form_of(root, "phuong-an-lac")
    sent["nguoi_ky"]["ho_ten"] = "Kẻ Giả Mạo"
    for headers in ({}, {"X-CSRF-Token": "sai"}):
        got = c.post("/api/luu", json=body("phuong-an-lac", token, sent), headers=headers)
        assert got.status_code == 403 and "chống giả mạo" in got.json()["error"]
    assert c.post("/tao", data={"d": DATASET, "ma": "phuong-x"}).status_code == 403
    assert "Kẻ Giả Mạo" not in (root / DATASET / "phuong-an-lac.yaml").read_text(encoding="utf-8")
    assert not (root / DATASET / "phuong-x.yaml").exists()


def test_oversized_upload_refused(root: Path) -> None:
    c = client(root)
    csrf = csrf_of(c.get(f"/bo?d={DATASET}").text)
    huge = b"so: 1\n" + b"#" * (3 * 1024 * 1024)
    got = c.post("/tai-len", data={"csrf": csrf, "d": DATASET}, files={"tep": ("phuong-lon.yaml", huge)})
    assert got.status_code == 413
    big = b"so: 1\n" + b"#" * (300 * 1024)  # under the request limit, over a unit file's
    got = c.post("/tai-len", data={"csrf": csrf, "d": DATASET}, files={"tep": ("phuong-lon.yaml", big)})
    assert got.status_code == 413 and "Tệp quá lớn" in got.text
    assert not (root / DATASET / "phuong-lon.yaml").exists()
    fine = c.post("/tai-len", data={"csrf": csrf, "d": DATASET},
                  files={"tep": ("phuong-nho.yaml", "ke_thua: _phuong.yaml\nten_phuong: Nhỏ\n".encode())},
                  follow_redirects=False)
    assert fine.status_code == 303 and (root / DATASET / "phuong-nho.yaml").is_file()


def test_accounts_login_and_another_users_dataset(root: Path) -> None:
    users = root / ".qdocgen" / "nguoi-dung.json"
    accounts.add_user(users, "hoa", "mat-khau-dai", ("binh-tan",), "Trần Thị Hoa")
    stored = users.read_text(encoding="utf-8")
    assert "mat-khau-dai" not in stored and "scrypt$" in stored
    c = client(root, Access(users))
    assert c.get("/", follow_redirects=False).headers["location"] == "/dang-nhap"
    csrf = csrf_of(c.get("/dang-nhap").text)
    bad = c.post("/dang-nhap", data={"csrf": csrf, "ten": "hoa", "mat_khau": "sai-mat-khau"})
    assert bad.status_code == 401 and "không đúng" in bad.text
    assert c.post("/dang-nhap", data={"ten": "hoa", "mat_khau": "mat-khau-dai"}).status_code == 403  # no token
    ok = c.post("/dang-nhap", data={"csrf": csrf, "ten": "hoa", "mat_khau": "mat-khau-dai"}, follow_redirects=False)
    assert ok.status_code == 303
    home = c.get("/")
    assert "binh-tan/2019" in home.text and "so-noi-vu-vi-du" not in home.text and "Trần Thị Hoa" in home.text
    assert c.get("/bo?d=so-noi-vu-vi-du/2019").status_code == 404
    assert c.get("/don-vi?d=so-noi-vu-vi-du/2019&u=so-noi-vu").status_code == 404
    assert c.get("/tai?d=so-noi-vu-vi-du/2019&u=so-noi-vu").status_code == 404
    assert c.get(f"/bo?d={DATASET}").status_code == 200


def test_non_loopback_needs_accounts(root: Path) -> None:
    from qdocgen.errors import QdocgenError
    from qdocgen.web.serve import access_for

    assert access_for(root, "127.0.0.1").users_file is None
    with pytest.raises(QdocgenError, match="cần tài khoản"):
        access_for(root, "0.0.0.0")
    assert access_for(root, "0.0.0.0", proxy_header="X-Remote-User").proxy_header == "x-remote-user"
    accounts.add_user(root / ".qdocgen" / "nguoi-dung.json", "hoa", "mat-khau-dai")
    assert access_for(root, "0.0.0.0").login
