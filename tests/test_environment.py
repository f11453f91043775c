"""The Jinja environment: every filter's promised example, rendered from a real .docx template."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run
from docx import Document
from docx_text import texts

from qdocgen.template.compiled import CompiledTemplate
from qdocgen.vnformat import examples


def _split(example: str) -> tuple[str, str]:
    body = example.removeprefix("Ví dụ:").strip()
    expr, _, shown = body.rpartition(" → ")
    return expr, json.loads(shown)


def test_every_filter_example_renders_from_a_docx_template(tmp_path: Path) -> None:
    doc = Document()
    cases = [_split(line) for _name, _kind, line in examples()]
    for expr, _ in cases:
        doc.add_paragraph(expr)
    path = tmp_path / "filters.docx"
    doc.save(str(path))
    out = tmp_path / "out.docx"
    out.write_bytes(CompiledTemplate.load(path).render({}))
    rendered = [p.text for p in Document(str(out)).paragraphs]
    assert rendered == [want for _, want in cases]


def test_filters_command_lists_every_filter() -> None:
    result = run("filters")
    assert result.exit_code == 0
    for name, _kind, _line in examples():
        assert any(line.startswith(name + " ") for line in result.output.splitlines()), name
    assert "Bình Tân, ngày 27 tháng 02 năm 2019" in result.output


def test_escaping_is_always_on_and_dates_print_officially(tmp_path: Path) -> None:
    import datetime as dt

    doc = Document()
    doc.add_paragraph("{{ a }}|{{ d }}|{{ n }}")
    path = tmp_path / "t.docx"
    doc.save(str(path))
    out = tmp_path / "o.docx"
    out.write_bytes(CompiledTemplate.load(path).render({"a": "<b>&amp;</b>", "d": dt.date(2019, 3, 4), "n": None}))
    assert texts(out) == ["<b>&amp;</b>|ngày 04 tháng 3 năm 2019|"]

