"""Rules of the header block: Quốc hiệu, tiêu ngữ, the bodies, «Số:» and the place and date."""

from __future__ import annotations

import re

from qdocgen.lint.common import (
    Finding,
    blank,
    cut,
    finding,
    fold,
    is_upper,
    letters,
    looks,
    norm,
    pt,
    quoted,
    sizes_of,
    templated,
)
from qdocgen.lint.document import DATE_LINE, Doc, header_lines, later_date_lines, line_kind
from qdocgen.lint.rules import MIXED_CASE_SYMBOLS, MOTTO, NATIONAL_TITLES
from qdocgen.oxml.layout import Line


def check_header(doc: Doc) -> list[Finding]:
    """Quốc hiệu, tiêu ngữ, governing and issuing bodies."""
    out: list[Finding] = []
    lines = header_lines(doc)
    titles = [line for line in lines if line_kind(line) == "title"]
    mottos = [line for line in lines if line_kind(line) == "motto"]
    title_size: float | None = None
    if not titles and doc.administrative:
        out += finding("quoc-hieu", "phần đầu văn bản", ["không thấy Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                                                          "NAM» ở đầu văn bản"])
    for line in titles[:1]:
        wrong = []
        if norm(line.text) not in NATIONAL_TITLES:
            wrong.append(f"viết «{cut(line.text)}», cần «{NATIONAL_TITLES[0]}» (in hoa)")
        wrong += looks(line.visible(), size=(12, 13), bold=True, italic=False)
        out += finding("quoc-hieu", quoted(line), wrong)
        sizes = sizes_of(line.visible())
        title_size = sizes[0] if len(sizes) == 1 else None
    if titles and not mottos:
        out += finding("tieu-ngu", quoted(titles[0]), [f"không thấy tiêu ngữ «{MOTTO}» dưới Quốc hiệu"])
    for line in mottos[:1]:
        wrong = []
        if norm(line.text) != MOTTO:
            wrong.append(f"viết «{cut(line.text)}», cần «{MOTTO}» (chữ thường, hoa chữ đầu mỗi cụm, gạch nối có "
                         "khoảng trắng hai bên)")
        wrong += looks(line.visible(), size=(13, 14)) + looks(letters(line), bold=True, italic=False)
        sizes = sizes_of(line.visible())
        if (title_size is not None and 12 <= title_size <= 13 and len(sizes) == 1 and 13 <= sizes[0] <= 14
                and sizes[0] != title_size + 1):
            wrong.append(f"cỡ {pt(sizes[0])} pt, cần lớn hơn Quốc hiệu ({pt(title_size)} pt) đúng một cỡ: "
                         f"{pt(title_size + 1)} pt")
        out += finding("tieu-ngu", quoted(line), wrong)
    out += _check_bodies(_org_lines(lines))
    return out


def _org_lines(lines: list[Line]) -> list[Line]:
    """The governing and issuing bodies' lines: header lines of no other kind, before «Số:» in reading order.

    What follows «Số:» in its column (a công văn's summary, however written) is not a body's name.
    """
    number = next((i for i, line in enumerate(lines) if line_kind(line) == "number"), len(lines))
    return [line for line in lines[:number] if line_kind(line) == "org" and not templated(line.text)]


# A body's name cut after its kind of body: the next paragraph («PHƯỜNG AN LẠC») ends the same name.
GENERIC_HEADS = frozenset({"ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "ubnd", "hđnd"})


def _check_bodies(orgs: list[Line]) -> list[Finding]:
    """Governing body lines (not bold) come before the issuing body's (bold); both upper case, 12–13 pt."""
    if not orgs:
        return []
    bold = [i for i, line in enumerate(orgs) if line.visible() and all(p.bold for p in line.visible())]
    last = orgs[-1].para
    last_start = next(i for i, line in enumerate(orgs) if line.para is last)
    split = bold[0] if bold else last_start
    if split == 0 and last_start > 0 and fold(orgs[last_start - 1].text) not in GENERIC_HEADS:
        split = last_start  # a bold governing body: the issuing body is the last paragraph
    while split > 0 and fold(orgs[split - 1].text) in GENERIC_HEADS:
        split -= 1  # «ỦY BAN NHÂN DÂN» alone names no body: it begins the issuing body's name, on the line above
    out: list[Finding] = []
    for i, line in enumerate(orgs):
        rule = "co-quan-chu-quan" if i < split else "co-quan-ban-hanh"
        wrong = [] if is_upper(line.text) else ["chưa viết in hoa, cần chữ in hoa"]
        wrong += looks(line.visible(), size=(12, 13), bold=i >= split, italic=False)
        out += finding(rule, quoted(line), wrong)
    return out


def check_number(doc: Doc) -> list[Finding]:
    """«Số: 05/QĐ-UBND»: the word, the colon, the padding, the slash, the symbol; 13 pt upright."""
    lines = [line for line in header_lines(doc) if line_kind(line) == "number"]
    out: list[Finding] = []
    for line in lines[:1]:
        text = norm(line.text)
        wrong: list[str] = []
        if not templated(text):
            head = re.match(r"^([^\s:]+)\s*(:?)\s*(.*)$", text)
            word, colon, rest = head.groups() if head else ("Số", ":", text)
            if word != "Số":
                wrong.append(f"viết «{word}», cần «Số» (chữ thường, hoa chữ đầu)")
            if not colon or not text.startswith(word + ":"):
                wrong.append("cần dấu «:» liền sau «Số»")
            number, slash, symbol = rest.partition("/")
            number = number.strip()
            if blank(number):
                number = ""  # a blank to fill in («Số: .../QĐ-...»)
            if not slash:
                wrong.append("thiếu «/» giữa số và ký hiệu (ví dụ «Số: 05/QĐ-UBND»)")
            elif number:
                wrong += _number_part(number, rest)
            if slash and (re.search(r"\s", symbol.strip()) or "–" in symbol or not symbol.strip()):
                wrong.append(f"ký hiệu «{symbol.strip()}» cần viết liền, các nhóm nối bằng «-» (ví dụ «QĐ-UBND»)")
            elif symbol[:1].isspace():
                wrong.append("bỏ khoảng trắng sau «/»")
            lower = [group for group in re.split(r"[-/]", symbol.strip())
                     if group and group not in MIXED_CASE_SYMBOLS and group != group.upper()]
            if slash and lower:
                wrong.append(f"ký hiệu viết in hoa: «{', '.join(lower)}» cần «{', '.join(g.upper() for g in lower)}» "
                             f"(trừ {', '.join(sorted(MIXED_CASE_SYMBOLS))})")
        wrong += looks(line.visible(), size=(13, 13), bold=False, italic=False)
        out += finding("so-ky-hieu", quoted(line), wrong)
    return out


def _number_part(number: str, rest: str) -> list[str]:
    """The number before «/»: Arabic digits, a leading 0 below 10 only, no space before «/»."""
    wrong = []
    if not number.isdigit():
        wrong.append(f"số «{number}» không phải số Ả Rập")
    else:
        n = int(number)
        want = f"{n:02d}" if n < 10 else str(n)
        if number != want:
            wrong.append(f"số «{number}», cần «{want}» (số dưới 10 thêm 0 ở trước, từ 10 trở lên không thêm)")
    if rest.split("/", 1)[0] != number:
        wrong.append("bỏ khoảng trắng giữa số và «/»")
    return wrong


def _place_wording(match: re.Match[str]) -> list[str]:
    """The place name (capitalised, then a comma) and the words «ngày», «tháng», «năm» in lower case."""
    wrong = []
    place = match["place"]
    if not place:
        wrong.append("thiếu địa danh trước ngày tháng")
    elif blank(place):
        pass  # a blank to fill in («..., ngày ... tháng ... năm ...»)
    elif not place[0].isupper():
        wrong.append(f"địa danh «{place}» cần viết hoa chữ đầu")
    if place and not match["comma"] and not blank(place):
        wrong.append("cần dấu «,» sau địa danh")
    for word in ("ngay", "thang", "nam"):
        if match[word] != match[word].lower():
            wrong.append(f"viết «{match[word]}», cần chữ thường «{match[word].lower()}»")
    return wrong


def _date_numbers(match: re.Match[str]) -> list[str]:
    """Day below 10 and months 1, 2 with a leading 0, other months without; a four-digit year."""
    wrong = []
    day, month = match["d"], match["m"]
    if day.isdigit():
        n = int(day)
        want = f"{n:02d}" if n < 10 else str(n)
        if day != want or not 1 <= n <= 31:
            wrong.append(f"ngày «{day}», cần «{want}» (ngày dưới 10 thêm 0 ở trước)")
    if month.isdigit():
        n = int(month)
        want = f"{n:02d}" if n in (1, 2) else str(n)
        if month != want or not 1 <= n <= 12:
            wrong.append(f"tháng «{month}», cần «{want}» (chỉ tháng 1, 2 thêm 0; tháng 3 đến 12 không thêm)")
    if match["y"].isdigit() and len(match["y"]) != 4:
        wrong.append(f"năm «{match['y']}», cần đủ bốn chữ số")
    return wrong


def check_date(doc: Doc) -> list[Finding]:
    """«Bình Tân, ngày 27 tháng 02 năm 2019»: italic 13–14 pt; day < 10 and months 1, 2 padded."""
    lines = [line for line in header_lines(doc) if line_kind(line) == "date"]
    if not lines:
        # Forms put the place and date above the signature.
        lines = later_date_lines(doc)
    if not lines:
        if doc.administrative and not any(templated(line.text) for line in header_lines(doc)):
            return finding("dia-danh-ngay", "phần đầu văn bản",
                            ["không thấy dòng địa danh, ngày tháng năm (ví dụ «Hà Nội, ngày 05 tháng 01 năm 2020»)"])
        return []
    line = lines[0]
    text = norm(line.text)
    wrong: list[str] = []
    match = DATE_LINE.match(text)
    if templated(text):
        pass
    elif match is None:
        wrong.append(f"viết «{cut(text)}», cần dạng «Địa danh, ngày 05 tháng 3 năm 2020»")
    else:
        wrong += _place_wording(match) + _date_numbers(match)
    wrong += looks(line.visible(), size=(13, 14), italic=True, bold=False)
    return finding("dia-danh-ngay", quoted(line), wrong)


def _right_of(right: Line, left: Line) -> bool:
    """Whether ``right`` stands in a column to the right of ``left``: a later table cell, or a later tab column."""
    a, b = right.para, left.para
    if a.table != b.table:
        return False  # one in the header table, the other above or below it
    if a.cell != b.cell:
        return (a.cell or 0) > (b.cell or 0)
    return right.col > left.col


def check_positions(doc: Doc) -> list[Finding]:
    """Quốc hiệu and tiêu ngữ top right, the issuing body top left (not stacked in one column)."""
    lines = header_lines(doc)
    title = next((line for line in lines if line_kind(line) == "title"), None)
    orgs = _org_lines(lines)
    if title is None or not orgs or templated(title.text):
        return []
    org = orgs[-1]
    if _right_of(title, org):
        return []
    if _right_of(org, title):
        said = f"tên cơ quan «{cut(org.text, 40)}» ở bên phải, Quốc hiệu ở bên trái"
    else:
        said = f"Quốc hiệu và tên cơ quan «{cut(org.text, 40)}» xếp chồng trong một cột"
    return finding("vi-tri-dau-trang", quoted(title), [f"{said}; cần Quốc hiệu và tiêu ngữ ở bên phải, tên cơ quan "
                                                       "ở bên trái, cùng hàng (ví dụ bảng hai cột không kẻ viền)"])


def _summary_lines(doc: Doc) -> list[Line]:
    """Where a công văn's summary may stand: the header after «Số:», and the first lines below the header."""
    lines = header_lines(doc)
    number = next((i for i, line in enumerate(lines) if line_kind(line) == "number"), None)
    after = lines[number + 1:] if number is not None else []
    below = [line for para in [p for p in doc.paras[doc.header_end:] if p.text.strip()][:2] for line in para.lines]
    return [line for line in after + below if line_kind(line) not in ("title", "motto", "date", "rule")]


def check_vv(doc: Doc) -> list[Finding]:
    """A công văn's summary under «Số:» starts with «V/v»."""
    if any(templated(line.text) for line in header_lines(doc)):
        return []
    candidates = _summary_lines(doc)
    for line in candidates:
        text = norm(line.text)
        if text.startswith("V/v"):
            return []
        if text.casefold().startswith("v/v") or re.match(r"^(về việc|về|v\.v|v/)\b", text.casefold()):
            return finding("vv-cong-van", quoted(line), [f"trích yếu viết «{cut(text, 20)}», cần bắt đầu bằng "
                                                         "«V/v» (viết tắt của «về việc»)"])
    return finding("vv-cong-van", "dưới số, ký hiệu", ["không thấy trích yếu «V/v ...» của công văn dưới số, ký "
                                                        "hiệu"])
