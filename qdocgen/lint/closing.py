"""Rules of the closing: «Nơi nhận:» and its lines, «- Lưu: VT», the signature blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qdocgen.lint.common import Finding, cut, finding, fold, is_upper, looks, norm, quoted, templated
from qdocgen.lint.document import Doc
from qdocgen.lint.rules import AUTHORITY, DASHES
from qdocgen.oxml.layout import Line


def next_lines(doc: Doc, line: Line) -> Iterator[Line]:
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


def recipient_heading(doc: Doc) -> Line | None:
    """The «Nơi nhận:» line, if any."""
    for para in doc.paras[doc.header_end:]:
        for line in para.lines:
            if fold(line.text).startswith("nơi nhận"):
                return line
    return None


def check_recipients(doc: Doc) -> list[Finding]:
    """«Nơi nhận:» and its lines; the last is «- Lưu: VT, ....»."""
    heading = recipient_heading(doc)
    if heading is None:
        if doc.type_para is None:
            return []
        return finding("noi-nhan", "cuối văn bản", ["không thấy «Nơi nhận:» ở cuối văn bản"], "warning")
    out: list[Finding] = []
    wrong = [] if norm(heading.text) == "Nơi nhận:" else [f"viết «{cut(heading.text)}», cần «Nơi nhận:»"]
    wrong += looks(heading.visible(), size=(12, 12), bold=True, italic=True, underline=False)
    out += finding("noi-nhan", quoted(heading), wrong)
    lines: list[Line] = []
    for line in next_lines(doc, heading):
        if line.text[0] in DASHES or fold(line.text).startswith("lưu"):
            lines.append(line)
        else:
            break
    if not lines:
        return out + finding("noi-nhan-dong", quoted(heading), ["không có dòng nơi nhận nào dưới «Nơi nhận:»"])
    for i, line in enumerate(lines):
        out += _recipient_line(line, last=i == len(lines) - 1)
    return out + _filed(lines[-1])


def _recipient_line(line: Line, last: bool) -> list[Finding]:
    """One recipient line: «-» first, «;» last (but the last line), 11 pt upright."""
    wrong = []
    if not line.text.startswith("-") and not (last and fold(line.text).startswith("lưu")):
        wrong.append(f"bắt đầu bằng «{line.text[0]}», cần gạch nối «-»")
    if not last and not line.text.endswith(";") and not templated(line.text):
        wrong.append(f"kết thúc bằng «{line.text[-1]}», cần «;»")
    wrong += looks(line.visible(), size=(11, 11), italic=False, bold=False)
    return finding("noi-nhan-dong", quoted(line), wrong)


def _filed(last_line: Line) -> list[Finding]:
    """The last recipient line: «- Lưu: VT, ...» ending in «.»."""
    text = norm(last_line.text)
    if templated(text):
        return []
    wrong = []
    if not re.match(r"^-?\s*Lưu\b", text):
        wrong.append("dòng cuối cần là «- Lưu: VT, <đơn vị soạn thảo>.»")
    else:
        if not re.match(r"^-\s*Lưu\s*:", text):
            wrong.append(f"viết «{cut(text, 30)}», cần «- Lưu: VT, ...»")
        if not re.search(r":\s*VT\b", text):
            wrong.append("cần lưu tại Văn thư: «- Lưu: VT, ...»")
        if not text.endswith("."):
            wrong.append(f"kết thúc bằng «{text[-1]}», cần «.»")
    return finding("luu", quoted(last_line), wrong)


def _signature_blocks(doc: Doc) -> list[tuple[Line, bool]]:
    """Start lines of signature blocks.

    Each authority line (TM., KT., ...), or, when the head signs without one, the first line of the cell
    beside «Nơi nhận».
    """
    starts: list[tuple[Line, bool]] = []
    for para in doc.paras[doc.header_end:]:
        for line in para.lines:
            if len(line.text) <= 60 and is_upper(line.text) and AUTHORITY.match(line.text):
                starts.append((line, True))
    heading = recipient_heading(doc)
    if heading is not None and heading.para.table is not None:
        cell, row = heading.para.container, heading.para.row
        siblings = [p for p in doc.paras if p.row is not None and p.container is not cell and p.row is row
                    and p.lines]
        if siblings and not any(line.para in siblings for line, _ in starts):
            starts.append((siblings[0].lines[0], False))
    return starts


def check_signatures(doc: Doc) -> list[Finding]:
    """Authority and title lines in bold capitals; the signer's name in bold."""
    out: list[Finding] = []
    for start, has_authority in _signature_blocks(doc):
        block = [start]
        for line in next_lines(doc, start):
            if line.text.startswith("(") and line.text.endswith(")"):
                continue  # «(ký tên, đóng dấu)», «(Đã ký)»: a note, not the name
            if not is_upper(line.text) or line.text[0] in DASHES:
                if line.text[0] not in DASHES and not templated(line.text):
                    block.append(line)
                break
            block.append(line)
        titles = [line for line in block if is_upper(line.text)]
        names = [line for line in block if not is_upper(line.text)]
        for j, line in enumerate(titles):
            wrong = []
            if j == 0 and has_authority:
                match = AUTHORITY.match(line.text)
                assert match is not None
                canon = re.sub(r"[\s./]", "", match[1])
                if match[1] != canon or match[2] != ".":
                    wrong.append(f"viết «{match[0]}», cần «{canon}.» (chữ in hoa, dấu chấm, không có «/»)")
            wrong += looks(line.visible(), size=(13, 14), bold=True, italic=False)
            out += finding("tham-quyen-ky", quoted(line), wrong)
        for line in names[:1]:
            out += finding("nguoi-ky", quoted(line), looks(line.visible(), size=(13, 14), bold=True,
                                                             italic=False))
    return out
