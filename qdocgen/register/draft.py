"""A signed draft as the register needs it: what to record about it, and its copy with the number filled in.

The draft is read from what it shows (its header, type name, summary, «Nơi nhận», signature block), so a
document typed in Word reads as well as one qdocgen made; the summary comes from the title property qdocgen
fills, else from the line under the type name. Filling follows NĐ30: «Số: 05/QĐ-UBND» (below 10 with a
leading 0), «An Lạc, ngày 05 tháng 3 năm 2026» (day below 10 and months 1, 2 padded), through
:mod:`qdocgen.vnformat`, in every blank «Số:      /KH» / «số      /KH» and every blank «ngày   tháng   năm».
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from qdocgen.errors import RegisterError
from qdocgen.oxml import stamp
from qdocgen.vnformat import format_date, pad_number

DOC_TYPES = (
    "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH", "THÔNG CÁO", "THÔNG BÁO", "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH", "KẾ HOẠCH", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN", "BÁO CÁO", "BIÊN BẢN", "TỜ TRÌNH", "HỢP ĐỒNG",
    "CÔNG ĐIỆN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN", "GIẤY ỦY QUYỀN", "GIẤY MỜI", "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP", "PHIẾU GỬI", "PHIẾU CHUYỂN", "PHIẾU BÁO",
)
_BLANK = r"[ \u00a0.…]"
_NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>[^/\s]*)\s*/\s*(?P<symbol>\S+)\s*$")
_NATIONAL = re.compile(r"^CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_DATE_BLANK = re.compile(rf"ngày{_BLANK}+tháng{_BLANK}+năm(?:{_BLANK}*(?P<year>\d{{4}}))?")
_DATE_FILLED = re.compile(r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})")
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s")
_KEPT = re.compile(r"^-?\s*Lưu\s*:?\s*(?P<kept>.*?)[.;]?\s*$")


@dataclass(frozen=True)
class Draft:
    """What the register records about a signed draft, read from the document itself."""

    path: Path
    sha256: str
    symbol: str
    office: str
    parent_office: str
    doc_type: str
    summary: str
    signer: str
    recipients: list[str] = field(default_factory=list)
    kept_by: str = ""
    year: int | None = None
    date: datetime.date | None = None  # when the drafter already wrote the date on the date line

    def type_and_summary(self) -> str:
        """The register's «tên loại và trích yếu» column: "Quyết định về việc ban hành ..."."""
        kind = self.doc_type.capitalize() if self.doc_type else ""
        summary = self.summary
        if summary[:1].isupper() and summary.split(" ", 1)[0] in ("Về", "V/v"):
            summary = summary[0].lower() + summary[1:]
        return f"{kind} {summary}".strip()


def _nfc(text: str) -> str:
    """Text in Unicode NFC, as Vietnamese is compared."""
    return unicodedata.normalize("NFC", text)


def _open(path: Path) -> stamp.Package:
    """Read the package; every failure said in Vietnamese with the file's name."""
    try:
        return stamp.read_package(path)
    except FileNotFoundError as exc:
        raise RegisterError(f"{path}: không có tệp này; kiểm tra lại đường dẫn tới văn bản đã ký.") from exc
    except stamp.PackageTooLarge as exc:
        raise RegisterError(f"{path}: tệp quá lớn để là một văn bản (.docx); kiểm tra lại tệp.") from exc
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise RegisterError(f"{path}: không đọc được tệp .docx ({exc}); mở thử bằng Word, lưu lại rồi chạy "
                            "lại.") from exc


def _lines(package: stamp.Package, path: Path) -> list[tuple[str, int | None]]:
    """The body's lines as shown, each with the table cell it is in."""
    body = package.part("word/document.xml")
    if body is None:
        raise RegisterError(f"{path}: không phải tệp Word (.docx): thiếu phần thân văn bản.")
    try:
        found = stamp.blocks(body)
    except etree.XMLSyntaxError as exc:
        raise RegisterError(f"{path}: phần thân văn bản hỏng ({exc}); mở bằng Word, lưu lại rồi chạy lại.") from exc
    return [(_nfc(line).strip(), b.cell) for b in found for line in b.text.split("\n")]


def _header(lines: list[tuple[str, int | None]], path: Path) -> tuple[int, str, str]:
    """Index of the «Số:» line, its symbol, and the issuing body's line; refuses a numbered or odd header."""
    for index, (text, _) in enumerate(lines[:40]):
        match = _NUMBER_LINE.match(text)
        if not match:
            continue
        if match["number"].strip(" .…"):
            raise RegisterError(f"{path}: văn bản đã có số «{text}»; sổ chỉ cấp số cho văn bản để trống số "
                                "(«Số:      /QĐ-UBND»). Nếu đây là văn bản khác, hãy soạn lại bản để trống số.")
        return index, match["symbol"], text
    raise RegisterError(f"{path}: không thấy dòng «Số:      /<ký hiệu>» ở phần đầu văn bản; sổ chỉ cấp số cho "
                        "văn bản hành chính có dòng số và ký hiệu để trống.")


def _offices(lines: list[tuple[str, int | None]], number_at: int) -> tuple[str, str]:
    """The issuing body and its governing body: the upper-case lines above «Số:» left of the national title."""
    cell = lines[number_at][1]
    names: list[str] = []
    for text, where in lines[:number_at]:
        if _NATIONAL.match(text) or text.startswith("Độc lập"):
            continue
        if text and text == text.upper() and (cell is None or where is None or where < cell):
            names.append(text)
    if not names:
        return "", ""
    # qdocgen and NĐ30 headers: governing body on 1-2 lines, the issuing body (bold) under it, 2 lines
    # for «ỦY BAN NHÂN DÂN / PHƯỜNG X». Without bold here, take the last two lines as the issuing body.
    issuing = names[-2:] if len(names) >= 2 else names
    parent = names[:-2] if len(names) > 2 else []
    return " ".join(issuing), " ".join(parent)


def _type_and_summary(lines: list[tuple[str, int | None]], number_at: int) -> tuple[str, str]:
    """The type name (QUYẾT ĐỊNH, ...) under the header and the line under it."""
    for index in range(number_at + 1, min(len(lines), number_at + 12)):
        text = lines[index][0]
        if text in DOC_TYPES:
            summary = next((t for t, _ in lines[index + 1:index + 4] if t), "")
            return text, summary
    return "", ""


def _recipients(lines: list[tuple[str, int | None]]) -> tuple[list[str], str]:
    """The «Nơi nhận» lines without their dashes, and the «Lưu:» line's holders."""
    start = next((i for i, (t, _) in enumerate(lines) if t.startswith("Nơi nhận")), None)
    if start is None:
        return [], ""
    out: list[str] = []
    for text, _ in lines[start + 1:start + 60]:
        kept = _KEPT.match(text)
        if kept:
            return out, kept["kept"].strip()
        if text.startswith(("-", "–", "+")):
            out.append(text.lstrip("-–+ ").rstrip(";,. "))
        elif text:
            break
    return out, ""


def _signer(lines: list[tuple[str, int | None]], number_at: int) -> str:
    """The signer's name: the last mixed-case line of the first signature block."""
    for index in range(number_at + 1, len(lines)):
        text, cell = lines[index]
        if not _AUTHORITY.match(text):
            continue
        name = ""
        for after, where in lines[index + 1:index + 12]:
            if where != cell or after.startswith(("Nơi nhận", "PHỤ LỤC", "MỤC TIÊU")):
                break
            if after and after != after.upper():
                name = after
        return name
    return ""


def _date_year(lines: list[tuple[str, int | None]], number_at: int) -> int | None:
    """The year the draft's date line already shows, if any."""
    for text, _ in lines[number_at:number_at + 3]:
        found = _DATE_BLANK.search(text)
        if found and found["year"]:
            return int(found["year"])
    return None


def _date_written(lines: list[tuple[str, int | None]], number_at: int) -> datetime.date | None:
    """The date already written on the date line beside «Số:», if the drafter filled it."""
    for text, _ in lines[number_at:number_at + 3]:
        found = _DATE_FILLED.search(text)
        if found:
            try:
                return datetime.date(int(found["year"]), int(found["month"]), int(found["day"]))
            except ValueError:
                return None
    return None


def read_draft(path: Path) -> Draft:
    """Read a signed draft: its symbol, offices, type, summary, signer, recipients; refuses a numbered one."""
    package = _open(path)
    lines = _lines(package, path)
    number_at, symbol, _ = _header(lines, path)
    office, parent = _offices(lines, number_at)
    doc_type, summary = _type_and_summary(lines, number_at)
    try:
        title = _nfc(stamp.core_title(package.part(stamp.CORE_PART)))
    except etree.XMLSyntaxError:
        title = ""
    recipients, kept = _recipients(lines)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Draft(path=path, sha256=digest, symbol=symbol, office=office, parent_office=parent, doc_type=doc_type,
                 summary=title or summary, signer=_signer(lines, number_at), recipients=recipients, kept_by=kept,
                 year=_date_year(lines, number_at), date=_date_written(lines, number_at))


def _finder(number: int, symbol: str, date: datetime.date) -> tuple[re.Pattern[str], str, str]:
    """The pattern of a blank number before ``symbol``, the number and the date as written."""
    number_blank = re.compile(rf"(?P<lead>\b[Ss]ố)(?P<colon>\s*:)?(?P<blank>{_BLANK}*)/(?={re.escape(symbol)}(?!\w))")
    return number_blank, pad_number(number), format_date(date)


def fill(path: Path, number: int, symbol: str, date: datetime.date) -> bytes:
    """The draft's bytes with every blank number of ``symbol`` and every blank date filled; draft untouched."""
    package = _open(path)
    number_blank, shown, date_text = _finder(number, symbol, date)

    def find(text: str) -> list[stamp.Edit]:
        """The edits for one paragraph's text."""
        edits: list[stamp.Edit] = []
        for m in number_blank.finditer(text):
            edits.append((m.end("lead"), m.end("blank"), f"{m['colon'] or ''}".strip() + f" {shown}"))
        for m in _DATE_BLANK.finditer(text):
            edits.append((m.start(), m.end(), date_text))
        return edits

    replaced: dict[str, bytes] = {}
    total = 0
    for name in package.text_parts():
        raw = package.part(name)
        assert raw is not None
        try:
            new, count = stamp.edit_paragraphs(raw, find)
        except etree.XMLSyntaxError as exc:
            raise RegisterError(f"{path}: phần {name} hỏng ({exc}); mở bằng Word, lưu lại rồi chạy lại.") from exc
        if count:
            replaced[name] = new
            total += count
    if not total:
        raise RegisterError(f"{path}: không thấy chỗ trống để ghi số và ngày («Số:      /{symbol}»).")
    return package.build(replaced)
