"""The batch's layout check reads the parts it has just rendered and finds what a check of the file finds."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import DATASET

from qdocgen import dating
from qdocgen.batch import BatchOptions, render_batch
from qdocgen.template.registry import find_template


def _off_layout_template(folder: Path) -> Path:
    """The shipped decision template with every size 11 pt and Arial: many findings in every document."""
    info = find_template(None)
    target = folder / info.path.name
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            raw = src.read(item.filename)
            if item.filename in ("word/document.xml", "word/styles.xml"):
                raw = re.sub(rb'<w:sz w:val="\d+"/>', b'<w:sz w:val="22"/>', raw).replace(b"Times New Roman", b"Arial")
            dst.writestr(item, raw)
    spec = info.path.with_suffix(".yaml").read_text(encoding="utf-8")
    target.with_suffix(".yaml").write_text("".join(line for line in spec.splitlines(keepends=True)
                                                   if not line.startswith("du_lieu_mau:")), encoding="utf-8")
    return target


def test_layout_check_in_memory_finds_what_the_file_check_finds(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    template = _off_layout_template(tmp_path)
    file_check = dating.lint_docx

    def not_read_back(path: Path, ignore: object = ()) -> list[object]:
        raise AssertionError(f"{path} was read back for its layout check")

    monkeypatch.setattr(dating, "lint_docx", not_read_back)
    only = ("quan-binh-tan", "phuong-an-lac", "phuong-tan-tao-a")
    report = render_batch(DATASET, tmp_path / "out", BatchOptions(template=template, only=only))
    monkeypatch.setattr(dating, "lint_docx", file_check)
    assert sorted(report.lint) == sorted(only) and not report.failed
    for path in report.written:
        found = report.lint[path.stem]
        assert len(found) >= 10 and {"phong-chu", "quoc-hieu"} <= {f.rule for f in found}
        assert found == dating.lint_docx(path)
