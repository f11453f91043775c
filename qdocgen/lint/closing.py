"""Rules of the closing: «Nơi nhận:» and its lines, «- Lưu: VT», the signature blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qdocgen.lint.common import Finding, cut, finding, fold, is_upper, looks, norm, quoted, templated
from qdocgen.lint.document import Doc, is_draft
from qdocgen.lint.rules import AUTHORITY, DASHES
from qdocgen.oxml.layout import Line, RunProps


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
        # In a table cell, a paragraph pushed right by spaces only («      Hồ Văn Mười») is still the cell's column.
        indented = nxt.table is not None and all(other.col > 0 for other in nxt.lines)
        for other in nxt.lines:
            if line.col == 0 and (other.col == 0 or indented):
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
    entries = recipient_entries(doc, heading)
    if not entries:
        return out + finding("noi-nhan-dong", quoted(heading), ["không có dòng nơi nhận nào dưới «Nơi nhận:»"])
    for i, entry in enumerate(entries):
        out += _recipient_line(entry, last=i == len(entries) - 1)
    return out + _filed(entries[-1])


@dataclass
class Entry:
    """One recipient: its first line, and the lines it wraps onto (a manual break or a new paragraph)."""

    lines: list[Line]

    @property
    def text(self) -> str:
        """The recipient's whole text, its lines joined."""
        return " ".join(norm(line.text) for line in self.lines)

    def visible(self) -> list[RunProps]:
        """Props of its shown characters."""
        return [p for line in self.lines for p in line.visible()]


def _down_the_column(doc: Doc, line: Line, below: int = 1) -> Iterator[Line]:
    """The lines after ``line`` in its cell, then in the cells under it, ``below`` rows at most (same grid column).

    A closing table may give «Nơi nhận:» a row of its own, level with the authority line, and the recipients
    the row below it, level with the title; or the title a row, the signature's space two, and the name a fourth.
    """
    yield from next_lines(doc, line)
    para = line.para
    if para.table is None:
        return
    rows = [para.row]
    for nxt in doc.paras[para.index + 1:]:
        if nxt.table != para.table:
            return
        if nxt.row != rows[-1]:
            rows.append(nxt.row)
            if len(rows) > 1 + below:
                return
        if nxt.row == para.row or nxt.cell != para.cell:
            continue
        yield from (other for other in nxt.lines if other.col == 0)


def recipient_entries(doc: Doc, heading: Line) -> list[Entry]:
    """The recipients under «Nơi nhận:», a wrapped line joined to the one it continues."""
    entries: list[Entry] = []
    for line in _down_the_column(doc, heading):
        if line.text[0] in DASHES or fold(line.text).startswith("lưu"):
            entries.append(Entry([line]))
        elif entries and not entries[-1].text.endswith((";", ".")) and not is_upper(line.text):
            entries[-1].lines.append(line)  # a long recipient wrapped by hand
        else:
            break
    return entries


def _recipient_line(entry: Entry, last: bool) -> list[Finding]:
    """One recipient: «-» first, «;» last (but the last line), 11 pt upright."""
    line = entry.lines[0]
    text = entry.text
    wrong = []
    if not line.text.startswith("-") and not (last and fold(line.text).startswith("lưu")):
        wrong.append(f"bắt đầu bằng «{line.text[0]}», cần gạch nối «-»")
    if not last and not text.endswith(";") and not templated(text):
        wrong.append(f"kết thúc bằng «{text[-1]}», cần «;»")
    wrong += looks(entry.visible(), size=(11, 11), italic=False, bold=False)
    return finding("noi-nhan-dong", quoted(line), wrong)


def _filed(last: Entry) -> list[Finding]:
    """The last recipient line: «- Lưu: VT, ...» ending in «.»."""
    last_line = last.lines[0]
    text = norm(last.text)
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


_NOTE = re.compile(r"^[(\[]?\s*(đã ký|ký|chữ ký|ký tên|ký số|ký, |ký và|ghi rõ|đóng dấu|kí|đã kí)", re.IGNORECASE)
NAME_GAP = 12  # paragraphs from the title to the name: the signature's space, a seal, a note
NAME_ROWS = 3  # rows of a signature table under the title's own where the name may stand


def is_note(text: str) -> bool:
    """A note in the signature's place, not a name: «(Đã ký)», «(ký tên, đóng dấu)», «[đã ký]»."""
    text = norm(text)
    return bool(_NOTE.match(text)) or (text.startswith("(") and text.endswith(")"))


# The armed forces' signers write their rank before the name («Thiếu tướng Trương Minh Đương»).
_RANK = re.compile(r"^(đại|thượng|trung|thiếu)\s+(tướng|tá|úy|uý)\s+", re.IGNORECASE)


def _looks_like_name(line: Line) -> bool:
    """A signer's name: a few capitalised words (after a rank, if any), no sentence punctuation, no digits."""
    words = _RANK.sub("", norm(line.text)).split()
    return (1 <= len(words) <= 7 and not re.search(r"[\d:;,!?/]", line.text) and not line.text.endswith(".")
            and all(word[0].isupper() for word in words if word[0].isalpha()))


@dataclass
class Block:
    """One signature block: its authority and title lines, and the signer's name (``None``: not found)."""

    titles: list[Line]
    name: Line | None
    has_authority: bool


def _block(doc: Doc, start: Line, has_authority: bool) -> Block:
    """Read the block from its first line: capitals (authority, title), notes, then the name."""
    titles = [start]
    for line in _down_the_column(doc, start, below=NAME_ROWS):
        if line.para.index - titles[-1].para.index > NAME_GAP:
            break
        if is_note(line.text) or templated(line.text):
            continue
        if line.text[0] in DASHES:
            break
        gap = line.para.index - titles[-1].para.index > 1
        if is_upper(line.text) and not (gap and _looks_like_name(line)):
            titles.append(line)
            continue
        return Block(titles, line if _looks_like_name(line) else None, has_authority)
    return Block(titles, _name_below(doc, titles[-1]), has_authority)


def _name_below(doc: Doc, last: Line) -> Line | None:
    """A name set just under the signature's table cell, pushed right (typed after the table, not in it)."""
    if last.para.table is None:
        return None
    table = last.para.table
    after = next((p for p in doc.paras[last.para.index + 1:] if p.table != table and p.text.strip()), None)
    if after is None or after.table is not None or after.index - last.para.index > NAME_GAP:
        return None
    line = after.lines[0]
    right = line.col > 0 or after.align in ("center", "right")
    return line if right and _looks_like_name(line) else None


def check_signatures(doc: Doc) -> list[Finding]:
    """Authority and title lines in bold capitals; the signer's name present, in bold."""
    out: list[Finding] = []
    draft = is_draft(doc)  # the name may come with the number and date, when the document is signed
    for start, has_authority in _signature_blocks(doc):
        block = _block(doc, start, has_authority)
        for j, line in enumerate(block.titles):
            wrong = []
            if j == 0 and has_authority:
                match = AUTHORITY.match(line.text)
                assert match is not None
                canon = re.sub(r"[\s./]", "", match[1])
                if match[1] != canon or match[2] != ".":
                    wrong.append(f"viết «{match[0]}», cần «{canon}.» (chữ in hoa, dấu chấm, không có «/»)")
            wrong += looks(line.visible(), size=(13, 14), bold=True, italic=False)
            out += finding("tham-quyen-ky", quoted(line), wrong)
        if block.name is not None:
            out += finding("nguoi-ky", quoted(block.name), looks(block.name.visible(), size=(13, 14), bold=True,
                                                                  italic=False))
        elif not draft and not any(templated(line.text) for line in block.titles):
            out += finding("nguoi-ky-ten", quoted(block.titles[-1]),
                           ["không thấy họ tên người ký dưới chức vụ (chỉ có chữ ký, dấu hoặc ghi chú «Đã ký»); "
                            "ghi đủ họ tên người ký, chữ thường, in đậm, căn giữa dưới chức vụ"])
    return out
