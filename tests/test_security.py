"""Issue 15: templates and data from other offices treated as hostile; one test per attack, each small and fast."""

from __future__ import annotations

import errno
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import run
from hostile import MINIMAL_DATA, body, dataset, docx_bytes, linked_image, png, rebuild, template

from qdocgen.errors import ExitStatus
from qdocgen.oxml import opc


@pytest.fixture(autouse=True)
def _default_limits() -> Any:
    """A --gioi-han run in this process must not raise the bounds of the tests after it."""
    from qdocgen import limits

    yield
    limits.configure(limits.Limits())


def refused(result: Any, status: ExitStatus, *words: str) -> str:
    """The refusal's message, after checking its exit status, its words, and that it is not a traceback."""
    text = result.output + result.stderr
    assert result.exit_code == status, text
    assert "Traceback" not in text and "lỗi nội bộ" not in text, text
    for word in words:
        assert word in text, (word, text)
    return text


def render(tmp_path: Path, tpl: Path, data: str = MINIMAL_DATA, *extra: str) -> tuple[Any, Path]:
    unit = tmp_path / "don-vi.yaml"
    unit.write_text(data, encoding="utf-8")
    out = tmp_path / "out" / "kq.docx"
    return run(*extra, "render", unit, "-t", tpl, "-o", out), out


# --- 1. no reach outside: $ref, ke_thua, symlinks ------------------------------------------------------

@pytest.mark.parametrize("ref", ["http://127.0.0.1:9/schema.json", "file:///etc/passwd", "other.yaml#/x"])
def test_a_declaration_ref_outside_itself_is_refused_and_never_fetched(tmp_path: Path, ref: str) -> None:
    tpl = template(tmp_path / "mau", "{{ so }}", declaration=f'dau_vao: {{"$ref": "{ref}"}}\n')
    result, out = render(tmp_path, tpl)
    refused(result, ExitStatus.TEMPLATE, "$ref", ref, "#/$defs/")
    assert not out.exists()


def test_a_ref_inside_the_declaration_still_works(tmp_path: Path) -> None:
    declaration = ('dau_vao:\n  type: object\n  properties:\n    so: {"$ref": "#/$defs/so"}\n'
                   '  $defs:\n    so: {type: integer, maximum: 9}\n')
    tpl = template(tmp_path / "mau", "{{ so }}", declaration=declaration)
    result, out = render(tmp_path, tpl, "so: 12\n")
    refused(result, ExitStatus.DATA, "nhiều nhất 9")
    result, out = render(tmp_path, tpl, "so: 5\n")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("declaration", ["dau_vao: {type: 5}\n", "dau_vao: {properties: []}\n",
                                         'dau_vao: {"$id": "http://x/"}\n', "dau_vao: [1, 2]\n", "dau_vao: {a: [\n"])
def test_a_malformed_declaration_is_a_message(tmp_path: Path, declaration: str) -> None:
    tpl = template(tmp_path / "mau", "{{ so }}", declaration=declaration)
    result, out = render(tmp_path, tpl)
    refused(result, ExitStatus.TEMPLATE, "mau.yaml")
    assert not out.exists()
    refused(run("check-template", tpl), ExitStatus.TEMPLATE, "mau.yaml")


def test_sample_data_outside_the_template_folder_is_refused(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ so }}", declaration="du_lieu_mau: /etc/passwd\n")
    refused(run("preview", tpl, "-o", tmp_path / "xem"), ExitStatus.TEMPLATE, "du_lieu_mau", "ngoài thư mục")
    assert not (tmp_path / "xem").exists()


def test_a_catastrophic_pattern_cannot_hang_the_check(tmp_path: Path) -> None:
    declaration = 'dau_vao:\n  type: object\n  properties:\n    so: {type: string, pattern: "^(a|aa)+$"}\n'
    tpl = template(tmp_path / "mau", "{{ so }}", declaration=declaration)
    result, out = render(tmp_path, tpl, f"so: {'a' * 5000}b\n")  # exponential for a backtracking engine
    refused(result, ExitStatus.DATA, "không đúng dạng")
    assert not out.exists()


def test_a_pattern_re2_cannot_run_is_refused_when_the_template_is_read(tmp_path: Path) -> None:
    declaration = 'dau_vao:\n  type: object\n  properties:\n    so: {type: string, pattern: "^(a)\\\\1$"}\n'
    tpl = template(tmp_path / "mau", "{{ so }}", declaration=declaration)
    refused(render(tmp_path, tpl)[0], ExitStatus.TEMPLATE, "pattern")


def test_planted_file_outside_the_dataset_is_neither_read_nor_touched(tmp_path: Path) -> None:
    """ke_thua by relative path, absolute path and symlink, and a unit that is a symlink: all refused."""
    secret = tmp_path / "ngoai" / "bi-mat.yaml"
    secret.parent.mkdir()
    secret.write_text("trich_yeu: BI-MAT-NGOAI-BO-DU-LIEU\nso: 1\n", encoding="utf-8")
    before = (secret.read_bytes(), secret.stat().st_mtime_ns)
    data = dataset(tmp_path / "bo", {
        "a.yaml": "ke_thua: ../ngoai/bi-mat.yaml\n",
        "b.yaml": f"ke_thua: {secret}\n",
        "c.yaml": "ke_thua: _lien-ket.yaml\n",
        "d.yaml": "ke_thua: /proc/self/environ\n",
        "e.yaml": "so: 2\ntrich_yeu: Hợp lệ\n",
    })
    (data / "_lien-ket.yaml").symlink_to(secret)
    (data / "f.yaml").symlink_to(secret)
    tpl = template(tmp_path / "mau", "{{ trich_yeu }} {{ so }}")
    out = tmp_path / "kq"
    result = run("batch", data, "-o", out, "-t", tpl, "--jobs", "1")
    text = refused(result, ExitStatus.DATA, "ngoài thư mục bộ dữ liệu", "liên kết (symlink)")
    assert sorted(p.name for p in out.glob("*.docx")) == ["e.docx"]
    written = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert b"BI-MAT" not in written and "BI-MAT" not in text
    assert (secret.read_bytes(), secret.stat().st_mtime_ns) == before
    assert sorted(p.name for p in secret.parent.iterdir()) == ["bi-mat.yaml"]


# --- 2. bounded work ----------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["{{ 'a' * 10**10 }}", "{{ trich_yeu * 1000 }}", "{{ lipsum(10**6) }}",
                                 "{{ 'x'.ljust(10**9) }}", "{{ '%999999999d' % 1 }}", "{{ 'a\nb'|indent(10**9) }}",
                                 "{{ range(10**7)|list|length }}", "{{ 10 ** 10000000 }}",
                                 "{% set n = namespace(s='x' * 1000) %}{% for i in range(40) %}"
                                 "{% set n.s = n.s ~ n.s %}{% endfor %}{{ n.s }}"])
def test_a_template_asking_for_too_much_is_refused_quickly(tmp_path: Path, tag: str) -> None:
    tpl = template(tmp_path / "mau", tag)
    result, out = render(tmp_path, tpl, f"so: 5\ntrich_yeu: {'y' * 100_000}\n")
    refused(result, ExitStatus.TEMPLATE, "mau.docx")
    assert not out.exists()


def test_nested_loops_stop_at_the_time_limit(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}"
                                     "{% endfor %}")
    result, out = render(tmp_path, tpl, MINIMAL_DATA, "--gioi-han", "thoi_gian_dien=0.5")
    refused(result, ExitStatus.TEMPLATE, "0.5 giây", "--gioi-han thoi_gian_dien=")
    assert not out.exists()


def test_a_data_value_asking_for_too_much_is_a_data_error(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ trich_yeu }}")
    result, out = render(tmp_path, tpl, "so: 5\ntrich_yeu: \"{{ 'a' * 10**10 }}\"\n")
    refused(result, ExitStatus.DATA, "trich_yeu", "giới hạn")
    assert not out.exists()


def test_a_data_value_looping_without_end_stops_at_the_time_limit(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ trich_yeu }}")
    loop = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    result, out = render(tmp_path, tpl, f"so: 5\ntrich_yeu: '{loop}'\n", "--gioi-han", "thoi_gian_dien=0.5")
    refused(result, ExitStatus.DATA, "trich_yeu", "0.5 giây")
    assert not out.exists()


def test_pdf_of_an_empty_or_a_text_file_is_never_a_success(tmp_path: Path) -> None:
    from conftest import soffice

    soffice()
    empty, text = tmp_path / "rong.docx", tmp_path / "chu.docx"
    empty.write_bytes(b"")
    text.write_text("chỉ là chữ", encoding="utf-8")
    result = run("pdf", empty, text)
    refused(result, ExitStatus.PDF, "rong.docx", "chu.docx", "không phải văn bản Word")
    assert not list(tmp_path.glob("*.pdf"))


def test_macro_recursion_is_a_message(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    refused(render(tmp_path, tpl)[0], ExitStatus.TEMPLATE, "macro")


def test_a_limit_can_be_raised(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ range(20000)|list|length }}")
    refused(render(tmp_path, tpl)[0], ExitStatus.TEMPLATE, "so_phan_tu_range")
    result, out = render(tmp_path, tpl, MINIMAL_DATA, "--gioi-han", "so_phan_tu_range=30000")
    assert result.exit_code == 0, result.stderr
    refused(run("--gioi-han", "khong_co=1", "templates"), ExitStatus.USAGE, "khong_co")
    refused(run("--gioi-han", "so_the=-1", "templates"), ExitStatus.USAGE, "số dương")


def test_a_big_data_file_and_a_big_value_are_refused(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ trich_yeu }}")
    refused(render(tmp_path, tpl, f"so: 5\ntrich_yeu: {'a' * 300_000}\n")[0], ExitStatus.DATA, "trich_yeu",
            "do_dai_gia_tri")
    refused(render(tmp_path, tpl, "so: 5\ntrich_yeu: " + "a" * (5 << 20) + "\n")[0], ExitStatus.DATA,
            "kich_thuoc_du_lieu")


def test_an_inheriting_unit_with_many_keys_is_merged_or_refused(tmp_path: Path) -> None:
    """Thousands of keys merge right (linear merge); 20,000 are refused before the slow YAML parse, with a message."""
    def keys(n: int, value: str) -> str:
        return "".join(f"k{i}: {value}{i}\n" for i in range(n))

    data = dataset(tmp_path / "bo", {"_chung.yaml": keys(2000, "chung") + "so: 3\nnhom: {a: 1, b: 2}\n",
                                     "a.yaml": "ke_thua: _chung.yaml\n" + keys(1000, "rieng")
                                     + "nhom: {b: 3}\ntrich_yeu: X\n"})
    tpl = template(tmp_path / "mau", "{{ k999 }} {{ k1999 }} {{ nhom.a }}{{ nhom.b }}")
    result = run("batch", data, "-o", tmp_path / "kq", "-t", tpl, "--no-lint")
    assert result.exit_code == 0, result.stderr
    from docx_text import texts

    assert "rieng999 chung1999 13" in texts(tmp_path / "kq" / "a.docx")
    (data / "_chung.yaml").write_text(keys(20_000, "x"), encoding="utf-8")
    refused(run("batch", data, "-o", tmp_path / "kq2", "-t", tpl), ExitStatus.DATA, "_chung.yaml",
            "so_dong_du_lieu")


# --- 3. the package ---------------------------------------------------------------------------------

def _bomb(size: int, name: str) -> bytes:
    """A part of ``size`` zero bytes, deflated (a few kB on disk)."""
    return rebuild(docx_bytes("{{ so }}"), add={name: bytes(size)})


@pytest.mark.parametrize(("make", "words"), [
    (lambda: _bomb(65 << 20, "word/media/image1.png"), ("image1.png", "kich_thuoc_phan")),
    (lambda: body(docx_bytes(), "<w:p><w:r><w:t>" + "a" * (25 << 20) + "</w:t></w:r></w:p>"),
     ("word/document.xml", "kich_thuoc_xml")),
    (lambda: body(docx_bytes(), "<w:p/>" * 20_001), ("20001 đoạn", "so_doan")),
    (lambda: body(docx_bytes(), "<w:p><w:r><w:t>" + "{% " * 6000 + "</w:t></w:r></w:p>"), ("so_the",)),
    (lambda: rebuild(docx_bytes("{{ so }}"), drop=("[Content_Types].xml",)), ("[Content_Types].xml",)),
    (lambda: rebuild(docx_bytes("{{ so }}"), drop=("_rels/.rels",)), ("_rels/.rels",)),
    (lambda: rebuild(docx_bytes("{{ so }}"), drop=("word/styles.xml",)), ("styles.xml",)),
    (lambda: rebuild(docx_bytes("{{ so }}"), add={"../../x.txt": b"x"}), ("../../x.txt", "không an toàn")),
    (lambda: rebuild(docx_bytes("{{ so }}"), add={"/etc/x.txt": b"x"}), ("/etc/x.txt", "không an toàn")),
    (lambda: _docm(), ("macro", ".docm")),
    (lambda: b"day khong phai zip", ("không phải tệp .docx",)),
    (lambda: rebuild(docx_bytes(), replace={"word/document.xml": "<w:document/>".encode("utf-16")}),
     ("UTF-8",)),
    (lambda: rebuild(docx_bytes("x"), add={"word/x.xml": b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                                         b"<r>&e;</r>"}), ("DOCTYPE",)),
])
def test_a_bad_package_is_refused_by_render_check_template_and_lint(tmp_path: Path, make: Any,
                                                                     words: tuple[str, ...]) -> None:
    tpl = template(tmp_path / "mau", raw=make())
    result, out = render(tmp_path, tpl)
    refused(result, ExitStatus.TEMPLATE, *words)
    assert not out.exists()
    refused(run("check-template", tpl), ExitStatus.TEMPLATE, *words)
    linted = run("lint", tpl)
    refused(linted, ExitStatus.LINT, "tep", words[0])


def _docm() -> bytes:
    raw = docx_bytes("{{ so }}")
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        types = src.read("[Content_Types].xml").replace(b"document.main+xml",
                                                         b"document.macroEnabled.main+xml")
    return rebuild(raw, replace={"[Content_Types].xml": types}, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})


def test_check_template_reports_external_links(tmp_path: Path) -> None:
    raw = linked_image(docx_bytes("{{ so }}"), "file:///etc/hostname")
    tpl = template(tmp_path / "mau", raw=raw)
    result = run("check-template", tpl)
    assert "file:///etc/hostname" in result.output and "Link to File" in result.output, result.output


def test_the_copy_for_libreoffice_has_no_external_fetch(tmp_path: Path) -> None:
    raw = linked_image(docx_bytes("Văn bản"), "file:///etc/hostname")
    clean = opc.sanitize_for_conversion(raw)
    package = opc.read(clean)
    assert package.ok and opc.external_links(package) == []
    assert b"INCLUDEPICTURE" not in package.parts["word/document.xml"]
    assert "Văn bản".encode() in package.parts["word/document.xml"]
    with pytest.raises(ValueError):
        opc.sanitize_for_conversion(b"not a zip")


def test_the_copy_for_libreoffice_finds_links_under_any_prefix_and_keeps_clean_parts_as_they_are() -> None:
    """A link attribute is removed whatever prefix binds its namespace; a part with nothing to clean is not parsed.

    (The quick look before parsing once matched «DDE» in colours such as B6DDE8 and «r:» prefixes only.)
    """
    raw = linked_image(docx_bytes("Văn bản"), "file:///etc/hostname")
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        styles = package.read("word/styles.xml")
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xml = xml.replace("<w:body>", f'<w:body xmlns:lk="{relationships}">', 1).replace(
        'r:link="rIdLinkA"', 'lk:link = "rIdLinkA"')
    styles = styles.replace(b"<w:styles ", b"<w:styles  ", 1).replace(b"</w:styles>", b"<!-- B6DDE8 --></w:styles>")
    clean = opc.sanitize_for_conversion(rebuild(raw, replace={"word/document.xml": xml.encode("utf-8"),
                                                              "word/styles.xml": styles}))
    package = opc.read(clean)
    assert package.ok and opc.external_links(package) == []
    assert b"rIdLinkA" not in package.parts["word/document.xml"]
    assert b"rIdLinkB" not in package.parts["word/document.xml"]
    assert package.parts["word/styles.xml"] == styles  # byte for byte: nothing to clean, not rewritten


def test_libreoffice_embeds_no_linked_file(tmp_path: Path) -> None:
    """A picture linked to a local file (DrawingML, VML and INCLUDEPICTURE) is not in the PDF; the text is.

    LibreOffice converting the same file directly embeds the picture (checked by hand: pdfimages lists it).
    """
    import subprocess

    from conftest import soffice

    soffice()
    planted = tmp_path / "bi-mat.png"
    planted.write_bytes(png())
    before = planted.stat().st_mtime_ns
    docx = tmp_path / "anh.docx"
    docx.write_bytes(linked_image(docx_bytes("Văn bản có ảnh liên kết"), planted.as_uri()))
    result = run("pdf", docx, "-o", tmp_path / "pdf")
    assert result.exit_code == 0, result.stderr
    pdf = tmp_path / "pdf" / "anh.pdf"
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 2, images  # the header lines only
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Văn bản có ảnh liên kết" in text
    assert planted.stat().st_mtime_ns == before


def test_every_part_read_is_bounded_by_its_declared_size(tmp_path: Path) -> None:
    """A header that lies about a part's size cannot make qdocgen inflate more than it declares."""
    raw = bytearray(_bomb(1 << 20, "word/media/a.bin"))
    directory = raw.rindex(b"PK\x01\x02")  # the last central entry is a.bin: declare 10 bytes, not 1 MB
    raw[directory + 24: directory + 28] = (10).to_bytes(4, "little")
    package = opc.read(bytes(raw))
    assert not package.ok or len(package.parts.get("word/media/a.bin", b"")) <= 10


# --- 4. refusals are messages, never tracebacks ---------------------------------------------------------

def test_an_impossible_date_in_set_is_a_message(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ so }}")
    unit = tmp_path / "d.yaml"
    unit.write_text(MINIMAL_DATA, encoding="utf-8")
    result = run("render", unit, "-t", tpl, "-o", tmp_path / "o.docx", "--set", "ngay_ban_hanh=0000-00-00")
    refused(result, ExitStatus.DATA, "ngay_ban_hanh")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_full_disk_or_read_only_folder_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      code: int) -> None:
    data = dataset(tmp_path / "bo", {"a.yaml": MINIMAL_DATA, "b.yaml": MINIMAL_DATA})
    tpl = template(tmp_path / "mau", "{{ so }}")

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("qdocgen.output._write_all", fail)
    monkeypatch.setattr("qdocgen.output._write_named", fail)
    monkeypatch.setattr("tempfile.TemporaryFile", fail)
    out = tmp_path / "kq"
    text = refused(run("batch", data, "-o", out, "-t", tpl, "--jobs", "1"), ExitStatus.OUTPUT, "không ghi được")
    assert "bỏ qua" not in text.lower() and not list(out.glob("*.docx"))
    refused(run("render", data / "a.yaml", "-t", tpl, "-o", tmp_path / "x.docx"), ExitStatus.OUTPUT)
    monkeypatch.setattr("qdocgen.newyear._write_folder", fail)
    dataset(tmp_path / "2019", {"a.yaml": "nam: 2019\n"})
    refused(run("new-year", tmp_path / "2019", "--year", "2020"), ExitStatus.OUTPUT, "bộ dữ liệu cũ không bị sửa")


@pytest.mark.parametrize("manifest", ['{"don_vi": {"a": 1}}', '{"don_vi": [1, "x"]}', "[1, 2",
                                      '{"don_vi": [{"ma_don_vi": ["a"], "sha256": 5}]}'])
def test_a_damaged_manifest_is_read_as_none(tmp_path: Path, manifest: str) -> None:
    data = dataset(tmp_path / "bo", {"a.yaml": MINIMAL_DATA})
    tpl = template(tmp_path / "mau", "{{ so }}")
    out = tmp_path / "kq"
    out.mkdir()
    (out / "manifest.json").write_text(manifest, encoding="utf-8")
    result = run("batch", data, "-o", out, "-t", tpl, "--resume", "--force")
    assert result.exit_code == 0, result.stderr
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["don_vi"][0]["ma_don_vi"] == "a"


# --- 5. point 8 of the issue ----------------------------------------------------------------------------

def test_docxtpl_escapes_in_a_data_value_are_printed_as_typed(tmp_path: Path) -> None:
    from docx_text import texts

    tpl = template(tmp_path / "mau", "{{ trich_yeu }}")
    result, out = render(tmp_path, tpl, "so: 5\ntrich_yeu: 'a {_{ b }_} c {_% d %_}'\n")
    assert result.exit_code == 0, result.stderr
    assert "a {_{ b }_} c {_% d %_}" in texts(out)


def test_a_value_the_filters_cannot_format_is_a_data_error(tmp_path: Path) -> None:
    tpl = template(tmp_path / "mau", "{{ so | so_dem }}")
    refused(render(tmp_path, tpl, "so: 5a\n")[0], ExitStatus.DATA, "5a")


def test_one_bad_unit_name_or_symlink_costs_only_that_unit(tmp_path: Path) -> None:
    long_id = "a" * 100
    data = dataset(tmp_path / "bo", {"tot.yaml": MINIMAL_DATA, f"{long_id}.yaml": MINIMAL_DATA,
                                     "lien-ket.yaml": MINIMAL_DATA})
    tpl = template(tmp_path / "mau", "{{ so }}")
    out = tmp_path / "kq"
    out.mkdir()
    (out / "lien-ket.docx").symlink_to(tmp_path / "ngoai.docx")
    (out / ".ghi-chu.tmp").write_text("của người dùng", encoding="utf-8")
    result = run("batch", data, "-o", out, "-t", tpl, "--jobs", "1")
    refused(result, ExitStatus.DATA, "lien-ket", long_id[:20])
    assert (out / "tot.docx").is_file() and not (tmp_path / "ngoai.docx").exists()
    assert (out / ".ghi-chu.tmp").read_text(encoding="utf-8") == "của người dùng"


@pytest.mark.parametrize("name", ["a.docx", "manifest.json", "manifest.csv"])
def test_combine_or_zip_cannot_overwrite_an_output(tmp_path: Path, name: str) -> None:
    data = dataset(tmp_path / "bo", {"a.yaml": MINIMAL_DATA})
    tpl = template(tmp_path / "mau", "{{ so }}")
    out = tmp_path / "kq"
    for option in ("--combine", "--zip"):
        result = run("batch", data, "-o", out, "-t", tpl, option, out / name, "--force")
        refused(result, ExitStatus.OUTPUT, "trùng")


def test_limits_object_defaults_are_documented() -> None:
    from qdocgen.limits import NAMES, Limits

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, (field, _what) in NAMES.items():
        assert f"`{name}`" in readme, name
        assert hasattr(Limits(), field)
