"""The Phụ lục 3 form ("MỤC TIÊU CHẤT LƯỢNG NĂM ...") from the decision's unit data, read back from the .docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATASET, ROOT, WARDS, run
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docx_text import blocks, find, open_docx, texts

EXAMPLE = ROOT / "data" / "so-noi-vu-vi-du" / "2019" / "so-noi-vu.yaml"
SENTENCE = ("Thông qua việc áp dụng, duy trì, cải tiến thường xuyên Hệ thống quản lý chất lượng, {} đảm bảo thực "
            "hiện các mục tiêu sau:")
DISTRICT = [
    "ỦY BAN NHÂN DÂN QUẬN BÌNH TÂN",
    "MỤC TIÊU CHẤT LƯỢNG NĂM 2019",
    SENTENCE.format("Ủy ban nhân dân quận Bình Tân"),
    "1. Hồ sơ được giải quyết hoàn tất đúng thời hạn ≥98%",
    "2. Tỷ lệ hồ sơ trả yêu cầu bổ sung không quá 10% tổng số hồ sơ tiếp nhận",
    "3. Tăng 10% hồ sơ thủ tục hành chính được xử lý trực tuyến mức độ 3 so với năm 2018; đạt từ 30% hồ sơ thủ "
    "tục hành chính được xử lý trực tuyến mức độ 4",
    "4. Có từ 10% trở lên số hồ sơ được tiếp nhận qua dịch vụ bưu chính, có từ 15% trở lên số hồ sơ được trả "
    "kết quả qua dịch vụ bưu chính",
    "5. Mức độ hài lòng của người dân ≥80%",
    "6. Tổ chức kiểm tra định kỳ và đột xuất tối thiểu 30% cơ quan chuyên môn, đơn vị sự nghiệp thuộc quận, "
    "Ủy ban nhân dân 10 phường",
    "7. Hoàn thành việc chuyển đổi Hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2008 "
    "sang tiêu chuẩn quốc gia TCVN ISO 9001:2015",
    "Bình Tân, ngày 27 tháng 02 năm 2019",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "(ký tên, đóng dấu)",
    "Lê Văn Thinh",
]


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("phu-luc-3")
    result = run("batch", DATASET, "-t", "phu-luc-3", "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert "chưa đo được" not in result.stderr
    return out


def _font(p, attr: str) -> set[object]:  # type: ignore[no-untyped-def]
    return {getattr(r.font, attr) for r in p.runs if r.text.strip()}


def test_batch_writes_eleven_forms(forms: Path) -> None:
    names = sorted(p.name for p in forms.glob("*.docx"))
    assert names == sorted(["quan-binh-tan.docx"] + [f"{w}.docx" for w in WARDS])


def test_district_form_reads_like_the_seed(forms: Path) -> None:
    assert texts(forms / "quan-binh-tan.docx") == DISTRICT


def test_no_tag_or_blank_paragraph_left_between_objectives(forms: Path) -> None:
    paragraphs = [p.text for p in blocks(open_docx(forms / "quan-binh-tan.docx"))]
    assert not [t for t in paragraphs if "{{" in t or "{%" in t]
    first, last = paragraphs.index(DISTRICT[3]), paragraphs.index(DISTRICT[9])
    assert paragraphs[first:last + 1] == DISTRICT[3:10]


def test_layout(forms: Path) -> None:
    path = forms / "quan-binh-tan.docx"
    section = open_docx(path).sections[0]
    assert round(section.page_width / Mm(1)) == 210 and round(section.left_margin / Mm(1)) == 30
    office = find(path, "ỦY BAN NHÂN DÂN")
    assert office.text == "ỦY BAN NHÂN DÂN\nQUẬN BÌNH TÂN" and _font(office, "bold") == {True}
    assert {s.pt for s in _font(office, "size")} == {13}
    title = find(path, "MỤC TIÊU CHẤT LƯỢNG NĂM")
    assert _font(title, "bold") == {True} and {s.pt for s in _font(title, "size")} == {14}
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    sentence = find(path, "Thông qua việc")
    assert sentence.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(sentence.paragraph_format.first_line_indent / Mm(1)) == 10
    assert _font(sentence, "bold") == {False} and _font(sentence, "italic") == {False}
    objective = find(path, "1. Hồ sơ")
    assert objective.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and objective.paragraph_format.space_after.pt >= 6
    date = find(path, "Bình Tân, ngày")
    assert _font(date, "italic") == {True} and date.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for line in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Thinh"):
        assert _font(find(path, line), "bold") == {True}, line
    seal = find(path, "(ký tên, đóng dấu)")
    assert _font(seal, "italic") == {True} and _font(seal, "bold") == {False}


@pytest.mark.parametrize("ward", ["phuong-an-lac", "phuong-binh-hung-hoa-b"])
def test_ward_form_names_itself_under_the_district(forms: Path, ward: str) -> None:
    name = WARDS[ward]
    got = texts(forms / f"{ward}.docx")
    governing = find(forms / f"{ward}.docx", "ỦY BAN NHÂN DÂN")
    assert governing.text == "ỦY BAN NHÂN DÂN\nQUẬN BÌNH TÂN" and _font(governing, "bold") == {False}
    assert got[1] == f"ỦY BAN NHÂN DÂN PHƯỜNG {name.upper()}"
    assert SENTENCE.format(f"Ủy ban nhân dân phường {name}") in got
    assert len([t for t in got if t[:2] in {f"{i}." for i in range(1, 10)}]) == 6
    # A draft: day and month left blank for the clerk, no signer's name yet.
    date = find(forms / f"{ward}.docx", f"{name}, ngày")
    assert date.text == f"{name}, ngày     tháng     năm 2019"
    assert got[-1] == "(ký tên, đóng dấu)" and "Lê Văn Thinh" not in got


def test_example_office_renders_alone(tmp_path: Path) -> None:
    out = tmp_path / "so-noi-vu.docx"
    result = run("render", EXAMPLE, "-t", "phu-luc-3", "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Cảnh báo" not in result.stderr
    got = texts(out)
    assert got[:3] == ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "SỞ NỘI VỤ TỈNH QUẢNG NAM", "MỤC TIÊU CHẤT LƯỢNG NĂM 2019"]
    assert got[4].startswith("1. Đảm bảo 95% thủ tục hành chính được xử lý nhanh hơn 10% thời gian quy định")
    assert got[-4:] == ["Quảng Nam, ngày 15 tháng 01 năm 2019", "GIÁM ĐỐC", "(ký tên, đóng dấu)", "Nguyễn Văn A"]


def test_head_title_defaults_and_vague_objective_is_warned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # without -o the document goes into the current folder, not the data's
    data = tmp_path / "phong-tu-phap.yaml"
    data.write_text("nam: 2020\nco_quan: Phòng Tư pháp huyện Thử\ndia_danh: Thử\nphu_luc:\n  muc_tieu:\n"
                    "    - noi_dung: Nâng cao chất lượng phục vụ\n", encoding="utf-8")
    result = run("render", data, "-t", "phu-luc-3")
    assert result.exit_code == 0, result.output + result.stderr
    assert "[phu_luc.muc_tieu[1]]" in result.stderr and "«Nâng cao chất lượng phục vụ» chưa đo được" in result.stderr
    assert not data.with_suffix(".docx").exists()
    got = texts(work / "phong-tu-phap.docx")
    assert got[0] == "PHÒNG TƯ PHÁP HUYỆN THỬ"
    assert got[-3:] == ["Thử, ngày     tháng     năm 2020", "THỦ TRƯỞNG CƠ QUAN", "(ký tên, đóng dấu)"]


def test_objective_without_text_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "x.yaml"
    data.write_text("nam: 2020\nco_quan: Phòng Tư pháp\ndia_danh: Thử\nphu_luc:\n  muc_tieu:\n"
                    "    - chi_tieu: {so_sanh: lon_hon, gia_tri: 5}\n", encoding="utf-8")
    result = run("render", data, "-t", "phu-luc-3")
    assert result.exit_code == 3
    assert "phu_luc.muc_tieu[1].noi_dung" in result.stderr and "phu_luc.muc_tieu[1].chi_tieu.so_sanh" in result.stderr
    assert not data.with_suffix(".docx").exists()


@pytest.mark.libreoffice
def test_district_form_is_one_page_in_libreoffice(forms: Path, tmp_path: Path) -> None:
    import subprocess

    from conftest import soffice

    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(forms / "quan-binh-tan.docx")],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "quan-binh-tan.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Pages:           1" in info
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    order = [text.index(s) for s in ("QUẬN BÌNH TÂN", "MỤC TIÊU CHẤT LƯỢNG NĂM 2019", "đảm bảo thực hiện",
                                     "7. Hoàn thành", "Bình Tân, ngày 27 tháng 02 năm 2019", "CHỦ TỊCH",
                                     "(ký tên, đóng dấu)", "Lê Văn Thinh")]
    assert order == sorted(order)
