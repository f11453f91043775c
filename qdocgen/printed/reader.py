"""The page model read from a PDF with poppler's ``pdftotext -bbox-layout``: every word with its box.

Poppler was chosen over pdfminer.six: qdocgen already needs it (signature fields find their places with it),
Debian and CI install it with LibreOffice, and its C parser reads a page in milliseconds where a pure-Python
one takes a large part of a second. The XML it writes is read without entities or network access.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from lxml import etree

from qdocgen.errors import ExitStatus, QdocgenError
from qdocgen.printed.pages import Line, Page, PrintedDocument, Word, words_of

POPPLER_HINT = "Cài poppler (Debian/Ubuntu): sudo apt-get install -y poppler-utils"
_XHTML = "{http://www.w3.org/1999/xhtml}"
_BOX = ("xMin", "yMin", "xMax", "yMax")


class PrintedError(QdocgenError):
    """A PDF whose pages cannot be read (poppler missing, the file unreadable, too slow)."""

    exit_code = ExitStatus.PDF


def read_pdf(pdf: Path, timeout: float = 60.0) -> PrintedDocument:
    """The pages of ``pdf`` with their lines and words; a PrintedError saying why when it cannot be read."""
    tool = shutil.which("pdftotext")
    if not tool:
        raise PrintedError(f"Không tìm thấy lệnh pdftotext để đọc trang in. {POPPLER_HINT}.")
    try:
        out = subprocess.run([tool, "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=timeout,
                             check=True).stdout
    except subprocess.TimeoutExpired as exc:
        raise PrintedError(f"{pdf}: đọc trang in quá {timeout:g} giây, đã dừng.") from exc
    except (OSError, subprocess.SubprocessError) as exc:
        raise PrintedError(f"{pdf}: pdftotext không đọc được tệp PDF ({exc}).") from exc
    return parse_bbox_layout(out)


def parse_bbox_layout(xhtml: bytes) -> PrintedDocument:
    """The page model from the XHTML ``pdftotext -bbox-layout`` writes."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xhtml, parser)
    except etree.XMLSyntaxError as exc:
        raise PrintedError(f"pdftotext trả về vị trí chữ không đọc được ({exc}).") from exc
    pages = [_page(number, page) for number, page in enumerate(root.iter(f"{_XHTML}page"), 1)]
    return PrintedDocument(tuple(pages))


def _box(element: etree._Element) -> tuple[float, float, float, float]:
    """An element's box attributes as numbers (0 where missing or not a number)."""
    values = []
    for key in _BOX:
        try:
            values.append(float(element.get(key, "0")))
        except ValueError:
            values.append(0.0)
    return values[0], values[1], values[2], values[3]


def _page(number: int, page: etree._Element) -> Page:
    """One page's lines, top to bottom then left to right."""
    lines = []
    for line in page.iter(f"{_XHTML}line"):
        words = tuple(Word(text, *_box(word)) for word in line.iter(f"{_XHTML}word")
                      for text in words_of(word.text or ""))
        if words:
            lines.append(Line(words, *_box(line)))
    lines.sort(key=lambda item: (round(item.y0, 1), item.x0))
    width, height = _size(page)
    return Page(number, width, height, tuple(lines))


def _size(page: etree._Element) -> tuple[float, float]:
    """A page's width and height in points."""
    try:
        return float(page.get("width", "0")), float(page.get("height", "0"))
    except ValueError:
        return 0.0, 0.0
