"""Date-aware warnings on data: each rule broken alone on a clean 2026 ward, and the 2019 district re-dated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DATASET, ROOT, run

from qdocgen.data import reader, values
from qdocgen.data.dated_checks import dated_warnings
from qdocgen.data.legal_bases import Register, load_register
from qdocgen.errors import Problem

WARD = ROOT / "data" / "tp-ho-chi-minh" / "2026" / "phuong-an-lac.yaml"
TODAY = dt.date(2026, 11, 22)
# Every basis the 2026 wards cite is in force and checked: only the rule under test can speak.
REGISTER = """\
chinh_quyen_hai_cap: {tu_ngay: 2025-07-01, cap_khong_con: [quận, huyện, thị xã]}
thuat_ngu_cu:
  - {cum_tu: [ISO 9001:2008], thay_bang: TCVN ISO 9001:2015}
  - {cum_tu: [mức độ 3, mức độ 4], thay_bang: toàn trình hoặc một phần}
van_ban:
  - {so: 72/2025/QH15, trang_thai: con_hieu_luc, ngay_kiem_tra: 2026-10-01}
  - {so: 19/2014/QĐ-TTg, trang_thai: con_hieu_luc, ngay_kiem_tra: 2026-10-01}
  - {so: 26/2014/TT-BKHCN, trang_thai: con_hieu_luc, ngay_kiem_tra: 2026-10-01}
"""


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Register:
    path = tmp_path_factory.mktemp("so") / "can-cu.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return load_register(path)


def warnings_for(register: Register, *overrides: str, edit: Callable[[dict[str, Any]], None] | None = None,
                 path: Path = WARD) -> list[Problem]:
    problems: list[Problem] = []
    unit = reader.read_unit(path, ("ngay_ban_hanh=2026-03-02", *overrides), problems)
    assert unit is not None
    values.parse_dates(unit, problems)
    values.render_data_templates(unit, problems)
    assert problems == []
    if edit is not None:
        edit(unit.data)
    return dated_warnings(unit, register, TODAY)


def keys(found: list[Problem]) -> list[str]:
    return [p.key for p in found]


def test_the_2026_ward_is_clean(register: Register) -> None:
    assert warnings_for(register) == []


def test_a_district_issuer_alone(register: Register) -> None:
    found = warnings_for(register, "co_quan=Ủy ban nhân dân quận Bình Tân")
    assert keys(found) == ["co_quan"]
    assert "từ ngày 01/07/2025 không còn cấp quận, huyện, thị xã" in found[0].message


def test_a_district_place_name_alone(register: Register) -> None:
    assert keys(warnings_for(register, "dia_danh=Quận 1")) == ["dia_danh"]


def test_a_district_committee_among_recipients_alone(register: Register) -> None:
    found = warnings_for(register, edit=lambda d: d["noi_nhan"].insert(1, "UBND quận Bình Tân (để báo cáo)"))
    assert keys(found) == ["noi_nhan[2]"]
    assert "«UBND quận Bình Tân (để báo cáo)»" in found[0].message


def test_an_outdated_standard_alone(register: Register) -> None:
    found = warnings_for(register, "trich_yeu=Về việc ban hành Mục tiêu chất lượng theo TCVN ISO 9001:2008")
    assert keys(found) == ["trich_yeu"]
    assert "«ISO 9001:2008» là cách gọi cũ, nay dùng: TCVN ISO 9001:2015" in found[0].message


def test_an_outdated_service_level_alone(register: Register) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["phu_luc"]["muc_tieu"][2]["noi_dung"] = "Đạt từ 30% hồ sơ được xử lý trực tuyến mức độ 4"
    assert keys(warnings_for(register, edit=edit)) == ["phu_luc.muc_tieu[3].noi_dung"]


def test_a_cited_title_keeps_its_own_words(register: Register) -> None:
    # the ward cites Quyết định 19/2014/QĐ-TTg, whose title says ISO 9001:2008: quoted as it is, not flagged
    seen: list[str] = []
    assert warnings_for(register, edit=lambda d: seen.append(str(d["can_cu"]))) == []
    assert "9001:2008" in seen[0]


def test_the_year_differs_from_nam_alone(register: Register) -> None:
    found = warnings_for(register, "ngay_ban_hanh=2026-03-02", "nam=2027")
    assert keys(found) == ["ngay_ban_hanh"]
    assert "thuộc năm 2026, còn «nam» là 2027" in found[0].message


def test_dated_before_a_cited_text_alone(register: Register) -> None:
    found = warnings_for(register, "de_nghi.van_ban=Tờ trình", "de_nghi.ngay=2026-03-05")
    assert keys(found) == ["de_nghi.ngay"]
    assert "đề ngày 05/03/2026, sau ngày ban hành 02/03/2026" in found[0].message


def test_a_basis_the_register_flags_alone(register: Register) -> None:
    found = warnings_for(register, edit=lambda d: d["can_cu"].append({"van_ban": "Nghị định", "so": "1/2099/NĐ-CP"}))
    assert keys(found) == ["can_cu"]
    assert "qdocgen check-can-cu" in found[0].message


def test_before_the_reorganisation_a_district_is_right(register: Register) -> None:
    found = warnings_for(register, "ngay_ban_hanh=2019-02-27", "nam=2019", path=DATASET / "quan-binh-tan.yaml")
    assert found == []


def test_the_2019_district_re_dated_warns_about_district_and_2008(tmp_path: Path) -> None:
    result = run("render", DATASET / "quan-binh-tan.yaml", "-o", tmp_path / "qd.docx",
                 "--set", "ngay_ban_hanh=2026-03-02")
    assert result.exit_code == 0
    # the warning names the file and line that wrote the value (issue 23)
    assert ("quan-binh-tan.yaml:9 [co_quan]: «Ủy ban nhân dân quận Bình Tân»: văn bản đề ngày 02/03/2026"
            in result.stderr)
    assert "«ISO 9001:2008» (và 5 chỗ khác) là cách gọi cũ" in result.stderr
    assert "nơi nhận cấp huyện «Thường trực Quận ủy»" in result.stderr
