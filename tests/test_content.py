"""The content model (qdocgen.data.content): numbering, flattening, issuer wording, bases, summary lines."""

from __future__ import annotations

import pytest

from qdocgen.data.content import (
    ContentError,
    appendices,
    articles,
    basis,
    break_summary,
    issuer,
    letter,
    lines,
    objective_lines,
    text_width,
)

BINH_TAN = ("Về việc ban hành Mục tiêu chất lượng trong phạm vi áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn "
            "quốc gia TCVN ISO 9001:2008")


def test_items_are_numbered_by_kind_and_nested_khoan_carry_their_parent() -> None:
    found = lines([
        {"khoan": "Mục tiêu chung", "cac_muc": [{"gach": "một"}, {"gach": "hai", "cac_muc": [{"cong": "ba"}]}]},
        {"khoan": "Mục tiêu cụ thể", "cac_muc": [{"khoan": "Văn phòng chủ trì"}, {"khoan": "Bộ phận Một cửa"}]},
        {"diem": "điểm một"}, {"diem": "điểm hai"}, {"nhom": "Nhóm các chỉ tiêu kinh tế"},
        {"gach": "Tổng thu ngân sách", "gia_tri": "≥ 100%"}, "Một đoạn thường",
    ])
    assert [(x.so, x.noi_dung, x.dam) for x in found] == [
        ("1. ", "Mục tiêu chung", False), ("- ", "một", False), ("- ", "hai", False), ("+ ", "ba", False),
        ("2. ", "Mục tiêu cụ thể", False), ("2.1. ", "Văn phòng chủ trì", False), ("2.2. ", "Bộ phận Một cửa", False),
        ("a) ", "điểm một", False), ("b) ", "điểm hai", False), ("", "Nhóm các chỉ tiêu kinh tế", True),
        ("- ", "Tổng thu ngân sách", False), ("", "Một đoạn thường", False),
    ]
    assert found[10].gia_tri == "\t≥ 100%" and found[0].gia_tri == ""


def test_section_headings_are_roman_and_restart_the_khoan() -> None:
    found = lines([{"muc": "MỤC ĐÍCH"}, {"khoan": "a"}, {"khoan": "b"}, {"muc": "NỘI DUNG"}, {"khoan": "c"}])
    assert [x.so for x in found] == ["I. ", "1. ", "2. ", "II. ", "1. "]
    assert found[0].dam and found[3].dam


def test_diem_use_the_vietnamese_alphabet() -> None:
    assert [letter(n) for n in (1, 4, 5, 6, 7, 23, 24)] == ["a", "d", "đ", "e", "g", "y", "aa"]


def test_an_item_needs_exactly_one_kind() -> None:
    with pytest.raises(ContentError, match="khoan"):
        lines([{"khaon": "gõ sai"}])
    with pytest.raises(ContentError, match="2 khóa"):
        lines([{"khoan": "a", "gach": "b"}])


def test_string_articles_print_as_in_2019_and_the_last_one_is_kept_with_the_signature() -> None:
    found = articles(["Ban hành ...", {"tieu_de": "Phạm vi", "noi_dung": "Quyết định này quy định ...",
                                       "cac_muc": [{"khoan": "một"}]}, "Quyết định này có hiệu lực."])
    assert (found[0].so, found[0].tieu_de, found[0].mo_dau, found[0].giu) == (1, "", "Ban hành ...", False)
    titled = found[1]
    assert titled.tieu_de == "Phạm vi" and titled.mo_dau == ""  # a title takes the line; the text follows
    assert [x.noi_dung for x in titled.cac_doan] == ["Quyết định này quy định ...", "một"]
    assert found[2].giu and not any(x.giu for x in titled.cac_doan)
    last = articles(["a", {"noi_dung": "b", "cac_muc": [{"gach": "c"}, {"gach": "d"}]}])[-1]
    assert not last.giu and [x.giu for x in last.cac_doan] == [False, True]


@pytest.mark.parametrize(("ban_hanh", "title", "authority", "by", "signs"), [
    ("uy_ban", "Chủ tịch", "Ủy ban nhân dân phường An Lạc", "Ủy ban nhân dân phường An Lạc",
     ("TM. Ủy ban nhân dân", "Chủ tịch")),
    ("uy_ban", "Phó Chủ tịch", "Ủy ban nhân dân phường An Lạc", "Ủy ban nhân dân phường An Lạc",
     ("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch")),
    ("chu_tich", "Chủ tịch", "Chủ tịch Ủy ban nhân dân phường An Lạc", "Chủ tịch Ủy ban nhân dân phường An Lạc",
     ("Chủ tịch",)),
    ("chu_tich", "Phó Chủ tịch", "Chủ tịch Ủy ban nhân dân phường An Lạc",
     "Chủ tịch Ủy ban nhân dân phường An Lạc", ("KT. Chủ tịch", "Phó Chủ tịch")),
])
def test_one_key_drives_the_issuer_wording(ban_hanh: str, title: str, authority: str, by: str,
                                           signs: tuple[str, ...]) -> None:
    said = issuer(ban_hanh, "Ủy ban nhân dân phường An Lạc", "", {"chuc_vu": title, "ho_ten": "X"})
    assert (said.tham_quyen, said.cua, said.cac_dong_ky) == (authority, by, signs)


def test_explicit_authority_in_the_data_wins() -> None:
    said = issuer("uy_ban", "Ủy ban nhân dân quận Bình Tân", "", {"tham_quyen": "TM. Ủy ban nhân dân",
                                                                   "chuc_vu": "Chủ tịch"})
    assert said.cac_dong_ky == ("TM. Ủy ban nhân dân", "Chủ tịch")
    assert issuer("uy_ban", "Sở Nội vụ", "Giám đốc Sở Nội vụ").tham_quyen == "Giám đốc Sở Nội vụ"


def test_bases_free_text_without_number_and_several_documents() -> None:
    assert basis({"van_ban": "Luật tổ chức chính quyền địa phương", "ngay": "2015-06-19"}) == \
        "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    assert basis({"van_ban": "Chính sách chất lượng của Ủy ban nhân dân xã Tân Nhựt",
                  "ghi_them": "đã được Chủ tịch Ủy ban nhân dân xã ký công bố ngày 5/1/2023;"}) == (
        "Căn cứ Chính sách chất lượng của Ủy ban nhân dân xã Tân Nhựt đã được Chủ tịch Ủy ban nhân dân xã ký "
        "công bố ngày 05 tháng 01 năm 2023")
    assert basis({"cac_van_ban": [
        {"van_ban": "Luật Tổ chức chính quyền địa phương", "ngay": "2015-06-19"},
        {"van_ban": "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
                    "địa phương", "ngay": "2019-11-22"}]}) == (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
        "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019")
    assert basis("Quy chế làm việc của Ủy ban nhân dân xã.") == "Căn cứ Quy chế làm việc của Ủy ban nhân dân xã"
    assert basis("Căn cứ Quy chế làm việc;") == "Căn cứ Quy chế làm việc"
    with pytest.raises(ContentError):
        basis(12)


def test_summary_breaks_at_a_phrase_boundary_never_inside_a_word_pair() -> None:
    assert break_summary(BINH_TAN).split("\n") == [
        "Về việc ban hành Mục tiêu chất lượng trong phạm vi áp dụng",
        "Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008"]
    three = break_summary("Về việc ban hành Mục tiêu chất lượng năm 2024 của Ủy ban nhân dân phường Tân Định "
                          "theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015").split("\n")
    assert three == ["Về việc ban hành Mục tiêu chất lượng năm 2024", "của Ủy ban nhân dân phường Tân Định",
                     "theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015"]
    short = "Về việc ban hành Mục tiêu chất lượng năm 2024"
    assert break_summary(short) == short
    marked = "Về việc ban hành Mục tiêu chất lượng\nnăm 2024"
    assert break_summary(marked) == marked  # the data's own break is kept
    assert text_width("Hệ thống quản") > text_width("Hệ thống")


def test_appendices_numbered_only_when_two_or_more() -> None:
    one = appendices({"muc_tieu": [{"noi_dung": "Hồ sơ đúng hạn ≥98%"}], "phuong_cham": "Vì dân"},
                     "Ủy ban nhân dân phường X", 2024)
    assert [a.so for a in one] == [""] and one[0].loai == "muc_tieu"
    assert one[0].chinh_sach == "Căn cứ Chính sách chất lượng được Ủy ban nhân dân phường X công bố, với phương châm:"
    assert one[0].tinh_den == "(tính đến cuối năm 2024)"
    two = appendices([{"muc_tieu": []}, {"noi_dung": [{"muc": "MỤC ĐÍCH"}]}], "X", 2024)
    assert [(a.so, a.loai) for a in two] == [("I", "muc_tieu"), ("II", "tu_do")]
    assert appendices(None) == [] and appendices([]) == []
    custom = appendices({"muc_tieu": [], "can_cu_chinh_sach": "", "tinh_den": ""}, "X", 2024)[0]
    assert (custom.chinh_sach, custom.tinh_den) == ("", "")


def test_table_columns_widths_groups_and_targets_from_the_data() -> None:
    [table] = appendices({
        "cot": [{"khoa": "stt", "tieu_de": "STT", "do_rong": 1}, {"khoa": "noi_dung", "tieu_de": "Mục tiêu",
                                                                   "do_rong": 4},
                {"khoa": "chi_tieu", "tieu_de": "Chỉ tiêu", "do_rong": 1}],
        "muc_tieu": [{"nhom": "Văn phòng chủ trì", "muc_tieu": [
            {"noi_dung": "Đúng hạn ≥98%", "chi_tieu": {"so_sanh": ">=", "gia_tri": 98}},
            {"noi_dung": "Trực tuyến 14-15%", "chi_tieu": {"tu": 14, "den": 15}}]},
            {"noi_dung": "Hài lòng ≥80%", "chi_tieu": [{"so_sanh": ">=", "gia_tri": 80}]}]})
    assert [c.chu for c in table.cot] == ["STT", "Mục tiêu", "Chỉ tiêu"] and table.so_cot == 3
    widths = [c.do_rong for c in table.cot]
    assert sum(widths) == 9356 and abs(widths[1] - 4 * widths[0]) <= 4 and abs(widths[2] - widths[0]) <= 4
    assert [r.nhom for r in table.hang] == ["Văn phòng chủ trì", "", "", ""]
    assert [[c.chu for c in r.o] for r in table.hang[1:]] == [
        ["1", "Đúng hạn ≥98%", "≥98%"], ["2", "Trực tuyến 14-15%", "14-15%"], ["3", "Hài lòng ≥80%", "≥80%"]]
    assert [c.giua for c in table.hang[1].o] == [True, False, False]


def test_form_lines_carry_the_groups() -> None:
    found = objective_lines([{"noi_dung": "x", "cac_muc": [
        {"khoan": "Văn phòng chủ trì", "cac_muc": [{"gach": "Đúng hạn ≥98%", "chi_tieu": {"so_sanh": ">=",
                                                                                             "gia_tri": 98}}]}]}],
        {"muc_tieu": [{"noi_dung": "Hài lòng ≥80%"}]})
    assert [(x.so, x.noi_dung, x.dam) for x in found] == [
        ("", "Văn phòng chủ trì", True), ("1. ", "Đúng hạn ≥98%", False), ("2. ", "Hài lòng ≥80%", False)]


def test_sub_items_of_an_objective_are_its_details_not_objectives() -> None:
    found = objective_lines([{"noi_dung": "x", "muc_tieu": True, "cac_muc": [
        {"gach": "Số hóa đạt từ 80% trở lên", "chi_tieu": {"so_sanh": "tu", "gia_tri": 80},
         "cac_muc": [{"cong": "Sổ hộ tịch xong trước ngày 30/6/2024"}]},
        {"gach": "Đánh giá nội bộ 2 đợt"}]}])
    assert [(x.so, x.noi_dung) for x in found] == [("1. ", "Số hóa đạt từ 80% trở lên"),
                                                   ("2. ", "Đánh giá nội bộ 2 đợt")]
