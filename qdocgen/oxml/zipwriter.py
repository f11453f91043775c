"""Writing a .docx package fast: parts no tag touches are compressed once and their bytes reused.

``zipfile`` can only add a part by compressing it again; for a template whose styles alone are 800 kB that
is most of the cost of a document. Here the untouched parts' deflated bytes and CRCs are computed once per
template, and each document only deflates its rendered parts, then the archive is laid out by hand
(local headers, data, central directory), which is all a ZIP file is.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DEFLATED = 8
_VERSION = 20  # 2.0: deflate
_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class _Entry:
    name: bytes
    flags: int
    dos_time: int
    dos_date: int
    crc: int
    size: int
    data: bytes  # deflated


def _deflate(raw: bytes) -> bytes:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(raw) + compressor.flush()


def _entry(name: str, date_time: tuple[int, int, int, int, int, int], raw: bytes) -> _Entry:
    encoded = name.encode("utf-8")
    flags = 0 if name.isascii() else _UTF8_FLAG
    y, mo, d, h, mi, s = date_time
    return _Entry(encoded, flags, (h << 11) | (mi << 5) | (s // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d,
                  zlib.crc32(raw), len(raw), _deflate(raw))


class PackageWriter:
    """The parts of one template in order; ``build`` makes a package with some parts replaced."""

    def __init__(self, parts: Iterable[tuple[str, tuple[int, int, int, int, int, int], bytes]],
                 replaced: Iterable[str] = ()) -> None:
        """Keep each part's name and zip header fields; compress once every part not in ``replaced``."""
        self._order: list[tuple[str, tuple[int, int, int, int, int, int]]] = []
        self._fixed: dict[str, _Entry] = {}
        skip = set(replaced)
        for name, date_time, raw in parts:
            self._order.append((name, date_time))
            if name not in skip:
                self._fixed[name] = _entry(name, date_time, raw)

    def build(self, rendered: Mapping[str, bytes]) -> bytes:
        """The package bytes, with ``rendered`` parts deflated now and the others copied.

        A part in ``rendered`` the template lacks (a picture from the data) is added after the others.
        """
        chunks: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        known = {name for name, _ in self._order}
        stamp = self._order[0][1] if self._order else (1980, 1, 1, 0, 0, 0)
        added = [(name, stamp) for name in sorted(rendered) if name not in known]
        for name, date_time in self._order + added:
            entry = self._fixed.get(name)
            if entry is None or name in rendered:
                entry = _entry(name, date_time, rendered[name])
            header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, entry.flags, _DEFLATED, entry.dos_time,
                                 entry.dos_date, entry.crc, len(entry.data), entry.size, len(entry.name), 0)
            central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, 0, _VERSION, 0, entry.flags, _DEFLATED,
                                         entry.dos_time, entry.dos_date, entry.crc, len(entry.data), entry.size,
                                         len(entry.name), 0, 0, 0, 0, 0, offset) + entry.name)
            chunks += (header, entry.name, entry.data)
            offset += len(header) + len(entry.name) + len(entry.data)
        directory = b"".join(central)
        end = _END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), offset, 0)
        return b"".join(chunks) + directory + end
