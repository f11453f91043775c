"""Rules of the page: paper size and orientation, margins, the font everywhere, page numbers."""

from __future__ import annotations

import re

from qdocgen.lint.common import Finding, finding, looks, quoted
from qdocgen.lint.document import Doc
from qdocgen.lint.rules import ALIGN_NAMES
from qdocgen.oxml.layout import Para, RunProps, Section

_MARGINS = (("top", "trên", 20, 25), ("bottom", "dưới", 20, 25), ("left", "trái", 30, 35), ("right", "phải", 15, 20))


def _paper(sect: Section, where: str) -> list[Finding]:
    """A4, standing."""
    out: list[Finding] = []
    short, long_ = sorted((sect.width_mm, sect.height_mm))
    if abs(short - 210) > 1 or abs(long_ - 297) > 1:
        out += finding("kho-giay", where, [f"khổ giấy {short:.0f} × {long_:.0f} mm, cần A4 210 × 297 mm"])
    if sect.landscape:
        out += finding("huong-giay", where, ["trang đang nằm ngang, cần trang đứng (khổ ngang chỉ dùng "
                                             "khi bảng biểu không tách thành phụ lục)"], "warning")
    return out


def check_page(doc: Doc) -> list[Finding]:
    """Paper size, orientation and margins of every section."""
    out: list[Finding] = []
    for i, sect in enumerate(doc.sections, 1):
        where = f"phần {i} (section) của văn bản" if len(doc.sections) > 1 else "trang in"
        out += _paper(sect, where)
        wrong = []
        for side, name, lo, hi in _MARGINS:
            got = sect.margins_mm[side]
            if got < lo - 0.1 or got > hi + 0.1:
                wrong.append(f"lề {name} {got:.1f} mm, cần {lo}–{hi} mm".replace(".", ","))
        out += finding("le-trang", where, wrong)
    return out


# A face named with its style (a PDF converter's «Times New Roman Bold») is Times New Roman: Word shows the family.
_TIMES = re.compile(r"^Times New Roman(,?\s*(Bold|Italic|Bold\s*Italic|BoldItalic|Regular))?$", re.IGNORECASE)


_FONTS: dict[tuple[int, str], tuple[list[RunProps], frozenset[str | None]]] = {}
_FONTS_MAX = 4096


def _fonts(para: Para) -> frozenset[str | None]:
    """The fonts of a paragraph's shown characters; worked out once per distinct paragraph of a batch.

    The layout model gives the paragraphs a batch's documents share with their template the same list of
    formatting: keyed by that list (kept alive in the entry, so its id is not reused) and the text.
    """
    key = (id(para.props), para.text)
    found = _FONTS.get(key)
    if found is not None and found[0] is para.props:
        return found[1]
    fonts = frozenset(p.font for c, p in zip(para.text, para.props, strict=False) if not c.isspace())
    if len(_FONTS) >= _FONTS_MAX:
        _FONTS.clear()
    _FONTS[key] = (para.props, fonts)
    return fonts


def check_font(doc: Doc) -> list[Finding]:
    """Times New Roman everywhere text is shown, resolved through styles, defaults and the theme."""
    seen: dict[str, tuple[int, Para]] = {}
    for para in doc.paras + doc.layout.header_footer_paras:
        for font in _fonts(para):
            if font is None or _TIMES.match(font):
                continue  # nothing set anywhere: Word shows Times New Roman
            count, first = seen.get(font, (0, para))
            seen[font] = (count + 1, first)
    return [Finding(where=quoted(first), rule="phong-chu", severity="error",
                    message=f"Phông «{font}» ở {count} đoạn (đoạn đầu tiên được trích), cần Times New Roman.")
            for font, (count, first) in seen.items()]


def _header_number(para: Para, where: str) -> list[Finding]:
    """A page number in the header: centred, upright, 13–14 pt."""
    wrong = []
    if para.align != "center":
        wrong.append(f"số trang căn {ALIGN_NAMES.get(para.align, para.align)}, cần căn giữa")
    visible = [pp for c, pp in zip(para.text, para.props, strict=False) if not c.isspace()]
    wrong += looks(visible, size=(13, 14), italic=False)
    return finding("so-trang", where, wrong)


def _first_page(sect: Section, where: str) -> list[Finding]:
    """Page 1 shows no number."""
    if not sect.title_page:
        return finding("so-trang", where, ["số trang hiện cả ở trang 1, cần ẩn ở trang đầu (bật «Trang "
                                           "đầu khác» – Different First Page)"])
    if sect.page_numbers[("header", "first")]:
        return finding("so-trang", where, ["đầu trang của trang 1 có số trang, cần để trống"])
    return []


CHARS_PER_CM = 3.0  # Times New Roman 13–14 pt: about three characters a centimetre of line
ONE_PAGE_SHARE = 0.8  # below this share of the page's text height, the document surely fits on one page


def _para_height_pt(para: Para, width_cm: float) -> float:
    """A paragraph's height, estimated: its lines at its size and line spacing, and its spacing."""
    size = max((p.size for p in para.props), default=13.0)
    lines = max(1, -(-len(para.text) // max(1, int(width_cm * CHARS_PER_CM * 13 / size))))
    line = para.fmt.line * size * 1.15 if para.fmt.line_rule == "auto" else max(para.fmt.line, size)
    return lines * line + para.fmt.before_pt + para.fmt.after_pt


def fits_one_page(doc: Doc) -> bool:
    """Whether the body surely fits on one page (then it needs no page number): a generous estimate.

    Table cells side by side count once per row, at the height of the tallest cell.
    """
    if len(doc.sections) != 1:
        return False
    sect = doc.sections[0]
    width = (sect.width_mm - sect.margins_mm["left"] - sect.margins_mm["right"]) / 10
    height = (sect.height_mm - sect.margins_mm["top"] - sect.margins_mm["bottom"]) / 25.4 * 72
    cells: dict[int, float] = {}
    rows: dict[int, float] = {}
    total = 0.0
    for para in doc.paras:
        if para.row is None:
            total += _para_height_pt(para, width)
            continue
        cells[id(para.container)] = cells.get(id(para.container), 0.0) + _para_height_pt(para, width / 2)
        rows[id(para.row)] = max(rows.get(id(para.row), 0.0), cells[id(para.container)])
    return total + sum(rows.values()) < ONE_PAGE_SHARE * height


def check_page_numbers(doc: Doc) -> list[Finding]:
    """Page numbers centred in the header, upright 13–14 pt, none on page 1."""
    out: list[Finding] = []
    any_number = False
    for i, sect in enumerate(doc.sections):
        where = f"đầu trang phần {i + 1} (section)" if len(doc.sections) > 1 else "đầu trang"
        default_header = sect.page_numbers[("header", "default")]
        footers = list(sect.page_numbers[("footer", "default")])
        if sect.title_page:
            footers += sect.page_numbers[("footer", "first")]
        if footers:
            any_number = True
            out += finding("so-trang", where.replace("đầu trang", "chân trang"),
                           ["số trang đặt ở chân trang (kiểu Thông tư 01), cần đặt ở giữa lề trên (đầu trang)"])
        for para in default_header:
            any_number = True
            out += _header_number(para, where)
        if i == 0 and (default_header or footers):
            out += _first_page(sect, where)
    if not any_number and doc.paras and not fits_one_page(doc):
        out += finding("so-trang", "đầu trang", ["không có số trang; văn bản nhiều trang cần đánh số ở giữa lề "
                                                 "trên, từ trang 2"], "warning")
    return out
