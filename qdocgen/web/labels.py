"""A form field's label and help, read from the template's declaration (its title or description) or its key.

Declarations describe a key in one sentence («ký hiệu văn bản, ví dụ QĐ-UBND»): the first clause is the label,
the rest the help. Keys left undescribed (rows inside rows) get a known Vietnamese label, else the key itself.
"""

from __future__ import annotations

import re
from typing import Any

# Labels of keys that templates often leave undescribed (rows inside rows): the key has no diacritics.
KNOWN_LABELS = {"van_ban": "Văn bản", "so": "Số", "ngay": "Ngày", "co_quan": "Cơ quan", "trich_yeu": "Trích yếu",
                "ghi_them": "Ghi thêm", "nguoi_ky": "Người ký", "tham_quyen": "Thẩm quyền ký",
                "chuc_vu": "Chức vụ", "ho_ten": "Họ tên", "loai": "Loại", "khoa": "Khóa của cột",
                "noi_dung": "Nội dung", "ten": "Tên", "nam": "Năm", "ten_phuong": "Tên phường",
                "ten_xa": "Tên xã", "ten_quan": "Tên quận", "ten_huyen": "Tên huyện", "ten_don_vi": "Tên đơn vị"}
_IDENTIFIER = re.compile(r"^[a-z0-9_]+$")


def _first_clause(text: str) -> str:
    """The description up to its first «,», «(», «:», «;» or « ví dụ», not counting those inside «...»."""
    depth = 0
    for i, char in enumerate(text):
        if char in "«»":
            depth = depth + 1 if char == "«" else max(0, depth - 1)
        elif depth == 0 and (char in ",(:;" or text.startswith(" ví dụ", i)):
            return text[:i]
    return text


def _capital(text: str) -> str:
    """The first letter in capitals, unless the text starts with a data name (``uy_ban``, ``muc_tieu``)."""
    first = text.split(" ", 1)[0]
    return text if "_" in first else text[:1].upper() + text[1:]


def label_of(key: str | int, schema: dict[str, Any]) -> str:
    """A field's label: the schema's title, else the first clause of its description, else a known or the key."""
    title = schema.get("title")
    if isinstance(title, str) and title:
        return title
    desc = schema.get("description")
    if isinstance(desc, str) and desc.strip():
        first = _first_clause(desc.strip()).strip()
        if first and not _IDENTIFIER.match(first):
            return _capital(first)
    return KNOWN_LABELS.get(str(key), str(key))


def help_of(label: str, schema: dict[str, Any]) -> str:
    """A field's help: its description, less the words already in its label."""
    desc = str(schema.get("description") or "").strip()
    if desc.casefold().startswith(label.casefold()):
        desc = desc[len(label):].lstrip(" ,;:")
    return _capital(desc) if desc else ""
