"""A .docx package read as hostile: checked from the zip directory before anything is inflated.

Templates pass between offices, so a package is not trusted to be what its name says. Before a part is
inflated its declared size is checked (per part and in total) and its name must be a safe part name; reads
never go past the declared size. Then the package must be a Word document: ``[Content_Types].xml``,
``_rels/.rels``, ``word/document.xml`` and styles present, every part with a content type, no macros, no
DOCTYPE (entities) in XML parts. External relationships are reported (``external_links``) and removed
from the copy handed to LibreOffice (``sanitize_for_conversion``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from qdocgen import limits
from qdocgen.limits import MB

CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
DOCUMENT = "word/document.xml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
}
MACRO_TYPES = ("macroEnabled", "vbaProject", "vbaData", "ms-office.activeX")
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_UNSAFE_NAME = re.compile(r"(^/)|(^|/)\.\.?(/|$)|\\|^[A-Za-z]:|\x00|//")
_PARAGRAPH = re.compile(rb"<w:p[ >/]")
_TAG = re.compile(rb"\{[{%#]")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$|^docProps/core\.xml$")


@dataclass
class Package:
    """A package's parts (in zip order) and its zip entries; ``errors`` make it unusable, ``warnings`` not."""

    label: str
    parts: dict[str, bytes] = field(default_factory=dict)
    infos: list[zipfile.ZipInfo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the package may be used."""
        return not self.errors


def _mb(size: float) -> str:
    return f"{size / MB:,.1f} MB".replace(",", " ").replace(".", ",")


def _open(source: Path | bytes, package: Package) -> zipfile.ZipFile | None:
    try:
        if isinstance(source, Path):
            size = source.stat().st_size
            if size > limits.current().template_mb * MB:
                package.errors.append(f"tệp nặng {_mb(size)}, quá giới hạn ({limits.hint('template_mb')}).")
                return None
            return zipfile.ZipFile(source)
        return zipfile.ZipFile(io.BytesIO(source))
    except FileNotFoundError:
        package.errors.append("không tìm thấy tệp; kiểm tra lại đường dẫn.")
    except IsADirectoryError:
        package.errors.append("đây là một thư mục, không phải tệp .docx.")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        package.errors.append("không phải tệp .docx (không phải gói ZIP của Word) hoặc tệp bị hỏng; hãy mở bằng "
                              "Word hoặc LibreOffice và lưu lại dạng .docx.")
    except OSError as exc:
        package.errors.append(f"không đọc được tệp ({exc.strerror or exc}).")
    return None


def _directory_problems(infos: list[zipfile.ZipInfo]) -> list[str]:
    """What the zip directory alone shows wrong: too many parts, sizes once inflated, unsafe or repeated names."""
    bounds = limits.current()
    problems: list[str] = []
    if len(infos) > bounds.parts:
        problems.append(f"gói có {len(infos)} phần, quá giới hạn ({limits.hint('parts')}).")
        return problems
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if _UNSAFE_NAME.search(name) or not name:
            problems.append(f"phần «{name}» có tên không an toàn (đường dẫn tuyệt đối hoặc «..», có thể thoát ra "
                            "ngoài khi giải nén); mở tệp bằng Word rồi lưu lại để bỏ phần đó.")
            continue
        if name.lower() in seen:
            problems.append(f"phần «{name}» có hai lần trong gói; mở tệp bằng Word rồi lưu lại.")
        seen.add(name.lower())
        if info.flag_bits & 0x1:
            problems.append(f"phần «{name}» bị mã hóa (tệp có mật khẩu); hãy bỏ mật khẩu rồi lưu lại.")
        cap = bounds.xml_part_mb if name.endswith((".xml", ".rels")) else bounds.part_mb
        if info.file_size > cap * MB:
            field_name = "xml_part_mb" if cap == bounds.xml_part_mb else "part_mb"
            problems.append(f"phần «{name}» giải nén ra {_mb(info.file_size)}, quá giới hạn "
                            f"({limits.hint(field_name)}).")
        total += info.file_size
    if total > bounds.package_mb * MB:
        problems.append(f"cả gói giải nén ra {_mb(total)}, quá giới hạn ({limits.hint('package_mb')}).")
    return problems


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A part's bytes, never more than its declared size (a lying header cannot inflate more)."""
    with archive.open(info) as handle:
        return handle.read(info.file_size + 1)[: info.file_size]


def read(source: Path | bytes, label: str | None = None) -> Package:
    """Read and check a package; problems are in ``errors``/``warnings``, nothing is raised for bad input."""
    package = Package(label or (source.name if isinstance(source, Path) else "tệp .docx"))
    archive = _open(source, package)
    if archive is None:
        return package
    with archive:
        infos = archive.infolist()
        package.errors += _directory_problems(infos)
        if package.errors:
            return package
        package.infos = infos
        try:
            for info in infos:
                if not info.is_dir():
                    package.parts[info.filename] = _read(archive, info)
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError) as exc:
            package.errors.append(f"gói bị hỏng, không giải nén được ({exc}); hãy mở bằng Word hoặc LibreOffice và "
                                  "lưu lại dạng .docx.")
            return package
    package.infos = [i for i in infos if not i.is_dir()]
    _check_structure(package)
    return package


def _xml(package: Package, name: str) -> etree._Element | None:
    raw = package.parts.get(name)
    if raw is None:
        return None
    try:
        return etree.fromstring(raw, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        package.errors.append(f"phần «{name}» không phải XML hợp lệ ({exc}); mở tệp bằng Word rồi lưu lại.")
        return None


def _content_type(types: etree._Element, name: str) -> str | None:
    for override in types.iter(f"{{{CT_NS}}}Override"):
        if override.get("PartName", "").lstrip("/").lower() == name.lower():
            return str(override.get("ContentType", ""))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    for default in types.iter(f"{{{CT_NS}}}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType", ""))
    return None


def _check_structure(package: Package) -> None:
    """Required parts, content types, macros, DOCTYPEs, sizes of XML parts in paragraphs and tags."""
    missing = [n for n in (CONTENT_TYPES, ROOT_RELS, DOCUMENT) if n not in package.parts]
    if missing:
        package.errors.append(f"thiếu phần bắt buộc của tệp Word: {', '.join(missing)}; Word không mở được tệp "
                              "này. Hãy mở tệp gốc bằng Word hoặc LibreOffice và lưu lại dạng .docx.")
    _check_xml_parts(package)
    types = _xml(package, CONTENT_TYPES)
    if types is not None:
        _check_types(package, types)
    _check_styles(package)
    for name, kind in _macro_parts(package, types):
        package.errors.append(f"có macro ({kind}: «{name}»); qdocgen không nhận mẫu có macro. Hãy lưu lại mẫu "
                              "dạng «Word Document (*.docx)», không phải .docm.")


def _check_xml_parts(package: Package) -> None:
    bounds = limits.current()
    tags = 0
    for name, raw in package.parts.items():
        if not name.endswith((".xml", ".rels")):
            continue
        if _DOCTYPE.search(raw):
            package.errors.append(f"phần «{name}» có khai báo DOCTYPE (thực thể XML), tệp Word thật không có; "
                                  "mở tệp bằng Word rồi lưu lại.")
        if _TEMPLATED.match(name):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                package.errors.append(f"phần «{name}» không viết bằng UTF-8 (có thể là UTF-16); mở tệp bằng Word "
                                      "rồi lưu lại dạng .docx.")
            tags += len(_TAG.findall(raw))
            paragraphs = len(_PARAGRAPH.findall(raw))
            if paragraphs > bounds.paragraphs:
                package.errors.append(f"phần «{name}» có {paragraphs} đoạn văn, quá giới hạn "
                                      f"({limits.hint('paragraphs')}).")
    if tags > bounds.tags:
        package.errors.append(f"mẫu có {tags} thẻ Jinja, quá giới hạn ({limits.hint('tags')}).")


def _check_types(package: Package, types: etree._Element) -> None:
    untyped = [n for n in package.parts if n != CONTENT_TYPES and _content_type(types, n) is None]
    if untyped:
        package.errors.append(f"[Content_Types].xml không khai báo kiểu cho: {', '.join(untyped[:5])}; mở tệp "
                              "bằng Word rồi lưu lại.")
    main = _content_type(types, DOCUMENT) if DOCUMENT in package.parts else None
    if main is not None and main not in MAIN_TYPES and "macroEnabled" not in main:
        package.errors.append(f"word/document.xml có kiểu «{main}», không phải văn bản Word; mở tệp bằng Word "
                              "rồi lưu lại dạng .docx.")
    listed = {o.get("PartName", "").lstrip("/") for o in types.iter(f"{{{CT_NS}}}Override")}
    absent = sorted(n for n in listed if n and n not in package.parts)
    if absent:
        package.warnings.append(f"[Content_Types].xml nhắc tới phần không có: {', '.join(absent[:5])}.")


def _check_styles(package: Package) -> None:
    if DOCUMENT not in package.parts:
        return
    targets = [t for t, kind, _external in relationships(package, DOCUMENT) if kind.endswith("/styles")]
    if not targets or not any(t in package.parts for t in targets):
        package.errors.append("thiếu phần kiểu (word/styles.xml) mà văn bản Word cần; mở tệp bằng Word hoặc "
                              "LibreOffice rồi lưu lại dạng .docx.")


def _macro_parts(package: Package, types: etree._Element | None) -> Iterator[tuple[str, str]]:
    for name in package.parts:
        lower = name.lower()
        if lower.endswith((".bin", ".vba")) and ("vba" in lower or "activex" in lower):
            yield name, "phần macro"
        elif types is not None and any(m in (_content_type(types, name) or "") for m in MACRO_TYPES):
            yield name, f"kiểu {_content_type(types, name)}"


def rels_name(part: str) -> str:
    """The relationships part of ``part``: ``word/document.xml`` → ``word/_rels/document.xml.rels``."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def relationships(package: Package, part: str) -> Iterator[tuple[str, str, bool]]:
    """``(target, type, external)`` of every relationship of ``part``; internal targets as part names."""
    root = _xml(package, rels_name(part))
    if root is None:
        return
    folder = posixpath.dirname(part)
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        target, kind = rel.get("Target", ""), rel.get("Type", "")
        if rel.get("TargetMode") == "External":
            yield target, kind, True
        else:
            yield (target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))), kind, False


def external_links(package: Package) -> list[str]:
    """Every external relationship that is not a plain web hyperlink, said for the author."""
    found = []
    for name in package.parts:
        if not name.endswith(".rels"):
            continue
        root = _xml(package, name)
        for rel in root.iter(f"{{{REL_NS}}}Relationship") if root is not None else ():
            if rel.get("TargetMode") != "External":
                continue
            kind, target = rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", "")
            if rel.get("Type") == HYPERLINK and target.lower().startswith(("http:", "https:", "mailto:")):
                continue
            found.append(f"liên kết ra ngoài ({kind}) tới «{target[:100]}» trong {name}: Word sẽ tải hoặc mở nó "
                         "khi người nhận mở văn bản; qdocgen bỏ nó khi chuyển PDF. Hãy chèn hẳn nội dung vào mẫu "
                         "(Insert → Picture, không chọn «Link to File»).")
    return found


# --- the copy LibreOffice converts -------------------------------------------------------------------

_FIELD_FETCH = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDE|DDEAUTO|IMPORT|HYPERLINK\s+\"?file:)",
                          re.IGNORECASE)
_LINK_ATTRS = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}link",
               "{urn:schemas-microsoft-com:office:office}href")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _neutralise_rels(raw: bytes) -> tuple[bytes, set[str]]:
    root = etree.fromstring(raw, SAFE_PARSER)
    dropped: set[str] = set()
    for rel in list(root.iter(f"{{{REL_NS}}}Relationship")):
        if rel.get("TargetMode") == "External" and not (
                rel.get("Type") == HYPERLINK and rel.get("Target", "").lower().startswith(("http:", "https:",
                                                                                           "mailto:"))):
            dropped.add(rel.get("Id", ""))
            rel.getparent().remove(rel)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)), dropped


_RELS_PREFIX = "http://schemas.openxmlformats.org/officeDocument"
# Only the elements that can need a change are looked at (XPath in C, not every element in Python): a decision's
# document.xml has tens of thousands of elements, and walking them all took most of a PDF batch's serial time.
_LINKING = etree.XPath("//*[@r:link or @o:href]", namespaces={
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "o": "urn:schemas-microsoft-com:office:office"})
_REL_IDS = etree.XPath(f"//@*[local-name()='id' and starts-with(namespace-uri(), '{_RELS_PREFIX}')]")
_FIELDS = etree.XPath("//w:instrText | //w:fldSimple",
                      namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"})


def _neutralise_xml(raw: bytes, dropped: set[str]) -> bytes:
    root = etree.fromstring(raw, SAFE_PARSER)
    for el in _LINKING(root):
        for attr in _LINK_ATTRS:
            el.attrib.pop(attr, None)
    if dropped:
        for value in _REL_IDS(root):
            if str(value) in dropped:
                del value.getparent().attrib[value.attrname]
    for el in _FIELDS(root):
        if el.tag == f"{_W}instrText" and el.text and _FIELD_FETCH.match(el.text):
            el.text = " "
        if el.tag == f"{_W}fldSimple" and _FIELD_FETCH.match(el.get(f"{_W}instr", "")):
            el.set(f"{_W}instr", " ")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# What a part must contain to need a change, whatever prefixes it binds: a field (its instruction is in one of
# two elements), a link or href attribute, or (when a relationship was dropped) a relationship id. Parts without
# any (most styles and theme parts: the old marker «DDE» matched colours like B6DDE8) are passed as they are.
_ATTRIBUTE = re.compile(rb"\s*=")


def _has_prefixed_attribute(raw: bytes, local: bytes) -> bool:
    """Whether ``raw`` has an attribute ``prefix:local=`` (searched as plain bytes: a regex was far slower)."""
    marker = b":" + local
    at = raw.find(marker)
    while at != -1:
        if _ATTRIBUTE.match(raw, at + len(marker)):
            return True
        at = raw.find(marker, at + 1)
    return False


def _needs_neutralising(raw: bytes, dropped: set[str]) -> bool:
    """Whether an XML part may hold a fetching field, a link attribute or a dropped relationship's id."""
    return (b"instrText" in raw or b"fldSimple" in raw or _has_prefixed_attribute(raw, b"link")
            or _has_prefixed_attribute(raw, b"href") or bool(dropped and _has_prefixed_attribute(raw, b"id")))


def sanitize_for_conversion(docx: bytes) -> bytes:
    """A copy of ``docx`` that makes LibreOffice fetch nothing and embed no linked file.

    External relationships other than web hyperlinks are removed (linked images, OLE objects, attached
    templates, sub-documents, frames) with the attributes pointing at them, and fields that load a file or
    a URL (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, IMPORT) are emptied. Raises ``ValueError`` for a package
    that is not a valid .docx (``read`` says why).
    """
    package = read(docx)
    if not package.ok:
        raise ValueError("; ".join(package.errors))
    dropped_by_part: dict[str, set[str]] = {}
    parts = dict(package.parts)
    for name, raw in package.parts.items():
        if name.endswith(".rels") and b"External" in raw:
            parts[name], dropped = _neutralise_rels(raw)
            owner = posixpath.join(posixpath.dirname(posixpath.dirname(name)), posixpath.basename(name)[:-5])
            dropped_by_part[owner] = dropped
    for name, raw in package.parts.items():
        if name.endswith(".xml") and name.startswith("word/") and \
                _needs_neutralising(raw, dropped_by_part.get(name, set())):
            parts[name] = _neutralise_xml(raw, dropped_by_part.get(name, set()))
    out = io.BytesIO()
    # Stored, not deflated: the copy only lives in a temporary folder for LibreOffice to read, and compressing
    # it again cost more than the cleaning itself.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for info in package.infos:
            archive.writestr(info.filename, parts[info.filename])
    return bytes(out.getvalue())
