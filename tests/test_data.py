"""Reading unit data: YAML errors with their line, hygiene wired in, unit ids that cannot escape, --strict."""

from __future__ import annotations

import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import DATASET, run
from docx_text import texts

from qdocgen.data.reader import read_unit
from qdocgen.data.values import render_data_templates
from qdocgen.errors import Problem


def _unit_dir(tmp_path: Path, body: str, name: str = "don-vi.yaml") -> Path:
    """A unit inheriting the real district decision, with ``body`` written after the ``ke_thua`` line."""
    for part in ("_chung.yaml", "quan-binh-tan.yaml"):
        shutil.copy(DATASET / part, tmp_path / part)
    path = tmp_path / name
    path.write_text("ke_thua: quan-binh-tan.yaml\n" + body, encoding="utf-8")
    return path


def _problems(path: Path) -> list[Problem]:
    problems: list[Problem] = []
    read_unit(path, [], problems)
    return problems


def test_yaml_syntax_error_names_its_line_and_where_the_block_began(tmp_path: Path) -> None:
    path = _unit_dir(tmp_path, "so: [784\nluu: VT\n")
    [problem] = _problems(path)
    assert problem.file.endswith("don-vi.yaml") and problem.line == 3
    assert "thiếu dấu «]»" in problem.message and "dòng 2" in problem.message


@pytest.mark.parametrize("body, line, words", [
    ("luu: VT\nluu: NV\n", 3, "khóa «luu» được ghi hai lần"),
    ("luu: VT\n\tso: 1\n", 3, "Tab"),
    ("luu: Lưu: VT\n", 2, "dấu «:» không đúng chỗ"),
    ('luu: "VT\n', 3, "ngoặc kép"),
])
def test_common_yaml_mistakes_in_vietnamese(tmp_path: Path, body: str, line: int, words: str) -> None:
    [problem] = _problems(_unit_dir(tmp_path, body))
    assert problem.line == line and words in problem.message, str(problem)


def test_a_list_where_the_file_should_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "don-vi.yaml"
    path.write_text("- so: 1\n- luu: VT\n", encoding="utf-8")
    [problem] = _problems(path)
    assert "phải là một bảng khóa" in problem.message and "danh sách" in problem.message


def test_alias_bomb_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = _unit_dir(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    [problem] = _problems(path)
    assert time.perf_counter() - start < 30  # a guard against hanging, not a speed measurement
    assert "bí danh YAML" in problem.message


@pytest.mark.parametrize("name", ["Phường An Lạc.yaml", "..yaml", "a..b.yaml", "-a.yaml", "A.yaml"])
def test_unit_id_that_is_not_a_safe_name_is_refused(tmp_path: Path, name: str) -> None:
    path = _unit_dir(tmp_path, "", name=name)
    [problem] = _problems(path)
    assert "không dùng được làm mã đơn vị" in problem.message
    if name == "Phường An Lạc.yaml":
        assert "đổi tên tệp thành «phuong-an-lac.yaml»" in problem.message


def test_path_escaping_only_id_is_refused_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("batch", DATASET, "-o", out, "--only", "../../quan-binh-tan")
    assert result.exit_code == 3 and "../../quan-binh-tan" in result.stderr
    assert not out.exists() and not list(tmp_path.rglob("*.docx"))


def test_control_character_in_value_is_a_problem_at_its_line(tmp_path: Path) -> None:
    path = _unit_dir(tmp_path, 'luu: VT\ntrich_yeu: "Về việc\\x07 ban hành"\n')
    [problem] = _problems(path)
    assert (problem.line, problem.key) == (3, "trich_yeu")
    assert "U+0007" in problem.message and "ký tự thứ 8" in problem.message


def test_word_strays_fixed_with_warning_and_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Tân")
    path = _unit_dir(tmp_path, f'luu: "VT\\vNV"\nnguoi_ky:\n  ho_ten: "{decomposed}\\u200b"\n')
    problems: list[Problem] = []
    unit = read_unit(path, [], problems)
    assert unit is not None and problems == []
    assert unit.data["luu"] == "VT\nNV" and unit.data["nguoi_ky"]["ho_ten"] == "Nguyễn Văn Tân"
    assert {(w.key, w.line) for w in unit.warnings} == {("luu", 2), ("nguoi_ky.ho_ten", 4)}


def test_mojibake_warned_with_key(tmp_path: Path) -> None:
    path = _unit_dir(tmp_path, "co_quan: Uûy ban nhaân daân quaän Bình Taân\n")
    problems: list[Problem] = []
    unit = read_unit(path, [], problems)
    assert unit is not None and problems == []
    [warning] = unit.warnings
    assert warning.key == "co_quan" and "VNI" in warning.message


def test_data_template_producing_a_control_character_is_refused(tmp_path: Path) -> None:
    path = _unit_dir(tmp_path, "luu: '{{ \"\\x01\" }}VT'\n")
    problems: list[Problem] = []
    unit = read_unit(path, [], problems)
    assert unit is not None and problems == []
    render_data_templates(unit, problems)
    [problem] = problems
    assert problem.key == "luu" and "U+0001" in problem.message


def test_data_template_type_error_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = _unit_dir(tmp_path, "luu: '{{ nam - \"x\" }}'\n")
    problems: list[Problem] = []
    unit = read_unit(path, [], problems)
    assert unit is not None
    render_data_templates(unit, problems)
    [problem] = problems
    assert problem.key == "luu" and "Jinja" in problem.message


def test_strict_turns_warnings_into_errors_and_writes_nothing(tmp_path: Path) -> None:
    path = _unit_dir(tmp_path, "ngay_ban_hnah: 2019-02-27\n")
    out = tmp_path / "qd.docx"
    lenient = run("render", path, "-o", out)
    assert lenient.exit_code == 0 and "Có phải «ngay_ban_hanh»?" in lenient.stderr
    assert any("784/QĐ-UBND" in t for t in texts(out))
    out.unlink()
    strict = run("render", path, "-o", out, "--strict")
    assert strict.exit_code == 3 and "ngay_ban_hnah" in strict.stderr and "don-vi.yaml:2" in strict.stderr
    assert not out.exists()
