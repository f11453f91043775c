"""Appendices: a list of kinds (the objectives table, free content); «Phụ lục I, II» only when there are two or more."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qdocgen.data.content.items import ContentError, Line, lines, roman

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
