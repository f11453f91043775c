"""Lint rules that know the document's date: each broken alone in a rendered 2026 ward decision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run

from qdocgen.batch import render_file
from qdocgen.dating import lint_docx

DATASET_2026 = ROOT / "data" / "tp-ho-chi-minh" / "2026"
DATED = ("ngay_ban_hanh=2026-03-02", "so=12", "nguoi_ky.ho_ten=Nguyễn Văn An")  # signed: the name is there


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("ds") / "2026"
    shutil.copytree(DATASET_2026, target)
    return target


def lint_of(dataset: Path, name: str, extra: str = "", overrides: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    unit = dataset / f"{name}.yaml"
    unit.write_text(f"ke_thua: _phuong.yaml\nten_phuong: An Lạc\n{extra}", encoding="utf-8")
    out = dataset.parent / f"{name}.docx"
    render_file(unit, out, overrides=(*DATED, *overrides), force=True)
    return [(f.rule, f.where) for f in lint_docx(out)]


def test_a_dated_2026_ward_is_clean(dataset: Path) -> None:
    assert lint_of(dataset, "sach") == []


def test_a_district_in_the_header_alone(dataset: Path) -> None:
    assert lint_of(dataset, "dau", overrides=("co_quan=Ủy ban nhân dân huyện Cần Giờ",)) == [
        ("cap-huyen", "«HUYỆN CẦN GIỜ»")]


def test_a_district_place_name_alone(dataset: Path) -> None:
    found = lint_of(dataset, "dia-danh", overrides=("dia_danh=Thị xã Tân Uyên",))
    assert found == [("cap-huyen", "«Thị xã Tân Uyên, ngày 02 tháng 3 năm 2026»")]


def test_a_district_committee_among_recipients_alone(dataset: Path) -> None:
    extra = ("noi_nhan:\n  - Như Điều 3\n  - UBND quận Bình Tân (để báo cáo)\n"
             "  - Trung tâm phục vụ hành chính công phường\n")
    assert lint_of(dataset, "noi-nhan", extra) == [("cap-huyen", "«- UBND quận Bình Tân (để báo cáo);»")]


def test_an_outdated_term_alone(dataset: Path) -> None:
    found = lint_of(dataset, "thuat-ngu", overrides=("trich_yeu=Về việc ban hành Mục tiêu chất lượng theo TCVN ISO "
                                                     "9001:2008",))
    assert [rule for rule, _ in found] == ["thuat-ngu-cu"]


def test_a_basis_dated_after_the_document_alone(dataset: Path) -> None:
    extra = ("can_cu:\n  - van_ban: Nghị định\n    so: 30/2020/NĐ-CP\n    ngay: 2020-03-05\n"
             "  - van_ban: Quyết định\n    so: 99/QĐ-UBND\n    ngay: 2026-05-04\n"
             "    co_quan: Ủy ban nhân dân Thành phố\n")
    found = lint_of(dataset, "can-cu", extra)
    assert [rule for rule, _ in found] == ["ngay-can-cu"]
    assert "ngày 04 tháng 5 năm 2026" in found[0][1]


def test_a_2019_district_decision_is_not_outdated_in_2019(tmp_path: Path) -> None:
    district = ROOT / "data" / "binh-tan" / "2019" / "quan-binh-tan.yaml"
    render_file(district, tmp_path / "qd.docx")
    assert lint_of_file(tmp_path / "qd.docx") == []
    render_file(district, tmp_path / "qd-2026.docx", overrides=("ngay_ban_hanh=2026-03-02",))
    assert {rule for rule, _ in lint_of_file(tmp_path / "qd-2026.docx")} == {"cap-huyen", "thuat-ngu-cu"}


def lint_of_file(path: Path) -> list[tuple[str, str]]:
    return [(f.rule, f.where) for f in lint_docx(path)]


def test_the_rules_can_be_ignored(tmp_path: Path) -> None:
    district = ROOT / "data" / "binh-tan" / "2019" / "quan-binh-tan.yaml"
    render_file(district, tmp_path / "qd.docx", overrides=("ngay_ban_hanh=2026-03-02",))
    result = run("lint", tmp_path / "qd.docx", "--ignore", "cap-huyen,thuat-ngu-cu")
    assert result.exit_code == 0 and "đúng thể thức" in result.output
