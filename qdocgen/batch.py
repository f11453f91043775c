"""Rendering units to files: one data file, or a whole dataset folder in one go.

All data is read and checked before anything is rendered, and every problem is reported at once. A unit
whose data is wrong gets no file; the others are still written. A batch compiles the template once (per
process), renders units in parallel when asked, records every unit in a manifest beside the outputs, can
resume where an earlier run stopped, and can gather all outputs into one print file and one zip.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from qdocgen import manifest
from qdocgen.data.pipeline import PackedUnit, Spool, prepare, prepare_packed, unit_paths
from qdocgen.data.review_list import REVIEW_NAME, open_items
from qdocgen.errors import DataError, OutputError, Problem, UsageError
from qdocgen.output import check_folder_writable, check_writable, inside, write_atomic
from qdocgen.run_report import Report as Report
from qdocgen.run_report import Said as Said
from qdocgen.staging import clean_temporaries as clean_temporaries
from qdocgen.staging import own_names
from qdocgen.template.registry import find_template

if TYPE_CHECKING:
    from qdocgen.runner import Job, Outcome, Renderer
    from qdocgen.staging import Group

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each unit of a batch."""

_SAVE_EVERY = 2.0  # seconds between manifest saves, so a killed batch can still be resumed
_SAVE_SHARE = 20  # and at least this many times as long as the last save took


def render_file(data_path: Path, output: Path | None, template: str | Path | None = None,
                overrides: Sequence[str] = (), force: bool = False, *, pdf: bool = False,
                strict: bool = False, templates_dirs: Sequence[str | Path] = (),
                signature_fields: bool = False) -> Report:
    """Render one data file to one .docx (default: the data file's name, with .docx); ``pdf``: a PDF beside it.

    ``signature_fields``: the PDF gets empty signature fields where NĐ30 puts the signatures.
    """
    from qdocgen.runner import Renderer

    if pdf:
        _require_pdf(signature_fields)
    info = find_template(template, templates_dirs)
    # Not beside the data: a clerk's data folder holds data; the document goes where the command runs.
    output = output or Path(data_path.stem + ".docx")
    if output.is_dir() or not output.exists():
        check_writable(output, force)
    units, problems = prepare([data_path], info, overrides, strict)
    if problems or not units:
        raise DataError(problems)
    data = Renderer.load(info.path).render(units[0].data)
    if not force and output.is_file() and manifest.sha256_file(output) == hashlib.sha256(data).hexdigest():
        return Report(kept=[output], warnings=list(units[0].warnings))  # a re-run: the file is already this
    write_atomic(output, data, force)
    report = Report(written=[output], warnings=list(units[0].warnings))
    name = units[0].data.get("co_quan")
    authors = {output: name} if isinstance(name, str) else {}
    return _add_pdfs(report, force, authors, signature_fields) if pdf else report


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch: every option of ``qdocgen batch`` in one object.

    ``jobs`` processes render in parallel (the files are the same for any number); ``resume`` keeps files
    that match the earlier manifest and redoes the rest; ``combine`` and ``zip_path`` also write one print
    document and one archive of the outputs and the manifest. ``pdf``: a PDF beside each .docx written, all
    converted in as few LibreOffice starts as possible (one per core) and checked against PDF/A-2b; failures
    and checks per file in the report and the manifest. ``signature_fields``: each PDF gets empty signature
    fields where NĐ30 puts them. ``lint``: each file written is checked against the NĐ30 layout rules.
    ``trang`` (with ``pdf``): the rules of the page as printed run on each PDF made, their findings recorded
    with the other layout findings.
    """

    template: str | Path | None = None
    only: Sequence[str] = ()
    overrides: Sequence[str] = ()
    force: bool = False
    jobs: int = 1
    resume: bool = False
    combine: Path | None = None
    zip_path: Path | None = None
    progress: Progress | None = None
    pdf: bool = False
    signature_fields: bool = False
    strict: bool = False
    lint: bool = True
    templates_dirs: Sequence[str | Path] = ()
    trang: bool = False


@dataclass
class _Run:
    """One batch under way: the report being filled, the manifest entries, the order they were decided in."""

    out_dir: Path
    template: str
    report: Report = field(default_factory=Report)
    entries: dict[str, manifest.Entry] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)

    def save(self) -> None:
        """Write the manifest of the units done so far."""
        self.report.manifest_files = manifest.write(self.out_dir, [self.entries[i] for i in self.done],
                                                    self.template)

    def fail_unchecked(self, problems: list[Problem], paths: Sequence[Path]) -> list[str]:
        """Record the units whose data is wrong; their ids, in file order."""
        for problem in problems:
            uid = problem.unit or problem.file
            self.report.failed[uid] = "\n".join(filter(None, [self.report.failed.get(uid, ""), str(problem)]))
        prefailed = [p.stem for p in paths if p.stem in self.report.failed]
        for uid in prefailed:
            self.entries[uid] = manifest.Entry(uid, uid, loi=self.report.failed[uid])
        self.done = list(prefailed)
        return prefailed

    def record(self, outcome: Outcome, lint: bool) -> None:
        """Record what became of one unit."""
        entry = self.entries[outcome.unit_id]
        entry.trang_thai, entry.sha256, entry.loi = outcome.status, outcome.sha256, outcome.error
        target = self.out_dir / entry.tep
        lists = {manifest.Status.WRITTEN: self.report.written, manifest.Status.KEPT: self.report.kept,
                 manifest.Status.SKIPPED: self.report.skipped}
        if outcome.status in lists:
            lists[outcome.status].append(target)
            if outcome.status == manifest.Status.SKIPPED and outcome.error:
                self.report.skip_reasons[target] = outcome.error
        else:
            self.report.failed[outcome.unit_id] = outcome.error
        if outcome.status in (manifest.Status.WRITTEN, manifest.Status.KEPT) and lint:
            # the outputs checked against the NĐ30 layout rules (qdocgen lint), in the workers
            self.report.lint[outcome.unit_id] = list(outcome.findings)
        self.done.append(outcome.unit_id)

    def stage(self, outcome: Outcome, group: Group, pending: dict[str, Outcome], force: bool) -> None:
        """Hold a staged output for its group's commit: recorded only once it is on disk for good."""
        from qdocgen.staging import Staged

        pending[outcome.unit_id] = outcome
        group.add(Staged(outcome.unit_id, Path(outcome.staged), self.out_dir / self.entries[outcome.unit_id].tep,
                         force))

    def commit(self, group: Group, pending: dict[str, Outcome], lint: bool) -> None:
        """Flush the group's files once, name them, and record what became of each."""
        from qdocgen.runner import Outcome

        for done in group.commit():
            outcome = pending.pop(done.staged.unit_id)
            if done.error:
                outcome = Outcome(outcome.unit_id, manifest.Status.FAILED, error=done.error)
            elif done.exists:  # the file appeared meanwhile: never replaced without --force
                outcome = Outcome(outcome.unit_id, manifest.Status.SKIPPED, manifest.sha256_file(done.staged.target))
            self.record(outcome, lint)


Planned = tuple[PackedUnit, str]
"""A unit to render (its data in the spool), and the hash an earlier run's manifest records for its file."""


def _jobs(run: _Run, units: list[PackedUnit], bad: set[str | None], options: BatchOptions,
          prefailed: list[str]) -> deque[Planned]:
    """The units to render, in the dataset's order; each manifest entry made (unsafe names: ``prefailed``)."""
    earlier = manifest.read(run.out_dir) if options.resume else {}
    todo: deque[Planned] = deque()
    for unit in sorted(units, key=lambda u: (u.order, u.id)):
        if unit.id in bad:
            continue
        try:
            target = inside(run.out_dir, f"{unit.id}.docx")
        except OutputError as exc:  # one unit's unsafe name (a symlink in the folder) costs only that unit
            run.report.failed[unit.id] = exc.message
            run.entries[unit.id] = manifest.Entry(unit.id, unit.name, loi=exc.message)
            run.done.append(unit.id)
            prefailed.append(unit.id)
            continue
        run.report.warnings.extend(unit.warnings)
        run.entries[unit.id] = manifest.Entry(unit.id, unit.name, tep=target.name,
                                              canh_bao=[str(w) for w in unit.warnings])
        known = earlier.get(unit.id)
        done_before = known and known.trang_thai in (manifest.Status.WRITTEN, manifest.Status.KEPT)
        todo.append((unit, known.sha256 if known and done_before else ""))
    return todo


def _loaded(todo: deque[Planned], spool: Spool, out_dir: Path, options: BatchOptions) -> Iterator[Job]:
    """The jobs, their data read back from the spool, one at a time; each unit let go once given."""
    from qdocgen.runner import Job

    while todo:
        unit, known_sha = todo.popleft()
        yield Job(unit.id, spool.get(unit), out_dir / f"{unit.id}.docx", options.force, options.resume, known_sha,
                  options.lint, staged=True)


def _render_all(run: _Run, todo: deque[Planned], spool: Spool, template: Path, renderer: Renderer,
                options: BatchOptions) -> None:
    """Render the jobs; the manifest saved now and then, and at the end even on Ctrl-C.

    Outputs are made durable a group at a time (:mod:`qdocgen.staging`): the manifest records a file as
    written only after its group was flushed to disk and named.
    """
    from qdocgen.runner import run_jobs
    from qdocgen.staging import Group

    check_folder_writable(run.out_dir)  # read-only, no permission, full disk: said once, before any work
    ours = own_names(list(run.done) + [unit.id for unit, _sha in todo])
    clean_temporaries(run.out_dir, ours)
    total, last_save, save_cost = len(todo), time.monotonic(), 0.0
    group, pending = Group(run.out_dir), dict[str, 'Outcome']()
    try:
        jobs = _loaded(todo, spool, run.out_dir, options)
        for count, outcome in enumerate(run_jobs(jobs, template, options.jobs, renderer, total), 1):
            if outcome.staged:
                run.stage(outcome, group, pending, options.force)
            else:
                run.record(outcome, options.lint)
            if group.due():
                run.commit(group, pending, options.lint)
            if options.progress is not None:
                options.progress(count, total)
            # A big batch's manifest takes longer to write: saved less often, so that saving stays a small share.
            if time.monotonic() - last_save > max(_SAVE_EVERY, _SAVE_SHARE * save_cost):
                started = time.monotonic()
                run.save()
                last_save = time.monotonic()
                save_cost = last_save - started
    finally:
        # Also on Ctrl-C: what was finished is named and recorded, and no temporary file stays behind.
        run.commit(group, pending, options.lint)
        clean_temporaries(run.out_dir, ours)
        run.save()


def _batch_pdfs(run: _Run, force: bool, signature_fields: bool = False) -> None:
    """PDFs of the files written; each entry records its PDF or why there is none, and the PDF's check."""
    report, out_dir = run.report, run.out_dir
    authors = {out_dir / e.tep: e.ten_don_vi for e in report.entries if e.tep}  # the issuing body (co_quan)
    _add_pdfs(report, force, authors, signature_fields)
    for entry in report.entries:
        if entry.tep and str(out_dir / entry.tep) in report.pdf_failed:
            entry.pdf = f"lỗi: {report.pdf_failed[str(out_dir / entry.tep)]}"
        elif entry.tep and out_dir / Path(entry.tep).with_suffix(".pdf") in report.pdfs:
            entry.pdf = str(Path(entry.tep).with_suffix(".pdf"))
        entry.pdf_a = report.pdf_checks.get(str(out_dir / entry.tep), "") if entry.tep else ""
    run.save()


def _check_pages(run: _Run) -> None:
    """The page rules on each PDF made (``--trang``), added to the unit's layout findings."""
    from qdocgen.pagecheck import check_pdfs

    out_dir = run.out_dir
    units = {out_dir / e.tep: e.ma_don_vi for e in run.report.entries
             if e.tep and e.pdf and out_dir / e.pdf in run.report.pdfs}
    pdfs = {docx: docx.with_suffix(".pdf") for docx in units}
    for docx, found in check_pdfs(pdfs).items():
        if found:
            run.report.lint.setdefault(units[docx], []).extend(found)


def _extras(report: Report, out_dir: Path, options: BatchOptions) -> None:
    """The print file (``--combine``) and the archive (``--zip``) of the files written."""
    files = [out_dir / e.tep for e in report.entries if e.tep and e.trang_thai != manifest.Status.FAILED]
    if options.combine is not None:
        from qdocgen.combine import combine_documents

        write_atomic(options.combine, combine_documents(files), options.force)
        report.combined = options.combine
    if options.zip_path is not None:
        from qdocgen.combine import zip_outputs

        write_atomic(options.zip_path, zip_outputs(files + report.manifest_files), options.force)
        report.zipped = options.zip_path


def render_batch(folder: Path, out_dir: Path, options: BatchOptions | None = None) -> Report:
    """Render every unit of a dataset folder into ``out_dir``, one .docx per unit named from its id.

    All data is read and checked first; a unit whose data is wrong gets no file, the others are written.
    """
    from qdocgen.runner import Renderer

    options = replace(options or BatchOptions(), combine=_in_folder(options.combine if options else None, out_dir),
                      zip_path=_in_folder(options.zip_path if options else None, out_dir))
    if options.trang and not options.pdf:
        raise UsageError("--trang kiểm tra trang in trên tệp PDF của lô: dùng kèm --pdf.")
    if options.pdf:
        _require_pdf(options.signature_fields)
    paths = unit_paths(folder, options.only)
    if not options.resume:  # LibreOffice's start overlaps the writing of the .docx files
        _start_office(options, len(paths))
    info = find_template(options.template, options.templates_dirs)
    _check_extras(out_dir, [p.stem for p in paths], options)
    spool = Spool()  # the checked units' data waits on disk, not in memory
    try:
        units, problems = prepare_packed(paths, info, options.overrides, options.strict, options.jobs, spool)
        bad = {p.unit for p in problems}
        if problems and len(bad) >= len(paths):
            raise DataError(problems)
        renderer = Renderer.load(info.path)  # template errors surface here, before any file is written
        run = _Run(out_dir, info.name)
        prefailed = run.fail_unchecked(problems, paths)
        todo = _jobs(run, units, bad, options, prefailed)
        del units
        if options.resume:  # only the units an earlier run did not finish can need converting
            _start_office(options, sum(1 for _unit, known_sha in todo if not known_sha))
        order = prefailed + [unit.id for unit, _sha in todo]
        _render_all(run, todo, spool, info.path, renderer, options)
    finally:
        spool.close()
    run.report.entries = [run.entries[i] for i in order]
    if options.pdf:
        _batch_pdfs(run, options.force, options.signature_fields)
        if options.trang:
            _check_pages(run)
    # Steps that add to each unit's record (PDF, lint) go above this line.
    run.report.manifest_files = manifest.write(out_dir, _with_extras(run.report), info.name)
    _extras(run.report, out_dir, options)
    run.report.review_open = open_items(folder)  # a new-year dataset whose review list is not done
    run.report.review_file = folder / REVIEW_NAME if run.report.review_open else None
    return run.report


def _start_office(options: BatchOptions, files: int) -> None:
    """With ``--pdf``, start LibreOffice ahead of ``files`` documents to convert; none at all starts nothing."""
    if options.pdf and files > 0:
        from qdocgen.pdf.pool import start_early

        start_early(files)


def _check_extras(out_dir: Path, ids: Sequence[str], options: BatchOptions) -> None:
    """``--combine``/``--zip`` may not be written over a unit's output, the manifest, or each other."""
    taken = {(out_dir / name).resolve() for name in own_names(ids)}
    for extra in (options.combine, options.zip_path):
        if extra is None:
            continue
        if extra.resolve() in taken:
            raise OutputError(f"{extra}: trùng với một tệp lô này ghi (văn bản của một đơn vị, PDF hoặc manifest); "
                              "hãy chọn tên khác cho --combine/--zip.")
        taken.add(extra.resolve())
        check_writable(extra, options.force)


def _in_folder(path: Path | None, out_dir: Path) -> Path | None:
    """A bare file name for --combine or --zip goes into the output folder, beside the documents."""
    if path is None or path.is_absolute() or len(path.parts) > 1:
        return path
    return out_dir / path


def _with_extras(report: Report) -> list[manifest.Entry]:
    """The manifest entries with each unit's lint findings, when that step ran (PDFs are recorded above)."""
    for entry in report.entries:
        found = report.lint.get(entry.ma_don_vi)
        if found:
            entry.kiem_tra = [str(f) for f in found]
    return report.entries


def _require_pdf(signature_fields: bool = False) -> None:
    """Fail before anything is written when LibreOffice (or pyHanko for fields) is missing, saying how to install."""
    from qdocgen.pdf import find_soffice
    from qdocgen.pdf.convert import require_fields_support

    find_soffice()
    if signature_fields:
        require_fields_support()


def _add_pdfs(report: Report, force: bool, authors: dict[Path, str] | None = None,
              signature_fields: bool = False) -> Report:
    """Convert the files written to PDF/A-2b, beside them; failures and checks per file, font warnings once."""
    from qdocgen.pdf import FinishOptions, convert

    if not report.written:
        return report
    authors = authors or {}
    options = {p: FinishOptions(author=authors.get(p, ""), signature_fields=signature_fields)
               for p in report.written}
    converted = convert(report.written, force=force, options=options)
    report.pdfs.extend(converted.converted[p] for p in report.written if p in converted.converted)
    report.pdf_failed.update({str(docx): reason for docx, reason in converted.failed.items()})
    report.pdf_checks.update({str(docx): check.summary() for docx, check in converted.checks.items()})
    report.pdf_not_pdfa.update({str(docx): reason for docx, reason in converted.not_pdfa.items()})
    report.warnings.extend(Problem("LibreOffice", "PDF", message) for message in converted.warnings)
    return report
