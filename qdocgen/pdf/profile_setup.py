"""What qdocgen writes into a LibreOffice profile before LibreOffice starts on it.

LibreOffice (7.2 and later) draws about sixty test pictures at start-up (its «GraphicsRenderTests») whenever
its version differs from the last version the profile recorded, and a headless LibreOffice never records it:
every start of a conversion paid for them. Measured with ``perf stat`` on LibreOffice 7.4 here, a start that
converts one small document took 1.07 s of CPU and 296,000 page faults; with the version recorded, 0.34 s and
17,000. So each profile is given LibreOffice's own version as its last one, the only setting written.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from xml.sax.saxutils import escape

_VERSION = re.compile(r'<prop oor:name="ooSetupVersion">\s*<value>([^<]+)</value>')
_EMPTY = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
          'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
          '</oor:items>\n')
_LAST = ('<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">'
         '<value>{}</value></prop></item>\n')


@functools.lru_cache(maxsize=4)
def installed_version(soffice: str) -> str | None:
    """LibreOffice's version as its configuration states it («7.4»), or None where it cannot be read."""
    program = Path(soffice).resolve().parent
    for xcd in (program.parent / "share" / "registry" / "main.xcd",  # Linux, Windows
                program.parent / "Resources" / "registry" / "main.xcd"):  # macOS
        try:
            found = _VERSION.search(xcd.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        if found:
            return found[1].strip()
    return None


def skip_render_tests(profile: Path, soffice: str) -> None:
    """Record LibreOffice's version as already seen in ``profile`` (made or copied, not yet started on)."""
    version = installed_version(soffice)
    if version is None:
        return
    path = profile / "user" / "registrymodifications.xcu"
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else _EMPTY
        if "ooSetupLastVersion" in text or "</oor:items>" not in text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("</oor:items>", _LAST.format(escape(version)) + "</oor:items>"),
                        encoding="utf-8")
    except OSError:
        return  # only a saving: LibreOffice then draws its tests as it always did
