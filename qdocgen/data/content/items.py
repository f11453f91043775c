"""The numbered items of a decision's body: articles and free appendices as structured paragraphs.

An article (``dieu[N]``) is either a string, printed after "Điều N." as one paragraph (as in 2019), or a
mapping::

    tieu_de: Phạm vi áp dụng          # optional article title, bold after "Điều N."
    noi_dung: Ban hành ... như sau:   # the article's first paragraph
    muc_tieu: true                    # optional: every item without sub-items is a quality objective
    cac_muc:                          # its paragraphs, each its own Word paragraph, numbered by qdocgen
      - khoan: Nhóm các chỉ tiêu kinh tế          # "1.", "2." (a khoản inside a khoản: "2.1.")
        cac_muc:
          - gach: Tổng thu ngân sách đạt 100% dự toán   # "- "
            gia_tri: "100%"                              # printed at the right margin, after a tab
            chi_tieu: {so_sanh: ">=", gia_tri: 100}      # a target: this item is an objective
            cac_muc:
              - cong: thu thuế ...                        # "+ "
      - diem: ...                                  # "a)", "b)", ... (Vietnamese letters: a b c d đ e g ...)
      - nhom: Phòng Tài chính - Kế hoạch chủ trì   # a group heading, bold, unnumbered
      - muc: MỤC ĐÍCH, YÊU CẦU                     # a section heading "I.", "II.", bold
      - doan: a plain paragraph                    # a plain string item is the same

Each item is a mapping with exactly one of the kind keys above (its text), or a string. A free appendix's
``noi_dung`` is a list of such items. Paragraphs follow NĐ30: body size, upright, 1 cm first-line indent; the
template decides their look, this module only numbers and flattens them (pure functions, no XML).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qdocgen.data.objectives import Key, Objective

KINDS = ("muc", "khoan", "diem", "gach", "cong", "nhom", "doan")
"""The kinds of item, each the key that holds the item's text."""
BOLD_KINDS = frozenset({"muc", "nhom"})
CHILDREN = "cac_muc"
VALUE = "gia_tri"
OBJECTIVE_FLAG = "muc_tieu"
# Điểm are lettered with the Vietnamese alphabet: no f, j, w, z; đ after d.
LETTERS = "abcdđeghiklmnopqrstuvxy"
KIND_WORDS = ", ".join(f"«{k}»" for k in KINDS)


class ContentError(ValueError):
    """An item of an article or appendix that the content model cannot read (said in Vietnamese)."""


@dataclass(frozen=True)
class Line:
    r"""One Word paragraph of an article or appendix.

    Attributes:
        so: its number or mark with the space after it ("1. ", "2.1. ", "a) ", "- ", "+ ", "I. "), or "".
        noi_dung: its text.
        gia_tri: the tab-aligned value with its leading tab (a tab, then "≥ 98%"), or "".
        dam: bold (group and section headings).
        giu: keep with the next paragraph (the last lines before the signature).
        loai: its kind (one of KINDS).
    """

    so: str
    noi_dung: str
    gia_tri: str = ""
    dam: bool = False
    giu: bool = False
    loai: str = "doan"


@dataclass(frozen=True)
class Article:
    """One article: "Điều {so}." with its title, its first paragraph's text, and its further paragraphs."""

    so: int
    tieu_de: str
    mo_dau: str
    cac_doan: tuple[Line, ...] = field(default_factory=tuple)
    giu: bool = False


def roman(number: int) -> str:
    """1 → I, 4 → IV, 12 → XII."""
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def letter(number: int) -> str:
    """1 → a, 6 → e (after đ), 24 → aa: the letters of điểm."""
    base = len(LETTERS)
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, base)
        text = LETTERS[rest] + text
    return text


def item_kind(item: Any, where: str = "") -> tuple[str, str]:
    """An item's kind and text; a string is a plain paragraph. Anything else is a ContentError."""
    if isinstance(item, str):
        return "doan", item
    if not isinstance(item, Mapping):
        raise ContentError(f"{where}: mỗi mục phải là một dòng chữ hoặc một bảng khóa có một trong các khóa "
                           f"{KIND_WORDS}.")
    found = [k for k in KINDS if k in item]
    if len(found) != 1:
        said = "không có khóa nào trong" if not found else f"có {len(found)} khóa trong"
        raise ContentError(f"{where}: mục {said} {KIND_WORDS}; mỗi mục cần đúng một khóa cho biết kiểu dòng "
                           "(ví dụ «gach: nội dung» cho dòng bắt đầu bằng «-»).")
    text = item[found[0]]
    return found[0], "" if text is None else str(text)


def _number(kind: str, count: int, parent: tuple[str, str]) -> str:
    """The number or mark of the ``count``-th item of its kind in its list, under ``parent`` (kind, number)."""
    if kind == "khoan":
        prefix = parent[1].rstrip() if parent[0] == "khoan" else ""
        return f"{prefix}{count}. "
    if kind == "diem":
        return f"{letter(count)}) "
    if kind == "muc":
        return f"{roman(count)}. "
    return {"gach": "- ", "cong": "+ "}.get(kind, "")


def _value(item: Any) -> str:
    """The item's tab-aligned value with its tab, or ""."""
    if isinstance(item, Mapping) and item.get(VALUE) not in (None, ""):
        return "\t" + str(item[VALUE])
    return ""


def lines(items: Any, where: str = "cac_muc", parent: tuple[str, str] = ("", "")) -> list[Line]:
    """The items of a list (and their sub-items, depth first) as numbered paragraphs, in reading order."""
    if items is None:
        return []
    if not isinstance(items, Sequence) or isinstance(items, str):
        raise ContentError(f"{where}: cần một danh sách các mục (mỗi mục một dòng bắt đầu bằng «- »).")
    out: list[Line] = []
    counts: dict[str, int] = {}
    for i, item in enumerate(items):
        kind, text = item_kind(item, f"{where}[{i + 1}]")
        if kind == "muc":  # a section heading (I., II.) starts its khoản and điểm again from 1. and a)
            counts = {"muc": counts.get("muc", 0)}
        counts[kind] = counts.get(kind, 0) + 1
        number = _number(kind, counts[kind], parent)
        out.append(Line(number, text, _value(item), kind in BOLD_KINDS, loai=kind))
        if isinstance(item, Mapping) and item.get(CHILDREN) is not None:
            out.extend(lines(item[CHILDREN], f"{where}[{i + 1}].{CHILDREN}", (kind, number)))
    return out


def _kept(found: list[Line], keep_last: bool) -> tuple[Line, ...]:
    """The lines, the last one kept with what follows when ``keep_last``."""
    if keep_last and found:
        last = found[-1]
        found[-1] = Line(last.so, last.noi_dung, last.gia_tri, last.dam, True, last.loai)
    return tuple(found)


def article(number: int, raw: Any, last: bool = False) -> Article:
    """One article as the template prints it; ``last`` keeps its final paragraph with the signature block."""
    where = f"dieu[{number}]"
    if isinstance(raw, str):
        return Article(number, "", raw, (), last)
    if not isinstance(raw, Mapping):
        raise ContentError(f"{where}: mỗi điều là một đoạn chữ, hoặc một bảng khóa với tieu_de, noi_dung, "
                           "cac_muc.")
    title = str(raw.get("tieu_de") or "")
    text = str(raw.get("noi_dung") or "")
    found = lines(raw.get(CHILDREN), f"{where}.{CHILDREN}")
    if title and text:
        found.insert(0, Line("", text))
        text = ""
    return Article(number, title, text, _kept(found, last), last and not found)


def articles(raw: Any) -> list[Article]:
    """Filter ``cac_dieu``: the ``dieu`` list as numbered articles; the last one's end stays with the signature."""
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise ContentError("dieu: cần một danh sách các điều.")
    return [article(i, item, i == len(raw)) for i, item in enumerate(raw, start=1)]


def paragraphs(raw: Any, keep_last: bool = False) -> list[Line]:
    """Filter ``cac_doan``: a free list of items (a free appendix's ``noi_dung``) as numbered paragraphs."""
    if isinstance(raw, str):
        return _kept_list([Line("", raw)], keep_last)
    return _kept_list(lines(raw, "noi_dung"), keep_last)


def _kept_list(found: list[Line], keep_last: bool) -> list[Line]:
    """``_kept`` as a list."""
    return list(_kept(found, keep_last))


def _is_objective(item: Mapping[str, Any], inherited: bool, has_children: bool) -> bool:
    """An item with a target; a leaf flagged ``muc_tieu: true``; or a leaf under such a flag."""
    if "chi_tieu" in item or item.get(OBJECTIVE_FLAG) is True:
        return not has_children or "chi_tieu" in item
    return inherited and not has_children


def block_objectives(items: Any, key: Key, inherited: bool = False,
                     group: str | None = None) -> Iterator[Objective]:
    """The objectives among structured items: those with ``chi_tieu``, or under ``muc_tieu: true`` and leaves.

    Args:
        items: a ``cac_muc`` (or free appendix ``noi_dung``) list.
        key: where the list stands in the unit's data.
        inherited: an enclosing item or article says ``muc_tieu: true``.
        group: the heading the list stands under.

    Yields:
        Objective: each with its key, the nearest heading above it as group, its text and targets.
    """
    from qdocgen.data.objectives import Objective, parse_targets

    if not isinstance(items, Sequence) or isinstance(items, str):
        return
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            if inherited and isinstance(item, str):
                yield Objective(key + (i,), group, item, (), {"noi_dung": item})
            continue
        try:
            _, text = item_kind(item)
        except ContentError:
            continue
        children = item.get(CHILDREN)
        has_children = isinstance(children, Sequence) and not isinstance(children, str) and bool(children)
        if _is_objective(item, inherited, has_children):
            # An objective's own sub-items (milestones, "+" details) are parts of it, not objectives.
            yield Objective(key + (i,), group, text, parse_targets(item.get("chi_tieu")), item)
        elif has_children:
            yield from block_objectives(children, key + (i, CHILDREN),
                                        inherited or item.get(OBJECTIVE_FLAG) is True, text or group)


def objective_lines(dieu: Any = None, phu_luc: Any = None) -> list[Line]:
    """Global ``cac_muc_tieu``: every objective of the unit (``iter_objectives``) as the Phụ lục 3 form prints.

    Numbered 1., 2., ... in reading order, under a bold heading wherever their group changes.
    """
    from qdocgen.data.objectives import iter_objectives

    out: list[Line] = []
    group: str | None = None
    for number, objective in enumerate(iter_objectives({"dieu": dieu, "phu_luc": phu_luc}), start=1):
        if objective.group and objective.group != group:
            out.append(Line("", objective.group, dam=True, loai="nhom"))
        group = objective.group
        out.append(Line(f"{number}. ", objective.text, loai="muc_tieu"))
    return out
