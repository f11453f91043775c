"""The new-year review list: items carry where they point; edited or ticked items are closed; batch counts the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATASET, run

from qdocgen.data.review_list import REVIEW_NAME, open_items
from qdocgen.newyear import carry_forward

# 2 references to 2019 documents, 8 legal bases (tests/test_newyear.py counts the same for 2020), and for a year
# after the reorganisation 34 places naming a district or an outdated term
ALL = 44


@pytest.fixture()
def carried(tmp_path: Path) -> Path:
    result = carry_forward(DATASET, 2026, tmp_path / "2026")
    assert result.review_count == ALL
    return result.target


def test_every_item_is_open_after_new_year(carried: Path) -> None:
    items = open_items(carried)
    assert len(items) == ALL
    assert any(item.startswith("_phuong.yaml:31 [can_cu[4]]: Quyết định số 784/QĐ-UBND") for item in items)


def test_a_ticked_item_is_closed(carried: Path) -> None:
    review = carried / REVIEW_NAME
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("- [ ] quan-binh-tan.yaml:43 [de_nghi]", "- [x] quan-binh-tan.yaml:43 [de_nghi]"),
                      encoding="utf-8")
    assert len(open_items(carried)) == ALL - 1


def test_an_item_whose_value_was_edited_is_closed(carried: Path) -> None:
    ward = carried / "_phuong.yaml"
    text = ward.read_text(encoding="utf-8")
    ward.write_text(text.replace("    ngay: 2015-06-19\n", "    so: 72/2025/QH15\n    ngay: 2025-06-16\n", 1),
                    encoding="utf-8")
    items = open_items(carried)
    assert len(items) == ALL - 1
    assert not any(item.startswith("_phuong.yaml:14 [can_cu[1]]") for item in items)
    # another file's item for the same law stays open
    assert any(item.startswith("quan-binh-tan.yaml:12 [can_cu[1]]") for item in items)


def test_after_2025_districts_and_old_terms_are_listed(carried: Path) -> None:
    text = (carried / REVIEW_NAME).read_text(encoding="utf-8")
    assert "## 4. Cấp huyện và cách gọi cũ (văn bản từ 01/07/2025 không còn quận, huyện, thị xã): 34" in text
    assert ("- [ ] _phuong.yaml:9 [co_quan_chu_quan]: «Ủy ban nhân dân quận Bình Tân» — cơ quan, địa danh cấp huyện "
            "(«quận»): sửa cho đúng với năm 2026.") in text
    assert "[trich_yeu]: «…hất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008» — «ISO 9001:2008» nay gọi là" in text
    assert "[can_cu" not in text.split("## 4.")[1]  # cited titles keep their own words
    ward = carried / "_phuong.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("co_quan_chu_quan: Ủy ban nhân dân quận Bình Tân",
                                                             'co_quan_chu_quan: ""'), encoding="utf-8")
    assert len(open_items(carried)) == ALL - 1


def test_before_2025_there_is_no_such_section(tmp_path: Path) -> None:
    result = carry_forward(DATASET, 2020, tmp_path / "2020")
    assert result.outdated == [] and "## 4." not in result.report_text()


def test_the_review_list_says_what_the_register_says(carried: Path) -> None:
    text = (carried / REVIEW_NAME).read_text(encoding="utf-8")
    assert ("Luật tổ chức chính quyền địa phương ngày 19/06/2015 — còn hiệu lực không, đã bị sửa đổi hay thay thế "
            "chưa? Đối chiếu sổ căn cứ: đã bị thay thế từ ngày 01/07/2025; thay bằng: Luật Tổ chức chính quyền "
            "địa phương năm 2025") in text
    assert "Kế hoạch số 128/KH-UBND ngày 13/04/2012 — còn hiệu lực không" in text
    assert "Đối chiếu sổ căn cứ: chưa có trong sổ căn cứ" in text


def test_batch_says_how_many_items_are_open(carried: Path, tmp_path: Path) -> None:
    result = run("batch", carried, "-o", tmp_path / "out", "--only", "quan-binh-tan", "--no-lint")
    assert result.exit_code == 0
    assert f"{ALL} mục chưa xem lại trong" in result.output and REVIEW_NAME in result.output
    (carried / REVIEW_NAME).write_text("# Xem lại\n\n- [x] xong\n", encoding="utf-8")
    again = run("batch", carried, "-o", tmp_path / "out2", "--only", "quan-binh-tan", "--no-lint")
    assert "mục chưa xem lại" not in again.output


def test_a_dataset_without_a_review_list_has_no_open_items() -> None:
    assert open_items(DATASET) == []
