"""Rendering: a .docx template compiled once, then filled for as many units as wanted.

The package is read once; each XML part holding tags is prepared (tags split across runs are joined,
docxtpl's ``{%p %}``/``{%tr %}`` forms resolved) and compiled once. Filling a unit renders only those parts;
every other part is copied as it is.
"""

from __future__ import annotations

import re
import zipfile
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Template
from jinja2 import TemplateError as JinjaError
from lxml import etree

from qdocgen import limits, vnformat
from qdocgen.environment import explain, has_tags
from qdocgen.errors import ExitStatus, TemplateError
from qdocgen.oxml import opc
from qdocgen.oxml import package as oxml
from qdocgen.oxml.grid import fit_every_table, fit_table, fit_table_as_docxtpl
from qdocgen.oxml.inline import PREFIX as RICH_MARK
from qdocgen.oxml.inline import Drawing, expand_tree
from qdocgen.oxml.scan import PROPERTIES_PART, TEMPLATED_PART, part_label
from qdocgen.oxml.zipwriter import PackageWriter
from qdocgen.template import rich, swapped
from qdocgen.template.environment import template_environment
from qdocgen.template.registry import TemplateInfo, load_spec

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
# qdocgen's cell tag beside docxtpl's colspan/cellbg: {% do_rong EXPR %} sets the cell's width (in dxa).
_CELL_WIDTH = re.compile(r"(<w:tc[ >](?:(?!<w:tc[ >]).)*){%\s*do_rong\s+([^%]*?)\s*%}(.*?</w:tc>)", re.DOTALL)
# docxtpl's escapes for a literal tag in the template's text: «{_{» prints «{{». Resolved in the template only,
# so that a value typed as «{_{» in the data prints as typed.
_ESCAPED = {"{_{": "{{", "}_}": "}}", "{_%": "{%", "%_}": "%}"}
_ESCAPED_TAG = re.compile(r"\{_\{|\}_\}|\{_%|%_\}")
# Inside a tag, the character entities Word or another editor may store (&quot; &apos; &amp; &#8220; ...) are
# read as their characters, as the author typed them; curly quotes become straight (docxtpl mends those too).
_TAG_INNER = re.compile(r"(?<=\{[{%])(.*?)(?=[}%]\})")
_ENTITY = re.compile(r"&(quot|apos|amp|lt|gt|#[0-9]+|#x[0-9a-fA-F]+);")
_NAMED = {"quot": '"', "apos": "'", "amp": "&", "lt": "<", "gt": ">"}
_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
# Tags that change a table's columns (a column loop or condition, a horizontal merge, a span): the grid is
# fitted after rendering, as docxtpl does. Looked for in the prepared part, where {%tc has become {% and a
# {% hm %} has become a gridSpan of loop.length.
_COLUMN_TAG = re.compile(r"loop\.length|w:gridSpan w:val=\"\{\{")
_CELL_LEVEL = re.compile(r"\{%-?tc\s")
_TABLE_LOOP = re.compile(r"{%\s*do_rong\s|{%tc\s")


def _cell_width(m: re.Match[str]) -> str:
    rest = re.sub(r"{%\s*do_rong\s[^%]*%}", "", m.group(3))  # one width per cell: the first tag's
    cell = re.sub(r"<w:tcW [^>]*/>", "", m.group(1) + rest, count=1)
    width = '<w:tcW w:w="{{ ' + m.group(2) + ' }}" w:type="dxa"/>'
    return cell.replace("<w:tcPr>", "<w:tcPr>" + width, 1)




def _entity(m: re.Match[str]) -> str:
    """One character entity as its character (a code point out of range stays as written)."""
    name = m.group(1)
    if name in _NAMED:
        return _NAMED[name]
    try:
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    except (ValueError, OverflowError):
        return m.group(0)


def _tag_characters(m: re.Match[str]) -> str:
    """A tag's inside with its entities read once (``&amp;quot;`` stays ``&quot;``) and quotes straightened."""
    return _ENTITY.sub(_entity, m.group(0)).translate(_STRAIGHT)


def _changes_columns(raw: bytes, source: str) -> bool:
    """Whether a part's tables may get other columns than their grid (``{%tc %}``, ``{% hm %}``, colspan)."""
    if _COLUMN_TAG.search(source):
        return True
    return _CELL_LEVEL.search(re.sub(r"<[^>]+>", "", raw.decode("utf-8", "replace"))) is not None


def prepare_xml(xml: str) -> str:
    """Make Word's XML fit for Jinja: docxtpl's tag mending, then one paragraph per line (for error lines)."""
    from docxtpl import DocxTemplate

    patched: str = DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]  # it uses no instance state
    patched = _TAG_INNER.sub(_tag_characters, patched)
    patched = _CELL_WIDTH.sub(_cell_width, patched)
    patched = _ESCAPED_TAG.sub(lambda m: "{{ '" + _ESCAPED[m.group(0)] + "' }}", patched)
    return _PARAGRAPH_START.sub(r"\n<w:p\1", patched)


def paragraph_text(xml_line: str) -> str:
    """The visible text of one line of prepared XML (one paragraph), for error messages."""
    text = re.sub(r"<[^>]+>", "", xml_line)
    return re.sub(r"\s+", " ", text).strip()


def _template_line(exc: BaseException) -> int | None:
    """The template line a filter's error came from: Jinja maps its frames back to "<template>" lines."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class ValueProblem(TemplateError):
    """A data value the template's filters cannot format (an odd symbol, a number written oddly): exit 3."""

    exit_code = ExitStatus.DATA


def _reshaped(xml: str, drawing: Drawing | None, fit: Callable[[etree._Element], bool] | None
              ) -> tuple[str, etree._Element]:
    """The rendered part with its rich values expanded (``drawing``) and its table grids fitted (``fit``).

    One parse for both (and for the check that the part is well-formed); the text is written out again only
    when something changed. Also the parsed part, which is that text.
    """
    root = etree.fromstring(xml.encode("utf-8"))
    changed = drawing is not None
    if drawing is not None:
        expand_tree(root, drawing)
    if fit is not None:
        changed = fit_every_table(root, fit) or changed
    if not changed:
        return xml, root
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8"), root


class _Parsed(Mapping[str, etree._Element]):
    """The parts of one rendered document, parsed: the rendered ones as rendering left them, the rest once.

    What a layout check reads instead of parsing the bytes again (the same XML; the check only reads).
    """

    def __init__(self, rendered: Mapping[str, bytes], trees: Mapping[str, tuple[bytes, etree._Element]],
                 template: CompiledTemplate) -> None:
        """Trees of ``rendered`` parts from ``trees`` (when they are of those very bytes), others from ``template``."""
        self._own = {name: tree for name, (data, tree) in trees.items() if rendered.get(name) is data}
        self._rendered = rendered
        self._template = template

    def __getitem__(self, name: str) -> etree._Element:
        """The part ``name`` parsed; KeyError when it is not to be had here (then the caller parses it)."""
        if name in self._own:
            return self._own[name]
        if name in self._rendered or name not in self._template.parts:
            raise KeyError(name)
        return self._template.parsed_part(name)

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` is to be had parsed."""
        return name in self._own or (name not in self._rendered and name in self._template.parts)

    def __iter__(self) -> Iterator[str]:
        """The parts to be had parsed."""
        return iter([*self._own, *(n for n in self._template.parts if n not in self._rendered)])

    def __len__(self) -> int:
        """How many parts are to be had parsed."""
        return len(list(iter(self)))


@dataclass
class CompiledTemplate:
    """A template read and compiled once; ``render`` fills it for one unit."""

    path: Path
    parts: dict[str, bytes] = field(default_factory=dict)
    infos: list[zipfile.ZipInfo] = field(default_factory=list)
    compiled: dict[str, Template] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    column_loops: set[str] = field(default_factory=set)  # parts whose tables get their columns from data
    docxtpl_grids: set[str] = field(default_factory=set)  # parts whose grids are fitted as docxtpl fits them
    filter_names: tuple[str, ...] = ()  # the environment's filters, listed when a tag names one it lacks
    swaps: dict[str, str] = field(default_factory=dict)  # ``thay_anh``: media part → data field
    _writer: PackageWriter | None = field(default=None, repr=False)
    _trees: dict[str, tuple[bytes, etree._Element]] = field(default_factory=dict, repr=False)  # last document's
    _parsed: dict[str, etree._Element] = field(default_factory=dict, repr=False)  # the template's own parts

    @classmethod
    def load(cls, path: Path, info: TemplateInfo | None = None) -> "CompiledTemplate":
        """Read and compile ``path``; a file that is not a .docx, or a damaged one, is a clear error.

        ``info`` is its declaration (read from beside it when not given): the author's macros and the
        pictures to replace come from there.
        """
        package = opc.read(path)
        if not package.ok:
            raise TemplateError("\n".join([f"Mẫu {path} không dùng được:"] + [f"  - {e}" for e in package.errors]))
        info = info or load_spec(path)
        template = cls(path, package.parts, package.infos)
        template.swaps = swapped.checked(info, package.parts)
        seconds = limits.current().render_seconds
        with limits.deadline(seconds, f"{path.name}: chuẩn bị mẫu quá {seconds:g} giây (quá nhiều thẻ hoặc khối lồng "
                                      f"nhau?); {limits.hint('render_seconds')}."):
            template._compile(info)
        return template

    def _compile(self, info: TemplateInfo) -> None:
        """Prepare and compile every part that holds tags."""
        from qdocgen.template import code_cache, source_cache

        path, template = self.path, self
        env = template_environment(info.macros, info.shown)
        self.filter_names = tuple(env.filters)
        tagged = {name: raw for name, raw in self.parts.items()
                  if (TEMPLATED_PART.match(name) or name == PROPERTIES_PART) and has_tags(raw)}
        cached = source_cache.load(tagged)  # prepared by an earlier run: docxtpl need not even be imported
        prepared: dict[str, str] = {}
        for name, raw in tagged.items():
            source = prepared[name] = cached[name] if cached is not None else self._prepare(name, raw)
            template.sources[name] = source.splitlines()
            if 'w:tcW w:w="{{' in source or _TABLE_LOOP.search(source):
                template.column_loops.add(name)
            elif "<w:tbl" in source and _changes_columns(raw, source):
                template.docxtpl_grids.add(name)
            try:
                template.compiled[name] = code_cache.template(env, source)
            except JinjaError as exc:
                raise TemplateError(template.locate(name, exc)) from exc
            except (RecursionError, MemoryError) as exc:
                raise TemplateError(f"{path.name} ({part_label(name)}): các khối lồng nhau quá sâu hoặc quá nhiều, "
                                    "không đọc được mẫu; hãy đóng các khối {% %} và bớt lồng nhau.") from exc
        if cached is None:
            source_cache.store(tagged, prepared)

    def _prepare(self, name: str, raw: bytes) -> str:
        """One part prepared for Jinja (:func:`prepare_xml`)."""
        try:
            return prepare_xml(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise TemplateError(f"{self.path}: phần {name} không đọc được (không phải UTF-8).") from exc

    def locate(self, part: str, exc: Exception) -> str:
        """An error message naming the template, the part and the paragraph text where it happened."""
        where = part_label(part)
        lineno = getattr(exc, "lineno", None) or _template_line(exc)
        context = ""
        if lineno and part in self.sources and 0 < lineno <= len(self.sources[part]):
            context = paragraph_text(self.sources[part][lineno - 1])
            if len(context) > 80:
                context = context[:77] + "..."
            context = f", đoạn «{context}»"
        return f"{self.path.name} ({where}{context}): {explain(exc, self.filter_names or None)}"

    def render_parts(self, context: Mapping[str, Any]) -> dict[str, bytes]:
        """The rendered XML of every templated part, each checked to be well-formed."""
        out: dict[str, bytes] = {}
        self._trees = {}  # only this document's parts are kept
        seconds = limits.current().render_seconds
        collector = rich.Collector()
        token = rich.collecting(collector)
        try:
            with limits.deadline(seconds, f"{self.path.name}: điền một văn bản quá {seconds:g} giây (vòng lặp quá "
                                          f"lớn trong mẫu?), không ghi tệp; {limits.hint('render_seconds')}."):
                for name, template in self.compiled.items():
                    out[name] = self._render_part(name, template, context, collector)
        finally:
            rich.done(token)
        out.update(swapped.package_changes(self.parts, self.swaps, context, collector, self.path.name))
        return out

    def _render_part(self, name: str, template: Template, context: Mapping[str, Any],
                     collector: rich.Collector) -> bytes:
        try:
            xml = template.render(context)
        except vnformat.FormatError as exc:
            # A value the filters cannot format is the data's fault: exit 3, naming the value.
            raise ValueProblem(self.locate(name, exc)) from exc
        except (JinjaError, ValueError, TypeError, ArithmeticError, LookupError, RecursionError,
                MemoryError) as exc:
            # Limits raise LimitError, a ValueError with a message saying which bound and how to raise it.
            raise TemplateError(self.locate(name, exc)) from exc
        xml = xml.replace("\n<w:p", "<w:p")
        rich_values = "<?" + RICH_MARK in xml  # formatted text or pictures from the data
        fit = fit_table if name in self.column_loops else fit_table_as_docxtpl if name in self.docxtpl_grids else None
        try:
            xml, root = _reshaped(xml, collector.drawing_for(name) if rich_values else None, fit)
        except etree.XMLSyntaxError as exc:  # never save a document Word cannot open
            raise TemplateError(f"{self.path.name} ({name}): kết quả điền mẫu không phải XML hợp lệ "
                                f"({exc}); không ghi tệp. Hãy chạy qdocgen check-template.") from exc
        data = xml.encode("utf-8")
        # Kept for the layout check of this document (a DOCTYPE would be read otherwise there: not kept).
        if _DOCTYPE.search(xml) is None:
            self._trees[name] = (data, root)
        return data

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The filled .docx as bytes; untouched parts are copied as they are, compressed once per template."""
        return self.build(self.render_parts(context))

    def build(self, rendered: Mapping[str, bytes]) -> bytes:
        """The .docx of parts from :meth:`render_parts`; the template's other parts copied, compressed once."""
        if self._writer is None:
            self._writer = PackageWriter(((i.filename, i.date_time, self.parts[i.filename]) for i in self.infos),
                                         replaced=self.compiled)
        return self._writer.build(rendered)

    def layout_parts(self, rendered: Mapping[str, bytes]) -> oxml.PackageParts:
        """What a layout check reads of the document :meth:`build` makes of ``rendered``, without a file."""
        return oxml.parts_of(ChainMap(dict(rendered), self.parts), _Parsed(rendered, self._trees, self))

    def parsed_part(self, name: str) -> etree._Element:
        """One of the template's own parts parsed, once (layout checks only read it)."""
        found = self._parsed.get(name)
        if found is None:
            found = self._parsed[name] = etree.fromstring(self.parts[name], opc.SAFE_PARSER)
        return found
