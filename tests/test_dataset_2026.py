"""The 2026 example dataset (Thành phố Hồ Chí Minh, wards after the 2025 reorganisation) renders cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from docx_text import open_docx, texts

from qdocgen.batch import BatchOptions, render_batch

DATASET_2026 = ROOT / "data" / "tp-ho-chi-minh" / "2026"
WARDS_2026 = {"phuong-an-lac": "AN LẠC", "phuong-binh-tan": "BÌNH TÂN", "phuong-binh-tri-dong": "BÌNH TRỊ ĐÔNG",
              "phuong-binh-hung-hoa": "BÌNH HƯNG HÒA", "phuong-tan-tao": "TÂN TẠO"}


@pytest.fixture(scope="module", params=["quyet-dinh-mtcl", "phu-luc-3"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, object]:
    out = tmp_path_factory.mktemp(request.param)
    report = render_batch(DATASET_2026, out, BatchOptions(template=request.param))
    return request.param, out, report


def test_every_ward_is_written_without_a_layout_finding(rendered: tuple[str, Path, object]) -> None:
    _name, out, report = rendered
    assert sorted(p.stem for p in report.written) == sorted(WARDS_2026)  # type: ignore[attr-defined]
    assert report.failed == {}  # type: ignore[attr-defined]
    assert report.lint == {unit: [] for unit in WARDS_2026}  # type: ignore[attr-defined]


def test_the_header_has_no_governing_body_line(rendered: tuple[str, Path, object]) -> None:
    _name, out, _report = rendered
    for unit, ward in WARDS_2026.items():
        cell = open_docx(out / f"{unit}.docx").tables[0].cell(0, 0)
        lines = [line for p in cell.paragraphs for line in p.text.split("\n") if line.strip()]
        assert lines[:2] == ["ỦY BAN NHÂN DÂN", f"PHƯỜNG {ward}"], unit
        assert all(r.bold for p in cell.paragraphs[:1] for r in p.runs if r.text.strip()), unit


def test_current_place_terms_and_standard(rendered: tuple[str, Path, object]) -> None:
    name, out, _report = rendered
    got = texts(out / "phuong-binh-tri-dong.docx")
    assert any(t.startswith("Bình Trị Đông, ngày") and t.endswith("năm 2026") for t in got)
    joined = "\n".join(got)
    assert "toàn trình" in joined and "một phần" in joined and "mức độ 3" not in joined
    assert "quận" not in joined.lower()
    assert "9001:2015" in joined
    if name == "quyet-dinh-mtcl":
        assert "Trung tâm phục vụ hành chính công phường" in joined
        # «2008» only where a cited text's own title says it
        assert all(t.startswith("Căn cứ") for t in got if "9001:2008" in t)


def left_column_lines(pdf: Path) -> list[str]:
    """The first page's lines in the left half, top to bottom (pdftotext -bbox words grouped by their top)."""
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines: dict[int, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html):
        if float(m[3]) < 297:  # A4 is 595 pt wide: the header's left column
            lines.setdefault(round(float(m[2])), []).append((float(m[1]), m[4]))
    return [" ".join(w for _x, w in sorted(words)) for _y, words in sorted(lines.items())]


def test_the_pdf_header_is_the_committee_then_the_ward(tmp_path: Path) -> None:
    """On the printed page the left column starts «ỦY BAN NHÂN DÂN» / «PHƯỜNG TÂN TẠO»: no governing body above."""
    from conftest import soffice

    from qdocgen.pdf import convert

    soffice()
    render_batch(DATASET_2026, tmp_path, BatchOptions(only=("phuong-tan-tao",), lint=False))
    converted = convert([tmp_path / "phuong-tan-tao.docx"])
    lines = left_column_lines(next(iter(converted.converted.values())))
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN TẠO"], lines
    assert lines[2].startswith("Số:"), lines
