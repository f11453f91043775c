"""oxml.stamp: a paragraph's text edited across runs, formatting and line breaks kept, nothing else touched."""

from __future__ import annotations

import re

from lxml import etree

from qdocgen.oxml.package import W_NS, w
from qdocgen.oxml.stamp import blocks, edit_paragraphs

DOC = f"""<w:document xmlns:w="{W_NS}"><w:body>
<w:tbl><w:tr><w:tc><w:p>
  <w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">Số:   </w:t></w:r>
  <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">  /QĐ-</w:t></w:r><w:r><w:t>UBND</w:t></w:r>
</w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">An Lạc, ngày     tháng </w:t></w:r>
  <w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">    năm 2019</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">(Kèm theo số      /QĐ-UBND</w:t><w:br/><w:t>của Ủy ban)</w:t></w:r></w:p>
<w:p><w:r><w:t>Không đổi</w:t></w:r></w:p>
</w:body></w:document>""".encode()


def _find(text: str) -> list[tuple[int, int, str]]:
    edits = [(m.start("blank"), m.end("blank"), " 05") for m in re.finditer(r"[Ss]ố:?(?P<blank> *)/", text)]
    edits += [(m.start(), m.end(), "ngày 05 tháng 3 năm 2026") for m in re.finditer(r"ngày +tháng +năm \d{4}", text)]
    return edits


def test_blocks_read_text_as_shown_with_cells_and_breaks() -> None:
    found = blocks(DOC)
    assert [(b.text, b.cell) for b in found] == [
        ("Số:     /QĐ-UBND", 0), ("An Lạc, ngày     tháng     năm 2019", 1),
        ("(Kèm theo số      /QĐ-UBND\ncủa Ủy ban)", None), ("Không đổi", None)]


def test_edits_across_runs_keep_the_first_runs_formatting_and_the_breaks() -> None:
    new, count = edit_paragraphs(DOC, _find)
    assert count == 3
    assert [b.text for b in blocks(new)] == ["Số: 05/QĐ-UBND", "An Lạc, ngày 05 tháng 3 năm 2026",
                                             "(Kèm theo số 05/QĐ-UBND\ncủa Ủy ban)", "Không đổi"]
    root = etree.fromstring(new)
    first = root.find(f".//{w('p')}")
    runs = [(r.find(w("t")).text, r.find(f"{w('rPr')}/{w('b')}") is not None) for r in first.iter(w("r"))]
    assert runs == [("Số: 05", False), ("/QĐ-", True), ("UBND", False)]
    assert len(root.findall(f".//{w('br')}")) == 1


def test_no_edit_gives_the_part_back_unchanged() -> None:
    assert edit_paragraphs(DOC, lambda text: []) == (DOC, 0)
