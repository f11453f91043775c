"""The batch manifest: one record per unit (output file, SHA-256, status, warnings or error), as JSON and CSV.

It is written next to the outputs, atomically, and read back by ``--resume`` to know which files are done.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from qdocgen.output import write_atomic_chunks

JSON_NAME = "manifest.json"
CSV_NAME = "manifest.csv"



class Status(StrEnum):
    """What became of a unit; the value is the word the manifest records."""

    WRITTEN = "da_ghi"        # written by this run
    KEPT = "giu_nguyen"       # --resume: the file on disk is the one the manifest records
    SKIPPED = "bo_qua"        # a file was there already and was not overwritten (no --force)
    FAILED = "loi"            # no file: the unit's data or its rendering failed


WRITTEN, KEPT, SKIPPED, FAILED = Status.WRITTEN, Status.KEPT, Status.SKIPPED, Status.FAILED

_CSV_FIELDS = ("ma_don_vi", "ten_don_vi", "tep", "sha256", "trang_thai", "canh_bao", "loi", "pdf", "kiem_tra",
               "pdf_a")
# manifest.csv is read by people in Excel: column names and statuses in Vietnamese with diacritics.
_CSV_HEADERS = ("Mã đơn vị", "Tên đơn vị", "Tệp", "Mã SHA-256", "Trạng thái", "Cảnh báo", "Lỗi", "PDF",
                "Kiểm tra thể thức", "Kiểm tra PDF/A")
_STATUS_WORDS = {"da_ghi": "đã ghi", "giu_nguyen": "giữ nguyên", "bo_qua": "bỏ qua", "loi": "lỗi"}


@dataclass(slots=True)
class Entry:
    """One unit's line in the manifest."""

    ma_don_vi: str
    ten_don_vi: str
    tep: str = ""
    sha256: str = ""
    trang_thai: str = FAILED
    canh_bao: list[str] = field(default_factory=list)
    loi: str = ""
    pdf: str = ""
    kiem_tra: list[str] = field(default_factory=list)
    pdf_a: str = ""  # the PDF's check: PDF/A-2b verdict, fonts carried (stand-in said), signature fields


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def to_json(entries: Iterable[Entry], template: str) -> bytes:
    """The manifest as UTF-8 JSON (Vietnamese kept readable, not escaped)."""
    return b"".join(_json_chunks(entries, template))


def _json_chunks(entries: Iterable[Entry], template: str) -> Iterator[bytes]:
    """The bytes of :func:`to_json` an entry at a time (the same bytes as one ``json.dumps`` with indent 2)."""
    head = json.dumps({"phien_ban": 1, "mau": template}, ensure_ascii=False, indent=2)
    yield (head[:-2] + ',\n  "don_vi": [').encode("utf-8")
    first = True
    for entry in entries:
        text = json.dumps(asdict(entry), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield (("\n    " if first else ",\n    ") + text).encode("utf-8")
        first = False
    yield b"]\n}\n" if first else b"\n  ]\n}\n"


def to_csv(entries: Iterable[Entry]) -> bytes:
    """The manifest as CSV with a BOM, so Excel opens the Vietnamese text correctly."""
    return b"".join(_csv_chunks(entries))


def _csv_chunks(entries: Iterable[Entry]) -> Iterator[bytes]:
    """The bytes of :func:`to_csv` a row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_CSV_HEADERS)
    yield ("\ufeff" + buffer.getvalue()).encode("utf-8")
    for e in entries:
        buffer.seek(0)
        buffer.truncate()
        row = asdict(e)
        row["trang_thai"] = _STATUS_WORDS.get(str(row["trang_thai"]), row["trang_thai"])
        writer.writerow(["; ".join(row[f]) if isinstance(row[f], list) else row[f] for f in _CSV_FIELDS])
        yield buffer.getvalue().encode("utf-8")


def write(out_dir: Path, entries: list[Entry], template: str) -> list[Path]:
    """Write ``manifest.json`` and ``manifest.csv`` into ``out_dir`` atomically; their paths."""
    paths = [out_dir / JSON_NAME, out_dir / CSV_NAME]
    # Written a record at a time: a batch of 10,000 units does not hold its whole manifest twice over.
    write_atomic_chunks(paths[0], _json_chunks(entries, template))
    write_atomic_chunks(paths[1], _csv_chunks(entries))
    return paths


def read(out_dir: Path) -> dict[str, Entry]:
    """The entries of an earlier run by unit id; empty when there is no readable manifest."""
    path = out_dir / JSON_NAME
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
        records = document["don_vi"]
        names = set(Entry.__dataclass_fields__)
        entries = [Entry(**{k: v for k, v in r.items() if k in names}) for r in records]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}  # a damaged manifest is as good as none: --resume redoes what it cannot prove done
    # Only well-typed records count; a damaged one means the unit is redone.
    return {e.ma_don_vi: e for e in entries if isinstance(e.ma_don_vi, str) and isinstance(e.sha256, str)
            and isinstance(e.trang_thai, str)}
