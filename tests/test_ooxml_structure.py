"""What Word enforces and LibreOffice forgives (issue 23, point 10), checked on every shipped template and output.

Full validation against the ISO/IEC 29500 Transitional XSDs is not possible here: no PyPI or Debian package
ships them, and copies fetched from elsewhere may not be committed. This states the constraints we rely on
ourselves: the child order of ``w:pPr``, ``w:rPr`` and ``w:sectPr`` per the schema's sequences, and the
required ``w:percent`` of ``w:zoom`` (python-docx's default settings leave it out).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# CT_PPr (CT_PPrBase, then rPr, sectPr, pPrChange), EG_RPrBase (+ rPrChange), CT_SectPr: ISO/IEC 29500-1 §17.
P_PR = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
        "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
        "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
R_PR = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
        "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
        "cs em lang eastAsianLayout specVanish oMath rPrChange").split()
SECT_PR = ("headerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols "
           "formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
           "sectPrChange").split()
ORDERS = {"pPr": P_PR, "rPr": R_PR, "sectPr": SECT_PR}


def problems(path: Path) -> list[str]:
    """What in the .docx at ``path`` breaks the constraints above, one line each."""
    found = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(package.read(name))
            for zoom in root.iter(f"{W}zoom"):
                if zoom.get(f"{W}percent") is None:
                    found.append(f"{path.name} {name}: w:zoom thiếu w:percent")
            for local, order in ORDERS.items():
                for parent in root.iter(f"{W}{local}"):
                    found += _order(path.name, name, parent, order)
    return found


def _order(docx: str, part: str, parent: etree._Element, order: list[str]) -> list[str]:
    """The children of ``parent`` out of the schema's sequence ``order``."""
    rank = -1
    for el in parent:
        if not isinstance(el.tag, str) or not el.tag.startswith(W):
            continue
        local = el.tag[len(W):]
        local = "headerReference" if local == "footerReference" and parent.tag == f"{W}sectPr" else local
        if local not in order:
            return [f"{docx} {part}: w:{local} không thuộc w:{parent.tag[len(W):]}"]
        here = order.index(local)
        if here < rank:
            return [f"{docx} {part}: w:{local} đứng sau phần tử phải đứng sau nó trong w:{parent.tag[len(W):]}"]
        rank = here
    return []


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*.docx")), ids=lambda p: p.name)
def test_shipped_templates_keep_what_word_enforces(template: Path) -> None:
    assert problems(template) == []


def test_generated_files_keep_what_word_enforces(batch_dir: Path) -> None:
    outputs = sorted(batch_dir.glob("*.docx"))
    assert outputs
    assert [p for path in outputs for p in problems(path)] == []


def test_the_check_catches_a_zoom_without_percent_and_a_misordered_run(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad, "w") as package:
        package.writestr("word/settings.xml", f'<w:settings xmlns:w="{W[1:-1]}"><w:zoom w:val="bestFit"/>'
                                              "</w:settings>")
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:r><w:rPr>'
                                              "<w:sz w:val='28'/><w:b/></w:rPr></w:r></w:p></w:body></w:document>")
    found = problems(bad)
    assert any("w:zoom" in p for p in found) and any("w:b" in p for p in found)
