"""LibreOffice itself: finding it, its export filter, the profile folders it runs on, and what it may be given.

Two LibreOffice processes sharing a profile folder collide and one of them produces nothing without an
error, so every process here runs on a profile of its own: a copy of a seed profile made once per
installation (a copy costs milliseconds, a profile made from scratch about a second).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from qdocgen.errors import PdfError

__all__ = ["INSTALL_HINT", "PDF_FILTER", "PDF_OPTIONS", "PdfError", "find_soffice", "word_problem"]

INSTALL_HINT = ("Cài LibreOffice: trên Windows và macOS tải từ https://www.libreoffice.org/download/ rồi cài như "
                "thường lệ (qdocgen tự tìm ở chỗ cài mặc định); trên Debian/Ubuntu: sudo apt-get install -y "
                "libreoffice-writer-nogui fonts-liberation2 poppler-utils")

# writer_pdf_Export's options: SelectPdfVersion 2 is PDF/A-2b. The JSON form of filter options on the command
# line is understood from LibreOffice 7.4 on; the resident office passes the same options through UNO.
PDF_OPTIONS: dict[str, tuple[str, object]] = {
    "SelectPdfVersion": ("long", 2),
    "UseTaggedPDF": ("boolean", True),
    "ExportFormFields": ("boolean", False),
    "EmbedStandardFonts": ("boolean", True),
}
PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps(
    {name: {"type": kind, "value": str(value).lower() if kind == "boolean" else str(value)}
     for name, (kind, value) in PDF_OPTIONS.items()}, separators=(",", ":"))


def usual_places() -> list[Path]:
    """Where LibreOffice's installers put ``soffice`` on Windows and macOS (it is seldom on PATH there)."""
    places = []
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        root = os.environ.get(variable)
        if root:
            base = Path(root) / "Programs" if variable == "LOCALAPPDATA" else Path(root)
            places.append(base / "LibreOffice" / "program" / "soffice.exe")
    places += [Path(r"C:\Program Files\LibreOffice\program\soffice.exe"),
               Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"),
               Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
               Path.home() / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"]
    return places


def find_soffice() -> str:
    """LibreOffice: on PATH, else where Windows and macOS install it; a PdfError saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        found = next((str(place) for place in usual_places() if place.is_file()), None)
    if not found:
        raise PdfError("Không tìm thấy LibreOffice (lệnh soffice), cần nó để chuyển .docx sang PDF. "
                       f"{INSTALL_HINT}. Bỏ --pdf thì vẫn soạn được tệp .docx.")
    return found


def word_problem(path: Path) -> str:
    """Why ``path`` is not a Word document LibreOffice should be given (empty when it is one).

    A Word document is a zip package holding ``[Content_Types].xml`` and ``word/document.xml``: an empty file,
    text renamed .docx, or any other zip is refused before LibreOffice sees it (it would "convert" text).
    """
    try:
        size = path.stat().st_size
    except OSError:
        return "không có tệp này; kiểm tra lại đường dẫn."
    if size == 0:
        return "tệp rỗng (0 byte), không phải văn bản Word; mở bằng Word và lưu lại dạng .docx."
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return ("không phải văn bản Word (.docx là một gói zip; tệp này không phải) — có thể là tệp văn bản "
                "hay tệp .doc cũ bị đổi tên. Mở bằng Word và chọn Lưu thành… «Word Document (.docx)».")
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        return ("là tệp zip nhưng không phải văn bản Word (thiếu word/document.xml). Mở bằng Word và lưu lại "
                "dạng .docx.")
    return ""


def sanitized_copy(docx: Path, folder: Path) -> Path:
    """The copy of ``docx`` LibreOffice is given, in ``folder`` under the same name (the PDF takes it).

    Checked as a package and cleaned by ``oxml.opc.sanitize_for_conversion`` (issue 15): no external link
    (picture, object, attached template) and no fetching field (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE) is
    left, so LibreOffice fetches nothing and embeds no file from outside. Raises PdfError saying why a file
    is refused (macros, a part that inflates too much, missing parts...).
    """
    from qdocgen.oxml.opc import sanitize_for_conversion

    try:
        clean = sanitize_for_conversion(docx.read_bytes())
    except ValueError as exc:
        raise PdfError(f"không phải văn bản Word .docx dùng được: {exc}") from exc
    except OSError as exc:
        raise PdfError(f"không đọc được tệp ({exc.strerror or exc}).") from exc
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / docx.name
    copy.write_bytes(clean)
    return copy


def seed_profile(soffice: str) -> Path:
    """Where a profile LibreOffice made once is kept, for each start to begin from a copy (per installation)."""
    real = Path(soffice).resolve()
    try:
        stat = real.stat()
        stamp = f"{real}:{stat.st_mtime_ns}:{stat.st_size}"
    except OSError:
        stamp = str(real)
    try:
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qdocgen"
    except RuntimeError:  # no home folder: the cache goes with the temporary files
        cache = Path(tempfile.gettempdir()) / "qdocgen-cache"
    return cache / f"libreoffice-profile-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}"


def copy_seed(seed: Path | None, profile: Path) -> bool:
    """Make ``profile`` a private copy of ``seed``; whether it was copied (else LibreOffice makes one)."""
    if seed is None or not seed.is_dir():
        return False
    try:
        shutil.copytree(seed, profile, symlinks=True)
    except OSError:
        shutil.rmtree(profile, ignore_errors=True)
        return False
    return True


def keep_seed(profile: Path, seed: Path) -> None:
    """Keep a profile that served a good start as the seed; whoever renames first wins, the seed never changes."""
    if seed.exists() or not profile.is_dir():
        return
    try:
        seed.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".seed-", dir=seed.parent))
        shutil.copytree(profile, staging / "p", symlinks=True, ignore=shutil.ignore_patterns(".lock"))
        try:
            os.rename(staging / "p", seed)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        pass  # only a cache: the next start simply makes its profile from scratch


def base_command(soffice: str, profile: Path) -> list[str]:
    """The start of every LibreOffice command line: its own profile, no window, no recovery, no splash."""
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
            "--nolockcheck", "--nodefault", "--nologo"]


def is_pdf(path: Path) -> bool:
    """Whether ``path`` starts like a PDF file."""
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False
