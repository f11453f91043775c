"""Checking a template before any clerk renders it: every problem in one pass, each with where it is.

The raw parts (body, headers, footers) are read as the author typed them, paragraph by paragraph, so that
a tag split across runs or holding smart quotes is found and named (docxtpl mends both when filling, and
the author is told where). Each tag is then parsed on its own, so one syntax error does not hide the next;
blocks are matched across the part; filters are compared with the environment's. With data, the variables
the template uses are compared with the data's keys and with the template's declared inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from qdocgen.environment import TAG_OPEN
from qdocgen.errors import DataError, ExitStatus, Problem, TemplateError
from qdocgen.oxml.scan import Paragraph, paragraphs, part_label, shorten, templated_parts
from qdocgen.template.environment import template_environment
from qdocgen.template.registry import TemplateInfo, find_template

ERROR, WARNING, MENDED = "lỗi", "cảnh báo", "đã sửa"
Segments = tuple[str, ...]  # a variable path: ("phu_luc", "muc_tieu", "[]", "noi_dung")

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_CLOSE = re.compile(r"[}%#]\}")
_SMART = re.compile("[“”‘’]")
_DOCXTPL_LEVEL = re.compile(r"^\{([{%#])(p|tr|tc|r)\s")
_BLOCKS = {"for", "if", "with", "macro", "call", "filter", "block", "autoescape", "raw"}
_MIDDLE = {"else": {"if", "for"}, "elif": {"if"}}
_DOCXTPL_CELL = {"colspan", "cellbg", "vm", "hm", "do_rong"}  # do_rong: qdocgen's cell width


def path_text(path: Segments) -> str:
    """``("phu_luc", "muc_tieu", "[]", "noi_dung")`` → ``phu_luc.muc_tieu[].noi_dung``."""
    return ".".join(path).replace(".[]", "[]")


def related(a: Segments, b: Segments) -> bool:
    """Whether one path is the other or lies inside it."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


@dataclass(frozen=True)
class Finding:
    """One thing found: its level (lỗi, cảnh báo, đã sửa), where it is, and what to do."""

    level: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.level}] {self.where}: {self.message}"


@dataclass
class Usage:
    """A variable the template reads, and where (first place per part)."""

    path: Segments
    places: dict[str, str] = field(default_factory=dict)
    loop_var: str | None = None  # set when the template loops over this path
    required: bool = False  # False when every use has a fallback (``| default(...)``, ``is defined``)

    def where(self) -> str:
        """The parts it is used in, and the first paragraph there."""
        return "; ".join(f"{part}, {place}" if place else part for part, place in self.places.items())


@dataclass
class CheckReport:
    """What ``check_template`` found, in the order found."""

    template: TemplateInfo
    findings: list[Finding] = field(default_factory=list)
    usages: dict[Segments, Usage] = field(default_factory=dict)
    data_errors: int = 0

    def add(self, level: str, where: str, message: str) -> None:
        """Record one finding (the same one twice is kept once)."""
        finding = Finding(level, where, message)
        if finding not in self.findings:
            self.findings.append(finding)

    def count(self, level: str) -> int:
        """How many findings of this level."""
        return sum(1 for f in self.findings if f.level == level)

    @property
    def exit_code(self) -> ExitStatus:
        """``OK`` when there is no error; ``TEMPLATE`` for a template error, ``DATA`` when only the data is wrong."""
        template_errors = self.count(ERROR) - self.data_errors
        if template_errors:
            return ExitStatus.TEMPLATE
        return ExitStatus.DATA if self.data_errors else ExitStatus.OK

    def lines(self) -> list[str]:
        """The report as the author reads it: every finding, then a one-line summary."""
        out = [f"Kiểm tra mẫu {self.template.name} ({self.template.path}):"]
        out += [f"  {f}" for f in self.findings]
        errors, warnings, mended = self.count(ERROR), self.count(WARNING), self.count(MENDED)
        verdict = "Mẫu dùng được." if not errors else "Hãy sửa các lỗi trên rồi chạy lại check-template."
        out.append(f"Tổng: {errors} lỗi, {warnings} cảnh báo, {mended} chỗ tự sửa khi điền. {verdict}")
        return out


# --- one tag at a time -------------------------------------------------------------------------------

@dataclass
class _Tag:
    text: str           # as typed, smart quotes mended, docxtpl level letters removed
    kind: str           # "{", "%" or "#"
    level: str          # "", "p", "tr", "tc" or "r"
    keyword: str        # first word of a {% %} tag
    where: str


def _split_tag(raw: str, where: str) -> _Tag:
    text = _SMART.sub(lambda m: '"' if m.group(0) in "“”" else "'", raw)
    level = ""
    m = _DOCXTPL_LEVEL.match(text)
    if m:
        level = m.group(2)
        text = "{" + m.group(1) + " " + text[m.end():]
    keyword = ""
    if text.startswith("{%"):
        inner = text[2:-2].strip().lstrip("-+").strip()
        keyword = inner.split(None, 1)[0] if inner.split() else ""
    return _Tag(text, text[1], level, keyword, where)


def _parse_alone(env: ImmutableSandboxedEnvironment, tag: _Tag) -> nodes.Template | None:
    """Parse one tag with what it needs around it; raises TemplateSyntaxError."""
    if tag.kind == "#":
        return None
    if tag.kind == "{":
        return env.parse(tag.text)
    word = tag.keyword
    if word in _DOCXTPL_CELL:
        rest = tag.text[2:-2].strip()[len(word):].strip()
        return env.parse("{{ " + rest + " }}") if rest else None
    if word.startswith("end") or word == "else":
        return None
    if word == "elif":
        return env.parse("{% if true %}" + tag.text + "{% endif %}")
    if word in _BLOCKS or (word == "set" and "=" not in tag.text):
        return env.parse(tag.text + "{% end" + word + " %}")
    return env.parse(tag.text)


def _syntax_message(exc: TemplateSyntaxError, tag: _Tag) -> str:
    said = exc.message or str(exc)
    said = re.sub(r"^Encountered unknown tag '([^']+)'.*", r"lệnh «\1» không có trong Jinja", said)
    said = re.sub(r"^unexpected 'end of print statement'.*", "biểu thức bị cụt trước «}}»", said)
    said = re.sub(r"^unexpected 'end of statement block'.*", "lệnh bị cụt trước «%}»", said)
    said = re.sub(r"^unexpected '([^']+)'", r"ký tự «\1» không đúng chỗ", said)
    said = re.sub(r"^unexpected end of template.*", "thẻ kết thúc giữa chừng", said)
    return (f"cú pháp sai trong thẻ «{shorten(tag.text, 60)}» ({said}). Sửa biểu thức trong thẻ; "
            "chuỗi chữ đặt trong ngoặc thẳng '...' hoặc \"...\".")


def _walk_nodes(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk_nodes(child)


def _static_problems(env: ImmutableSandboxedEnvironment, tree: nodes.Node) -> Iterator[str]:
    """Unknown filters and tests, and reaching into Python internals, in one parsed tag."""
    for node in _walk_nodes(tree):
        if isinstance(node, nodes.Filter) and node.name not in env.filters:
            yield (f"bộ lọc «{node.name}» không có{_close(node.name, env.filters)}. Các bộ lọc của qdocgen: "
                   "xem docs/bo-loc.md hoặc lệnh qdocgen filters.")
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            yield f"phép thử «is {node.name}» không có trong Jinja; xem danh sách phép thử của Jinja."
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            yield (f"mẫu làm một việc không được phép (đọc «.{node.attr}», phần bên trong của Python); "
                   "hãy bỏ thẻ đó khỏi mẫu.")


def _close(name: str, known: Any) -> str:
    import difflib

    near = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
    return f" (có phải «{'», «'.join(near)}»?)" if near else ""


# --- the raw parts -----------------------------------------------------------------------------------

class _PartScan:
    """One part checked tag by tag; the tags that parse are kept, balanced, to read its variables from."""

    def __init__(self, report: CheckReport, env: ImmutableSandboxedEnvironment, part: str) -> None:
        self.report, self.env, self.label = report, env, part_label(part)
        self.stack: list[tuple[_Tag, str]] = []   # open blocks, with the keyword standing in for each
        self.kept: list[tuple[str, str]] = []     # (Jinja text, place) of every usable tag, in order

    def run(self, xml: bytes) -> bool:
        """Check every paragraph; True when the part has no error (worth compiling whole)."""
        before = self.report.count(ERROR)
        for para in paragraphs(xml):
            self.paragraph(para)
        for tag, stand_in in reversed(self.stack):
            end = f"{{%{tag.level and tag.level + ' '}{'end' + tag.keyword} %}}"
            self.report.add(ERROR, tag.where, f"khối «{shorten(tag.text, 50)}» chưa đóng: thiếu «{end}». "
                                              "Thêm thẻ đóng sau phần lặp/điều kiện.")
            self.kept.append(("{% end" + stand_in + " %}", ""))
        return self.report.count(ERROR) == before

    def paragraph(self, para: Paragraph) -> None:
        report, text = self.report, para.text
        where = f"{self.label}, {para.place()}"
        rest = _TAG.sub(lambda m: " " * len(m.group(0)), text)
        for m in TAG_OPEN.finditer(rest):
            report.add(ERROR, where, f"thẻ mở «{m.group(0)}» không có dấu đóng trong cùng đoạn "
                                     f"(«{shorten(rest[m.start():], 30)}»); mỗi thẻ phải nằm trọn trong một đoạn.")
        for m in _CLOSE.finditer(rest):
            report.add(ERROR, where, f"dấu đóng «{m.group(0)}» không có thẻ mở trong cùng đoạn; "
                                     "kiểm tra «{{» / «{%» phía trước.")
        for m in _TAG.finditer(text):
            raw = m.group(0)
            runs = para.runs_between(m.start(), m.end())
            mended, advice = [], []
            if runs > 1:
                mended.append(f"bị tách qua {runs} đoạn chữ (run)")
                advice.append("gõ lại thẻ liền một mạch, cùng một định dạng")
            if _SMART.search(raw):
                mended.append("có ngoặc kép cong")
                advice.append("tắt tự đổi ngoặc kép (AutoCorrect) rồi gõ lại ngoặc thẳng")
            if mended:
                report.add(MENDED, where, f"thẻ «{shorten(raw, 50)}» {' và '.join(mended)}, đã sửa khi điền; "
                                          f"cho gọn, nên {' và '.join(advice)}.")
            tag = _split_tag(raw, where)
            if tag.level == "p" and len(text.strip()) > len(raw.strip()):
                report.add(WARNING, where, f"đoạn có thẻ «{shorten(raw, 40)}» bị bỏ cả đoạn khi điền, chữ khác "
                                           "trong đoạn sẽ mất; để thẻ {%p ...%} một mình một đoạn.")
            try:
                tree = _parse_alone(self.env, tag)
            except TemplateSyntaxError as exc:
                report.add(ERROR, where, _syntax_message(exc, tag))
                self.block(tag, where, broken=True)
                continue
            for message in _static_problems(self.env, tree) if tree is not None else ():
                report.add(ERROR, where, message)
            self.block(tag, where, broken=False)

    def block(self, tag: _Tag, where: str, broken: bool) -> None:
        """Match block tags across the part; keep what parses, with stand-ins that keep it balanced."""
        report, stack, word = self.report, self.stack, tag.keyword
        place = where.split(", ", 1)[1] if ", " in where else ""
        if tag.kind == "{":
            if not broken:
                self.kept.append((tag.text, place))
            return
        if tag.kind != "%" or not word or word in _DOCXTPL_CELL:
            if word in _DOCXTPL_CELL and not broken:
                rest = tag.text[2:-2].strip()[len(word):].strip()
                if rest:
                    self.kept.append(("{{ " + rest + " }}", place))
            return
        if word in _BLOCKS or (word == "set" and "=" not in tag.text):
            stack.append((tag, "if" if broken else word))
            self.kept.append(("{% if true %}" if broken else tag.text, place))
        elif word in _MIDDLE:
            if not stack or stack[-1][0].keyword not in _MIDDLE[word]:
                report.add(ERROR, where, f"«{{% {word} %}}» nằm ngoài khối {' / '.join(sorted(_MIDDLE[word]))} "
                                         "nào; thêm thẻ mở hoặc bỏ thẻ này.")
            elif not broken and stack[-1][1] in _MIDDLE[word]:
                self.kept.append((tag.text, place))
        elif word.startswith("end"):
            opened = word[3:]
            if stack and stack[-1][0].keyword == opened:
                top, stand_in = stack.pop()
                self.kept.append(("{% end" + stand_in + " %}", place))
                if top.level != tag.level and "tr" in (top.level, tag.level):
                    report.add(ERROR, where, f"khối mở bằng «{shorten(top.text, 40)}» ({top.where}) ở mức "
                                             f"«{top.level or 'chữ'}» nhưng đóng ở mức «{tag.level or 'chữ'}»; "
                                             "dùng cùng một loại thẻ ({%tr ...%} với {%tr ...%}).")
            elif any(t.keyword == opened for t, _ in stack):
                while stack and stack[-1][0].keyword != opened:
                    inner, stand_in = stack.pop()
                    report.add(ERROR, inner.where, f"khối «{shorten(inner.text, 50)}» chưa đóng trước "
                                                   f"«{{% {word} %}}» ({where}); thêm «{{% end{inner.keyword} %}}».")
                    self.kept.append(("{% end" + stand_in + " %}", place))
                self.kept.append(("{% end" + stack.pop()[1] + " %}", place))
            else:
                report.add(ERROR, where, f"«{{% {word} %}}» không có «{{% {opened} ... %}}» mở trước nó; "
                                         "bỏ thẻ này hoặc thêm thẻ mở.")
        elif not broken:
            self.kept.append((tag.text, place))

    def collect(self) -> None:
        """Read the variables from the kept tags (one per line, so each node's line gives its place)."""
        source = "\n".join(text.replace("\n", " ") for text, _ in self.kept)
        try:
            tree = self.env.parse(source)
        except TemplateSyntaxError:  # each tag parsed alone; together they should too, but never fail here
            return
        places = [place for _, place in self.kept]
        _Collector(self.report, self.label, places, set(self.env.globals)).visit(tree, {})


# --- variables ---------------------------------------------------------------------------------------

def _chain(node: nodes.Node) -> tuple[str, list[str]] | None:
    """``a.b["c"]`` → ("a", ["b", "c"]); None when the chain does not start at a name."""
    attrs: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            attrs.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str):
            attrs.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, attrs[::-1]
        else:
            return None


class _Collector:
    """Walks a parsed part: each variable read as a path, loops with what they iterate over."""

    def __init__(self, report: CheckReport, label: str, places: list[str], globals_: set[str]) -> None:
        self.report, self.label, self.places, self.globals = report, label, places, globals_

    def place(self, node: nodes.Node) -> str:
        line = getattr(node, "lineno", 0)
        return self.places[line - 1] if 0 < line <= len(self.places) else ""

    def use(self, path: Segments, node: nodes.Node, loop_var: str | None = None, optional: bool = False) -> None:
        usage = self.report.usages.setdefault(path, Usage(path))
        usage.places.setdefault(self.label, self.place(node))
        usage.required = usage.required or not optional
        if loop_var:
            usage.loop_var = usage.loop_var or loop_var

    def resolve(self, name: str, attrs: list[str], scope: dict[str, Segments | None]) -> Segments | None:
        if name in scope:
            base = scope[name]
            return None if base is None else base + tuple(attrs)
        if name in self.globals:
            return None
        return (name, *attrs)

    def visit(self, node: nodes.Node, scope: dict[str, Segments | None]) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            chain = _chain(node.iter)
            base = self.resolve(*chain, scope) if chain else None
            inner = dict(scope, loop=None)
            names = [n.name for n in _walk_nodes(node.target) if isinstance(n, nodes.Name)]
            for n in names:
                inner[n] = base + ("[]",) if base is not None and len(names) == 1 else None
            if base is not None:
                self.use(base, node, ", ".join(names))
            for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
                self.visit(child, inner)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            for child in node.iter_child_nodes(exclude=("target",)):
                self.visit(child, scope)
            for bound in _walk_nodes(node.target):
                if isinstance(bound, nodes.Name):
                    scope[bound.name] = None
            return
        guarded = (isinstance(node, nodes.Filter) and node.name in ("default", "d")) or \
            (isinstance(node, nodes.Test) and node.name in ("defined", "undefined"))
        if guarded and isinstance(node, (nodes.Filter, nodes.Test)) and node.node is not None:
            chain = _chain(node.node)
            path = self.resolve(*chain, scope) if chain else None
            if path is not None:
                self.use(path, node, optional=True)
                for child in node.iter_child_nodes(exclude=("node",)):
                    self.visit(child, scope)
                return
        if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)):
            chain = _chain(node)
            if chain is not None:
                path = self.resolve(*chain, scope)
                if path is not None:
                    self.use(path, node)
                return
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def _compile_part(report: CheckReport, env: ImmutableSandboxedEnvironment, part: str, xml: bytes) -> None:
    """Parse the prepared part whole, as rendering compiles it: finds what tag-by-tag checks cannot."""
    from qdocgen.template.compiled import paragraph_text, prepare_xml

    source = prepare_xml(xml.decode("utf-8"))
    lines = source.splitlines()
    try:
        env.parse(source)
    except TemplateSyntaxError as exc:
        text = paragraph_text(lines[exc.lineno - 1]) if 0 < (exc.lineno or 0) <= len(lines) else ""
        report.add(ERROR, f"{part_label(part)}, đoạn «{shorten(text, 60)}»",
                   f"cú pháp Jinja sai: {exc.message}. Kiểm tra các khối mở/đóng quanh đoạn này.")


# --- declared inputs and data ------------------------------------------------------------------------

def declared_paths(schema: dict[str, Any], prefix: Segments = ()) -> list[Segments]:
    """Every path a template's ``dau_vao`` declares (objects' properties, arrays' items as ``[]``)."""
    out: list[Segments] = []
    for key, sub in (schema.get("properties") or {}).items():
        path = prefix + (str(key),)
        out.append(path)
        if isinstance(sub, dict):
            out += declared_paths(sub, path)
            items = sub.get("items")
            if isinstance(items, dict):
                out += declared_paths(items, path + ("[]",))
    return out


SHARED = "x-du-lieu-chung"


def shared_paths(schema: dict[str, Any], prefix: Segments = ()) -> list[Segments]:
    """Declared paths marked ``x-du-lieu-chung``: data another template prints, expected here and unused."""
    out: list[Segments] = []
    for key, sub in (schema.get("properties") or {}).items():
        if not isinstance(sub, dict):
            continue
        path = prefix + (str(key),)
        if SHARED in sub:
            out.append(path)
            continue
        out += shared_paths(sub, path)
        if isinstance(sub.get("items"), dict):
            out += shared_paths(sub["items"], path + ("[]",))
    return out


def _check_declared(report: CheckReport) -> None:
    info = report.template
    if not info.schema:
        return
    spec = info.path.with_suffix(".yaml").name
    shared = shared_paths(info.schema)
    declared = [d for d in declared_paths(info.schema) if not any(related(s, d) for s in shared)]
    used = list(report.usages)
    for path in used:
        if not any(related(path, d) for d in declared):
            report.add(WARNING, f"{spec} [dau_vao]", f"mẫu dùng «{path_text(path)}» "
                       f"({report.usages[path].where()}) nhưng mô tả đầu vào không khai báo; thêm khóa đó vào "
                       "dau_vao để dữ liệu được kiểm tra trước khi điền.")
    for path in declared:
        parent_unused = any(d != path and related(d, path) and len(d) < len(path) and
                            not any(related(d, u) for u in used) for d in declared)
        if not parent_unused and not any(related(path, u) for u in used):
            report.add(WARNING, f"{spec} [dau_vao.{path_text(path)}]",
                       "được khai báo nhưng mẫu .docx không dùng; bỏ khai báo, hoặc thêm thẻ vào mẫu.")


def _lookup(data: Any, path: Segments) -> list[str]:
    """The missing pieces of ``path`` in ``data`` (``[]`` checks every item); a null on the way is fine."""
    if not path or data is None:
        return []
    head, rest = path[0], path[1:]
    if head == "[]":
        if not isinstance(data, list):
            return []
        return [m for item in data for m in _lookup(item, rest)]
    if not isinstance(data, dict):
        return []
    if head not in data:
        return [head]
    return _lookup(data[head], rest)


def _data_paths(data: Any, prefix: Segments = ()) -> Iterator[Segments]:
    if isinstance(data, dict):
        for key, value in data.items():
            path = prefix + (str(key),)
            yield path
            yield from _data_paths(value, path)
    elif isinstance(data, list):
        for item in data:
            yield from _data_paths(item, prefix + ("[]",))


def _check_data(report: CheckReport, data_path: Path) -> None:
    from qdocgen.data import reader as data_mod
    from qdocgen.data.pipeline import prepare

    paths = data_mod.unit_files(data_path) if data_path.is_dir() else [data_path]
    if not paths:
        report.add(ERROR, str(data_path), "không có tệp đơn vị .yaml nào để kiểm tra.")
        report.data_errors += 1
        return
    in_data = _data_jinja_names(paths)
    units, problems = prepare(paths, report.template, ())
    for problem in problems:
        report.add(ERROR, f"{problem.file}" + (f":{problem.line}" if problem.line else ""),
                   f"[{problem.key}] {problem.message}" if problem.key else problem.message)
        report.data_errors += 1
    missing: dict[Segments, list[str]] = {}
    unused: dict[Segments, list[str]] = {}
    for unit in units:
        name = data_mod.display(unit.path)
        for path, usage in report.usages.items():
            if usage.required and _lookup(unit.data, path):
                missing.setdefault(path, []).append(name)
        used = (list(report.usages) + [(n,) for n in in_data.get(unit.path, ())]
                + shared_paths(report.template.schema))
        seen: list[Segments] = []
        for path in _data_paths(unit.data):
            if any(related(s, path) for s in seen) or any(related(path, u) for u in used):
                continue
            seen.append(path)
            unused.setdefault(path, []).append(name)
    for path, files in missing.items():
        report.add(ERROR, _files(files), f"dữ liệu thiếu «{path_text(path)}» mà mẫu dùng "
                                         f"({report.usages[path].where()}); thêm khóa đó vào dữ liệu.")
        report.data_errors += 1
    for path, files in unused.items():
        report.add(WARNING, _files(files), f"khóa «{path_text(path)}» có trong dữ liệu nhưng mẫu không dùng "
                                           "(gõ sai tên khóa, hoặc mẫu thiếu thẻ?).")


def _data_jinja_names(paths: Sequence[Path]) -> dict[Path, frozenset[str]]:
    """Per unit file, the keys its own Jinja (``{{ nam - 1 }}`` in a value) reads: they count as used."""
    from qdocgen.data import reader as data_mod

    out: dict[Path, frozenset[str]] = {}
    for path in paths:
        unit = data_mod.read_unit(path, (), [])
        out[path] = data_mod.template_names(unit.data) if unit else frozenset()
    return out


def _files(files: list[str]) -> str:
    more = ", …" if len(files) > 3 else ""
    return files[0] if len(files) == 1 else f"{len(files)} tệp ({', '.join(files[:3])}{more})"


# --- entry points ------------------------------------------------------------------------------------

def _scan(template: str | Path | None, templates_dirs: Sequence[str | Path]) -> CheckReport:
    info = find_template(template, templates_dirs)
    report = CheckReport(info)
    env = template_environment()
    try:
        parts = templated_parts(info.path)
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{info.path}: không đọc được tệp .docx ({exc}); hãy mở bằng Word hoặc "
                            "LibreOffice và lưu lại dạng .docx.") from exc
    from lxml import etree

    for part, xml in parts.items():
        scan = _PartScan(report, env, part)
        try:
            clean = scan.run(xml)
        except etree.XMLSyntaxError as exc:
            report.add(ERROR, part_label(part), f"XML hỏng ({exc}); mở và lưu lại tệp bằng Word/LibreOffice.")
            continue
        scan.collect()
        if clean:
            _compile_part(report, env, part, xml)
    return report


def check_template(template: str | Path | None, data: Path | None = None,
                   templates_dirs: Sequence[str | Path] = ()) -> CheckReport:
    """Every problem of a template (and, with ``data``, between it and a unit file or dataset folder)."""
    report = _scan(template, templates_dirs)
    _check_declared(report)
    if data is not None:
        if not data.exists():
            raise DataError([Problem(str(data), "", "không tìm thấy tệp hoặc thư mục dữ liệu; kiểm tra đường dẫn.")])
        _check_data(report, data)
    return report


def template_variables(template: str | Path | None, templates_dirs: Sequence[str | Path] = ()) -> list[str]:
    """Lines listing every variable a template reads, as paths, loops with their loop variable."""
    report = _scan(template, templates_dirs)
    if report.count(ERROR):
        raise TemplateError("\n".join(["Mẫu có lỗi, chưa liệt kê được biến:"] +
                                      [f"  {f}" for f in report.findings if f.level == ERROR]))
    info = report.template
    out = [f"Mẫu {info.name} ({info.path}) dùng {len(report.usages)} biến:"]
    loops = {path + ("[]",) for path, usage in report.usages.items() if usage.loop_var}
    for path, usage in sorted(report.usages.items()):
        if path in loops:
            continue  # the loop line already says it
        loop = f"  (vòng lặp: {path_text(path)} → {usage.loop_var})" if usage.loop_var else ""
        out.append(f"  {path_text(path)}{loop}  — {', '.join(usage.places)}")
    return out
