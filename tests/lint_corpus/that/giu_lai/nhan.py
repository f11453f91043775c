"""Labels of the held-out real documents, read by hand like the tuning part's (lint is run on them once, at the end).

The conventions are those of ``lint_corpus/that/nhan.py``.
"""

from __future__ import annotations

from lint_corpus.real import VBAI, Real

_T = VBAI + "templates/"
_HOI = _T + "Công văn 3858 báo cáo tình hình tổ chức, hoạt động và quản lý hội năm 2025/"
_LUU = "«- Lưu: VT, NC.Châu» không kết thúc bằng «.»"
_AFTER = "sửa sau lần chạy lint duy nhất trên phần giữ lại, đã đọc lại tệp: "
_LATER = "sửa ở phiên sau (phần này đã hết mù), đã đọc lại XML và PDF của LibreOffice: "

DOCS: list[Real] = [
    Real("bc-quan-ly-hoi-2025", "bao-cao", _HOI + "Báo cáo tình hình tổ chức, hoạt động và quản lý hội năm 2025.docx", {
        "luu": _LUU,
        "so-trang": "số trang cỡ 12",
    }, "trích yếu nằm trong một bảng 1 ô"),
    Real("bc-tong-ket-ma-tuy", "bao-cao",
         _T + "Tờ trình 493 báo cáo Tổng kết công tác phòng, chống ma túy năm 2025 và phương hướng công tác trọng tâm "
         "năm 2026/BÁO CÁO TỔNG KẾT CÔNG TÁC MA TUY UBND TỈNH.docx", {
             "quoc-hieu": _AFTER + "chữ «M» cuối của Quốc hiệu cỡ 14 (phần còn lại cỡ 13)",
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
             "noi-nhan": _AFTER + "dấu «:» của «Nơi nhận:» cỡ 14, không đậm, không nghiêng",
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
             "dieu": _AFTER + "điều lệ kèm theo viết «Điều 2: Tôn chỉ, mục đích», «Điều 3: ...» (dấu «:»)",
         }, "điều lệ kèm theo nằm trong cùng tệp sau khối ký (18 trang)"),
    Real("qd-giai-the-rau-qua", "quyet-dinh",
         _T + "Tờ trình 143 giải thể hiệp hội rau quả/Quyet dinh giai the hiep hoi rau qua da lat.docx", {
             "co-quan-ban-hanh": "«ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG» cỡ 14",
             "so-ky-hieu": "«Số:» cỡ 14",
             "luu": _LUU,
             "dieu": _AFTER + "dấu «.» sau «Điều 2», «Điều 3» không in đậm",
         }, "điều cuối thiếu chữ «Điều 4.»: không có mã quy tắc"),
    Real("qd-hop-nhat-doan-luat-su", "quyet-dinh", _T + "Tờ trình 141 cho phép hợp nhất Đoàn Luật sư/Quyet "
        "dinh sap nhap doan luat su.docx", {
        "ten-loai": "«QUYẾT ĐỊNH» cỡ 16",
        "luu": _LUU,
        "dieu": _AFTER + "dấu «.» sau «Điều 3», «Điều 4» ... không in đậm",
        "so-trang": "2 trang mà không có số trang",
        "phong-chu": _LATER + "các đoạn chữ của đoạn «Căn cứ ...» dùng phông chủ đề majorHAnsi = Cambria (theme1.xml); "
                     "PDF của LibreOffice thay bằng DejaVu Serif Italic",
    }, "phần đầu là bảng 3 × 2 theo hàng (cơ quan và Quốc hiệu trên cùng hàng): vị trí vẫn đúng"),
    Real("qd-tuyen-ma-tuy", "quyet-dinh", _T + "Tờ trình 511/BC UBND/QUYẾT ĐỊNH PHÊ DUYỆT CỦA UBND TỈNH.docx", {
        "kho-giay": "khổ Letter 216 × 279 mm",
        "le-trang": "lề trên 11 mm",
        "so-ky-hieu": "«Số:» cỡ 14",
        "noi-nhan-dong": "«- TT. Tỉnh ủy» không có «;»",
        "luu": _AFTER + "«- Lưu: Văn phòng UBND tỉnh.» không lưu tại Văn thư («- Lưu: VT, ...»)",
        "so-trang": "số trang cỡ 11",
        "phong-chu": "số trang theo phông chủ đề (Calibri)",
    }, "dự thảo chưa ghi ngày, chưa có họ tên người ký; «QUYẾT ĐỊNH» (không «:») trước Điều 1"),
    Real("ttr-snv-bc-cchc", "to-trinh", _T + "BÁO CÁO/Tờ trình 629 Báo cáo công tác cải cách hành chính năm "
        "2025 và phương "
         "hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng/TTr BC CCHC nam 2025.docx", {},
         "đoạn thân lùi đầu dòng bằng tab (không đặt First line): trông như lùi 1,27 cm, không gán nhãn"),
]
