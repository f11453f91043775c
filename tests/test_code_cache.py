"""Jinja's compiled code of a template's parts is kept on disk and read back only from a private folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from qdocgen.template import code_cache
from qdocgen.template.environment import template_environment


def _kept(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "qdocgen" / "mau" / "ma-jinja").glob("*.marshal"))


@pytest.fixture(autouse=True)
def _cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_compiled_code_is_kept_and_read_back_without_compiling(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    env = template_environment()
    source = "<w:t>{{ ten_phuong | upper }} {{ nam }}</w:t>"
    first = code_cache.template(env, source).render(ten_phuong="An Lạc", nam=2026)
    assert first == "<w:t>AN LẠC 2026</w:t>" and len(_kept(tmp_path)) == 1
    assert oct(_kept(tmp_path)[0].parent.stat().st_mode & 0o777) == "0o700"

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(type(env), "compile", no_compiling)
    again = code_cache.template(template_environment(), source)
    assert again.render(ten_phuong="An Lạc", nam=2026) == first
    assert "AN LẠC" in code_cache.template(template_environment(), source).render(ten_phuong="An Lạc", nam=1)


def test_other_text_or_other_filters_are_other_keys() -> None:
    env = template_environment()
    assert code_cache.key(env, "{{ a }}") != code_cache.key(env, "{{ b }}")
    assert code_cache.key(env, "{{ a }}") != code_cache.key(template_environment("{% macro dam(x) %}{{ x }}"
                                                                                "{% endmacro %}", "m"), "{{ a }}")


def test_a_template_that_does_not_compile_raises_and_is_not_kept(tmp_path: Path) -> None:
    with pytest.raises(TemplateSyntaxError):
        code_cache.template(template_environment(), "{{ ten_phuong ")
    assert _kept(tmp_path) == []


def test_a_damaged_file_counts_as_absent(tmp_path: Path) -> None:
    env = template_environment()
    code_cache.template(env, "{{ a }}")
    _kept(tmp_path)[0].write_bytes(b"\x00 not marshal")
    assert code_cache.template(env, "{{ a }}").render(a="x") == "x"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="uids and modes are POSIX")
def test_a_folder_others_can_write_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = template_environment()
    code_cache.template(env, "{{ a }}")
    folder = _kept(tmp_path)[0].parent
    other = template_environment().compile("{{ 'KHÁC' }}")
    import marshal

    _kept(tmp_path)[0].write_bytes(marshal.dumps(other))  # what someone else could put there
    folder.chmod(0o777)
    assert code_cache.template(env, "{{ a }}").render(a="x") == "x"
    folder.chmod(0o700)
    _kept(tmp_path)[0].chmod(0o666)
    assert code_cache.template(env, "{{ a }}").render(a="x") == "x"


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QDOCGEN_CACHE", "0")
    assert code_cache.template(template_environment(), "{{ a }}").render(a="y") == "y"
    assert _kept(tmp_path) == []


def test_code_read_back_from_the_cache_is_still_held_to_the_sandbox(tmp_path: Path) -> None:
    from jinja2.exceptions import SecurityError

    hostile = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    for _ in range(2):  # compiled and kept, then read back from the cache
        with pytest.raises(SecurityError):
            code_cache.template(template_environment(), hostile).render()
    assert len(_kept(tmp_path)) == 1
