"""The decision template with the Bình Tân 2019 dataset, read back from the .docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, WARDS
from docx_text import blocks, find, open_docx, texts

EMU_PER_MM = 36000


def expected_784() -> list[str]:
    lines = (FIXTURES / "784-QD-UBND.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_batch_writes_eleven_files(batch_dir: Path) -> None:
    names = sorted(p.name for p in batch_dir.glob("*.docx"))
    assert names == sorted(["quan-binh-tan.docx"] + [f"{w}.docx" for w in WARDS])


def test_district_text_matches_seed_paragraph_by_paragraph(district: Path) -> None:
    got, want = texts(district), expected_784()
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        assert g == w, f"paragraph {i + 1} differs"
    assert len(got) == len(want)


def _runs_with_text(p):  # type: ignore[no-untyped-def]
    return [r for r in p.runs if r.text.strip()]


def _size(p) -> float:  # type: ignore[no-untyped-def]
    sizes = {r.font.size for r in _runs_with_text(p)}
    assert len(sizes) == 1, sizes
    return sizes.pop().pt


def _all(p, attr: str) -> bool:  # type: ignore[no-untyped-def]
    return all(getattr(r.font, attr) for r in _runs_with_text(p))


def _none(p, attr: str) -> bool:  # type: ignore[no-untyped-def]
    return not any(getattr(r.font, attr) for r in _runs_with_text(p))


def test_page_is_a4_portrait_with_nd30_margins(district: Path) -> None:
    for section in open_docx(district).sections:
        assert round(section.page_width / EMU_PER_MM) == 210
        assert round(section.page_height / EMU_PER_MM) == 297
        assert 20 <= round(section.top_margin / EMU_PER_MM) <= 25
        assert 20 <= round(section.bottom_margin / EMU_PER_MM) <= 25
        assert 30 <= round(section.left_margin / EMU_PER_MM) <= 35
        assert 15 <= round(section.right_margin / EMU_PER_MM) <= 20


def test_every_run_is_times_new_roman(district: Path) -> None:
    doc = open_docx(district)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for rpr in doc.element.body.iter(w + "rPr"):
        fonts = rpr.find(w + "rFonts")
        assert fonts is not None
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(w + slot) == "Times New Roman"
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_header_block_formatting(district: Path) -> None:
    body = find(district, "ỦY BAN NHÂN DÂN")
    assert body.text == "ỦY BAN NHÂN DÂN\nQUẬN BÌNH TÂN"
    assert _all(body, "bold") and 12 <= _size(body) <= 13
    title = find(district, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert _all(title, "bold") and 12 <= _size(title) <= 13
    motto = find(district, "Độc lập - Tự do - Hạnh phúc")
    assert _all(motto, "bold") and _size(motto) == _size(title) + 1
    number = find(district, "Số:")
    assert number.text == "Số: 784/QĐ-UBND" and _size(number) == 13 and _none(number, "bold")


def test_place_and_date_line_is_italic_and_padded(district: Path) -> None:
    line = find(district, "Bình Tân, ngày")
    assert line.text == "Bình Tân, ngày 27 tháng 02 năm 2019"
    assert _all(line, "italic") and 13 <= _size(line) <= 14


def test_title_and_summary_bold(district: Path) -> None:
    kind = find(district, "QUYẾT ĐỊNH")
    summary = find(district, "Về việc ban hành Mục tiêu chất lượng")
    for p in (kind, summary):
        assert _all(p, "bold") and 13 <= _size(p) <= 14
        assert p.alignment == 1  # centred


def test_legal_bases_italic_semicolons_and_final_full_stop(district: Path) -> None:
    body = open_docx(district).paragraphs
    end = [p.text for p in body].index("QUYẾT ĐỊNH:")
    bases = [p for p in body[:end] if p.text.startswith(("Căn cứ", "Xét đề nghị"))]
    assert len(bases) == 6
    for p in bases:
        assert _all(p, "italic") and _size(p) == 14
    assert all(p.text.endswith(";") for p in bases[:-1])
    assert bases[-1].text.endswith(".")


def test_articles_have_bold_article_number(district: Path) -> None:
    for n in (1, 2, 3):
        p = find(district, f"Điều {n}.")
        assert p.runs[0].text == f"Điều {n}." and p.runs[0].font.bold
        assert not any(r.font.bold for r in p.runs[1:] if r.text.strip())


def test_recipients_block(district: Path) -> None:
    head = find(district, "Nơi nhận:")
    assert _all(head, "bold") and _all(head, "italic") and _size(head) == 12
    assert _none(head, "underline")
    doc = open_docx(district)
    lines = [p for p in blocks(doc) if p.text.startswith("- ")]
    assert lines[0].text == "- Như Điều 3;"
    assert lines[-1].text == "- Lưu: VT, NV (T)."
    assert all(_size(p) == 11 for p in lines)
    assert all(p.text.endswith(";") for p in lines[:-1])


def test_signature_block(district: Path) -> None:
    authority = find(district, "TM. ỦY BAN NHÂN DÂN")
    title = find(district, "CHỦ TỊCH")
    name = find(district, "Lê Văn Thinh")
    for p in (authority, title, name):
        assert _all(p, "bold") and _size(p) == 14


def test_page_numbers_in_header_not_on_first_page(district: Path) -> None:
    doc = open_docx(district)
    first = doc.sections[0]
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header._element.xml
    assert "PAGE" not in first.first_page_header._element.xml
    appendix = doc.sections[1]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert appendix._sectPr.find(w + "pgNumType").get(w + "start") == "1"
    assert appendix.different_first_page_header_footer


def test_appendix_table_header_repeats(district: Path) -> None:
    doc = open_docx(district)
    table = [t for t in doc.tables if t.rows[0].cells[0].text == "STT"][0]
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Mục tiêu", "Cơ quan, đơn vị theo dõi và báo cáo", "Phương pháp tính toán kết quả đạt được",
        "Biện pháp thực hiện"]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert table.rows[0]._tr.find(f"{w}trPr/{w}tblHeader") is not None
    assert [r.cells[0].text for r in table.rows[1:]] == [str(i) for i in range(1, 8)]


@pytest.mark.parametrize("ward", sorted(WARDS))
def test_ward_names_itself_and_not_the_district_signer(batch_dir: Path, district: Path, ward: str) -> None:
    name = WARDS[ward]
    got = texts(batch_dir / f"{ward}.docx")
    joined = "\n".join(got)
    assert got[0] == "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN"  # governing body
    assert got[1] == f"ỦY BAN NHÂN DÂN PHƯỜNG {name.upper()}"
    assert f"{name}, ngày      tháng      năm 2019".replace("      ", "     ") in joined
    assert "Lê Văn Thinh" not in joined
    assert "Căn cứ Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân" in joined
    assert f"tại Ủy ban nhân dân phường {name}." in joined
    assert "tối thiểu 30% cơ quan chuyên môn" not in joined  # the district's own objective
    # Wherever the district's decision names the district as issuer, the ward's names the ward.
    for line in got:
        assert "tại Ủy ban nhân dân quận Bình Tân." not in line


@pytest.mark.parametrize("ward", ["phuong-an-lac", "phuong-tan-tao-a"])
def test_ward_draft_has_blank_number_date_and_name_line(batch_dir: Path, ward: str) -> None:
    path = batch_dir / f"{ward}.docx"
    assert find(path, "Số:").text == "Số:      /QĐ-UBND"
    assert find(path, f"{WARDS[ward]}, ngày").text == f"{WARDS[ward]}, ngày     tháng     năm 2019"
    reference = find(path, "(Kèm theo Quyết định số")
    assert reference.text.startswith("(Kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm 2019")
    paragraphs = list(blocks(open_docx(path)))
    titles = [i for i, p in enumerate(paragraphs) if p.text == "CHỦ TỊCH"]
    assert titles
    after = [p.text for p in paragraphs[titles[0] + 1: titles[0] + 6]]
    assert after == ["", "", "", "", ""]  # room to sign, then the empty name line


def test_district_converts_with_libreoffice(district: Path, tmp_path: Path) -> None:
    """LibreOffice opens the document: its PDF has the text, and 2 pages of decision + 3 of appendix."""
    import subprocess

    from conftest import soffice

    command = soffice()
    profile = tmp_path / "profile"
    subprocess.run([command, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(district)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "quan-binh-tan.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Pages:           5" in info
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 784/QĐ-UBND", "Bình Tân, ngày 27 tháng 02 năm 2019",
                     "Điều 3.", "TM. ỦY BAN NHÂN DÂN", "Lê Văn Thinh", "MỤC TIÊU CHẤT LƯỢNG",
                     "STT", "Biện pháp thực hiện", "Ghi chú:"):
        assert expected in text, expected


def test_template_is_built_reproducibly(tmp_path: Path) -> None:
    """templates/build.py gives the committed template byte for byte."""
    import subprocess
    import sys

    from conftest import ROOT

    subprocess.run([sys.executable, str(ROOT / "templates" / "build.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for built in tmp_path.glob("*.docx"):
        assert built.read_bytes() == (ROOT / "templates" / built.name).read_bytes(), built.name


def test_document_title_is_the_decisions_summary(batch_dir: Path) -> None:
    """File properties (and the PDF title LibreOffice derives from them) name this decision, not the template."""
    doc = open_docx(batch_dir / "phuong-an-lac.docx")
    assert doc.core_properties.title.startswith("Về việc ban hành Mục tiêu chất lượng")
    assert "{{" not in doc.core_properties.title and not doc.core_properties.comments
