"""Table grids after rendering: columns made by a ``{%tc for %}`` loop get a grid that matches their cells.

Word lays a fixed table out by its ``w:tblGrid``; a template's grid has the columns the author drew, while the
rendered rows may have more or fewer cells (columns chosen in the data). Each table whose rows disagree with
its grid gets a grid rebuilt from the widths of its fullest row (the row with the most cells, none spanning).
"""

from __future__ import annotations

from collections.abc import Callable

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


def fit_every_table(root: etree._Element, fit: Callable[[etree._Element], bool]) -> bool:
    """``fit`` applied to every table of a parsed part; whether any changed."""
    return any([fit(tbl) for tbl in root.iter(w("tbl"))])  # a list: every table fitted, not up to the first


def _fit_every_table(xml: str, fit: Callable[[etree._Element], bool]) -> str:
    """The part's XML with ``fit`` applied to every table (the same text when no table changed)."""
    root = etree.fromstring(xml.encode("utf-8"))
    if not fit_every_table(root, fit):
        return xml
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8")


def fit_table_grids(xml: str) -> str:
    """The part's XML with every table's grid matching its rows (unchanged text when all agree)."""
    return _fit_every_table(xml, fit_table)


def _grid_width(col: etree._Element) -> float:
    """A ``w:gridCol``'s width, 0 when absent or unreadable."""
    try:
        return float(col.get(w("w")) or 0)
    except ValueError:
        return 0.0


def _widen(grid: etree._Element, to_add: int) -> None:
    """Add ``to_add`` columns, scaling the old ones so that the table keeps its width (docxtpl's way)."""
    columns = grid.findall(w("gridCol"))
    width = sum(_grid_width(c) for c in columns)
    if width <= 0 or not columns:
        return
    old_average, new_average = width / len(columns), width / (len(columns) + to_add)
    for col in columns:
        col.set(w("w"), str(int(_grid_width(col) * new_average / old_average)))
    for _ in range(to_add):
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(int(new_average)))


def _narrow(grid: etree._Element, to_remove: int) -> None:
    """Drop the last ``to_remove`` columns, sharing their width among those left (docxtpl's way)."""
    columns = grid.findall(w("gridCol"))
    removed = 0.0
    for col in columns[-to_remove:]:
        removed += _grid_width(col)
        grid.remove(col)
    left = grid.findall(w("gridCol"))
    extra = int(removed / len(left)) if left else 0
    for col in left:
        col.set(w("w"), str(int(_grid_width(col) + extra)))


def fit_table_as_docxtpl(tbl: etree._Element) -> bool:
    """Make one table's grid match its rows as docxtpl's ``fix_tables`` does; True when it changed.

    More cells than grid columns: columns are added and all scaled to keep the table's width. Fewer (a column
    removed, cells merged by ``{% hm %}``): the last columns are dropped and their width shared out.
    """
    grid = tbl.find(w("tblGrid"))
    if grid is None:
        return False
    rows = [tr.findall(w("tc")) for tr in tbl.iter(w("tr"))]
    if not rows:
        return False
    changed = False
    to_add = max(len(cells) for cells in rows) - len(grid.findall(w("gridCol")))
    if to_add > 0:
        _widen(grid, to_add)
        changed = True
    to_remove = len(grid.findall(w("gridCol"))) - max(sum(_span(tc) for tc in cells) for cells in rows)
    if to_remove > 0:
        _narrow(grid, to_remove)
        changed = True
    return changed


def fit_table_grids_as_docxtpl(xml: str) -> str:
    """The part's XML with every table's grid fitted as docxtpl fits it (unchanged text when all agree)."""
    return _fit_every_table(xml, fit_table_as_docxtpl)
