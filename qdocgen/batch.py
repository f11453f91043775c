"""Rendering units to files: one data file, or a whole dataset folder in one go.

All data is read and checked before anything is rendered, and every problem is reported at once. A unit
whose data is wrong gets no file; the others are still written. A batch compiles the template once (per
process), renders units in parallel when asked, records every unit in a manifest beside the outputs, can
resume where an earlier run stopped, and can gather all outputs into one print file and one zip.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from qdocgen import manifest
from qdocgen.data import reader as data_mod
from qdocgen.data import schema
from qdocgen.data.objectives import unit_warnings
from qdocgen.data.reader import Unit, display
from qdocgen.errors import DataError, OutputError, Problem
from qdocgen.output import check_folder_writable, check_writable, inside, write_atomic
from qdocgen.template.registry import TemplateInfo, find_template

if TYPE_CHECKING:
    from qdocgen.lint.rules import Finding

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each unit of a batch."""

_SAVE_EVERY = 2.0  # seconds between manifest saves, so a killed batch can still be resumed


@dataclass
class Report:
    """What a run did: files written, kept and skipped, units failed, warnings (grouped for the user)."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    entries: list[manifest.Entry] = field(default_factory=list)
    manifest_files: list[Path] = field(default_factory=list)
    combined: Path | None = None
    zipped: Path | None = None
    pdfs: list[Path] = field(default_factory=list)
    pdf_failed: dict[str, str] = field(default_factory=dict)
    lint: dict[str, list[Finding]] = field(default_factory=dict)  # layout findings per unit id

    def warning_lines(self) -> list[str]:
        """Warnings with the same key and message merged into one line listing their units."""
        groups: dict[tuple[str, str], list[str]] = {}
        for w in self.warnings:
            groups.setdefault((w.key, w.message), []).append(w.unit or w.file)
        lines = []
        for (key, message), units in groups.items():
            lines.append(f"{len(units)} đơn vị [{key}]: {message}: {', '.join(units)}" if len(units) > 1
                         else f"{units[0]} [{key}]: {message}")
        return lines


def prepare(paths: Sequence[Path], info: TemplateInfo, overrides: Sequence[str],
            strict: bool = False) -> tuple[list[Unit], list[Problem]]:
    """Read and check every unit; all problems of all units in one list (``strict``: warnings too)."""
    problems: list[Problem] = []
    units = list(iter_prepare(paths, info, overrides, problems, strict))
    return units, problems


def iter_prepare(paths: Sequence[Path], info: TemplateInfo, overrides: Sequence[str], problems: list[Problem],
                 strict: bool = False) -> Iterator[Unit]:
    """Each unit read and checked, one at a time (a big batch need not hold them all); problems appended."""
    for path in paths:
        start = len(problems)
        unit = data_mod.read_unit(path, overrides, problems)
        problems[start:] = [replace(p, unit=p.unit or path.stem) for p in problems[start:]]
        if unit is None:
            continue
        before = len(problems)
        data_mod.parse_dates(unit, problems)
        schema.validate(unit, info.schema, problems, data_mod.template_names(unit.data))
        if len(problems) == before:
            data_mod.render_data_templates(unit, problems)
            unit.warnings.extend(unit_warnings(unit))  # the guide: every objective measurable
        if strict:  # --strict: every warning is an error
            problems.extend(unit.warnings)
            unit.warnings = []
        problems[start:] = [replace(p, unit=p.unit or path.stem) for p in problems[start:]]
        unit.origins = {}  # only needed to place problems; a big batch should not keep them
        yield unit


def render_file(data_path: Path, output: Path | None, template: str | Path | None = None,
                overrides: Sequence[str] = (), force: bool = False, *, pdf: bool = False,
                strict: bool = False, templates_dirs: Sequence[str | Path] = ()) -> Report:
    """Render one data file to one .docx (default: the data file's name, with .docx); ``pdf``: a PDF beside it."""
    from qdocgen.runner import Renderer

    if pdf:
        _require_pdf()
    info = find_template(template, templates_dirs)
    output = output or data_path.with_suffix(".docx")
    check_writable(output, force)
    units, problems = prepare([data_path], info, overrides, strict)
    if problems or not units:
        raise DataError(problems)
    write_atomic(output, Renderer.load(info.path).render(units[0].data), force)
    report = Report(written=[output], warnings=list(units[0].warnings))
    return _add_pdfs(report, force) if pdf else report


def _unit_paths(folder: Path, only: Sequence[str]) -> list[Path]:
    if not folder.is_dir():
        raise DataError([Problem(display(folder), "", "không phải một thư mục bộ dữ liệu; cần thư mục chứa "
                                                      "các tệp .yaml của từng đơn vị.")])
    paths = data_mod.unit_files(folder)
    if not paths:
        raise DataError([Problem(display(folder), "", "thư mục không có tệp đơn vị .yaml nào (tệp bắt đầu "
                                                      "bằng «_» là phần dùng chung, không phải đơn vị).")])
    known = {p.stem for p in paths}
    unknown = [i for i in only if i not in known]
    if unknown:
        raise DataError([Problem(display(folder), "--only", f"không có đơn vị «{i}»; các mã có: "
                                                           f"{', '.join(sorted(known))}.") for i in unknown])
    return [p for p in paths if p.stem in set(only)] if only else paths


@dataclass
class _Pending:
    """A checked unit waiting to be rendered, its data packed."""

    id: str
    order: int
    name: str
    warnings: list[Problem]
    packed: bytes


def _unit_name(unit: Unit) -> str:
    name = unit.data.get("co_quan")
    return name if isinstance(name, str) and name else unit.id


# Below this many units, starting worker processes costs more than reading the data in this one.
PARALLEL_PREPARE_FROM = 48


def _prepare_chunk(paths: Sequence[Path], info: TemplateInfo, overrides: Sequence[str],
                   strict: bool) -> tuple[list[_Pending], list[Problem]]:
    """Read and check some units; each kept packed until rendered (2,000 units cost megabytes, not hundreds)."""
    from qdocgen.runner import pack

    problems: list[Problem] = []
    units = [_Pending(u.id, u.order, _unit_name(u), u.warnings, pack(u.data))
             for u in iter_prepare(paths, info, overrides, problems, strict)]
    return units, problems


def _prepare_all(paths: Sequence[Path], info: TemplateInfo, overrides: Sequence[str], strict: bool,
                 jobs: int) -> tuple[list[_Pending], list[Problem]]:
    """Every unit read and checked before anything is rendered; a big batch reads in ``jobs`` processes."""
    if jobs <= 1 or len(paths) < PARALLEL_PREPARE_FROM:
        return _prepare_chunk(paths, info, overrides, strict)
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(paths) // (jobs * 4))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    units: list[_Pending] = []
    problems: list[Problem] = []
    with ProcessPoolExecutor(jobs) as pool:
        # map keeps the order of the chunks: the same problems, in the same order, as with one process.
        for chunk_units, chunk_problems in pool.map(_prepare_chunk, chunks, [info] * len(chunks),
                                                    [overrides] * len(chunks), [strict] * len(chunks)):
            units += chunk_units
            problems += chunk_problems
    return units, problems


_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8,12}\.tmp$")


def clean_temporaries(out_dir: Path, names: Collection[str]) -> None:
    """Remove half-written temporary files a killed earlier run left behind (never a finished output).

    Only qdocgen's own: ``.NAME.RANDOM.tmp`` for a NAME this run writes; a user's other ``.*.tmp`` stay.
    """
    if not out_dir.is_dir():
        return
    try:
        for stale in out_dir.glob(".*.tmp"):
            m = _TEMPORARY.match(stale.name)
            if m and m.group("name") in names and not stale.is_symlink():
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder has no temporaries of ours to remove


def render_batch(folder: Path, out_dir: Path, template: str | Path | None = None, only: Sequence[str] = (),
                 overrides: Sequence[str] = (), force: bool = False, jobs: int = 1, resume: bool = False,
                 combine: Path | None = None, zip_path: Path | None = None,
                 progress: Progress | None = None, *, pdf: bool = False, strict: bool = False,
                 lint: bool = True, templates_dirs: Sequence[str | Path] = ()) -> Report:
    """Render every unit of a dataset folder into ``out_dir``, one .docx per unit named from its id.

    ``jobs`` processes render in parallel (the files are the same for any number); ``resume`` keeps files
    that match the earlier manifest and redoes the rest; ``combine`` and ``zip_path`` also write one print
    document and one archive of the outputs and the manifest. ``pdf``: a PDF beside each .docx written, all
    converted in as few LibreOffice starts as possible; failures per file in the report and the manifest.
    """
    if pdf:
        _require_pdf()
    from qdocgen.runner import Job, Renderer, run_jobs

    paths = _unit_paths(folder, only)
    info = find_template(template, templates_dirs)
    _check_extras(out_dir, [p.stem for p in paths], combine, zip_path, force)
    units, problems = _prepare_all(paths, info, overrides, strict, jobs)
    bad = {p.unit for p in problems}
    if problems and len(bad) >= len(paths):
        raise DataError(problems)
    renderer = Renderer.load(info.path)  # template errors surface here, before any file is written
    report = Report()
    entries: dict[str, manifest.Entry] = {}
    for problem in problems:
        uid = problem.unit or problem.file
        report.failed[uid] = "\n".join(filter(None, [report.failed.get(uid, ""), str(problem)]))
    prefailed = [p.stem for p in paths if p.stem in report.failed]
    for uid in prefailed:
        entries[uid] = manifest.Entry(uid, uid, loi=report.failed[uid])
    earlier = manifest.read(out_dir) if resume else {}
    todo: list[Job] = []
    for unit in sorted(units, key=lambda u: (u.order, u.id)):
        if unit.id in bad:
            continue
        try:
            target = inside(out_dir, f"{unit.id}.docx")
        except OutputError as exc:  # one unit's unsafe name (a symlink in the folder) costs only that unit
            report.failed[unit.id] = exc.message
            entries[unit.id] = manifest.Entry(unit.id, unit.name, loi=exc.message)
            prefailed.append(unit.id)
            continue
        report.warnings.extend(unit.warnings)
        entries[unit.id] = manifest.Entry(unit.id, unit.name, tep=target.name,
                                          canh_bao=[str(w) for w in unit.warnings])
        known = earlier.get(unit.id)
        todo.append(Job(unit.id, unit.packed, target, force, resume,
                        known.sha256 if known and known.trang_thai in (manifest.WRITTEN, manifest.KEPT) else "",
                        lint))
    del units
    check_folder_writable(out_dir)
    ids = [*prefailed, *(j.unit_id for j in todo)]
    ours = {f"{uid}{ext}" for uid in ids for ext in (".docx", ".pdf")} | {manifest.JSON_NAME, manifest.CSV_NAME}
    clean_temporaries(out_dir, ours)
    order = prefailed + [j.unit_id for j in todo]
    done = list(prefailed)

    def save() -> None:
        report.manifest_files = manifest.write(out_dir, [entries[i] for i in done], info.name)

    total, last_save = len(todo), time.monotonic()
    try:
        for count, outcome in enumerate(run_jobs(todo, info.path, jobs, renderer), 1):
            entry = entries[outcome.unit_id]
            entry.trang_thai, entry.sha256, entry.loi = outcome.status, outcome.sha256, outcome.error
            target = out_dir / entry.tep
            if outcome.status == manifest.WRITTEN:
                report.written.append(target)
            elif outcome.status == manifest.KEPT:
                report.kept.append(target)
            elif outcome.status == manifest.SKIPPED:
                report.skipped.append(target)
            else:
                report.failed[outcome.unit_id] = outcome.error
            if outcome.status in (manifest.WRITTEN, manifest.KEPT) and lint:
                # the outputs checked against the NĐ30 layout rules (qdocgen lint), in the workers
                report.lint[outcome.unit_id] = list(outcome.findings)
            done.append(outcome.unit_id)
            if progress is not None:
                progress(count, total)
            if time.monotonic() - last_save > _SAVE_EVERY:
                save()
                last_save = time.monotonic()
    finally:
        # Also on Ctrl-C: what was finished is recorded, and no temporary file stays behind.
        clean_temporaries(out_dir, ours)
        save()
    report.entries = [entries[i] for i in order]
    if pdf:
        _add_pdfs(report, force)
        for entry in report.entries:
            if entry.tep and str(out_dir / entry.tep) in report.pdf_failed:
                entry.pdf = f"lỗi: {report.pdf_failed[str(out_dir / entry.tep)]}"
            elif entry.tep and out_dir / Path(entry.tep).with_suffix(".pdf") in report.pdfs:
                entry.pdf = str(Path(entry.tep).with_suffix(".pdf"))
        save()
    # Steps that add to each unit's record (PDF, lint) go above this line.
    report.manifest_files = manifest.write(out_dir, _with_extras(report), info.name)
    files = [out_dir / e.tep for e in report.entries if e.tep and e.trang_thai != manifest.FAILED]
    if combine is not None:
        from qdocgen.combine import combine_documents

        write_atomic(combine, combine_documents(files), force)
        report.combined = combine
    if zip_path is not None:
        from qdocgen.combine import zip_outputs

        write_atomic(zip_path, zip_outputs(files + report.manifest_files), force)
        report.zipped = zip_path
    return report


def _check_extras(out_dir: Path, ids: Sequence[str], combine: Path | None, zip_path: Path | None,
                  force: bool) -> None:
    """``--combine``/``--zip`` may not be written over a unit's output, the manifest, or each other."""
    taken = {(out_dir / f"{i}.docx").resolve() for i in ids}
    taken |= {(out_dir / manifest.JSON_NAME).resolve(), (out_dir / manifest.CSV_NAME).resolve()}
    for extra in (combine, zip_path):
        if extra is None:
            continue
        if extra.resolve() in taken:
            raise OutputError(f"{extra}: trùng với một tệp lô này ghi (văn bản của một đơn vị hoặc manifest); "
                              "hãy chọn tên khác cho --combine/--zip.")
        taken.add(extra.resolve())
        check_writable(extra, force)


def _with_extras(report: Report) -> list[manifest.Entry]:
    """The manifest entries with each unit's lint findings, when that step ran (PDFs are recorded above)."""
    for entry in report.entries:
        found = report.lint.get(entry.ma_don_vi)
        if found:
            entry.kiem_tra = [str(f) for f in found]
    return report.entries


def _require_pdf() -> None:
    """Fail before anything is written when LibreOffice is missing (PdfError says how to install it)."""
    from qdocgen.pdf import find_soffice

    find_soffice()


def _add_pdfs(report: Report, force: bool) -> Report:
    """Convert the files written to PDF, beside them; failures per file, font warnings once."""
    from qdocgen.pdf import convert

    if not report.written:
        return report
    converted = convert(report.written, force=force)
    report.pdfs.extend(converted.converted.values())
    report.pdf_failed.update({str(docx): reason for docx, reason in converted.failed.items()})
    report.warnings.extend(Problem("LibreOffice", "PDF", message) for message in converted.warnings)
    return report
