"""The parts of the documents in the corpus (header block, title, bases, articles, closing) and whole documents.

Each generator takes the texts and :class:`Knobs`; a clean document uses the default knobs, a faulty one the knobs
:func:`with_fault` returns for one rule id. Layout follows NĐ30 Phụ lục I and the samples of Phụ lục III
(Mẫu 1.2, 1.4, 1.5, 1.7, 2.1); out-of-scope documents follow their own practice (Hướng dẫn 36-HD/VPTW, the
decree's own layout, citizens' forms).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from lint_corpus.builder import Body, Builder, Page, Seg, seg

TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Knobs:
    """Every layout choice a fault can change; the defaults are right under NĐ30."""

    page: Page = field(default_factory=Page)
    body: Body = field(default_factory=Body)
    layout: str = "table"  # table | rows | tabs | stacked
    rule: str = "underscore"  # underscore | border | none
    governing_bold: bool = False
    title_size: float = 13
    motto_size: float = 14
    pad_date: bool = True
    vv_prefix: bool = True
    basis_end: str = "."
    bases_italic: bool = True
    type_bold: bool = True
    article_sep: str = "."
    noi_nhan_underline: bool = False
    last_recipient_end: str = "."
    pad_number: bool = True
    signer_name: bool = True
    name_bold: bool = True
    authority_dot: bool = True
    body_font: str | None = None


def with_fault(rule: str, base: Knobs | None = None) -> Knobs:
    """The knobs that break exactly one rule (by its id), all else as ``base``."""
    k = base or Knobs()
    changes: dict[str, Any] = {
        "nguoi-ky-ten": {"signer_name": False},
        "vi-tri-dau-trang": {"layout": "stacked"},
        "gian-dong": {"body": replace(k.body, line=2.0)},
        "gian-doan": {"body": replace(k.body, before=0, after=0)},
        "thut-dau-dong": {"body": replace(k.body, indent=0)},
        "vv-cong-van": {"vv_prefix": False},
        "dia-danh-ngay": {"pad_date": False},
        "can-cu-dau-cau": {"basis_end": ","},
        "can-cu-nghieng": {"bases_italic": False},
        "co-quan-chu-quan": {"governing_bold": True},
        "tieu-ngu": {"motto_size": 13},
        "noi-nhan": {"noi_nhan_underline": True},
        "luu": {"last_recipient_end": ";"},
        "so-ky-hieu": {"pad_number": False},
        "nguoi-ky": {"name_bold": False},
        "tham-quyen-ky": {"authority_dot": False},
        "ten-loai": {"type_bold": False},
        "dieu": {"article_sep": ":"},
        "phong-chu": {"body_font": "Arial"},
        "le-trang": {"page": replace(k.page, left=20)},
        "so-trang": {"page": replace(k.page, number="footer")},
    }[rule]
    return replace(k, **changes)


@dataclass(frozen=True)
class Org:
    """An issuing body: its lines in the header, the place name, its symbol and who signs for it."""

    issuing: str
    place: str
    symbol: str
    governing: str | None = None
    authority: str = ""  # the authority line above the legal bases of a decision
    collective: str = "TM. ỦY BAN NHÂN DÂN"
    head: str = "CHỦ TỊCH"
    deputy: str = "PHÓ CHỦ TỊCH"


@dataclass(frozen=True)
class Sign:
    """A signature block: authority and title lines, a note such as «(Đã ký)», the signer's name."""

    lines: tuple[str, ...]
    name: str
    note: str | None = None
    gap: int = 3


def date_text(place: str, day: int, month: int, year: int, pad: bool = True) -> str:
    """«Place, ngày 05 tháng 3 năm 2024» (NĐ30 padding), or unpadded when ``pad`` is false."""
    d = f"{day:02d}" if pad else str(day)
    m = f"{month:02d}" if pad and month <= 2 else str(month)
    return f"{place}, ngày {d} tháng {m} năm {year}"


def number_text(n: int, symbol: str, pad: bool = True, word: str = "Số: ") -> str:
    """«Số: 05/QĐ-UBND»."""
    return f"{word}{n:02d}/{symbol}" if pad else f"{word}{n}/{symbol}"


def _rule(b: Builder, cell: Any, k: Knobs, width: int, size: float = 13) -> None:
    """The rule under a header line drawn as the decree's own files do: a line of underscores."""
    if k.rule == "underscore":
        b.line(cell, "_" * width, size=size)


def header(b: Builder, org: Org, number: str, date: str, k: Knobs, vv: str | None = None) -> None:
    """Ô 1-4 (and 5b for a công văn): issuing body top left, national title top right."""
    if k.layout == "stacked":
        _stacked_header(b, org, number, date, k, vv)
        return
    if k.layout == "tabs":
        _tab_header(b, org, number, date, k)
        return
    rows = 2 if k.layout == "rows" else 1
    table = b.table(rows, 2, (6.0, 10.5))
    left, right = table.cell(0, 0), table.cell(0, 1)
    low_left, low_right = (table.cell(1, 0), table.cell(1, 1)) if rows == 2 else (left, right)
    first = True
    if org.governing:
        b.line(left, seg(org.governing, 13, b=k.governing_bold), reuse=True)
        first = False
    b.line(left, seg(org.issuing, 13, b=True), reuse=first, border=k.rule == "border")
    _rule(b, left, k, 10)
    b.line(low_left, seg(number, 13), reuse=rows == 2, before=6 if rows == 1 else 0)
    if vv is not None:
        b.line(low_left, seg(vv, 12), before=6)
    b.line(right, seg(TITLE, k.title_size, b=True), reuse=True)
    b.line(right, seg(MOTTO, k.motto_size, b=True), border=k.rule == "border")
    _rule(b, right, k, 30, 14)
    b.line(low_right, seg(date, 14, i=True), reuse=rows == 2, before=6 if rows == 1 else 0)


def _stacked_header(b: Builder, org: Org, number: str, date: str, k: Knobs, vv: str | None) -> None:
    """The fault: every header line centred one under another in a single column."""
    main = b.main
    if org.governing:
        b.line(main, seg(org.governing, 13, b=k.governing_bold))
    b.line(main, seg(org.issuing, 13, b=True))
    b.line(main, seg(TITLE, k.title_size, b=True), before=6)
    b.line(main, seg(MOTTO, k.motto_size, b=True))
    b.line(main, seg(number, 13), before=6)
    if vv is not None:
        b.line(main, seg(vv, 12))
    b.line(main, seg(date, 14, i=True), before=6)


def _tab_header(b: Builder, org: Org, number: str, date: str, k: Knobs) -> None:
    """A header typed without a table: two columns split by tabs, as drafts typed in Word often are."""
    main = b.main
    issuing = org.issuing.replace("\n", " ")
    if org.governing:
        b.line(main, [seg(org.governing, 13, b=k.governing_bold), seg("\t", 13),
                      seg(TITLE, k.title_size, b=True)], align="left")
        b.line(main, [seg(issuing, 13, b=True), seg("\t\t", 13), seg(MOTTO, k.motto_size, b=True)], align="left")
    else:
        b.line(main, [seg(issuing, 13, b=True), seg("\t", 13), seg(TITLE, k.title_size, b=True)], align="left")
        b.line(main, [seg("\t\t\t", 13), seg(MOTTO, k.motto_size, b=True)], align="left")
    b.line(main, [seg(number, 13), seg("\t\t", 13), seg(date, 14, i=True)], align="left", before=6)


def title(b: Builder, type_name: str, summary: str | None, k: Knobs, summary_bold: bool = True) -> None:
    """Ô 5a: type name, summary, the short rule under them."""
    b.line(b.main, seg(type_name, 14, b=k.type_bold), before=18)
    if summary:
        b.line(b.main, seg(summary, 14, b=summary_bold))
    if k.rule == "underscore":
        b.line(b.main, "_" * 12)


def body(b: Builder, text: str | Seg | Sequence[Seg], k: Knobs, **over: Any) -> None:
    """A body paragraph, in the fault's font when the fault is the font."""
    if k.body_font is not None:
        parts = ([Seg(text, b.body_format.size)] if isinstance(text, str) else [text] if isinstance(text, Seg)
                 else list(text))
        text = [replace(p, font=k.body_font) for p in parts]
    b.body(text, **over)


def bases(b: Builder, lines: Sequence[str], k: Knobs) -> None:
    """Legal bases, each ending «;», the last «.» (or the fault's mark)."""
    for i, text in enumerate(lines):
        end = k.basis_end if i == len(lines) - 1 else ";"
        body(b, seg(text + end, b.body_format.size, i=k.bases_italic), k)


def article(b: Builder, n: int, text: str, k: Knobs) -> None:
    """«Điều n.» in bold, then the article's text."""
    body(b, [seg(f"Điều {n}{k.article_sep}", b.body_format.size, b=True), seg(" " + text, b.body_format.size)], k)


def centred(b: Builder, text: str, size: float = 14, before: float = 6, bold: bool = True) -> None:
    """A centred bold line (the authority line, «QUYẾT ĐỊNH:», a section heading of a form)."""
    b.line(b.main, seg(text, size, b=bold), before=before, after=6 if before else 0)


def kinh_gui(b: Builder, recipients: Sequence[str]) -> None:
    """«Kính gửi:» with one recipient on its line, or several one per line under the colon."""
    if len(recipients) == 1:
        b.line(b.main, seg(f"Kính gửi: {recipients[0]}.", 14), before=12, after=6)
        return
    b.line(b.main, seg("Kính gửi:", 14), align="left", left=2.5, before=12)
    for i, name in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        b.line(b.main, seg(f"- {name}{end}", 14), align="left", left=4.5, after=6 if end == "." else 0)


def _authority(line: str, k: Knobs) -> str:
    """The authority word written with or without its dot."""
    if k.authority_dot:
        return line
    for word in ("TM.", "KT.", "TL.", "TUQ.", "Q."):
        if line.startswith(word):
            return word[:-1] + line[len(word):]
    return line


def closing(b: Builder, recipients: Sequence[str], sign: Sign, k: Knobs) -> None:
    """Ô 9b and 7: «Nơi nhận:» and its lines on the left, the signature block on the right, in one table."""
    table = b.table(1, 2, (7.5, 8.5))
    left, right = table.cell(0, 0), table.cell(0, 1)
    b.line(left, seg("Nơi nhận:", 12, b=True, i=True, u=k.noi_nhan_underline), align="left", reuse=True,
           before=12)
    for i, text in enumerate(recipients):
        if i == len(recipients) - 1:
            text = text[:-1] + k.last_recipient_end
        b.line(left, seg(text, 11), align="left")
    for i, text in enumerate(sign.lines):
        b.line(right, seg(_authority(text, k) if i == 0 else text, 14, b=True), reuse=i == 0,
               before=12 if i == 0 else 0)
    if sign.note:
        b.line(right, seg(sign.note, 14, i=True))
    for _ in range(sign.gap):
        b.line(right, "")
    if k.signer_name:
        b.line(right, seg(sign.name, 14, b=k.name_bold))


def new_builder(k: Knobs) -> Builder:
    """A builder with the knobs' page and body format."""
    return Builder(k.page, k.body)
