"""``qdocgen lint``: check a .docx against the layout rules of Nghị định 30 that can be read from the file.

Works on any .docx, not only qdocgen's: drafts typed in Word have no header table, runs split anywhere and
their formatting on styles; every check reads the effective formatting (``oxml_styles``) of the text as
shown, line by line (a line break or a tab starts a new line, so that a header laid out with tabs is read
as two columns). Each finding names a rule id, which ``--ignore`` turns off for documents that are not
decisions. Nothing here prints: the CLI prints :class:`LintReport`'s text or JSON.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from qdocgen.errors import ExitStatus, UsageError
from qdocgen.oxml.package import read_parts, w
from qdocgen.oxml.styles import RunProps, StyleSheet

Severity = Literal["error", "warning"]
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TWIPS_PER_MM = 1440 / 25.4

# Rule ids and what each wants (the README table is this, in order). Sources: nd30.md.
RULES: dict[str, str] = {
    "tep": "Tệp là .docx đọc được",
    "kho-giay": "Khổ giấy A4 (210 × 297 mm)",
    "huong-giay": "Trang đứng (khổ dọc); khổ ngang chỉ khi bảng không tách thành phụ lục",
    "le-trang": "Lề trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm",
    "phong-chu": "Phông Times New Roman, kể cả phông lấy từ kiểu (style), mặc định và chủ đề (theme)",
    "quoc-hieu": "Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»: in hoa, cỡ 12–13, đứng, đậm",
    "tieu-ngu": "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»: cỡ 13–14 (lớn hơn Quốc hiệu một cỡ), đứng, đậm",
    "co-quan-chu-quan": "Tên cơ quan chủ quản: in hoa, cỡ 12–13, đứng, không đậm",
    "co-quan-ban-hanh": "Tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm",
    "so-ky-hieu": "«Số: 05/QĐ-UBND»: cỡ 13, đứng; số dưới 10 thêm 0; «/» giữa số và ký hiệu; ký hiệu in hoa "
                  "(trừ TTr, QyĐ, CTr), không có khoảng trắng",
    "dia-danh-ngay": "«Địa danh, ngày 05 tháng 3 năm 2020»: nghiêng, cỡ 13–14; ngày dưới 10 và tháng 1, 2 thêm 0; "
                     "tháng 3–12 không thêm",
    "ten-loai": "Tên loại văn bản (QUYẾT ĐỊNH, ...): in hoa, cỡ 13–14, đứng, đậm, căn giữa",
    "trich-yeu": "Trích yếu dưới tên loại: cỡ 13–14, đứng, đậm",
    "can-cu-nghieng": "Căn cứ ban hành: chữ nghiêng",
    "can-cu-dau-cau": "Căn cứ ban hành: mỗi dòng kết thúc bằng «;», dòng cuối bằng «.» (không phải «,» kiểu "
                      "Thông tư 01)",
    "dieu": "«Điều 1.»: chữ «Điều», số Ả Rập, dấu chấm, in đậm",
    "noi-nhan": "«Nơi nhận:»: cỡ 12, đậm, nghiêng, không gạch chân",
    "noi-nhan-dong": "Các dòng nơi nhận: cỡ 11, đứng, bắt đầu bằng «-», kết thúc bằng «;»",
    "luu": "Dòng cuối nơi nhận «- Lưu: VT, ...» kết thúc bằng «.»",
    "tham-quyen-ky": "Quyền hạn ký (TM., KT., TL., TUQ., Q.) và chức vụ người ký: in hoa, cỡ 13–14, đứng, đậm",
    "nguoi-ky": "Họ tên người ký: cỡ 13–14, đứng, đậm",
    "so-trang": "Số trang ở giữa lề trên (đầu trang), cỡ 13–14, đứng, không hiện ở trang 1",
}

DOC_TYPES = frozenset({
    "quyết định", "nghị quyết", "chỉ thị", "quy chế", "quy định", "thông cáo", "thông báo", "hướng dẫn",
    "chương trình", "kế hoạch", "phương án", "đề án", "dự án", "báo cáo", "biên bản", "tờ trình", "hợp đồng",
    "công điện", "bản ghi nhớ", "bản thỏa thuận", "bản thoả thuận", "giấy ủy quyền", "giấy uỷ quyền",
    "giấy mời", "giấy giới thiệu", "giấy nghỉ phép", "phiếu gửi", "phiếu chuyển", "phiếu báo",
})
BASIS_STARTS = ("căn cứ", "xét đề nghị", "theo đề nghị", "xét ")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATIONAL_TITLES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
DASHES = "-–—−‐+•*"
_AUTHORITY = re.compile(r"^(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\.\s*M|K\.\s*T|TM|KT|TL|TUQ|Q)(\.?)(?=\s|$)")
_ARTICLE = re.compile(r"^(Điều|ĐIỀU|điều)\s*(\d+)(.?)")
_BLOCK_TAG = re.compile(r"^\s*\{%[ptrc]?\s.*%\}\s*$")
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")


class LintError(UsageError):
    """The lint was asked for something it cannot do (an unknown rule id)."""


@dataclass(frozen=True)
class Finding:
    """One departure from the layout rules: which rule, how bad, where, and what was found against what is wanted."""

    rule: str
    severity: Severity
    where: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Plain data for JSON."""
        return {"rule": self.rule, "severity": self.severity, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        label = "lỗi" if self.severity == "error" else "cảnh báo"
        return f"{label} [{self.rule}] {self.where}: {self.message}"


# --- the document as shown: paragraphs, lines, and the formatting of each character -----------------------


@dataclass
class Line:
    """One line of a paragraph as shown: split at line breaks and tabs, stripped; props per character."""

    text: str
    props: list[RunProps]
    para: Para
    col: int

    def visible(self, start: int = 0, end: int | None = None) -> list[RunProps]:
        """Props of the non-blank characters in ``text[start:end]``."""
        return [p for c, p in zip(self.text[start:end], self.props[start:end], strict=False) if not c.isspace()]


@dataclass
class Para:
    """A paragraph in reading order, with where it sits (section, table cell)."""

    index: int
    text: str
    props: list[RunProps]
    align: str
    section: int
    table: int | None
    container: object
    lines: list[Line] = field(default_factory=list)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str) -> str:
    return _norm(text).casefold()


def _skipped(r: etree._Element, p: etree._Element) -> bool:
    """Runs that are not shown as part of ``p``: deleted text, text boxes' own paragraphs, fallbacks."""
    anc = r.getparent()
    while anc is not None and anc is not p:
        if anc.tag in (w("del"), w("moveFrom"), w("txbxContent"), MC_FALLBACK, w("p")):
            return True
        anc = anc.getparent()
    return False


def _para_text(p: etree._Element, sheet: StyleSheet, table_style: str | None) -> tuple[str, list[RunProps]]:
    chars: list[str] = []
    props: list[RunProps] = []
    for r in p.iter(w("r")):
        if _skipped(r, p):
            continue
        rp = sheet.run_props(r, p, table_style)
        if rp.hidden:
            continue
        for c in r:
            if c.tag == w("t"):
                s = _nfc(c.text or "")
            elif c.tag in (w("tab"), w("ptab")):
                s = "\t"
            elif c.tag in (w("br"), w("cr")):
                s = "\n"
            elif c.tag == w("noBreakHyphen"):
                s = "-"
            else:
                continue
            if rp.caps:
                s = "".join(up if len(up := ch.upper()) == 1 else ch for ch in s)
            chars.append(s)
            props.extend([rp] * len(s))
    return "".join(chars), props


def _split_lines(para: Para) -> list[Line]:
    out: list[Line] = []
    start, col = 0, 0
    text = para.text + "\n"
    for i, ch in enumerate(text):
        if ch not in "\n\t":
            continue
        seg = text[start:i]
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if body:
            out.append(Line(body, para.props[start + lead:start + lead + len(body)], para, col))
        start = i + 1
        col = 0 if ch == "\n" else col + 1
    return out


def _walk(parent: etree._Element, sheet: StyleSheet, out: list[Para], state: dict[str, int],
          table: int | None, table_style: str | None) -> None:
    for child in parent.iterchildren():
        if child.tag == w("p"):
            text, props = _para_text(child, sheet, table_style)
            if _BLOCK_TAG.match(text):
                continue  # a template's {%p %} paragraph: it is not in the rendered document
            para = Para(len(out), text, props, sheet.alignment(child, table_style), state["section"], table,
                        parent if table is not None else ("body", state["section"]))
            para.lines = _split_lines(para)
            out.append(para)
            if child.find(f"{w('pPr')}/{w('sectPr')}") is not None:
                state["section"] += 1
        elif child.tag == w("tbl"):
            index = table
            if index is None:
                index = state["tables"]
                state["tables"] += 1
            style_el = child.find(f"{w('tblPr')}/{w('tblStyle')}")
            style = style_el.get(w("val")) if style_el is not None else table_style
            for tr in child.iterchildren(w("tr")):
                for tc in tr.iterchildren(w("tc")):
                    _walk(tc, sheet, out, state, index, style)
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml"), w("ins")):
            _walk(child, sheet, out, state, table, table_style)


def _paras_of(root: etree._Element, sheet: StyleSheet) -> list[Para]:
    out: list[Para] = []
    _walk(root, sheet, out, {"section": 0, "tables": 0}, None, None)
    return out


@dataclass
class _Doc:
    """A document opened for linting."""

    paras: list[Para]
    sheet: StyleSheet
    sections: list[etree._Element]
    parts: dict[str, etree._Element]
    header_end: int = 0
    type_para: Para | None = None
    administrative: bool = True


@functools.lru_cache(maxsize=8)
def _style_sheet(styles: bytes | None, theme: bytes | None) -> StyleSheet:
    """Styles resolved once per distinct styles part: a batch's documents all share their template's."""
    return StyleSheet(etree.fromstring(styles) if styles else None, etree.fromstring(theme) if theme else None)


def _open(path: Path) -> _Doc:
    package = read_parts(path)
    sheet = _style_sheet(package.styles, package.theme)
    body = package.document.find(w("body"))
    if body is None:
        raise KeyError("w:body")
    sections = [s for s in body.iter(w("sectPr"))]
    return _Doc(_paras_of(body, sheet), sheet, sections, package.headers_footers)


# --- small helpers for messages ----------------------------------------------------------------------------


def _cut(text: str, limit: int = 60) -> str:
    text = _norm(text.replace("\n", " ").replace("\t", " "))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _where(line: Line | Para) -> str:
    return f"«{_cut(line.text)}»"


def _pt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _sizes(props: Sequence[RunProps]) -> list[float]:
    return sorted({p.size for p in props})


def _size_text(sizes: Sequence[float]) -> str:
    return ", ".join(_pt(s) for s in sizes) + " pt"


def _is_upper(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _looks(props: Sequence[RunProps], *, size: tuple[float, float] | None = None, bold: bool | None = None,
           italic: bool | None = None, underline: bool | None = None) -> list[str]:
    """What is wrong with the formatting of ``props`` against what is wanted, in words."""
    if not props:
        return []
    wrong: list[str] = []
    if size is not None:
        lo, hi = size
        sizes = _sizes(props)
        if any(s < lo or s > hi for s in sizes):
            want = f"{_pt(lo)} pt" if lo == hi else f"{_pt(lo)}–{_pt(hi)} pt"
            wrong.append(f"cỡ chữ {_size_text(sizes)}, cần {want}")
    for attr, wanted, yes, no in (("bold", bold, "in đậm", "không in đậm"),
                                  ("italic", italic, "chữ nghiêng", "chữ đứng"),
                                  ("underline", underline, "gạch chân", "không gạch chân")):
        if wanted is None:
            continue
        values = [getattr(p, attr) for p in props]
        if wanted and not all(values):
            wrong.append(f"{'một phần ' if any(values) else ''}chưa {yes}, cần {yes}" if attr != "underline"
                         else f"chưa {yes}")
        elif not wanted and any(values):
            have = {"bold": "đang in đậm", "italic": "đang in nghiêng", "underline": "đang gạch chân"}[attr]
            wrong.append(f"{have}{' một phần' if not all(values) else ''}, cần {no}")
    return wrong


def _finding(rule: str, where: str, problems: list[str], severity: Severity = "error") -> list[Finding]:
    if not problems:
        return []
    message = "; ".join(problems)
    return [Finding(rule, severity, where, message[0].upper() + message[1:] + ".")]


def _templated(text: str) -> bool:
    """Text still holding Jinja tags (a template, not a document): its wording is not checked."""
    return "{{" in text or "{%" in text


# --- page ----------------------------------------------------------------------------------------------------


def _twips(el: etree._Element | None, attr: str) -> int | None:
    if el is None or el.get(w(attr)) is None:
        return None
    try:
        return int(float(el.get(w(attr), "")))
    except ValueError:
        return None


def _mm(twips: int) -> float:
    return twips / TWIPS_PER_MM


def check_page(doc: _Doc) -> list[Finding]:
    """Paper size, orientation and margins of every section."""
    out: list[Finding] = []
    for i, sect in enumerate(doc.sections, 1):
        where = f"phần {i} (section) của văn bản" if len(doc.sections) > 1 else "trang in"
        size = sect.find(w("pgSz"))
        width, height = _twips(size, "w"), _twips(size, "h")
        if width is None or height is None:
            width, height = 12240, 15840  # Word's default when unset: US Letter
        short, long_ = sorted((_mm(width), _mm(height)))
        if abs(short - 210) > 1 or abs(long_ - 297) > 1:
            out += _finding("kho-giay", where, [f"khổ giấy {short:.0f} × {long_:.0f} mm, cần A4 210 × 297 mm"])
        if width > height:
            out += _finding("huong-giay", where, ["trang đang nằm ngang, cần trang đứng (khổ ngang chỉ dùng "
                                                  "khi bảng biểu không tách thành phụ lục)"], "warning")
        margins = sect.find(w("pgMar"))
        wrong = []
        for attr, name, lo, hi in (("top", "trên", 20, 25), ("bottom", "dưới", 20, 25),
                                   ("left", "trái", 30, 35), ("right", "phải", 15, 20)):
            value = _twips(margins, attr)
            if value is None:
                value = 1440  # Word's default: 1 inch
            got = _mm(abs(value))
            if got < lo - 0.1 or got > hi + 0.1:
                wrong.append(f"lề {name} {got:.1f} mm, cần {lo}–{hi} mm".replace(".", ","))
        out += _finding("le-trang", where, wrong)
    return out


def _header_footer_paras(doc: _Doc) -> list[Para]:
    out: list[Para] = []
    for part in doc.parts.values():
        out += _paras_of(part, doc.sheet)
    return out


def check_font(doc: _Doc) -> list[Finding]:
    """Times New Roman everywhere text is shown, resolved through styles, defaults and the theme."""
    seen: dict[str, tuple[int, Para]] = {}
    for para in doc.paras + _header_footer_paras(doc):
        fonts = {p.font for c, p in zip(para.text, para.props, strict=False) if not c.isspace()}
        for font in fonts:
            if font is None or font == "Times New Roman":
                continue  # nothing set anywhere: Word shows Times New Roman
            count, first = seen.get(font, (0, para))
            seen[font] = (count + 1, first)
    return [Finding("phong-chu", "error", _where(first),
                    f"Phông «{font}» ở {count} đoạn (đoạn đầu tiên được trích), cần Times New Roman.")
            for font, (count, first) in seen.items()]


def _hf_part(doc: _Doc, section: int, kind: str, which: str) -> etree._Element | None:
    """The header or footer a section shows, following Word's inheritance from earlier sections."""
    for sect in reversed(doc.sections[:section + 1]):
        for ref in sect.iterchildren(w(f"{kind}Reference")):
            if ref.get(w("type"), "default") == which:
                rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "")
                return doc.parts.get(rid)
    return None


def _page_paras(part: etree._Element | None) -> list[etree._Element]:
    """The paragraphs of a header/footer part that hold a PAGE field."""
    if part is None:
        return []
    found: list[etree._Element] = []
    for p in part.iter(w("p")):
        instr = " ".join(t.text or "" for t in p.iter(w("instrText")))
        instr += " ".join(f.get(w("instr"), "") for f in p.iter(w("fldSimple")))
        if _PAGE_FIELD.search(instr.upper()) and p not in found:
            found.append(p)
    return found


def check_page_numbers(doc: _Doc) -> list[Finding]:
    """Page numbers centred in the header, upright 13–14 pt, none on page 1."""
    out: list[Finding] = []
    any_number = False
    for i, sect in enumerate(doc.sections):
        where = f"đầu trang phần {i + 1} (section)" if len(doc.sections) > 1 else "đầu trang"
        title_pg = sect.find(w("titlePg"))
        first_page = title_pg is not None and title_pg.get(w("val"), "true").lower() not in ("0", "false", "off")
        default_header = _page_paras(_hf_part(doc, i, "header", "default"))
        footers = _page_paras(_hf_part(doc, i, "footer", "default"))
        if first_page:
            footers += _page_paras(_hf_part(doc, i, "footer", "first"))
        if footers:
            any_number = True
            out += _finding("so-trang", where.replace("đầu trang", "chân trang"),
                            ["số trang đặt ở chân trang (kiểu Thông tư 01), cần đặt ở giữa lề trên (đầu trang)"])
        for p in default_header:
            any_number = True
            text, props = _para_text(p, doc.sheet, None)
            wrong = []
            align = doc.sheet.alignment(p)
            if align != "center":
                wrong.append(f"số trang căn {_ALIGN_NAMES.get(align, align)}, cần căn giữa")
            visible = [pp for c, pp in zip(text, props, strict=False) if not c.isspace()]
            wrong += _looks(visible, size=(13, 14), italic=False)
            out += _finding("so-trang", where, wrong)
        if i == 0 and (default_header or footers):
            first = _page_paras(_hf_part(doc, 0, "header", "first")) if first_page else []
            if not first_page:
                out += _finding("so-trang", where, ["số trang hiện cả ở trang 1, cần ẩn ở trang đầu (bật «Trang "
                                                    "đầu khác» – Different First Page)"])
            elif first:
                out += _finding("so-trang", where, ["đầu trang của trang 1 có số trang, cần để trống"])
    if not any_number and doc.paras:
        out += _finding("so-trang", "đầu trang", ["không có số trang; văn bản nhiều trang cần đánh số ở giữa lề "
                                                  "trên, từ trang 2"], "warning")
    return out


_ALIGN_NAMES = {"left": "trái", "right": "phải", "justify": "đều hai bên", "center": "giữa"}


# --- the header block ---------------------------------------------------------------------------------------


def _kind(line: Line) -> str:
    """What a header line is: title, motto, number, date, vv (công văn summary) or org."""
    folded = _fold(line.text)
    if folded.startswith(("cộng hòa xã hội", "cộng hoà xã hội")):
        return "title"
    if folded.startswith("độc lập"):
        return "motto"
    if re.match(r"^số\s*(:|\d|\s*/|\s*$)", folded) or re.match(r"^số\s+\S*\s*/", folded):
        return "number"
    if re.search(r"\bngày\b.*\btháng\b.*\bnăm\b", folded) or re.search(r"\d{1,2}/\d{1,2}/\d{4}", folded):
        return "date"
    if folded.startswith("v/v"):
        return "vv"
    return "org"


def _is_type(para: Para) -> bool:
    return _fold(para.text) in DOC_TYPES


def _marker(para: Para) -> bool:
    return any(_kind(line) in ("title", "motto", "number", "date") for line in para.lines)


def find_structure(doc: _Doc) -> None:
    """Where the header block ends, which paragraph names the document type, and whether the document is an
    administrative document at all (a type name, the national title or a «Số:» line) rather than a form."""
    content = [p for p in doc.paras if p.text.strip()]
    end = 0
    rest = content[:15]
    if content and content[0].table is not None:
        # The header table (ô 1-4), and any header lines set just below it.
        first = content[0].table
        end = max(p.index for p in doc.paras if p.table == first) + 1
        rest = [p for p in content if p.index >= end][:4]
        for para in rest:
            if not _marker(para):
                break
            end = para.index + 1
    else:
        # Written without a table: header lines, possibly two columns split by tabs, up to the type name.
        for para in rest:
            if _is_type(para) or len(para.text.split()) > 25:
                break
            if _marker(para):
                end = para.index + 1
    doc.header_end = end
    after = [p for p in doc.paras[end:] if p.text.strip()][:3]
    doc.type_para = next((p for p in after if _is_type(p)), None)
    kinds = {_kind(line) for line in _header_lines(doc)}
    doc.administrative = doc.type_para is not None or bool(kinds & {"title", "number"})


def _header_lines(doc: _Doc) -> list[Line]:
    return [line for para in doc.paras[:doc.header_end] for line in para.lines]


def check_header(doc: _Doc) -> list[Finding]:
    """Quốc hiệu, tiêu ngữ, governing and issuing bodies."""
    out: list[Finding] = []
    lines = _header_lines(doc)
    titles = [line for line in lines if _kind(line) == "title"]
    mottos = [line for line in lines if _kind(line) == "motto"]
    title_size: float | None = None
    if not titles and doc.administrative:
        out += _finding("quoc-hieu", "phần đầu văn bản", ["không thấy Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                                                          "NAM» ở đầu văn bản"])
    for line in titles[:1]:
        wrong = []
        if _norm(line.text) not in NATIONAL_TITLES:
            wrong.append(f"viết «{_cut(line.text)}», cần «{NATIONAL_TITLES[0]}» (in hoa)")
        wrong += _looks(line.visible(), size=(12, 13), bold=True, italic=False)
        out += _finding("quoc-hieu", _where(line), wrong)
        sizes = _sizes(line.visible())
        title_size = sizes[0] if len(sizes) == 1 else None
    if titles and not mottos:
        out += _finding("tieu-ngu", _where(titles[0]), [f"không thấy tiêu ngữ «{MOTTO}» dưới Quốc hiệu"])
    for line in mottos[:1]:
        wrong = []
        if _norm(line.text) != MOTTO:
            wrong.append(f"viết «{_cut(line.text)}», cần «{MOTTO}» (chữ thường, hoa chữ đầu mỗi cụm, gạch nối có "
                         "khoảng trắng hai bên)")
        wrong += _looks(line.visible(), size=(13, 14), bold=True, italic=False)
        sizes = _sizes(line.visible())
        if (title_size is not None and 12 <= title_size <= 13 and len(sizes) == 1 and 13 <= sizes[0] <= 14
                and sizes[0] != title_size + 1):
            wrong.append(f"cỡ {_pt(sizes[0])} pt, cần lớn hơn Quốc hiệu ({_pt(title_size)} pt) đúng một cỡ: "
                         f"{_pt(title_size + 1)} pt")
        out += _finding("tieu-ngu", _where(line), wrong)
    out += _check_bodies([line for line in lines if _kind(line) == "org" and not _templated(line.text)])
    return out


def _check_bodies(orgs: list[Line]) -> list[Finding]:
    """Governing body lines (not bold) come before the issuing body's (bold); both upper case, 12–13 pt."""
    if not orgs:
        return []
    bold = [i for i, line in enumerate(orgs) if line.visible() and all(p.bold for p in line.visible())]
    if bold:
        split = bold[0]
    else:
        last = orgs[-1].para
        split = next(i for i, line in enumerate(orgs) if line.para is last)
    out: list[Finding] = []
    for i, line in enumerate(orgs):
        rule = "co-quan-chu-quan" if i < split else "co-quan-ban-hanh"
        wrong = [] if _is_upper(line.text) else ["chưa viết in hoa, cần chữ in hoa"]
        wrong += _looks(line.visible(), size=(12, 13), bold=i >= split, italic=False)
        out += _finding(rule, _where(line), wrong)
    return out


# NĐ30 Phụ lục III keeps these type abbreviations in mixed case; every other group of a symbol is upper case.
MIXED_CASE_SYMBOLS = frozenset({"TTr", "QyĐ", "CTr"})


def check_number(doc: _Doc) -> list[Finding]:
    """«Số: 05/QĐ-UBND»: the word, the colon, the padding, the slash, the symbol; 13 pt upright."""
    lines = [line for line in _header_lines(doc) if _kind(line) == "number"]
    out: list[Finding] = []
    for line in lines[:1]:
        text = _norm(line.text)
        wrong: list[str] = []
        if not _templated(text):
            head = re.match(r"^([^\s:]+)\s*(:?)\s*(.*)$", text)
            word, colon, rest = head.groups() if head else ("Số", ":", text)
            if word != "Số":
                wrong.append(f"viết «{word}», cần «Số» (chữ thường, hoa chữ đầu)")
            if not colon or not text.startswith(word + ":"):
                wrong.append("cần dấu «:» liền sau «Số»")
            number, slash, symbol = rest.partition("/")
            number = number.strip()
            if not slash:
                wrong.append("thiếu «/» giữa số và ký hiệu (ví dụ «Số: 05/QĐ-UBND»)")
            elif number:
                if not number.isdigit():
                    wrong.append(f"số «{number}» không phải số Ả Rập")
                else:
                    n = int(number)
                    want = f"{n:02d}" if n < 10 else str(n)
                    if number != want:
                        wrong.append(f"số «{number}», cần «{want}» (số dưới 10 thêm 0 ở trước, từ 10 trở lên "
                                     "không thêm)")
                if rest.split("/", 1)[0] != number:
                    wrong.append("bỏ khoảng trắng giữa số và «/»")
            if slash and (re.search(r"\s", symbol.strip()) or "–" in symbol or not symbol.strip()):
                wrong.append(f"ký hiệu «{symbol.strip()}» cần viết liền, các nhóm nối bằng «-» (ví dụ «QĐ-UBND»)")
            lower = [group for group in re.split(r"[-/]", symbol.strip())
                     if group and group not in MIXED_CASE_SYMBOLS and group != group.upper()]
            if slash and lower:
                wrong.append(f"ký hiệu viết in hoa: «{', '.join(lower)}» cần «{', '.join(g.upper() for g in lower)}» "
                             f"(trừ {', '.join(sorted(MIXED_CASE_SYMBOLS))})")
        wrong += _looks(line.visible(), size=(13, 13), bold=False, italic=False)
        out += _finding("so-ky-hieu", _where(line), wrong)
    return out


_DATE = re.compile(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*(?P<ngay>ngày)\s*(?P<d>[\d.…]*)\s*(?P<thang>tháng)\s*"
                   r"(?P<m>[\d.…]*)\s*(?P<nam>năm)\s*(?P<y>[\d.…]*)\s*$", re.IGNORECASE)


def check_date(doc: _Doc) -> list[Finding]:
    """«Bình Tân, ngày 27 tháng 02 năm 2019»: italic 13–14 pt; day < 10 and months 1, 2 padded."""
    lines = [line for line in _header_lines(doc) if _kind(line) == "date"]
    if not lines:
        # Forms put the place and date above the signature.
        lines = [line for para in doc.paras[doc.header_end:] for line in para.lines
                 if len(line.text) < 80 and (m := _DATE.match(_norm(line.text))) is not None and m["place"]]
    if not lines:
        if doc.administrative and not any(_templated(line.text) for line in _header_lines(doc)):
            return _finding("dia-danh-ngay", "phần đầu văn bản",
                            ["không thấy dòng địa danh, ngày tháng năm (ví dụ «Hà Nội, ngày 05 tháng 01 năm 2020»)"])
        return []
    line = lines[0]
    text = _norm(line.text)
    wrong: list[str] = []
    match = _DATE.match(text)
    if _templated(text):
        pass
    elif match is None:
        wrong.append(f"viết «{_cut(text)}», cần dạng «Địa danh, ngày 05 tháng 3 năm 2020»")
    else:
        place = match["place"]
        if not place:
            wrong.append("thiếu địa danh trước ngày tháng")
        elif not place[0].isupper():
            wrong.append(f"địa danh «{place}» cần viết hoa chữ đầu")
        if place and not match["comma"]:
            wrong.append("cần dấu «,» sau địa danh")
        for word in ("ngay", "thang", "nam"):
            if match[word] != match[word].lower():
                wrong.append(f"viết «{match[word]}», cần chữ thường «{match[word].lower()}»")
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
    wrong += _looks(line.visible(), size=(13, 14), italic=True, bold=False)
    return _finding("dia-danh-ngay", _where(line), wrong)


# --- title, legal bases, articles ---------------------------------------------------------------------------


def check_title(doc: _Doc) -> list[Finding]:
    """The type name and the summary under it."""
    para = doc.type_para
    if para is None:
        if not doc.administrative:
            return []
        return _finding("ten-loai", "sau phần đầu văn bản", ["không thấy tên loại văn bản (QUYẾT ĐỊNH, ...) in hoa, "
                                                             "căn giữa dưới phần đầu; văn bản không có tên loại "
                                                             "(công văn) thì bỏ qua quy tắc này"], "warning")
    out: list[Finding] = []
    line = para.lines[0]
    wrong = [] if _is_upper(para.text) else [f"viết «{_cut(para.text)}», cần chữ in hoa"]
    wrong += _looks(line.visible(), size=(13, 14), bold=True, italic=False)
    if para.align != "center":
        wrong.append(f"căn {_ALIGN_NAMES.get(para.align, para.align)}, cần căn giữa")
    out += _finding("ten-loai", _where(para), wrong)
    summary = next((p for p in doc.paras[para.index + 1:] if p.text.strip()), None)
    if summary is not None and not _is_basis(summary.text) and not _is_upper(summary.text):
        visible = [pp for line in summary.lines for pp in line.visible()]
        out += _finding("trich-yeu", _where(summary), _looks(visible, size=(13, 14), bold=True, italic=False))
    return out


def _is_basis(text: str) -> bool:
    return _fold(text).startswith(BASIS_STARTS)


def _is_decision_line(para: Para, doc: _Doc) -> bool:
    text = _norm(para.text)
    if not text.endswith(":") or not _is_upper(text):
        return False
    name = text[:-1].strip().casefold()
    if doc.type_para is not None and name == _fold(doc.type_para.text):
        return True
    return name in DOC_TYPES or name in ("quyết nghị", "chỉ thị")


def legal_bases(doc: _Doc) -> list[Line]:
    """The legal-basis lines between the title and «QUYẾT ĐỊNH:» (or the first article)."""
    start = doc.type_para.index + 1 if doc.type_para is not None else doc.header_end
    end = None
    for para in doc.paras[start:]:
        if _is_decision_line(para, doc) or (para.lines and _ARTICLE.match(para.lines[0].text)):
            end = para.index
            break
    if end is None:
        return []
    bases: list[Line] = []
    for para in doc.paras[start:end]:
        for line in para.lines:
            if line.col == 0 and _is_basis(line.text):
                bases.append(line)
    return bases


def check_bases(doc: _Doc) -> list[Finding]:
    """Italic; «;» after each, «.» after the last."""
    out: list[Finding] = []
    bases = legal_bases(doc)
    for i, line in enumerate(bases):
        out += _finding("can-cu-nghieng", _where(line), _looks(line.visible(), italic=True))
        if _templated(line.text):
            continue
        last = i == len(bases) - 1
        end = line.text[-1]
        if last and end != ".":
            extra = " (dấu «,» là cách của Thông tư 01/2011, không còn dùng)" if end == "," else ""
            out += _finding("can-cu-dau-cau", _where(line), [f"căn cứ cuối kết thúc bằng «{end}», cần «.»{extra}"])
        elif not last and end != ";":
            out += _finding("can-cu-dau-cau", _where(line), [f"kết thúc bằng «{end}», cần «;» (chỉ căn cứ cuối "
                                                             "kết thúc bằng «.»)"])
    return out


def check_articles(doc: _Doc) -> list[Finding]:
    """«Điều 1.»: the word, an Arabic number and a full stop, in bold."""
    out: list[Finding] = []
    for para in doc.paras[doc.header_end:]:
        if not para.lines or para.lines[0].col != 0:
            continue
        line = para.lines[0]
        match = _ARTICLE.match(line.text)
        if match is None or _templated(line.text[:match.end()]):
            continue
        wrong = []
        if match[1] != "Điều":
            wrong.append(f"viết «{match[1]}», cần «Điều»")
        if match[3] != ".":
            wrong.append(f"sau số điều cần dấu «.» («Điều {match[2]}.»)")
        prefix_end = match.end() if match[3] == "." else match.end(2)
        wrong += _looks(line.visible(0, prefix_end), bold=True)
        out += _finding("dieu", _where(line), wrong)
    return out


# --- recipients and signature --------------------------------------------------------------------------------


def _next_lines(doc: _Doc, line: Line) -> Iterator[Line]:
    """The lines after ``line`` in the same column and container (cell or body section)."""
    para = line.para
    same = False
    for other in para.lines:
        if same and (other.col == 0) == (line.col == 0):
            yield other
        if other is line:
            same = True
    for nxt in doc.paras[para.index + 1:]:
        if nxt.container is not para.container and nxt.container != para.container:
            return
        for other in nxt.lines:
            if line.col == 0 and other.col == 0:
                yield other
            elif line.col > 0 and other.col > 0:
                yield other


def _recipient_heading(doc: _Doc) -> Line | None:
    for para in doc.paras[doc.header_end:]:
        for line in para.lines:
            if _fold(line.text).startswith("nơi nhận"):
                return line
    return None


def check_recipients(doc: _Doc) -> list[Finding]:
    """«Nơi nhận:» and its lines; the last is «- Lưu: VT, ....»."""
    heading = _recipient_heading(doc)
    if heading is None:
        if doc.type_para is None:
            return []
        return _finding("noi-nhan", "cuối văn bản", ["không thấy «Nơi nhận:» ở cuối văn bản"], "warning")
    out: list[Finding] = []
    wrong = [] if _norm(heading.text) == "Nơi nhận:" else [f"viết «{_cut(heading.text)}», cần «Nơi nhận:»"]
    wrong += _looks(heading.visible(), size=(12, 12), bold=True, italic=True, underline=False)
    out += _finding("noi-nhan", _where(heading), wrong)
    lines: list[Line] = []
    for line in _next_lines(doc, heading):
        if line.text[0] in DASHES or _fold(line.text).startswith("lưu"):
            lines.append(line)
        else:
            break
    if not lines:
        return out + _finding("noi-nhan-dong", _where(heading), ["không có dòng nơi nhận nào dưới «Nơi nhận:»"])
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        wrong = []
        if not line.text.startswith("-") and not (last and _fold(line.text).startswith("lưu")):
            wrong.append(f"bắt đầu bằng «{line.text[0]}», cần gạch nối «-»")
        if not last and not line.text.endswith(";") and not _templated(line.text):
            wrong.append(f"kết thúc bằng «{line.text[-1]}», cần «;»")
        wrong += _looks(line.visible(), size=(11, 11), italic=False, bold=False)
        out += _finding("noi-nhan-dong", _where(line), wrong)
    last_line = lines[-1]
    text = _norm(last_line.text)
    if not _templated(text):
        wrong = []
        if not re.match(r"^-?\s*Lưu\b", text):
            wrong.append("dòng cuối cần là «- Lưu: VT, <đơn vị soạn thảo>.»")
        else:
            if not re.match(r"^-\s*Lưu\s*:", text):
                wrong.append(f"viết «{_cut(text, 30)}», cần «- Lưu: VT, ...»")
            if not re.search(r":\s*VT\b", text):
                wrong.append("cần lưu tại Văn thư: «- Lưu: VT, ...»")
            if not text.endswith("."):
                wrong.append(f"kết thúc bằng «{text[-1]}», cần «.»")
        out += _finding("luu", _where(last_line), wrong)
    return out


def _signature_blocks(doc: _Doc) -> list[tuple[Line, bool]]:
    """Start lines of signature blocks: each authority line (TM., KT., ...), or, when the head signs without
    one, the first line of the cell beside «Nơi nhận»."""
    starts: list[tuple[Line, bool]] = []
    for para in doc.paras[doc.header_end:]:
        for line in para.lines:
            if len(line.text) <= 60 and _is_upper(line.text) and _AUTHORITY.match(line.text):
                starts.append((line, True))
    heading = _recipient_heading(doc)
    if heading is not None and heading.para.table is not None:
        cell = heading.para.container
        row = cell.getparent() if isinstance(cell, etree._Element) else None
        siblings = [p for p in doc.paras if isinstance(p.container, etree._Element) and p.container is not cell
                    and p.container.getparent() is row and p.lines]
        if siblings and not any(line.para in siblings for line, _ in starts):
            starts.append((siblings[0].lines[0], False))
    return starts


def check_signatures(doc: _Doc) -> list[Finding]:
    """Authority and title lines in bold capitals; the signer's name in bold."""
    out: list[Finding] = []
    for start, has_authority in _signature_blocks(doc):
        block = [start]
        for line in _next_lines(doc, start):
            if line.text.startswith("(") and line.text.endswith(")"):
                continue  # «(ký tên, đóng dấu)», «(Đã ký)»: a note, not the name
            if not _is_upper(line.text) or line.text[0] in DASHES:
                if line.text[0] not in DASHES and not _templated(line.text):
                    block.append(line)
                break
            block.append(line)
        titles = [line for line in block if _is_upper(line.text)]
        names = [line for line in block if not _is_upper(line.text)]
        for j, line in enumerate(titles):
            wrong = []
            if j == 0 and has_authority:
                match = _AUTHORITY.match(line.text)
                assert match is not None
                canon = re.sub(r"[\s./]", "", match[1])
                if match[1] != canon or match[2] != ".":
                    wrong.append(f"viết «{match[0]}», cần «{canon}.» (chữ in hoa, dấu chấm, không có «/»)")
            wrong += _looks(line.visible(), size=(13, 14), bold=True, italic=False)
            out += _finding("tham-quyen-ky", _where(line), wrong)
        for line in names[:1]:
            out += _finding("nguoi-ky", _where(line), _looks(line.visible(), size=(13, 14), bold=True,
                                                             italic=False))
    return out


CHECKS: tuple[tuple[frozenset[str], Callable[[_Doc], list[Finding]]], ...] = (
    (frozenset({"kho-giay", "huong-giay", "le-trang"}), check_page),
    (frozenset({"phong-chu"}), check_font),
    (frozenset({"quoc-hieu", "tieu-ngu", "co-quan-chu-quan", "co-quan-ban-hanh"}), check_header),
    (frozenset({"so-ky-hieu"}), check_number),
    (frozenset({"dia-danh-ngay"}), check_date),
    (frozenset({"ten-loai", "trich-yeu"}), check_title),
    (frozenset({"can-cu-nghieng", "can-cu-dau-cau"}), check_bases),
    (frozenset({"dieu"}), check_articles),
    (frozenset({"noi-nhan", "noi-nhan-dong", "luu"}), check_recipients),
    (frozenset({"tham-quyen-ky", "nguoi-ky"}), check_signatures),
    (frozenset({"so-trang"}), check_page_numbers),
)

# The rules that know the document's date (the 2025 reorganisation, the register of legal bases): own module,
# fed by the caller with what the register says (lint does not read data).
from qdocgen.lint import dated as _dated  # noqa: E402

RULES.update(_dated.RULES)


def rule_ids(ignore: Iterable[str]) -> frozenset[str]:
    """The ids to ignore, split at commas and checked against :data:`RULES`."""
    ids = frozenset(part.strip() for item in ignore for part in item.split(",") if part.strip())
    unknown = sorted(ids - RULES.keys())
    if unknown:
        raise LintError(f"Không có quy tắc {', '.join(f'«{u}»' for u in unknown)}; các mã quy tắc: "
                        f"{', '.join(RULES)}.")
    return ids


def lint_docx(path: Path, ignore: Iterable[str] = (), dated: _dated.DateRules | None = None) -> list[Finding]:
    """Every finding for one .docx, in document order of the rules; ``ignore`` lists rule ids to skip.

    ``dated``: what the register says (two-level date, districts, outdated terms) for the date-aware rules;
    without it only the rule that needs no register (``ngay-can-cu``) runs.
    """
    skip = rule_ids(ignore)
    try:
        doc = _open(path)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        if "tep" in skip:
            return []
        return [Finding("tep", "error", path.name, f"Không mở được tệp như một văn bản Word .docx ({exc}); hãy "
                                                   "lưu lại bằng Word hoặc LibreOffice dưới dạng .docx.")]
    find_structure(doc)
    findings: list[Finding] = []
    for ids, check in CHECKS:
        if ids <= skip:
            continue
        findings += [f for f in check(doc) if f.rule not in skip]
    return findings + [f for f in _dated.check_dated(doc, dated) if f.rule not in skip]


@dataclass
class LintReport:
    """Findings of every file linted, with text and JSON renderings for the command line."""

    results: dict[Path, list[Finding]]

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(f.severity == "error" for fs in self.results.values() for f in fs)

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(f.severity == "warning" for fs in self.results.values() for f in fs)

    @property
    def exit_code(self) -> ExitStatus:
        """``OK`` when no error was found, else ``LINT``."""
        return ExitStatus.LINT if self.errors else ExitStatus.OK

    def to_text(self) -> str:
        """One block per file, one line per finding, then a summary line."""
        lines: list[str] = []
        for path, findings in self.results.items():
            if not findings:
                lines.append(f"{path}: đúng thể thức.")
                continue
            lines.append(f"{path}:")
            lines += [f"  {f}" for f in findings]
        lines.append(f"Kiểm tra {len(self.results)} tệp: {self.errors} lỗi, {self.warnings} cảnh báo thể thức.")
        return "\n".join(lines)

    def to_json(self) -> str:
        """``{"files": [{"file", "findings": [...]}], "errors", "warnings"}``, UTF-8 text kept readable."""
        data = {
            "files": [{"file": str(path), "findings": [f.to_dict() for f in findings]}
                      for path, findings in self.results.items()],
            "errors": self.errors,
            "warnings": self.warnings,
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def lint_files(paths: Sequence[Path], ignore: Iterable[str] = (),
               dated: _dated.DateRules | None = None) -> LintReport:
    """Lint every file; an unknown rule id in ``ignore`` is refused before any file is read."""
    ignore = rule_ids(ignore)
    return LintReport({path: lint_docx(path, ignore, dated) for path in paths})
