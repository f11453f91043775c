"""Table grids after rendering: columns made by a ``{%tc for %}`` loop get a grid that matches their cells.

Word lays a fixed table out by its ``w:tblGrid``; a template's grid has the columns the author drew, while the
rendered rows may have more or fewer cells (columns chosen in the data). Each table whose rows disagree with
its grid gets a grid rebuilt from the widths of its fullest row (the row with the most cells, none spanning).
"""

from __future__ import annotations

from lxml import etree

from qdocgen.oxml.package import w


def _span(tc: etree._Element) -> int:
    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    try:
        return int(span.get(w("val"))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _width(tc: etree._Element) -> int:
    width = tc.find(f"{w('tcPr')}/{w('tcW')}")
    try:
        return int(width.get(w("w"))) if width is not None else 0
    except (TypeError, ValueError):
        return 0


def fit_table(tbl: etree._Element) -> bool:
    """Rebuild one table's grid from its fullest row when rows and grid disagree; True when it changed."""
    grid = tbl.find(w("tblGrid"))
    rows = [tr.findall(w("tc")) for tr in tbl.findall(w("tr"))]
    if grid is None or not rows:
        return False
    columns = len(grid.findall(w("gridCol")))
    if all(sum(_span(tc) for tc in cells) == columns for cells in rows):
        return False
    plain = [cells for cells in rows if all(_span(tc) == 1 for tc in cells)]
    fullest = max(plain or rows, key=len)
    for col in list(grid):
        grid.remove(col)
    for tc in fullest:
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(_width(tc)))
    count = len(fullest)
    for cells in rows:
        if len(cells) == 1 and _span(cells[0]) != count and _span(cells[0]) > 1:
            span = cells[0].find(f"{w('tcPr')}/{w('gridSpan')}")
            if span is not None:
                span.set(w("val"), str(count))
    return True


def fit_table_grids(xml: str) -> str:
    """The part's XML with every table's grid matching its rows (unchanged text when all agree)."""
    root = etree.fromstring(xml.encode("utf-8"))
    changed = [fit_table(tbl) for tbl in root.iter(w("tbl"))]
    if not any(changed):
        return xml
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8")
