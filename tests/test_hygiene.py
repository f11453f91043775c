"""Text hygiene: NFC, characters Word cannot hold, Word's stray characters, legacy-encoding mojibake."""

from __future__ import annotations

import unicodedata

from qdocgen.data.hygiene import mojibake, refused, scrub, scrub_tree

UNICODE = "Ủy ban nhân dân quận Bình Tân"
VNI = "Uûy ban nhaân daân quaän Bình Taân"  # the same words typed in VNI, shown in a Unicode font
TCVN3 = "ñy ban nh©n d©n quËn B×nh T©n"  # the same words typed in TCVN3 (ABC), shown in a Unicode font


def test_decomposed_text_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", UNICODE)
    assert decomposed != UNICODE
    result = scrub(decomposed)
    assert result.text == UNICODE
    assert result.warnings == [] and result.errors == []


def test_control_character_refused_with_its_position() -> None:
    result = scrub("Ủy ban\x01 nhân dân")
    assert len(result.errors) == 1
    message = result.errors[0]
    assert "U+0001" in message and "ký tự thứ 7" in message and "sau «Ủy ban»" in message


def test_many_control_characters_summarised() -> None:
    [message] = refused("a\x02b\x03c\x04d\x05e\x06")
    assert message.count("U+00") == 3 and "và 2 chỗ khác" in message


def test_c1_control_points_at_encoding() -> None:
    [message] = refused("ph\x86\x95ờng")
    assert "U+0086" in message and "bảng mã" in message


def test_tab_and_line_breaks_are_kept() -> None:
    result = scrub("a\tb\nc\r\nd")
    assert result.text == "a\tb\nc\r\nd" and not result.errors and not result.warnings


def test_word_line_break_and_zero_width_fixed_with_warning() -> None:
    result = scrub("Như Điều 3\x0bUBND quận\u200b\ufeff")
    assert result.text == "Như Điều 3\nUBND quận"
    assert not result.errors
    assert any("U+000B" in w for w in result.warnings)
    assert any("U+200B" in w for w in result.warnings) and any("U+FEFF" in w for w in result.warnings)


def test_right_to_left_emoji_and_combining_kept() -> None:
    text = "שלום مرحبا 😀👍🏽 e\u0301\u0327"
    result = scrub(text)
    assert result.text == unicodedata.normalize("NFC", text)
    assert not result.errors and not result.warnings


def test_vni_reported_with_what_to_do() -> None:
    warning = mojibake(VNI)
    assert warning is not None and "VNI" in warning and "Unikey" in warning


def test_tcvn3_reported() -> None:
    warning = mojibake(TCVN3)
    assert warning is not None and "TCVN3" in warning


def test_utf8_read_as_windows_1252_gets_its_correction() -> None:
    broken = UNICODE.encode("utf-8").decode("cp1252", errors="replace")
    warning = mojibake(broken)
    assert warning is not None and f"«{UNICODE}»" in warning


def test_correct_vietnamese_and_foreign_names_not_reported() -> None:
    for text in (UNICODE, "hoà thuận, quân, quê, khoé, thuý", "Müller, Peña", "«Quyết định» ©2019", "30°C"):
        assert mojibake(text) is None, text


def test_scrub_tree_fixes_in_place_and_names_keys() -> None:
    data = {"a": unicodedata.normalize("NFD", "Tân"), "b": [{"c": "x\x0by"}, "ok"], "d": 5, "e": "z\x00"}
    found = dict(scrub_tree(data))
    assert data == {"a": "Tân", "b": [{"c": "x\ny"}, "ok"], "d": 5, "e": "z\x00"}
    assert set(found) == {("b", 0, "c"), ("e",)}
    assert found[("e",)].errors and not found[("b", 0, "c")].errors
