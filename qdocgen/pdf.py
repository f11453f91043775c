"""PDF through LibreOffice: many files per start, each start with its own profile folder and a time limit.

LibreOffice's traps shape this module: two processes sharing a profile folder collide and one produces
nothing without an error (so every start gets a fresh profile); a conversion can hang (so every start has
a time limit and is killed with its whole process group); each start costs about 1.8 s while a file inside
a start costs about 0.16 s (so files are converted many per start). A file that is not converted is tried
once more, then reported with a reason: zero PDFs is never a silent success.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qdocgen.errors import ExitStatus, OutputError, PdfError

INSTALL_HINT = ("Cài LibreOffice (Debian/Ubuntu): sudo apt-get install -y libreoffice-writer-nogui "
                "fonts-liberation2 poppler-utils")
MAX_FILES_PER_START = 40
ATTEMPTS = 2


@dataclass
class PdfReport:
    """What a conversion did: docx → pdf written, docx → reason it failed, warnings for the user."""

    converted: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    starts: int = 0

    @property
    def exit_code(self) -> ExitStatus:
        """``OK`` when every file was converted, else ``PDF``."""
        return ExitStatus.OK if self.ok else ExitStatus.PDF

    @property
    def ok(self) -> bool:
        """Every file was converted (an empty request is not a success either)."""
        return bool(self.converted) and not self.failed


def find_soffice() -> str:
    """The LibreOffice command, or a PdfError saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfError("Không tìm thấy LibreOffice (lệnh soffice), cần nó để chuyển .docx sang PDF. "
                       f"{INSTALL_HINT}. Bỏ --pdf thì vẫn soạn được tệp .docx.")
    return found


def font_warnings() -> list[str]:
    """Warn when Times New Roman (the font of NĐ30) is absent, saying what stands in and how to install it."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []

    def has(family: str) -> bool:
        try:
            out = subprocess.run([fc_list, f":family={family}", "family"], capture_output=True, text=True,
                                 timeout=20, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return True  # cannot tell: say nothing rather than warn wrongly
        return bool(out.strip())

    if has("Times New Roman"):
        return []
    if has("Liberation Serif"):
        return ["Máy này không có phông Times New Roman; LibreOffice dùng Liberation Serif (cùng số đo chữ) thay "
                "thế nên bố cục trang giữ nguyên, chỉ nét chữ hơi khác. Muốn dùng phông thật: sudo apt-get "
                "install ttf-mscorefonts-installer."]
    return ["Máy này không có phông Times New Roman lẫn Liberation Serif (phông cùng số đo); LibreOffice sẽ "
            "dùng phông khác và bố cục trang có thể xô lệch. Cài: sudo apt-get install fonts-liberation2 "
            "(hoặc ttf-mscorefonts-installer cho Times New Roman thật)."]


def _target(path: Path, out_dir: Path | None) -> Path:
    return (out_dir if out_dir is not None else path.parent) / f"{path.stem}.pdf"


def _chunks(paths: list[Path]) -> list[list[Path]]:
    """Groups converted by one start each: at most MAX_FILES_PER_START, no two with the same output name."""
    chunks: list[list[Path]] = []
    names: list[set[str]] = []
    for path in paths:
        name = path.stem.casefold()
        for chunk, seen in zip(chunks, names, strict=True):
            if name not in seen and len(chunk) < MAX_FILES_PER_START:
                chunk.append(path)
                seen.add(name)
                break
        else:
            chunks.append([path])
            names.append({name})
    return chunks


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


@dataclass
class _Start:
    """The outcome of one LibreOffice start."""

    produced: dict[Path, Path]
    finished: bool
    reason: str


def _seed_profile(soffice: str) -> Path:
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


def _keep_seed(profile: Path, seed: Path) -> None:
    """Keep a profile that served a good start as the seed; whoever renames first wins, the seed never changes."""
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


def _start(soffice: str, files: list[Path], work: Path, number: int, timeout: float,
           seed: Path | None = None) -> _Start:
    """Run one LibreOffice with its own profile on ``files``; which PDFs appeared, and whether it ended well.

    The profile is a private copy of ``seed`` when there is one: a fresh profile costs about a second more
    per start, while a copy costs milliseconds and is still never shared with another process.
    """
    profile = work / f"profile-{number}"
    out = work / f"out-{number}"
    out.mkdir()
    seeded = False
    if seed is not None and seed.is_dir():
        try:
            shutil.copytree(seed, profile, symlinks=True)
            seeded = True
        except OSError:
            shutil.rmtree(profile, ignore_errors=True)
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--nologo", "--convert-to", "pdf:writer_pdf_Export",
               "--outdir", str(out), *[str(f.resolve()) for f in files]]
    env = dict(os.environ, HOME=str(work))  # nothing of the user's own LibreOffice is touched
    try:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
    except OSError as exc:
        raise PdfError(f"Không chạy được LibreOffice ({soffice}): {exc}. {INSTALL_HINT}.") from exc
    try:
        output, _ = proc.communicate(timeout=timeout)
        finished = proc.returncode == 0
        log = output.decode("utf-8", "replace")
        errors = [line.strip() for line in log.splitlines() if line.strip().lower().startswith("error")]
        reason = ("LibreOffice không mở được tệp (tệp hỏng, không phải văn bản Word, hoặc có mật khẩu)"
                  + (f": «{errors[-1]}»" if errors else "")) if finished else \
            f"LibreOffice dừng bất thường (mã {proc.returncode})"
    except subprocess.TimeoutExpired:
        # soffice forks soffice.bin: kill the whole group, or a hung converter outlives us.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        finished = False
        reason = f"LibreOffice bị treo, quá thời hạn {timeout:g} giây"
    produced = {f: out / f"{f.stem}.pdf" for f in files if _is_pdf(out / f"{f.stem}.pdf")}
    if seed is not None and not seeded and finished and produced and profile.is_dir() and not seed.exists():
        _keep_seed(profile, seed)
    return _Start(produced, finished, reason)


def convert(paths: Sequence[Path], out_dir: Path | None = None, *, timeout: float = 120.0,
            force: bool = False) -> PdfReport:
    """Convert .docx files to PDF (beside each file, or into ``out_dir``) in as few LibreOffice starts as can be.

    ``timeout`` limits each LibreOffice start. A file left unconverted is tried once more; if that fails too
    it is in ``failed`` with the reason. An existing PDF is not overwritten without ``force``.
    """
    report = PdfReport()
    todo: list[Path] = []
    targets: dict[Path, Path] = {}
    for path in paths:
        target = _target(path, out_dir)
        if not path.is_file():
            report.failed[path] = "không có tệp này; kiểm tra lại đường dẫn."
        elif target in targets.values():
            report.failed[path] = f"trùng tên PDF {target} với một tệp khác; đổi tên một trong hai tệp."
        elif target.exists() and not force:
            report.failed[path] = f"{target}: tệp PDF đã có, không ghi đè. Dùng --force để ghi đè."
        else:
            targets[path] = target
            todo.append(path)
    if not todo:
        return report
    soffice = find_soffice()
    report.warnings.extend(font_warnings())
    tries = dict.fromkeys(todo, 0)
    last_reason: dict[Path, str] = {}
    seed = _seed_profile(soffice)
    work = Path(tempfile.mkdtemp(prefix="qdocgen-pdf-"))
    try:
        pending = list(todo)
        while pending:
            # Files on their second try go in starts of their own, so a file that hung cannot hold back others.
            batches = _chunks([f for f in pending if not tries[f]]) + _chunks([f for f in pending if tries[f]])
            pending = []
            for files in batches:
                report.starts += 1
                # A retry starts from a profile made from scratch, in case the copied one was the trouble.
                retry = any(tries[f] for f in files)
                result = _start(soffice, files, work, report.starts, timeout, None if retry else seed)
                for path, pdf in result.produced.items():
                    try:
                        _place(pdf, targets[path], force)
                    except OutputError as exc:
                        report.failed[path] = exc.message
                    else:
                        report.converted[path] = targets[path]
                missing = [f for f in files if f not in result.produced]
                # A start that ended well tried every file; one that hung or crashed stopped at the first
                # missing file (files go in order) and never reached the ones after it.
                for f in missing if result.finished else missing[:1]:
                    tries[f] += 1
                    last_reason[f] = result.reason
                for f in missing:
                    if tries[f] >= ATTEMPTS:
                        report.failed[f] = f"{last_reason[f]}; đã thử {ATTEMPTS} lần, không có PDF."
                    else:
                        pending.append(f)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def _place(pdf: Path, target: Path, force: bool) -> None:
    from qdocgen.output import write_atomic

    write_atomic(target, pdf.read_bytes(), force)
