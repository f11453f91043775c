"""The rule of an appendix's opening lines (NĐ30 Phụ lục I, III.1): «Phụ lục I», its title, its reference line.

The heading «Phụ lục» and its number stand on a line of their own, centred, lower case with a capital first
letter, 14 pt, upright, bold; the title under it in capitals, 13–14 pt, upright, bold, centred; the reference
line «(Kèm theo Quyết định số ... ngày ... của ...)» centred under it, lower case, 13–14 pt, italic. A document
issued with another (a quy chế «(Kèm theo Quyết định ...)») has the reference line under its type name.
"""

from __future__ import annotations

import re

from qdocgen.lint.common import Finding, cut, finding, fold, is_upper, looks, norm, quoted, templated
from qdocgen.lint.document import Doc
from qdocgen.lint.rules import ALIGN_NAMES
from qdocgen.oxml.layout import Para, RunProps

RULE = "tieu-de-phu-luc"
_HEADING = re.compile(r"^Phụ lục(\s+[IVXLC]+)?$")


def _visible(paras: list[Para]) -> list[RunProps]:
    """Props of the shown characters of ``paras``."""
    return [p for para in paras for line in para.lines for p in line.visible()]


def _centred(paras: list[Para]) -> list[str]:
    """«căn giữa» wanted, when a paragraph is set otherwise."""
    off = next((p for p in paras if p.align != "center"), None)
    if off is None:
        return []
    return [f"căn {ALIGN_NAMES.get(off.align, off.align)}, cần căn giữa"]


def _heading(para: Para) -> list[Finding]:
    """«Phụ lục I»: the words in lower case with a capital first letter, 14 pt, upright, bold, centred."""
    text = norm(para.text)
    wrong = []
    run_on = re.match(r"^phụ lục(\s+(số\s*)?[\divxlc]+\b)?\s*[:.\-–]\s*\S", text, re.IGNORECASE)
    if run_on is not None:
        wrong.append(f"«{cut(text, 40)}»: dòng «Phụ lục» và số thứ tự cần đứng riêng một dòng, tên phụ lục xuống dòng "
                     "dưới (in hoa, đậm, căn giữa)")
    elif not _HEADING.match(text) and not templated(text):
        wrong.append(f"viết «{cut(text, 30)}», cần «Phụ lục» chữ thường, hoa chữ đầu, và số thứ tự La Mã khi có "
                     "từ hai phụ lục («Phụ lục II»)")
    wrong += looks(_visible([para]), size=(14, 14), bold=True, italic=False) + _centred([para])
    return finding(RULE, quoted(para), wrong)


def _title(paras: list[Para]) -> list[Finding]:
    """The appendix's name: capitals, 13–14 pt, upright, bold, centred."""
    if not paras:
        return []
    text = " ".join(norm(p.text) for p in paras)
    wrong = [] if is_upper(text) or templated(text) else [f"tên phụ lục «{cut(text, 40)}» cần viết in hoa"]
    wrong += looks(_visible(paras), size=(13, 14), bold=True, italic=False) + _centred(paras)
    return finding(RULE, quoted(paras[0]), wrong)


def _reference(paras: list[Para]) -> list[Finding]:
    """«(Kèm theo ... )»: in brackets, 13–14 pt, italic, not bold, centred."""
    text = " ".join(norm(p.text) for p in paras)
    wrong = []
    if not text.rstrip("0123456789* ").endswith(")"):
        wrong.append("dòng «(Kèm theo ...)» cần đóng ngoặc «)» ở cuối")
    wrong += looks(_visible(paras), size=(13, 14), bold=False, italic=True) + _centred(paras)
    return finding(RULE, quoted(paras[0]), wrong)


def check_appendix(doc: Doc) -> list[Finding]:
    """The heading, title and reference line an appendix opens with (see the module's docstring)."""
    opening = doc.opening
    if opening is None:
        return []
    out: list[Finding] = []
    for para in opening.heading:
        out += _heading(para)
    out += _title(opening.title)
    if opening.reference:
        out += _reference(opening.reference)
    elif opening.heading and not any("kèm theo" in fold(p.text) for p in opening.title):
        out += finding(RULE, quoted(opening.heading[0]), ["không thấy dòng «(Kèm theo <tên loại> số ... ngày ... "
                                                         "của ...)» căn giữa dưới tên phụ lục"])
    return out
