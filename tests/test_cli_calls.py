"""Each command makes one library call, with the options given (as mkdocs' tests/cli_tests.py).

The public API function is replaced by a recorder: these tests check the wiring of click options to
arguments, not the work (the other test modules check that).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

import qdocgen
from qdocgen.batch import BatchOptions, Report
from qdocgen.cli import main
from qdocgen.pdf import PdfReport


class Recorder:
    """Stands for one API function: remembers each call, returns ``result``."""

    def __init__(self, result: Any) -> None:
        self.result = result
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((args, kwargs))
        return self.result


def patch(monkeypatch: pytest.MonkeyPatch, name: str, result: Any) -> Recorder:
    recorder = Recorder(result)
    monkeypatch.setattr(qdocgen, name, recorder)
    return recorder


def invoke(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output + result.stderr
    return result.output


def test_render(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "render_file", Report())
    invoke("render", "a.yaml", "-o", "b.docx", "-t", "phu-luc-3", "--set", "nam=2020", "--force", "--strict",
           "--templates-dir", "mau")
    assert call.calls == [((Path("a.yaml"), Path("b.docx"), "phu-luc-3", ("nam=2020",), True),
                           {"pdf": False, "strict": True, "templates_dirs": (Path("mau"),), "signature_fields": False})]


def test_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "render_batch", Report())
    invoke("batch", "ds", "-o", "out", "--only", "x", "--only", "y", "-j", "3", "--no-lint", "--resume", "-q",
           "--combine", "in.docx", "--zip", "all.zip", "--set", "a=1")
    [(args, kwargs)] = call.calls
    assert args == (Path("ds"), Path("out"), BatchOptions(only=("x", "y"), overrides=("a=1",), jobs=3, resume=True,
                                                          combine=Path("in.docx"), zip_path=Path("all.zip"),
                                                          lint=False, templates_dirs=()))
    assert kwargs == {}
    invoke("batch", "ds", "-o", "out", "-j", "1", "-q", "--pdf", "--trang")
    assert call.calls[-1][0][2] == BatchOptions(jobs=1, pdf=True, trang=True, templates_dirs=())


def test_batch_exit_status_comes_from_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    patch(monkeypatch, "render_batch", Report(failed={"x": "hỏng"}))
    invoke("batch", "ds", "-o", "out", "-q", code=qdocgen.ExitStatus.DATA)


def test_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "filter_examples", [("ngay", "filter", "Ví dụ: {{ d | ngay }} → \"ngày 05\"")])
    assert "ngay" in invoke("filters") and call.calls == [((), {})]


def test_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "convert_to_pdf", PdfReport())
    invoke("pdf", "a.docx", "-o", "p", "--force", "--o-ky", code=qdocgen.ExitStatus.PDF)  # nothing converted
    assert call.calls == [(((Path("a.docx"),), Path("p")), {"force": True, "signature_fields": True})]


def test_preview(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "make_preview", ([Path("a-1.png")], []))
    invoke("preview", "quyet-dinh-mtcl", "-o", "anh", "--dpi", "100")
    assert call.calls == [(("quyet-dinh-mtcl", Path("anh")), {"dpi": 100, "force": False})]


def test_new_year(monkeypatch: pytest.MonkeyPatch) -> None:
    result = SimpleNamespace(report_text=lambda **_: "", year=2020, target=Path("ds2020"), review_count=0,
                             report_path=Path("ds2020/_xem-lai.md"))
    call = patch(monkeypatch, "carry_forward", result)
    invoke("new-year", "ds", "--year", "2020", "-o", "ds2020", "--force")
    assert call.calls == [((Path("ds"), 2020, Path("ds2020"), True), {})]


def test_templates_and_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    listing = patch(monkeypatch, "list_templates", ["quyet-dinh-mtcl"])
    variables = patch(monkeypatch, "template_variables", ["co_quan"])
    invoke("templates", "--templates-dir", "mau")
    invoke("variables", "phu-luc-3")
    assert listing.calls == [(((Path("mau"),),), {})]
    assert variables.calls == [(("phu-luc-3", ()), {})]


def test_check_template(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "check_template", SimpleNamespace(lines=lambda: ["ổn"], exit_code=qdocgen.ExitStatus.OK))
    invoke("check-template", "phu-luc-3", "du-lieu")
    assert call.calls == [(("phu-luc-3", Path("du-lieu"), ()), {})]


def test_template_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "copy_template", [Path("mau.docx")])
    invoke("template", "copy", "phu-luc-3", "mau.docx", "--force")
    assert call.calls == [(("phu-luc-3", Path("mau.docx"), True, ()), {})]


def test_lint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"")
    report = SimpleNamespace(to_text=lambda: "ổn", to_json=lambda: "{}", exit_code=qdocgen.ExitStatus.OK)
    call = patch(monkeypatch, "lint_files", report)
    assert invoke("lint", str(doc), "--format", "json", "--ignore", "so-trang") == "{}\n"
    assert call.calls == [(((doc,), ("so-trang",)), {"trang": False})]
    invoke("lint", str(doc), "--trang")
    assert call.calls[-1] == (((doc,), ()), {"trang": True})


def test_excel(monkeypatch: pytest.MonkeyPatch) -> None:
    export = patch(monkeypatch, "export_excel", [])
    imported = patch(monkeypatch, "import_excel", SimpleNamespace(changes=[], files=[]))
    invoke("excel", "xuat", "ds", "-o", "muc-tieu.xlsx")
    invoke("excel", "nhap", "muc-tieu.xlsx", "ds")
    assert export.calls == [((Path("ds"), Path("muc-tieu.xlsx"), False), {})]
    assert imported.calls == [((Path("muc-tieu.xlsx"), Path("ds")), {})]


def test_bao_cao(monkeypatch: pytest.MonkeyPatch) -> None:
    run = SimpleNamespace(summary_lines=lambda: [], reports=[], rollup=[Path("tong-hop.docx")])
    call = patch(monkeypatch, "render_reports", run)
    invoke("bao-cao", "ds", "--ket-qua", "kq.xlsx", "--ky", "6-thang", "-o", "bc")
    assert call.calls == [((Path("ds"), Path("kq.xlsx"), Path("bc"), "6-thang", False, ()), {})]


def test_check_can_cu(monkeypatch: pytest.MonkeyPatch) -> None:
    call = patch(monkeypatch, "check_legal_bases", SimpleNamespace(lines=lambda: ["ổn"]))
    invoke("check-can-cu", "ds", "--so-can-cu", "so.yaml")
    assert call.calls == [((Path("ds"), Path("so.yaml")), {})]


def test_so_di(monkeypatch: pytest.MonkeyPatch) -> None:
    row = SimpleNamespace(nam=2026, don_vi="phuong-an-lac", so_ky_hieu="05/QĐ-UBND", date=dt.date(2026, 3, 5),
                          ten_loai_trich_yeu="Quyết định", nguoi_ky="A", cancelled=False)
    rows = patch(monkeypatch, "register_rows", [row])
    cancel = patch(monkeypatch, "cancel_number", row)
    backup = patch(monkeypatch, "backup_register", Path("sao.sqlite3"))
    mode = patch(monkeypatch, "numbering_mode", "co-quan")
    invoke("so-di", "danh-sach", "--nam", "2026", "--so", "so.sqlite3")
    invoke("so-di", "huy", "05", "--ly-do", "nhầm", "--so", "so.sqlite3")
    invoke("so-di", "sao-luu", "sao.sqlite3")
    invoke("so-di", "cach-danh-so")
    assert rows.calls == [((Path("so.sqlite3"), 2026, None), {})]
    assert cancel.calls == [(("05", "nhầm", Path("so.sqlite3"), None, None, ""), {})]
    assert backup.calls == [((Path("sao.sqlite3"), None, False), {})]
    assert mode.calls == [((None,), {})]
