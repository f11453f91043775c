"""The PDF/A-2b checker finds what breaks PDF/A; the metadata read from a .docx; signature places from lines.

These run without LibreOffice: the PDFs are made with pikepdf, the pages are lines given by hand. That the
demo's real PDFs pass the checker is tested in test_pdf.py.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from qdocgen.pdf.pdfa import author_from_text, check_pdfa, subject_from_text
from qdocgen.pdf.signature import AGENCY_FIELD, RECORDS_FIELD, SIGNER_FIELD, Line, Page, signature_fields


def _plain_pdf(path: Path, *, javascript: bool = False, hidden_annotation: bool = False,
               encrypt: bool = False) -> Path:
    """A one-page PDF with some text in Helvetica, not embedded (the standard 14 fonts never are)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 700 Td (Quyet dinh) Tj ET")
    if javascript:
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    if hidden_annotation:
        page.Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[10, 10, 50, 50], F=2)]))
    pdf.save(path, encryption=pikepdf.Encryption(owner="o", user="") if encrypt else False)
    return path


def test_a_plain_pdf_fails_with_the_reasons(tmp_path: Path) -> None:
    problems = check_pdfa(_plain_pdf(tmp_path / "a.pdf", javascript=True, hidden_annotation=True))
    text = "\n".join(problems)
    for expected in ["thiếu siêu dữ liệu XMP", "thiếu OutputIntents", "phông Helvetica không được nhúng",
                     "có JavaScript", "chú thích /Text không đặt cờ In", "chú thích /Text không có hình hiển thị"]:
        assert expected in text, (expected, problems)


def test_an_encrypted_pdf_fails(tmp_path: Path) -> None:
    assert check_pdfa(_plain_pdf(tmp_path / "e.pdf", encrypt=True)) == ["tệp PDF được mã hóa (PDF/A cấm mã hóa)"]


def test_not_a_pdf_fails(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("hello")
    assert check_pdfa(path)[0].startswith("không mở được tệp PDF")


def test_subject_and_author_from_the_opening_lines() -> None:
    opening = "ỦY BAN NHÂN DÂN\nQUẬN BÌNH TÂN\nỦY BAN NHÂN DÂN\nPHƯỜNG AN LẠC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" \
              "Độc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ..."
    assert author_from_text(opening) == "ỦY BAN NHÂN DÂN PHƯỜNG AN LẠC"
    assert subject_from_text(opening) == "Quyết định số 12/QĐ-UBND"
    assert subject_from_text("Số: /QĐ-UBND\nQUYẾT ĐỊNH") == "Quyết định"  # a draft: no number yet
    assert author_from_text("no national title here") == ""


def _line(text: str, x0: float, y0: float, x1: float, size: float = 16) -> Line:
    return Line(text, x0, y0, x1, y0 + size)


def test_signature_between_title_and_name_without_nơi_nhận_on_the_last_page() -> None:
    page = Page(595, 842, (_line("Căn cứ ...", 85, 100, 510), _line("THỦ TRƯỞNG ĐƠN VỊ", 370, 600, 530),
                           _line("Nguyễn Văn A", 405, 690, 495)))
    signer, agency = signature_fields([Page(595, 842, (_line("Trang 1", 85, 100, 300),)), page])
    assert (signer.name, agency.name) == (SIGNER_FIELD, AGENCY_FIELD) and signer.page == agency.page == 1
    x0, y0, x1, y1 = signer.box
    assert y1 <= 842 - 616 and y0 >= 842 - 690  # between the title's bottom and the name's top
    assert agency.box[2] == pytest.approx(x0 + (x1 - x0) / 3, abs=1) and agency.box[0] < x0


def test_an_appendix_file_gets_the_records_office_field_top_right() -> None:
    page = Page(595, 842, (_line("PHỤ LỤC", 250, 90, 340), _line("MỤC TIÊU CHẤT LƯỢNG", 200, 110, 400),
                           _line("nội dung", 85, 150, 540)))
    (field,) = signature_fields([page])
    assert field.name == RECORDS_FIELD and field.page == 0
    x0, y0, x1, y1 = field.box
    assert x1 == 540 and x0 > 297 and y0 >= 842 - 90  # right margin, right half, above the first line


def test_no_signature_block_no_fields() -> None:
    assert signature_fields([Page(595, 842, (_line("Chỉ một đoạn văn", 85, 100, 510),))]) == []
