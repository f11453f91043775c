"""PDF/A-2b: the document's metadata written into each PDF, and a checker of what pikepdf can verify.

veraPDF (the reference validator) is not available here, so :func:`check_pdfa` checks the PDF/A-2b
(ISO 19005-2, level B) requirements that can be read from the file's objects with pikepdf: the file header,
no encryption, the XMP metadata stream (uncompressed, pdfaid:part 2, conformance B, and the same title,
author and subject as the document information), an output intent with an ICC profile, every font embedded,
no JavaScript and no forbidden action or additional actions, no LZW or external streams, no PostScript
XObjects or image alternates, annotations printable and with appearances, no form asking for appearances
to be regenerated, no embedded files, and a file identifier. It does not check colour spaces against the
output intent, transparency, or the font programs' glyph widths (veraPDF does).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from lxml import etree

PDFA_LABEL = "PDF/A-2b"
_FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript", "/Hide",
                      "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}
_FORBIDDEN_ANNOTS = {"/Sound", "/Movie", "/Screen", "/3D", "/RichMedia", "/FileAttachment"}
_NS = {"dc": "http://purl.org/dc/elements/1.1/",
       "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
       "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_TOOL_NAMES = {"", "qdocgen", "python-docx"}
_DOCUMENT_TYPES = ("QUYẾT ĐỊNH", "BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO", "CHỈ THỊ", "NGHỊ QUYẾT",
                   "QUY CHẾ", "QUY ĐỊNH", "HƯỚNG DẪN", "CÔNG VĂN", "GIẤY MỜI", "BIÊN BẢN", "CHƯƠNG TRÌNH",
                   "PHƯƠNG ÁN", "ĐỀ ÁN", "MỤC TIÊU CHẤT LƯỢNG")


@dataclass(frozen=True)
class DocumentInfo:
    """The metadata a PDF carries: title, subject, author (the issuing body) and language (BCP 47)."""

    title: str = ""
    subject: str = ""
    author: str = ""
    language: str = "vi-VN"


def document_info(docx: Path, author: str = "") -> DocumentInfo:
    """The metadata of a .docx: its core properties, the body's language, ``author`` when given.

    The subject, when the document has none, is its kind and number read from its first paragraphs, e.g.
    «Quyết định số 784/QĐ-UBND»; the author, when not given and the document names only a tool, is left
    empty rather than naming qdocgen as the issuing body.
    """
    core: dict[str, str] = {}
    language = ""
    opening = ""
    try:
        with zipfile.ZipFile(docx) as package:
            names = set(package.namelist())
            if "docProps/core.xml" in names:
                root = etree.fromstring(package.read("docProps/core.xml"))
                for key in ("title", "subject", "creator", "language"):
                    found = root.find(f"dc:{key}", _NS)
                    core[key] = " ".join((found.text or "").split()) if found is not None else ""
            if "word/styles.xml" in names:
                language = _default_language(package)
            if "word/document.xml" in names:
                opening = _opening_text(package.read("word/document.xml"))
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        pass
    creator = core.get("creator", "")
    return DocumentInfo(
        title=core.get("title", ""),
        subject=core.get("subject", "") or subject_from_text(opening),
        author=author or ("" if creator.casefold() in _TOOL_NAMES else creator) or author_from_text(opening),
        language=core.get("language", "") or language or "vi-VN")


def _default_language(package: zipfile.ZipFile) -> str:
    """The language of the document's default run properties (``w:docDefaults``), empty if none.

    ``w:docDefaults`` comes first in ``word/styles.xml``: the parse stops there instead of reading every
    style (a Word template's styles run to hundreds of kilobytes, most of a PDF's finishing time).
    """
    with package.open("word/styles.xml") as stream:
        for _, defaults in etree.iterparse(stream, events=("end",), tag=f"{{{_NS['w']}}}docDefaults",
                                           resolve_entities=False, huge_tree=False, no_network=True):
            lang = defaults.find("w:rPrDefault/w:rPr/w:lang", _NS)
            return lang.get(f"{{{_NS['w']}}}val", "") if lang is not None else ""
    return ""


def _opening_text(document_xml: bytes, paragraphs: int = 60) -> str:
    """The text of a document's first paragraphs (header tables included), one line each."""
    root = etree.fromstring(document_xml, etree.XMLParser(resolve_entities=False, huge_tree=False))
    lines = []
    for number, paragraph in enumerate(root.iter(f"{{{_NS['w']}}}p")):
        if number >= paragraphs:
            break
        lines.append("".join(t.text or "" if t.tag == f"{{{_NS['w']}}}t" else "\n"
                             for t in paragraph.iter(f"{{{_NS['w']}}}t", f"{{{_NS['w']}}}br")))
    return "\n".join(lines)


def author_from_text(text: str) -> str:
    """The issuing body as its header prints it: the lines before «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM».

    With three lines or more the first is the governing body (NĐ30's «cơ quan chủ quản»), left out.
    """
    lines: list[str] = []
    for line in text.splitlines():
        if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in line.upper():
            break
        if line.strip():
            lines.append(" ".join(line.split()))
    else:
        return ""
    return " ".join(lines[-2:] if len(lines) >= 3 else lines)


def subject_from_text(text: str) -> str:
    """«Quyết định số 784/QĐ-UBND» from a first page's text (the kind's line and the «Số:» line)."""
    flat = " ".join(text.split())
    kind = next((k for k in _DOCUMENT_TYPES if re.search(rf"(?<!\w){k}(?!\w)", flat)), "")
    number = re.search(r"Số:\s*([\w./-]*/[\w.-]+)", flat)
    if not kind:
        return ""
    label = kind.capitalize()
    return f"{label} số {number.group(1)}" if number and not number.group(1).startswith("/") else label


def apply_metadata(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    """Write ``info`` into the XMP metadata and the document information, keeping PDF/A identification."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        if info.title:
            meta["dc:title"] = info.title
        if info.subject:
            meta["dc:description"] = info.subject
        if info.author:
            meta["dc:creator"] = [info.author]
        if info.language:
            meta["dc:language"] = [info.language]
    if info.language:
        pdf.Root.Lang = pikepdf.String(info.language)


def check_pdfa(path: Path) -> list[str]:
    """The PDF/A-2b requirements ``path`` breaks, in Vietnamese (empty: it passes every check made here)."""
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        return [f"không mở được tệp PDF ({exc})"]
    with pdf:
        if pdf.is_encrypted:
            return ["tệp PDF được mã hóa (PDF/A cấm mã hóa)"]
        problems = _header(path)
        problems += _metadata(pdf)
        problems += _output_intent(pdf)
        problems += _catalog(pdf)
        seen: set[str] = set()
        for problem in _objects(pdf):
            if problem not in seen:
                seen.add(problem)
                problems.append(problem)
        if "/ID" not in pdf.trailer:
            problems.append("thiếu mã nhận dạng tệp (/ID trong trailer)")
    return problems


def _header(path: Path) -> list[str]:
    """The header: %PDF-1.x, then a comment line of at least four bytes above 127 (binary file marker)."""
    with path.open("rb") as handle:
        head = handle.read(64)
    lines = head.split(b"\n", 2)
    if not re.match(rb"%PDF-1\.[0-7]", head):
        return ["phần đầu tệp không phải %PDF-1.x"]
    if len(lines) < 2 or not lines[1].startswith(b"%") or sum(b > 127 for b in lines[1][1:5]) < 4:
        return ["dòng thứ hai của tệp thiếu chú thích nhị phân (4 byte > 127)"]
    return []


def _metadata(pdf: pikepdf.Pdf) -> list[str]:
    """The XMP stream: present, unfiltered, PDF/A-2b identification, and agreeing with the document info."""
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return ["thiếu siêu dữ liệu XMP (/Metadata)"]
    problems = []
    if "/Filter" in stream:
        problems.append("luồng siêu dữ liệu XMP bị nén (PDF/A cấm /Filter ở đây)")
    meta = pdf.open_metadata()
    part, conformance = meta.get("pdfaid:part", ""), meta.get("pdfaid:conformance", "")
    if (str(part), str(conformance).upper()) != ("2", "B"):
        problems.append(f"siêu dữ liệu XMP không khai PDF/A-2b (pdfaid:part={part or 'trống'}, "
                        f"pdfaid:conformance={conformance or 'trống'})")
    info: Any = pdf.docinfo if "/Info" in pdf.trailer else {}
    pairs = (("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"))
    for key, prop in pairs:
        if key in info:
            value = meta.get(prop, "")
            text = "; ".join(value) if isinstance(value, list) else str(value)
            if str(info[key]) != text:
                problems.append(f"{key[1:]} trong thông tin tài liệu khác với {prop} trong XMP")
    return problems


def _output_intent(pdf: pikepdf.Pdf) -> list[str]:
    """An output intent GTS_PDFA1 with an embedded ICC profile of 1, 3 or 4 components."""
    intents = pdf.Root.get("/OutputIntents")
    if not isinstance(intents, pikepdf.Array) or not intents:
        return ["thiếu OutputIntents (hồ sơ màu ICC của PDF/A)"]
    for intent in intents:
        if intent.get("/S") == "/GTS_PDFA1":
            profile = intent.get("/DestOutputProfile")
            if not isinstance(profile, pikepdf.Stream) or int(profile.get("/N", 0)) not in (1, 3, 4):
                return ["OutputIntent GTS_PDFA1 không có hồ sơ màu ICC hợp lệ (/DestOutputProfile)"]
            return []
    return ["không có OutputIntent loại GTS_PDFA1"]


def _catalog(pdf: pikepdf.Pdf) -> list[str]:
    """The catalog: no document JavaScript, no embedded files, no form asking to regenerate appearances."""
    problems = []
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            problems.append("có JavaScript (/Names /JavaScript)")
        if "/EmbeddedFiles" in names:
            problems.append("có tệp đính kèm (/EmbeddedFiles)")
    form = pdf.Root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and bool(form.get("/NeedAppearances", False)):
        problems.append("biểu mẫu đặt NeedAppearances true (PDF/A cấm)")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        problems.append("biểu mẫu XFA (PDF/A cấm)")
    return problems


def _dictionaries(obj: Any, depth: int = 0) -> Iterator[Any]:
    """``obj`` and the dictionaries written inside it (direct objects); indirect ones are visited on their own."""
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        yield obj
        values = list(obj.values())
    elif isinstance(obj, pikepdf.Array):
        values = list(obj)
    else:
        return
    if depth < 32:  # a hostile file may nest without end
        for value in values:
            if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
                yield from _dictionaries(value, depth + 1)


def _objects(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every object of the file looked at once: fonts, actions, streams, annotations, XObjects."""
    for top in pdf.objects:
        for obj in _dictionaries(top):
            yield from _object(obj)


_ACTION_KEYS = frozenset({"/JS", "/S", "/AA"})


def _object(obj: Any) -> Iterator[str]:
    """What one dictionary or stream breaks (its keys read once: most are structure elements with none to judge)."""
    keys = set(obj.keys())
    if keys & _ACTION_KEYS:
        yield from _action(obj)
    if isinstance(obj, pikepdf.Stream):
        yield from _stream(obj)
    kind = obj.get("/Type") if "/Type" in keys else None
    if kind == "/Font":
        yield from _font(obj)
    elif kind == "/Annot" or "/Subtype" in keys and "/Rect" in keys:
        yield from _annotation(obj)


def _action(obj: Any) -> Iterator[str]:
    """JavaScript, a forbidden action, additional actions."""
    if "/JS" in obj or obj.get("/S") == "/JavaScript":
        yield "có JavaScript"
    elif obj.get("/S") in _FORBIDDEN_ACTIONS:
        yield f"có hành động bị cấm {obj.get('/S')}"
    if "/AA" in obj:
        yield "có hành động bổ sung (/AA)"


def _stream(obj: pikepdf.Stream) -> Iterator[str]:
    """LZW, external data, PostScript, image interpolation or alternates."""
    filters = obj.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters or "")]
    if "/LZWDecode" in names:
        yield "có luồng nén LZW (PDF/A cấm)"
    if "/F" in obj:
        yield "có luồng trỏ ra tệp bên ngoài (/F)"
    if obj.get("/Subtype") == "/PS" or obj.get("/Subtype2") == "/PS":
        yield "có PostScript XObject"
    if obj.get("/Subtype") == "/Image":
        if bool(obj.get("/Interpolate", False)):
            yield "ảnh đặt /Interpolate true"
        if "/Alternates" in obj or "/OPI" in obj:
            yield "ảnh có /Alternates hoặc /OPI"


def _font(font: Any) -> Iterator[str]:
    """A font whose program is not embedded (Type 3 fonts are drawn in the file itself)."""
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return
    target = font
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or not descendants:
            yield f"phông {font.get('/BaseFont')} thiếu phông con"
            return
        target = descendants[0]
    descriptor = target.get("/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary) or not any(
            k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        yield f"phông {str(font.get('/BaseFont', '?'))[1:]} không được nhúng"


def _annotation(annot: Any) -> Iterator[str]:
    """A forbidden kind, not printable or hidden, no normal appearance (or more than one)."""
    subtype = annot.get("/Subtype")
    if subtype in _FORBIDDEN_ANNOTS:
        yield f"có chú thích loại bị cấm {subtype}"
    if subtype == "/Popup":
        return
    flags = int(annot.get("/F", 0))
    if not flags & 4 or flags & (1 | 2 | 32 | 256):
        yield f"chú thích {subtype} không đặt cờ In (Print) hoặc bị ẩn (PDF/A cần /F có Print, không Hidden)"
    rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
    if subtype != "/Link" and len(rect) == 4 and rect[0] != rect[2] and rect[1] != rect[3]:
        appearance = annot.get("/AP")
        if not isinstance(appearance, pikepdf.Dictionary) or "/N" not in appearance:
            yield f"chú thích {subtype} không có hình hiển thị (/AP /N)"
        elif set(appearance.keys()) - {"/N"}:
            yield f"chú thích {subtype} có hình hiển thị ngoài /N (PDF/A chỉ cho /N)"
