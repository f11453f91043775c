"""PNG pages of a .docx, or of a template filled with its sample data, for template authors to look at."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from qdocgen.environment import has_tags
from qdocgen.errors import PdfError, QdocgenError, TemplateError
from qdocgen.pdf import convert

POPPLER_HINT = "Cài poppler (Debian/Ubuntu): sudo apt-get install -y poppler-utils"


def preview(source: str | Path, out_dir: Path | None = None, *, dpi: int = 60, force: bool = False,
            timeout: float = 120.0) -> tuple[list[Path], list[str]]:
    """Write ``NAME-1.png``, ``NAME-2.png``... one per page; return them and the conversion's warnings.

    ``source`` is a .docx file, or a template name/path (rendered with its sample data ``du_lieu_mau``).
    Pages go beside a .docx, or into the current folder for a template, unless ``out_dir`` is given.
    """
    from qdocgen.output import write_atomic

    if not 10 <= dpi <= 600:
        raise QdocgenError(f"--dpi {dpi}: cần một số từ 10 đến 600 (60 đủ để xem bố cục, 150 để đọc chữ).")
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise PdfError(f"Không tìm thấy lệnh pdftoppm để cắt trang PDF thành ảnh PNG. {POPPLER_HINT}.")
    work = Path(tempfile.mkdtemp(prefix="qdocgen-preview-"))
    try:
        docx, default_dir = _document(source, work)
        target_dir = out_dir if out_dir is not None else default_dir
        report = convert([docx], work, timeout=timeout)
        if docx not in report.converted:
            raise PdfError(f"{source}: không chuyển được sang PDF để xem trước: "
                           f"{report.failed.get(docx, 'không rõ lý do')}")
        pages = work / "pages"
        pages.mkdir()
        try:
            subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(report.converted[docx]), str(pages / "p")],
                           capture_output=True, timeout=timeout, check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            raise PdfError(f"{source}: pdftoppm không cắt được trang PDF thành ảnh ({exc}). {POPPLER_HINT}.") \
                from exc
        # pdftoppm pads page numbers to the page count's width (p-01.png); sort by the number, not the text.
        found = sorted(pages.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        written = []
        for number, page in enumerate(found, start=1):
            target = target_dir / f"{docx.stem}-{number}.png"
            write_atomic(target, page.read_bytes(), force)
            written.append(target)
        if not written:
            raise PdfError(f"{source}: PDF không có trang nào để xem trước.")
        return written, report.warnings
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _document(source: str | Path, work: Path) -> tuple[Path, Path]:
    """The .docx to look at, and where its pages go by default."""
    path = Path(source)
    if path.suffix.lower() == ".docx" and path.is_file() and not _is_template(path):
        return path, path.parent
    from qdocgen.batch import render_file
    from qdocgen.template.registry import find_template

    info = find_template(source)
    if info.sample is None or not info.sample.is_file():
        raise TemplateError(f"Mẫu «{info.name}» không có dữ liệu mẫu để xem trước: thêm khóa du_lieu_mau (đường "
                            f"dẫn tới một tệp .yaml) vào {info.path.with_suffix('.yaml')}.")
    docx = work / f"{info.name}.docx"
    render_file(info.sample, docx, info.path)
    return docx, Path(".")


def _is_template(path: Path) -> bool:
    """A .docx with a template declaration beside it is previewed filled with its sample data."""
    return path.with_suffix(".yaml").is_file() and has_tags(_document_xml(path))


def _document_xml(path: Path) -> str:
    """The main part's text, read with the package's bounds (``opc.read``); empty for a package it refuses."""
    from qdocgen.oxml import opc

    package = opc.read(path)
    return package.parts.get("word/document.xml", b"").decode("utf-8", "replace") if package.ok else ""
