"""Labels of the real documents of the tuning part, read by hand against Nghị định 30 (never from lint's output).

Conventions (NGUON.md says why): a draft's blank number and day («Số:      /QĐ-UBND», «ngày   tháng 3») are not
faults; «Căn cứ ...» sentences inside the body of a công văn or tờ trình
are body text, not legal bases; a plan's bases followed by «... ban hành Kế hoạch ... như sau:» are one sentence, so
the last «;» is not labelled; a multi-page document without page numbers breaks ``so-trang`` (page counts from
LibreOffice's PDF); the sample forms embedded in the decree's appendices are not body text.
"""

from __future__ import annotations

from lint_corpus import nguon
from lint_corpus.real import VBAI, Real, out_of_scope

_NEW = VBAI + "New folder/"
_T = VBAI + "templates/"
_DH = _NEW + "Tờ trình về việc thông báo kết quả đại hội Hiệp hội doanh nghiệp/"
_CCHC = (_T + "BÁO CÁO/Tờ trình 629 Báo cáo công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ "
         "năm 2026 của tỉnh Lâm Đồng/")
_HOP = _T + "CV CHUNG/Giao SNV chuẩn bị nội dung Đc Phúc họp chỉ số/"
_ND30 = nguon.ND30_PL1.removesuffix("Phuluc1.docx")
_FORMS = nguon.DON_KHOI_KIEN.rsplit("/", 1)[0] + "/"
_LUU = "«- Lưu: VT, NC.Châu» không kết thúc bằng «.»"
_PAGES = "nhiều trang mà không có số trang"
_AFTER = "sửa sau lần chạy lint đầu tiên, đã đọc lại tệp: "
_DASH = ("sửa sau khi chạy lint (bỏ quy ước cũ, theo chữ của Nghị định: «dấu gạch nối (-)»): tiêu ngữ dùng «–» "
         "thay «-»")
_HOI = _T + "Công văn 3858 báo cáo tình hình tổ chức, hoạt động và quản lý hội năm 2025/"
_ONCE = "sửa sau lần chạy lint duy nhất trên phần giữ lại cũ (nay ở đây), đã đọc lại tệp: "
_LATER = "sửa ở phiên sau (phần giữ lại cũ đã hết mù), đã đọc lại XML và PDF của LibreOffice: "
_NEW_RULE = "mã quy tắc có sau khi gán nhãn, gán theo nó: "

DOCS: list[Real] = [
    Real("bc-chi-so-par-index", "bao-cao", _HOP + "Bao cao cac chi so cua tinh 06.11s.docx", {
        "le-trang": "lề dưới 10 mm, lề trái 25 mm",
        "so-trang": _PAGES + " (17 trang)",
    }),
    Real("bc-de-an-06-thang-10", "bao-cao", _T + "Báo cáo kết quả triển khai Đề án 06/Tháng 10/BÁO CÁO ĐỀ ÁN "
        "06 tháng 10.docx", {
        "le-trang": "lề trên 15 mm",
        "luu": _LUU,
    }, "ký «TM. BAN CHỈ ĐẠO / PHÓ TRƯỞNG BAN» (nên là KT. TRƯỞNG BAN): quyền hạn ký sai về nội dung, không "
        "phải thể thức"),
    Real("bc-trung-tam-phuc-vu-hcc", "bao-cao", _HOP + "6.11.2025 Báo cáo họp 766 (1).docx", {
        "tieu-ngu": "tiêu ngữ cỡ 13 bằng Quốc hiệu (phải lớn hơn một cỡ)",
        "noi-nhan-dong": "«- Lãnh đạo UBND tỉnh» không có «;», gạch đầu dòng cỡ 12 nghiêng",
        "le-trang": _AFTER + "phần (section) thứ 3 lề dưới 7,5 mm",
    }, "phần 2 khổ ngang cho bảng (được phép), lề trái 20 mm: lề của trang ngang không gán nhãn"),
    Real("cv-3083-hoi-nu-doanh-nhan", "cong-van", _DH + "CV cong nhan ket qua dai hoi cua Hoi Nu doanh nhan "
        "tinh.docx", {
        "so-ky-hieu": "«Số: 3083/UBND-NCKS» cỡ 14, số in đậm",
        "luu": "«- Lưu: VT, NCKS.Châu» không kết thúc bằng «.»",
        "so-trang": _PAGES + " (2 trang)",
        "tieu-ngu": _DASH,
    }),
    Real("cv-giao-cat-427", "cong-van", _T + "CV 427 BCA/giao 427 BCA - CAT chương trình MTQGMT.docx", {
        "luu": _LUU,
    }, "phần đầu và khối ký dàn bằng dấu cách và tab trong đoạn văn, không có bảng: vị trí vẫn đúng khi in"),
    Real("cv-giao-skhcn-3653", "cong-van", _T + "CV  giao triên khai thuc hien 3653 VPCP.docx", {
        "thut-dau-dong": "đoạn «Ủy ban nhân dân tỉnh nhận được Công văn số 3653 ...» lùi đầu dòng 1,47 cm",
        "luu": "«- Lưu: VT, NC.Châu(04b)» không kết thúc bằng «.»",
        "noi-nhan-dong": "«(04b)» ở dòng lưu cỡ 9",
    }),
    Real("cv-ket-qua-dai-hoi-truong-son", "cong-van",
         _T + "Tờ trình 03 SNV kết quả Đại hội Hội truyền thống Trường Sơn - Đường Hồ Chí Minh tỉnh Lâm Đồng/"
         "Thông báo kết quả đại hội trường sơn.docx", {
             "le-trang": "lề trên 18 mm",
             "luu": _LUU,
         }),
    Real("cv-mo-hinh-cchc", "cong-van", _T + "BÁO CÁO/báo cáo thí điểm mô hình CCHC 787/UBND tỉnh chỉ đạo mô "
        "hình CCHC.docx", {
        "le-trang": "lề trái 25 mm, lề phải 15 mm",
        "luu": _LUU,
    }, "thân văn bản căn trái (không căn đều hai bên): không có mã quy tắc; dấu «-» của tiêu ngữ không đậm"),
    Real("cv-tham-muu-c04", "cong-van",
         _T + "CV 2388 C04 tham mưu HĐND cấp tỉnh ban hành Nghị quyết CTMTQG ma túy 2030/Tham mưu triển khai "
             "theo đề nghị C04.docx", {
             "luu": _LUU,
             "noi-nhan-dong": "dấu «-» của «- Như trên;» cỡ 13 (lấy từ kiểu)",
         }),
    Real("cv-y-kien-to-chuc-hoi", "cong-van",
         _NEW + "Tờ trình về việc tổ chức đại hội nhiệm kỳ Hội Nữ Doanh nhân tỉnh/CV co y kien doi voi to "
             "chuc Hoi cap tinh.docx", {
             "luu": "«- Lưu: VT, NCKSTTHC.Châu» không kết thúc bằng «.»",
         }, "«Căn cứ Nghị định số 126/2024/NĐ-CP ...;» «Xét đề nghị ...,» đứng là câu mở đầu của thân công "
             "văn, không gán nhãn căn cứ"),
    Real("kh-cchc-2026", "ke-hoach", _T + "Tờ trình 666 kế hoạch CCHC 2026/Kế hoạch CCHC 2026 của tỉnh Lâm Đồng.docx", {
        "can-cu-nghieng": "ba dòng «Căn cứ ...» đầu kế hoạch chữ đứng",
        "luu": _LUU,
        "tieu-de-phu-luc": _NEW_RULE + "dòng «PHỤ LỤC» của phụ lục cuối tệp in hoa, cần «Phụ lục»",
    }, "phụ lục phân công nằm cuối cùng tệp, sau khối ký, ở phần khổ ngang"),
    Real("kh-thi-dua-cchc-2026", "ke-hoach",
         _T + "Tờ trình 124 Kế hoạch Phát động Phong trào thi đua Đẩy mạnh cải cách hành chính/"
         "Ke hoach phat dong phong trao thi dua CCHC nam 2026 tinh Lam Dong.docx", {
             "le-trang": "lề trái 25 mm, lề phải 15 mm",
             "can-cu-nghieng": "năm dòng «Căn cứ ...» đầu kế hoạch chữ đứng",
             "so-trang": "số trang đẩy sang phải bằng hai tab, không ở giữa",
         }),
    Real("kh-tuyen-truyen-cchc-2026", "ke-hoach",
         _T + "Tờ trình 05 TTr SNV ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 tỉnh Lâm Đồng/"
         "Ke hoach tuyen truyen CCHC tinh Lam Dong nam 2026.docx", {
             "le-trang": "lề trên, dưới 18 mm, lề trái 28 mm",
             "luu": _LUU,
         }),
    Real("pl-bieu-mau-cchc", "phu-luc", _CCHC + "Phu luc kem BC CCHC nam 2025.docx", {
        "kho-giay": "khổ Letter 279 × 216 mm, không phải A4",
        "le-trang": "lề dưới 5 mm",
        "tieu-de-phu-luc": _NEW_RULE + "dòng «PHỤ LỤC» in hoa, cần «Phụ lục»",
        "so-trang": "sửa ở phiên sau, khi số trang được xét cả ở phụ lục (Nghị định 30 Phụ lục I, III.1: phụ lục đánh "
                    "số trang riêng), đã đọc lại tệp: đầu trang của phần (section) cuối căn trái, trang 11 trong PDF "
                    "của LibreOffice in số «11» ở góc trên bên trái (x = 1 pt)",
    }, "phụ lục kèm báo cáo, khổ ngang vì là bảng biểu (được phép)"),
    Real("qd-ban-chi-dao-du-lieu", "quyet-dinh",
         _T + "Tờ trình 519 thành lập Ban chỉ đạo về dữ liệu/Quyết định thành lập Ban chỉ đạo về dữ liệu.docx", {
             "tieu-ngu": "tiêu ngữ cỡ 13 (chung đoạn với Quốc hiệu, ngắt dòng), bằng Quốc hiệu",
             "so-trang": "số trang cỡ 12",
         }),
    Real("qd-ban-vi-tien-bo-phu-nu", "quyet-dinh",
         _T + "Tờ trình 303 SNV Quyết định thành lập Ban Vì sự tiến bộ của phụ nữ tỉnh Lâm "
             "Đồng/QĐ-thành-lập-Ban-VSTBPN.docx", {
             "le-trang": "lề dưới 18 mm",
             "luu": "«- Lưu: VT, KGVX, NC.Châu» không kết thúc bằng «.»",
             "so-trang": "số trang cỡ 11",
             "phong-chu": _AFTER + "số trang theo kiểu Header/Normal, phông Calibri",
         }),
    Real("qd-cong-bo-chi-so-cchc", "quyet-dinh",
         _T + "Tờ trình 95 công cố chỉ số CCHC năm 2025/QĐ công bố Chỉ số CCHC sở ngành địa phương năm 2025 "
             "done.docx", {},
         "đúng thể thức; hai phụ lục nằm trong cùng tệp sau khối ký; «NAM» của Quốc hiệu và khối ký nằm trong "
             "smartTag"),
    Real("qd-de-an-cong-chung-vien", "quyet-dinh",
         _T + "Tờ trình 146 đề nghị phê duyệt Đề án tổ chức Đại hội hợp nhất Hội Công chứng viên tỉnh Lâm Đồng/"
         "QĐ phê duyệt Đề án tổ chức Đại hội hợp nhất Hội Công chứng viên 2025-2030.docx", {
             "thut-dau-dong": "căn cứ và các điều lùi đầu dòng 0,74 cm",
             "so-trang": "số trang cỡ 12",
         }, "họ tên người ký nằm ngoài bảng ký, đẩy sang phải bằng dấu cách; tên cơ quan một dòng «ỦY BAN "
             "NHÂN DÂN TỈNH LÂM ĐỒNG»"),
    Real("qd-hhdn-binh-thuan-1424", "quyet-dinh", _DH + "QD phe duyet Dieu le Hiep hoi Doanh nghiep tinh 25-30.docx", {
        "so-ky-hieu": "«Số: 1424/QĐ-UBND» cỡ 14, số in đậm",
        "le-trang": "lề dưới 13 mm",
        "luu": "«- Lưu: VT, NCKS.Châu» không kết thúc bằng «.»",
    }),
    Real("qd-hoi-dong-atvsld", "quyet-dinh",
         _T + "Tờ trình 187 Hội đồng ATVSLĐ/QUYẾT ĐỊNH THÀNH LẬP HỘI ĐỒNG ATVSLĐ TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG.docx", {
             "noi-nhan-dong": "«- Thường trực Tỉnh ủy,» kết thúc bằng «,»",
             "luu": "«- Lưu: VT, KGVX, NC.Châu» không kết thúc bằng «.»",
             "so-trang": "số trang cỡ 11",
             "phong-chu": _AFTER + "số trang theo kiểu Header, phông .VnCentury Schoolbook",
         }, "điều cuối («Chánh Văn phòng ...») thiếu chữ «Điều 6.»: không có mã quy tắc"),
    Real("qd-phe-chuan-doan-luat-su", "quyet-dinh",
         _NEW + "Công văn trình 788 của Sở TP về Đoàn Luật sư/QDphechuanKetquaDaihoiDLS.2.docx", {
             "co-quan-ban-hanh": "«ỦY BAN NHÂN DÂN / TỈNH BÌNH THUẬN» cỡ 14",
             "so-ky-hieu": "«Số:» cỡ 14",
             "so-trang": "số trang ở chân trang, bên phải (kiểu Thông tư 01)",
             "luu": "«- Lưu: VT, NCKS.Châu» không kết thúc bằng «.»",
         }),
    Real("tb-ket-luan-hoi-nghi", "thong-bao",
         _T + "CV CHUNG/Họp đánh giá công tác cải cách hành chính năm 2025 và triển khai nhiệm vụ năm 2026/"
         "Thong bao ket luan Hoi nghi ngay 22.1.2026.docx", {
             "so-ky-hieu": "«Số:» cỡ 14",
             "luu": _LUU,
         }, "«TL.CHỦ TỊCH» thiếu dấu cách sau «TL.»: lỗi gõ, không gán nhãn"),
    Real("ttr-2114-snv", "to-trinh", _DH + "2114 SNV To trinh cong nhan ket qua Dai hoi và phe duyet Dieu le "
        "Hiep hoi Doanh nghiep tinh.docx",
         {"tieu-ngu": _DASH}),
    Real("ttr-hoi-dong-khong-ma-tuy", "to-trinh", _T + "Tờ trình 409 xã phuong khong ma tuy/TỜ TRÌNH XÉT "
        "DUYỆT XÃ PHƯỜNG KHÔNG MA TÚY.docx", {
        "so-ky-hieu": "«Số: 409 /TTr-CAT(PC04)»: dấu cách trước «/», ký hiệu có ngoặc",
    }, "người ký ghi cấp hàm «Thiếu tướng» trước họ tên (thông lệ Công an), không gán nhãn"),
    Real("nd30-phu-luc-1", "phu-luc", _ND30 + "Phuluc1.docx", {
        "gian-doan": "nhiều đoạn cách đoạn trên 4 pt («Đối với những văn bản có phạm vi ...», «3. Ký hiệu "
            "người soạn thảo ...»)",
    }, "bản .docx của Phụ lục I Nghị định 30 (tệp gốc của văn bản đã đọc ở vòng trước)"),
    Real("nd30-phu-luc-2", "phu-luc", _ND30 + "Phuluc2.docx", {
        "gian-doan": "đoạn «Viết hoa chữ cái đầu âm tiết thứ nhất ...» cách đoạn trên 5 pt",
    }),
    Real("nd30-phu-luc-3", "phu-luc", _ND30 + "Phuluc3.docx", {
        "phong-chu": _AFTER + "các dòng «Mẫu 1.2 - Quyết định (cá biệt) ...», «Mẫu 1.5 - Công văn» ... "
                     "theo kiểu Normal, phông Calibri",
    }, "các mẫu 1.1–2.2 nhúng trong phụ lục không phải thân văn bản"),
    Real("nd30-phu-luc-4", "phu-luc", _ND30 + "Phuluc4.docx", {
        "le-trang": "lề phải 4 mm",
    }),
    Real("nd30-phu-luc-5", "phu-luc", _ND30 + "Phuluc5.docx", {}, "mẫu biên bản nhúng trong phụ lục cách đoạn "
        "3 pt: mẫu, không phải thân văn bản"),
    Real("nd30-phu-luc-6", "phu-luc", _ND30 + "Phuluc6.docx", {
        "phong-chu": _AFTER + "đề mục «III. THÔNG TIN ĐẦU VÀO CỦA DỮ LIỆU QUẢN LÝ HỒ SƠ» theo kiểu Normal, "
                     "phông Calibri",
    }),
    out_of_scope("nd-30-2020", "quy-pham", nguon.ND30_DECREE, "Nghị định 30/2020/NĐ-CP: văn bản quy phạm pháp luật"),
    out_of_scope("tt-du-thao-phi-ly-lich", "quy-pham", _T + "CV CHUNG/Gửi góp ý Thông tư Bộ TC/Dự thảo Thông "
        "tư (bản mới).docx",
                 "dự thảo Thông tư của Bộ Tài chính «Số: /2025/TT-BTC»: văn bản quy phạm pháp luật"),
    out_of_scope("phieu-trinh-vp", "khac", _T + "Báo cáo đề xuất 03 tổ chức hội nghị công bố xã phường không "
        "ma túy/Phiếu trình.docx",
                 "phiếu trình giải quyết công việc nội bộ của Văn phòng UBND tỉnh: không phải tên loại của "
                     "Nghị định 30"),
    out_of_scope("don-khoi-kien", "bieu-mau", nguon.DON_KHOI_KIEN, "đơn của công dân (mẫu trống)"),
    out_of_scope("don-thuan-tinh-ly-hon", "bieu-mau", nguon.DON_YEU_CAU,
                 "đơn của công dân (mẫu trống)"),
    out_of_scope("don-vang-mat", "bieu-mau", nguon.DON_VANG_MAT, "đơn của công dân (mẫu trống)"),
    out_of_scope("don-khong-hoa-giai", "bieu-mau", _FORMS + "b8bcf4385f134a49a83247dd8c5d729a_20251218_085150.docx",
                 "đơn của công dân (mẫu trống)"),
    out_of_scope("so-yeu-ly-lich", "bieu-mau", nguon.LY_LICH, "sơ yếu lý lịch (mẫu trống)"),
    out_of_scope("so-yeu-ly-lich-2", "bieu-mau", nguon.LY_LICH_2, "sơ yếu lý lịch (mẫu trống)"),
    # Phần giữ lại cũ (12 văn bản): đã xem ở phiên của mốc 27, nên từ nay được dùng để điều chỉnh.
    Real("bc-quan-ly-hoi-2025", "bao-cao", _HOI + "Báo cáo tình hình tổ chức, hoạt động và quản lý hội năm 2025.docx", {
        "luu": _LUU,
        "so-trang": "số trang cỡ 12",
    }, "trích yếu nằm trong một bảng 1 ô"),
    Real("bc-tong-ket-ma-tuy", "bao-cao",
         _T + "Tờ trình 493 báo cáo Tổng kết công tác phòng, chống ma túy năm 2025 và phương hướng công tác trọng tâm "
         "năm 2026/BÁO CÁO TỔNG KẾT CÔNG TÁC MA TUY UBND TỈNH.docx", {
             "quoc-hieu": _ONCE + "chữ «M» cuối của Quốc hiệu cỡ 14 (phần còn lại cỡ 13)",
         },
         "đúng thể thức; Quốc hiệu và tiêu ngữ chung một đoạn (ngắt dòng); «Phần thứ nhất» giữa trang"),
    Real("cv-dieu-le-hoi-mttq", "cong-van", _T + "CV 2926 SNV thong nhat su dung Dieu le Hội/UBND co y kien "
        "doi voi dieu le hoi.docx", {
        "le-trang": "lề trên, dưới 15 mm",
        "phong-chu": "thân văn bản có đoạn chữ Verdana",
        "luu": _LUU,
        "so-trang": _LATER + "số trang ở đầu trang theo kiểu Header/Normal cỡ 12 (phông Cambria của chủ đề); văn bản "
                    "một trang nên số không in ra, nhưng thể thức số trang đã đặt sai, như quy ước của ca "
                    "«footer-tt01» trong bộ dựng bằng mã",
    }),
    Real("cv-ho-tro-kinh-phi-ma-tuy", "cong-van",
         _T + "CV 1413 PC04 hỗ trợ kinh phí đối với lực lượng trực tiếp tham gia công tác đấu tranh PCTP về ma túy và "
         "quản lý cai nghiện ma túy/Ho tro kinh phi PCTP ma tuy.docx", {
             "noi-nhan-dong": "dấu «-» của «- Như trên;» cỡ 13 (lấy từ kiểu)",
             "luu": _LUU,
         }),
    Real("cv-snv-bao-cao-hoi", "cong-van", _HOI + "Văn bản của Sở Nội vụ.docx", {
        "le-trang": "lề dưới 12 mm",
        "co-quan-chu-quan": "«UBND TỈNH LÂM ĐỒNG» cỡ 14",
        "co-quan-ban-hanh": "«SỞ NỘI VỤ» cỡ 14",
        "so-ky-hieu": "«Số:» cỡ 14",
        "noi-nhan": "«Nơi nhận:» cỡ 11",
        "so-trang": "số trang ở chân trang, bên phải",
    }, "dòng «Hdfđ» cỡ 22 gõ nhầm giữa chức vụ và họ tên người ký: không có mã quy tắc"),
    Real("kh-kiem-tra-cchc-2026", "ke-hoach",
         _T + "Tờ trình 51 Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng/"
         "KE HOACH KIEM TRA CCHC 2026.docx", {
             "le-trang": "phần (section) thứ 3 lề dưới 10 mm",
             "luu": _LUU,
             "noi-nhan": _ONCE + "dấu «:» của «Nơi nhận:» cỡ 14, không đậm, không nghiêng",
         }, "hai phụ lục (danh sách đơn vị, đề cương) trong cùng tệp; khối ký nằm trong bảng lồng"),
    Real("pl-doi-ucsc", "phu-luc", _T + "Tờ trình 197 CAT ứng cứu máy tính/PHỤ LỤC DANH SÁCH ĐỘI UCSC đã điều "
        "chỉnh.docx", {
        "so-trang": "số trang cỡ 12",
        "tieu-de-phu-luc": "mã quy tắc có sau khi gán nhãn, gán theo nó (trước khi chạy lint trên phần này): dòng "
                           "«PHỤ LỤC» in hoa, tên phụ lục chữ thường",
    }, "phụ lục danh sách thành viên (cán bộ, công chức theo chức vụ); tên phụ lục chữ thường đậm"),
    Real("qd-dieu-le-cuu-giao-chuc", "quyet-dinh",
         _T + "Tờ trình 14 SNV kết quả tổ chức Đại hội và đề nghị phê duyệt Điều lệ Hội Cựu giáo chức tỉnh Lâm Đồng/"
         "Quyết định phê duyệt Điều lệ Hội Cựu giáo chức.docx", {
             "noi-nhan": "«Nơi nhận:» cỡ 13",
             "luu": _LUU,
             "dieu": _ONCE + "điều lệ kèm theo viết «Điều 2: Tôn chỉ, mục đích», «Điều 3: ...» (dấu «:»)",
         }, "điều lệ kèm theo nằm trong cùng tệp sau khối ký (18 trang)"),
    Real("qd-giai-the-rau-qua", "quyet-dinh",
         _T + "Tờ trình 143 giải thể hiệp hội rau quả/Quyet dinh giai the hiep hoi rau qua da lat.docx", {
             "co-quan-ban-hanh": "«ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG» cỡ 14",
             "so-ky-hieu": "«Số:» cỡ 14",
             "luu": _LUU,
             "dieu": _ONCE + "dấu «.» sau «Điều 2», «Điều 3» không in đậm",
         }, "điều cuối thiếu chữ «Điều 4.»: không có mã quy tắc"),
    Real("qd-hop-nhat-doan-luat-su", "quyet-dinh", _T + "Tờ trình 141 cho phép hợp nhất Đoàn Luật sư/Quyet "
        "dinh sap nhap doan luat su.docx", {
        "ten-loai": "«QUYẾT ĐỊNH» cỡ 16",
        "luu": _LUU,
        "dieu": _ONCE + "dấu «.» sau «Điều 3», «Điều 4» ... không in đậm",
        "so-trang": "2 trang mà không có số trang",
        "phong-chu": _LATER + "các đoạn chữ của đoạn «Căn cứ ...» dùng phông chủ đề majorHAnsi = Cambria (theme1.xml); "
                     "PDF của LibreOffice thay bằng DejaVu Serif Italic",
    }, "phần đầu là bảng 3 × 2 theo hàng (cơ quan và Quốc hiệu trên cùng hàng): vị trí vẫn đúng"),
    Real("qd-tuyen-ma-tuy", "quyet-dinh", _T + "Tờ trình 511/BC UBND/QUYẾT ĐỊNH PHÊ DUYỆT CỦA UBND TỈNH.docx", {
        "kho-giay": "khổ Letter 216 × 279 mm",
        "le-trang": "lề trên 11 mm",
        "so-ky-hieu": "«Số:» cỡ 14",
        "noi-nhan-dong": "«- TT. Tỉnh ủy» không có «;»",
        "luu": _ONCE + "«- Lưu: Văn phòng UBND tỉnh.» không lưu tại Văn thư («- Lưu: VT, ...»)",
        "so-trang": "số trang cỡ 11",
        "phong-chu": "số trang theo phông chủ đề (Calibri)",
    }, "dự thảo chưa ghi ngày, chưa có họ tên người ký; «QUYẾT ĐỊNH» (không «:») trước Điều 1"),
    Real("ttr-snv-bc-cchc", "to-trinh", _T + "BÁO CÁO/Tờ trình 629 Báo cáo công tác cải cách hành chính năm "
        "2025 và phương "
         "hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng/TTr BC CCHC nam 2025.docx", {},
         "đoạn thân lùi đầu dòng bằng tab (không đặt First line): trông như lùi 1,27 cm, không gán nhãn"),
]
