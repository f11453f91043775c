"""Broken variants of the shipped district decision for the page rules: each moves one thing on the printed page.

The decision as shipped is right (5 pages: the signature on page 2 with Điều 3's text, the appendix from page 3,
page numbers from page 2, the appendix numbered anew, the table's header row repeated on page 4). Each variant
changes the .docx's XML in one place, the way a clerk's edit in Word would.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _signature_alone(xml: str) -> str:
    """A page break just before the table holding «Nơi nhận:» and the signature."""
    table = xml.rfind("<w:tbl>", 0, xml.index("Nơi nhận"))
    return xml[:table] + PAGE_BREAK + xml[table:]


def _number_on_page_one(xml: str) -> str:
    """«Different first page» switched off in the decision's section: page 1 shows its number."""
    first = xml.index("<w:titlePg/>")
    return xml[:first] + xml[first + len("<w:titlePg/>"):]


def _appendix_mid_page(xml: str) -> str:
    """The section break before the appendix removed: it follows the signature on the same page."""
    return re.sub(r"<w:sectPr\b.*?</w:sectPr>", "", xml, count=1, flags=re.S)


def _header_not_repeated(xml: str) -> str:
    """The appendix table's first row no longer marked as a header row."""
    return re.sub(r"<w:tblHeader(?: [^>]*)?/>", "", xml)


VARIANTS: dict[str, Callable[[str], str]] = {
    "trang-chu-ky": _signature_alone,
    "trang-so-trang": _number_on_page_one,
    "trang-phu-luc": _appendix_mid_page,
    "trang-tieu-de-bang": _header_not_repeated,
}


def write_variant(source: Path, target: Path, change: Callable[[str], str]) -> Path:
    """Copy the .docx ``source`` to ``target`` with ``change`` applied to its main part."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                changed = change(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), f"{change.__name__} changed nothing"
                data = changed.encode("utf-8")
            dst.writestr(item, data)
    return target
