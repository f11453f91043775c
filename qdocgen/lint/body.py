"""Rules of the body: the type name and summary, the legal bases, the articles."""

from __future__ import annotations

from qdocgen.lint.common import Finding, cut, finding, fold, is_upper, looks, norm, quoted, templated
from qdocgen.lint.document import Doc
from qdocgen.lint.rules import ALIGN_NAMES, ARTICLE, BASIS_STARTS, DOC_TYPES
from qdocgen.oxml.layout import Line, Para


def check_title(doc: Doc) -> list[Finding]:
    """The type name and the summary under it."""
    para = doc.type_para
    if para is None:
        if not doc.administrative:
            return []
        return finding("ten-loai", "sau phần đầu văn bản", ["không thấy tên loại văn bản (QUYẾT ĐỊNH, ...) in hoa, "
                                                             "căn giữa dưới phần đầu; văn bản không có tên loại "
                                                             "(công văn) thì bỏ qua quy tắc này"], "warning")
    out: list[Finding] = []
    line = para.lines[0]
    wrong = [] if is_upper(para.text) else [f"viết «{cut(para.text)}», cần chữ in hoa"]
    wrong += looks(line.visible(), size=(13, 14), bold=True, italic=False)
    if para.align != "center":
        wrong.append(f"căn {ALIGN_NAMES.get(para.align, para.align)}, cần căn giữa")
    out += finding("ten-loai", quoted(para), wrong)
    summary = next((p for p in doc.paras[para.index + 1:] if p.text.strip()), None)
    if summary is not None and not is_basis(summary.text) and not is_upper(summary.text):
        visible = [pp for line in summary.lines for pp in line.visible()]
        out += finding("trich-yeu", quoted(summary), looks(visible, size=(13, 14), bold=True, italic=False))
    return out


def is_basis(text: str) -> bool:
    """Whether a line is a legal basis («Căn cứ ...», «Xét đề nghị ...»)."""
    return fold(text).startswith(BASIS_STARTS)


def _is_decision_line(para: Para, doc: Doc) -> bool:
    text = norm(para.text)
    if not text.endswith(":") or not is_upper(text):
        return False
    name = text[:-1].strip().casefold()
    if doc.type_para is not None and name == fold(doc.type_para.text):
        return True
    return name in DOC_TYPES or name in ("quyết nghị", "chỉ thị")


BASES_WITHIN = 6  # the first basis comes within this many paragraphs after the title


def _basis_para(para: Para) -> bool:
    """Whether a paragraph states a basis (not a sentence that goes on to what is done: «..., như sau:»)."""
    first = para.lines[0] if para.lines else None
    return (first is not None and first.col == 0 and para.table is None and is_basis(first.text)
            and not norm(para.text).endswith(":"))


def legal_bases(doc: Doc) -> list[Line]:
    """The lines of the legal bases: the run of «Căn cứ ...», «Xét đề nghị ...» paragraphs after the title.

    Wherever they stand: before «QUYẾT ĐỊNH:» in a decision, before the text of a báo cáo, kế hoạch, tờ
    trình. A basis wrapped by hand onto a line of its own keeps that line.
    """
    start = doc.type_para.index + 1 if doc.type_para is not None else doc.header_end
    paras = [p for p in doc.paras[start:] if p.text.strip()]
    bases: list[Line] = []
    for i, para in enumerate(paras):
        if _basis_para(para):
            bases += [line for line in para.lines if line.col == 0]
            continue
        if bases or i >= BASES_WITHIN or _is_decision_line(para, doc) or (
                para.lines and ARTICLE.match(para.lines[0].text)) or fold(para.text).startswith("kính gửi"):
            break  # after «Kính gửi:» (a tờ trình) a «Căn cứ ...» sentence is the letter's own text
    return bases


def cited_lines(doc: Doc) -> list[Line]:
    """The legal bases, and the «Căn cứ ...» sentences a công văn or tờ trình opens its text with: what it cites."""
    bases = legal_bases(doc)
    seen = {id(line) for line in bases}
    start = doc.type_para.index + 1 if doc.type_para is not None else doc.header_end
    more = [line for para in doc.paras[start:] if para.table is None and para.lines and is_basis(para.lines[0].text)
            for line in para.lines[:1] if id(line) not in seen]
    return bases + more


def _led_on(doc: Doc, last: Line) -> bool:
    """Whether the bases lead into a sentence of their own («Căn cứ ...; UBND tỉnh ban hành Kế hoạch ... như sau:»).

    Then the last basis ends with «;», as the sentence goes on; before «QUYẾT ĐỊNH:» or a heading it ends with «.».
    """
    after = next((p for p in doc.paras[last.para.index + 1:] if p.text.strip()), None)
    if after is None or after.table is not None or _is_decision_line(after, doc) or is_upper(after.text):
        return False
    text = norm(after.text)
    return text[:1].isupper() and not is_basis(text) and text.endswith(":") and not ARTICLE.match(text)


def check_bases(doc: Doc) -> list[Finding]:
    """Italic; «;» after each, «.» after the last."""
    out: list[Finding] = []
    entries: list[list[Line]] = []
    for line in legal_bases(doc):
        if is_basis(line.text) or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)  # a basis wrapped by hand
    for i, entry in enumerate(entries):
        line = entry[0]
        out += finding("can-cu-nghieng", quoted(line), looks([p for ln in entry for p in ln.visible()], italic=True))
        text = entry[-1].text
        if templated(text):
            continue
        last = i == len(entries) - 1
        end = text[-1]
        if last and end == ";" and _led_on(doc, entry[-1]):
            continue
        if last and end != ".":
            extra = " (dấu «,» là cách của Thông tư 01/2011, không còn dùng)" if end == "," else ""
            out += finding("can-cu-dau-cau", quoted(line), [f"căn cứ cuối kết thúc bằng «{end}», cần «.»{extra}"])
        elif not last and end != ";":
            out += finding("can-cu-dau-cau", quoted(line), [f"kết thúc bằng «{end}», cần «;» (chỉ căn cứ cuối "
                                                             "kết thúc bằng «.»)"])
    return out


def check_articles(doc: Doc) -> list[Finding]:
    """«Điều 1.»: the word, an Arabic number and a full stop, in bold."""
    out: list[Finding] = []
    for para in doc.paras[doc.header_end:]:
        if not para.lines or para.lines[0].col != 0:
            continue
        line = para.lines[0]
        match = ARTICLE.match(line.text)
        if match is None or templated(line.text[:match.end()]):
            continue
        wrong = []
        if match[1] != "Điều":
            wrong.append(f"viết «{match[1]}», cần «Điều»")
        if match[3] != ".":
            wrong.append(f"sau số điều cần dấu «.» («Điều {match[2]}.»)")
        prefix_end = match.end() if match[3] == "." else match.end(2)
        wrong += looks(line.visible(0, prefix_end), bold=True)
        out += finding("dieu", quoted(line), wrong)
    return out
