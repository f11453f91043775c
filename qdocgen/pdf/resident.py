"""A LibreOffice kept running, for the web preview and single documents: no start to pay per document.

One ``soffice`` runs headless on its own profile and listens on a private UNO pipe; documents are loaded,
exported to PDF/A-2b and closed through UNO. Each conversion has a time limit: past it, LibreOffice is
killed with its whole process group and the caller gets a PdfError; a LibreOffice that died or was killed
is started again at the next conversion. Conversions through one office go one at a time (a lock).

UNO's Python bridge comes with LibreOffice (Debian: python3-uno). It is found on LibreOffice's own paths
when the running Python does not have it (a virtual environment does not see Debian's packages); where
it cannot be loaded at all, :func:`convert_one` falls back to a LibreOffice started for the document.
"""

from __future__ import annotations

import atexit
import builtins
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any

from qdocgen.pdf.convert import convert, kill_group
from qdocgen.pdf.finish import FinishOptions, PdfCheck, finish
from qdocgen.pdf.office import (
    INSTALL_HINT,
    PDF_OPTIONS,
    PdfError,
    base_command,
    copy_seed,
    find_soffice,
    is_pdf,
    keep_seed,
    sanitized_copy,
    seed_profile,
    word_problem,
)
from qdocgen.pdf.profile_setup import skip_render_tests

UNO_HINT = "Cài cầu nối UNO của LibreOffice (Debian/Ubuntu): sudo apt-get install -y python3-uno"
_UNO_PATHS = ("/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program")


def load_uno(soffice: str | None = None) -> Any:
    """The ``uno`` module: from this Python, else from LibreOffice's own folders; a PdfError if neither has it.

    LibreOffice's folders are on the import path only while ``uno`` loads (Debian's other packages must not
    stand in for the virtual environment's), and the import hook ``uno`` installs is taken out again: it turns
    every failed import into a plain ImportError, which breaks libraries that expect ModuleNotFoundError
    (uvicorn does). qdocgen never imports UNO types by name, so it does not need the hook.
    """
    if "uno" in sys.modules:
        return sys.modules["uno"]
    extra = [folder for folder in (*_UNO_PATHS, *([str(Path(soffice).resolve().parent)] if soffice else []))
             if Path(folder, "uno.py").is_file() and folder not in sys.path]
    original_import = builtins.__import__
    sys.path.extend(extra)
    try:
        return importlib.import_module("uno")
    except ImportError as exc:
        raise PdfError(f"Không nạp được cầu nối UNO để giữ LibreOffice chạy sẵn ({exc}). {UNO_HINT}.") from exc
    finally:
        builtins.__import__ = original_import
        for folder in extra:
            sys.path.remove(folder)


def available() -> bool:
    """Whether a resident LibreOffice can be used here (LibreOffice and its Python bridge)."""
    try:
        load_uno(find_soffice())
    except PdfError:
        return False
    return True


class ResidentOffice:
    """One LibreOffice kept running; ``convert`` turns a .docx into a finished PDF/A-2b in a time limit."""

    def __init__(self, soffice: str | None = None, *, start_timeout: float = 60.0) -> None:
        """Prepare (LibreOffice starts at the first conversion); ``soffice``: the command, found if None."""
        self.soffice = soffice or find_soffice()
        self.start_timeout = start_timeout
        self.starts = 0
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._desktop: Any = None
        self._work = Path(tempfile.mkdtemp(prefix="qdocgen-office-"))
        self._pipe = ""
        self._uno: Any = None
        self._timed_out = False

    def __enter__(self) -> ResidentOffice:
        """Use as a context manager: closed at the end."""
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Close LibreOffice."""
        self.close()

    def load_bridge(self) -> None:
        """Load UNO's Python bridge now (a PdfError saying how to install it when it cannot be loaded)."""
        self._uno = self._uno or load_uno(self.soffice)

    @property
    def running(self) -> bool:
        """Whether the LibreOffice process is alive now."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        """The process id of the running LibreOffice (its process group), None when it is not running."""
        return self._proc.pid if self.running and self._proc is not None else None

    def close(self) -> None:
        """Stop LibreOffice (politely, then by force) and remove its profile."""
        with self._lock:
            self._stop()
            shutil.rmtree(self._work, ignore_errors=True)

    def convert(self, docx: Path, out: Path, *, timeout: float = 60.0,
                options: FinishOptions | None = None) -> PdfCheck:
        """Write the finished PDF/A-2b of ``docx`` to ``out`` (atomically, replacing it); what was checked.

        Raises PdfError when the file is not a Word document, LibreOffice cannot open it, or the conversion
        takes longer than ``timeout`` seconds (LibreOffice is then killed, and started again next time).
        """
        from qdocgen.output import write_atomic

        problem = word_problem(docx)
        if problem:
            raise PdfError(f"{docx}: {problem}")
        with self._lock:
            token = uuid.uuid4().hex
            produced = self._work / f"out-{token}.pdf"
            try:
                clean = sanitized_copy(docx, self._work / f"in-{token}")  # fetches nothing, embeds no link
            except PdfError as exc:
                raise PdfError(f"{docx}: {exc.message}") from exc
            try:
                self._export(clean, produced, timeout)
                data, check = finish(produced, docx, options or FinishOptions())
            finally:
                produced.unlink(missing_ok=True)
                shutil.rmtree(clean.parent, ignore_errors=True)
        write_atomic(out, data, force=True)
        return check

    def stop(self) -> None:
        """Stop LibreOffice, keeping its folder: it starts again at the next conversion."""
        with self._lock:
            self._stop()

    def start(self) -> None:
        """Start LibreOffice now unless it is running (a PdfError when it cannot be started)."""
        with self._lock:
            if not self.running:
                self._start()

    def export(self, docx: Path, produced: Path, timeout: float = 60.0) -> None:
        """LibreOffice's PDF/A-2b of ``docx`` (a cleaned copy: nothing is checked here) written to ``produced``.

        Raises PdfError when LibreOffice cannot open the file, dies, or takes longer than ``timeout`` seconds
        (it is then killed, and started again at the next export).
        """
        with self._lock:
            self._export(docx, produced, timeout)

    def _export(self, docx: Path, produced: Path, timeout: float) -> None:
        """LibreOffice loads ``docx`` and stores it as PDF/A-2b, under a watchdog that kills it past ``timeout``."""
        if not self.running:
            self._start()
        self._timed_out = False
        watchdog = threading.Timer(timeout, self._on_timeout)
        watchdog.start()
        try:
            try:
                self._store(docx, produced)
            except Exception as exc:  # UNO raises its own exception types, none importable beforehand
                if self._timed_out or not type(exc).__name__.endswith("DisposedException"):
                    raise
                # The connection was dead before this document (LibreOffice died since the last one, and
                # was not yet seen to be gone): start it again and try once more.
                self._start()
                self._store(docx, produced)
        except Exception as exc:  # noqa: BLE001 - as above
            if self._timed_out:
                raise PdfError(f"{docx}: LibreOffice bị treo, quá thời hạn {timeout:g} giây; đã khởi động "
                               "lại LibreOffice cho lần sau.") from exc
            if not self.running:
                self._stop()
                raise PdfError(f"{docx}: LibreOffice dừng bất thường khi chuyển tệp này; sẽ khởi động lại "
                               "cho lần sau.") from exc
            raise PdfError(f"{docx}: LibreOffice không mở được tệp (tệp hỏng, không phải văn bản Word, hoặc có "
                           f"mật khẩu): {type(exc).__name__}.") from exc
        finally:
            watchdog.cancel()
        if self._timed_out or not is_pdf(produced):
            self._stop()
            raise PdfError(f"{docx}: LibreOffice không ghi ra PDF (quá thời hạn {timeout:g} giây hoặc lỗi).")

    def _store(self, docx: Path, produced: Path) -> None:
        """Load ``docx`` hidden and read-only, macros off, store it as PDF/A-2b, close it."""
        uno = self._uno

        def values(**items: object) -> tuple[Any, ...]:
            """UNO property values from keyword arguments."""
            return tuple(uno.createUnoStruct("com.sun.star.beans.PropertyValue", name, 0, value, 0)
                         for name, value in items.items())

        document = self._desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(str(docx.resolve())), "_blank", 0,
            values(Hidden=True, ReadOnly=True, UpdateDocMode=0, MacroExecutionMode=0))
        if document is None:
            raise ValueError("document not loaded")
        try:
            data = uno.Any("[]com.sun.star.beans.PropertyValue",
                           values(**{name: value for name, (_, value) in PDF_OPTIONS.items()}))
            document.storeToURL(uno.systemPathToFileUrl(str(produced)),
                                values(FilterName="writer_pdf_Export", FilterData=data))
        finally:
            try:
                document.close(True)
            except Exception:  # noqa: BLE001 - the document is gone with a dead LibreOffice: nothing to close
                pass

    def _on_timeout(self) -> None:
        """The watchdog: the conversion took too long; kill LibreOffice so the blocked call returns."""
        self._timed_out = True
        if self._proc is not None:
            kill_group(self._proc)

    def _start(self) -> None:
        """Start LibreOffice on a private pipe and connect to it, within ``start_timeout``."""
        self._stop()
        self.load_bridge()
        self.starts += 1
        profile = self._work / f"profile-{self.starts}"
        seed = seed_profile(self.soffice)
        seeded = copy_seed(seed, profile)
        skip_render_tests(profile, self.soffice)
        self._pipe = f"qdocgen-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        command = [*base_command(self.soffice, profile), f"--accept=pipe,name={self._pipe};urp;"]
        try:
            self._proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL, env=dict(os.environ, HOME=str(self._work)),
                                          start_new_session=True)
        except OSError as exc:
            raise PdfError(f"Không chạy được LibreOffice ({self.soffice}): {exc}. {INSTALL_HINT}.") from exc
        self._desktop = self._connect()
        if not seeded:
            keep_seed(profile, seed)

    def _connect(self) -> Any:
        """The desktop of the LibreOffice just started, once it listens on its pipe."""
        uno = self._uno
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={self._pipe};urp;StarOffice.ComponentContext")
                return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            except Exception as exc:  # NoConnectException until LibreOffice listens
                if not self.running or time.monotonic() > deadline:
                    self._stop()
                    raise PdfError(f"LibreOffice không khởi động được trong {self.start_timeout:g} giây. "
                                   f"{INSTALL_HINT}.") from exc
                time.sleep(0.05)

    def _stop(self) -> None:
        """End LibreOffice: ask it to quit, then kill its process group; forget the connection."""
        proc, desktop = self._proc, self._desktop
        self._proc, self._desktop = None, None
        if proc is None:
            return
        if desktop is not None and proc.poll() is None:
            threading.Thread(target=_terminate, args=(desktop,), daemon=True).start()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        kill_group(proc)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            pass


def _terminate(desktop: Any) -> None:
    """Ask LibreOffice to quit (in a thread of its own: a hung one never answers)."""
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - it is being killed anyway
        pass


_shared: ResidentOffice | None = None
_shared_lock = threading.Lock()


def shared_office() -> ResidentOffice:
    """The process's one resident LibreOffice (started at first use, stopped when the process ends)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ResidentOffice()
            atexit.register(_shared.close)
        return _shared


def convert_one(docx: Path, out_dir: Path, timeout: float = 60.0, *,
                options: FinishOptions | None = None) -> Path:
    """The PDF/A-2b of one .docx, written as ``out_dir/NAME.pdf`` by the shared resident LibreOffice.

    Replaces an existing file of that name (the caller owns ``out_dir``). Raises PdfError with the reason
    when it cannot (not a Word document, unreadable, over ``timeout`` seconds). Where UNO cannot be loaded
    the document is converted by a LibreOffice started for it.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{docx.stem}.pdf"
    try:
        office = shared_office()
        office.load_bridge()
    except PdfError:
        report = convert([docx], out_dir, timeout=timeout, force=True, jobs=1,
                         options={docx: options} if options else None)
        if docx not in report.converted:
            raise PdfError(f"{docx}: {report.failed.get(docx, 'không chuyển được sang PDF')}") from None
        return report.converted[docx]
    office.convert(docx, target, timeout=timeout, options=options)
    return target
