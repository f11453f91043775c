"""check-template: templates built by code with each kind of defect, all reported in one run with their place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATASET, run
from docx import Document
from docx_text import texts

from qdocgen.template.checks import ERROR, MENDED, WARNING, check_template, template_variables


def build(path: Path, body: list[list[str]], header: str = "", cell: str = "") -> Path:
    """A .docx whose body paragraphs are given as their runs; optional header text and one table cell."""
    doc = Document()
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    for runs in body:
        p = doc.add_paragraph()
        for text in runs:
            p.add_run(text)
    if cell:
        doc.add_table(rows=1, cols=1).cell(0, 0).text = cell
    doc.save(str(path))
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def defective(tmp_path: Path) -> Path:
    return build(tmp_path / "hong.docx", [
        ["Quyết định năm {{ nam }}"],
        ["{%p for cc in can_cu %}"],                      # never closed
        ["Căn cứ {{ cc | trich_dan }};"],
        ["Cơ quan: {{ co_", "quan | chu", "_hoa }}"],     # one tag over three runs
        ["Nơi ký: {{ dia_danh or “Bình Tân” }}"],         # smart quotes inside the tag
        ["Số: {{ so | khong_co_loc }}"],                  # unknown filter
        ["Người ký: {{ nguoi_ky.ho_ten }}"],              # absent from the data below
    ], header="Trang đầu {{ ky_hieu }}", cell="Tổng: {{ nam + }}")


def test_every_defect_reported_with_its_place_in_one_run(defective: Path, tmp_path: Path) -> None:
    data = write(tmp_path / "don-vi.yaml", "nam: 2019\nco_quan: UBND\ndia_danh: Bình Tân\nso: 1\n"
                                           "ky_hieu: QĐ-UBND\ncan_cu: []\nthua: 1\n")
    report = check_template(defective, data)
    found = [str(f) for f in report.findings]
    joined = "\n".join(found)

    def one(level: str, *words: str) -> str:
        hits = [f for f in found if f.startswith(f"[{level}]") and all(w in f for w in words)]
        assert len(hits) == 1, f"{level} {words} not found once in:\n{joined}"
        return hits[0]

    one(ERROR, "thân văn bản, đoạn 2 «{%p for cc in can_cu %}»", "chưa đóng", "{%p endfor %}")
    one(MENDED, "đoạn 4 «Cơ quan: {{ co_quan | chu_hoa }}»", "tách qua 3 đoạn chữ")
    one(MENDED, "đoạn 5 «Nơi ký:", "ngoặc kép cong")
    one(ERROR, "đoạn 6 «Số: {{ so | khong_co_loc }}»", "bộ lọc «khong_co_loc» không có")
    one(ERROR, "ô bảng «Tổng: {{ nam + }}»", "cú pháp sai")
    one(ERROR, "don-vi.yaml", "thiếu «nguoi_ky.ho_ten»", "thân văn bản, đoạn 7 «Người ký:")
    one(WARNING, "don-vi.yaml", "«thua»", "không dùng")
    assert report.exit_code == 4
    # the header's tag is read too: its variable is known, so the data's ky_hieu is not "unused"
    assert "ky_hieu" not in joined
    assert report.usages[("ky_hieu",)].places == {"đầu trang 1": "đoạn 1 «Trang đầu {{ ky_hieu }}»"}


def test_cli_lists_all_and_exits_non_zero(defective: Path) -> None:
    result = run("check-template", defective)
    assert result.exit_code == 4
    assert result.output.count("[lỗi]") == 3
    assert "Tổng: 3 lỗi, 0 cảnh báo, 2 chỗ tự sửa khi điền." in result.output


def test_stray_and_crossed_blocks(tmp_path: Path) -> None:
    path = build(tmp_path / "khoi.docx", [
        ["{%p if a %}"], ["{%p for x in xs %}"], ["{{ x }}"], ["{%p endif %}"], ["{%p endfor %}"],
        ["{% else %}"], ["{{ y }}{% endif %}"],
    ])
    found = [str(f) for f in check_template(path).findings]
    assert any("đoạn 2 «{%p for x in xs %}»" in f and "chưa đóng trước «{% endif %}»" in f for f in found), found
    assert any("đoạn 5" in f and "«{% endfor %}» không có «{% for ... %}»" in f for f in found), found
    assert any("đoạn 6" in f and "nằm ngoài khối" in f for f in found), found
    assert any("đoạn 7" in f and "«{% endif %}» không có" in f for f in found), found


def test_unclosed_braces_and_text_lost_beside_paragraph_tag(tmp_path: Path) -> None:
    path = build(tmp_path / "ngoac.docx", [["Số {{ so"], ["Ghi chú {%p if a %}"], ["{%p endif %}"]])
    found = [str(f) for f in check_template(path).findings]
    assert any("đoạn 1 «Số {{ so»" in f and "không có dấu đóng" in f for f in found), found
    assert any(f.startswith("[cảnh báo]") and "đoạn 2" in f and "bị bỏ cả đoạn" in f for f in found), found


def test_mended_tags_are_filled_at_render(defective: Path, tmp_path: Path) -> None:
    ok = build(tmp_path / "sua.docx", [["Cơ quan: {{ co_", "quan | chu", "_hoa }}"],
                                       ["Nơi ký: {{ dia_danh or “Bình Tân” }}"]])
    report = check_template(ok)
    assert report.exit_code == 0 and report.count(MENDED) == 2
    data = write(tmp_path / "d.yaml", "co_quan: ủy ban nhân dân quận\ndia_danh: ''\n")
    out = tmp_path / "out.docx"
    result = run("render", data, "-t", ok, "-o", out)
    assert result.exit_code == 0, result.output
    assert texts(out) == ["Cơ quan: ỦY BAN NHÂN DÂN QUẬN", "Nơi ký: Bình Tân"]


def test_built_in_decision_and_real_data_are_clean() -> None:
    report = check_template("quyet-dinh-mtcl", DATASET)
    assert report.findings == []
    assert report.exit_code == 0


def test_declared_inputs_compared_with_the_docx(tmp_path: Path) -> None:
    path = build(tmp_path / "khai-bao.docx", [["{{ nam }} {{ nguoi_ky.ho_ten }} {{ la }}"]])
    write(tmp_path / "khai-bao.yaml", "mo_ta: thử\ndau_vao:\n  type: object\n  properties:\n"
                                      "    nam: {type: integer}\n    nguoi_ky:\n      type: object\n"
                                      "      properties:\n        ho_ten: {type: string}\n"
                                      "    thua: {type: string}\n")
    found = [str(f) for f in check_template(path).findings]
    assert found == [
        "[cảnh báo] khai-bao.yaml [dau_vao]: mẫu dùng «la» (thân văn bản, đoạn 1 «{{ nam }} {{ nguoi_ky.ho_ten }} "
        "{{ la }}») nhưng mô tả đầu vào không khai báo; thêm khóa đó vào dau_vao để dữ liệu được kiểm tra "
        "trước khi điền.",
        "[cảnh báo] khai-bao.yaml [dau_vao.thua]: được khai báo nhưng mẫu .docx không dùng; bỏ khai báo, "
        "hoặc thêm thẻ vào mẫu.",
    ]


def test_variables_as_paths_with_loops() -> None:
    lines = template_variables("quyet-dinh-mtcl")
    assert "  can_cu  (vòng lặp: can_cu → cc)  — thân văn bản" in lines
    assert "  phu_luc  — thân văn bản" in lines and "  dieu  — thân văn bản" in lines  # via the content model
    assert "  nguoi_ky.ho_ten  — thân văn bản" in lines
    assert not any(line.strip().startswith(("loop", "cc", "pl", "nb", "trich_dan")) for line in lines)


def test_variables_in_header_and_footer(tmp_path: Path) -> None:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "{{ co_quan.ten }}"
    doc.sections[0].footer.paragraphs[0].text = "{% for x in ds %}{{ x.ten }}{% endfor %}"
    doc.add_paragraph("Thân")
    doc.save(str(tmp_path / "dc.docx"))
    result = run("variables", tmp_path / "dc.docx")
    assert result.exit_code == 0
    assert "  co_quan.ten  — đầu trang 1\n" in result.output
    assert "  ds  (vòng lặp: ds → x)  — chân trang 1\n" in result.output
    assert "  ds[].ten  — chân trang" in result.output


@pytest.mark.parametrize("tag", ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}"])
def test_template_escape_refused(tag: str, tmp_path: Path) -> None:
    path = build(tmp_path / "thoat.docx", [[f"Thử {tag}"]])
    found = [str(f) for f in check_template(path).findings]
    assert any("không được phép" in f for f in found), found
    data = write(tmp_path / "d.yaml", "nam: 2019\n")
    out = tmp_path / "thoat-ra.docx"
    result = run("render", data, "-t", path, "-o", out)
    assert result.exit_code == 4
    assert "mẫu làm một việc không được phép" in result.stderr
    assert not out.exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_data_shared_with_another_template_is_not_reported_unused(tmp_path: Path) -> None:
    """The form prints few of the decision's keys; keys marked x-du-lieu-chung are expected, a typo is not."""
    report = check_template("phu-luc-3", DATASET)
    assert report.findings == []
    shutil.copytree(DATASET, tmp_path, dirs_exist_ok=True)  # ke_thua reaches only inside the dataset
    unit = tmp_path / "phuong-x.yaml"
    unit.write_text("ke_thua: _phuong.yaml\nten_phuong: X\nnguoi_ky: {ho_ten: A}\n"
                    "ten_phuogn: X\n", encoding="utf-8")
    report = check_template("phu-luc-3", unit)
    assert [f.message for f in report.findings if "ten_phuogn" in f.message]
    assert not [f for f in report.findings if "«can_cu»" in f.message or "«dieu»" in f.message]
