"""Whole documents of each kind, from texts and :class:`~lint_corpus.mau.Knobs` (see ``NGUON.md`` for the models).

NĐ30 kinds: :func:`quyet_dinh` (Mẫu 1.2), :func:`cong_van` (Mẫu 1.5), :func:`co_ten_loai` (Mẫu 1.4: tờ trình,
báo cáo, kế hoạch, thông báo, giấy mời, ...), :func:`phu_luc` (Mẫu 2.1). Out of scope: :func:`dang` (Hướng dẫn
36-HD/VPTW), :func:`quy_pham` (a legal normative document), :func:`don` and :func:`ly_lich` (citizens' forms),
:func:`ghi_chu` (a plain note with no header at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lint_corpus.builder import Body, Builder, Page, seg
from lint_corpus.mau import (
    MOTTO,
    TITLE,
    Knobs,
    Org,
    Sign,
    article,
    bases,
    body,
    centred,
    closing,
    date_text,
    header,
    kinh_gui,
    new_builder,
    number_text,
    title,
)

Date = tuple[int, int, int]


@dataclass(frozen=True)
class Paper:
    """What every NĐ30 document has: issuing body, number, date, recipients and signature."""

    org: Org
    n: int
    date: Date
    recipients: tuple[str, ...]
    sign: Sign
    k: Knobs = field(default_factory=Knobs)


def _head(b: Builder, p: Paper, symbol: str, vv: str | None = None) -> None:
    """The header block of ``p`` with its number «n/symbol»."""
    k = p.k
    header(b, p.org, number_text(p.n, symbol, k.pad_number), date_text(p.org.place, *p.date, pad=k.pad_date), k,
           vv=vv)


def quyet_dinh(p: Paper, summary: str, legal: Sequence[str], articles: Sequence[str],
               authority: bool = True) -> Builder:
    """A decision (Mẫu 1.2): title, authority line, legal bases, «QUYẾT ĐỊNH:», articles."""
    b = new_builder(p.k)
    _head(b, p, f"QĐ-{p.org.symbol}")
    title(b, "QUYẾT ĐỊNH", summary, p.k)
    if authority:
        centred(b, p.org.authority, before=12)
    bases(b, legal, p.k)
    centred(b, "QUYẾT ĐỊNH:")
    for i, text in enumerate(articles, 1):
        article(b, i, text, p.k)
    closing(b, p.recipients, p.sign, p.k)
    return b


def cong_van(p: Paper, unit: str, vv: str, to: Sequence[str], paragraphs: Sequence[str]) -> Builder:
    """A công văn (Mẫu 1.5): «V/v» under the number, «Kính gửi:», body, no type name."""
    b = new_builder(p.k)
    _head(b, p, f"{p.org.symbol}-{unit}", vv=("V/v " if p.k.vv_prefix else "") + vv)
    kinh_gui(b, to)
    for text in paragraphs:
        body(b, text, p.k)
    closing(b, p.recipients, p.sign, p.k)
    return b


@dataclass(frozen=True)
class Named:
    """The parts of a document with a type name (Mẫu 1.4) besides what :class:`Paper` holds."""

    type_name: str
    abbr: str
    summary: str | None
    sections: tuple[tuple[str | None, tuple[str, ...]], ...]
    to: tuple[str, ...] = ()
    legal: tuple[str, ...] = ()


def co_ten_loai(p: Paper, d: Named) -> Builder:
    """Tờ trình, báo cáo, kế hoạch, thông báo, giấy mời...: title, optional «Kính gửi:» and bases, sections."""
    b = new_builder(p.k)
    _head(b, p, f"{d.abbr}-{p.org.symbol}")
    title(b, d.type_name, d.summary, p.k)
    if d.to:
        kinh_gui(b, d.to)
    if d.legal:
        bases(b, d.legal, p.k)
    for heading, paragraphs in d.sections:
        if heading:
            body(b, seg(heading, b.body_format.size, b=True), p.k)
        for text in paragraphs:
            body(b, text, p.k)
    closing(b, p.recipients, p.sign, p.k)
    return b


def phu_luc(number: str, heading: str, reference: str, paragraphs: Sequence[str] = (),
            rows: Sequence[Sequence[str]] = (), k: Knobs | None = None) -> Builder:
    """An appendix in its own file (Mẫu 2.1): «Phụ lục I», title, «(Kèm theo ...)», rule, then text or a table."""
    k = k or Knobs(page=Page(number="none"))
    b = new_builder(k)
    b.line(b.main, seg(number, 14, b=True))
    b.line(b.main, seg(heading, 14, b=True))
    b.line(b.main, seg(reference, 14, i=True))
    b.line(b.main, "_" * 12)
    for text in paragraphs:
        body(b, text, k)
    if rows:
        table = b.table(len(rows), len(rows[0]), (1.5, 9.0, 5.5)[:len(rows[0])])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                b.line(table.cell(r, c), seg(text, 13, b=r == 0), reuse=True, align="center" if c != 1 else "left",
                       before=3, after=3)
    return b


def dang(issuing: tuple[str, str], number: str, date: str, type_name: str, summary: str,
         paragraphs: Sequence[str], recipients: Sequence[str], sign: tuple[str, ...], name: str,
         top: str = "ĐẢNG CỘNG SẢN VIỆT NAM") -> Builder:
    """A Party document (Hướng dẫn 36-HD/VPTW): «ĐẢNG CỘNG SẢN VIỆT NAM» top right, «Số 15-NQ/ĐU», «T/M».

    ``top``: the title top right (a Youth Union document has «ĐOÀN TNCS HỒ CHÍ MINH» there).
    """
    b = Builder(Page(left=30, right=15), Body(indent=1.27, before=6))
    table = b.table(1, 2, (7.0, 9.0))
    left, right = table.cell(0, 0), table.cell(0, 1)
    b.line(left, seg(issuing[0], 14), reuse=True)
    b.line(left, seg(issuing[1], 14, b=True))
    b.line(left, "*")
    b.line(left, seg(number, 14))
    b.line(right, seg(top, 15, b=True, u=True), reuse=True)
    b.line(right, seg(date, 14, i=True), before=12, align="right")
    b.line(b.main, seg(type_name, 16, b=True), before=18)
    b.line(b.main, seg(summary, 14, b=True))
    b.line(b.main, "-----")
    for text in paragraphs:
        b.body(text)
    closing_table = b.table(1, 2, (7.5, 8.5))
    left, right = closing_table.cell(0, 0), closing_table.cell(0, 1)
    b.line(left, seg("Nơi nhận:", 14, u=True), align="left", reuse=True, before=12)
    for text in recipients:
        b.line(left, seg(text, 12), align="left")
    for i, text in enumerate(sign):
        b.line(right, seg(text, 14, b=True), reuse=i == 0, before=12 if i == 0 else 0)
    for _ in range(3):
        b.line(right, "")
    b.line(right, seg(name, 14, b=True))
    return b


@dataclass(frozen=True)
class Normative:
    """A legal normative document: its issuer, number with the year, type, authority, chapters and articles."""

    issuer: str
    number: str
    date: str
    type_name: str
    summary: str
    legal: tuple[str, ...]
    enact: str  # «Chính phủ ban hành Nghị định ...» or «QUYẾT NGHỊ:»
    articles: tuple[tuple[str, str], ...]
    recipients: tuple[str, ...]
    sign: tuple[str, ...]
    name: str
    authority: str | None = None
    chapter: tuple[str, str] | None = None
    last_basis: str = "."


def quy_pham(d: Normative) -> Builder:
    """A decree, circular or normative resolution: number «30/2024/NĐ-CP», chapters, titled articles."""
    b = Builder(Page(top=25, left=35, right=20), Body(indent=1.0, before=12, line=None, exact=17))
    table = b.table(1, 2, (6.0, 10.0))
    left, right = table.cell(0, 0), table.cell(0, 1)
    b.line(left, seg(d.issuer, 13, b=True), reuse=True)
    b.line(left, "_______", size=13)
    b.line(left, seg(d.number, 13))
    b.line(right, seg(TITLE, 13, b=True), reuse=True)
    b.line(right, seg(MOTTO, 14, b=True))
    b.line(right, "_" * 30)
    b.line(right, seg(d.date, 14, i=True))
    b.line(b.main, seg(d.type_name, 14, b=True), before=18)
    b.line(b.main, seg(d.summary, 14, b=True))
    b.line(b.main, "__________")
    if d.authority:
        centred(b, d.authority)
    for i, text in enumerate(d.legal):
        b.body(seg(text + (d.last_basis if i == len(d.legal) - 1 else ";"), 14, i=True))
    if d.enact.isupper():
        centred(b, d.enact)
    else:
        b.body(seg(d.enact, 14, i=True))
    if d.chapter:
        centred(b, d.chapter[0], before=12)
        centred(b, d.chapter[1], before=0)
    for head, text in d.articles:
        b.body(seg(head, 14, b=True))
        b.body(text)
    closing(b, d.recipients, Sign(d.sign, d.name, note="(Đã ký)"), Knobs())
    return b


@dataclass(frozen=True)
class Form:
    """A citizen's form: title, «Kính gửi:», fields with dotted blanks, a blank date and who signs."""

    name: str
    subtitle: str | None
    to: str
    fields: tuple[str, ...]
    paragraphs: tuple[str, ...]
    signer: str
    date_first: bool = True
    motto: str = MOTTO
    title_text: str = TITLE


def don(f: Form, line: float = 1.5) -> Builder:
    """An application (đơn): national title centred, blank date right, fields, «Người làm đơn» on the right."""
    b = Builder(Page(left=30, right=18, number="none"), Body(indent=1.25, before=0, after=6, line=line))
    b.line(b.main, seg(f.title_text, 13, b=True))
    b.line(b.main, seg(f.motto, 13, b=True))
    b.line(b.main, "---------------")
    blank_date = seg("…………, ngày …… tháng …… năm ……", 13, i=True)
    if f.date_first:
        b.line(b.main, blank_date, align="right", before=12)
    b.line(b.main, seg(f.name, 16, b=True), before=12)
    if f.subtitle:
        b.line(b.main, seg(f.subtitle, 13, i=True))
    b.line(b.main, seg(f"Kính gửi: {f.to}", 13, b=True), before=12, after=6)
    for text in f.fields:
        b.line(b.main, seg(text, 13), align="left", line=line)
    for text in f.paragraphs:
        b.body(seg(text, 13))
    if not f.date_first:
        b.line(b.main, blank_date, align="right", before=12)
    b.line(b.main, seg(f.signer, 13, b=True), align="left", indent=9.5, before=12)
    b.line(b.main, seg("(Ký và ghi rõ họ tên)", 13, i=True), align="left", indent=9.0)
    return b


def ly_lich(person_fields: Sequence[str], family_fields: Sequence[str], boxed: bool = False) -> Builder:
    """A personal record (sơ yếu lý lịch): photo box beside the national title, numbered dotted blanks.

    ``boxed``: the title in the right cell of a two-column table whose left cell (the photo) is empty, and the
    family as a table, as the second model does; else the photo's caption typed on the title's line.
    """
    b = Builder(Page(top=20, bottom=10 if not boxed else 17.5, left=17.5, right=21, number="none"),
                Body(indent=0.77, before=2.25, after=2.25, line=1.5, size=12))
    if boxed:
        table = b.table(1, 2, (5.0, 12.0))
        b.line(table.cell(0, 1), seg(TITLE, 12, b=True), reuse=True)
        b.line(table.cell(0, 1), seg("Độc lập - Tự do- Hạnh phúc", 13, b=True))
    else:
        b.line(b.main, [seg("Ảnh 4x6" + " " * 30, 12, b=True), seg(TITLE, 12, b=True)])
        b.line(b.main, seg(" " * 36 + MOTTO, 13, b=True))
    b.line(b.main, seg("SƠ YẾU LÝ LỊCH", 22, b=True), before=18)
    if not boxed:
        b.line(b.main, seg("TỰ THUẬT", 16, b=True))
    b.line(b.main, seg("I. THÔNG TIN BẢN THÂN.", 12, b=True), align="justify", after=9)
    for text in person_fields:
        b.body(seg(text, 12))
    b.line(b.main, [seg("II. QUAN HỆ GIA ĐÌNH ", 12, b=True), seg("(bố, mẹ, vợ hoặc chồng, con)", 12, i=True)],
           align="justify")
    if boxed:
        rows = (("Quan hệ", "Họ và tên", "Năm sinh", "Nghề nghiệp", "Nơi ở"), ("Cha", "", "", "", ""),
                ("Mẹ", "", "", "", ""))
        family = b.table(len(rows), 5, (2.5, 4.5, 2.5, 3.5, 4.0))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                b.line(family.cell(r, c), seg(text, 12, b=r == 0), reuse=True)
    else:
        for text in family_fields:
            b.body(seg(text, 12))
    b.line(b.main, seg("…………, ngày …… tháng …… năm 20……", 12, i=True), align="right", before=12)
    b.line(b.main, seg("Người khai", 12, b=True), align="right")
    b.line(b.main, seg("(Ký, ghi rõ họ tên)", 12, i=True), align="right")
    return b


def ghi_chu(heading: str, paragraphs: Sequence[str]) -> Builder:
    """A plain note typed in Word: a bold heading and paragraphs, no header, no number, no signature."""
    b = Builder(Page(top=25, bottom=25, left=25, right=25, number="none"), Body(indent=None, before=0, after=8,
                                                                                line=1.15, align="left"))
    b.line(b.main, seg(heading, 14, b=True), align="left", after=8)
    for text in paragraphs:
        b.body(text)
    return b


def body_exact(k: Knobs, points: float) -> Knobs:
    """The knobs with body lines set «exactly» ``points`` (TT01 practice, still within NĐ30's range)."""
    return replace(k, body=replace(k.body, line=None, exact=points))
