"""Addresses of the real documents the cases model (NGUON.md says what each is and what was taken from it)."""

from __future__ import annotations

ND30 = "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-dinh-30-2020-ND-CP-cong-tac-van-thu-437498.aspx"
_ND30_FILES = ("github.com/ericphan28/van-ban-plus@2358a46 docs/van-ban-phap-quy/nghi-dinh/30-2020-ND-CP/"
               "van-ban-goc/30.2020.NĐ-CP/")
ND30_DECREE = _ND30_FILES + "30_2020_ND_CP.docx"
ND30_PL1 = _ND30_FILES + "Phuluc1.docx"
ND30_PL3 = _ND30_FILES + "Phuluc3.docx"
QD_BAC_GIANG_119 = "https://vanbanphapluat.co/quyet-dinh-119-qd-ubnd-bo-sung-thu-tuc-hanh-chinh"
QD_DONG_NAI_3970 = ("https://thuviennhadat.vn/vbpl/quyet-dinh-3970-qd-ubnd-nam-2013-thanh-lap-doi-cong-tac-xa-hoi-"
                    "tinh-nguyen-dong-nai-217955.html")
QD_KIEN_GIANG_1961 = "https://text.123docz.net/document/5932142-quyet-dinh-so-1961-2019-qd-ubnd-tinh-kien-giang.htm"
QD_DAK_NONG_08 = ("https://thuviennhadat.vn/vbpl/quyet-dinh-08-2023-qd-ubnd-quan-ly-von-dau-tu-giao-cong-dong-xay-"
                  "dung-cong-trinh-dak-nong-556224.html")
QD_HUE_64 = ("https://hethongphapluat.com/quyet-dinh-64-2024-qd-ubnd-ve-quy-dinh-viec-thanh-lap-to-chuc-va-hoat-"
             "dong-cua-to-chuc-phoi-hop-lien-nganh-thuoc-tham-quyen-quyet-dinh-cua-chu-tich-uy-ban-nhan-dan-tinh-"
             "thua-thien-hue.html")
QD_QUANG_TRI_41 = ("https://dulieuphapluat.vn/van-ban/hanh-chinh-van-ban/quyet-dinh-412019qd-ubnd-quy-dinh-ve-che-"
                   "do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-tren-dia-ban-tinh-quang-tri-47183.html")
QC_XUAN_PHU = "https://sub.dost-dongnai.gov.vn/xuanphu/Pages/quychelamviec.aspx"
KH_BAC_NINH_155 = ("https://phapluatcongdong.vn/van-ban/van-ban-khac-155-kh-ubnd-ban-hanh-tinh-bac-ninh-nam-2017-"
                   "p121216.htm")
KH_QUANG_NAM_4544 = ("https://thuviennhadat.vn/vbpl/ke-hoach-4544-kh-ubnd-2023-giam-sat-danh-gia-chuong-trinh-giam-"
                     "ngheo-ben-vung-quang-nam-576882.html")
KH_NINH_BINH_130 = ("https://hethongphapluat.vn/ke-hoach-130-kh-ubnd-nam-2022-ve-giam-sat-danh-gia-thuc-hien-"
                    "chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-tren-dia-ban-tinh-ninh-"
                    "binh.html")
CV_TUYEN_QUANG_3653 = ("https://hiephoidoanhnghieptuyenquang.com/2018/11/27/ubnd-tinh-co-y-kien-ve-de-xuat-cua-so-"
                       "tai-nguyen-moi-truong/")
GM_HAI_DUONG = "http://vpubnd.haiduong.gov.vn/Modules/Article/ArticlePrint.aspx?ArticleID=27440"
TB_THAI_NGUYEN = ("https://thainguyentv.vn/ket-luan-cua-chu-tich-ubnd-tinh-thai-nguyen-ve-cong-tac-phong-chong-dich-"
                  "benh-viem-phoi-cap-do-chung-moi-cua-virut-corona-gay-ra-76063.html")
NQ_HDND_BINH_DINH_30 = ("https://hethongphapluat.com/nghi-quyet-30-2011-nq-hdnd-ve-de-an-dat-ten-duong-khu-dan-cu-"
                        "moi-quy-hoach-cua-thanh-pho-quy-nhon-nam-2011-do-hoi-dong-nhan-dan-tinh-binh-dinh-khoa-xi-"
                        "ky-hop-thu-2-ban-hanh.html")
TTLT_02_2011 = ("https://caselaw.vn/van-ban-phap-luat/277453-thong-tu-lien-tich-02-2011-ttlt-vpcp-bnv-huong-dan-ve-"
                "chuc-nang-nhiem-vu-quyen-han-va-co-cau-to-chuc-cua-van-phong-uy-ban-nhan-dan-tinh-thanh-pho-truc-"
                "thuoc-trung-uong-do-van-phong-chinh-phu-bo-noi-vu-ban-hanh")
HD_36_VPTW = ("https://docplayer.vn/amp/146735479-Ban-chấp-hành-trung-ương-văn-phòng-số-36-hd-vptw-đảng-cộng-sản-"
              "việt-nam-hà-nội-ngày-03-tháng-4-năm-2018-hướng-dẫn-thể-thức-và-kỹ-thuật-trình-bày-vă.html")
HD_11_VPTW = "https://www.phonha.com/2021/01/huong-dan-11-hdvptw-ve-thuc-van-ban-cua.html"
QD_DOAN_367 = "https://2mit.org/forum/threads/qui-dinh-ve-ban-hanh-van-ban-cua-doan.31554"
_FORMS = "github.com/longnguyencoder/mauvanban@fcbd684 backend/uploads/documents/"
DON_KHOI_KIEN = _FORMS + "4db87c75be1e4d92a29d2854a2f0993f_20251218_083605.docx"
DON_VANG_MAT = _FORMS + "a3a7cdc6443143eb981e3f5416f5c159_20251218_083909.docx"
DON_YEU_CAU = _FORMS + "1981f26383f84fe8847e6d09a462c0bf_20251218_145533.docx"
LY_LICH = "github.com/ericphan28/thang-phan-tools@8572bd0 templates/mau-nha-nuoc/so-yeu-ly-lich.docx"
LY_LICH_2 = "github.com/ericphan28/thang-phan-tools@8572bd0 templates/mau-nha-nuoc/Mau-so-yeu-ly-lich-2.docx"
SEED_784 = "Quyết định 784/QĐ-UBND ngày 27/02/2019 của UBND quận Bình Tân (bản chụp trong shared/seeds của dự án)"
