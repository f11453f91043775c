"""Rules of the body text's paragraphs: line spacing, space between paragraphs, first-line indent.

NĐ30 (Phụ lục I, II.6e): line spacing from single (minimum) to 1.5 lines (maximum), at least 6 pt between
paragraphs, first-line indent 1 cm or 1.27 cm. They hold for the running text: paragraphs of the body and of
an appendix outside tables, set flush or justified, long enough to be prose and ending as a sentence does (not
headings, not the header, the recipients or the signature, not the notes under «Ghi chú:», not a form's lines
with blanks to fill in, not the sample documents an appendix shows). Each rule gives one finding per document,
quoting the first paragraph that breaks it and saying how many do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from statistics import median
from typing import TypeVar

from qdocgen.lint.body import is_basis
from qdocgen.lint.closing import recipient_entries, recipient_heading
from qdocgen.lint.common import Finding, finding, fold, is_upper, norm, pt, quoted, templated
from qdocgen.lint.document import Doc, line_kind
from qdocgen.lint.rules import DASHES
from qdocgen.oxml.layout import Para

T = TypeVar("T")

PROSE_CHARS = 40  # shorter paragraphs are headings, labels or lines of a list
SINGLE = 1.15  # a Times New Roman line is about 1.15 times its font size
INDENT_CM = (0.97, 1.30)  # 1 cm or 1.27 cm, give or take a rounding
DEFAULT_TAB_CM = 1.27


def _recipient_paras(doc: Doc) -> set[int]:
    """Indices of the paragraphs holding «Nơi nhận:» and its lines."""
    heading = recipient_heading(doc)
    if heading is None:
        return set()
    return {heading.para.index} | {line.para.index for entry in recipient_entries(doc, heading)
                                   for line in entry.lines}


_BLANK = re.compile(r"[.…_]{4,}")
_SENTENCE_END = ".;:!?…"
_SAMPLE_LABEL = re.compile(r"^mẫu\s*(số\s*)?\d", re.IGNORECASE)
_PART_HEADING = re.compile(r"^((phần|chương|mục)\s+[ivxlc\d]+\b|[ivxlc]+\.\s|mẫu\s*(số\s*)?\d)", re.IGNORECASE)


def _not_prose(text: str) -> bool:
    """A heading (no sentence end: «3. Ký hiệu người soạn thảo»), a line with blanks, a sample's label."""
    return (text.rstrip(")»”\"' ")[-1:] not in _SENTENCE_END or bool(_BLANK.search(text))
            or bool(_SAMPLE_LABEL.match(text)))


def _samples(doc: Doc) -> set[int]:
    """Paragraphs of the sample documents an appendix shows: from a national title to the appendix's next part."""
    out: set[int] = set()
    if doc.opening is None:
        return out
    inside = False
    for para in doc.paras[doc.opening.end:]:
        if para.table is None and _PART_HEADING.match(norm(para.text)):
            inside = False
        elif any(line_kind(line) == "title" for line in para.lines):
            inside = True
        if inside:
            out.add(para.index)
    return out


def _addressees(doc: Doc, start: int) -> set[int]:
    """The «Kính gửi:» paragraph and the addressees listed under it, one a line after a dash."""
    out: set[int] = set()
    listing = False
    for para in doc.paras[start:]:
        text = fold(para.text)
        if text.startswith("kính gửi"):
            out.add(para.index)
            listing = True
        elif listing and (not text or text[0] in DASHES):
            out.add(para.index)
        else:
            listing = False
    return out


def _running(para: Para, text: str, prose: bool) -> bool:
    """Whether a paragraph may be running text: flush or justified, outside tables, not empty.

    ``prose``: also a sentence of some length (not a heading in capitals or like «3. Ký hiệu người soạn thảo», a
    line with blanks, a label).
    """
    if prose and (len(text) < PROSE_CHARS or is_upper(text) or _not_prose(text)):
        return False
    # One tab before the text is how many clerks indent a paragraph's first line, not a label placed on the page.
    tab_indent = para.text.startswith("\t") and not para.text.startswith("\t\t") and len(para.lines) == 1
    return not (para.table is not None or para.align in ("center", "right") or not para.lines
                or (para.lines[0].col > 0 and not tab_indent) or "\t" in para.text.strip() or templated(text)
                or fold(text).startswith("nơi nhận"))  # pushed right by tabs or spaces: a label placed on the page


_NOTES = re.compile(r"^(ghi chú|lưu ý|chú thích)\s*:?$")


def _candidates(doc: Doc) -> list[tuple[Para, str]]:
    """The paragraphs after the type name (or opening) that may be running text, each with its normalised text.

    Three rules ask for them: computed once per document and structure, kept on the document.
    """
    key = (doc.header_end, doc.type_para, doc.opening)
    kept = doc.derived.get("candidates")
    if kept is not None and all(a is b for a, b in zip(kept[0], key, strict=True)):
        found: list[tuple[Para, str]] = kept[1]
        return found
    start = doc.type_para.index + 1 if doc.type_para is not None else doc.header_end
    if doc.opening is not None:
        start = max(start, doc.opening.end)
    skip = _recipient_paras(doc) | _samples(doc) | _addressees(doc, start)
    summary = next((p for p in doc.paras[start:] if p.text.strip()), None)
    if doc.type_para is not None and summary is not None and not is_basis(summary.text):
        skip.add(summary.index)  # the trích yếu under the type name
    out = []
    notes = False
    for para in doc.paras[start:]:
        text = norm(para.text)
        notes = bool(text) and (notes or bool(_NOTES.match(text.casefold())))
        if not notes and para.index not in skip:
            out.append((para, text))
    doc.derived["candidates"] = (key, out)
    return out


def body_paras(doc: Doc, prose: bool = True) -> list[Para]:
    """The paragraphs of running text (see the module's docstring); ``prose``: sentences only, no headings."""
    return [para for para, text in _candidates(doc) if _running(para, text, prose)]


def _size(para: Para) -> float:
    """The paragraph's usual font size."""
    sizes = [p.size for c, p in zip(para.text, para.props, strict=False) if not c.isspace()]
    return median(sizes) if sizes else 14.0


def _spacing_wrong(para: Para) -> str | None:
    """What is wrong with the line spacing, or ``None``."""
    fmt = para.fmt
    if fmt.line_rule == "auto":
        if 0.99 <= fmt.line <= 1.51:
            return None
        return f"giãn dòng {pt(round(fmt.line, 2))} dòng"
    size = _size(para)
    high = 1.5 * SINGLE * size + 0.5
    if fmt.line <= high and (fmt.line_rule == "atLeast" or fmt.line >= size):
        return None
    rule = "chính xác" if fmt.line_rule == "exact" else "tối thiểu"
    return f"giãn dòng {rule} {pt(round(fmt.line, 1))} pt với chữ {pt(size)} pt"


def _first_wrong(rule: str, wrong: list[tuple[Para, T]], places: str,
                 message: Callable[[T, str], str]) -> list[Finding]:
    """One finding at the first wrong paragraph, its message told how many ``places`` share the fault."""
    if not wrong:
        return []
    para, value = wrong[0]
    return finding(rule, quoted(para), [message(value, f" (cùng {len(wrong)} {places})" if len(wrong) > 1 else "")])


def check_line_spacing(doc: Doc) -> list[Finding]:
    """Single to 1.5 lines (exact spacing: from the font size to 1.5 lines of it)."""
    wrong = [(para, said) for para in body_paras(doc) if (said := _spacing_wrong(para)) is not None]
    return _first_wrong("gian-dong", wrong, "đoạn thân văn bản",
                        lambda said, more: f"{said}{more}, cần từ một dòng (Single) đến 1,5 dòng")


def _gap(above: Para, below: Para) -> float:
    """The space Word leaves between two paragraphs: after the first plus before the second.

    «Contextual spacing» drops a paragraph's own spacing next to a paragraph of the same style.
    """
    same = above.fmt.style == below.fmt.style
    after = 0.0 if above.fmt.contextual and same else above.fmt.after_pt
    before = 0.0 if below.fmt.contextual and same else below.fmt.before_pt
    return after + before


def check_paragraph_spacing(doc: Doc) -> list[Finding]:
    """At least 6 pt between paragraphs of running text that follow each other (an empty line is more)."""
    paras = body_paras(doc, prose=False)  # a heading is a paragraph too: 6 pt above and below it
    wrong = [(below, gap) for above, below in zip(paras, paras[1:], strict=False)
             if below.index == above.index + 1 and (gap := _gap(above, below)) < 5.95]
    return _first_wrong("gian-doan", wrong, "chỗ", lambda gap, more: f"khoảng cách với đoạn trên "
                        f"{pt(round(gap, 1))} pt{more}, cần tối thiểu 6 pt (khoảng cách trước/sau đoạn – "
                        "Spacing Before/After)")


def _indent_cm(para: Para) -> float:
    """Where the first line starts, from the left margin, in centimetres (a leading tab counts as one stop)."""
    indent = max(para.fmt.left_cm, 0.0) + para.fmt.first_line_cm  # text pulled into the margin: from its own edge
    if para.text.startswith("\t") and abs(para.fmt.first_line_cm) < 0.05:
        indent += DEFAULT_TAB_CM
    return indent


def check_indent(doc: Doc) -> list[Finding]:
    """First-line indent 1–1.27 cm."""
    lo, hi = INDENT_CM
    wrong = [(para, indent) for para in body_paras(doc) if not lo <= (indent := _indent_cm(para)) <= hi]
    return _first_wrong("thut-dau-dong", wrong, "đoạn thân văn bản", lambda indent, more: f"lùi đầu dòng "
                        f"{pt(round(indent, 2))} cm{more}, cần 1 cm hoặc 1,27 cm (Indentation – First line)")
