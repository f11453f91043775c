"""Fuzzing hostile templates and data (issue 15): whatever comes in, a message or a valid package, never a traceback.

Each example is run through the real command line in this process. It must end with an exit status of the
README's table (0, 3, 4 or 5 here); a refusal writes no file; a file written is a valid Word package that
python-docx opens. Examples are few and small so that the whole file runs in CI well within a minute.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from conftest import run
from hostile import body, docx_bytes, rebuild
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from qdocgen.errors import ExitStatus
from qdocgen.oxml import opc

ALLOWED = {ExitStatus.OK, ExitStatus.DATA, ExitStatus.TEMPLATE, ExitStatus.OUTPUT}
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

FRAGMENTS = [
    "{{ so }}", "{{ trich_yeu }}", "{{ trich_yeu * 3 }}", "{{ 'a' * 10**9 }}", "{{ so * 10**8 }}", "{% if so %}",
    "{% endif %}", "{% for x in ds %}{{ x }}{% endfor %}", "{% for i in range(10**6) %}", "{% endfor %}",
    "{{ lipsum(5) }}", "{{ lipsum(10**5) }}", "{{ so|so_dem }}", "{{ trich_yeu|upper }}", "{{ ''.__class__ }}",
    "{{ range(10)|list }}", "{{ '%5d' % so }}", "{{ '{:>99999999}'.format(1) }}", "{% set n = namespace(s='ab') %}",
    "{{ ds|join(trich_yeu) }}", "{%p if so %}", "{%p endif %}", "{{", "}}", "{%", "%}", "{#", "{_{ x }_}",
    "<", "&", "Số: ", "Điều 1.", "{{ ngay_ban_hanh }}", "{{ missing_key }}", "{% macro m() %}{{ m() }}{% endmacro %}",
]
VALUES = st.one_of(
    st.text(max_size=40), st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.sampled_from(["{{ so * 10**9 }}", "{{ trich_yeu }}", "{_{ x }_}", "{% for %}", "0000-00-00", "7.0",
                     "a" * 300, "\x00\x07", "\ud7ff", "{{ lipsum(10**6) }}", "27/02/2019"]),
    st.lists(st.text(max_size=10), max_size=5),
)
DATA = st.fixed_dictionaries({"so": VALUES, "trich_yeu": VALUES}, optional={
    "ds": st.lists(VALUES, max_size=4), "ngay_ban_hanh": VALUES, "ke_thua": st.sampled_from(
        ["../x.yaml", "/etc/passwd", "_chung.yaml", "/proc/self/environ", ""]),
})
DAMAGES = ["none", "drop-types", "drop-rels", "drop-styles", "slip", "absolute", "macro", "bytes", "paragraphs"]
DAMAGE = st.sampled_from(DAMAGES)


def _package(paragraphs: list[str], damage: str) -> bytes:
    raw = docx_bytes(*paragraphs)
    if damage == "drop-types":
        return rebuild(raw, drop=("[Content_Types].xml",))
    if damage == "drop-rels":
        return rebuild(raw, drop=("_rels/.rels",))
    if damage == "drop-styles":
        return rebuild(raw, drop=("word/styles.xml",))
    if damage in ("slip", "absolute"):
        return rebuild(raw, add={"../../x" if damage == "slip" else "/tmp/x": b"x"})
    if damage == "macro":
        return rebuild(raw, add={"word/vbaProject.bin": b"\xd0\xcf"})
    if damage == "bytes":
        return raw[: len(raw) // 2]
    if damage == "paragraphs":
        return body(raw, "<w:p><w:r><w:t>{{ so }}</w:t></w:r></w:p>" * 30_000)
    return raw


def _dump(data: dict[str, Any]) -> str:
    buffer = io.StringIO()
    YAML(typ="safe").dump(data, buffer)
    return buffer.getvalue()


def _check(result: Any, out: Path) -> None:
    text = result.output + result.stderr
    assert result.exit_code in ALLOWED, text
    assert "Traceback" not in text and "lỗi nội bộ" not in text, text
    if result.exit_code == ExitStatus.OK:
        package = opc.read(out)
        assert package.ok, package.errors
        from docx import Document

        Document(str(out))
    else:
        assert not out.exists(), text
        assert text.strip(), "a refusal says why"


@SETTINGS
@given(paragraphs=st.lists(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join),
                           min_size=1, max_size=4),
       damage=DAMAGE, data=DATA)
def test_any_template_and_data_end_in_a_message_or_a_valid_package(tmp_path_factory: Any, paragraphs: list[str],
                                                                    damage: str, data: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    template = folder / "mau.docx"
    template.write_bytes(_package(paragraphs, damage))
    (folder / "_chung.yaml").write_text("so: 1\n", encoding="utf-8")
    unit = folder / "don-vi.yaml"
    unit.write_text(_dump(data), encoding="utf-8")
    out = folder / "kq" / "don-vi.docx"
    _check(run("render", unit, "-t", template, "-o", out), out)


@SETTINGS
@given(data=DATA, declaration=st.sampled_from([
    "dau_vao: {type: object, properties: {so: {type: integer}}}\n",
    'dau_vao: {properties: {so: {type: string, pattern: "^(a|aa)+$"}}}\n',
    'dau_vao: {"$ref": "http://127.0.0.1:9/x"}\n', "dau_vao: {type: 5}\n", "dau_vao: [\n",
    'dau_vao: {properties: {so: {"$ref": "#/$defs/s"}}, "$defs": {s: {"$ref": "#/$defs/s"}}}\n',
]))
def test_any_declaration_and_data_end_in_a_message_or_a_valid_package(tmp_path_factory: Any, data: dict[str, Any],
                                                                      declaration: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    template = folder / "mau.docx"
    template.write_bytes(docx_bytes("{{ so }} {{ trich_yeu }}"))
    template.with_suffix(".yaml").write_text(declaration, encoding="utf-8")
    unit = folder / "don-vi.yaml"
    unit.write_text(_dump(data), encoding="utf-8")
    out = folder / "kq" / "don-vi.docx"
    _check(run("render", unit, "-t", template, "-o", out), out)


def test_the_fuzzed_packages_are_what_they_say(tmp_path: Path) -> None:
    """The damage the fuzzing applies is real: every damaged package is refused, the plain one accepted."""
    for damage in DAMAGES:
        package = opc.read(_package(["{{ so }}"], damage))
        assert package.ok == (damage == "none"), (damage, package.errors)
    assert zipfile.is_zipfile(io.BytesIO(_package(["x"], "none")))
