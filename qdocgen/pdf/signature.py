"""Empty signature fields where NĐ30 Phụ lục I puts the signatures, found from the words on the rendered page.

An electronic document is signed twice: the signer's signature image between the title line («CHỦ TỊCH»)
and the name, then the agency's seal covering the left third of it; an appendix issued as a file of its own
is signed by the records office at the top right of its first page. The places come from the PDF's own
words (``pdftotext -bbox-layout``), not from the template, so any template laid out by NĐ30 gets them.
The fields are added with pyHanko (the optional extra ``ky``), printable and with an empty appearance, so
the file stays PDF/A; signing itself happens later, with the signer's token, in the e-office software.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qdocgen.pdf.office import PdfError
from qdocgen.printed.reader import PrintedError, read_pdf

SIGNER_FIELD = "ChuKyNguoiKy"
AGENCY_FIELD = "ChuKyCoQuan"
RECORDS_FIELD = "ChuKyVanThu"
KY_HINT = "Cài phần ký số: pip install 'qdocgen[ky]' (thư viện pyHanko)"
_MIN_GAP = 24.0  # points: less than this between title and name is not a signature space
_UNNAMED_SPACE = 62.0  # points (about 22 mm) kept under the title line when the name is not written yet


@dataclass(frozen=True)
class Line:
    """A line of text on a page, its box in points from the page's top left corner."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    """A page's size in points and its lines of text, top to bottom."""

    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Field:
    """A signature field: its name, page (0-based) and box in PDF points (bottom left origin)."""

    name: str
    page: int
    box: tuple[int, int, int, int]


def read_pages(pdf: Path, timeout: float = 60.0) -> list[Page]:
    """The lines of every page with their positions, from the page model :mod:`qdocgen.printed` reads."""
    try:
        printed = read_pdf(pdf, timeout)
    except PrintedError as exc:
        raise PdfError(exc.message) from exc
    return [Page(page.width, page.height, tuple(Line(line.text.strip(), line.x0, line.y0, line.x1, line.y1)
                                                for line in page.lines))
            for page in printed.pages]


def signature_fields(pages: list[Page]) -> list[Field]:
    """Where the signatures go: signer's and agency's on the signature page; records office's on an appendix."""
    if not pages:
        return []
    if _is_appendix(pages[0]):
        return [_records_field(pages[0])]
    for number, page in enumerate(pages):
        anchor = next((line for line in page.lines if line.text.startswith("Nơi nhận")), None)
        if anchor is not None:
            found = _signer_and_agency(page, number, anchor.y0 - 4)
            if found:
                return found
    for number in range(len(pages) - 1, -1, -1):  # no «Nơi nhận»: the last page with a signature block
        found = _signer_and_agency(pages[number], number, 0.0)
        if found:
            return found
    return []


def _is_appendix(page: Page) -> bool:
    """A file whose first line of text is «PHỤ LỤC ...»: an appendix issued as a file of its own."""
    body = [line for line in page.lines if line.y0 > page.height * 0.02 and not line.text.isdigit()]
    return bool(body) and body[0].text.casefold().startswith("phụ lục")


def _records_field(page: Page) -> Field:
    """The records office's field: top right of page 1, above the text, against the right margin."""
    right = max((line.x1 for line in page.lines), default=page.width - 56.7)
    top = min((line.y0 for line in page.lines), default=56.7)
    width, height = 170.0, 42.0  # about 60 × 15 mm: number and symbol, signing time, 10 pt
    y_top = max(8.0, top - height - 4) if top - height - 4 >= 8.0 else 8.0
    return Field(RECORDS_FIELD, 0, _to_pdf(page, right - width, y_top, right, y_top + height))


def _signer_and_agency(page: Page, number: int, from_y: float) -> list[Field]:
    """The signer's field between the title line and the name, the agency's over its left third."""
    middle = page.width / 2
    block = [line for line in page.lines if line.y0 >= from_y and (line.x0 + line.x1) / 2 > middle
             and line.x0 > middle * 0.9 - 40 and line.text]
    gaps = [(below.y0 - above.y1, above, below) for above, below in zip(block, block[1:], strict=False)]
    gaps = [g for g in gaps if g[0] >= _MIN_GAP]
    if gaps:
        _, title, name = max(gaps, key=lambda g: g[0])
    elif block and _room_below(page, block[-1]):
        # A draft whose signer is not named yet: the space under the title line, as wide as a name would be.
        title = block[-1]
        name = Line("", title.x0, title.y1 + _UNNAMED_SPACE, title.x1, title.y1 + _UNNAMED_SPACE + 14)
    else:
        return []
    centre = ((title.x0 + title.x1) / 2 + (name.x0 + name.x1) / 2) / 2
    top, bottom = title.y1 + 2, name.y0 - 2
    height = bottom - top
    width = min(max(2 * height, name.x1 - name.x0), 2 * (page.width - centre - 20))
    x0 = centre - width / 2
    signer = Field(SIGNER_FIELD, number, _to_pdf(page, x0, top, x0 + width, bottom))
    seal_x1 = x0 + width / 3  # the seal, as tall as the space, covers the signature's left third
    seal_x0 = max(4.0, seal_x1 - height)
    agency = Field(AGENCY_FIELD, number, _to_pdf(page, seal_x0, top, seal_x1, bottom))
    return [signer, agency]


def _room_below(page: Page, last: Line) -> bool:
    """Whether nothing is written under ``last`` for the space a signature takes (and the page has it)."""
    bottom = last.y1 + _UNNAMED_SPACE
    return bottom < page.height - 20 and not any(last.y1 < line.y0 < bottom and line.x1 > last.x0
                                                 for line in page.lines)


def _to_pdf(page: Page, x0: float, top: float, x1: float, bottom: float) -> tuple[int, int, int, int]:
    """A box measured from the top left turned into PDF coordinates (from the bottom left), in whole points."""
    return (round(x0), round(page.height - bottom), round(x1), round(page.height - top))


def add_fields(source: Path, target: Path, fields: list[Field]) -> None:
    """Write ``source`` with empty signature ``fields`` added (an incremental update, by pyHanko) to ``target``."""
    try:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    except ImportError as exc:
        raise PdfError(f"--o-ky cần thư viện pyHanko, máy này chưa có. {KY_HINT}.") from exc
    with source.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        for field in fields:
            append_signature_field(writer, SigFieldSpec(sig_field_name=field.name, on_page=field.page,
                                                        box=field.box))
        with target.open("wb") as out:
            writer.write(out)  # type: ignore[no-untyped-call]

