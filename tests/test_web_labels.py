"""Form labels and help from the shipped declarations (qdocgen.web.labels): natural Vietnamese, never a data name."""

from __future__ import annotations

from qdocgen.template.registry import find_template
from qdocgen.web import fields
from qdocgen.web.labels import help_of, label_of


def _labels(node: fields.Node) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}

    def walk(n: fields.Node, path: str) -> None:
        out[path] = (n.label, n.help)
        for c in n.children:
            walk(c, f"{path}.{c.key}" if path else str(c.key))
        if n.row is not None:
            walk(n.row, f"{path}[]")

    walk(node, "")
    return out


def test_labels_of_the_decision() -> None:
    labels = _labels(fields.form_for(find_template("quyet-dinh-mtcl").schema, {}))
    assert labels["luu"] == ("Phần sau «Lưu:»", "Ví dụ VT, NV (T)")  # not cut inside the guillemets
    assert labels["phu_luc.loai"][0] == "Loại" and labels["phu_luc.loai"][1].startswith("muc_tieu (bảng mục tiêu)")
    assert labels["ban_hanh"][1].startswith("uy_ban (tập thể")  # a data name keeps its small letter
    row = "can_cu[].cac_van_ban[]"
    assert [labels[f"{row}.{k}"][0] for k in ("van_ban", "so", "ngay")] == ["Văn bản", "Số", "Ngày"]
    for path, (label, _help) in labels.items():
        assert "_" not in label, f"{path}: label {label!r} is a data name"


def test_title_wins_and_unknown_key_is_itself() -> None:
    assert label_of("x", {"title": "Tiêu đề", "description": "mô tả"}) == "Tiêu đề"
    assert label_of("ma_la", {}) == "ma_la"
    assert help_of("Số", {"description": "số, ví dụ 5"}) == "Ví dụ 5"
