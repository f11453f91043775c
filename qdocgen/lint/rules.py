"""The Nghị định 30 rules that ``qdocgen lint`` checks: their ids and what each wants, and the words they know.

Sources: nd30.md (Phụ lục I of Nghị định 30/2020). The README's table of rules is :data:`RULES`, in order.
"""

from __future__ import annotations

import re

# Rule ids and what each wants (the README table is this, in order). Sources: nd30.md.
RULES: dict[str, str] = {
    "tep": "Tệp là .docx đọc được",
    "pham-vi": "Loại văn bản (ghi chú): văn bản hành chính theo Nghị định 30 (từng tên loại, công văn), phụ lục; "
               "văn bản của Đảng, của Đoàn, văn bản quy phạm pháp luật, biểu mẫu của công dân và văn bản không rõ "
               "loại chỉ được ghi chú, không bị kiểm tra quy tắc nào",
    "kho-giay": "Khổ giấy A4 (210 × 297 mm)",
    "huong-giay": "Trang đứng (khổ dọc); trang nằm ngang chỉ khi trên trang có bảng số liệu (từ 3 hàng) không tách "
                  "thành phụ lục",
    "le-trang": "Lề trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm (trang nằm ngang xen giữa các trang đứng có "
                "thể đóng gáy ở cạnh trên hay dưới: mỗi lề 15–35 mm)",
    "phong-chu": "Phông Times New Roman, kể cả phông lấy từ kiểu (style), mặc định và chủ đề (theme)",
    "quoc-hieu": "Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»: in hoa, cỡ 12–13, đứng, đậm",
    "tieu-ngu": "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»: cỡ 13–14 (lớn hơn Quốc hiệu một cỡ), đứng, đậm",
    "co-quan-chu-quan": "Tên cơ quan chủ quản: in hoa, cỡ 12–13, đứng, không đậm",
    "co-quan-ban-hanh": "Tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm",
    "vi-tri-dau-trang": "Quốc hiệu và tiêu ngữ ở bên phải, tên cơ quan ở bên trái phần đầu (hai cột, không xếp "
                        "chồng trong một cột)",
    "so-ky-hieu": "«Số: 05/QĐ-UBND»: cỡ 13, đứng; số dưới 10 thêm 0; «/» giữa số và ký hiệu; ký hiệu in hoa "
                  "(trừ TTr, QyĐ, CTr), không có khoảng trắng",
    "dia-danh-ngay": "«Địa danh, ngày 05 tháng 3 năm 2020»: nghiêng, cỡ 13–14; ngày dưới 10 và tháng 1, 2 thêm 0; "
                     "tháng 3–12 không thêm",
    "ten-loai": "Tên loại văn bản (QUYẾT ĐỊNH, ...): in hoa, cỡ 13–14, đứng, đậm, căn giữa",
    "trich-yeu": "Trích yếu dưới tên loại: cỡ 13–14, đứng, đậm",
    "vv-cong-van": "Công văn: trích yếu dưới số, ký hiệu bắt đầu bằng «V/v»",
    "can-cu-nghieng": "Căn cứ (ở quyết định, báo cáo, kế hoạch, tờ trình, ... đâu có, ngay dưới tên loại và trích "
                      "yếu, trước «Kính gửi:»; công văn không có căn cứ): chữ nghiêng",
    "can-cu-dau-cau": "Căn cứ: mỗi dòng kết thúc bằng «;», dòng cuối bằng «.» (không phải «,» kiểu Thông tư 01); "
                      "dòng cuối kết thúc bằng «;» khi các căn cứ dẫn vào câu của chính văn bản («... ban hành Kế "
                      "hoạch ... như sau:»)",
    "dieu": "«Điều 1.»: chữ «Điều», số Ả Rập, dấu chấm, in đậm",
    "gian-dong": "Thân văn bản: giãn dòng từ một dòng (single) đến 1,5 dòng",
    "gian-doan": "Thân văn bản: khoảng cách giữa các đoạn tối thiểu 6 pt",
    "thut-dau-dong": "Thân văn bản: lùi đầu dòng 1 cm đến 1,27 cm",
    "noi-nhan": "«Nơi nhận:»: cỡ 12, đậm, nghiêng, không gạch chân",
    "noi-nhan-dong": "Các dòng nơi nhận: cỡ 11, đứng, bắt đầu bằng «-», kết thúc bằng «;»",
    "luu": "Dòng cuối nơi nhận «- Lưu: VT, ...» kết thúc bằng «.»",
    "tham-quyen-ky": "Quyền hạn ký (TM., KT., TL., TUQ., Q.) và chức vụ người ký: in hoa, cỡ 13–14, đứng, đậm",
    "nguoi-ky": "Họ tên người ký: cỡ 13–14, đứng, đậm",
    "nguoi-ky-ten": "Có họ tên người ký dưới chức vụ («(Đã ký)», chữ ký hay dấu không thay được họ tên); dự thảo "
                    "chưa ghi ngày thì chưa đòi",
    "so-trang": "Số trang ở giữa lề trên (đầu trang), cỡ 13–14, đứng, không hiện ở trang 1",
    "tieu-de-phu-luc": "Phụ lục: dòng «Phụ lục I» riêng, chữ thường, cỡ 14, đứng, đậm, căn giữa (số La Mã khi có từ "
                       "hai phụ lục); tên phụ lục in hoa, cỡ 13–14, đậm, căn giữa; dòng «(Kèm theo ... số ... ngày "
                       "... của ...)» cỡ 13–14, nghiêng, căn giữa",
}


DOC_TYPES = frozenset({
    "quyết định", "nghị quyết", "chỉ thị", "quy chế", "quy định", "thông cáo", "thông báo", "hướng dẫn",
    "chương trình", "kế hoạch", "phương án", "đề án", "dự án", "báo cáo", "biên bản", "tờ trình", "hợp đồng",
    "công điện", "bản ghi nhớ", "bản thỏa thuận", "bản thoả thuận", "giấy ủy quyền", "giấy uỷ quyền",
    "giấy mời", "giấy giới thiệu", "giấy nghỉ phép", "phiếu gửi", "phiếu chuyển", "phiếu báo",
})


BASIS_STARTS = ("căn cứ", "xét đề nghị", "theo đề nghị", "xét ")


MOTTO = "Độc lập - Tự do - Hạnh phúc"


NATIONAL_TITLES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


DASHES = "-–—−‐+•*"


AUTHORITY = re.compile(r"^(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\.\s*M|K\.\s*T|TM|KT|TL|TUQ|Q)(\.?)(?=\s|$)")


ARTICLE = re.compile(r"^(Điều|ĐIỀU|điều)\s*(\d+)(.?)")


# NĐ30 Phụ lục III keeps these type abbreviations in mixed case; every other group of a symbol is upper case.
MIXED_CASE_SYMBOLS = frozenset({"TTr", "QyĐ", "CTr"})


ALIGN_NAMES = {"left": "trái", "right": "phải", "justify": "đều hai bên", "center": "giữa"}
