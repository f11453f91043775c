"""A template declaration that passed its checks is taken from the cache; a changed or wrong one never is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qdocgen.data import yaml_file
from qdocgen.errors import TemplateError
from qdocgen.template import spec_cache
from qdocgen.template.registry import find_template, load_spec


def _template(tmp_path: Path) -> Path:
    info = find_template(None)
    target = tmp_path / "mau" / info.path.name
    target.parent.mkdir()
    shutil.copy(info.path, target)
    spec = info.path.with_suffix(".yaml").read_text(encoding="utf-8")
    target.with_suffix(".yaml").write_text("".join(line for line in spec.splitlines(keepends=True)
                                                   if not line.startswith("du_lieu_mau:")), encoding="utf-8")
    return target


def test_a_checked_declaration_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template = _template(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = load_spec(template)
    assert len(list((tmp_path / "cache" / "qdocgen" / "mau").glob("*.json"))) == 1

    def not_again(text: str, shown: str) -> None:
        raise AssertionError("the declaration was parsed again")

    monkeypatch.setattr(yaml_file, "parse_yaml", not_again)
    again = load_spec(template)
    assert (again.description, again.schema) == (first.description, first.schema) and again.schema


def test_a_changed_or_wrong_declaration_is_read_and_said_each_time(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    template = _template(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_spec(template)
    spec = template.with_suffix(".yaml")
    spec.write_text(spec.read_text(encoding="utf-8").replace("dau_vao:", "dau_vao:\n  minProperties: -1", 1),
                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(TemplateError, match="JSON Schema"):
            load_spec(template)
    assert len(list((tmp_path / "cache" / "qdocgen" / "mau").glob("*.json"))) == 1  # only the good one


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template = _template(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(spec_cache.ENV_VAR, "0")
    load_spec(template)
    assert not (tmp_path / "cache").exists()
