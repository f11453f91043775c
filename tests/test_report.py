"""qdocgen bao-cao on Bình Tân 2019, the issue's "done when".

Export, results filled with openpyxl (on the threshold, missed, missing), import; then each unit's report and
the roll-up say đạt / không đạt exactly as the comparator means it, lint clean and look right in PDF.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import DATASET, WARDS, run, soffice
from docx import Document

from qdocgen.lint import lint_docx

DISTRICT = "quan-binh-tan"
# The district's 7 objectives, one row per target (row 5 = STT 1):
#  1 ≥98%: 98 exactly → Đạt          2 không quá 10%: 10,5 % → Không đạt (cause and action given)
#  3.1 +≥10% vs 2018: 40 → 44 (+10% exactly) → Đạt; 3.2 từ 30%: 30 → Đạt
#  4.1 từ 10%: "9,5" → Không đạt;  4.2 từ 15%: 15 → (objective 4 missed: cause and action given)
#  5 ≥80%: empty → Chưa có số liệu     6 tối thiểu 30%: 30 → Đạt      7 = 100%: 100 % (cell formatted %) → Đạt
DISTRICT_RESULTS = {5: 98, 6: "10,5 %", 7: 44, 8: 30, 9: "9,5", 10: 15, 11: None, 12: 30, 13: 1.0}
EXPECTED = ["Đạt", "Không đạt", "Đạt", "Không đạt", "Chưa có số liệu", "Đạt", "Đạt"]


def fill(path: Path, out: Path, change: object = None) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[DISTRICT]
    for row, value in DISTRICT_RESULTS.items():
        ws[f"I{row}"] = value
    ws["I13"].number_format = "0%"
    ws["H7"] = 40
    for row in (6, 9):
        ws[f"J{row}"], ws[f"K{row}"] = "Thiếu công chức tiếp nhận", "Bổ sung 2 công chức trong quý III"
    for ward in WARDS:  # every ward reaches everything, exactly on the threshold
        ws = wb[ward]
        for row in range(5, ws.max_row + 1):
            ws[f"I{row}"] = ws[f"D{row}"].value
            if ws[f"G{row}"].value:
                ws[f"H{row}"], ws[f"I{row}"] = 200, 220
    if change is not None:
        change(wb)  # type: ignore[operator]
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bao-cao")
    dataset = Path(shutil.copytree(DATASET, base / "2019"))
    assert run("excel", "xuat", dataset, "-o", base / "muc-tieu.xlsx").exit_code == 0
    filled = fill(base / "muc-tieu.xlsx", base / "ket-qua.xlsx")
    imported = run("excel", "nhap", filled, dataset)
    assert imported.exit_code == 0 and "Không có gì thay đổi" in imported.output
    result = run("bao-cao", dataset, "--ket-qua", filled, "-o", base / "out")
    assert result.exit_code == 0, result.output + result.stderr
    assert f"{DISTRICT}: đạt 4, không đạt 2, chưa có số liệu 1" in result.output
    return base


def table_rows(path: Path) -> list[list[str]]:
    table = Document(str(path)).tables[1]
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_district_report_judges_every_comparator(reported: Path) -> None:
    rows = table_rows(reported / "out" / f"{DISTRICT}.docx")
    assert [r[4] for r in rows] == EXPECTED
    assert rows[0][2:4] == ["≥ 98%", "98%"]
    assert rows[1][2:4] == ["không quá 10%", "10,5%"]
    assert rows[1][5] == "Nguyên nhân: Thiếu công chức tiếp nhận; Biện pháp: Bổ sung 2 công chức trong quý III"
    assert rows[2][2] == "mức tăng ≥ 10% so với năm 2018; từ 30%"
    assert rows[2][3] == "44; năm 2018: 40; mức tăng 10%; 30%"
    assert rows[4][3] == "Chưa có số liệu" and rows[6][3] == "100%"
    doc = Document(str(reported / "out" / f"{DISTRICT}.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO\nKết quả thực hiện Mục tiêu chất lượng năm 2019" in text
    assert "Thực hiện Quyết định số 784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân" in text
    assert "Năm 2019, Ủy ban nhân dân quận Bình Tân đạt 4/7 mục tiêu chất lượng." in text
    assert "Không đạt: mục tiêu 2, 4;" in text and "Chưa có số liệu: mục tiêu 5;" in text
    assert len(doc.inline_shapes) == 1
    with zipfile.ZipFile(reported / "out" / f"{DISTRICT}.docx") as z:
        assert len(z.read("word/media/image1.png")) > 10_000  # the chart, not the 1-pixel placeholder


def test_wards_on_the_threshold_reach_everything(reported: Path) -> None:
    for ward in WARDS:
        rows = table_rows(reported / "out" / f"{ward}.docx")
        assert [r[4] for r in rows] == ["Đạt"] * 6, ward


def test_rollup_says_who_missed_what(reported: Path) -> None:
    rows = table_rows(reported / "out" / "tong-hop.docx")
    assert rows[0][1:5] == ["Ủy ban nhân dân quận Bình Tân", "4", "2", "1"]
    assert rows[0][5].startswith("2. Tỷ lệ hồ sơ trả yêu cầu bổ sung không quá 10% tổng số hồ sơ tiếp nhận "
                                 "(kết quả 10,5%, chỉ tiêu không quá 10%); 4. Có từ 10%")
    assert all(r[2:6] == ["6", "0", "0", "Không"] for r in rows[1:]) and len(rows) == 11
    wb = openpyxl.load_workbook(reported / "out" / "tong-hop.xlsx")
    summary, detail = wb["Tổng hợp"], wb["Chi tiết"]
    assert [c.value for c in summary[4]] == [1, "Ủy ban nhân dân quận Bình Tân", 7, 4, 2, 1]
    assert len(summary._charts) == 1
    district = [[c.value for c in row] for row in detail.iter_rows(min_row=2) if row[0].value.endswith("Bình Tân")]
    assert [(r[1], r[5], r[7]) for r in district][:4] == [("1", 98, "Đạt"), ("2", 10.5, "Không đạt"),
                                                          ("3.1", 44, "Đạt"), ("3.2", 30, "Đạt")]


def test_reports_lint_clean(reported: Path) -> None:
    for path in sorted((reported / "out").glob("*.docx")):
        assert lint_docx(path) == [], path.name


def test_report_looks_right_in_pdf(reported: Path, tmp_path: Path) -> None:
    office = soffice()
    docx = reported / "out" / f"{DISTRICT}.docx"
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / f"{DISTRICT}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Pages:           2" in info
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    for expected in ("BÁO CÁO", "Kết quả thực hiện Mục tiêu chất lượng năm 2019", "Số: /BC-UBND",
                     "I. KẾT QUẢ THỰC HIỆN", "Nguyên nhân, biện pháp", "Biểu đồ: kết quả so với chỉ tiêu",
                     "II. ĐÁNH GIÁ CHUNG", "Nơi nhận:", "Lê Văn Thinh"):
        assert expected in text, expected
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    pictures = [line.split() for line in images.strip().splitlines()[2:]]
    assert [(p[0], p[2], p[3], p[4]) for p in pictures] == [("2", "image", "1200", "600")]  # the chart, page 2


def test_half_year_title(reported: Path, tmp_path: Path) -> None:
    result = run("bao-cao", reported / "2019", "--ket-qua", reported / "ket-qua.xlsx", "--ky", "6-thang",
                 "-o", tmp_path)
    assert result.exit_code == 0
    text = "\n".join(p.text for p in Document(str(tmp_path / "phuong-an-lac.docx")).paragraphs)
    assert "Kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2019" in text


def test_formula_with_its_saved_value_is_read(reported: Path, tmp_path: Path) -> None:
    """A formula Excel saved with its value (here 97+1 = 98, exactly the threshold) is read as that value."""
    book = fill(reported / "muc-tieu.xlsx", tmp_path / "cong-thuc.xlsx",
                lambda wb: wb[DISTRICT].__setitem__("I5", "=97+1"))
    sheet = f"xl/worksheets/sheet{openpyxl.load_workbook(book).sheetnames.index(DISTRICT) + 1}.xml"
    with zipfile.ZipFile(book) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    assert b"<f>97+1</f><v></v>" in parts[sheet]
    parts[sheet] = parts[sheet].replace(b"<f>97+1</f><v></v>", b"<f>97+1</f><v>98</v>")  # as Excel saves it
    with zipfile.ZipFile(book, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    result = run("bao-cao", reported / "2019", "--ket-qua", book, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert table_rows(tmp_path / "out" / f"{DISTRICT}.docx")[0][3:5] == ["98%", "Đạt"]


@pytest.mark.parametrize(("change", "words"), [
    (lambda wb: wb[DISTRICT].__setitem__("J6", None),
     "trang tính «quan-binh-tan», dòng 6: mục tiêu 2 không đạt nhưng chưa ghi nguyên nhân (cột J)"),
    (lambda wb: wb[DISTRICT].__setitem__("I5", "98 hồ sơ"),
     "dòng 5, cột I (Kết quả): kết quả ghi đơn vị «hồ sơ» nhưng chỉ tiêu tính bằng «%»"),
    (lambda wb: wb[DISTRICT].__setitem__("H7", None),
     "dòng 7, cột H (Số liệu của mốc): chỉ tiêu so với năm 2018 cần số liệu của năm 2018"),
    (lambda wb: wb[DISTRICT].__setitem__("I5", __import__("datetime").datetime(2019, 5, 9)),
     "dòng 5, cột I (Kết quả): ô chứa ngày tháng (09/05/2019)"),
    (lambda wb: wb[DISTRICT].__setitem__("D5", 99),
     "khác bộ dữ liệu; hãy chạy «qdocgen excel nhap»"),
])
def test_bad_results_are_refused_with_their_place(reported: Path, tmp_path: Path, change: object,
                                                  words: str) -> None:
    bad = fill(reported / "muc-tieu.xlsx", tmp_path / "sai.xlsx", change)
    result = run("bao-cao", reported / "2019", "--ket-qua", bad, "-o", tmp_path / "out")
    assert result.exit_code == 3
    assert words in result.stderr
    assert not (tmp_path / "out").exists()


def test_range_in_a_group(tmp_path: Path) -> None:
    from test_excel import GROUPED

    folder = tmp_path / "phong"
    folder.mkdir()
    (folder / "phong-noi-vu.yaml").write_text(GROUPED, encoding="utf-8")
    book = tmp_path / "mt.xlsx"
    assert run("excel", "xuat", folder, "-o", book).exit_code == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["phong-noi-vu"]
    ws["I5"], ws["I6"], ws["J6"], ws["K6"] = "15", "97,9", "Thiếu người", "Bổ sung người"
    wb.save(book)
    result = run("bao-cao", folder, "--ket-qua", book, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output + result.stderr
    rows = table_rows(tmp_path / "out" / "phong-noi-vu.docx")
    assert [r[2:5] for r in rows] == [["từ 14% đến 15%", "15%", "Đạt"], ["≥ 98%", "97,9%", "Không đạt"]]
    assert lint_docx(tmp_path / "out" / "phong-noi-vu.docx") == []
