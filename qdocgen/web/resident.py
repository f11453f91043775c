"""A thin LibreOffice kept running for the web preview, until ``qdocgen.pdf`` has its own resident converter.

One ``soffice`` listens on a private UNO pipe; each .docx is loaded hidden, stored as PDF and closed. A watchdog
kills LibreOffice (its whole process group) past the time limit; a LibreOffice that died is started again at the
next conversion. UNO's Python bridge comes with LibreOffice (Debian: python3-uno); a virtual environment does not
see Debian's packages, so LibreOffice's own folders are added to the search path. Where it cannot be loaded,
``available()`` is false and the converter starts one LibreOffice per file instead.
"""

from __future__ import annotations

import atexit
import importlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from qdocgen.errors import PdfError
from qdocgen.pdf import find_soffice

_UNO_PATHS = ("/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program")


def load_uno() -> Any:
    """The ``uno`` module, or ``None`` where the bridge is not installed.

    Importing ``uno`` replaces Python's ``__import__`` with its own, which turns every failed import into a
    plain ImportError (not ModuleNotFoundError) and so breaks libraries probing optional modules (uvicorn);
    only ``import com.sun.star...`` needs that hook, and nothing here does, so Python's own is put back.
    """
    import builtins

    original = builtins.__import__
    try:
        for attempt in range(2):
            try:
                return importlib.import_module("uno")
            except ImportError:
                if attempt:
                    return None
                sys.path.extend(p for p in _UNO_PATHS if Path(p, "uno.py").is_file() and p not in sys.path)
        return None
    finally:
        builtins.__import__ = original


def available() -> bool:
    """Whether a resident LibreOffice can be used here (LibreOffice and its Python bridge)."""
    try:
        find_soffice()
    except PdfError:
        return False
    return load_uno() is not None


class ResidentOffice:
    """One LibreOffice kept running; ``convert`` writes the PDF of a .docx within a time limit."""

    def __init__(self, start_timeout: float = 60.0) -> None:
        self.soffice = find_soffice()
        self.uno = load_uno()
        if self.uno is None:
            raise PdfError("Không nạp được cầu nối UNO của LibreOffice: sudo apt-get install -y python3-uno")
        self.start_timeout = start_timeout
        self.starts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._desktop: Any = None
        self._work = Path(tempfile.mkdtemp(prefix="qdocgen-web-office-"))
        self._timed_out = False
        atexit.register(self.close)

    @property
    def running(self) -> bool:
        """Whether LibreOffice is up."""
        return self._proc is not None and self._proc.poll() is None

    def convert(self, docx: Path, pdf: Path, timeout: float = 60.0) -> None:
        """Write the PDF of ``docx`` to ``pdf``; a PdfError when LibreOffice fails or takes too long."""
        for attempt in range(2):
            if not self.running:
                self._start()
            self._timed_out = False
            watchdog = threading.Timer(timeout, self._kill)
            watchdog.start()
            try:
                self._store(docx, pdf)
                return
            except Exception as exc:  # noqa: BLE001 - UNO's exception types cannot be imported beforehand
                if self._timed_out:
                    self._stop()
                    raise PdfError(f"LibreOffice bị treo, quá {timeout:g} giây; đã khởi động lại cho lần sau.") \
                        from exc
                if attempt or self.running:
                    raise PdfError(f"LibreOffice không chuyển được tệp sang PDF ({type(exc).__name__}).") from exc
                self._stop()  # it died since the last document: start it again and try once more
            finally:
                watchdog.cancel()

    def _store(self, docx: Path, pdf: Path) -> None:
        uno = self.uno

        def values(**items: object) -> tuple[Any, ...]:
            return tuple(uno.createUnoStruct("com.sun.star.beans.PropertyValue", k, 0, v, 0) for k, v in items.items())

        document = self._desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(docx.resolve())), "_blank", 0,
                                                      values(Hidden=True, ReadOnly=True, MacroExecutionMode=0))
        if document is None:
            raise ValueError("document not loaded")
        try:
            document.storeToURL(uno.systemPathToFileUrl(str(pdf.resolve())), values(FilterName="writer_pdf_Export"))
        finally:
            try:
                document.close(True)
            except Exception:  # noqa: BLE001 - gone with a dead LibreOffice: nothing to close
                pass

    def _start(self) -> None:
        self._stop()
        self.starts += 1
        profile = self._work / f"profile-{self.starts}"
        pipe = f"qdocgen-web-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        command = [self.soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nolockcheck", "--nodefault", "--nologo", f"--accept=pipe,name={pipe};urp;"]
        self._proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, env=dict(os.environ, HOME=str(self._work)),
                                      start_new_session=True)
        local = self.uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                self._desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                                                 context)
                return
            except Exception as exc:  # noqa: BLE001 - NoConnectException until LibreOffice listens
                if not self.running or time.monotonic() > deadline:
                    self._stop()
                    raise PdfError(f"LibreOffice không khởi động được trong {self.start_timeout:g} giây.") from exc
                time.sleep(0.1)

    def _kill(self) -> None:
        self._timed_out = True
        if self._proc is not None:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _stop(self) -> None:
        proc, self._proc, self._desktop = self._proc, None, None
        if proc is None:
            return
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(10)

    def close(self) -> None:
        """Stop LibreOffice and remove its profile."""
        self._stop()
        shutil.rmtree(self._work, ignore_errors=True)
