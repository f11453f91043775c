"""Pictures named in the data: a PNG or JPEG file inside the dataset, with its printed size.

A picture field (declared ``x-kieu: anh``) holds a path relative to the dataset folder, or a mapping
``{tep: hinh/con-dau.png, rong: 3,5 cm}`` (``rong``/``cao`` in cm or mm; one given keeps the proportions).
The path is checked as ``ke_thua`` is: symlinks resolved, it must stay inside the dataset folder; the file
must be a PNG or JPEG by its content, within the size and pixel bounds of ``qdocgen.limits``.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qdocgen import limits

EMU_PER_MM = 36_000
MAX_MM = 500  # half a metre: no page holds more
DEFAULT_DPI = 96
TEXT_WIDTH_MM = 160  # a picture with no size given is at most the text's width
_SIZE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*(cm|mm)\s*$", re.IGNORECASE)
_SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}


class PictureError(ValueError):
    """A picture value that cannot be used; the message is Vietnamese and says what to do."""


@dataclass(frozen=True)
class Picture:
    """A checked picture: its bytes, kind (``png``/``jpeg``), pixel size and printed size in EMU."""

    data: bytes
    kind: str
    name: str
    pixels: tuple[int, int]
    width_emu: int
    height_emu: int

    @property
    def key(self) -> str:
        """What tells two pictures apart in one document: the content and the printed size."""
        digest = hashlib.sha256(self.data).hexdigest()[:16]
        return f"{digest}{self.width_emu:x}x{self.height_emu:x}"


def _png_size(data: bytes) -> tuple[int, int] | None:
    """The pixel size of a PNG, from its header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The pixel size of a JPEG, from its first frame header."""
    if data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return int(width), int(height)
        i += 2 + length
    return None


def sniff(data: bytes) -> tuple[str, tuple[int, int]] | None:
    """``("png"|"jpeg", (width, height))`` from the file's own bytes, or None for anything else."""
    for kind, reader in (("png", _png_size), ("jpeg", _jpeg_size)):
        size = reader(data)
        if size is not None:
            return kind, size
    return None


def parse_length(value: Any, what: str) -> int:
    """A length written ``3,5 cm`` or ``35 mm`` in EMU."""
    match = _SIZE.match(str(value)) if isinstance(value, (str, int, float)) else None
    if match is None or isinstance(value, bool):
        raise PictureError(f"{what} «{value}» cần ghi kèm đơn vị cm hoặc mm, ví dụ «3,5 cm» hay «35 mm».")
    mm = float(match.group(1).replace(",", ".")) * (10 if match.group(2).lower() == "cm" else 1)
    if not 0 < mm <= MAX_MM:
        raise PictureError(f"{what} «{value}» phải lớn hơn 0 và không quá {MAX_MM // 10} cm.")
    return round(mm * EMU_PER_MM)


def _printed_size(raw: Mapping[str, Any], pixels: tuple[int, int]) -> tuple[int, int]:
    """Width and height in EMU: as written, one from the other by the proportions, or the natural size."""
    width_px, height_px = pixels
    width = parse_length(raw["rong"], "rong") if raw.get("rong") not in (None, "") else None
    height = parse_length(raw["cao"], "cao") if raw.get("cao") not in (None, "") else None
    if width is None and height is None:
        width = min(round(width_px * 25.4 / DEFAULT_DPI * EMU_PER_MM), TEXT_WIDTH_MM * EMU_PER_MM)
    if width is None:
        width = round(height * width_px / height_px)  # type: ignore[operator]
    if height is None:
        height = round(width * height_px / width_px)
    return width, height


def _inside(root: Path, written: str) -> Path:
    """The file ``written`` names, refused when it is outside ``root`` (symlinks resolved) or missing."""
    target = (root / written).resolve()
    if not target.is_relative_to(root):
        raise PictureError(f"«{written}» nằm ngoài thư mục bộ dữ liệu {root}; chỉ dùng ảnh chép vào trong bộ "
                           "dữ liệu (ví dụ thư mục con «hinh/»).")
    if Path(written).suffix.lower() not in _SUFFIXES:
        raise PictureError(f"«{written}»: chỉ nhận ảnh PNG hoặc JPEG (đuôi .png, .jpg, .jpeg); hãy lưu ảnh sang "
                           "PNG hoặc JPEG.")
    if not target.is_file():
        raise PictureError(f"không tìm thấy tệp ảnh «{written}» trong thư mục bộ dữ liệu {root}; kiểm tra tên tệp "
                           "(đường dẫn tính từ thư mục bộ dữ liệu).")
    return target


def _read(target: Path, written: str) -> tuple[bytes, str, tuple[int, int]]:
    """The file's bytes and kind, within the bounds."""
    bound = limits.current()
    if target.stat().st_size > bound.image_mb * limits.MB:
        raise PictureError(f"ảnh «{written}» quá lớn ({limits.hint('image_mb')}); hãy thu nhỏ ảnh.")
    data = target.read_bytes()
    found = sniff(data)
    if found is None:
        raise PictureError(f"«{written}» không phải ảnh PNG hay JPEG (nội dung tệp không đúng); hãy lưu lại ảnh "
                           "dạng PNG hoặc JPEG.")
    kind, (width, height) = found
    if width <= 0 or height <= 0 or width * height > bound.image_megapixels * 1_000_000:
        raise PictureError(f"ảnh «{written}» có {width}×{height} điểm ảnh, ngoài giới hạn "
                           f"({limits.hint('image_megapixels')}); hãy thu nhỏ ảnh.")
    return data, kind, (width, height)


def load(value: Any, root: Path) -> Picture:
    """The picture ``value`` names (a path, or ``{tep, rong, cao}``), read from inside ``root``."""
    raw: Mapping[str, Any] = value if isinstance(value, Mapping) else {"tep": value}
    written = raw.get("tep")
    if not isinstance(written, str) or not written.strip():
        raise PictureError("cần đường dẫn tệp ảnh trong bộ dữ liệu, ví dụ «hinh/con-dau.png», hoặc "
                           "{tep: hinh/con-dau.png, rong: 3,5 cm}.")
    unknown = sorted(set(raw) - {"tep", "rong", "cao"})
    if unknown:
        raise PictureError(f"không dùng khóa «{unknown[0]}»; một ảnh chỉ có tep, rong, cao.")
    written = written.strip()
    data, kind, pixels = _read(_inside(root.resolve(), written), written)
    width, height = _printed_size(raw, pixels)
    return Picture(data, kind, Path(written).name, pixels, width, height)
