"""Finding templates: built-ins, the user's folders (--templates-dir, QDOCGEN_TEMPLATES), overriding, copying."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATASET, ROOT, run
from docx import Document

from qdocgen.errors import TemplateError
from qdocgen.template.registry import find_template, list_templates

BUILTIN = ROOT / "templates" / "quyet-dinh-mtcl.docx"


def user_template(folder: Path, name: str, description: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph("Mẫu riêng {{ nam }}")
    doc.save(str(folder / f"{name}.docx"))
    (folder / f"{name}.yaml").write_text(f"mo_ta: {description}\n", encoding="utf-8")
    return folder / f"{name}.docx"


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QDOCGEN_TEMPLATES", raising=False)


def test_builtin_listed_with_description_and_file() -> None:
    result = run("templates")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    i = lines.index("quyet-dinh-mtcl: Quyết định ban hành Mục tiêu chất lượng (ISO 9001), "
                    "kèm các phụ lục (bảng mục tiêu, kế hoạch) hoặc không")
    assert lines[i + 1] == f"    tệp: {BUILTIN} (có sẵn)"


def test_user_template_overrides_builtin(tmp_path: Path) -> None:
    mine = user_template(tmp_path / "mau", "quyet-dinh-mtcl", "Quyết định theo mẫu của phường")
    user_template(tmp_path / "mau", "cong-van", "Công văn")
    result = run("templates", "--templates-dir", tmp_path / "mau")
    assert result.exit_code == 0, result.output
    assert "quyet-dinh-mtcl: Quyết định theo mẫu của phường" in result.output
    assert f"tệp: {mine} (của người dùng, thay cho mẫu có sẵn cùng tên ({BUILTIN}))" in result.output
    assert f"cong-van: Công văn\n    tệp: {tmp_path / 'mau' / 'cong-van.docx'} (của người dùng)" in result.output
    assert find_template("quyet-dinh-mtcl", [tmp_path / "mau"]).path == mine
    assert find_template("quyet-dinh-mtcl").path == BUILTIN


def test_environment_variable_and_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = user_template(tmp_path / "a", "cong-van", "Công văn A")
    user_template(tmp_path / "b", "cong-van", "Công văn B")
    env_only = user_template(tmp_path / "b", "to-trinh", "Tờ trình")
    monkeypatch.setenv("QDOCGEN_TEMPLATES", f"{tmp_path / 'b'}")
    assert find_template("to-trinh").path == env_only
    # --templates-dir comes before the environment variable
    assert find_template("cong-van", [tmp_path / "a"]).path == first
    names = {t.info.name: t for t in list_templates([tmp_path / "a"])}
    assert names["cong-van"].info.description == "Công văn A"
    assert {"cong-van", "to-trinh", "quyet-dinh-mtcl"} <= set(names)
    # a render chooses a user template by name through the environment variable alone
    data = tmp_path / "d.yaml"
    data.write_text("nam: 2020\n", encoding="utf-8")
    result = run("render", data, "-t", "to-trinh", "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output
    assert Document(str(tmp_path / "out.docx")).paragraphs[0].text == "Mẫu riêng 2020"


def test_missing_folder_and_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="Thư mục mẫu «.*khong-co» không có"):
        find_template("x", [tmp_path / "khong-co"])
    result = run("check-template", "khong-co-mau")
    assert result.exit_code == 4
    assert "Không có mẫu «khong-co-mau». Các mẫu có: " in result.stderr


def test_copy_builtin_then_check_it(tmp_path: Path) -> None:
    dest = tmp_path / "cua-toi.docx"
    result = run("template", "copy", "quyet-dinh-mtcl", dest)
    assert result.exit_code == 0, result.output
    assert dest.read_bytes() == BUILTIN.read_bytes()
    spec = (tmp_path / "cua-toi.yaml").read_text(encoding="utf-8")
    assert f"du_lieu_mau: {ROOT / 'data' / 'binh-tan' / '2019' / 'quan-binh-tan.yaml'}" in spec
    assert find_template(str(dest)).schema == find_template("quyet-dinh-mtcl").schema
    again = run("template", "copy", "quyet-dinh-mtcl", dest)
    assert again.exit_code == 5 and "tệp đã có" in again.stderr
    checked = run("check-template", dest, DATASET)
    assert checked.exit_code == 0, checked.output
    assert "Tổng: 0 lỗi, 0 cảnh báo" in checked.output


def test_render_and_batch_use_a_user_template_dir(tmp_path: Path) -> None:
    """--templates-dir on render/batch: a user copy with a built-in's name is the one filled."""
    from conftest import DATASET, run
    from docx import Document
    from docx_text import texts

    mine = tmp_path / "mau"
    assert run("template", "copy", "quyet-dinh-mtcl", mine / "quyet-dinh-mtcl.docx").exit_code == 0
    doc = Document(str(mine / "quyet-dinh-mtcl.docx"))
    doc.add_paragraph("BẢN MẪU RIÊNG CỦA PHƯỜNG")
    doc.save(str(mine / "quyet-dinh-mtcl.docx"))
    out = tmp_path / "qd.docx"
    result = run("render", DATASET / "phuong-an-lac.yaml", "-o", out, "--templates-dir", mine)
    assert result.exit_code == 0, result.stderr
    assert texts(out)[-1] == "BẢN MẪU RIÊNG CỦA PHƯỜNG"
    result = run("batch", DATASET, "-o", tmp_path / "lo", "--only", "phuong-an-lac", "--templates-dir", mine,
                 "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert texts(tmp_path / "lo" / "phuong-an-lac.docx")[-1] == "BẢN MẪU RIÊNG CỦA PHƯỜNG"
