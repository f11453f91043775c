"""One injected fault per rule id, made with python-docx on a real document of the corpus (issue 19, point 4).

Each mutation changes one thing a records clerk could get wrong and returns whether it found the place to change
(a document without a type name cannot lose its bold). A variant's labels are its base document's labels plus the
mutation's rule id: nothing else may be reported that the base did not already have.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

Mutation = Callable[[Document], bool]

_NAME = re.compile(r"^[A-ZĐÂĂÊÔƠƯ][^\sA-Z]*( [A-ZĐÂĂÊÔƠƯ][^\sA-Z]*){1,4}$")
_TYPE_NAMES = ("QUYẾT ĐỊNH", "BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO")
_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG")


def _text(p: Paragraph) -> str:
    """The paragraph's text, with what python-docx skips (smart tags, fields) and line breaks as «\\n»."""
    parts = []
    for el in p._p.iter(qn("w:t"), qn("w:br")):
        parts.append("\n" if el.tag == qn("w:br") else el.text or "")
    return "".join(parts).strip()


def paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body, those in tables included, in document order."""
    for el in doc.element.body.iter(qn("w:p")):
        yield Paragraph(el, doc)


def _body(doc: Document) -> list[Paragraph]:
    """The body text: paragraphs outside tables with a sentence in them (40 characters or more)."""
    return [Paragraph(el, doc) for el in doc.element.body.iterchildren(qn("w:p"))
            if len(_text(Paragraph(el, doc))) >= 40]


def _first(doc: Document, test: Callable[[str], bool]) -> Paragraph | None:
    """The first paragraph whose text passes ``test``."""
    return next((p for p in paragraphs(doc) if test(_text(p))), None)


def _runs(p: Paragraph) -> list:  # type: ignore[type-arg]
    """The runs of a paragraph that hold text, those inside smart tags and hyperlinks included."""
    return [r for r in p._p.iter(qn("w:r")) if any((t.text or "").strip() for t in r.iter(qn("w:t")))]


def _set(p: Paragraph | None, **props: object) -> bool:
    """Set run properties (``bold``, ``italic``, ``underline``, ``size``, ``name``) on every run of ``p``."""
    if p is None or not _runs(p):
        return False
    from docx.text.run import Run
    for r in _runs(p):
        font = Run(r, p).font
        for key, value in props.items():
            setattr(font, key, value)
    return True


def _replace(p: Paragraph | None, old: str, new: str) -> bool:
    """Replace the first ``old`` found inside one text element of ``p``."""
    for t in p._p.iter(qn("w:t")) if p is not None else ():
        if t.text and old in t.text:
            t.text = t.text.replace(old, new, 1)
            return True
    return False


def _after(doc: Document, marker: str) -> list[Paragraph]:
    """The paragraphs from the first one starting with ``marker`` to the end."""
    ps = list(paragraphs(doc))
    start = next((i for i, p in enumerate(ps) if _text(p).startswith(marker)), len(ps))
    return ps[start:]


def signer(doc: Document) -> Paragraph | None:
    """The paragraph holding the signer's name: the last name-like line after «Nơi nhận»."""
    found = None
    for p in _after(doc, "Nơi nhận")[:25]:
        lines = _text(p).split("\n")
        if _NAME.match(lines[-1].strip()):
            found = p
    return found


def delete_signer_name(doc: Document) -> bool:
    """``nguoi-ky-ten``: the signer's name is gone (the date's day is filled in so that it is no longer a draft)."""
    p = signer(doc)
    if p is None:
        return False
    date = _first(doc, lambda s: bool(re.search(r", ngày\s+tháng", s)))
    if date is not None:
        for t in date._p.iter(qn("w:t")):
            if t.text and re.search(r"ngày\s+(tháng|$)", t.text):
                t.text = re.sub(r"ngày\s+", "ngày 15 ", t.text, count=1)
                break
    elts = list(p._p.iter(qn("w:t"), qn("w:br")))
    cut = max((i for i, el in enumerate(elts) if el.tag == qn("w:br")), default=-1)
    for el in elts[cut + 1:]:
        if el.tag == qn("w:t"):
            el.text = ""
    return True


def stack_header(doc: Document) -> bool:
    """``vi-tri-dau-trang``: the national title and motto moved under the issuing body, in the left column."""
    if not doc.tables or len(doc.tables[0].columns) < 2 or "CỘNG H" not in _cells_text(doc.tables[0]):
        return False
    for row in doc.tables[0].rows:
        cells = list(dict.fromkeys(row.cells))
        for cell in cells[1:]:
            for p in list(cell.paragraphs):
                cells[0]._tc.append(p._p)
            cell._tc.append(cell._tc.makeelement(qn("w:p"), {}))
    return True


def _cells_text(table: Table) -> str:
    """All the text of a table."""
    return " ".join(_text(p) for p in paragraphs_of(table))


def paragraphs_of(table: Table) -> Iterator[Paragraph]:
    """The paragraphs of a table, in order."""
    for el in table._tbl.iter(qn("w:p")):
        yield Paragraph(el, table)


def _each_body(doc: Document, change: Callable[[Paragraph], object]) -> bool:
    """Apply ``change`` to every body paragraph; false when there is none."""
    body = _body(doc)
    for p in body:
        change(p)
    return bool(body)


def _numbered(doc: Document) -> bool:
    """Whether the pages are numbered in the header (a change that adds pages then breaks no other rule)."""
    return "PAGE" in doc.sections[0].header._element.xml


def double_spacing(doc: Document) -> bool:
    """``gian-dong``: body line spacing 2 lines (only where pages are numbered: the document gets longer)."""
    return _numbered(doc) and _each_body(doc, lambda p: setattr(p.paragraph_format, "line_spacing", 2.0))


def no_paragraph_spacing(doc: Document) -> bool:
    """``gian-doan``: no space before or after the body paragraphs."""
    def change(p: Paragraph) -> None:
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.space_after = Pt(0)
    return _each_body(doc, change)


def no_indent(doc: Document) -> bool:
    """``thut-dau-dong``: no first-line indent in the body."""
    return _each_body(doc, lambda p: setattr(p.paragraph_format, "first_line_indent", Pt(0)))


def drop_vv(doc: Document) -> bool:
    """``vv-cong-van``: the công văn's summary loses its «V/v»."""
    p = _first(doc, lambda s: s.startswith("V/v"))
    return _replace(p, "V/v", "") if p is not None else False


def national_title_plain(doc: Document) -> bool:
    """``quoc-hieu``: the national title not bold (only its own line where the motto shares its paragraph)."""
    p = _first(doc, lambda s: s.startswith(("CỘNG HÒA", "CỘNG HOÀ")))
    from docx.text.run import Run
    changed = False
    for r in p._p.iter(qn("w:r")) if p is not None else ():
        if r.find(qn("w:br")) is not None or r.find(qn("w:cr")) is not None:
            break  # the motto follows on the next line of the same paragraph: it keeps its bold
        Run(r, p).font.bold = False
        changed = changed or any((t.text or "").strip() for t in r.iter(qn("w:t")))
    return changed


def motto_plain(doc: Document) -> bool:
    """``tieu-ngu``: the motto not bold."""
    return _set(_first(doc, lambda s: s.startswith("Độc lập")), bold=False)


def date_upright(doc: Document) -> bool:
    """``dia-danh-ngay``: the place and date line upright."""
    return _set(_first(doc, lambda s: bool(re.search(r"^[^,]{2,40}, ngày", s))), italic=False)


def basis_comma(doc: Document) -> bool:
    """``can-cu-dau-cau``: the last legal basis ends with «,» (the Thông tư 01 habit).

    The bases are the first run of paragraphs starting «Căn cứ», «Theo đề nghị» or «Xét đề nghị»; a later «Căn cứ
    Kế hoạch này, ...» in the body is not one of them.
    """
    body = _body(doc)
    starts = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")
    first = next((i for i, p in enumerate(body) if _text(p).startswith(starts)), None)
    if first is None:
        return False
    last = first
    while last + 1 < len(body) and _text(body[last + 1]).startswith(starts):
        last += 1
    if not _text(body[last]).endswith("."):
        return False
    ts = [t for t in body[last]._p.iter(qn("w:t")) if (t.text or "").strip()]
    ts[-1].text = ts[-1].text.rstrip()[:-1] + ","
    return True


def bases_upright(doc: Document) -> bool:
    """``can-cu-nghieng``: the legal bases upright."""
    bases = [p for p in _body(doc) if _text(p).startswith("Căn cứ")]
    return all(_set(p, italic=False) for p in bases) and bool(bases)


def article_colon(doc: Document) -> bool:
    """``dieu``: «Điều 1:» instead of «Điều 1.»."""
    return _replace(_first(doc, lambda s: s.startswith("Điều 1.")), "Điều 1.", "Điều 1:")


def recipients_underlined(doc: Document) -> bool:
    """``noi-nhan``: «Nơi nhận:» underlined."""
    return _set(_first(doc, lambda s: s.startswith("Nơi nhận")), underline=True)


def recipient_without_semicolon(doc: Document) -> bool:
    """``noi-nhan-dong``: the first recipient line loses its «;»."""
    lines = [p for p in _after(doc, "Nơi nhận") if re.match(r"^- .*;$", _text(p))]
    if not lines:
        return False
    ts = [t for t in lines[0]._p.iter(qn("w:t")) if (t.text or "").strip()]
    ts[-1].text = ts[-1].text.rstrip()[:-1]
    return True


def file_copy_semicolon(doc: Document) -> bool:
    """``luu``: «- Lưu: VT, ...» ends with «;»."""
    p = _first(doc, lambda s: s.startswith("- Lưu") and s.endswith("."))
    if p is None:
        return False
    ts = [t for t in p._p.iter(qn("w:t")) if (t.text or "").strip()]
    ts[-1].text = ts[-1].text.rstrip()[:-1] + ";"
    return True


def spaced_symbol(doc: Document) -> bool:
    """``so-ky-hieu``: spaces around the «/» of the number and symbol."""
    return _replace(_first(doc, lambda s: s.startswith("Số:") and "/" in s), "/", " / ")


def type_name_plain(doc: Document) -> bool:
    """``ten-loai``: the type name not bold."""
    return _set(_first(doc, lambda s: s.strip() in _TYPE_NAMES), bold=False)


def summary_plain(doc: Document) -> bool:
    """``trich-yeu``: the summary under the type name not bold."""
    ps = list(paragraphs(doc))
    i = next((i for i, p in enumerate(ps) if _text(p).strip() in _TYPE_NAMES), None)
    return i is not None and i + 1 < len(ps) and _set(ps[i + 1], bold=False)


def signing_title_plain(doc: Document) -> bool:
    """``tham-quyen-ky``: the signer's title not bold."""
    titles = [p for p in _after(doc, "Nơi nhận") if _text(p).split("\n")[0].strip().endswith(_TITLES)]
    return _set(titles[-1], bold=False) if titles else False


def signer_name_plain(doc: Document) -> bool:
    """``nguoi-ky``: the signer's name not bold."""
    return _set(signer(doc), bold=False)


_UNITS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "ĐẶC KHU")


def _header_bodies(doc: Document) -> tuple[Paragraph | None, list[Paragraph]]:
    """The governing body's line (if any) and the issuing body's lines: upper-case lines above «Số:», top left."""
    if not doc.tables:
        return None, []
    cell = doc.tables[0].rows[0].cells[0]
    lines = []
    for p in cell.paragraphs:
        text = _text(p)
        if text.startswith("Số") or text.startswith("CỘNG"):
            break
        if text and text.isupper() and not set(text) <= set("_-*. "):
            lines.append(p)
    if len(lines) >= 2 and not _text(lines[1]).startswith(_UNITS):
        return lines[0], lines[1:]
    return None, lines


def issuer_plain(doc: Document) -> bool:
    """``co-quan-ban-hanh``: the issuing body not bold."""
    issuer = _header_bodies(doc)[1]
    return all(_set(p, bold=False) for p in issuer) and bool(issuer)


def governing_bold(doc: Document) -> bool:
    """``co-quan-chu-quan``: the governing body («UBND TỈNH ...», «BỘ CÔNG AN») in bold."""
    return _set(_header_bodies(doc)[0], bold=True)


def dated_before_bases(doc: Document) -> bool:
    """``ngay-can-cu``: the document dated 2015, before the laws and decisions it cites (day and month filled in)."""
    date = _first(doc, lambda s: bool(re.search(r"^[^,]{2,40}, ngày", s)))
    cites = [p for p in _body(doc) if _text(p).startswith("Căn cứ") and re.search(r"20(1[6-9]|2\d)", _text(p))]
    ts = [t for t in date._p.iter(qn("w:t"))] if date is not None else []
    if not ts or not cites:
        return False
    text = "".join(t.text or "" for t in ts)
    text = re.sub(r"ngày\s+tháng", "ngày 15 tháng", text)
    text = re.sub(r"tháng\s+năm", "tháng 6 năm", text)
    text = re.sub(r"năm\s*\d{4}", "năm 2015", text)
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""
    return True


def narrow_left_margin(doc: Document) -> bool:
    """``le-trang``: left margin 20 mm."""
    doc.sections[0].left_margin = Mm(20)
    return True


def letter_paper(doc: Document) -> bool:
    """``kho-giay``: US Letter paper (only where pages are numbered: the document may get longer)."""
    if not _numbered(doc):
        return False
    s = doc.sections[0]
    s.page_width, s.page_height = Mm(216), Mm(279)
    return True


def landscape(doc: Document) -> bool:
    """``huong-giay``: the first section turned landscape (only where pages are numbered: it gets longer)."""
    if not _numbered(doc):
        return False
    s = doc.sections[0]
    s.orientation, s.page_width, s.page_height = WD_ORIENT.LANDSCAPE, s.page_height, s.page_width
    return True


def arial_body(doc: Document) -> bool:
    """``phong-chu``: the body in Arial."""
    return _each_body(doc, lambda p: _set(p, name="Arial"))


def number_on_first_page(doc: Document) -> bool:
    """``so-trang``: the page number shown on page 1 (no different first page)."""
    s = doc.sections[0]
    if not s.different_first_page_header_footer or "PAGE" not in s.header._element.xml:
        return False
    s.different_first_page_header_footer = False
    return True


MUTATIONS: dict[str, Mutation] = {
    "nguoi-ky-ten": delete_signer_name, "vi-tri-dau-trang": stack_header, "gian-dong": double_spacing,
    "gian-doan": no_paragraph_spacing, "thut-dau-dong": no_indent, "vv-cong-van": drop_vv,
    "quoc-hieu": national_title_plain, "tieu-ngu": motto_plain, "dia-danh-ngay": date_upright,
    "can-cu-dau-cau": basis_comma, "can-cu-nghieng": bases_upright, "dieu": article_colon,
    "noi-nhan": recipients_underlined, "noi-nhan-dong": recipient_without_semicolon, "luu": file_copy_semicolon,
    "so-ky-hieu": spaced_symbol, "ten-loai": type_name_plain, "trich-yeu": summary_plain,
    "tham-quyen-ky": signing_title_plain, "nguoi-ky": signer_name_plain, "co-quan-ban-hanh": issuer_plain,
    "co-quan-chu-quan": governing_bold, "le-trang": narrow_left_margin, "kho-giay": letter_paper,
    "huong-giay": landscape, "phong-chu": arial_body, "so-trang": number_on_first_page,
    "ngay-can-cu": dated_before_bases,
}
"""The mutation of each rule id (``pham-vi`` and the rules that need the register are not mutated)."""
