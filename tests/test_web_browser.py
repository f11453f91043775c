"""End to end: ``qdocgen serve`` in a real Chromium (Debian's, driven by pytest-playwright), as a clerk uses it.

A clerk logs in, fills a new ward's decision from an empty form, fixes the mistake the page points at, saves
(seeing the change first), previews the pages, downloads the .docx and the whole batch as a zip; an attacker's
requests are refused. Screenshots of the main pages go to out/screenshots/ (look at them).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import soffice
from docx_text import blocks, texts
from web_helpers import ROOT

pytest.importorskip("playwright")

from docx import Document  # noqa: E402
from playwright.sync_api import Page, expect  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "out" / "screenshots"
USER, PASSWORD = "hoa", "mat-khau-thu"


def _chromium() -> str:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    message = "Chromium is not installed: apt-get install -y chromium (the browser tests drive /usr/bin/chromium)"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set: these tests must run here)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium (Playwright's own browser download is not available), headless, as root."""
    return {**browser_type_launch_args, "executable_path": _chromium(), "headless": True,
            "args": ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app on a free port of 127.0.0.1, serving a copy of the shipped data, with one account."""
    import uvicorn

    from qdocgen.web import accounts
    from qdocgen.web.app import Settings, create_app
    from qdocgen.web.guard import Access

    root = tmp_path_factory.mktemp("web") / "data"
    shutil.copytree(ROOT / "data", root)
    users = root / ".qdocgen" / "nguoi-dung.json"
    accounts.add_user(users, USER, PASSWORD, ("binh-tan",), "Trần Thị Hoa")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(root, Access(users))), host="127.0.0.1", port=port,
                            log_level="warning")
    web = uvicorn.Server(config)
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    for _ in range(100):
        if web.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", root
    web.should_exit = True
    thread.join(10)


def shot(page: Page, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def login(page: Page, base: str) -> None:
    page.goto(base + "/")
    expect(page).to_have_url(base + "/dang-nhap")
    shot(page, "1-dang-nhap")
    page.get_by_label("Tên đăng nhập").fill(USER)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Chọn bộ dữ liệu")).to_be_visible()


def box(page: Page, path: str) -> Any:
    return page.locator(f'[data-path="{path}"] .in').first


def add_row(page: Page, path: str, *values: str) -> None:
    for value in values:
        rows = page.locator(f'[data-path="{path}"] > ol.rows > li')
        count = rows.count()
        page.locator(f'[data-path="{path}"] > button.add').click()
        box(page, f"{path}[{count + 1}]").fill(value)


def fill_ward(page: Page) -> None:
    """Every field a new ward's decision needs, typed as a clerk would (the date wrong at first)."""
    for key, value in (("ky_hieu", "QĐ-UBND"), ("dia_danh", "Bình Tân"), ("nam", "2019"),
                       ("co_quan_chu_quan", "Ủy ban nhân dân quận Bình Tân"),
                       ("co_quan", "Ủy ban nhân dân phường Tân Tạo B"),
                       ("trich_yeu", "Về việc ban hành Mục tiêu chất lượng năm 2019"),
                       ("luu", "VT, VP"), ("nguoi_ky.tham_quyen", "TM. Ủy ban nhân dân"),
                       ("nguoi_ky.chuc_vu", "Chủ tịch"), ("nguoi_ky.ho_ten", "Phạm Văn Mới"),
                       ("phu_luc.tieu_de", "Mục tiêu chất lượng"), ("phu_luc.phuong_cham", "Vì nhân dân phục vụ"),
                       ("phu_luc.gioi_thieu", "Toàn thể cán bộ, công chức phấn đấu đạt các mục tiêu sau"),
                       ("phu_luc.bao_cao_mo_dau", "Các công chức báo cáo kết quả thực hiện như sau:")):
        box(page, key).fill(value)
    page.locator('[data-path="can_cu"] > button.add').click()
    box(page, "can_cu[1].van_ban").fill("Luật tổ chức chính quyền địa phương")
    box(page, "can_cu[1].ngay").fill("19/06/2015")
    expect(page.locator('[data-path="can_cu[1].ngay"] .nd30')).to_have_text("In ra: ngày 19 tháng 6 năm 2015")
    add_row(page, "dieu", "Ban hành kèm theo Quyết định này Mục tiêu chất lượng của {{ co_quan }}.",
            "Quyết định này có hiệu lực kể từ ngày ký.",
            "Công chức Văn phòng - Thống kê chịu trách nhiệm thi hành Quyết định này./.")
    add_row(page, "noi_nhan", "UBND quận Bình Tân", "Như Điều 3", "Lưu trữ phường")
    add_row(page, "phu_luc.bao_cao", "Báo cáo định kỳ 6 tháng và năm.")
    page.locator('[data-path="phu_luc.muc_tieu"] > button.add').click()
    for key, value in (("noi_dung", "Hồ sơ được giải quyết đúng hạn ≥98%"), ("theo_doi", "Bộ phận một cửa"),
                       ("phuong_phap", "Sổ theo dõi hồ sơ"), ("bien_phap", "Bố trí đủ người")):
        box(page, f"phu_luc.muc_tieu[1].{key}").fill(value)
    box(page, "ngay_ban_hanh").fill("30/02/2019")  # the mistake


def test_clerk_fills_a_new_ward_from_an_empty_form(page: Page, server: tuple[str, Path]) -> None:
    soffice()  # the preview needs LibreOffice (a failure in CI, a skip elsewhere)
    base, root = server
    page.set_viewport_size({"width": 1440, "height": 1000})
    login(page, base)
    shot(page, "2-trang-dau")
    page.get_by_role("link", name="binh-tan/2019").click()
    expect(page.get_by_role("heading", name="Bộ dữ liệu binh-tan/2019")).to_be_visible()
    shot(page, "3-bo-du-lieu")
    page.get_by_label("Mã đơn vị").fill("phuong-tan-tao-b")
    page.get_by_label("Kế thừa phần dùng chung").select_option("")
    page.get_by_role("button", name="Tạo đơn vị").click()
    expect(page.locator("#summary")).to_contain_text("lỗi cần sửa")  # an empty form: every required key missing
    shot(page, "4-bieu-mau-trong")

    fill_ward(page)
    mistake = page.locator('[data-path="ngay_ban_hanh"] .msg')
    expect(mistake).to_contain_text("tháng 2 năm 2019 chỉ có 28 ngày")  # at its field, in the CLI's words
    shot(page, "5-loi-tai-o")
    box(page, "ngay_ban_hanh").fill("28/02/2019")
    expect(page.locator('[data-path="ngay_ban_hanh"] .nd30')).to_have_text("In ra: ngày 28 tháng 02 năm 2019")
    expect(mistake).to_be_empty()
    shot(page, "5b-sau-khi-sua")
    expect(page.locator("#summary")).not_to_have_class("summary error")
    # reorder: "Như Điều 3" goes first, as NĐ30 lists it
    page.locator('[data-path="noi_nhan"] > ol.rows > li').nth(1).locator("button.up").click()
    expect(box(page, "noi_nhan[1]")).to_have_value("Như Điều 3")

    page.locator("#save").click()
    expect(page.locator("#save-diff")).to_contain_text("co_quan: Ủy ban nhân dân phường Tân Tạo B")
    shot(page, "6-xem-thay-doi")
    page.locator("#save-confirm").click()
    expect(page.locator("#summary")).to_contain_text("Đã lưu vào tệp.")
    saved = (root / "binh-tan" / "2019" / "phuong-tan-tao-b.yaml").read_text(encoding="utf-8")
    assert "ho_ten: Phạm Văn Mới" in saved and saved.startswith("# Đơn vị phuong-tan-tao-b")

    page.locator("#preview").click()
    expect(page.locator("#pages img.page").first).to_be_visible(timeout=120_000)
    assert page.locator("#pages img.page").count() >= 2
    expect(page.locator("#preview-status")).to_contain_text("trang")
    page.wait_for_function("[...document.querySelectorAll('#pages img')].every(i => i.complete && i.naturalWidth)")
    shot(page, "7-xem-truoc")

    with page.expect_download() as info:
        page.locator("#dl-docx").click()
    target = root.parent / "tai-ve.docx"
    info.value.save_as(target)
    lines = texts(target)
    joined = "\n".join(lines)
    assert "Phạm Văn Mới" in joined and "ỦY BAN NHÂN DÂN" in joined and "PHƯỜNG TÂN TẠO B" in joined
    assert "Bình Tân, ngày 28 tháng 02 năm 2019" in joined
    recipients = [line for line in lines if line.startswith("- ")]
    assert recipients[:2] == ["- Như Điều 3;", "- UBND quận Bình Tân;"], recipients


def test_clerk_downloads_the_whole_batch(page: Page, server: tuple[str, Path]) -> None:
    base, root = server
    page.set_viewport_size({"width": 1440, "height": 1000})
    login(page, base)
    page.goto(base + "/bo?d=binh-tan/2019")
    page.locator("#batch-start").click()
    expect(page.locator("#batch-download")).to_be_visible(timeout=120_000)
    expect(page.locator("#batch-status")).to_contain_text("Xong:")
    shot(page, "8-soan-ca-bo")
    with page.expect_download() as info:
        page.locator("#batch-download").click()
    data = Path(info.value.path()).read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert "manifest.json" in names and "quan-binh-tan.docx" in names and "phuong-an-lac.docx" in names
    district = Document(io.BytesIO(archive.read("quan-binh-tan.docx")))
    text = "\n".join(p.text for p in blocks(district))
    assert "Lê Văn Thinh" in text and "Số: 784/QĐ-UBND" in text


def test_attackers_requests_are_refused(page: Page, server: tuple[str, Path]) -> None:
    base, root = server
    login(page, base)
    request = page.request
    for url in ("/bo?d=../../etc", "/don-vi?d=binh-tan/2019&u=../../../etc/passwd", "/tai?d=..%2F..&u=x",
                "/bo?d=so-noi-vu-vi-du/2019", "/don-vi?d=so-noi-vu-vi-du/2019&u=so-noi-vu"):  # not hers
        assert request.get(base + url).status == 404, url
    page.goto(base + "/bo?d=so-noi-vu-vi-du/2019")
    expect(page.get_by_text("Không có bộ dữ liệu")).to_be_visible()
    shot(page, "9-tu-choi")
    body = {"d": "binh-tan/2019", "u": "quan-binh-tan", "token": "x", "du_lieu": {}}
    assert request.post(base + "/api/luu", data=body).status == 403  # no CSRF token
    assert request.post(base + "/api/luu", data=body, headers={"X-CSRF-Token": "doan-bua"}).status == 403
    csrf = page.locator("body").get_attribute("data-csrf")
    huge = request.post(base + "/tai-len", multipart={"csrf": str(csrf), "d": "binh-tan/2019", "tep": {
        "name": "phuong-lon.yaml", "mimeType": "text/yaml", "buffer": b"#" * (3 * 1024 * 1024)}})
    assert huge.status == 413
    assert not (root / "binh-tan" / "2019" / "phuong-lon.yaml").exists()
    page.context.clear_cookies()
    assert request.get(base + "/bo?d=binh-tan/2019", max_redirects=0).status == 303  # logged out: to the login


def test_clerk_keeps_inheritance_and_meets_a_limit(page: Page, server: tuple[str, Path]) -> None:
    """An override set back with «Dùng lại giá trị chung» leaves the file as shipped; one edited row of an inherited
    list is announced before saving; a value past the bounds is refused at its field."""
    import dataclasses

    from qdocgen import limits

    base, root = server
    unit = root / "binh-tan" / "2019" / "phuong-binh-tri-dong.yaml"
    shipped = unit.read_bytes()
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, base)
    page.goto(base + "/don-vi?d=binh-tan/2019&u=phuong-binh-tri-dong")
    expect(page.locator("#summary")).not_to_contain_text("Đang kiểm tra")
    box(page, "nguoi_ky.chuc_vu").fill("Phó Chủ tịch")
    page.locator("#save").click()
    expect(page.locator("#save-diff")).to_contain_text("chuc_vu: Phó Chủ tịch")
    page.locator("#save-confirm").click()
    expect(page.locator("#summary")).to_contain_text("Đã lưu vào tệp.")
    page.reload()
    reset = page.locator('[data-path="nguoi_ky.chuc_vu"] button.reset')
    expect(reset).to_be_visible()
    reset.scroll_into_view_if_needed()
    shot(page, "10-ghi-rieng", full=False)
    reset.click()
    expect(box(page, "nguoi_ky.chuc_vu")).to_have_value("Chủ tịch")
    page.locator("#save").click()
    expect(page.locator("#save-diff")).to_contain_text("-  chuc_vu: Phó Chủ tịch")
    page.locator("#save-confirm").click()
    expect(page.locator("#summary")).to_contain_text("Đã lưu vào tệp.")
    assert unit.read_bytes() == shipped  # the override is gone: the file is as shipped

    box(page, "noi_nhan[2]").fill("UBND quận Bình Tân (để báo cáo, theo dõi)")
    page.locator("#save").click()
    expect(page.locator("#save-notes")).to_contain_text("«noi_nhan» là danh sách kế thừa")
    shot(page, "11-danh-sach-ke-thua", full=False)
    page.locator("#save-cancel").click()
    assert unit.read_bytes() == shipped  # shown, not written

    with limits.applied(dataclasses.replace(limits.current(), value_chars=2000)):
        box(page, "trich_yeu").fill("Về việc " + "x" * 2000)
        message = page.locator('[data-path="trich_yeu"] .msg')
        expect(message).to_contain_text("quá giới hạn")
        expect(page.locator("#summary")).to_contain_text("vượt giới hạn an toàn")
        message.scroll_into_view_if_needed()
        shot(page, "12-gioi-han", full=False)
    assert unit.read_bytes() == shipped


def test_new_unit_from_a_parent_pdf_and_next_year(page: Page, server: tuple[str, Path]) -> None:
    """A unit made from _phuong.yaml asks first for the value the shared part needs (ten_phuong); its PDF downloads;
    next year's drafts open on their review list, whose items lead to their fields."""
    soffice()
    base, root = server
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, base)
    page.goto(base + "/bo?d=binh-tan/2019")
    page.get_by_label("Mã đơn vị").fill("phuong-tan-tao-c")
    page.get_by_label("Kế thừa phần dùng chung").select_option("_phuong.yaml")
    page.get_by_role("button", name="Tạo đơn vị").click()
    first = page.locator('[data-path="ten_phuong"]')
    expect(first.locator("label")).to_contain_text("Tên phường")
    box(page, "ten_phuong").fill("Tân Tạo C")
    box(page, "nguoi_ky.ho_ten").fill("Nguyễn Văn Ba")
    shot(page, "13-don-vi-moi-ke-thua", full=False)
    page.locator("#save").click()
    expect(page.locator("#save-diff")).to_contain_text("Nguyễn Văn Ba")
    page.locator("#save-confirm").click()
    expect(page.locator("#summary")).to_contain_text("Đã lưu vào tệp.")
    saved = (root / "binh-tan" / "2019" / "phuong-tan-tao-c.yaml").read_text(encoding="utf-8")
    assert 'ten_phuong: "Tân Tạo C"' in saved and "can_cu" not in saved and "chuc_vu" not in saved
    with page.expect_download() as info:
        page.locator("#dl-pdf").click()
    pdf = root.parent / "tan-tao-c.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "PHƯỜNG TÂN TẠO C" in text and "Nguyễn Văn Ba" in text

    page.goto(base + "/bo?d=binh-tan/2019")
    page.get_by_role("button", name="Soạn dự thảo năm 2020").click()
    expect(page.get_by_role("heading", name="Xem lại trước khi trình ký: binh-tan/2020")).to_be_visible()
    shot(page, "14-xem-lai-nam-moi")
    page.locator("ol.review li a").first.click()
    expect(page.locator(".flash")).to_be_visible()
    shot(page, "15-muc-xem-lai-tai-o", full=False)
