"""Labels of the held-out real documents: documents of OTHER offices than the tuning part's, labelled by hand before
lint is run on them, looked at once at the end (``QDOCGEN_GIU_LAI=1``).

The conventions are those of ``lint_corpus/that/nhan.py``. The earlier held-out part (12 documents of Lâm Đồng) was
looked at in the session of stop 27 and moved into the tuning part (NGUON.md says so); this list holds new documents
only: three plans of Đồng Tháp's education sector (the Department of Education and two upper-secondary schools), from
the repository of a school's vice-principal.
"""

from __future__ import annotations

from lint_corpus.real import Real

_DT = "github.com/nmtric3docbinhkieu/windsurf-vanban-bot@"
_BASES = "các dòng «Căn cứ ...» đầu kế hoạch chữ đứng"

DOCS: list[Real] = [
    Real("kh-sinh-hoat-lich-su-cum-2", "ke-hoach",
         _DT + "9212395 van-ban-den/Ke hoach  to chuc sinh hoat Lich su theo cum truong-2026.docx", {
             "le-trang": "lề trái 25 mm",
             "tieu-ngu": "tiêu ngữ cỡ 13 bằng Quốc hiệu (phải lớn hơn một cỡ)",
             "can-cu-nghieng": _BASES + " (hai dòng)",
             "noi-nhan-dong": "các dòng nơi nhận cỡ 12",
             "so-trang": "2 trang (PDF của LibreOffice) mà không có số trang",
         }, "Trường THPT Cao Lãnh 2 (Sở GDĐT Đồng Tháp), 58/KH-THPTCL2 ngày 15/4/2026, ký «KT.HIỆU TRƯỞNG» (thiếu "
            "khoảng trắng sau «KT.», không gán nhãn: quy tắc không xét khoảng trắng); căn cứ dẫn vào câu «... xây dựng "
            "kế hoạch ..., như sau:» nên «;» cuối không gán"),
    Real("kh-sinh-hoat-cong-dan-dbk", "ke-hoach",
         _DT + "b4fa20f van-ban-di/KH_TUAN_LE_HOC_TAP_CONG_DAN_DAU_NAM_2026_2027.docx", {
             "can-cu-nghieng": _BASES + " (hai dòng)",
             "so-trang": "số trang ở đầu trang, căn giữa, nhưng cỡ 12",
         }, "Trường THPT Đốc Binh Kiều (Sở GDĐT Đồng Tháp), dự thảo «Số:     /KH-THPTĐBK» ngày 17/8/2026, 4 trang; "
            "người ký là chủ kho mã, có thể đã dàn trang bằng công cụ của chính kho (render_ke_hoach)"),
    Real("kh-don-doan-kiem-tra-stem", "ke-hoach",
         _DT + "a392f54 van-ban-den/KE HOACH TIEP DOAN KTr STEM_18-4-2026.doc (LibreOffice → .docx)", {
             "le-trang": "lề dưới 15 mm",
             "noi-nhan": "«Nơi nhận:» cỡ 11",
             "noi-nhan-dong": "các dòng nơi nhận cỡ 12",
             "luu": "«- Lưu VT, GDPT. Hiển (3b).»: thiếu «:» sau «Lưu»",
             "so-trang": "số trang cỡ 12 (trong một khung văn bản ở đầu trang, căn giữa)",
         }, "Sở GDĐT Đồng Tháp, dự thảo «Số:         /KH-SGDĐT», 5 trang, hai phụ lục cuối tệp; chuyển từ .doc bằng "
            "LibreOffice một lần: docDefaults thành Liberation Serif, mọi đoạn chữ vẫn đặt Times New Roman (không gán "
            "phong-chu); «Phụ lục I» mở trang 4 ở PDF của tệp .doc gốc nhưng đứng cuối trang 3 ở PDF của bản .docx "
            "(chỗ ngắt trang lệch khi chuyển, chỉ --trang thấy)"),
]
