"""The form generated from a schema, and the form's text read back into data (qdocgen.web.fields, editing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qdocgen.web import editing, fields

SCHEMA = {
    "type": "object",
    "required": ["so", "dieu"],
    "properties": {
        "so": {"description": "số văn bản, ví dụ 784", "type": ["integer", "string", "null"]},
        "ngay": {"description": "ngày ban hành", "type": ["date", "null"]},
        "mat": {"description": "bật hay tắt", "type": "boolean"},
        "dieu": {"type": "array", "items": {"type": ["string", "object"],
                                             "properties": {"tieu_de": {"type": "string"},
                                                            "cac_muc": {"$ref": "#/$defs/cac_muc"}}}},
        "khac": {"x-du-lieu-chung": "mau-khac"},
    },
    "$defs": {"cac_muc": {"type": "array", "items": {"type": ["object", "string"], "properties": {
        "noi_dung": {"type": "string"}, "cac_muc": {"$ref": "#/$defs/cac_muc"}}}}},
}
DATA = {"so": 784, "ngay": dt.date(2019, 2, 27), "mat": True, "khac": {"giu": [1, 2]},
        "dieu": ["Điều một.", {"tieu_de": "Hai", "cac_muc": [{"noi_dung": "a", "cac_muc": ["b"]}]}]}


def test_form_follows_the_schema() -> None:
    form = fields.form_for(SCHEMA, DATA)
    kinds = {c.key: c.kind for c in form.children}
    assert kinds == {"so": "text", "ngay": "date", "mat": "boolean", "dieu": "list", "khac": "json"}
    so = form.children[0]
    assert so.label == "Số văn bản" and so.help == "Ví dụ 784" and so.required and so.value == "784"
    assert form.children[1].value == "27/02/2019"
    dieu = form.children[3]
    assert [r.kind for r in dieu.children] == ["textarea", "object"]  # a text article and a structured one
    assert dieu.row is not None and dieu.row.kind == "textarea"  # [string, object]: a new row is text
    nested = dieu.children[1].children[1]
    assert nested.kind == "list" and nested.row is not None and nested.row.kind == "object"  # $ref followed


def test_unchanged_text_gives_the_same_values_back() -> None:
    sent = fields.form_for(SCHEMA, DATA).text()
    assert fields.merge_form(SCHEMA, DATA, sent) == DATA  # 784 stays a number, the date a date


def test_changes_are_typed_by_the_schema_and_rows_keep_their_values() -> None:
    sent = fields.form_for(SCHEMA, DATA).text()
    sent["so"] = "785"
    sent["mat"] = "false"
    sent["dieu"].reverse()
    sent["dieu"].append("Điều mới.")
    new = fields.merge_form(SCHEMA, DATA, sent)
    assert new["so"] == 785 and new["mat"] is False and new["ngay"] == dt.date(2019, 2, 27)
    assert new["dieu"] == [DATA["dieu"][1], "Điều một.", "Điều mới."]
    assert new["khac"] == {"giu": [1, 2]}  # not in the form: carried along


def test_three_way_keeps_the_other_clerks_change() -> None:
    opened = fields.form_for(SCHEMA, DATA).text()
    mine = {**opened, "so": "900"}
    theirs = {**opened, "ngay": "01/03/2019"}
    assert fields.three_way(theirs, opened, mine) == {**opened, "so": "900", "ngay": "01/03/2019"}


def test_saving_writes_only_the_changed_key_of_an_inherited_mapping(tmp_path: Path) -> None:
    unit = tmp_path / "phuong-a.yaml"
    unit.write_text("# phường A\nke_thua: _chung.yaml  # phần chung\nten_phuong: A\n", encoding="utf-8")
    old = {"ten_phuong": "A", "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": ""}, "dieu": ["một", "hai"]}
    new = {"ten_phuong": "A", "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Lê Văn B"}, "dieu": ["một", "hai"]}
    edit = editing.plan(unit, old, new)
    assert edit.after.decode() == ("# phường A\nke_thua: _chung.yaml  # phần chung\nten_phuong: A\n"
                                   "nguoi_ky:\n  ho_ten: Lê Văn B\n")
    assert "+  ho_ten: Lê Văn B" in edit.diff()
    editing.commit(edit, edit.token)
    assert unit.read_bytes() == edit.after
    try:
        editing.commit(edit, edit.token)  # made from the version before: someone else's save
    except editing.ConflictError as exc:
        assert exc.current == edit.after
    else:
        raise AssertionError("a stale token must be refused")
