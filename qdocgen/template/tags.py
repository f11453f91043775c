"""The raw parts of a template read tag by tag, as the author typed them.

A tag split across runs or holding smart quotes is found and named (docxtpl mends both when filling, and the
author is told where). Each tag is parsed on its own, so one syntax error does not hide the next; blocks are
matched across the part; filters are compared with the environment's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from qdocgen.environment import TAG_OPEN, unknown_filter
from qdocgen.oxml.scan import Paragraph, paragraphs, part_label, shorten
from qdocgen.template.docxtpl_objects import docxtpl_object_warning
from qdocgen.template.findings import ERROR, MENDED, WARNING, CheckReport
from qdocgen.template.variables import Collector, walk_nodes

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_CLOSE = re.compile(r"[}%#]\}")
_SMART = re.compile("[“”‘’]")
_DOCXTPL_LEVEL = re.compile(r"^\{([{%#])(p|tr|tc|r)\s")
_BLOCKS = {"for", "if", "with", "macro", "call", "filter", "block", "autoescape", "raw"}
_MIDDLE = {"else": {"if", "for"}, "elif": {"if"}}
_DOCXTPL_CELL = {"colspan", "cellbg", "vm", "hm", "do_rong"}  # do_rong: qdocgen's cell width


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


def _static_problems(env: ImmutableSandboxedEnvironment, tree: nodes.Node) -> Iterator[str]:
    """Unknown filters and tests, and reaching into Python internals, in one parsed tag."""
    for node in walk_nodes(tree):
        if isinstance(node, nodes.Filter) and node.name not in env.filters:
            yield unknown_filter(node.name, env.filters)
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            yield f"phép thử «is {node.name}» không có trong Jinja; xem danh sách phép thử của Jinja."
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            yield (f"mẫu làm một việc không được phép (đọc «.{node.attr}», phần bên trong của Python); "
                   "hãy bỏ thẻ đó khỏi mẫu.")


def declared_pictures(schema: Any) -> frozenset[str]:
    """The names of the fields a declaration says hold pictures (``x-kieu: anh``), at any depth."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                found |= {k for k, v in props.items() if isinstance(v, dict) and v.get("x-kieu") == "anh"}
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    return frozenset(found)


class PartScan:
    """One part checked tag by tag; the tags that parse are kept, balanced, to read its variables from."""

    def __init__(self, report: CheckReport, env: ImmutableSandboxedEnvironment, part: str) -> None:
        self.report, self.env, self.label = report, env, part_label(part)
        self.stack: list[tuple[_Tag, str]] = []   # open blocks, with the keyword standing in for each
        self.kept: list[tuple[str, str]] = []     # (Jinja text, place) of every usable tag, in order
        self.pictures = declared_pictures(getattr(report.template, "schema", None) or {})

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
        """Check one paragraph: tags whole within it, smart quotes, docxtpl levels, each tag parsed alone."""
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
            needs_object = docxtpl_object_warning(tag.text, tag.level, self.pictures)
            if needs_object:
                report.add(WARNING, where, needs_object)
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
            self._end(tag, where, place)
        elif not broken:
            self.kept.append((tag.text, place))

    def _end(self, tag: _Tag, where: str, place: str) -> None:
        """An ``end...`` tag: close its block, and any block left open inside it (each an error)."""
        report, stack, word = self.report, self.stack, tag.keyword
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

    def collect(self) -> None:
        """Read the variables from the kept tags (one per line, so each node's line gives its place)."""
        source = "\n".join(text.replace("\n", " ") for text, _ in self.kept)
        try:
            tree = self.env.parse(source)
        except TemplateSyntaxError:  # each tag parsed alone; together they should too, but never fail here
            return
        places = [place for _, place in self.kept]
        Collector(self.report, self.label, places, set(self.env.globals)).visit(tree, {})


def compile_part(report: CheckReport, env: ImmutableSandboxedEnvironment, part: str, xml: bytes) -> None:
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
    except RecursionError:
        report.add(ERROR, part_label(part), "các khối {% %} lồng nhau quá sâu; hãy đóng các khối và bớt lồng nhau.")
