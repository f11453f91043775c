"""Pictures a document adds or swaps: docxtpl's ``replace_pic``/``replace_media`` as a declaration.

The declaration's ``thay_anh`` maps a picture of the template (its media name, ``image1.png``, or the name
Word shows for it) to a data field declared ``x-kieu: anh``; each unit's picture then takes its place, in
the same frame. Pictures printed by tags (``{{ con_dau }}``) are added to the package here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qdocgen.data.pictures import Picture
from qdocgen.errors import TemplateError
from qdocgen.oxml.media import add_pictures, media_names, replace_media
from qdocgen.template.registry import TemplateInfo
from qdocgen.template.rich import Collector


def _declared_picture(schema: Any, field: str) -> bool:
    """Whether ``field`` (``a.b`` for a nested key) is declared ``x-kieu: anh``."""
    node = schema
    for key in field.split("."):
        props = node.get("properties") if isinstance(node, dict) else None
        node = props.get(key) if isinstance(props, dict) else None
    return isinstance(node, dict) and node.get("x-kieu") == "anh"


def checked(info: TemplateInfo, parts: Mapping[str, bytes]) -> dict[str, str]:
    """``thay_anh`` as media part → data field; a name the template lacks or an undeclared field is an error."""
    if not info.pictures:
        return {}
    names = media_names(parts)
    out: dict[str, str] = {}
    for name, field in info.pictures.items():
        if name not in names:
            known = ", ".join(sorted(names)) or "(mẫu không có ảnh nào)"
            raise TemplateError(f"{info.shown} [thay_anh]: mẫu không có ảnh «{name}»; các ảnh có: {known}.")
        if not _declared_picture(info.schema, field):
            raise TemplateError(f"{info.shown} [thay_anh.{name}]: khóa dữ liệu «{field}» chưa khai báo trong "
                                "dau_vao với «x-kieu: anh»; hãy khai báo nó để qdocgen kiểm tra ảnh.")
        out[names[name]] = field
    return out


def _lookup(context: Mapping[str, Any], field: str) -> Any:
    """The value at ``field`` (``a.b`` for a nested key), or None."""
    value: Any = context
    for key in field.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def package_changes(parts: Mapping[str, bytes], swaps: Mapping[str, str], context: Mapping[str, Any],
                    collector: Collector, shown: str) -> dict[str, bytes]:
    """The parts to add or replace: swapped pictures, then pictures the tags printed."""
    changed: dict[str, bytes] = {}
    for part, field in swaps.items():
        value = _lookup(context, field)
        if value is None or value == "":
            continue  # no picture in the data: the template's stays
        if not isinstance(value, Picture):
            raise TemplateError(f"{shown}: thay_anh dùng khóa «{field}» nhưng giá trị không phải ảnh đã kiểm tra.")
        changed.update(replace_media({**parts, **changed}, part, value.data, value.kind))
    if collector.shown:
        used = {part: list(media.values()) for part, media in collector.shown.items()}
        changed.update(add_pictures({**parts, **changed}, used))
    return changed
