"""The printed register: the .docx in the Phụ lục IV form and the .xlsx hold exactly the register's rows."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import run, soffice
from register_drafts import district_draft, variant

from qdocgen.errors import OutputError, RegisterError
from qdocgen.register import Request, cancel, give_number, rows
from qdocgen.register.printing import HEADINGS, cells, print_register

D = datetime.date


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register of 2026 with three numbers, the second cancelled, and one number in 2027."""
    folder = tmp_path_factory.mktemp("so")
    draft = district_draft(folder)
    path = folder / "so.sqlite3"
    days = (D(2026, 1, 5), D(2026, 2, 20), D(2026, 11, 3), D(2027, 1, 2))
    for index, day in enumerate(days):
        source = variant(draft, folder / f"vb{index}.docx", f"văn bản {index}")
        give_number(source, Request(date=day, copies=index + 10), path)
    cancel("02/QĐ-UBND", "Ban hành nhầm, thay bằng số 03", path, year=2026)
    return path


@pytest.fixture(scope="module")
def printed(register: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("in") / "so-di-2026"
    result = run("so-di", "in", "--nam", "2026", "-o", out, "--so", register)
    assert result.exit_code == 0, result.stderr
    return out.with_suffix(".docx"), out.with_suffix(".xlsx")


def test_docx_is_landscape_a4_with_the_book_page_and_the_rows(register: Path, printed: tuple[Path, Path]) -> None:
    document = docx.Document(str(printed[0]))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    text = [p.text for p in document.paragraphs if p.text]
    assert text[:6] == ["ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm: 2026",
                        "Từ ngày 05/01/2026 đến ngày 03/11/2026", "Từ số 01 đến số 03", "Quyển số: 01"]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(HEADINGS)
    assert [c.text for c in table.rows[1].cells] == [f"({i})" for i in range(1, 11)]
    expected = [cells(r) for r in rows(register, 2026)]
    expected[1][2] = "(Số đã hủy) " + expected[1][2]
    assert [[c.text for c in row.cells] for row in table.rows[2:]] == expected
    assert expected[0][:2] == ["01/QĐ-UBND", "05/01/2026"] and expected[2][1] == "03/11/2026"
    assert "Ban hành nhầm" in expected[1][9] and expected[0][6] == "10"


def test_xlsx_has_the_same_rows_and_the_files(register: Path, printed: tuple[Path, Path]) -> None:
    sheet = openpyxl.load_workbook(printed[1]).active
    assert sheet["A2"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026"
    assert [c.value for c in sheet[4]][:10] == list(HEADINGS)
    given = rows(register, 2026)
    body = [[c.value for c in line] for line in sheet.iter_rows(min_row=6)]
    assert len(body) == len(given) == 3
    for line, row in zip(body, given, strict=True):
        assert line[0] == row.so_ky_hieu and line[1].date() == row.date and line[3] == row.nguoi_ky
        assert line[2] == row.ten_loai_trich_yeu and line[6] == row.so_luong_ban
        assert line[10:13] == [row.tep, row.sha256, row.nguoi_dang_ky]
    assert body[1][14] == "đã hủy" and sheet.page_setup.orientation == "landscape"


def test_an_existing_print_is_not_overwritten_and_an_empty_year_is_said(register: Path,
                                                                       printed: tuple[Path, Path]) -> None:
    with pytest.raises(OutputError):
        print_register(2026, printed[0].with_suffix(""), register)
    with pytest.raises(RegisterError, match="năm 2030 chưa có số nào"):
        print_register(2030, printed[0].with_name("x"), register)
    next_year = print_register(2027, printed[0].with_name("so-2027"), register)
    table = docx.Document(str(next_year.docx)).tables[0]
    assert [c.text for c in table.rows[2].cells][:2] == ["01/QĐ-UBND", "02/01/2027"]


@pytest.mark.libreoffice
def test_the_printed_register_looks_right_in_pdf(printed: tuple[Path, Path], tmp_path: Path) -> None:
    from qdocgen.pdf import convert

    soffice()
    report = convert([printed[0]], tmp_path)
    pdf = report.converted[printed[0]]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    assert round(float(size[2])) == 842 and round(float(size[4])) == 595 and "(A4)" in info  # landscape
    assert "Sổ đăng ký văn bản đi năm 2026" in info and "qdocgen" in info
    cover = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in cover and "Từ số 01 đến số 03" in cover
    table = subprocess.run(["pdftotext", "-layout", "-f", "2", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    # Each number and date stays on one line: the columns are wide enough.
    for expected in ("01/QĐ-UBND", "05/01/2026", "02/QĐ-UBND", "(Số đã hủy)", "03/QĐ-UBND", "03/11/2026",
                     "Số, ký hiệu văn", "(10)"):
        assert expected in table
    # Page numbers centred at the top from page 2; the book's first page has none.
    assert [page.strip().splitlines()[0].strip() for page in table.split("\f")[:2]] == ["2", "3"]
    assert cover.strip().splitlines()[0].strip() == "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN"
    # The heading rows repeat on every page of the table.
    assert table.count("(10)") == len(table.split("\f")) - 1 >= 2


def test_books_per_symbol_print_as_one_table_each(tmp_path: Path) -> None:
    from qdocgen.register import set_numbering

    path = tmp_path / "so.sqlite3"
    set_numbering("ky-hieu", path)
    draft = district_draft(tmp_path)
    give_number(variant(draft, tmp_path / "quyet-dinh.docx", "qd"), Request(date=D(2026, 3, 5)), path)
    give_number(variant(draft, tmp_path / "tb.docx", "tb", symbol="TB-UBND"), Request(date=D(2026, 3, 6)), path)
    printed = print_register(2026, tmp_path / "so", path)
    document = docx.Document(str(printed.docx))
    headings = [p.text for p in document.paragraphs if p.text.startswith("Sổ văn bản")]
    assert headings == ["Sổ văn bản QĐ-UBND", "Sổ văn bản TB-UBND"]
    assert [t.rows[2].cells[0].text for t in document.tables] == ["01/QĐ-UBND", "01/TB-UBND"]
