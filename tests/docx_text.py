"""Reading a generated .docx back: paragraphs in document order, tables included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(path: Path) -> DocumentObject:
    return Document(str(path))


def blocks(parent: DocumentObject | _Cell) -> Iterator[Paragraph]:
    """Every paragraph, in reading order, descending into tables row by row, cell by cell."""
    element = parent.element.body if isinstance(parent, DocumentObject) else parent._tc
    for child in element.iterchildren():
        if child.tag == W + "p":
            yield Paragraph(child, parent)
        elif child.tag == W + "tbl":
            table = Table(child, parent)
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from blocks(cell)


def texts(path: Path) -> list[str]:
    """The non-empty paragraph texts of a document, lines joined with a space."""
    out = []
    for p in blocks(open_docx(path)):
        text = " ".join(p.text.replace("\t", " ").split("\n")).strip()
        if text:
            out.append(text)
    return out


def find(path: Path, start: str) -> Paragraph:
    """The first paragraph whose text starts with ``start``."""
    for p in blocks(open_docx(path)):
        if p.text.replace("\n", " ").strip().startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r} in {path}")
