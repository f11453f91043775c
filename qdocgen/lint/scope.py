"""What kind of document lint has, decided from the document's own evidence, and which rules hold for it.

Nghị định 30/2020 governs administrative documents (each type in its Phụ lục III, and the công văn, which has
no type name) and their appendices. Party documents (Hướng dẫn 36-HD/VPTW), legal normative documents (Nghị
định 34/2016, the 2025 Law) and citizens' forms have layouts of their own: lint says what it saw and checks
none of NĐ30's rules on them. A document it cannot place is treated the same way: no rule errors on a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from qdocgen.lint.common import FOOTNOTE_MARK, Finding, fold, is_upper, norm, templated
from qdocgen.lint.rules import AUTHORITY, DOC_TYPES, NATIONAL_TITLES
from qdocgen.oxml.layout import Layout, Line, Para

# NĐ30 Phụ lục III's abbreviations, for a document whose type name is missing but whose symbol says it.
ABBREVIATIONS = {
    "NQ": "nghị quyết", "QĐ": "quyết định", "CT": "chỉ thị", "QC": "quy chế", "QyĐ": "quy định",
    "TC": "thông cáo", "TB": "thông báo", "HD": "hướng dẫn", "CTr": "chương trình", "KH": "kế hoạch",
    "PA": "phương án", "ĐA": "đề án", "DA": "dự án", "BC": "báo cáo", "BB": "biên bản", "TTr": "tờ trình",
    "HĐ": "hợp đồng", "CĐ": "công điện", "BGN": "bản ghi nhớ", "BTT": "bản thỏa thuận", "GUQ": "giấy ủy quyền",
    "GM": "giấy mời", "GGT": "giấy giới thiệu", "GNP": "giấy nghỉ phép", "PG": "phiếu gửi", "PC": "phiếu chuyển",
    "PB": "phiếu báo",
}

# Legal normative documents: their type names, and a symbol with the year in it (Số: 30/2020/NĐ-CP).
NORMATIVE_TYPES = ("luật", "bộ luật", "pháp lệnh", "nghị định", "thông tư", "thông tư liên tịch",
                   "nghị quyết liên tịch", "lệnh")
_NORMATIVE_NUMBER = re.compile(r"\b\d+\s*/\s*(19|20)\d\d\s*/\s*[A-ZĐ]|/\s*QH\d+\b|/\s*UBTVQH\d+\b")
_PARTY_NUMBER = re.compile(r"\b\d+\s*-\s*[A-ZĐ][A-Za-zĐđ]{0,3}\s*/\s*(TW|TU|HU|QU|TP|ĐU|ĐUK|BCS|ĐĐ|CB)\b")
_DOTTED = re.compile(r"[.…_]{4,}|(\.\s){3,}")
_LABEL = re.compile(r"^[^:.…]{2,45}:\s*([.…_]{3,}|$)")
# Titles of citizens' forms (not NĐ30 type names): «ĐƠN ĐỀ NGHỊ ...», «TỜ KHAI ...», «SƠ YẾU LÝ LỊCH».
FORM_TITLES = ("đơn ", "tờ khai", "bản khai", "sơ yếu lý lịch", "lý lịch", "giấy đề nghị", "bản cam kết",
               "giấy cam kết", "phiếu đăng ký", "phiếu đề nghị", "phiếu yêu cầu", "bản tự kiểm điểm")
_PLACE_DATE = re.compile(r"^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^,(]{1,40},\s*ngày\b", re.IGNORECASE)
ATTACHED = re.compile(r"^\(\s*(ban hành |được ban hành |phê duyệt )?kèm theo\b")
"""An appendix's or attached document's reference line: «(Kèm theo Quyết định số ... ngày ... của ...)»."""
APPENDIX_HEADING = re.compile(r"^phụ lục\b(\s*(số\s*)?[\divxlc]+\b)?([\s.:]*(\(\d{1,2}\))?$|\s*[:.\-–]\s*\S.{0,150}$)")
"""An appendix's own heading line: «Phụ lục», «Phụ lục I», «PHỤ LỤC 02», or with its title run on: «PHỤ LỤC I: DANH
MỤC ...»."""


@dataclass(frozen=True)
class Kind:
    """What a document is.

    Attributes:
        code: ``quyet-dinh``, ``cong-van``, ``to-trinh``, ... (an NĐ30 type), ``phu-luc`` (an appendix or a
            document issued with one), ``dang``, ``quy-pham``, ``bieu-mau`` or ``khac``.
        name: the kind in words, in Vietnamese.
        nd30: whether Nghị định 30's rules hold for it.
        evidence: what in the document says so, in Vietnamese.
        rules: the rules that hold for it, when its kind holds only some of NĐ30's (an appendix); ``None``:
            as :func:`applies` decides from ``code``.
    """

    code: str
    name: str
    nd30: bool
    evidence: str
    rules: frozenset[str] | None = None

    def notice(self) -> Finding:
        """The ``pham-vi`` notice that says the kind (and, outside NĐ30, that no rule was checked)."""
        if self.nd30:
            message = f"Văn bản được nhận là {self.name} ({self.evidence}): kiểm tra theo thể thức Nghị định 30/2020."
        else:
            message = (f"Văn bản được nhận là {self.name} ({self.evidence}), không thuộc thể thức Nghị định "
                       "30/2020: không kiểm tra quy tắc thể thức nào. Nếu đây là văn bản hành chính, hãy kiểm tra "
                       "Quốc hiệu, «Số:» và tên loại ở đầu văn bản.")
        return Finding(rule="pham-vi", severity="notice", where="toàn văn bản", message=message)


OUTSIDE = {
    "dang": "văn bản của Đảng (thể thức theo Hướng dẫn 36-HD/VPTW)",
    "quy-pham": "văn bản quy phạm pháp luật (thể thức theo Nghị định 34/2016 và Luật Ban hành văn bản QPPL)",
    "bieu-mau": "biểu mẫu, tờ khai, đơn của công dân",
    "doan-the": "văn bản của Đoàn TNCS Hồ Chí Minh (thể thức theo hướng dẫn của Trung ương Đoàn)",
    "khac": "văn bản không rõ loại",
}

# The top line of a Youth Union document, where an NĐ30 document has the national title.
_UNION_TOPS = ("đoàn tncs hồ chí minh", "đoàn thanh niên cộng sản hồ chí minh")


def slug(name: str) -> str:
    """A Vietnamese name as an ASCII id: «tờ trình» → ``to-trinh``."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "-".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def _outside(code: str, evidence: str) -> Kind:
    return Kind(code, OUTSIDE[code], False, evidence)


def _nd30(type_name: str, evidence: str) -> Kind:
    return Kind(slug(type_name), f"{type_name} (văn bản hành chính)", True, evidence)


@dataclass
class _Evidence:
    """What the top of the document shows."""

    top: list[Line]
    lines: list[Line]
    title: bool = False
    party: str = ""
    union: str = ""
    number: str = ""
    type_name: str = ""
    normative: str = ""
    vv: bool = False
    recipients: bool = False
    appendix: str = ""
    attached: str = ""
    form: str = ""
    form_title: str = ""
    signature: bool = False
    other_title: str = ""

    @property
    def symbol(self) -> bool:
        """Whether «Số:» gives a number and symbol («Số: 12/UBND-VP», «Số: .../QĐ-...»), not a bare number."""
        return "/" in self.number


def _top_lines(paras: list[Para], count: int) -> list[Line]:
    """The lines of the first ``count`` paragraphs that show text."""
    shown = [p for p in paras if p.text.strip()][:count]
    return [line for p in shown for line in p.lines]


def _gather(layout: Layout) -> _Evidence:
    """Read the markers every kind is told by."""
    lines = [line for p in layout.paras for line in p.lines]
    ev = _Evidence(_top_lines(layout.paras, 14), lines)
    body = False  # the text has begun: an upper-case line now is a signature's, not a title
    for line in ev.top:
        text, folded = norm(line.text), fold(FOOTNOTE_MARK.sub("", line.text))
        body = body or folded.startswith(("kính gửi", "v/v")) or len(text) > 60 and not is_upper(text)
        if text in NATIONAL_TITLES or folded.startswith(("cộng hòa xã hội chủ nghĩa", "cộng hoà xã hội chủ nghĩa")):
            ev.title = True
        elif folded.startswith("đảng cộng sản việt nam"):
            ev.party = "«ĐẢNG CỘNG SẢN VIỆT NAM»"
        elif folded.startswith(_UNION_TOPS):
            ev.union = f"«{text}»"
        elif re.match(r"^(số|luật số|nghị quyết số)\s*(:|\d|\.\.|…)", folded) and not ev.number:
            ev.number = text
        elif folded.startswith("v/v"):
            ev.vv = True
        elif folded.strip(" :") in NORMATIVE_TYPES and is_upper(text):
            ev.normative = f"tên loại «{text}»"
        elif folded in DOC_TYPES and is_upper(text) and not ev.type_name:
            ev.type_name = folded
        elif ev.title and ev.number and not body and _title_line(line, folded) and not ev.other_title:
            ev.other_title = f"«{text[:40]}»"
    _read_number(ev)
    _read_body(ev, layout.paras)
    return ev


_MARKS = ("khẩn", "thượng khẩn", "hỏa tốc", "hoả tốc", "mật", "tối mật", "tuyệt mật", "dự thảo")


def _title_line(line: Line, folded: str) -> bool:
    """A title under the header that is no NĐ30 type name («PHIẾU TRÌNH»), not an urgency or secrecy mark."""
    return (is_upper(line.text) and line.para.align == "center" and len(folded) <= 80 and folded not in _MARKS
            and bool(line.visible()) and all(p.bold for p in line.visible()))


def _read_number(ev: _Evidence) -> None:
    """What the «Số:» line says: a Party symbol, a symbol with the year (normative)."""
    for line in ev.top:
        match = _PARTY_NUMBER.search(line.text)
        if match and not ev.title:
            ev.party = ev.party or f"số, ký hiệu «{match[0]}»"
    if ev.number and _NORMATIVE_NUMBER.search(ev.number):
        ev.normative = ev.normative or f"số, ký hiệu có năm «{ev.number}»"


def _field(line: Line, beside: dict[int, Para]) -> bool:
    """Whether a line is a form's field: a label and a blank to fill in after it.

    The blank may be dots («Họ và tên: .......»), a tab with dotted leaders («Thường trú:» then a tab), a
    template's placeholder («Chức danh: {{...}}»), or the empty cell beside a label cell.
    """
    text = norm(line.text)
    if re.match(r"^(căn cứ|số\s*:|kính gửi|nơi nhận|v/v)", text.casefold()):
        return False
    if _LABEL.match(text) and _DOTTED.search(line.text):
        return True
    label, colon, value = text.partition(":")
    if not colon or not 2 <= len(label) <= 45 or re.search(r"[.…]", label):
        return False
    value = value.strip()
    if value:
        return templated(value) and len(value) < 60
    if re.search(re.escape(line.text) + r" *\t\s*(\t|$)", line.para.text):
        return True  # a tab to a dotted leader
    cell = beside.get(line.para.index)
    return cell is not None and (not cell.text.strip() or templated(cell.text))


def _cells_beside(paras: list[Para]) -> dict[int, Para]:
    """For each table paragraph, the first paragraph of the next cell in its row."""
    out: dict[int, Para] = {}
    firsts: dict[int, Para] = {}
    for para in paras:
        if para.row is not None and id(para.container) not in firsts:
            firsts[id(para.container)] = para
    cells = list(firsts.values())
    for left, right in zip(cells, cells[1:], strict=False):
        if left.row is right.row:
            for para in paras[left.index:right.index]:
                if para.container is left.container:
                    out[para.index] = right
    return out


def _read_body(ev: _Evidence, paras: list[Para]) -> None:
    """The markers further down: recipients, an appendix's heading, form fields, a signature."""
    labels = 0
    beside = _cells_beside(paras) if any(p.row is not None for p in paras) else {}
    for i, line in enumerate(ev.lines):
        folded = fold(line.text)
        if folded.startswith(("nơi nhận", "kính gửi")):
            ev.recipients = True
        if i < 12:
            _read_top_line(ev, line, folded)
        if line.para.table is None and re.match(r"^ngày,? tháng,? năm sinh\s*(:|[.…]{3})", folded):
            ev.form = ev.form or f"«{norm(line.text)[:40]}»"
        labels += _field(line, beside)
        if len(line.text) <= 60 and is_upper(line.text) and AUTHORITY.match(line.text) or (
                i >= 3 and _PLACE_DATE.match(norm(line.text))):
            ev.signature = True
    if not ev.form and (labels >= 3 or ev.form_title):
        ev.form = ev.form_title or f"{labels} dòng nhãn có chỗ trống để điền"


def _read_top_line(ev: _Evidence, line: Line, folded: str) -> None:
    """An appendix's heading or reference line, a form's title: what the first lines may show."""
    quote = f"«{norm(line.text)[:50]}»"
    if APPENDIX_HEADING.match(folded) and not ev.appendix:
        ev.appendix = quote
    elif ATTACHED.match(folded) and not ev.attached:
        ev.attached = quote
    elif is_upper(line.text) and folded.startswith(FORM_TITLES) and not folded.startswith("đơn vị"):
        ev.form_title = ev.form_title or f"tên biểu mẫu «{norm(line.text)[:40]}»"


def _administrative(ev: _Evidence, has_type: bool) -> bool:
    """Whether the markers are those of an NĐ30 document: at least two of title, number, type name, V/v."""
    marks = [ev.title, bool(ev.number), has_type, ev.vv, ev.recipients]
    return sum(marks) >= 2 and (ev.title or bool(ev.number))


def _nd30_kind(ev: _Evidence) -> Kind | None:
    """Which NĐ30 type: the type name, else the symbol's abbreviation, else a công văn.

    A công văn has no type name but a number and symbol («Số: 12/UBND-VP») or its «V/v» summary, and no title
    of its own: without them (a form with the national title and «Kính gửi:»), or with a title that is no NĐ30
    type name («PHIẾU TRÌNH»), it is no NĐ30 type (``None``).
    """
    seen = ", ".join(part for part, on in (("Quốc hiệu", ev.title), (f"«{ev.number}»", bool(ev.number)))
                     if on)
    if ev.type_name:
        return _nd30(ev.type_name, f"{seen}, tên loại «{ev.type_name.upper()}»")
    symbol = ev.number.partition("/")[2].strip()
    abbreviation = re.split(r"[-\s]", symbol)[0] if symbol else ""
    if abbreviation in ABBREVIATIONS and not ev.vv:
        return _nd30(ABBREVIATIONS[abbreviation], f"{seen}, ký hiệu «{abbreviation}» (không thấy tên loại)")
    if not ev.symbol and not ev.vv or ev.other_title:
        return None  # no công văn: no symbol and no V/v, or a title of its own that is no NĐ30 type name
    return _nd30("công văn", f"{seen}, không có tên loại" + (", có «V/v»" if ev.vv else ""))


def _attached(ev: _Evidence) -> Kind:
    """An appendix («Phụ lục ...» heading) or a document issued with another («(Kèm theo ...)» under its title)."""
    if ev.appendix:
        evidence = ev.appendix + (f", {ev.attached}" if ev.attached else "")
        return Kind("phu-luc", "phụ lục của một văn bản hành chính", True, evidence, APPENDIX_RULES)
    return Kind("phu-luc", "văn bản ban hành kèm theo một văn bản hành chính", True, ev.attached, ATTACHED_RULES)


def classify(layout: Layout) -> Kind:
    """The kind of the document, from what it shows (see the module's docstring)."""
    ev = _gather(layout)
    if ev.party and not ev.title:
        return _outside("dang", ev.party)
    if ev.union and not ev.title:
        return _outside("doan-the", ev.union)
    if ev.normative:
        return _outside("quy-pham", ev.normative)
    if (ev.appendix or ev.attached) and not ev.symbol:
        return _attached(ev)
    if ev.form and not ev.type_name and not ev.symbol:
        return _outside("bieu-mau", ev.form)
    kind = _nd30_kind(ev) if _administrative(ev, bool(ev.type_name)) else None
    if kind is not None:
        return kind
    if ev.form:
        return _outside("bieu-mau", ev.form)
    if ev.signature and not ev.title and any(is_upper(line.text) for line in ev.top[:3]):
        return Kind("phu-luc", "văn bản kèm theo một văn bản hành chính", True,
                    "tên cơ quan ở đầu, địa danh, ngày tháng và chữ ký ở cuối, không có Quốc hiệu và số, ký hiệu",
                    SIGNED_RULES)
    return _outside("khac", "không thấy Quốc hiệu, «Số:», tên loại")


_PAGE = frozenset({"tep", "kho-giay", "le-trang", "phong-chu"})
_HEADER = frozenset({"quoc-hieu", "tieu-ngu", "co-quan-chu-quan", "co-quan-ban-hanh", "vi-tri-dau-trang"})
_TEXT = frozenset({"dieu", "gian-dong", "gian-doan", "thut-dau-dong", "cap-huyen", "thuat-ngu-cu"})

APPENDIX_RULES = _PAGE | _HEADER | _TEXT | {"tieu-de-phu-luc", "so-trang"}
"""An appendix (NĐ30 Phụ lục I, III.1): its heading, title and reference line, page and text; no number, date,
recipients or signature of its own (a header, if it has one, is checked as a header). Landscape is allowed: an
appendix is where a wide table goes."""

ATTACHED_RULES = APPENDIX_RULES | {"ten-loai", "trich-yeu"}
"""A document issued with another (NĐ30 Phụ lục III, the sample after Mẫu 1.3): header without number or date,
type name, summary, reference line, text; no signature."""

SIGNED_RULES = frozenset({
    "tep", "kho-giay", "le-trang", "phong-chu", "dia-danh-ngay", "dieu", "tham-quyen-ky", "nguoi-ky",
    "nguoi-ky-ten", "gian-dong", "gian-doan", "thut-dau-dong", "cap-huyen", "thuat-ngu-cu",
}) | _HEADER
"""A document that goes with another and is signed (the Phụ lục 3 form): a body's name at the top, the place
and date and a signature at the end, no national title, number or type name."""


def applies(rule: str, kind: Kind) -> bool:
    """Whether ``rule`` holds for documents of ``kind``."""
    if not kind.nd30:
        return rule in ("tep", "pham-vi")
    if kind.rules is not None:
        return rule in kind.rules
    if rule in ("vv-cong-van", "tieu-de-phu-luc"):
        return kind.code == "cong-van" and rule == "vv-cong-van"
    if rule in ("ten-loai", "trich-yeu", "can-cu-nghieng", "can-cu-dau-cau"):
        return kind.code != "cong-van"  # a công văn has no type name, and its «Căn cứ ...» opens its text
    return True
