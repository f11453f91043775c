"""The rules of the page as printed (``lint --trang``): the page model, each rule on LibreOffice's PDF of the
shipped district decision (right) and of one broken variant per rule, and on made-up pages for the edges.

LibreOffice runs once for the module (the decision and its four variants in one start); the edge cases use
page models built by hand, so they need no LibreOffice.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import soffice
from printed_variants import VARIANTS, write_variant

from qdocgen.lint import lint_pages
from qdocgen.lint.document import open_document
from qdocgen.lint.printed import RULES, Printed, check_page_numbers, check_printed
from qdocgen.printed.pages import Line, Page, PrintedDocument, Word
from qdocgen.printed.reader import parse_bbox_layout, read_pdf

A4 = (595.3, 841.9)


def line(text: str, x0: float, y0: float, size: float = 14.0) -> Line:
    """A line of words set one after another from ``x0``, ``size`` points tall."""
    words, x = [], x0
    for word in text.split():
        width = len(word) * size * 0.5
        words.append(Word(word, x, y0, x + width, y0 + size))
        x += width + size * 0.25
    return Line(tuple(words), x0, y0, x, y0 + size)


def page(number: int, *lines: Line) -> Page:
    """An A4 page with these lines."""
    return Page(number, *A4, tuple(sorted(lines, key=lambda item: (item.y0, item.x0))))


def body(number: int, first: str = "Nội dung văn bản") -> list[Line]:
    """A few lines of text from the top margin down."""
    return [line(f"{first} {i}", 85.0, 57.0 + 16 * i) for i in range(3)]


# --- the page model ------------------------------------------------------------------------------------------


def test_the_page_number_is_the_line_of_digits_alone_in_the_margin() -> None:
    numbered = page(2, line("2", 315.0, 28.0), *body(2))
    assert numbered.folio is not None and numbered.folio_value == 2
    assert [item.text for item in numbered.content] == ["Nội dung văn bản 0", "Nội dung văn bản 1",
                                                        "Nội dung văn bản 2"]
    footer = page(3, *body(3), line("- 3 -", 300.0, 800.0))
    assert footer.folio_value == 3
    # A table's «5» at the top of a page, beside the other cells of its row, is not a page number.
    cells = page(4, line("5", 99.0, 57.0), line("Mức độ hài lòng", 140.0, 57.0), *body(4)[1:])
    assert cells.folio is None
    # Nor is a number in the middle of the page.
    assert page(5, *body(5), line("7", 300.0, 400.0)).folio is None


def test_bands_and_the_words_of_a_row() -> None:
    table = page(4, line("2", 315.0, 28.0), line("STT", 90.0, 60.0), line("Mục tiêu", 154.0, 60.0),
                 line("Biện pháp", 444.0, 60.0), line("thực hiện", 444.0, 74.0), line("5", 99.0, 108.0))
    assert {word.text for word in table.top_band()} == {"STT", "Mục", "tiêu", "Biện", "pháp"}
    assert [word.text for word in table.bottom_band()] == ["5"]
    from collections import Counter
    assert table.holds(Counter("STT Mục tiêu Biện pháp thực hiện".split()), 40)
    assert not table.holds(Counter("STT Mục tiêu Biện pháp thực hiện".split()), 5)
    assert not table.holds(Counter(["Ghi", "chú"]), 150)


def test_the_reader_builds_pages_from_poppler_output_and_expands_no_entity() -> None:
    xhtml = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY x "BOOM">]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><doc>
<page width="595.3" height="841.9"><flow><block><line xMin="315" yMin="28" xMax="322" yMax="46">
<word xMin="315" yMin="28" xMax="322" yMax="46">2</word></line>
<line xMin="85" yMin="57" xMax="300" yMax="75"><word xMin="85" yMin="57" xMax="140" yMax="75">Điều</word>
<word xMin="145" yMin="57" xMax="160" yMax="75">3.</word><word xMin="165" yMin="57" xMax="200" yMax="75">&x;</word>
</line></block></flow></page></doc></body></html>""".encode()
    pages = parse_bbox_layout(xhtml).pages
    assert len(pages) == 1 and pages[0].folio_value == 2
    assert pages[0].content[0].text == "Điều 3."  # the entity is left unexpanded: no text comes from it


# --- page numbers on made-up pages: the edges --------------------------------------------------------------


def test_a_one_page_document_gets_no_page_number_finding(district: Path) -> None:
    printed = Printed(open_document(district), PrintedDocument((page(1, line("1", 315.0, 28.0), *body(1)),)))
    assert check_page_numbers(printed, []) == []


def test_numbers_missing_from_page_two_on_are_listed(district: Path) -> None:
    pages = (page(1, *body(1)), page(2, *body(2)), page(3, line("3", 315.0, 28.0), *body(3)), page(4, *body(4)))
    findings = check_page_numbers(Printed(open_document(district), PrintedDocument(pages)), [])
    assert [(f.rule, f.where) for f in findings] == [("trang-so-trang", "trang 2, 4")]
    assert "Không thấy số trang ở trang 2, 4" in findings[0].message


def test_a_document_outside_nd30_gets_no_page_rule(district: Path) -> None:
    doc = dataclasses.replace(open_document(district), administrative=False)
    pages = (page(1, line("1", 315.0, 28.0), *body(1)), page(2, *body(2)))
    assert check_printed(doc, PrintedDocument(pages)) == []


# --- the district decision and its broken variants through LibreOffice -------------------------------------


@pytest.fixture(scope="module")
def printed(district: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, PrintedDocument]]:
    """The decision (``right``) and one variant per rule: each .docx with its pages, from one LibreOffice start."""
    soffice()
    from qdocgen.pdf import convert

    folder = tmp_path_factory.mktemp("printed")
    files = {"right": district}
    files |= {rule: write_variant(district, folder / f"{rule}.docx", change) for rule, change in VARIANTS.items()}
    report = convert(list(files.values()), folder / "pdf", jobs=1)
    assert not report.failed, report.failed
    return {name: (docx, read_pdf(report.converted[docx])) for name, docx in files.items()}


def test_the_shipped_decision_is_right_as_printed(printed: dict[str, tuple[Path, PrintedDocument]]) -> None:
    docx, pages = printed["right"]
    # 5 pages: no number on page 1 nor on the appendix's first page (numbered anew), 2 and 3 after it.
    assert [p.folio_value for p in pages.pages] == [None, 2, None, 2, 3]
    assert pages.pages[1].content[0].text.startswith("Điều 3.")  # the signature's page begins with text
    assert pages.pages[2].content[0].text == "MỤC TIÊU CHẤT LƯỢNG"  # the appendix on a page of its own
    assert pages.pages[3].content[0].text == "STT"  # the header row again at the top of page 4
    assert lint_pages(docx, pages) == []


CASES = {
    "trang-chu-ky": "khối chữ ký nằm ở trang 2 mà không có dòng nội dung nào",
    "trang-so-trang": "trang 1 có số trang «1»",
    "trang-phu-luc": "phụ lục bắt đầu giữa trang 2, ngay sau «- Lưu: VT, NV (T).»",
    "trang-tieu-de-bang": "bảng sang trang 4 mà không lặp lại hàng tiêu đề",
}


@pytest.mark.parametrize("rule", list(CASES))
def test_each_rule_catches_its_variant_and_no_other_rule_does(
        rule: str, printed: dict[str, tuple[Path, PrintedDocument]]) -> None:
    docx, pages = printed[rule]
    findings = lint_pages(docx, pages)
    assert {f.rule for f in findings} == {rule}, [str(f) for f in findings]
    assert CASES[rule].casefold() in findings[0].message.casefold(), findings[0].message
    assert lint_pages(docx, pages, ignore=[rule]) == []


def test_every_page_rule_has_a_variant_and_the_readme_lists_it() -> None:
    assert set(CASES) == set(RULES) == set(VARIANTS)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| `{rule}` |" in readme, rule


# --- batch --trang: the page rules on the batch's own PDFs, recorded in the manifest -----------------------


def test_batch_trang_records_the_page_findings_of_its_pdfs(tmp_path: Path) -> None:
    """The district decision from a template whose table header row is not marked: found in the manifest."""
    soffice()
    import json

    from conftest import DATASET, ROOT, run

    template = write_variant(ROOT / "templates" / "quyet-dinh-mtcl.docx", tmp_path / "quyet-dinh-mtcl.docx",
                             VARIANTS["trang-tieu-de-bang"])
    spec = (ROOT / "templates" / "quyet-dinh-mtcl.yaml").read_text(encoding="utf-8")
    # The sample data it names lies outside the copy's folder: left out, as a clerk's copy would.
    spec = "\n".join(line for line in spec.splitlines() if not line.startswith("du_lieu_mau:"))
    (tmp_path / "quyet-dinh-mtcl.yaml").write_text(spec, encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", DATASET, "-o", out, "--only", "quan-binh-tan", "-t", template, "--pdf", "--trang",
                 "-j", "1")
    assert result.exit_code == 0, result.output
    assert "1 điểm sai thể thức" in result.output
    assert "[trang-tieu-de-bang]" in result.output + result.stderr
    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["don_vi"][0]
    assert entry["pdf"] == "quan-binh-tan.pdf"
    assert len(entry["kiem_tra"]) == 1 and "[trang-tieu-de-bang]" in entry["kiem_tra"][0]
    assert "không lặp lại hàng tiêu đề" in entry["kiem_tra"][0]


def test_batch_trang_needs_pdfs(tmp_path: Path) -> None:
    from conftest import DATASET, run

    from qdocgen.batch import BatchOptions, render_batch
    from qdocgen.errors import UsageError

    result = run("batch", DATASET, "-o", tmp_path / "out", "--trang")
    assert result.exit_code == 2 and "--trang kiểm tra trang in trên các tệp PDF của lô: dùng kèm --pdf" in \
        result.stderr
    with pytest.raises(UsageError, match="dùng kèm --pdf"):
        render_batch(DATASET, tmp_path, BatchOptions(trang=True))
    assert not any(tmp_path.iterdir())


def test_lint_trang_converts_and_adds_the_page_rules(printed: dict[str, tuple[Path, PrintedDocument]]) -> None:
    """``qdocgen lint --trang`` converts the file itself (the resident LibreOffice) and adds the page rules."""
    from conftest import run

    docx, _ = printed["trang-chu-ky"]
    result = run("lint", "--trang", "--format", "json", docx)
    assert result.exit_code == 6, result.output
    import json

    found = json.loads(result.output)["files"][0]["findings"]
    assert [f["rule"] for f in found] == ["trang-chu-ky"]
    assert run("lint", docx).exit_code == 0  # without --trang the .docx rules alone: nothing to see there
    assert run("lint", "--ignore", "trang-chu-ky", docx).exit_code == 0  # a known id without --trang too
