"""Rules of the page as printed: where page breaks fell in the PDF LibreOffice made of the document.

They read two models and nothing else: the document's layout model (which paragraphs are the signature
block, an appendix's heading, a table's header row) and the page model of its PDF
(:mod:`qdocgen.printed.pages`). Converting the document and reading the PDF is done by the caller (the run
layer); nothing here opens a file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from qdocgen.lint.closing import recipient_heading
from qdocgen.lint.common import Finding, cut, finding, fold, is_upper, norm
from qdocgen.lint.document import Doc
from qdocgen.lint.rules import AUTHORITY
from qdocgen.oxml.layout import Para
from qdocgen.printed.pages import Line, Page, PrintedDocument, words_of

RULES: dict[str, str] = {
    "trang-chu-ky": "Trang in: khối chữ ký không đứng riêng một trang, luôn có nội dung văn bản ở phía trên",
    "trang-so-trang": "Trang in: văn bản nhiều trang có số trang từ trang 2, không có ở trang 1",
    "trang-phu-luc": "Trang in: phụ lục bắt đầu ở đầu một trang mới",
    "trang-tieu-de-bang": "Trang in: bảng sang trang lặp lại hàng tiêu đề ở đầu mỗi trang",
}

_REFERENCE = re.compile(r"^\((ban hành )?kèm theo\b")
_APPENDIX = re.compile(r"^phụ lục\b")
_HEADER_HEIGHT = 150.0  # points: the tallest a table's header row is looked for (about 9 lines)
_SHORT = 90  # characters: longer paragraphs are body text, not a signature block's lines


@dataclass(frozen=True)
class Printed:
    """A document and its pages, as the page rules read them together."""

    doc: Doc
    pdf: PrintedDocument

    @property
    def pages(self) -> tuple[Page, ...]:
        """The printed pages."""
        return self.pdf.pages


def check_printed(doc: Doc, pdf: PrintedDocument) -> list[Finding]:
    """Every page rule on one document and its printed pages (none for a document outside Nghị định 30)."""
    if not doc.administrative or not pdf.pages:
        return []
    printed = Printed(doc, pdf)
    starts = appendix_starts(printed)
    out: list[Finding] = []
    out += check_signature_page(printed)
    out += check_page_numbers(printed, starts)
    out += check_appendix_pages(printed, starts)
    out += check_table_headers(printed)
    return out


# --- the signature block -----------------------------------------------------------------------------------


def _signature_anchor(pages: tuple[Page, ...]) -> tuple[Page, float] | None:
    """The page where the signature block begins and its top: «Nơi nhận:» or an authority line (TM., KT., ...)."""
    for page in pages:
        tops = [line.y0 for line in page.content if fold(line.text).startswith("nơi nhận")
                or (is_upper(line.text) and AUTHORITY.match(line.text) and line.x0 > page.width / 3)]
        if tops:
            return page, min(tops)
    return None


def _block_texts(doc: Doc) -> list[str]:
    """The texts of the signature block's paragraphs: the table holding «Nơi nhận:», else the short lines after it."""
    heading = recipient_heading(doc)
    if heading is None:
        return []
    para = heading.para
    if para.table is not None:
        paras = [p for p in doc.paras if p.table == para.table]
    else:
        paras = []
        for p in doc.paras[para.index:]:
            if len(p.text) > _SHORT or _appendix_heading(p) or _reference(p):
                break
            paras.append(p)
    return [norm(line.text) for p in paras for line in p.lines if norm(line.text)]


def _in_block(line: Line, texts: list[str]) -> bool:
    """Whether a printed line is (part of) one of the signature block's lines."""
    shown = line.text
    return any(shown == text or (len(shown) >= 4 and shown in text) for text in texts)


def check_signature_page(printed: Printed) -> list[Finding]:
    """The signature block shares its page with the end of the text; the part of it on a page of its own is an error."""
    anchor = _signature_anchor(printed.pages)
    if anchor is None:
        return []
    page, top = anchor
    alone: list[int] = []
    if not page.above(top):
        alone.append(page.number)
    texts = _block_texts(printed.doc)
    for later in printed.pages[page.number:]:
        # The block runs over to the next page when that page begins with its lines.
        lines = []
        for line in later.content:
            if not _in_block(line, texts):
                break
            lines.append(line)
        if not lines:
            break
        if any((line.x0 + line.x1) / 2 > later.width / 2 for line in lines):
            alone.append(later.number)  # the signer's part (title, name) on a page without text
        if len(lines) < len(later.content):
            break
    return [item for number in alone for item in finding(
        "trang-chu-ky", f"trang {number}",
        [f"khối chữ ký nằm ở trang {number} mà không có dòng nội dung nào của văn bản phía trên; hãy để ít nhất "
         "đoạn cuối của văn bản cùng trang với chữ ký (bớt dòng trống hoặc dời ngắt trang, hoặc bật «Giữ với "
         "đoạn sau» – Keep with next cho đoạn cuối)"])]


# --- appendices --------------------------------------------------------------------------------------------


def _appendix_heading(para: Para) -> bool:
    """«Phụ lục I», «PHỤ LỤC», centred on a line of its own."""
    return para.align == "center" and bool(_APPENDIX.match(fold(para.text))) and len(para.text.split()) <= 6


def _reference(para: Para) -> bool:
    """«(Kèm theo Quyết định số ...)», centred: the line under an appendix's title."""
    return para.align == "center" and bool(_REFERENCE.match(fold(para.text)))


def _title_line(para: Para) -> bool:
    """A centred line in capitals or a «Phụ lục» line: part of an appendix's heading."""
    return para.align == "center" and (is_upper(para.text) or _appendix_heading(para))


def _appendix_paras(doc: Doc) -> list[Para]:
    """The first paragraph of each appendix: its «Phụ lục» line, else the title lines above its reference line."""
    body = [p for p in doc.paras[doc.header_end:] if p.table is None and p.text.strip()]
    firsts: list[Para] = []
    for i, para in enumerate(body):
        if _appendix_heading(para):
            if not (i and _appendix_heading(body[i - 1])):
                firsts.append(para)
        elif _reference(para):
            first = i
            while first > 0 and i - first < 3 and _title_line(body[first - 1]):
                first -= 1
            if first < i and not any(p is q for p in firsts for q in body[first:i]):
                firsts.append(body[first])
    return firsts


def appendix_starts(printed: Printed) -> list[tuple[Para, Page, Line]]:
    """Each appendix's first paragraph and the page and line where it is printed, in order."""
    found: list[tuple[Para, Page, Line]] = []
    start = 1
    for para in _appendix_paras(printed.doc):
        where = printed.pdf.find(para.text, start)
        if where is not None:
            found.append((para, *where))
            start = where[0].number
    return found


def check_appendix_pages(printed: Printed, starts: list[tuple[Para, Page, Line]]) -> list[Finding]:
    """Each appendix begins at the top of a page (nothing but the page number above its first line)."""
    out: list[Finding] = []
    for para, page, line in starts:
        above = page.above(line.y0)
        if above:
            out += finding("trang-phu-luc", f"«{cut(para.text)}», trang {page.number}",
                           [f"phụ lục bắt đầu giữa trang {page.number}, ngay sau «{cut(above[-1].text, 40)}»; "
                            "hãy đặt ngắt trang (Page Break) trước phụ lục để phụ lục sang trang mới"])
    return out


# --- page numbers ------------------------------------------------------------------------------------------


def check_page_numbers(printed: Printed, starts: list[tuple[Para, Page, Line]]) -> list[Finding]:
    """No number on page 1; a number on every later page (an appendix's first page, numbered anew, may have none)."""
    pages = printed.pages
    if len(pages) < 2:
        return []
    out: list[Finding] = []
    first = pages[0].folio
    if first is not None:
        out += finding("trang-so-trang", "trang 1",
                       [f"trang 1 có số trang «{first.text}», cần ẩn số ở trang đầu (bật «Trang đầu khác» – "
                        "Different First Page)"])
    fresh = {page.number for _, page, line in starts if not page.above(line.y0)}
    missing = [page.number for page in pages[1:] if page.folio is None and page.number not in fresh]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        out += finding("trang-so-trang", f"trang {listed}",
                       [f"không thấy số trang ở trang {listed}; văn bản nhiều trang cần số trang ở giữa lề trên "
                        "từ trang 2 (chèn trường số trang – Page Number – vào đầu trang)"])
    return out


# --- tables ------------------------------------------------------------------------------------------------


def _tables(doc: Doc) -> list[list[list[Para]]]:
    """The tables that may run over pages, each as its rows of paragraphs (not the header or signature table)."""
    heading = recipient_heading(doc)
    skip = {heading.para.table} if heading is not None else set()
    skip |= {p.table for p in doc.paras[:doc.header_end]}
    rows: dict[int, dict[int, list[Para]]] = {}
    for para in doc.paras:
        if para.table is None or para.table in skip or para.row is None:
            continue
        rows.setdefault(para.table, {}).setdefault(id(para.row), []).append(para)
    return [list(table.values()) for table in rows.values() if len(table) >= 3]


def _words(paras: list[Para]) -> Counter[str]:
    """The words of some paragraphs, counted."""
    return Counter(word for para in paras for word in words_of(para.text))


def _continued(page: Page, previous: Page, body: set[str]) -> bool:
    """Whether ``page`` goes on with the table: its last lines before, its first lines here are the table's."""
    top = {word.text for word in page.top_band()}
    bottom = {word.text for word in previous.bottom_band()}
    return bool(top) and bool(bottom) and top <= body and bottom <= body


def _headerless_pages(pages: tuple[Page, ...], header: Counter[str], body: set[str]) -> list[int]:
    """The pages a table runs onto without its header row at their top."""
    start = next((page for page in pages if page.holds(header, _HEADER_HEIGHT)), None)
    if start is None:
        return []
    missing: list[int] = []
    for page in pages[start.number:]:
        top = Counter(word.text for word in page.top_band())
        if top and not top - header and page.holds(header, _HEADER_HEIGHT):
            continue  # the header row repeated at the top
        if not _continued(page, pages[page.number - 2], body):
            break
        missing.append(page.number)
    return missing


def check_table_headers(printed: Printed) -> list[Finding]:
    """A table that runs over pages shows its header row again at the top of each following page."""
    out: list[Finding] = []
    for rows in _tables(printed.doc):
        header = _words(rows[0])
        body = set(_words([p for row in rows[1:] for p in row]))
        missing = _headerless_pages(printed.pages, header, body)
        if missing:
            listed = ", ".join(str(n) for n in missing)
            title = cut(" | ".join(norm(p.text) for p in rows[0] if p.text.strip()), 50)
            out += finding("trang-tieu-de-bang", f"bảng «{title}», trang {listed}",
                           [f"bảng sang trang {listed} mà không lặp lại hàng tiêu đề; hãy đánh dấu hàng đầu của "
                            "bảng là hàng tiêu đề (Word: Layout → Repeat Header Rows; LibreOffice: Thuộc tính bảng "
                            "→ Luồng văn bản → Lặp lại tiêu đề)"])
    return out

