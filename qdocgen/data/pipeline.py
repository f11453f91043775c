"""The one validation pipeline: data files in, checked units out, every problem of every unit in one list.

Each unit is read (with inheritance and ``--set`` overrides), its dates parsed, checked against the
template's schema, its own Jinja values rendered, and the guide's rules on objectives applied. ``render``,
``batch`` and ``check-template`` all read their data through here, so they find the same problems.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from qdocgen.data import reader, rich, schema, values
from qdocgen.data.dated_checks import dated_warnings
from qdocgen.data.objectives import unit_warnings
from qdocgen.data.reader import Unit, display
from qdocgen.errors import DataError, OutputError, Problem

# Below this many units, starting worker processes costs more than reading the data in this one.
PARALLEL_PREPARE_FROM = 48
CHUNK_UNITS = 64  # units read per chunk: what waits in memory before going to the spool


class SchemaSource(Protocol):
    """What the pipeline needs of a template: its data schema (a ``TemplateInfo`` is one)."""

    @property
    def schema(self) -> dict[str, Any]:
        """The JSON schema the data must match."""


@dataclass(slots=True)
class PackedUnit:
    """A checked unit waiting to be rendered, its data packed (or, once spooled, its place in the spool)."""

    id: str
    order: int
    name: str
    warnings: list[Problem]
    packed: bytes
    where: tuple[int, int] = (0, 0)


class Spool:
    """Checked units' packed data kept in an unnamed temporary file until rendered: memory flat in the batch size.

    Only ever this batch's own bytes, read back by this process.
    """

    def __init__(self) -> None:
        """An empty spool (an unnamed file, gone when closed or when the process ends)."""
        try:
            self._file = tempfile.TemporaryFile(prefix="qdocgen-")
        except OSError as exc:
            from qdocgen.output import why

            raise OutputError(f"không ghi được tệp tạm của lô vào thư mục tạm của máy ({why(exc)}); chưa tệp nào "
                              "được ghi.") from exc

    def put(self, unit: PackedUnit) -> None:
        """Move ``unit``'s packed data into the spool."""
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(unit.packed)
        unit.where, unit.packed = (offset, len(unit.packed)), b""

    def get(self, unit: PackedUnit) -> bytes:
        """``unit``'s packed data."""
        self._file.seek(unit.where[0])
        return self._file.read(unit.where[1])

    def close(self) -> None:
        """Drop the spool."""
        self._file.close()


def unit_paths(folder: Path, only: Sequence[str] = ()) -> list[Path]:
    """The unit files of a dataset folder (``only``: just these ids); a missing folder or id is a DataError."""
    if not folder.is_dir():
        raise DataError([reader.not_a_dataset(folder)])
    paths = reader.unit_files(folder)
    if not paths:
        raise DataError([Problem(display(folder), "", "thư mục không có tệp đơn vị .yaml nào (tệp bắt đầu "
                                                      "bằng «_» là phần dùng chung, không phải đơn vị).")])
    known = {p.stem for p in paths}
    unknown = [i for i in only if i not in known]
    if unknown:
        raise DataError([Problem(display(folder), "--only", f"không có đơn vị «{i}».{_did_you_mean(i, known)} "
                                                           f"Các mã có: {', '.join(sorted(known))}.") for i in unknown])
    return [p for p in paths if p.stem in set(only)] if only else paths


def _did_you_mean(name: str, known: set[str]) -> str:
    """`` Có phải «...»?`` naming the unit id closest to a mistyped one, or nothing."""
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" Có phải «{close[0]}»?" if close else ""


def prepare(paths: Sequence[Path], info: SchemaSource, overrides: Sequence[str],
            strict: bool = False) -> tuple[list[Unit], list[Problem]]:
    """Read and check every unit; all problems of all units in one list (``strict``: warnings too)."""
    problems: list[Problem] = []
    units = list(iter_prepare(paths, info, overrides, problems, strict))
    return units, problems


def _check(unit: Unit, info: SchemaSource, problems: list[Problem]) -> None:
    """Dates, schema, the data's own Jinja, the guide's rules: each step only when the one before passed."""
    before = len(problems)
    values.parse_dates(unit, problems)
    schema.validate(unit, info.schema, problems, values.template_names(unit.data))
    if len(problems) == before:
        values.render_data_templates(unit, problems)
        rich.mark(unit, info.schema, problems)  # declared formatted text and pictures
        unit.warnings.extend(unit_warnings(unit))  # the guide: every objective measurable
        unit.warnings.extend(dated_warnings(unit))  # what the document's date makes outdated


def check_unit(unit: Unit, info: SchemaSource, problems: list[Problem]) -> None:
    """The checks ``prepare`` makes after reading, for data that is not (yet) a file: the web app's form."""
    _check(unit, info, problems)


def iter_prepare(paths: Sequence[Path], info: SchemaSource, overrides: Sequence[str], problems: list[Problem],
                 strict: bool = False) -> Iterator[Unit]:
    """Each unit read and checked, one at a time (a big batch need not hold them all); problems appended."""
    for path in paths:
        start = len(problems)
        unit = reader.read_unit(path, overrides, problems)
        problems[start:] = [replace(p, unit=p.unit or path.stem) for p in problems[start:]]
        if unit is None:
            continue
        _check(unit, info, problems)
        if strict:  # --strict: every warning is an error
            problems.extend(unit.warnings)
            unit.warnings = []
        problems[start:] = [replace(p, unit=p.unit or path.stem) for p in problems[start:]]
        unit.origins = {}  # only needed to place problems; a big batch should not keep them
        yield unit


def pack(data: Mapping[str, Any]) -> bytes:
    """A unit's data as compressed bytes: a tenth of its size in memory, and ready to send to a worker."""
    return zlib.compress(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> Mapping[str, Any]:
    """The data ``pack`` packed (only ever our own bytes, from this batch)."""
    data: Mapping[str, Any] = pickle.loads(zlib.decompress(packed))
    return data


def _unit_name(unit: Unit) -> str:
    """The unit's name for the manifest: its ``co_quan``, else its id."""
    name = unit.data.get("co_quan")
    return name if isinstance(name, str) and name else unit.id


def _prepare_chunk(paths: Sequence[Path], info: SchemaSource, overrides: Sequence[str],
                   strict: bool) -> tuple[list[PackedUnit], list[Problem]]:
    """Read and check some units; each kept packed until rendered (2,000 units cost megabytes, not hundreds)."""
    problems: list[Problem] = []
    units = [PackedUnit(u.id, u.order, _unit_name(u), u.warnings, pack(u.data))
             for u in iter_prepare(paths, info, overrides, problems, strict)]
    return units, problems


def prepare_packed(paths: Sequence[Path], info: SchemaSource, overrides: Sequence[str], strict: bool,
                   jobs: int, spool: Spool | None = None) -> tuple[list[PackedUnit], list[Problem]]:
    """Every unit read and checked before anything is rendered; a big batch reads in ``jobs`` processes.

    ``spool``: each unit's data goes there as soon as it is checked, so memory does not grow with the batch.
    """
    units: list[PackedUnit] = []
    problems: list[Problem] = []
    for chunk_units, chunk_problems in _prepared_chunks(paths, info, overrides, strict, jobs):
        if spool is not None:
            for unit in chunk_units:
                spool.put(unit)
        units += chunk_units
        problems += chunk_problems
    return units, problems


def _prepared_chunks(paths: Sequence[Path], info: SchemaSource, overrides: Sequence[str], strict: bool,
                     jobs: int) -> Iterator[tuple[list[PackedUnit], list[Problem]]]:
    """Units read and checked a chunk at a time, in the dataset's order (in ``jobs`` processes when worth it)."""
    size = CHUNK_UNITS if jobs <= 1 else max(1, min(CHUNK_UNITS, -(-len(paths) // (jobs * 4))))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    if jobs <= 1 or len(paths) < PARALLEL_PREPARE_FROM:
        for chunk in chunks:
            yield _prepare_chunk(chunk, info, overrides, strict)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        # map keeps the order of the chunks: the same problems, in the same order, as with one process.
        yield from pool.map(_prepare_chunk, chunks, [info] * len(chunks), [overrides] * len(chunks),
                            [strict] * len(chunks))
