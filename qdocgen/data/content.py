"""The content model of a decision's body: articles and free appendices as structured paragraphs.

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

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
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


FILTERS: dict[str, Callable[..., Any]] = {"cac_dieu": articles, "cac_doan": paragraphs}
"""The Jinja filters this module gives templates."""


# --- the issuer: one key drives the authority line, the appendix's reference line and the signature ----------

COMMITTEE, CHAIR = "uy_ban", "chu_tich"
"""Values of ``ban_hanh``: the committee issues (signed "TM. ỦY BAN NHÂN DÂN"), or its Chủ tịch does."""
HEAD = "Chủ tịch"
COLLECTIVE = "Ủy ban nhân dân"


@dataclass(frozen=True)
class Issuer:
    """Who issues the decision, in the words each place needs.

    Attributes:
        tham_quyen: the authority line above the legal bases (printed upper case).
        cua: who the appendix's reference line says issued the decision ("của ...").
        cac_dong_ky: the signature block's authority and title lines, top to bottom (printed upper case).
    """

    tham_quyen: str
    cua: str
    cac_dong_ky: tuple[str, ...]


def _is_deputy(title: str) -> bool:
    """A deputy's title ("Phó Chủ tịch") signs "KT." for the head."""
    return title.strip().lower().startswith("phó")


def issuer(ban_hanh: Any, co_quan: Any, tham_quyen: Any = "", nguoi_ky: Any = None) -> Issuer:
    """Global ``ban_hanh_boi``: the wording that follows from ``ban_hanh`` (``uy_ban`` or ``chu_tich``).

    A committee's decision reads "ỦY BAN NHÂN DÂN QUẬN ..." above the bases, "của Ủy ban nhân dân quận ..."
    under the appendix title, and is signed "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" (a deputy adds "KT. CHỦ TỊCH"
    and signs "PHÓ CHỦ TỊCH"). A Chủ tịch's decision reads "CHỦ TỊCH ỦY BAN NHÂN DÂN ...", "của Chủ tịch ...",
    and is signed "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". An explicit ``tham_quyen`` or
    ``nguoi_ky.tham_quyen`` in the data wins over the derived wording.
    """
    body = str(co_quan or "").strip()
    signer = nguoi_ky if isinstance(nguoi_ky, Mapping) else {}
    title = str(signer.get("chuc_vu") or HEAD).strip()
    by_chair = ban_hanh == CHAIR
    authority = str(tham_quyen or "").strip() or (f"{HEAD} {body}" if by_chair else body)
    said = str(signer.get("tham_quyen") or "").strip()
    if said:
        lines = tuple(line.strip() for line in said.split("\n") if line.strip()) + (title,)
    else:
        collective = COLLECTIVE if body.lower().startswith(COLLECTIVE.lower()) else body
        lines = () if by_chair else (f"TM. {collective}",)
        if _is_deputy(title):
            lines += (f"KT. {HEAD}",)
        lines += (title,)
    return Issuer(authority, f"{HEAD} {body}" if by_chair else body, lines)


# --- the summary: a long one breaks at a phrase boundary, or where the data says -----------------------------

# Advance widths of Times New Roman Bold (thousandths of the size; Liberation Serif has the same metrics). A
# summary line at 14 pt over the 165 mm line holds 33 409; lines measured on the PDF: 32 755 fit, 33 367 not.
_BOLD_WIDTHS = dict(zip("abcdefghijklmnopqrstuvwxyz", (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278,
                                                      833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500,
                                                      500, 444), strict=True))
_BOLD_WIDTHS.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667,
                                                       944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
                                                       722, 667), strict=True))
_BOLD_WIDTHS.update({" ": 250, ":": 333, ",": 250, ".": 250, "-": 333, "/": 278, "(": 333, ")": 333, "đ": 556,
                     "Đ": 722, **{d: 500 for d in "0123456789"}})
SUMMARY_WIDTH = 32_800  # under 33 409, above the longest line seen to fit
_BREAK_BEFORE = frozenset({"trong", "theo", "của", "tại", "về", "cho", "đối", "và", "thuộc", "giai", "năm",
                           "phù", "nhằm", "để", "trên"})
_PLACE_WORDS = frozenset({"phường", "xã", "quận", "huyện", "tỉnh", "phố", "trấn", "thị", "khu", "ấp"})


def text_width(text: str) -> int:
    """The width of ``text`` in bold Times New Roman, in thousandths of the font size."""
    total = 0
    for ch in text:
        base = ch if ch in _BOLD_WIDTHS else unicodedata.normalize("NFD", ch)[:1]
        total += _BOLD_WIDTHS.get(base, 556)
    return total


def _boundaries(words: list[str]) -> list[int]:
    """Indexes of words a line may start with: a linking word, a capitalised phrase, after a comma.

    Never inside a place name ("phường / Tân Định"), a name in capitals ("Tiêu chuẩn / TCVN"), nor after a
    linking word ("theo / Tiêu chuẩn").
    """
    found = []
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        starts_phrase = (word[:1].isupper() and not before[:1].isupper()
                         and before.lower() not in _PLACE_WORDS | _BREAK_BEFORE)
        if word.lower() in _BREAK_BEFORE or starts_phrase or before.endswith((",", ";", ":")):
            found.append(i)
    return found


def _best_breaks(words: list[str], allowed: list[int], max_width: int) -> list[int] | None:
    """Break points among ``allowed`` giving lines within ``max_width``, as even as possible; None if none."""
    points = [0, *allowed, len(words)]

    def span(a: int, b: int) -> int:
        """Width of the line holding words ``a`` to ``b - 1``."""
        return text_width(" ".join(words[a:b]))

    best: dict[int, tuple[int, int, list[int]]] = {0: (0, 0, [])}  # point → (lines, cost, breaks)
    for b in points[1:]:
        options = []
        for a in points:
            if a >= b or a not in best or span(a, b) > max_width:
                continue
            lines, cost, breaks = best[a]
            slack = (max_width - span(a, b)) // 100
            options.append((lines + 1, cost + slack ** 2, breaks + ([a] if a else [])))
        if options:
            best[b] = min(options, key=lambda o: (o[0], o[1]))
    found = best.get(len(words))
    return None if found is None else found[2]


def break_summary(text: Any, max_width: int = SUMMARY_WIDTH) -> str:
    """Filter ``ngat_dong``: a long summary in lines broken at phrase boundaries, never inside a word pair.

    A line break written in the data (``trich_yeu: |-`` with the lines as wanted) is kept as it is.
    Ví dụ: {{ "Về việc ban hành Mục tiêu chất lượng trong phạm vi áp dụng Hệ thống quản lý chất lượng" | ngat_dong }}
    """
    value = "" if text is None else str(text)
    if "\n" in value or text_width(value) <= max_width:
        return value
    words = value.split()
    breaks = (_best_breaks(words, _boundaries(words), max_width)
              or _best_breaks(words, list(range(1, len(words))), max_width) or [])
    bounds = [0, *breaks, len(words)]
    return "\n".join(" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))


# --- appendices: a list of kinds; "Phụ lục I, II" only when there are two or more -----------------------------

TABLE, FREE = "muc_tieu", "tu_do"
"""Kinds of appendix (``loai``): the objectives table, or free content (headings, paragraphs, lists)."""
TABLE_WIDTH_DXA = 9356  # 165 mm of text width, in twentieths of a point
DEFAULT_COLUMNS = (
    {"khoa": "stt", "tieu_de": "STT", "do_rong": 12},
    {"khoa": "noi_dung", "tieu_de": "Mục tiêu", "do_rong": 41},
    {"khoa": "theo_doi", "tieu_de": "Cơ quan, đơn vị theo dõi và báo cáo", "do_rong": 37},
    {"khoa": "phuong_phap", "tieu_de": "Phương pháp tính toán kết quả đạt được", "do_rong": 35},
    {"khoa": "bien_phap", "tieu_de": "Biện pháp thực hiện", "do_rong": 40},
)
"""The 2019 table's columns; ``do_rong`` are relative widths (here millimetres of the 165 mm line)."""
NUMBER_KEY = "stt"
TARGET_KEY = "chi_tieu"


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, centred or not, and its width in twentieths of a point."""

    chu: str
    giua: bool
    do_rong: int


@dataclass(frozen=True)
class Row:
    """One body row: a group row (``nhom`` set, spanning the table) or an objective's cells."""

    nhom: str = ""
    o: tuple[Cell, ...] = ()


@dataclass(frozen=True)
class Appendix:
    """One appendix as the template prints it (see ``appendices``)."""

    so: str
    tieu_de: str
    kem_theo: str
    loai: str
    chu_ky: bool
    chinh_sach: str = ""
    phuong_cham: str = ""
    gioi_thieu: str = ""
    tinh_den: str = ""
    cot: tuple[Cell, ...] = ()
    hang: tuple[Row, ...] = ()
    so_cot: int = 0
    bao_cao_mo_dau: str = ""
    bao_cao: tuple[str, ...] = ()
    cac_doan: tuple[Line, ...] = ()
    ghi_chu: tuple[str, ...] = ()


def _widths(columns: Sequence[Mapping[str, Any]]) -> list[int]:
    """Relative widths (``do_rong``) as twentieths of a point summing to the text width."""
    weights = []
    for column in columns:
        try:
            weight = float(column.get("do_rong") or 1)
        except (TypeError, ValueError):
            weight = 1.0
        weights.append(max(weight, 0.01))
    total = sum(weights)
    out = [int(TABLE_WIDTH_DXA * w / total) for w in weights]
    out[-1] += TABLE_WIDTH_DXA - sum(out)
    return out


def target_text(raw: Any) -> str:
    """A ``chi_tieu`` as printed in a table column: "≥98%", "14-15%", "từ 10% trở lên; ≤5%"."""
    from qdocgen import vnformat

    out = []
    for target in raw if isinstance(raw, list) else [raw]:
        if not isinstance(target, Mapping):
            continue
        unit = str(target.get("don_vi") or "%")
        if target.get("den") is not None:
            low = vnformat.format_decimal_vn(target.get("tu"))
            out.append(f"{low}-{vnformat.format_target('=', target.get('den'), unit)}")
        elif target.get("gia_tri") is not None:
            out.append(vnformat.format_target(str(target.get("so_sanh") or "="), target.get("gia_tri"), unit))
    return "; ".join(out)


def _cell_text(objective: Mapping[str, Any], key: str, number: int) -> str:
    """What one column prints for one objective: its number, its target, or the value under ``key``."""
    if key == NUMBER_KEY:
        return str(number)
    value = objective.get(key)
    if key == TARGET_KEY:
        return target_text(value)
    return "" if value is None else str(value)


def _rows(items: Any, columns: Sequence[Mapping[str, Any]], widths: list[int], start: int = 0) -> list[Row]:
    """The table's body rows: group rows and objectives, numbered on across groups from ``start``."""
    rows: list[Row] = []
    number = start
    for item in items if isinstance(items, list) else []:
        if isinstance(item, Mapping) and "nhom" in item and "noi_dung" not in item:
            rows.append(Row(nhom=str(item.get("nhom") or "")))
            inner = _rows(item.get("muc_tieu"), columns, widths, number)
            number += sum(1 for r in inner if not r.nhom)
            rows.extend(inner)
            continue
        objective = item if isinstance(item, Mapping) else {"noi_dung": str(item)}
        number += 1
        rows.append(Row(o=tuple(Cell(_cell_text(objective, str(c.get("khoa")), number),
                                     str(c.get("khoa")) == NUMBER_KEY, w)
                                for c, w in zip(columns, widths, strict=True))))
    return rows


def _as_text(raw: Any) -> str:
    """A text value as a string, formatted text (declared ``x-kieu: van-ban-dinh-dang``) kept as it is."""
    return raw if isinstance(raw, str) else str(raw or "")


def _texts(raw: Any) -> tuple[str, ...]:
    """A string or list of strings as a tuple of strings."""
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(x) for x in raw) if isinstance(raw, list) else ()


def _table_appendix(raw: Mapping[str, Any], common: dict[str, Any], co_quan: str, nam: Any) -> Appendix:
    """An objectives-table appendix, its fixed phrases defaulting to the 2019 wording."""
    columns = raw.get("cot") or DEFAULT_COLUMNS
    columns = [c if isinstance(c, Mapping) else {"khoa": str(c), "tieu_de": str(c)} for c in columns]
    widths = _widths(columns)
    motto = str(raw.get("phuong_cham") or "")
    policy = raw.get("can_cu_chinh_sach")
    if policy is None:
        policy = f"Căn cứ Chính sách chất lượng được {co_quan} công bố, với phương châm:" if motto else ""
    until = raw.get("tinh_den")
    return Appendix(
        **common, loai=TABLE, chinh_sach=str(policy), phuong_cham=motto,
        gioi_thieu=_as_text(raw.get("gioi_thieu")),
        tinh_den=str(f"(tính đến cuối năm {nam})" if until is None else until),
        cot=tuple(Cell(str(c.get("tieu_de") or ""), True, w) for c, w in zip(columns, widths, strict=True)),
        hang=tuple(_rows(raw.get("muc_tieu"), columns, widths)), so_cot=len(columns),
        bao_cao_mo_dau=str(raw.get("bao_cao_mo_dau") or ""), bao_cao=_texts(raw.get("bao_cao")),
        cac_doan=tuple(lines(raw.get("noi_dung"), "phu_luc.noi_dung")), ghi_chu=_texts(raw.get("ghi_chu")))


def appendix_list(raw: Any) -> list[Mapping[str, Any]]:
    """``phu_luc`` as a list: one mapping (the 2019 form) is one appendix; nothing or ``[]`` is none."""
    if raw is None or raw == "":
        return []
    if isinstance(raw, Mapping):
        return [raw]
    if isinstance(raw, list):
        return [item for item in raw if isinstance(item, Mapping)]
    raise ContentError("phu_luc: cần một bảng khóa (một phụ lục), một danh sách phụ lục, hoặc để trống.")


def appendix_kind(raw: Mapping[str, Any]) -> str:
    """``loai`` as written, else the table when the appendix lists ``muc_tieu``, else free content."""
    kind = raw.get("loai")
    if kind in (TABLE, FREE):
        return str(kind)
    return TABLE if "muc_tieu" in raw else FREE


def appendices(raw: Any, co_quan: Any = "", nam: Any = "") -> list[Appendix]:
    """Filter ``cac_phu_luc``: each appendix ready to print, numbered I, II, ... when there are two or more."""
    items = appendix_list(raw)
    out = []
    for i, item in enumerate(items, start=1):
        kind = appendix_kind(item)
        common: dict[str, Any] = {
            "so": roman(i) if len(items) >= 2 else "",
            "tieu_de": str(item.get("tieu_de") or "Mục tiêu chất lượng"),
            "kem_theo": str(item.get("kem_theo") or "Kèm theo"),
            "chu_ky": item.get("chu_ky", True) is not False,
        }
        if kind == TABLE:
            out.append(_table_appendix(item, common, str(co_quan or ""), nam))
        else:
            found = lines(item.get("noi_dung"), f"phu_luc[{i}].noi_dung")
            out.append(Appendix(**common, loai=FREE, cac_doan=tuple(found), ghi_chu=_texts(item.get("ghi_chu"))))
    return out


FILTERS.update({"cac_phu_luc": appendices, "ngat_dong": break_summary})
GLOBALS: dict[str, Callable[..., Any]] = {"ban_hanh_boi": issuer}
"""The Jinja globals this module gives templates."""


# --- legal bases: the structured citation, free text, no number or date, several documents -------------------

_BASIS_WORDS = ("căn cứ", "theo ", "xét ")
_SLASH_DATE = re.compile(r"\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
_WORD_DATE = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")


def _nd30_dates(text: str) -> str:
    """Dates written in a free text, put the NĐ30 way: "ngày 5/3/2014" → "ngày 05 tháng 3 năm 2014"."""
    from qdocgen import vnformat

    def fix(m: re.Match[str]) -> str:
        """One date put the NĐ30 way; left as written when it is no date."""
        try:
            return vnformat.format_date(f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
        except ValueError:
            return m.group(0)

    return _WORD_DATE.sub(fix, _SLASH_DATE.sub(fix, text))


def _free(text: Any) -> str:
    """Free words on one line, dates the NĐ30 way, without a final ";", "." or ","."""
    return _nd30_dates(" ".join(str(text).split())).rstrip(" ;.,")


def _citation(raw: Mapping[str, Any]) -> str:
    """One cited document (``trich_dan``) with its ``ghi_them`` words."""
    from qdocgen import vnformat

    cited = {k: raw[k] for k in ("van_ban", "so", "ngay", "co_quan", "trich_yeu", "nam") if k in raw}
    text = vnformat.FILTERS["trich_dan"](cited) if cited.get("van_ban") else ""
    extra = raw.get("ghi_them")
    if extra not in (None, ""):
        text = f"{text} {_free(extra)}".strip()
    return text


def basis(raw: Any) -> str:
    """Filter ``can_cu``: one legal basis as its line, "Căn cứ ..." without the final ";" or ".".

    A basis is a citation (van_ban, so, ngay, co_quan, trich_yeu: each optional but van_ban), plus free words
    after it (``ghi_them``: "đã được Chủ tịch ... ký công bố"); or several documents in one basis
    (``cac_van_ban``: a list of citations, joined with ";" as laws and their amending laws are); or a free
    text (a string), to which "Căn cứ" is added unless it starts with it. Dates in free words are put the NĐ30
    way ("ngày 05 tháng 3 năm 2014").
    Ví dụ: {{ {"van_ban": "Luật tổ chức chính quyền địa phương", "ngay": "2015-06-19"} | can_cu }}
    """
    if isinstance(raw, str):
        text = _free(raw)
        return text if text.lower().startswith(_BASIS_WORDS) else f"Căn cứ {text}"
    if not isinstance(raw, Mapping):
        raise ContentError("can_cu: mỗi căn cứ là một văn bản (van_ban, so, ngay, co_quan, trich_yeu), "
                           "một danh sách văn bản (cac_van_ban), hoặc một câu viết sẵn.")
    several = raw.get("cac_van_ban")
    if isinstance(several, list):
        parts = [_citation(d) if isinstance(d, Mapping) else _free(d) for d in several]
        text = "; ".join(p for p in parts if p)
        extra = raw.get("ghi_them")
        if extra not in (None, ""):
            text = f"{text} {_free(extra)}"
    else:
        text = _citation(raw)
    return f"Căn cứ {text}"


FILTERS["can_cu"] = basis


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


GLOBALS["cac_muc_tieu"] = objective_lines
