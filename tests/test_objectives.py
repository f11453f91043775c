"""The guide's rule (Phụ lục 3): every quality objective measurable; structured targets agree with the text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATASET, ROOT

from qdocgen.data.objectives import Target, check, check_objective, iter_objectives, parse_targets, text_measure
from qdocgen.data.pipeline import prepare
from qdocgen.data.reader import unit_files
from qdocgen.template.registry import find_template

GUIDE_EXAMPLES = [
    "Đảm bảo 95% thủ tục hành chính được xử lý nhanh hơn 10% thời gian quy định tại Văn bản pháp quy liên quan;",
    "Phấn đấu giảm tỷ lệ khiếu nại, tố cáo của tổ chức, công dân về việc xử lý thủ tục hành chính 10% so với "
    "năm trước;",
]
# The form's own objectives (seed 000), typos and all.
FORM_OBJECTIVES = [
    "100% hồ sơ giải quyết TTHC tỷ lệ sai lỗi bằng không",
    "Tỷ lệ hộ sơ hướng dẫn hoàn thiện bằng không",
    "Tỷ lệ hồ sơ quá hạn bằng không",
    "80 % số hồ sơ giải quyết TTHC được đo lường sự hài lòng của tổ chức và công dân",
    "100% số hồ sơ công việc và hồ sơ giải quyết TTHC được đánh giá trong kỳ đánh giá nội bộ năm 2019",
    "100% tiếp cận, thấu hiểu, áp dụng ISO và thực hiện cải tiến hiệu quả công việc bằng các giải pháp cụ thể",
]
NOT_MEASURABLE = [
    "Nâng cao chất lượng phục vụ",
    "Nâng cao chất lượng phục vụ trong năm 2019",  # a deadline does not make a vague verb measurable
    "Tăng cường kỷ luật, kỷ cương hành chính",
    "Thực hiện tốt công tác tiếp công dân năm 2019",
    "Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",  # a standard's number measures nothing
    "Xử lý hồ sơ trực tuyến mức độ 3",
    "Cải cách hành chính theo Quyết định 19/2014/QĐ-TTg",
    "Hoàn thành việc chuyển đổi Hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2008 sang "
    "tiêu chuẩn quốc gia TCVN ISO 9001:2015",
]


@pytest.mark.parametrize("text", GUIDE_EXAMPLES + FORM_OBJECTIVES)
def test_guide_and_form_examples_are_measurable(text: str) -> None:
    assert text_measure(text) is not None
    assert check([{"noi_dung": text}]) == []


@pytest.mark.parametrize("text", NOT_MEASURABLE)
def test_vague_objectives_are_reported_with_their_text(text: str) -> None:
    assert text_measure(text) is None
    [finding] = check([{"noi_dung": "Hồ sơ đúng hạn ≥98%"}, {"noi_dung": text}])
    assert finding.index == 1 and finding.text == text
    assert f"«{text[:87]}" in finding.message and "chưa đo được" in finding.message
    assert "chi_tieu" in finding.message  # says what to do


@pytest.mark.parametrize(("text", "kind"), [
    ("Hồ sơ được giải quyết hoàn tất đúng thời hạn ≥98%", "tỷ lệ"),
    ("Tỷ lệ hồ sơ trả yêu cầu bổ sung không quá 10,5 phần trăm", "tỷ lệ"),
    ("Tỷ lệ hồ sơ quá hạn bằng 0", "bằng không"),
    ("Không để hồ sơ nào bị trễ hạn", "bằng không"),
    ("Tiếp nhận qua bưu chính 200 hồ sơ mỗi tháng", "số lượng"),
    ("Tổ chức hai đợt đánh giá nội bộ", "số lượng"),
    ("Hoàn thành việc chuyển đổi sang TCVN ISO 9001:2015 trước ngày 30/6/2019", "thời hạn"),
    ("Ban hành quy trình tiếp nhận hồ sơ trực tuyến trong quý II", "thời hạn"),
])
def test_kinds_of_measure(text: str, kind: str) -> None:
    assert text_measure(text) == kind


def test_structured_target_makes_a_wordless_objective_measurable() -> None:
    objective = {"noi_dung": "Hoàn thành việc chuyển đổi sang TCVN ISO 9001:2015",
                 "chi_tieu": {"so_sanh": "=", "gia_tri": 100, "don_vi": "%"}}
    assert check_objective(0, objective) == []
    assert len(check_objective(0, {"noi_dung": objective["noi_dung"], "chi_tieu": {"so_sanh": "="}})) == 1


def test_target_that_disagrees_with_the_text_is_reported() -> None:
    [finding] = check_objective(2, {"noi_dung": "Mức độ hài lòng của người dân ≥80%",
                                    "chi_tieu": {"so_sanh": ">=", "gia_tri": 85}})
    assert finding.index == 2 and "85" in finding.message and "≥80%" in finding.message


def test_several_targets_each_found_in_the_text() -> None:
    text = "Có từ 10% trở lên số hồ sơ tiếp nhận qua bưu chính, có từ 15,5% trở lên số hồ sơ trả qua bưu chính"
    ok = [{"so_sanh": "tu", "gia_tri": 10}, {"so_sanh": "tu", "gia_tri": 15.5}]
    assert check_objective(0, {"noi_dung": text, "chi_tieu": ok}) == []
    bad = [{"so_sanh": "tu", "gia_tri": 10}, {"so_sanh": "tu", "gia_tri": 20}]
    [finding] = check_objective(0, {"noi_dung": text, "chi_tieu": bad})
    assert "20" in finding.message


def test_binh_tan_objectives_all_pass_with_their_targets() -> None:
    info = find_template("phu-luc-3")
    units, problems = prepare(unit_files(DATASET), info, ())
    assert problems == [] and len(units) == 11
    for unit in units:
        assert not [w for w in unit.warnings if w.key.startswith("phu_luc.muc_tieu")], unit.id
        targets = [mt.get("chi_tieu") for mt in unit.data["phu_luc"]["muc_tieu"]]
        assert all(targets), unit.id
    district = next(u for u in units if u.id == "quan-binh-tan")
    assert district.data["phu_luc"]["muc_tieu"][2]["chi_tieu"][0]["so_voi"] == "năm 2018"  # Jinja rendered


def test_prepare_places_the_warning_at_the_objective(tmp_path: Path) -> None:
    data = tmp_path / "phong-tu-phap.yaml"
    data.write_text("nam: 2019\nco_quan: Phòng Tư pháp huyện Thử\ndia_danh: Thử\nphu_luc:\n  muc_tieu:\n"
                    "    - noi_dung: Hồ sơ đúng hạn ≥98%\n    - noi_dung: Nâng cao chất lượng phục vụ\n",
                    encoding="utf-8")
    units, problems = prepare([data], find_template("phu-luc-3"), ())
    assert problems == []
    [warning] = [w for w in units[0].warnings if w.key.startswith("phu_luc")]
    assert warning.key == "phu_luc.muc_tieu[2]"
    assert warning.line == 7 and warning.file.endswith("phong-tu-phap.yaml")
    assert "«Nâng cao chất lượng phục vụ»" in warning.message


def test_example_office_is_clean() -> None:
    path = ROOT / "data" / "so-noi-vu-vi-du" / "2019" / "so-noi-vu.yaml"
    units, problems = prepare([path], find_template("phu-luc-3"), ())
    assert problems == [] and units[0].warnings == []


def test_ranges_are_measurable_and_checked_against_the_text() -> None:
    text = "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 14-15%"
    for target in ({"so_sanh": "tu", "tu": 14, "den": 15, "don_vi": "%"}, {"tu": 14, "den": 15}):
        assert check_objective(0, {"noi_dung": text, "chi_tieu": target}) == []
    [finding] = check_objective(0, {"noi_dung": text, "chi_tieu": {"tu": 14, "den": 16}})
    assert "tu = 14, den = 16" in finding.message
    wordless = {"noi_dung": "Hồ sơ trực tuyến toàn trình", "chi_tieu": {"tu": 10, "den": 15}}
    assert check_objective(0, wordless) == []


def test_parse_targets_reads_every_form() -> None:
    assert parse_targets(None) == ()
    [single] = parse_targets({"so_sanh": ">=", "gia_tri": 98})
    assert single == Target(">=", Decimal(98)) and not single.is_range and single.numbers == (Decimal(98),)
    [ranged] = parse_targets({"tu": 14, "den": 15.5, "don_vi": "%"})
    assert ranged.comparison == "tu" and ranged.is_range and ranged.numbers == (Decimal(14), Decimal("15.5"))
    assert parse_targets({"so_sanh": "tu", "tu": 14, "den": 15}) == (ranged.__class__("tu", None, Decimal(14),
                                                                                         Decimal(15)),)
    two = parse_targets([{"so_sanh": ">=", "gia_tri": 10, "so_voi": "năm 2018"}, {"so_sanh": "tu", "gia_tri": 30}])
    assert [t.baseline for t in two] == ["năm 2018", None]


SHAPES = {
    "dieu": [
        {"noi_dung": "Ban hành Mục tiêu chất lượng năm 2024 như sau:", "cac_muc": [
            {"khoan": "Phòng Tài chính - Kế hoạch chủ trì", "muc_tieu": True, "cac_muc": [
                {"gach": "Thu ngân sách đạt 100% dự toán"},
                {"gach": "Giải ngân vốn đầu tư công 14-15%", "chi_tieu": {"tu": 14, "den": 15}},
            ]},
            {"khoan": "Văn phòng chủ trì", "cac_muc": [
                {"gach": "Hồ sơ đúng hạn ≥98%", "chi_tieu": {"so_sanh": ">=", "gia_tri": 98}},
                {"gach": "Không tính: không có chi_tieu, không đánh dấu"},
            ]},
        ]},
        "Quyết định này có hiệu lực kể từ ngày ký.",
    ],
    "phu_luc": [
        {"tieu_de": "Mục tiêu chất lượng", "muc_tieu": [
            {"nhom": "Phòng Nội vụ chủ trì", "muc_tieu": [{"noi_dung": "Đánh giá nội bộ 2 lần"}]},
            {"noi_dung": "Mức độ hài lòng ≥80%", "chi_tieu": {"so_sanh": ">=", "gia_tri": 80}},
        ]},
        {"tieu_de": "Kế hoạch", "noi_dung": ["Một đoạn", {"gach": "Tập huấn 3 lớp", "chi_tieu":
                                                            {"so_sanh": ">=", "gia_tri": 3, "don_vi": "lớp"}}]},
    ],
}


def test_iter_objectives_finds_every_objective_with_key_group_and_targets() -> None:
    found = list(iter_objectives(SHAPES))
    assert [(o.key, o.group, o.text) for o in found] == [
        (("dieu", 0, "cac_muc", 0, "cac_muc", 0), "Phòng Tài chính - Kế hoạch chủ trì",
         "Thu ngân sách đạt 100% dự toán"),
        (("dieu", 0, "cac_muc", 0, "cac_muc", 1), "Phòng Tài chính - Kế hoạch chủ trì",
         "Giải ngân vốn đầu tư công 14-15%"),
        (("dieu", 0, "cac_muc", 1, "cac_muc", 0), "Văn phòng chủ trì", "Hồ sơ đúng hạn ≥98%"),
        (("phu_luc", 0, "muc_tieu", 0, "muc_tieu", 0), "Phòng Nội vụ chủ trì", "Đánh giá nội bộ 2 lần"),
        (("phu_luc", 0, "muc_tieu", 1), None, "Mức độ hài lòng ≥80%"),
        (("phu_luc", 1, "noi_dung", 1), None, "Tập huấn 3 lớp"),
    ]
    assert found[1].targets[0].is_range and found[5].targets[0].unit == "lớp"


def test_iter_objectives_reads_the_2019_appendix() -> None:
    units, _ = prepare([DATASET / "quan-binh-tan.yaml"], find_template("quyet-dinh-mtcl"), ())
    found = list(iter_objectives(units[0].data))
    assert len(found) == 7 and found[0].key == ("phu_luc", "muc_tieu", 0) and found[0].group is None
    assert found[0].data["theo_doi"].startswith("Các cơ quan chuyên môn")
    assert [t.value for t in found[3].targets] == [Decimal(10), Decimal(15)]
