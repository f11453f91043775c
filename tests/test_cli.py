"""The command-line contract of render and batch: options, overrides, errors, overwrite protection."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATASET, run
from docx_text import find, texts


def _copy_dataset(tmp_path: Path) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(DATASET, target)
    return target


def test_render_single_file(tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    result = run("render", DATASET / "quan-binh-tan.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert find(out, "Số:").text == "Số: 784/QĐ-UBND"


def test_only_limits_units_and_unknown_id_lists_known(tmp_path: Path) -> None:
    result = run("batch", DATASET, "-o", tmp_path, "--only", "phuong-an-lac", "--only", "phuong-tan-tao")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["phuong-an-lac.docx", "phuong-tan-tao.docx"]
    bad = run("batch", DATASET, "-o", tmp_path / "x", "--only", "phuong-khong-co")
    assert bad.exit_code == 3
    assert "phuong-khong-co" in bad.stderr and "phuong-an-lac-a" in bad.stderr and "quan-binh-tan" in bad.stderr
    assert not (tmp_path / "x").exists()


def test_set_overrides_nested_keys_and_numbers(tmp_path: Path) -> None:
    out = tmp_path / "w.docx"
    result = run("render", DATASET / "phuong-an-lac.yaml", "-o", out, "--set", "nguoi_ky.ho_ten=Nguyễn Văn A",
                 "--set", "so=5", "--set", "ngay_ban_hanh=2019-03-04")
    assert result.exit_code == 0, result.stderr
    got = texts(out)
    assert "Nguyễn Văn A" in got
    assert "Số: 05/QĐ-UBND" in got
    assert "An Lạc, ngày 04 tháng 3 năm 2019" in got
    assert "chưa có họ tên người ký" not in result.stderr


def test_missing_signer_is_warned_for_every_ward(tmp_path: Path) -> None:
    result = run("batch", DATASET, "-o", tmp_path)
    assert result.exit_code == 0
    warning = [line for line in result.stderr.splitlines() if "nguoi_ky.ho_ten" in line]
    assert len(warning) == 1 and "10 đơn vị" in warning[0]
    assert "phuong-tan-tao-a" in warning[0] and "quan-binh-tan" not in warning[0]


def test_special_characters_appear_as_themselves(tmp_path: Path) -> None:
    out = tmp_path / "s.docx"
    value = 'Công ty A & B <Bình Tân> "số 1" \'x\''
    result = run("render", DATASET / "quan-binh-tan.yaml", "-o", out, "--set", f"trich_yeu={value}",
                 "--set", "luu=VT & NV")
    assert result.exit_code == 0, result.stderr
    got = texts(out)
    assert value in got
    assert "- Lưu: VT & NV." in got


def test_newline_in_data_is_a_line_break(tmp_path: Path) -> None:
    shutil.copytree(DATASET, tmp_path, dirs_exist_ok=True)  # ke_thua reaches only inside the dataset
    data = tmp_path / "d.yaml"
    data.write_text("ke_thua: quan-binh-tan.yaml\nluu: |-\n  VT\n  NV (T)\n", encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", data, "-o", out).exit_code == 0
    assert find(out, "- Lưu:").text == "- Lưu: VT\nNV (T)."


def test_impossible_date_names_file_and_key_and_writes_nothing(tmp_path: Path) -> None:
    ds = _copy_dataset(tmp_path)
    unit = ds / "quan-binh-tan.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("27/02/2019", "29/02/2019"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", ds, "-o", out, "--only", "quan-binh-tan")
    assert result.exit_code == 3
    assert "quan-binh-tan.yaml:6" in result.stderr and "ngay_ban_hanh" in result.stderr
    assert "29/02/2019" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_one_bad_unit_fails_alone(tmp_path: Path) -> None:
    ds = _copy_dataset(tmp_path)
    (ds / "phuong-an-lac.yaml").write_text("ke_thua: _phuong.yaml\nten_phuong: An Lạc\nnam: hai nghìn\n",
                                           encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", ds, "-o", out)
    assert result.exit_code == 3
    assert "phuong-an-lac" in result.stderr and "[nam]" in result.stderr
    assert not (out / "phuong-an-lac.docx").exists()
    assert (out / "phuong-an-lac-a.docx").exists() and (out / "quan-binh-tan.docx").exists()


def test_all_problems_reported_in_one_pass(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("so: 1\nky_hieu: QĐ-UBND\nngay_ban_hanh: 31/04/2019\nnam: 2019\ndia_danh: X\n",
                    encoding="utf-8")
    result = run("render", data, "-o", tmp_path / "d.docx")
    assert result.exit_code == 3
    for key in ("ngay_ban_hanh", "co_quan", "can_cu", "dieu", "nguoi_ky"):  # phu_luc: none is allowed
        assert f"[{key}]" in result.stderr, key
    assert not (tmp_path / "d.docx").exists()


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    out.write_bytes(b"keep me")
    result = run("render", DATASET / "quan-binh-tan.yaml", "-o", out)
    assert result.exit_code == 5
    assert "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert run("render", DATASET / "quan-binh-tan.yaml", "-o", out, "--force").exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_batch_skips_existing_files_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "phuong-an-lac.docx").write_bytes(b"keep me")
    result = run("batch", DATASET, "-o", tmp_path)
    assert result.exit_code == 5
    assert "phuong-an-lac.docx" in result.stderr and "--force" in result.stderr
    assert (tmp_path / "phuong-an-lac.docx").read_bytes() == b"keep me"
    assert (tmp_path / "phuong-an-lac-a.docx").exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_batch_lints_its_outputs_unless_told_not_to(tmp_path: Path) -> None:
    linted = run("batch", DATASET, "-o", tmp_path / "a", "--only", "quan-binh-tan", "--jobs", "1")
    assert linted.exit_code == 0 and "0 điểm sai thể thức" in linted.output
    fast = run("batch", DATASET, "-o", tmp_path / "b", "--only", "quan-binh-tan", "--jobs", "1", "--no-lint")
    assert fast.exit_code == 0 and "thể thức" not in fast.output
    assert (tmp_path / "b" / "quan-binh-tan.docx").read_bytes() == (tmp_path / "a" / "quan-binh-tan.docx").read_bytes()


def test_command_line_mistakes_are_explained_in_vietnamese(tmp_path: Path) -> None:
    assert "Cách dùng:" in run("--help").output and "Xem hướng dẫn này rồi thoát." in run("--help").output
    missing = run("batch", DATASET)
    assert missing.exit_code == 2 and "Lỗi: Thiếu tùy chọn '-o' / '--output-dir'." in missing.stderr
    unknown = run("render", "--khong-co")
    assert unknown.exit_code == 2 and "Không có tùy chọn «--khong-co»." in unknown.stderr
