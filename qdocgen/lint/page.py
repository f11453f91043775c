"""Rules of the page: paper size and orientation, margins, the font everywhere, page numbers."""

from __future__ import annotations

import re

from qdocgen.lint.closing import recipient_heading
from qdocgen.lint.common import Finding, finding, looks, quoted
from qdocgen.lint.document import Doc
from qdocgen.lint.font_widths import UNITS_PER_EM, WIDTHS
from qdocgen.lint.rules import ALIGN_NAMES
from qdocgen.oxml.layout import Para, RunProps, Section

CM_PT = 72 / 2.54

_MARGINS = (("top", "trên", 20, 25), ("bottom", "dưới", 20, 25), ("left", "trái", 30, 35), ("right", "phải", 15, 20))


def _paper(sect: Section, where: str, wide_table: bool) -> list[Finding]:
    """A4, standing (lying only for a wide table)."""
    out: list[Finding] = []
    short, long_ = sorted((sect.width_mm, sect.height_mm))
    if abs(short - 210) > 1 or abs(long_ - 297) > 1:
        out += finding("kho-giay", where, [f"khổ giấy {short:.0f} × {long_:.0f} mm, cần A4 210 × 297 mm"])
    if sect.landscape and not wide_table:
        out += finding("huong-giay", where, ["trang đang nằm ngang, cần trang đứng (khổ ngang chỉ dùng "
                                             "khi bảng biểu không tách thành phụ lục)"], "warning")
    return out


TABLE_ROWS = 3  # a table of data has at least this many rows (the header's and the signature's tables are no data)


def _wide_tables(doc: Doc) -> set[int]:
    """The sections holding a table of data: NĐ30 (Phụ lục I, I.2) lets such a page lie in landscape."""
    heading = recipient_heading(doc)
    layout = {p.table for p in doc.paras[:doc.header_end]} | {heading.para.table if heading is not None else None}
    rows: dict[tuple[int, int], set[int]] = {}
    for para in doc.paras:
        if para.table is not None and para.row is not None and para.table not in layout:
            rows.setdefault((para.section, para.table), set()).add(id(para.row))
    return {section for (section, _), seen in rows.items() if len(seen) >= TABLE_ROWS}


# A page turned to landscape among standing pages may be bound at its top or its bottom: NĐ30 gives its margins
# no side, so each must only lie within the range NĐ30 uses for any side.
TURNED = (15, 35)


def _margins(sect: Section, turned: bool) -> list[str]:
    """What is wrong with a section's margins (``turned``: a landscape page among standing ones)."""
    wrong = []
    for side, name, lo, hi in _MARGINS:
        if turned:
            lo, hi = TURNED
        got = sect.margins_mm[side]
        if got < lo - 0.1 or got > hi + 0.1:
            wrong.append(f"lề {name} {got:.1f} mm, cần {lo}–{hi} mm".replace(".", ","))
    return wrong


def check_page(doc: Doc) -> list[Finding]:
    """Paper size, orientation and margins of every section."""
    out: list[Finding] = []
    wide = _wide_tables(doc)
    standing = any(not sect.landscape for sect in doc.sections)
    for i, sect in enumerate(doc.sections, 1):
        where = f"phần {i} (section) của văn bản" if len(doc.sections) > 1 else "trang in"
        out += _paper(sect, where, i - 1 in wide)
        out += finding("le-trang", where, _margins(sect, sect.landscape and standing))
    return out


# A face named with its style (a PDF converter's «Times New Roman Bold») is Times New Roman: Word shows the family.
_TIMES = re.compile(r"^Times New Roman(,?\s*(Bold|Italic|Bold\s*Italic|BoldItalic|Regular))?$", re.IGNORECASE)


_FONTS: dict[tuple[int, str], tuple[list[RunProps], frozenset[str | None]]] = {}
_FONTS_MAX = 1024  # each entry keeps a paragraph's formatting list alive


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


LINE_EM = 1.15  # a single line of Times New Roman: 1.15 times its size (its ascent, descent and line gap)
ONE_PAGE = 1.05  # surely more than a page above this: the estimate overshoots one-page documents by up to 6 %
TAB_PT = 36.0  # Word's default tab stops: every 1,27 cm
_AVERAGE = 1024  # a character the table lacks: half an em


def _width_pt(ch: str, props: RunProps) -> float:
    """How wide one character is set, in points, by Times New Roman's metrics (Liberation Serif's)."""
    face = ("b" if props.bold else "") + ("i" if props.italic else "")
    return WIDTHS[face].get(ch, _AVERAGE) * props.size / UNITS_PER_EM


def _line_count(para: Para, width_pt: float) -> int:
    """The lines the paragraph wraps into, word by word as Word breaks them (a word too long is cut)."""
    first = width_pt - max(para.fmt.left_cm, 0.0) * CM_PT - para.fmt.first_line_cm * CM_PT
    rest = width_pt - max(para.fmt.left_cm + min(para.fmt.first_line_cm, 0.0), 0.0) * CM_PT
    lines, done, word, room = 1, 0.0, 0.0, max(first, 36.0)
    for ch, props in zip(para.text, para.props, strict=False):
        if ch == "\n":
            lines, done, word, room = lines + 1, 0.0, 0.0, max(rest, 36.0)
        elif ch == " ":
            done, word = done + word + _width_pt(ch, props), 0.0
        elif ch == "\t":
            done, word = (int((done + word) // TAB_PT) + 1) * TAB_PT, 0.0
        else:
            word += _width_pt(ch, props)
            if done + word > room:
                lines, room = lines + 1, max(rest, 36.0)
                done, word = (0.0, word) if done > 0 else (0.0, _width_pt(ch, props))
    return lines


def _para_height_pt(para: Para, width_pt: float) -> float:
    """A paragraph's height, estimated: its lines at its line spacing, and its spacing before and after."""
    size = max((p.size for p in para.props), default=13.0)
    lines = _line_count(para, width_pt)
    fmt = para.fmt
    if fmt.line_rule == "auto":
        line = fmt.line * size * LINE_EM
    else:
        line = fmt.line if fmt.line_rule == "exact" else max(fmt.line, size * LINE_EM)
    return lines * line + fmt.before_pt + fmt.after_pt


def pages_estimate(doc: Doc) -> float:
    """How many pages of text the body takes, estimated from its paragraphs on the first section's page.

    Each paragraph is broken into lines word by word with Times New Roman's advance widths (``font_widths``), at
    its indents and line spacing. Table cells side by side share the row's width and count once per row, at the
    height of the tallest cell. Against LibreOffice's pages of the real corpus (single-section documents), the
    text of one-page documents comes to 0.67–1.03 (a form laid out as one big table to 1.12), two-page ones to
    1.00–1.92; a signer's name spilling onto page 2 is the page as printed, ``lint --trang``'s to see.
    """
    sect = doc.sections[0]
    width = (sect.width_mm - sect.margins_mm["left"] - sect.margins_mm["right"]) / 25.4 * 72
    height = (sect.height_mm - sect.margins_mm["top"] - sect.margins_mm["bottom"]) / 25.4 * 72
    per_row: dict[int, set[int]] = {}
    for para in doc.paras:
        if para.row is not None:
            per_row.setdefault(id(para.row), set()).add(id(para.container))
    cells: dict[int, float] = {}
    rows: dict[int, float] = {}
    total = 0.0
    shown = [i for i, para in enumerate(doc.paras) if para.text.strip()]
    # Blank paragraphs after the last text print nothing: a page they would spill onto holds no text to number.
    for para in doc.paras[:shown[-1] + 1 if shown else 0]:
        if para.row is None:
            total += _para_height_pt(para, width)
            continue
        share = width / len(per_row[id(para.row)])
        cells[id(para.container)] = cells.get(id(para.container), 0.0) + _para_height_pt(para, share)
        rows[id(para.row)] = max(rows.get(id(para.row), 0.0), cells[id(para.container)])
    return (total + sum(rows.values())) / height


def fits_one_page(doc: Doc) -> bool:
    """Whether the body fits on one page (then it needs no page number), as far as an estimate can tell.

    A document estimated within :data:`ONE_PAGE` pages is taken for one page: the estimate cannot tell a full
    page from a page and a line.
    """
    return len(doc.sections) == 1 and pages_estimate(doc) < ONE_PAGE


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
