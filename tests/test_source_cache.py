"""A template's parts prepared for Jinja are taken from the disk cache; a changed part or a damaged cache never is."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from qdocgen.template import compiled, source_cache
from qdocgen.template.compiled import CompiledTemplate
from qdocgen.template.registry import find_template, load_spec
from tests.docx_text import texts

DATA = Path(__file__).resolve().parent.parent / "data" / "tp-ho-chi-minh" / "2026" / "phuong-an-lac.yaml"


def _template(tmp_path: Path, replace: tuple[bytes, bytes] | None = None) -> Path:
    """A copy of the built-in template (``replace``: a text in its main part changed), with its declaration."""
    info = find_template(None)
    target = tmp_path / "mau" / info.path.name
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            raw = src.read(item.filename)
            if replace is not None and item.filename == "word/document.xml":
                assert replace[0] in raw
                raw = raw.replace(*replace)
            dst.writestr(item, raw)
    spec = info.path.with_suffix(".yaml").read_text(encoding="utf-8")  # its sample data line points outside
    target.with_suffix(".yaml").write_text("".join(line for line in spec.splitlines(keepends=True)
                                                   if not line.startswith("du_lieu_mau:")), encoding="utf-8")
    return target


def _context() -> dict[str, object]:
    from qdocgen.data.pipeline import prepare

    units, problems = prepare([DATA], find_template(None), [])
    assert not problems and units
    return dict(units[0].data)


def _text(tmp_path: Path, data: bytes) -> str:
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    return "\n".join(texts(out))


def _cached(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "qdocgen" / "mau").glob("*.json"))


def test_prepared_parts_are_read_back_and_fill_the_same_document(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    template = _template(tmp_path)
    context = _context()
    first = CompiledTemplate.load(template, load_spec(template)).render(context)
    stored = _cached(tmp_path)
    assert stored, "nothing was stored"

    def not_again(xml: str) -> str:
        raise AssertionError("the part was prepared again")

    monkeypatch.setattr(compiled, "prepare_xml", not_again)
    again = CompiledTemplate.load(template, load_spec(template)).render(context)
    assert again == first
    assert "QUYẾT ĐỊNH" in _text(tmp_path, again)


def test_a_changed_part_is_prepared_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    context = _context()
    CompiledTemplate.load(_template(tmp_path), None).render(context)
    shutil.rmtree(tmp_path / "mau")
    changed = _template(tmp_path, ("QUYẾT ĐỊNH".encode(), "QUYẾT ĐỊNH MỚI".encode()))
    text = _text(tmp_path, CompiledTemplate.load(changed, None).render(context))
    assert "QUYẾT ĐỊNH MỚI" in text


def test_a_damaged_cache_counts_as_absent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    template = _template(tmp_path)
    context = _context()
    first = CompiledTemplate.load(template, None).render(context)
    for stored in _cached(tmp_path):
        stored.write_text('{"word/document.xml": 1', encoding="utf-8")
    assert CompiledTemplate.load(template, None).render(context) == first


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("QDOCGEN_CACHE", "0")
    CompiledTemplate.load(_template(tmp_path), None)
    assert not (tmp_path / "cache").exists()
    assert source_cache.load({"word/document.xml": b"<w:document/>"}) is None
