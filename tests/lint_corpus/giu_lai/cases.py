"""The held-out set: whoever tunes the lint rules does not read this file; the test reports its figures apart."""

from __future__ import annotations

from dataclasses import replace

from lint_corpus import nguon
from lint_corpus.builder import Body, Builder, Page, seg
from lint_corpus.case import Case, clean, faulty, out_of_scope
from lint_corpus.mau import Knobs, Org, Sign, body, centred, with_fault
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
    ly_lich,
    phu_luc,
    quy_pham,
    quyet_dinh,
)

BINH_TRI_DONG = Org("ỦY BAN NHÂN DÂN\nPHƯỜNG BÌNH TRỊ ĐÔNG", "Bình Trị Đông", "UBND",
                    authority="CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BÌNH TRỊ ĐÔNG")
DONG_NAI = Org("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI", "Đồng Nai", "UBND", authority="ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI")
XUAN_PHU = Org("ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ", "Xuân Phú", "UBND", authority="ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ")
NINH_BINH = Org("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH", "Ninh Bình", "UBND")
VP_UBND = Org("VĂN PHÒNG", "Thành phố Hồ Chí Minh", "VP", governing="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH")

CT = Sign(("CHỦ TỊCH",), "Đặng Hoài Nam")
KT = Sign(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Bùi Thị Thu Hà", note="(Đã ký)")
TM = Sign(("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Châu Văn Phước")
CVP = Sign(("CHÁNH VĂN PHÒNG",), "Lý Ngọc Trâm")


def _qd_binh_tri_dong(k: Knobs) -> Builder:
    """A chairman's decision setting up a working group, the chairman signing alone."""
    p = Paper(BINH_TRI_DONG, 8, (2, 2, 2026), ("- Như Điều 3;", "- Lưu: VT, VP."), CT, k)
    return quyet_dinh(p, "Về việc thành lập Tổ công tác chuyển đổi số phường",
                      ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
                       "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội phường"),
                      ("Thành lập Tổ công tác chuyển đổi số phường gồm 07 thành viên.",
                       "Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.",
                       "Chánh Văn phòng và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này./."))


def _qd_dong_nai(k: Knobs) -> Builder:
    """A province's decision approving a project, «(kèm theo Đề án)», collective signature with a deputy."""
    p = Paper(DONG_NAI, 3970, (4, 12, 2024),
              ("- Như Điều 3;", "- Bộ Lao động - Thương binh", "  và Xã hội (để b/c);", "- Lưu: VT, KGVX."), TM, k)
    return quyet_dinh(p, "Phê duyệt Đề án thành lập Đội công tác xã hội tình nguyện tại xã, phường",
                      ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                       "Căn cứ Thông tư liên tịch số 24/2012/TTLT-BLĐTBXH-BNV-BTC ngày 22 tháng 10 năm 2012",
                       "Xét đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 59/TTr-LĐTBXH "
                       "ngày 14 tháng 8 năm 2024"),
                      ("Phê duyệt Đề án thành lập Đội công tác xã hội tình nguyện (kèm theo Đề án).",
                       "Quyết định này có hiệu lực kể từ ngày ký.",
                       "Chánh Văn phòng UBND tỉnh và thủ trưởng các sở, ngành liên quan thi hành Quyết định này./."))


def _cv_van_phong(k: Knobs) -> Builder:
    """The city office's công văn: governing body on two lines, a long summary wrapped on two lines."""
    p = Paper(VP_UBND, 1254, (17, 3, 2026), ("- Như trên;", "- Lưu: VT, TH."), CVP, k)
    return cong_van(p, "TH", "góp ý dự thảo Quy chế làm việc\ncủa Ủy ban nhân dân Thành phố",
                    ("Các sở, ban, ngành Thành phố", "Ủy ban nhân dân các xã, phường, đặc khu"),
                    ("Văn phòng Ủy ban nhân dân Thành phố gửi kèm dự thảo Quy chế làm việc và đề nghị các cơ quan, "
                     "đơn vị góp ý bằng văn bản.",
                     "Văn bản góp ý gửi về Văn phòng trước ngày 31 tháng 3 năm 2026./."))


def _tt_xuan_phu(k: Knobs) -> Builder:
    """A commune's tờ trình to the council, with its bases."""
    p = Paper(XUAN_PHU, 14, (10, 7, 2025), ("- Như trên;", "- Lưu: VT."), TM, k)
    d = Named("TỜ TRÌNH", "TTr", "Đề nghị thông qua Quy chế làm việc nhiệm kỳ 2021 - 2026",
              ((None, ("Ủy ban nhân dân xã kính trình Hội đồng nhân dân xã xem xét, thông qua Quy chế làm việc.",)),),
              to=("Hội đồng nhân dân xã Xuân Phú",),
              legal=("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
                     "Căn cứ kết quả họp Ủy ban nhân dân xã ngày 02 tháng 7 năm 2025"))
    return co_ten_loai(p, d)


def _bc_ninh_binh(k: Knobs) -> Builder:
    """A province's report, body set «exactly» 18 pt."""
    p = Paper(NINH_BINH, 130, (13, 7, 2025), ("- Bộ Nông nghiệp và Môi trường;", "- Lưu: VT, VX."), KT, k)
    d = Named("BÁO CÁO", "BC", "Kết quả giám sát Chương trình giảm nghèo bền vững 6 tháng đầu năm 2025",
              (("1. Kết quả", ("Tỷ lệ hộ nghèo giảm còn 1,2%, đạt kế hoạch đề ra.",)),
               ("2. Kiến nghị", ("Đề nghị Bộ sớm hướng dẫn tiêu chí giai đoạn sau năm 2025./.",))))
    return co_ten_loai(p, d)


def _kh_ninh_binh(k: Knobs) -> Builder:
    """A plan whose legal bases stand at its head."""
    p = Paper(NINH_BINH, 131, (14, 7, 2025), ("- Các sở, ngành;", "- Lưu: VT, VX."), KT, k)
    d = Named("KẾ HOẠCH", "KH", "Giám sát, đánh giá Chương trình mục tiêu quốc gia năm 2025",
              (("I. MỤC ĐÍCH", ("Thiết lập hệ thống giám sát đồng bộ, toàn diện.",)),
               ("II. YÊU CẦU", ("Thu thập thông tin chính xác, gửi báo cáo đúng hạn./.",))),
              legal=("Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31 tháng 5 năm 2022",
                     "Căn cứ Kế hoạch số 6103/KH-UBND ngày 16 tháng 9 năm 2022 của Ủy ban nhân dân tỉnh"))
    return co_ten_loai(p, d)


def _tb_nghi_le(k: Knobs) -> Builder:
    """A notice of holidays: short, no headings."""
    p = Paper(BINH_TRI_DONG, 5, (20, 1, 2026), ("- Công chức, người lao động;", "- Lưu: VT."), CT, k)
    d = Named("THÔNG BÁO", "TB", "Lịch nghỉ Tết Nguyên đán Bính Ngọ năm 2026",
              ((None, ("Cán bộ, công chức nghỉ Tết từ ngày 14 tháng 02 năm 2026 đến hết ngày 22 tháng 02 năm 2026.",
                       "Bộ phận Một cửa bố trí trực để tiếp nhận hồ sơ trực tuyến./.")),))
    return co_ten_loai(p, d)


def _gm_xuan_phu(k: Knobs) -> Builder:
    """An invitation to a meeting."""
    p = Paper(XUAN_PHU, 11, (3, 9, 2025), ("- Như thành phần;", "- Lưu: VT."), KT, k)
    d = Named("GIẤY MỜI", "GM", "Họp triển khai nhiệm vụ quý IV năm 2025",
              ((None, ("1. Thành phần: Các công chức chuyên môn và Trưởng ấp.",
                       "2. Thời gian: 14 giờ 00, ngày 08 tháng 9 năm 2025.",
                       "3. Địa điểm: Hội trường Ủy ban nhân dân xã./.")),))
    return co_ten_loai(p, d)


def _quy_che_xuan_phu() -> Builder:
    """A regulation issued with a decision, in its own file: «(Ban hành kèm theo ...)», chapter, article."""
    k = Knobs(page=Page(number="none"), body=Body(indent=1.27, before=6))
    b = phu_luc("QUY CHẾ LÀM VIỆC", "CỦA ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ NHIỆM KỲ 2021 - 2026",
                "(Ban hành kèm theo Quyết định số 59/QĐ-UBND ngày 22 tháng 7 năm 2025 của Ủy ban nhân dân xã "
                "Xuân Phú)", k=k)
    centred(b, "Chương I", before=12)
    centred(b, "NHỮNG QUY ĐỊNH CHUNG", before=0)
    body(b, seg("Điều 1. Phạm vi, đối tượng điều chỉnh", 14, b=True), k)
    body(b, "Quy chế này quy định nguyên tắc, chế độ trách nhiệm và lề lối làm việc của Ủy ban nhân dân xã.", k)
    return b


def _thong_tu() -> Builder:
    """A joint circular: number with the year, minister signing."""
    return quy_pham(Normative(
        "BỘ NỘI VỤ", "Số: 02/2025/TT-BNV", "Hà Nội, ngày 28 tháng 3 năm 2025", "THÔNG TƯ",
        "Hướng dẫn chức năng, nhiệm vụ của Văn phòng Ủy ban nhân dân cấp tỉnh",
        ("Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ",
         "Theo đề nghị của Vụ trưởng Vụ Tổ chức - Biên chế"),
        "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn chức năng, nhiệm vụ của Văn phòng.",
        (("Điều 1. Phạm vi điều chỉnh", "Thông tư này hướng dẫn chức năng, nhiệm vụ của Văn phòng."),),
        ("- Như Điều 3;", "- Lưu: VT, TCBC."), ("BỘ TRƯỞNG",), "Phạm Thị Thanh"))


def _qd_quy_pham() -> Builder:
    """A province's normative decision: looks like an NĐ30 decision but its number carries the year."""
    return quy_pham(Normative(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK", "Số: 08/2025/QĐ-UBND", "Đắk Lắk, ngày 21 tháng 02 năm 2025", "QUYẾT ĐỊNH",
        "Ban hành Quy định quản lý vốn giao cho cộng đồng tự thực hiện",
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025",
         "Theo đề nghị của Giám đốc Sở Tài chính"),
        "QUYẾT ĐỊNH:",
        (("Điều 1. Phạm vi điều chỉnh", "Quyết định này ban hành kèm theo Quy định quản lý vốn."),
         ("Điều 2. Hiệu lực thi hành", "Quyết định này có hiệu lực từ ngày 05 tháng 3 năm 2025.")),
        ("- Như Điều 3;", "- Lưu: VT, KT."), ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        "Hồ Văn Tâm", authority="ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"))


def _dang_huong_dan() -> Builder:
    """A Party office's guidance (Hướng dẫn 36/11-HD/VPTW style)."""
    return dang(("ĐẢNG BỘ XÃ XUÂN PHÚ", "ĐẢNG ỦY"), "Số 03-HD/ĐU", "Xuân Phú, ngày 03 tháng 4 năm 2025",
                "HƯỚNG DẪN", "thể thức văn bản của các chi bộ trực thuộc",
                ("Thực hiện Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng, Đảng ủy hướng dẫn như sau:",
                 "1. Tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» trình bày góc phải, dòng đầu."),
                ("- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."), ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"),
                "Mai Xuân Trường")


def _don_yeu_cau() -> Builder:
    """A civil request form: subtitle «(V/v: ...)» in italics, dotted fields, line spacing 1.2."""
    return don(Form("ĐƠN YÊU CẦU GIẢI QUYẾT VIỆC DÂN SỰ", "(V/v: Công nhận thuận tình ly hôn)",
                    "Tòa án nhân dân khu vực ……………",
                    ("Họ tên người yêu cầu: …………………………………", "Sinh ngày: ……/……/………… CCCD số: ………………",
                     "Thường trú: ……………………………………………………"),
                    ("Chúng tôi yêu cầu Tòa án công nhận thuận tình ly hôn và sự thỏa thuận của chúng tôi.",),
                    "Người yêu cầu", date_first=False), line=1.2)


CLEAN = Knobs()
ND30_PL3_12 = nguon.ND30_PL3 + " (Mẫu 1.2)"
ND30_PL3_14 = nguon.ND30_PL3 + " (Mẫu 1.4)"
ND30_PL3_15 = nguon.ND30_PL3 + " (Mẫu 1.5)"

CASES: list[Case] = [
    clean("h-qd-binh-tri-dong", "quyet-dinh", ND30_PL3_12, "Chủ tịch ký một mình, thẩm quyền là Chủ tịch, số 08",
          lambda: _qd_binh_tri_dong(CLEAN)),
    faulty("h-qd-dong-nai-xoa-ten", "quyet-dinh", nguon.QD_DONG_NAI_3970, "nguoi-ky-ten",
           lambda: _qd_dong_nai(with_fault("nguoi-ky-ten"))),
    faulty("h-qd-binh-tri-dong-dieu", "quyet-dinh", ND30_PL3_12, "dieu",
           lambda: _qd_binh_tri_dong(with_fault("dieu"))),
    clean("h-cv-van-phong", "cong-van", ND30_PL3_15, "cơ quan chủ quản hai dòng, V/v hai dòng, nhiều nơi nhận",
          lambda: _cv_van_phong(replace(CLEAN, layout="rows"))),
    faulty("h-cv-van-phong-thieu-vv", "cong-van", ND30_PL3_15, "vv-cong-van",
           lambda: _cv_van_phong(with_fault("vv-cong-van"))),
    faulty("h-tt-xuan-phu-dong-doi", "to-trinh", ND30_PL3_14, "gian-dong",
           lambda: _tt_xuan_phu(with_fault("gian-dong"))),
    clean("h-bc-ninh-binh", "bao-cao", nguon.KH_NINH_BINH_130, "giãn dòng đúng 18 pt, mục số Ả Rập",
          lambda: _bc_ninh_binh(body_exact(CLEAN, 18))),
    faulty("h-kh-ninh-binh-can-cu-phay", "ke-hoach", nguon.KH_NINH_BINH_130, "can-cu-dau-cau",
           lambda: _kh_ninh_binh(with_fault("can-cu-dau-cau"))),
    clean("h-tb-nghi-le", "thong-bao", ND30_PL3_14, "thông báo ngắn, ngày 20 tháng 01", lambda: _tb_nghi_le(CLEAN)),
    faulty("h-tb-nghi-le-mot-cot", "thong-bao", ND30_PL3_14, "vi-tri-dau-trang",
           lambda: _tb_nghi_le(with_fault("vi-tri-dau-trang"))),
    faulty("h-gm-xuan-phu-luu", "giay-moi", ND30_PL3_14, "luu", lambda: _gm_xuan_phu(with_fault("luu"))),
    clean("h-pl-quy-che", "phu-luc", nguon.QC_XUAN_PHU, "quy chế kèm quyết định, «Ban hành kèm theo», chương, điều",
          _quy_che_xuan_phu),
    out_of_scope("h-dang-huong-dan", "dang", nguon.HD_11_VPTW, "«Số 03-HD/ĐU», T/M ĐẢNG ỦY, «Nơi nhận:» gạch chân",
                 _dang_huong_dan),
    out_of_scope("h-qp-thong-tu", "quy-pham", nguon.TTLT_02_2011, "thông tư có năm trong số, BỘ TRƯỞNG ký", _thong_tu),
    out_of_scope("h-qp-quyet-dinh", "quy-pham", nguon.QD_DAK_NONG_08, "quyết định quy phạm: «08/2025/QĐ-UBND»",
                 _qd_quy_pham),
    out_of_scope("h-bm-don-yeu-cau", "bieu-mau", nguon.DON_YEU_CAU, "«(V/v: ...)» nghiêng dưới tên đơn, ngày bỏ trống",
                 _don_yeu_cau),
    faulty("h-bc-ninh-binh-ten-loai-thuong", "bao-cao", nguon.KH_NINH_BINH_130, "ten-loai",
           lambda: _bc_ninh_binh(with_fault("ten-loai"))),
    faulty("h-qd-dong-nai-tm-khong-cham", "quyet-dinh", nguon.QD_DONG_NAI_3970, "tham-quyen-ky",
           lambda: _qd_dong_nai(with_fault("tham-quyen-ky"))),
    out_of_scope("h-bm-ly-lich-bang", "bieu-mau", nguon.LY_LICH_2, "bảng hai cột, ô ảnh trống bên trái, Quốc hiệu "
                 "bên phải, không có cơ quan; bảng quan hệ gia đình", lambda: ly_lich(
                     ("1. Họ và tên (chữ in hoa): ……………………… Nam/Nữ: ……", "3. Sinh ngày………tháng………năm ………",
                      "11. Số CCCD: ……………… cấp ngày .…/…./……"), (), boxed=True)),
    faulty("h-qd-dong-nai-khong-nghieng", "quyet-dinh", nguon.QD_DONG_NAI_3970, "can-cu-nghieng",
           lambda: _qd_dong_nai(with_fault("can-cu-nghieng"))),
]
