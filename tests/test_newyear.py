"""Carrying a dataset into the next year: ``qdocgen new-year`` on Bình Tân 2019, then rendering 2020."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATASET, WARDS, run
from docx_text import texts

from qdocgen.batch import render_batch
from qdocgen.errors import DataError, OutputError
from qdocgen.newyear import REPORT_NAME, NewYearResult, carry_forward

FIXED = "So với năm 2018, có từ 10% trở lên số hồ sơ"


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of Bình Tân 2019 where the district also writes one objective with a fixed year."""
    folder = tmp_path_factory.mktemp("binh-tan") / "2019"
    shutil.copytree(DATASET, folder)
    district = folder / "quan-binh-tan.yaml"
    text = district.read_text(encoding="utf-8")
    assert "Có từ 10% trở lên số hồ sơ" in text
    district.write_text(text.replace("Có từ 10% trở lên số hồ sơ", FIXED, 1), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def carried(old: Path) -> tuple[NewYearResult, dict[str, str], dict[str, str]]:
    before = _hashes(old)
    result = carry_forward(old, 2020)
    return result, before, _hashes(old)


@pytest.fixture(scope="module")
def rendered(carried: tuple[NewYearResult, dict[str, str], dict[str, str]],
             tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("drafts-2020")
    report = render_batch(carried[0].target, out)
    assert not report.failed and not report.skipped, report.failed
    return out


def test_new_dataset_sits_next_to_the_old_one_named_by_year(old: Path, carried: tuple) -> None:
    result = carried[0]
    assert result.target == old.parent / "2020"
    assert result.old_year == 2019 and result.year == 2020
    assert {p.name for p in result.target.iterdir()} == {p.name for p in old.iterdir()} | {REPORT_NAME}


def test_old_dataset_is_byte_for_byte_unchanged(carried: tuple) -> None:
    _result, before, after = carried
    assert before == after


def test_only_year_number_and_date_lines_change_and_comments_survive(old: Path, carried: tuple) -> None:
    new = carried[0].target
    changed: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(old.glob("*.yaml")):
        a = path.read_text(encoding="utf-8").splitlines()
        b = (new / path.name).read_text(encoding="utf-8").splitlines()
        assert len(a) == len(b), path.name
        pairs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        if pairs:
            changed[path.name] = pairs
        comments = [line for line in a if line.lstrip().startswith("#")]
        assert comments and all(c in b for c in comments), path.name
    assert changed == {
        "_chung.yaml": [("nam: 2019", "nam: 2020")],
        "quan-binh-tan.yaml": [("so: 784", 'so: ""'), ("ngay_ban_hanh: 27/02/2019", 'ngay_ban_hanh: ""')],
    }
    # files without anything to carry are copied as they are
    assert (new / "phuong-an-lac.yaml").read_bytes() == (old / "phuong-an-lac.yaml").read_bytes()


def test_every_unit_is_a_2020_draft_with_blank_number_and_date(rendered: Path) -> None:
    names = sorted(p.stem for p in rendered.glob("*.docx"))
    assert names == sorted(["quan-binh-tan", *WARDS])
    for name in names:
        got = texts(rendered / f"{name}.docx")
        assert "Số:      /QĐ-UBND" in got, name
        place = "Bình Tân" if name == "quan-binh-tan" else WARDS[name]
        assert f"{place}, ngày     tháng     năm 2020" in got, name
        assert any("tính đến cuối năm 2020" in t for t in got), name
        assert not any("784/QĐ-UBND ngày 27 tháng 02 năm 2019 của Ủy ban nhân dân quận Bình Tân)" in t
                       for t in got), name


def test_relative_year_references_read_the_year_before(rendered: Path) -> None:
    for name in ["quan-binh-tan", *WARDS]:
        got = texts(rendered / f"{name}.docx")
        assert any("mức độ 3 so với năm 2019;" in t for t in got), name
        assert not any("so với năm 2018;" in t for t in got), name


def test_a_fixed_year_stays_and_is_listed_for_review(rendered: Path, carried: tuple) -> None:
    result = carried[0]
    assert any(t.startswith(FIXED) for t in texts(rendered / "quan-binh-tan.docx"))
    fixed = [(f.file, f.key) for f in result.fixed_years]
    assert fixed == [("quan-binh-tan.yaml", "phu_luc.muc_tieu[4].noi_dung")]
    assert "năm 2018" in result.fixed_years[0].text and "{{ nam - 1 }}" in result.fixed_years[0].message
    assert result.relative >= 2  # at least the {{ nam - 1 }} objective in _phuong.yaml and quan-binh-tan.yaml


def test_last_years_decision_and_proposal_are_listed(carried: tuple) -> None:
    result = carried[0]
    refs = {(f.file, f.key): f.text for f in result.last_year_refs}
    assert refs == {
        ("_phuong.yaml", "can_cu[4]"): "Quyết định số 784/QĐ-UBND ngày 27/02/2019",
        ("quan-binh-tan.yaml", "de_nghi"): "Tờ trình số 349/TTr-NV ngày 18/02/2019",
    }
    bases = [(f.file, f.key) for f in result.legal_bases]
    assert ("quan-binh-tan.yaml", "can_cu[5]") in bases and ("_phuong.yaml", "can_cu[1]") in bases
    assert ("_phuong.yaml", "can_cu[4]") not in bases  # listed once, as last year's decision
    assert len(bases) == 8


def test_report_file_is_written_in_the_new_dataset(carried: tuple) -> None:
    result = carried[0]
    text = (result.target / REPORT_NAME).read_text(encoding="utf-8")
    assert text == result.report_text()
    assert "quan-binh-tan.yaml: để trống so (là 784), ngay_ban_hanh (là 27/02/2019)" in text
    assert "_chung.yaml: nam 2019 → 2020" in text
    assert "784/QĐ-UBND ngày 27/02/2019" in text and "So với năm 2018" in text


def _mini(folder: Path, objective: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "_chung.yaml").write_text("# chung\nnam: 2019\n", encoding="utf-8")
    (folder / "don-vi.yaml").write_text(f"ke_thua: _chung.yaml\nso: 5  # số cũ\nmuc_tieu:\n  - {objective}\n",
                                        encoding="utf-8")
    return folder


@pytest.mark.parametrize(("objective", "flagged"), [
    ("so với năm 2018", True),
    ("kết quả ngày 27/02/2019", True),
    ("theo TCVN ISO 9001:2008", False),
    ("theo Quyết định 19/2014/QĐ-TTg", False),
    ("so với năm {{ nam - 1 }}", False),
    ("như năm 2005", False),  # older than ten years: history, not a target
    ("đến năm 2025", False),
])
def test_which_years_are_fixed_past_years(tmp_path: Path, objective: str, flagged: bool) -> None:
    result = carry_forward(_mini(tmp_path / "2019", f'"{objective}"'), 2020)
    assert bool(result.fixed_years) is flagged, result.fixed_years
    new = (result.target / "don-vi.yaml").read_text(encoding="utf-8")
    assert re.search(r'^so: "" +# số cũ$', new, re.M), new


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    old = tmp_path / "2019"
    old.mkdir()
    (old / "don-vi.yaml").write_bytes(b"\xef\xbb\xbf# ghi ch\xc3\xba\r\nnam: 2019\r\nso: 7\r\n")
    result = carry_forward(old, 2020)
    assert (result.target / "don-vi.yaml").read_bytes() == b'\xef\xbb\xbf# ghi ch\xc3\xba\r\nnam: 2020\r\nso: ""\r\n'


def test_existing_target_is_refused_without_force(tmp_path: Path) -> None:
    old = _mini(tmp_path / "2019", "a")
    (tmp_path / "2020").mkdir()
    (tmp_path / "2020" / "cu.yaml").write_text("nam: 2020\n", encoding="utf-8")
    with pytest.raises(OutputError, match="--force"):
        carry_forward(old, 2020)
    assert (tmp_path / "2020" / "cu.yaml").exists()
    carry_forward(old, 2020, force=True)
    assert {p.name for p in (tmp_path / "2020").iterdir()} == {REPORT_NAME, "_chung.yaml", "don-vi.yaml"}


def test_bad_year_and_overlapping_target_are_refused(tmp_path: Path) -> None:
    old = _mini(tmp_path / "2019", "a")
    with pytest.raises(DataError, match="phải sau năm"):
        carry_forward(old, 2019)
    with pytest.raises(OutputError, match="không được trùng"):
        carry_forward(old, 2020, old / "con", force=True)
    with pytest.raises(OutputError, match="không được trùng"):
        carry_forward(old, 2020, tmp_path, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2019"]


def test_cli_new_year(tmp_path: Path) -> None:
    old = _mini(tmp_path / "2019", "so với năm 2018")
    out = tmp_path / "moi"
    result = run("new-year", old, "--year", "2020", "-o", out)
    assert result.exit_code == 0, result.output
    assert "## 1. Giá trị ghi cứng một năm đã qua" in result.output
    assert f"Đã ghi bộ dữ liệu năm 2020 vào {out}" in result.output
    assert (out / REPORT_NAME).is_file()
    again = run("new-year", old, "--year", "2020", "-o", out)
    assert again.exit_code == 5 and "--force" in again.stderr
    assert run("new-year", old, "--year", "2019", "-o", tmp_path / "x").exit_code == 3


@pytest.mark.parametrize(("entry", "last_year"), [
    ("{van_ban: Quyết định, so: 12/2019/QĐ-UBND}", True),
    ("{van_ban: Quyết định, so: 5/QĐ-UBND, ngay: 03/01/2019}", True),
    ('{van_ban: Kế hoạch, trich_yeu: \'thi hành {{ trich_dan("Quyết định", ngay="2019-02-27") }}\'}', True),
    ("{van_ban: Quyết định, so: 2019/QĐ-UBND, ngay: 2018-05-04}", False),
    ("{van_ban: Luật tổ chức chính quyền địa phương, ngay: 2015-06-19}", False),
])
def test_which_legal_bases_cite_last_year(tmp_path: Path, entry: str, last_year: bool) -> None:
    old = tmp_path / "2019"
    old.mkdir()
    (old / "don-vi.yaml").write_text(f"nam: 2019\ncan_cu:\n  - {entry}\n", encoding="utf-8")
    result = carry_forward(old, 2020)
    assert (len(result.last_year_refs), len(result.legal_bases)) == ((1, 0) if last_year else (0, 1))
    assert (result.last_year_refs or result.legal_bases)[0].key == "can_cu[1]"
