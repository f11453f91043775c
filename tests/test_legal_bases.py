"""The register of legal bases: reading it, matching cited texts, and ``check-can-cu`` per unit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import DATASET, ROOT, run

from qdocgen.data import legal_bases
from qdocgen.data.legal_bases import (
    AMENDED,
    REPLACED,
    STALE,
    TO_CHECK,
    UNKNOWN,
    assess,
    check_dataset,
    load_register,
)
from qdocgen.errors import DataError

TODAY = dt.date(2026, 11, 22)

REGISTER = """\
thuat_ngu_cu:
  - cum_tu: [ISO 9001:2008]
    thay_bang: TCVN ISO 9001:2015
van_ban:
  - {so: 1/2020/NĐ-CP, ngay: 2020-01-01, trang_thai: con_hieu_luc, ngay_kiem_tra: 2026-06-01}
  - {so: 2/2020/NĐ-CP, trang_thai: thay_the, thay_the_boi: 9/2025/NĐ-CP, tu_ngay: 2025-07-01}
  - {so: 3/2020/NĐ-CP, trang_thai: sua_doi, thay_the_boi: 8/2024/NĐ-CP, ngay_kiem_tra: 2026-06-01}
  - {so: 4/2020/NĐ-CP, trang_thai: con_hieu_luc, ngay_kiem_tra: 2025-06-01}
  - {so: 5/2020/NĐ-CP, trang_thai: can_kiem_tra, ghi_chu: số hiệu chưa xác nhận}
  - {ten: Luật Mẫu, ngay: 2015-06-19, trang_thai: con_hieu_luc, ngay_kiem_tra: 2026-06-01}
"""


@pytest.fixture()
def register(tmp_path: Path) -> legal_bases.Register:
    path = tmp_path / "can-cu.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return load_register(path)


def kinds(cite: dict[str, object], register: legal_bases.Register, when: dt.date | None = None) -> list[str]:
    return [issue.kind for issue in assess(cite, 0, register, TODAY, when)]


def test_in_force_and_recently_checked_is_fine(register: legal_bases.Register) -> None:
    assert kinds({"van_ban": "Nghị định", "so": "1/2020/NĐ-CP"}, register) == []
    assert kinds({"van_ban": "Luật mẫu", "ngay": dt.date(2015, 6, 19)}, register) == []  # by name and date


@pytest.mark.parametrize(("number", "kind"), [("2/2020/NĐ-CP", REPLACED), ("3/2020/NĐ-CP", AMENDED),
                                              ("4/2020/NĐ-CP", STALE), ("5/2020/NĐ-CP", TO_CHECK),
                                              ("6/2020/NĐ-CP", UNKNOWN)])
def test_each_kind_of_issue_alone(register: legal_bases.Register, number: str, kind: str) -> None:
    assert kinds({"van_ban": "Nghị định", "so": number}, register) == [kind]


def test_the_replacement_is_named(register: legal_bases.Register) -> None:
    issue, = assess({"van_ban": "Nghị định", "so": "2/2020/NĐ-CP"}, 0, register, TODAY)
    assert issue.message == ("Nghị định số 2/2020/NĐ-CP: đã bị thay thế từ ngày 01/07/2025; thay bằng: "
                               "9/2025/NĐ-CP")


def test_same_number_other_date_is_another_text(register: legal_bases.Register) -> None:
    cite = {"van_ban": "Nghị định", "so": "1/2020/NĐ-CP", "ngay": dt.date(2021, 5, 5)}
    assert kinds(cite, register) == [UNKNOWN]
    assert kinds({"van_ban": "Luật mẫu", "ngay": dt.date(2005, 1, 1)}, register) == [UNKNOWN]


def test_a_document_dated_before_the_replacement_cited_it_rightly(register: legal_bases.Register) -> None:
    cite = {"van_ban": "Nghị định", "so": "2/2020/NĐ-CP"}
    assert kinds(cite, register, dt.date(2024, 3, 1)) == []
    assert kinds(cite, register, dt.date(2026, 3, 1)) == [REPLACED]
    # an old document is not asked to have had its bases checked since
    assert kinds({"van_ban": "Nghị định", "so": "6/2020/NĐ-CP"}, register, dt.date(2019, 2, 27)) == []


def test_outdated_terms_are_found_with_any_spacing(register: legal_bases.Register) -> None:
    found = [t.replacement for t, _m in register.outdated("theo TCVN ISO 9001 : 2008 tại phường")]
    assert found == ["TCVN ISO 9001:2015"]
    assert list(register.outdated("TCVN ISO 9001:2015 thay ISO 9001:20081")) == []


def test_a_wrong_register_names_the_file_entry_and_line(tmp_path: Path) -> None:
    path = tmp_path / "can-cu.yaml"
    path.write_text("van_ban:\n  - so: 1/2020/NĐ-CP\n    trang_thai: het_roi\n  - ngay: 31/13/2020\n",
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_register(path)
    text = caught.value.message
    assert "can-cu.yaml:2 [van_ban[1].trang_thai]: «het_roi» không dùng được" in text
    assert "can-cu.yaml:4 [van_ban[2]]: cần số ký hiệu (so) hoặc tên" in text
    assert "[van_ban[2].ngay]: «31/13/2020» không phải ngày" in text


def test_the_shipped_register_reads() -> None:
    register = load_register()
    assert register.path.name == "can-cu.yaml"
    assert register.two_level_from == dt.date(2025, 7, 1)
    assert register.removed_levels == ("quận", "huyện", "thị xã")
    nd30 = register.find({"van_ban": "Nghị định", "so": "30/2020/NĐ-CP"})
    assert nd30 is not None and nd30.status == legal_bases.IN_FORCE


def test_the_register_is_installed_with_qdocgen() -> None:
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "share/qdocgen =\n    data/can-cu.yaml" in setup  # found there by default_register_path()


def test_check_can_cu_reports_the_2019_bases_per_unit() -> None:
    result = check_dataset(DATASET, today=TODAY)
    assert result.counted == 45 and len(result.units) == 11
    district = {(i.index, i.kind) for i in result.units["quan-binh-tan"]}
    assert district == {(0, REPLACED), (1, TO_CHECK), (2, TO_CHECK), (3, UNKNOWN), (4, UNKNOWN)}
    ward = {(i.index, i.kind) for i in result.units["phuong-an-lac"]}
    assert (3, legal_bases.ENDED) in ward  # the district's 784/QĐ-UBND: no successor
    lines = "\n".join(result.lines())
    assert "10 đơn vị (phuong-an-lac-a, phuong-an-lac," in lines
    assert "thay bằng: Luật Tổ chức chính quyền địa phương năm 2025" in lines
    assert "Kế hoạch số 128/KH-UBND ngày 13/04/2012: chưa có trong sổ căn cứ" in lines


def test_check_can_cu_command(tmp_path: Path) -> None:
    other = tmp_path / "so.yaml"
    other.write_text("van_ban:\n  - {ten: Luật tổ chức chính quyền địa phương, trang_thai: con_hieu_luc, "
                     f"ngay_kiem_tra: {dt.date.today().isoformat()}}}\n", encoding="utf-8")
    result = run("check-can-cu", DATASET, "--so-can-cu", other)
    assert result.exit_code == 0
    assert "Luật tổ chức chính quyền địa phương" not in result.output  # in force by this register
    assert "Quyết định số 19/2014/QĐ-TTg ngày 05/03/2014: chưa có trong sổ căn cứ" in result.output
    missing = run("check-can-cu", tmp_path / "khong-co")
    assert missing.exit_code == 3 and "không tìm thấy thư mục này" in missing.stderr
