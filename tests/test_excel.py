"""The objectives workbook: exported from Bình Tân 2019, edited with openpyxl, read back.

Hostile files are refused with sheet, row and column, and the dataset is left as it was.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import DATASET, WARDS, run

from qdocgen.excel import layout

OBJECTIVE_COLUMNS = "ABCDEFG"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("excel") / "muc-tieu.xlsx"
    result = run("excel", "xuat", DATASET, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATASET, tmp_path / "2019"))


def objective_cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = openpyxl.load_workbook(path)
    return {name: [tuple(ws[f"{c}{r}"].value for c in OBJECTIVE_COLUMNS)
                   for r in range(layout.FIRST_ROW, ws.max_row + 1)]
            for name in wb.sheetnames if name != layout.SUMMARY_SHEET for ws in [wb[name]]}


def test_export_layout(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    assert wb.sheetnames == [layout.SUMMARY_SHEET, "quan-binh-tan", *sorted(WARDS)]
    ws = wb["quan-binh-tan"]
    assert [ws[f"{c.letter}4"].value for c in layout.COLUMNS] == [
        "STT", "Mục tiêu", "So sánh", "Chỉ tiêu", "Đến (nếu là khoảng)", "Đơn vị", "So với (mốc)",
        "Số liệu của mốc", "Kết quả", "Nguyên nhân (nếu không đạt)", "Biện pháp khắc phục"]
    assert ws.freeze_panes == "C5"
    assert ws.column_dimensions["B"].width == 48 and ws["B5"].alignment.wrap_text
    assert ws["B2"].value == "quan-binh-tan"
    rows = [tuple(ws[f"{c}{r}"].value for c in "ABCDFG") for r in range(5, 8)]
    assert rows[0] == ("1", "Hồ sơ được giải quyết hoàn tất đúng thời hạn ≥98%", "≥", 98, "%", None)
    assert rows[1][2:4] == ("không quá", 10)
    assert rows[2] == ("3.1", rows[2][1], "≥", 10, "%", "năm 2018")  # {{ nam - 1 }} filled
    assert ws["A8"].value == "3.2" and ws["B8"].value is None and ws["C8"].value == "từ"
    assert all(ws[f"{c}5"].value is None for c in "HIJK")
    formulas = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert any(f and "không quá" in f for f in formulas.values())
    summary = wb[layout.SUMMARY_SHEET]
    assert any(summary.cell(r, 2).value == "Ủy ban nhân dân phường An Lạc" for r in range(1, 30))


def test_round_trip_unchanged(exported: Path, dataset: Path, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in dataset.iterdir()}
    result = run("excel", "nhap", exported, dataset)
    assert result.exit_code == 0, result.output
    assert "Không có gì thay đổi" in result.output
    assert {p.name: p.read_bytes() for p in dataset.iterdir()} == before
    again = tmp_path / "lai.xlsx"
    assert run("excel", "xuat", dataset, "-o", again).exit_code == 0
    assert objective_cells(again) == objective_cells(exported)


def test_edits_go_where_they_belong(exported: Path, dataset: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    for ward in WARDS:  # every ward alike: the shared file changes
        wb[ward]["D6"] = 12
    wb["phuong-an-lac"]["B5"] = "Hồ sơ được giải quyết đúng hạn ≥99%"  # one ward: its own copy
    wb["phuong-an-lac"]["D5"] = 99
    wb["quan-binh-tan"]["C6"] = "≤"
    edited = tmp_path / "sua.xlsx"
    wb.save(edited)
    shared_before = (dataset / "_phuong.yaml").read_text(encoding="utf-8")
    result = run("excel", "nhap", edited, dataset)
    assert result.exit_code == 0, result.output
    assert "Đã sửa 3 tệp dữ liệu" in result.output
    shared = (dataset / "_phuong.yaml").read_text(encoding="utf-8")
    assert shared.replace("gia_tri: 12", "gia_tri: 10", 1) == shared_before  # one value, comments kept
    assert "# hoàn thành = đạt 100%" in shared
    assert '{so_sanh: "<=", gia_tri: 10, don_vi: "%"}' in (dataset / "quan-binh-tan.yaml").read_text("utf-8")
    assert "Hồ sơ được giải quyết đúng hạn ≥99%" in (dataset / "phuong-an-lac.yaml").read_text("utf-8")
    assert "≥99%" not in (dataset / "phuong-an-lac-a.yaml").read_text("utf-8")
    again = tmp_path / "lai.xlsx"
    assert run("excel", "xuat", dataset, "-o", again).exit_code == 0
    assert objective_cells(again) == objective_cells(edited)  # Excel → dataset → Excel


def _broken(exported: Path, tmp_path: Path, change: object) -> Path:
    wb = openpyxl.load_workbook(exported)
    change(wb)  # type: ignore[operator]
    path = tmp_path / "hong.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize(("change", "words"), [
    (lambda wb: setattr(wb["phuong-an-lac"], "title", "An Lac"),
     "trang tính «An Lac» (mã đơn vị «phuong-an-lac» ở ô B2) đã bị đổi tên"),
    (lambda wb: wb.remove(wb["phuong-tan-tao"]), "thiếu trang tính «phuong-tan-tao»"),
    (lambda wb: wb["quan-binh-tan"].merge_cells("I5:I6"), "các ô I5:I6 (dòng 5–6) bị gộp"),
    (lambda wb: wb["quan-binh-tan"].__setitem__("D5", "=90+8"),
     "trang tính «quan-binh-tan», dòng 5, cột D (Chỉ tiêu): ô có công thức nhưng tệp không lưu giá trị"),
    (lambda wb: wb["quan-binh-tan"].__setitem__("D5", "1.234"), "dòng 5, cột D (Chỉ tiêu): «1.234» có thể hiểu"),
    (lambda wb: wb["quan-binh-tan"].__setitem__("D5", "98 hồ sơ"), "số ghi đơn vị «hồ sơ» nhưng cột Đơn vị ghi «%»"),
    (lambda wb: wb["quan-binh-tan"].__setitem__("C5", "gần"), "dòng 5, cột C (So sánh): «gần» không phải"),
    (lambda wb: wb["quan-binh-tan"].__setitem__("A20", "9"), "dòng 20, cột A (STT): đơn vị chỉ có 7 mục tiêu"),
    (lambda wb: wb["quan-binh-tan"].__setitem__("C4", "Phép so sánh"), "tiêu đề phải là «So sánh»"),
])
def test_bad_workbooks_name_sheet_row_column(exported: Path, dataset: Path, tmp_path: Path, change: object,
                                             words: str) -> None:
    before = {p.name: p.read_bytes() for p in dataset.iterdir()}
    result = run("excel", "nhap", _broken(exported, tmp_path, change), dataset)
    assert result.exit_code == 3
    assert words in result.stderr
    assert {p.name: p.read_bytes() for p in dataset.iterdir()} == before


def test_zip_bomb_refused(dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "MAX_UNPACKED", 1000)
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"<a/>" + b" " * 5000)
    result = run("excel", "nhap", path, dataset)
    assert result.exit_code == 3 and "khi giải nén lớn hơn" in result.stderr


@pytest.mark.parametrize(("content", "words"), [(b"PK\x03\x04 not really", "không phải tệp Excel .xlsx"),
                                                (b"\xd0\xcf\x11\xe0" + b"\0" * 60, "tệp Excel đời cũ (.xls)")])
def test_not_an_xlsx(dataset: Path, tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "muc-tieu.xlsx"
    path.write_bytes(content)
    result = run("excel", "nhap", path, dataset)
    assert result.exit_code == 3 and words in result.stderr


def test_export_refuses_to_overwrite(exported: Path) -> None:
    result = run("excel", "xuat", DATASET, "-o", exported)
    assert result.exit_code == 5


GROUPED = """\
# Một phòng, mục tiêu chia nhóm; một chỉ tiêu là khoảng.
nam: 2026
co_quan: Phòng Nội vụ quận
dia_danh: Bình Tân
nguoi_ky: {chuc_vu: Trưởng phòng, ho_ten: Nguyễn Văn A}
phu_luc:
  muc_tieu:
    - nhom: Giải quyết hồ sơ
      muc_tieu:
        - noi_dung: Hồ sơ trễ hạn từ 14% đến 15% tổng số  # khoảng
          chi_tieu: {tu: 14, den: 15}
        - noi_dung: Hồ sơ đúng hạn ≥98%
          chi_tieu: {so_sanh: ">=", gia_tri: 98, don_vi: "%"}
"""


def test_groups_and_ranges_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "phong"
    folder.mkdir()
    (folder / "phong-noi-vu.yaml").write_text(GROUPED, encoding="utf-8")
    book = tmp_path / "mt.xlsx"
    assert run("excel", "xuat", folder, "-o", book).exit_code == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["phong-noi-vu"]
    assert [ws[f"{c}5"].value for c in "ACDEF"] == ["1", "từ … đến", 14, 15, "%"]
    ws["E5"] = "15,5"
    wb.save(book)
    result = run("excel", "nhap", book, folder)
    assert result.exit_code == 0, result.output + result.stderr
    assert "phu_luc.muc_tieu[1].muc_tieu[1].chi_tieu.den = 15.5" in result.output
    text = (folder / "phong-noi-vu.yaml").read_text(encoding="utf-8")
    assert text == GROUPED.replace("{tu: 14, den: 15}", "{tu: 14, den: 15.5}")
