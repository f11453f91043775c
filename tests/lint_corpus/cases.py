"""The tuning set: documents the lint engineer may read and tune on (the held-out set is in ``giu_lai/``)."""

from __future__ import annotations

from dataclasses import replace

from lint_corpus import nguon
from lint_corpus.builder import Body, Builder, Page
from lint_corpus.case import Case, clean, faulty, out_of_scope
from lint_corpus.mau import Knobs, Org, Sign, with_fault
from lint_corpus.vanban import (
    Form,
    Named,
    Normative,
    Paper,
    body_exact,
    co_ten_loai,
    cong_van,
    dang,
    don,
    ghi_chu,
    ly_lich,
    phu_luc,
    quy_pham,
    quyet_dinh,
)

AN_LAC = Org("ỦY BAN NHÂN DÂN\nPHƯỜNG AN LẠC", "An Lạc", "UBND", governing="ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN",
             authority="ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC")
BAC_GIANG = Org("ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG", "Bắc Giang", "UBND", authority="ỦY BAN NHÂN DÂN TỈNH BẮC GIANG")
KIEN_GIANG = Org("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG", "Kiên Giang", "UBND",
                 authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG")
TAN_PHU = Org("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "Tân Phú", "UBND", authority="ỦY BAN NHÂN DÂN XÃ TÂN PHÚ")
SO_NOI_VU = Org("SỞ NỘI VỤ", "Đồng Nai", "SNV", governing="ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
                authority="GIÁM ĐỐC SỞ NỘI VỤ", collective="", head="GIÁM ĐỐC", deputy="PHÓ GIÁM ĐỐC")
BAC_NINH = Org("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", "Bắc Ninh", "UBND")
TUYEN_QUANG = Org("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG", "Tuyên Quang", "UBND")
HAI_DUONG = Org("ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG", "Hải Dương", "UBND")

TM = Sign(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Trần Minh Đức")
KT = Sign(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Lê Thị Hồng Vân", note="(Đã ký)")
HEAD = Sign(("CHỦ TỊCH",), "Phạm Quốc Bảo")
TL = Sign(("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), "Nguyễn Thanh Sơn")
DIRECTOR = Sign(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Võ Thị Mai")

ISO_BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Căn cứ Quyết định số 101/QĐ-TTg ngày 22 tháng 01 năm 2019 của Thủ tướng Chính phủ về việc áp dụng hệ thống "
    "quản lý chất lượng",
    "Xét đề nghị của công chức Văn phòng - Thống kê phường",
)
ISO_ARTICLES = (
    "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2024 của Ủy ban nhân dân phường.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Công chức Văn phòng - Thống kê và các bộ phận có liên quan chịu trách nhiệm thi hành Quyết định này./.",
)


def _qd_an_lac(k: Knobs, sign: Sign = TM) -> Builder:
    """The ward's yearly quality-objective decision (Mẫu 1.2, as the 2019 Bình Tân decision)."""
    p = Paper(AN_LAC, 15, (5, 3, 2024), ("- Như Điều 3;", "- UBND quận Bình Tân;", "- Lưu: VT, VP."), sign, k)
    return quyet_dinh(p, "Về việc ban hành Mục tiêu chất lượng năm 2024", ISO_BASES, ISO_ARTICLES)


def _qd_bac_giang(k: Knobs) -> Builder:
    """A province's decision adding procedures: two-row header, deputy signs, wrapped recipient lines."""
    p = Paper(BAC_GIANG, 119, (23, 11, 2024),
              ("- Như Điều 3;", "- Văn phòng Chính phủ (Cục Kiểm soát", "  thủ tục hành chính);",
               "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."), KT, k)
    return quyet_dinh(p, "Về việc bổ sung thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Thông tin và "
                         "Truyền thông",
                      ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                       "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ "
                       "tục hành chính",
                       "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông"),
                      ("Bổ sung 04 thủ tục hành chính vào Bộ thủ tục hành chính của Sở Thông tin và Truyền thông.",
                       "Quyết định này có hiệu lực kể từ ngày ký.",
                       "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Thông tin và Truyền thông chịu trách nhiệm thi hành "
                       "Quyết định này./."))


def _qd_kien_giang(k: Knobs) -> Builder:
    """A chairman's own decision: the authority line names the chairman, who signs without «TM.»."""
    p = Paper(KIEN_GIANG, 1961, (28, 8, 2024), ("- Như Điều 3;", "- Lưu: VT, KSTT."), HEAD, k)
    return quyet_dinh(p, "Ban hành Quy chế phối hợp tại Trung tâm Phục vụ hành chính công tỉnh",
                      ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                       "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế "
                       "một cửa, một cửa liên thông",
                       "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh"),
                      ("Ban hành kèm theo Quyết định này Quy chế phối hợp giải quyết thủ tục hành chính.",
                       "Quyết định này có hiệu lực kể từ ngày ký./."))


def _cv_so_noi_vu(k: Knobs) -> Builder:
    """A department's công văn to one recipient (Mẫu 1.5)."""
    p = Paper(SO_NOI_VU, 7, (9, 1, 2025), ("- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, CCVC."),
              DIRECTOR, k)
    return cong_van(p, "CCVC", "báo cáo số lượng công chức cấp xã năm 2024", ("Ủy ban nhân dân xã Tân Phú",),
                    ("Để tổng hợp báo cáo Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị Ủy ban nhân dân xã báo cáo số "
                     "lượng công chức cấp xã có mặt đến ngày 31 tháng 12 năm 2024.",
                     "Báo cáo gửi về Sở Nội vụ trước ngày 20 tháng 01 năm 2025 để tổng hợp./."))


def _cv_tuyen_quang(k: Knobs) -> Builder:
    """A province's công văn signed «TL.» by the office, to several recipients one per line."""
    p = Paper(TUYEN_QUANG, 3653, (23, 11, 2024), ("- Như trên;", "- Chủ tịch UBND tỉnh (b/c);",
                                                   "- Lưu: VT, TNMT."), TL, k)
    return cong_van(p, "TNMT", "đề xuất của Sở Tài nguyên và Môi trường",
                    ("Sở Tài nguyên và Môi trường", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"),
                    ("Xét đề xuất của Sở Tài nguyên và Môi trường tại Văn bản số 812/STNMT-QLĐĐ ngày 15 tháng 11 "
                     "năm 2024, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:",
                     "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Tài chính rà soát và báo cáo kết "
                     "quả trước ngày 15 tháng 12 năm 2024./."))


REPORT_BASES = (
    "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ quy định về chế độ báo cáo của cơ "
    "quan hành chính nhà nước",
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân xã",
)


def _bc_tan_phu(k: Knobs) -> Builder:
    """A commune's report with its legal bases at the head (they end «;» and «.» as a decision's do)."""
    p = Paper(TAN_PHU, 45, (30, 6, 2025), ("- UBND tỉnh;", "- Lưu: VT, VP."), TM, k)
    d = Named("BÁO CÁO", "BC", "Kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2025",
              ((None, ()),
               ("I. KẾT QUẢ ĐẠT ĐƯỢC", ("Ủy ban nhân dân xã đã tiếp nhận và giải quyết đúng hạn 1.245 hồ sơ thủ "
                                       "tục hành chính, đạt 98,6%.",)),
               ("II. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM", ("Tiếp tục rà soát, đơn giản hóa thủ tục hành chính và nâng "
                                                    "tỷ lệ hồ sơ trực tuyến./.",))),
              legal=REPORT_BASES)
    return co_ten_loai(p, d)


def _kh_bac_ninh(k: Knobs) -> Builder:
    """A province's plan: «Thực hiện ...» opening, roman-numbered parts (155/KH-UBND)."""
    p = Paper(BAC_NINH, 155, (26, 5, 2025), ("- Bộ Tư pháp;", "- Các sở, ban, ngành;", "- Lưu: VT, NC."), KT, k)
    d = Named("KẾ HOẠCH", "KH", "Triển khai đăng ký và thống kê hộ tịch trên địa bàn tỉnh năm 2025",
              ((None, ("Thực hiện Luật Hộ tịch năm 2014, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:",)),
               ("I. MỤC TIÊU", ("Bảo đảm các sự kiện hộ tịch được đăng ký kịp thời, đầy đủ, chính xác.",)),
               ("II. TỔ CHỨC THỰC HIỆN", ("Sở Tư pháp chủ trì theo dõi, đôn đốc và tổng hợp kết quả thực hiện "
                                         "Kế hoạch này./.",))))
    return co_ten_loai(p, d)


def _kh_quang_nam(k: Knobs) -> Builder:
    """A plan with a two-row header and «MỤC ĐÍCH, YÊU CẦU» (4544/KH-UBND)."""
    org = Org("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM", "Quảng Nam", "UBND")
    p = Paper(org, 4544, (13, 7, 2025), ("- Các sở, ngành;", "- Lưu: VT, KGVX."), KT, k)
    d = Named("KẾ HOẠCH", "KH", "Giám sát, đánh giá Chương trình giảm nghèo bền vững năm 2025",
              (("I. MỤC ĐÍCH, YÊU CẦU", ("Theo dõi, kiểm tra việc chấp hành quy định về quản lý Chương trình.",
                                        "Kịp thời phát hiện khó khăn, vướng mắc để đề xuất giải pháp.")),
               ("II. NỘI DUNG", ("Giám sát việc phân bổ và sử dụng vốn của Chương trình./.",))))
    return co_ten_loai(p, d)


def _tt_so_noi_vu(k: Knobs) -> Builder:
    """A tờ trình to the province: «Kính gửi:», bases, proposal (Mẫu 1.4)."""
    p = Paper(SO_NOI_VU, 88, (14, 8, 2025), ("- Như trên;", "- Lưu: VT, TCBC."), DIRECTOR, k)
    d = Named("TỜ TRÌNH", "TTr", "Về việc thành lập Đội công tác xã hội tình nguyện cấp xã",
              ((None, ("Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, quyết định thành lập Đội công tác xã "
                       "hội tình nguyện tại các xã, phường.",)),
               ("Nội dung đề nghị", ("Mỗi xã, phường thành lập một Đội gồm từ 05 đến 07 thành viên./.",))),
              to=("Ủy ban nhân dân tỉnh Đồng Nai",),
              legal=("Căn cứ Nghị định số 62/2025/NĐ-CP ngày 04 tháng 3 năm 2025 của Chính phủ",
                     "Căn cứ đề nghị của Ủy ban nhân dân các xã, phường"))
    return co_ten_loai(p, d)


def _tb_ket_luan(k: Knobs) -> Builder:
    """A notice of the chairman's conclusions at a meeting (thông báo kết luận)."""
    p = Paper(TAN_PHU, 21, (4, 2, 2025), ("- Các thành viên dự họp;", "- Lưu: VT."),
              Sign(("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Đỗ Văn Hải"), k)
    d = Named("THÔNG BÁO", "TB", "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp phòng chống dịch bệnh",
              ((None, ("Ngày 03 tháng 02 năm 2025, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp về công tác phòng "
                       "chống dịch bệnh. Sau khi nghe báo cáo, Chủ tịch kết luận như sau:",
                       "1. Trạm Y tế xã theo dõi chặt chẽ tình hình dịch bệnh, báo cáo hằng ngày.",
                       "2. Các ấp tuyên truyền để người dân chủ động phòng bệnh./.")),))
    return co_ten_loai(p, d)


def _gm_hai_duong(k: Knobs) -> Builder:
    """An invitation: parts «Thành phần», «Thời gian», «Địa điểm», ending «Kính mời ... ./.»."""
    p = Paper(HAI_DUONG, 3, (29, 1, 2025), ("- Như thành phần mời;", "- Lưu: VT."), KT, k)
    d = Named("GIẤY MỜI", "GM", "Dự Lễ phát động Tết trồng cây năm 2025",
              ((None, ("Ủy ban nhân dân tỉnh tổ chức Lễ phát động Tết trồng cây năm 2025.",
                       "1. Thành phần mời: Lãnh đạo các sở, ban, ngành và Ủy ban nhân dân các xã, phường.",
                       "2. Thời gian: Từ 7 giờ 30 phút, thứ Năm, ngày 06 tháng 02 năm 2025.",
                       "3. Địa điểm: Văn Miếu Mao Điền.",
                       "Kính mời các đại biểu về dự để buổi Lễ thành công tốt đẹp./.")),))
    return co_ten_loai(p, d)


def _ctr_tan_phu(k: Knobs) -> Builder:
    """A work programme (chương trình, CTr: a mixed-case symbol)."""
    p = Paper(TAN_PHU, 2, (6, 1, 2026), ("- Các thành viên UBND xã;", "- Lưu: VT."), TM, k)
    d = Named("CHƯƠNG TRÌNH", "CTr", "Công tác năm 2026 của Ủy ban nhân dân xã",
              (("I. NHIỆM VỤ TRỌNG TÂM", ("Hoàn thành chỉ tiêu thu ngân sách và chuyển đổi số trong giải quyết thủ "
                                         "tục hành chính.",)),
               ("II. TỔ CHỨC THỰC HIỆN", ("Các công chức chuyên môn chủ động triển khai theo lĩnh vực./.",))))
    return co_ten_loai(p, d)


def _decree() -> Builder:
    """The decree's own layout: «CHÍNH PHỦ», number with the year, chapters, titled articles, «(Đã ký)»."""
    return quy_pham(Normative(
        "CHÍNH PHỦ", "Số: 30/2024/NĐ-CP", "Hà Nội, ngày 05 tháng 3 năm 2024", "NGHỊ ĐỊNH", "Về công tác lưu trữ số",
        ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Theo đề nghị của Bộ trưởng Bộ Nội vụ"),
        "Chính phủ ban hành Nghị định về công tác lưu trữ số.",
        (("Điều 1. Phạm vi điều chỉnh", "Nghị định này quy định về lưu trữ tài liệu điện tử của cơ quan, tổ chức."),
         ("Điều 2. Đối tượng áp dụng", "Nghị định này áp dụng đối với cơ quan nhà nước, tổ chức chính trị.")),
        ("- Ban Bí thư Trung ương Đảng;", "- Các bộ, cơ quan ngang bộ,", "  cơ quan thuộc Chính phủ;",
         "- HĐND, UBND các tỉnh,", "  thành phố trực thuộc Trung ương;", "- Lưu: VT, TCCV (2)."),
        ("TM. CHÍNH PHỦ", "THỦ TƯỚNG"), "Nguyễn Văn Thành", chapter=("Chương I", "QUY ĐỊNH CHUNG")))


def _nq_hdnd() -> Builder:
    """A normative resolution of a provincial council: «QUYẾT NGHỊ:», last basis ending «,» as practice has it."""
    return quy_pham(Normative(
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH ĐỊNH", "Số: 30/2024/NQ-HĐND", "Bình Định, ngày 18 tháng 8 năm 2024",
        "NGHỊ QUYẾT", "Về Đề án đặt tên đường các khu dân cư mới",
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
         "Xét Tờ trình số 51/TTr-UBND ngày 11 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh và ý kiến của đại biểu "
         "Hội đồng nhân dân tỉnh tại kỳ họp"),
        "QUYẾT NGHỊ:",
        (("Điều 1.", "Thông qua Đề án đặt tên đường các khu dân cư mới của thành phố Quy Nhơn."),
         ("Điều 2.", "Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.")),
        ("- Ủy ban Thường vụ Quốc hội;", "- Chính phủ;", "- Lưu: VT."), ("CHỦ TỊCH",), "Nguyễn Thanh Tùng",
        authority="HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH\nKHÓA XIII, KỲ HỌP THỨ 2", last_basis=","))


def _dang_chi_bo() -> Builder:
    """A cell's resolution under Hướng dẫn 36-HD/VPTW: «Số 05-NQ/CB», «T/M CHI BỘ», underlined «Nơi nhận:»."""
    return dang(("ĐẢNG BỘ PHƯỜNG AN LẠC", "CHI BỘ KHU PHỐ 3"), "Số 05-NQ/CB", "An Lạc, ngày 05 tháng 3 năm 2025",
                "NGHỊ QUYẾT", "về lãnh đạo thực hiện nhiệm vụ năm 2025",
                ("Ngày 04 tháng 3 năm 2025, Chi bộ Khu phố 3 họp đánh giá kết quả năm 2024 và bàn nhiệm vụ năm 2025.",
                 "Chi bộ quyết nghị tập trung lãnh đạo giữ vững an ninh trật tự, vận động nhân dân tham gia giữ gìn "
                 "vệ sinh môi trường."),
                ("- Đảng ủy phường (để b/c),", "- Đảng viên trong chi bộ,", "- Lưu chi bộ."),
                ("T/M CHI BỘ", "BÍ THƯ"), "Huỳnh Văn Lợi")


def _doan_quyet_dinh() -> Builder:
    """A Youth Union decision («ĐOÀN TNCS HỒ CHÍ MINH» where the national title would be), out of NĐ30."""
    b = dang(("BAN CHẤP HÀNH ĐOÀN PHƯỜNG AN LẠC", "***"), "Số: 12-QĐ/ĐTN", "An Lạc, ngày 20 tháng 3 năm 2025",
             "QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ huy Đội",
             ("- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;", "- Xét đề nghị của Văn phòng Đoàn phường,",
              "Điều 1. Kiện toàn Ban Chỉ huy Đội phường gồm 05 đồng chí.",
              "Điều 2. Quyết định có hiệu lực từ ngày ký."),
             ("- Như điều 2;", "- Lưu VP."), ("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "(đã ký)"), "Lâm Gia Huy",
             top="ĐOÀN TNCS HỒ CHÍ MINH")
    return b


def _don_khoi_kien() -> Builder:
    """A citizen's lawsuit form: blank date first, field labels, «Người khởi kiện» signing on the right."""
    return don(Form("ĐƠN KHỞI KIỆN", "(Về việc: tranh chấp hợp đồng)", "Tòa án nhân dân khu vực ……………",
                    ("1. Người khởi kiện: ………………………………………", "Ngày, tháng, năm sinh: ……/……/…………",
                     "Số định danh cá nhân: …………………………", "Nơi cư trú: ………………………………………………",
                     "2. Người bị kiện: ……………………………………………"),
                    ("Tôi yêu cầu Tòa án giải quyết những vấn đề sau đây: ………………………………………………",
                     "Tôi cam kết những lời khai trong đơn là đúng sự thật."),
                    "Người khởi kiện"), line=1.5)


def _don_vang_mat() -> Builder:
    """A request to be tried in absence: en dashes in the motto, «CỘNG HOÀ», date after the text, line 1.3."""
    return don(Form("ĐƠN ĐỀ NGHỊ GIẢI QUYẾT VẮNG MẶT", None, "Tòa án nhân dân ……………………",
                    ("Người làm đơn: …………………………………………", "Số CCCD: ……………… cấp ngày ……/……/………",
                     "Địa chỉ liên lạc: …………………………………………"),
                    ("Vì lý do công tác xa, tôi đề nghị Tòa án giải quyết vắng mặt tôi trong các phiên họp và phiên "
                     "xét xử.", "Trân trọng./."),
                    "Người làm đơn", date_first=False, motto="Độc lập – Tự do – Hạnh phúc",
                    title_text="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), line=1.3)


def _ly_lich() -> Builder:
    """A personal record form with a photo box and numbered dotted blanks."""
    return ly_lich(("1. Họ và tên (chữ in hoa): ……………………………… Nam/Nữ: ……",
                    "2. Sinh ngày …… tháng …… năm ………… Nơi sinh: ……………………",
                    "3. Nơi thường trú: ……………………………………………………",
                    "4. Số CCCD: ……………… cấp ngày ……/……/………… tại …………"),
                   ("1. Họ và tên cha: ……………………………… Năm sinh: …………",
                    "- Nghề nghiệp hiện nay: ……………………………………………",
                    "2. Họ và tên mẹ: ……………………………… Năm sinh: …………"))


def _dang_bao_cao() -> Builder:
    """A Party committee's report: «T/M BAN THƯỜNG VỤ», «Số 120-BC/ĐU»."""
    return dang(("ĐẢNG BỘ TỈNH ĐỒNG NAI", "ĐẢNG ỦY XÃ TÂN PHÚ"), "Số 120-BC/ĐU", "Tân Phú, ngày 15 tháng 12 năm 2025",
                "BÁO CÁO", "tổng kết công tác xây dựng Đảng năm 2025",
                ("Năm 2025, Đảng bộ xã lãnh đạo hoàn thành 15/15 chỉ tiêu nghị quyết đề ra.",
                 "Công tác kết nạp đảng viên đạt 110% kế hoạch."),
                ("- Ban Thường vụ Tỉnh ủy (để b/c),", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."),
                ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), "Trịnh Quang Vinh")


def _ghi_chu() -> Builder:
    """A plain meeting note with no header: lint cannot tell what it is."""
    return ghi_chu("Ghi chú họp tổ một cửa sáng thứ Hai",
                   ("Chị Lan nhắc các bạn cập nhật số hồ sơ tồn trên phần mềm trước 10 giờ.",
                    "Tuần này tập trung trả kết quả chứng thực và hộ tịch đúng hẹn.",
                    "Anh Minh kiểm tra lại máy quét ở quầy số 2."))


def _phu_luc_muc_tieu() -> Builder:
    """An appendix of objectives in its own file (Mẫu 2.1): «Phụ lục», title, «(Kèm theo ...)», a table."""
    return phu_luc("Phụ lục", "MỤC TIÊU CHẤT LƯỢNG NĂM 2024",
                   "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân phường An Lạc)",
                   rows=(("STT", "Mục tiêu", "Chỉ tiêu"),
                         ("1", "Hồ sơ thủ tục hành chính giải quyết đúng hạn", "≥ 98%"),
                         ("2", "Hồ sơ tiếp nhận trực tuyến", "≥ 60%")))


def _phu_luc_nd30() -> Builder:
    """An appendix set as the decree's own Phụ lục I: parts, roman headings, body 1 cm indent and 12 pt before."""
    k = Knobs(page=Page(top=25, left=35, right=20, number="none"), body=Body(indent=1.0, before=12))
    return phu_luc("Phụ lục I", "THỂ THỨC TRÌNH BÀY VĂN BẢN CỦA ỦY BAN NHÂN DÂN XÃ",
                   "(Kèm theo Quyết định số 07/QĐ-UBND ngày 09 tháng 01 năm 2026 của Ủy ban nhân dân xã Tân Phú)",
                   ("Phần I. QUY ĐỊNH CHUNG",
                    "1. Khổ giấy: Khổ A4 (210 mm x 297 mm).",
                    "2. Phông chữ: Times New Roman, màu đen.",
                    "3. Ngày, tháng, năm ban hành: ngày dưới 10 và tháng 1, 2 ghi thêm số 0 ở trước."), k=k)


CLEAN = Knobs()
ND30_PL3_12 = nguon.ND30_PL3 + " (Mẫu 1.2)"
ND30_PL3_14 = nguon.ND30_PL3 + " (Mẫu 1.4)"
ND30_PL3_15 = nguon.ND30_PL3 + " (Mẫu 1.5)"

CASES: list[Case] = [
    clean("qd-an-lac-muc-tieu", "quyet-dinh", nguon.SEED_784, "bảng đầu văn bản 1 hàng, đường kẻ bằng dấu gạch dưới, "
          "dòng thẩm quyền, căn cứ nghiêng, TM./CHỦ TỊCH", lambda: _qd_an_lac(CLEAN)),
    clean("qd-bac-giang-ttHC", "quyet-dinh", nguon.QD_BAC_GIANG_119, "bảng đầu văn bản 2 hàng, KT./PHÓ CHỦ TỊCH, "
          "«(Đã ký)», dòng nơi nhận xuống dòng", lambda: _qd_bac_giang(replace(CLEAN, layout="rows"))),
    clean("qd-kien-giang-chu-tich", "quyet-dinh", nguon.QD_KIEN_GIANG_1961, "thẩm quyền là Chủ tịch, ký không có "
          "TM., đường kẻ là viền đoạn, giãn dòng đúng 17 pt",
          lambda: _qd_kien_giang(body_exact(replace(CLEAN, rule="border"), 17))),
    faulty("qd-an-lac-xoa-ten", "quyet-dinh", nguon.SEED_784, "nguoi-ky-ten",
           lambda: _qd_an_lac(with_fault("nguoi-ky-ten"), replace(TM, note="(Đã ký)"))),
    faulty("qd-bac-giang-mot-cot", "quyet-dinh", nguon.QD_BAC_GIANG_119, "vi-tri-dau-trang",
           lambda: _qd_bac_giang(with_fault("vi-tri-dau-trang"))),
    faulty("qd-an-lac-chu-quan-dam", "quyet-dinh", nguon.SEED_784, "co-quan-chu-quan",
           lambda: _qd_an_lac(with_fault("co-quan-chu-quan"))),
    faulty("qd-kien-giang-noi-nhan-gach", "quyet-dinh", nguon.QD_KIEN_GIANG_1961, "noi-nhan",
           lambda: _qd_kien_giang(with_fault("noi-nhan"))),
    clean("cv-so-noi-vu", "cong-van", ND30_PL3_15, "V/v cỡ 12 dưới số, «Kính gửi:» một nơi, không tên loại",
          lambda: _cv_so_noi_vu(CLEAN)),
    clean("cv-tuyen-quang-tl", "cong-van", nguon.CV_TUYEN_QUANG_3653, "TL. CHỦ TỊCH/KT. CHÁNH VĂN PHÒNG, «Kính gửi:» "
          "nhiều nơi mỗi nơi một dòng", lambda: _cv_tuyen_quang(replace(CLEAN, rule="border"))),
    faulty("cv-so-noi-vu-thieu-vv", "cong-van", ND30_PL3_15, "vv-cong-van",
           lambda: _cv_so_noi_vu(with_fault("vv-cong-van"))),
    faulty("cv-so-noi-vu-so-7", "cong-van", ND30_PL3_15, "so-ky-hieu",
           lambda: _cv_so_noi_vu(with_fault("so-ky-hieu"))),
    clean("tt-so-noi-vu", "to-trinh", ND30_PL3_14, "«Kính gửi:» sau trích yếu, căn cứ trong tờ trình, ký hiệu TTr",
          lambda: _tt_so_noi_vu(CLEAN)),
    faulty("tt-so-noi-vu-sat-doan", "to-trinh", ND30_PL3_14, "gian-doan",
           lambda: _tt_so_noi_vu(with_fault("gian-doan"))),
    clean("bc-tan-phu", "bao-cao", ND30_PL3_14, "căn cứ ở đầu báo cáo, mục La Mã in đậm",
          lambda: _bc_tan_phu(CLEAN)),
    clean("bc-tan-phu-tab", "bao-cao", ND30_PL3_14, "đầu văn bản gõ bằng phím Tab, không có bảng",
          lambda: _bc_tan_phu(replace(CLEAN, layout="tabs", rule="none"))),
    faulty("bc-tan-phu-can-cu-phay", "bao-cao", ND30_PL3_14, "can-cu-dau-cau",
           lambda: _bc_tan_phu(with_fault("can-cu-dau-cau"))),
    clean("kh-bac-ninh", "ke-hoach", nguon.KH_BAC_NINH_155, "mở đầu «Thực hiện ...», mục I, II, KT./PHÓ CHỦ TỊCH",
          lambda: _kh_bac_ninh(replace(CLEAN, rule="border"))),
    clean("kh-quang-nam", "ke-hoach", nguon.KH_QUANG_NAM_4544, "đầu văn bản 2 hàng, giãn dòng 1,15",
          lambda: _kh_quang_nam(replace(CLEAN, layout="rows", body=Body(line=1.15)))),
    faulty("kh-bac-ninh-dong-doi", "ke-hoach", nguon.KH_BAC_NINH_155, "gian-dong",
           lambda: _kh_bac_ninh(with_fault("gian-dong"))),
    clean("tb-ket-luan", "thong-bao", nguon.TB_THAI_NGUYEN, "thông báo kết luận, TL. CHỦ TỊCH/CHÁNH VĂN PHÒNG",
          lambda: _tb_ket_luan(replace(CLEAN, rule="none"))),
    faulty("tb-ket-luan-khong-thut", "thong-bao", nguon.TB_THAI_NGUYEN, "thut-dau-dong",
           lambda: _tb_ket_luan(with_fault("thut-dau-dong"))),
    clean("gm-hai-duong", "giay-moi", nguon.GM_HAI_DUONG, "thành phần, thời gian, địa điểm; số 03 có số 0",
          lambda: _gm_hai_duong(replace(CLEAN, rule="border"))),
    faulty("gm-hai-duong-ngay-9", "giay-moi", nguon.GM_HAI_DUONG, "dia-danh-ngay",
           lambda: _gm_hai_duong(with_fault("dia-danh-ngay"))),
    clean("ctr-tan-phu", "khac", ND30_PL3_14, "chương trình công tác, ký hiệu chữ thường CTr",
          lambda: _ctr_tan_phu(CLEAN)),
    clean("pl-muc-tieu-bang", "phu-luc", nguon.ND30_PL3 + " (Mẫu 2.1)", "«Phụ lục», tên in hoa, dòng «(Kèm theo "
          "...)» nghiêng có ngày tháng, bảng", _phu_luc_muc_tieu),
    clean("pl-the-thuc-xa", "phu-luc", nguon.ND30_PL1, "«Phụ lục I», phần, mục số, lùi 1 cm, cách đoạn 12 pt",
          _phu_luc_nd30),
    out_of_scope("dang-chi-bo-nghi-quyet", "dang", nguon.HD_36_VPTW, "«ĐẢNG CỘNG SẢN VIỆT NAM» gạch chân, "
                 "«Số 05-NQ/CB», «*», T/M CHI BỘ, «Nơi nhận:» gạch chân", _dang_chi_bo),
    out_of_scope("doan-quyet-dinh", "khac", nguon.QD_DOAN_367, "văn bản của Đoàn: «***», «(đã ký)», căn cứ có gạch "
                 "đầu dòng", _doan_quyet_dinh),
    out_of_scope("qp-nghi-dinh", "quy-pham", nguon.ND30_DECREE, "số có năm, Chương I, điều có tiêu đề, dòng nơi nhận "
                 "xuống dòng, «(Đã ký)», giãn dòng đúng 17 pt", _decree),
    out_of_scope("qp-nghi-quyet-hdnd", "quy-pham", nguon.NQ_HDND_BINH_DINH_30, "QUYẾT NGHỊ:, căn cứ cuối kết thúc "
                 "bằng «,»", _nq_hdnd),
    out_of_scope("bm-don-khoi-kien", "bieu-mau", nguon.DON_KHOI_KIEN, "ngày tháng bỏ trống, «Ngày, tháng, năm sinh:», "
                 "tên đơn cỡ 16, người làm đơn bên phải", _don_khoi_kien),
    out_of_scope("bm-don-vang-mat", "bieu-mau", nguon.DON_VANG_MAT, "tiêu ngữ gạch ngang dài, «CỘNG HOÀ», ngày sau "
                 "nội dung, giãn dòng 1,3", _don_vang_mat),
    out_of_scope("bm-ly-lich", "bieu-mau", nguon.LY_LICH, "ô ảnh cạnh Quốc hiệu, tên mẫu cỡ 22, chỗ trống đánh số",
                 _ly_lich),
    faulty("cv-tuyen-quang-tieu-ngu-13", "cong-van", nguon.CV_TUYEN_QUANG_3653, "tieu-ngu",
           lambda: _cv_tuyen_quang(with_fault("tieu-ngu"))),
    faulty("kh-quang-nam-ten-khong-dam", "ke-hoach", nguon.KH_QUANG_NAM_4544, "nguoi-ky",
           lambda: _kh_quang_nam(with_fault("nguoi-ky", replace(CLEAN, layout="rows")))),
    faulty("tt-so-noi-vu-arial", "to-trinh", ND30_PL3_14, "phong-chu", lambda: _tt_so_noi_vu(with_fault("phong-chu"))),
    faulty("ctr-tan-phu-le-trai-20", "khac", ND30_PL3_14, "le-trang", lambda: _ctr_tan_phu(with_fault("le-trang"))),
    faulty("qd-kien-giang-so-trang-chan", "quyet-dinh", nguon.QD_KIEN_GIANG_1961, "so-trang",
           lambda: _qd_kien_giang(with_fault("so-trang"))),
    out_of_scope("dang-dang-uy-bao-cao", "dang", nguon.HD_36_VPTW, "báo cáo của đảng ủy: «Số 120-BC/ĐU», T/M BAN "
                 "THƯỜNG VỤ, dòng nơi nhận kết thúc bằng «,»", _dang_bao_cao),
    out_of_scope("khac-ghi-chu", "khac", "(không mô phỏng văn bản công khai nào: ghi chú nội bộ gõ tay)",
                 "không có phần đầu, số, chữ ký", _ghi_chu),
]
