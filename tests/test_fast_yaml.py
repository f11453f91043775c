"""The C-speed reading of unit data gives what the round-trip reader gives, or leaves the file to it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import DATASET

from qdocgen.data import fast_yaml, reader
from qdocgen.data.pipeline import prepare
from qdocgen.errors import Problem
from qdocgen.template.registry import find_template

REPO = Path(__file__).resolve().parent.parent


def _reference(text: str) -> tuple[object, object] | None:
    problems: list[Problem] = []
    loaded = reader._parse_reference(text, "f.yaml", problems)
    return None if loaded is None else (loaded[0], loaded[1])


def _same_or_declined(text: str) -> bool:
    """Whether the fast path read ``text`` (True) or declined it (False); when it reads, it equals the reference."""
    fast = fast_yaml.load(text, "f.yaml")
    if fast is None:
        return False
    ref = _reference(text)
    assert ref is not None, f"fast path read what the reference refuses: {text!r}"
    assert repr(fast[0]) == repr(ref[0]) and fast[1] == ref[1], text
    return True


PLAIN = [
    "so: 784\nluu: VT\n",
    "a: -12\nb: 0\nc: 1.25\nd: 2019-02-27\ne: true\nf: False\ng: ~\nh:\ni: null\n",
    "a: yes\nb: on\nc: No\nd: y\n",  # YAML 1.2 text, as the round-trip reader reads them
    "a: 'it''s'\nb: \"\\u1ee6y ban\\n\"\nc: Ủy ban nhân dân\n",
    "a: |\n  một\n  hai\nb: >-\n  ba\n  bốn\n\nc: x\n",
    "a: [1, b, {c: d}]\nb: {e: [f, 2019-01-02]}\n",
    "a:\n  - b: 1\n    c: 2\n  -\n    d: 3\n  - - x\n    - y\n",
    "# ghi chú cả dòng\nten: Phường 1\n  # thụt lề\nso: 2\n",
    "a: plain text\n  continued here\nb: \"quoted\n  across lines\"\n",
    "'khóa có dấu cách': 1\n\"q\": 2\n",
    "a: b:c\nurl: http://x.vn/a\n",
    "ngay: 31/02/2019\nso: 784/QĐ-UBND\nc: 12 tháng\nd: -\u00a0x\n",
    "",
    "# chỉ có ghi chú\n",
    "ten: Phường 1 # ghi chú\nso: 2  # số\nc: {d: \"%\"}  # 100%\n#sát lề\n",
    # a text value named once and repeated, as a ward file's shared wording is (_phuong.yaml)
    "a: &x một\nb: *x\nc: [2, {f: *x}]\nd:\n  - 1\n  - e: *x\n",
    "a:\n  b: &bo_phan >-\n    Văn phòng\n    phường\n  c: *bo_phan\nd: 'x'\n",
]

DECLINED = [
    "a: 1_000\n", "a: 010\n", "a: 0x1F\n", "a: .5\n", "a: 1e3\n", "a: +1\n", "a: 2019-2-3\n", "a: 2019-02-30\n",
    "a: 2019-02-03 10:00\n", "a: 12:30\n", "a: 00\n", "a: .inf\n",
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "%YAML 1.1\n---\na: yes\n", "a: 1\na: 2\n",
    "a: b #c\n", "a: \"b\"  #c\n", "a: Số #1\n",
    "? [a]\n: 1\n", "a: 1\n---\nb: 2\n", "1: a\n", "true: a\n", "a:\tb\n", "a: [b\n", "- 1\n- 2\n", "x\n",
    "<<: {a: 1}\n", "a: \x07\n",
    "a: &x [1]\nb: *x\n", "a: &x {c: 1}\nb: *x\n", "a: &x true\nb: *x\n", "a: &x 2019-01-02\nb: *x\n",
    "a: *y\n", "a: &x k\n*x : 1\n", "a: &x k\nb: [*x]\n", "a: &x k\nb:\n  - *x\n", "a: &x b\nc: &x d\n", "&x a: 1\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_files_read_fast_and_the_same(text: str) -> None:
    assert _same_or_declined(text)


@pytest.mark.parametrize("text", DECLINED)
def test_anything_unusual_goes_to_the_reference_reader(text: str) -> None:
    assert not _same_or_declined(text)


def test_every_yaml_file_of_the_repository_reads_the_same_either_way() -> None:
    read = 0
    for path in sorted((REPO / "data").rglob("*.yaml")) + sorted((REPO / "tests" / "fixtures").rglob("*.yaml")):
        text, _found = reader.read_text(path)
        if text is not None:
            read += _same_or_declined(text)
    assert read >= 10  # most real data is plain


def test_libyaml_is_used_where_present() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert fast_yaml._loader() is expected


def test_a_problem_in_a_file_read_fast_names_its_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    for part in ("_chung.yaml", "_phuong.yaml"):
        shutil.copy(DATASET / part, tmp_path / part)
    unit = tmp_path / "phuong-x.yaml"
    unit.write_text("ke_thua: _phuong.yaml\nten_phuong: X\nngay_ban_hanh: 31/02/2019\nso: [1, 2]\n", encoding="utf-8")

    reference = reader.parse_yaml

    def no_reference(text: str, shown: str) -> object:
        assert not shown.endswith("phuong-x.yaml"), "the unit file went to the round-trip reader"
        return reference(text, shown)  # the shared files have comments after values: read the reference way

    reader._PARSED.clear()
    with monkeypatch.context() as patched:  # the unit's own file is read by the fast path
        patched.setattr(reader, "parse_yaml", no_reference)
        _units, problems = prepare([unit], find_template(None), [])
    lines = {p.key: p.line for p in problems if p.file.endswith("phuong-x.yaml")}
    assert lines == {"ngay_ban_hanh": 3, "so": 4}, problems
    assert all(str(p).startswith(f"{p.file}:{p.line} [") for p in problems), problems
