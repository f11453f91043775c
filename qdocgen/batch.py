"""Rendering units to files: one data file, or a whole dataset folder in one go.

All data is read and checked before anything is rendered, and every problem is reported at once. A unit
whose data is wrong gets no file; the others are still written. A batch compiles the template once (per
process), renders units in parallel when asked, records every unit in a manifest beside the outputs, can
resume where an earlier run stopped, and can gather all outputs into one print file and one zip.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from qdocgen import manifest
from qdocgen.data.pipeline import PackedUnit, prepare, prepare_packed, unit_paths
from qdocgen.data.review_list import REVIEW_NAME, open_items
from qdocgen.errors import DataError, ExitStatus, OutputError, Problem, UsageError
from qdocgen.output import check_folder_writable, check_writable, inside, write_atomic
from qdocgen.template.registry import find_template

if TYPE_CHECKING:
    from qdocgen.lint import Finding
    from qdocgen.runner import Job, Outcome, Renderer

Said = tuple[Literal["info", "warning", "error"], str]
"""One line for the user and its tone: ``info`` goes to standard output, the others to standard error."""

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
    pdf_checks: dict[str, str] = field(default_factory=dict)  # .docx → its PDF's check (PDF/A, fonts, fields)
    pdf_not_pdfa: dict[str, str] = field(default_factory=dict)  # .docx → why its PDF is not PDF/A-2b
    lint: dict[str, list[Finding]] = field(default_factory=dict)  # layout findings per unit id
    review_open: list[str] = field(default_factory=list)  # open items of the dataset's _xem-lai.md (new-year)
    review_file: Path | None = None
    skip_reasons: dict[Path, str] = field(default_factory=dict)  # why a file in ``skipped`` was left as it is

    @property
    def exit_code(self) -> ExitStatus:
        """``DATA`` when a unit failed, else ``OUTPUT`` when a file was skipped, else ``PDF`` when a PDF failed.

        A PDF that is written but fails the PDF/A-2b check counts as failed.
        """
        if self.failed:
            return ExitStatus.DATA
        if self.skipped:
            return ExitStatus.OUTPUT
        return ExitStatus.PDF if self.pdf_failed or self.pdf_not_pdfa else ExitStatus.OK

    def lines(self, quiet: bool = False, listed: int = 30) -> list[Said]:
        """What the command line says about the run, in order, each line with its tone.

        ``quiet``: only warnings, errors and the summary; ``listed``: how many written files are named.
        """
        said: list[Said] = [("warning", f"Cảnh báo: {line}") for line in self.warning_lines()]
        if not quiet:
            said += [("info", f"Đã ghi {path}") for path in self.written[:listed]]
            if len(self.written) > listed:
                said.append(("info", f"... và {len(self.written) - listed} tệp khác (xem manifest.json trong thư "
                                     "mục kết quả)."))
        said += [("warning", f"Bỏ qua {path}: {self.skip_reasons.get(path, 'tệp đã có (dùng --force để ghi đè).')}")
                 for path in self.skipped]
        for unit, message in self.failed.items():
            lines = "\n".join(f"  - {line}" for line in message.splitlines())
            said.append(("error", f"Lỗi ở đơn vị {unit}:\n{lines}"))
        if not quiet:
            said += [("info", f"Đã ghi {path}") for path in self.pdfs[:listed]]
        said += [("error", f"Không có PDF cho {docx}: {message}") for docx, message in self.pdf_failed.items()]
        said += [("error", f"PDF của {docx} KHÔNG đạt PDF/A-2b: {message}")
                 for docx, message in self.pdf_not_pdfa.items()]
        if not quiet:
            said += [("info", f"Đã ghi {path}") for path in (self.combined, self.zipped, *self.manifest_files[:1])
                     if path is not None]
        said += [("info" if finding.severity == "notice" else "warning", f"Thể thức {unit}: {finding}")
                 for unit, found in self.lint.items() for finding in found]
        return [*said, ("info", self.summary())]

    def summary(self) -> str:
        """The one-line summary: files written, skipped, failed, kept, PDFs, layout findings, review items, warnings."""
        summary = f"Xong: {len(self.written)} tệp đã ghi, {len(self.skipped)} bỏ qua, {len(self.failed)} lỗi"
        if self.kept:
            summary += f", {len(self.kept)} giữ nguyên (đã có, đúng như bản soạn lại)"
        if self.pdfs or self.pdf_failed:
            summary += f", {len(self.pdfs)} PDF, {len(self.pdf_failed)} PDF lỗi"
            if self.pdf_not_pdfa:
                summary += f", {len(self.pdf_not_pdfa)} PDF không đạt PDF/A-2b"
        if self.lint:
            wrong = sum(f.severity != "notice" for found in self.lint.values() for f in found)  # not the kind note
            summary += f", {wrong} điểm sai thể thức (qdocgen lint)"
        if self.review_open:
            summary += f", {len(self.review_open)} mục chưa xem lại trong {self.review_file}"
        return summary + (f", {len(self.warnings)} cảnh báo." if self.warnings else ".")

    def warning_lines(self) -> list[str]:
        """Warnings with the same key and message merged into one line listing their units."""
        groups: dict[tuple[str, str], list[Problem]] = {}
        for w in self.warnings:
            groups.setdefault((w.key, w.message), []).append(w)
        lines = []
        for (key, message), found in groups.items():
            # Each warning names the file and line that wrote the value, as the README promises.
            places = list(dict.fromkeys(w.file if w.line is None else f"{w.file}:{w.line}" for w in found))
            if len(found) == 1:
                lines.append(str(found[0]))
                continue
            units = [w.unit or w.file for w in found]
            shared = f" (dùng chung cho {', '.join(units)})" if len(places) < len(found) else ""
            lines.append(f"{len(found)} đơn vị [{key}]: {message}: {', '.join(places)}{shared}")
        return lines


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


def _own_names(ids: Sequence[str]) -> set[str]:
    """The file names a batch writes in its output folder (whose temporaries it may remove)."""
    return {f"{uid}{ext}" for uid in ids for ext in (".docx", ".pdf")} | {manifest.JSON_NAME, manifest.CSV_NAME}


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


def _jobs(run: _Run, units: list[PackedUnit], bad: set[str | None], options: BatchOptions,
          prefailed: list[str]) -> list[Job]:
    """One job per checked unit, in the dataset's order; its manifest entry made (unsafe names: ``prefailed``)."""
    from qdocgen.runner import Job

    earlier = manifest.read(run.out_dir) if options.resume else {}
    todo: list[Job] = []
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
        todo.append(Job(unit.id, unit.packed, target, options.force, options.resume,
                        known.sha256 if known and done_before else "", options.lint))
    return todo


def _render_all(run: _Run, todo: list[Job], template: Path, renderer: Renderer, options: BatchOptions) -> None:
    """Render the jobs; the manifest saved now and then, and at the end even on Ctrl-C."""
    from qdocgen.runner import run_jobs

    check_folder_writable(run.out_dir)  # read-only, no permission, full disk: said once, before any work
    ours = _own_names(list(run.done) + [j.unit_id for j in todo])
    clean_temporaries(run.out_dir, ours)
    total, last_save = len(todo), time.monotonic()
    try:
        for count, outcome in enumerate(run_jobs(todo, template, options.jobs, renderer), 1):
            run.record(outcome, options.lint)
            if options.progress is not None:
                options.progress(count, total)
            if time.monotonic() - last_save > _SAVE_EVERY:
                run.save()
                last_save = time.monotonic()
    finally:
        # Also on Ctrl-C: what was finished is recorded, and no temporary file stays behind.
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
    info = find_template(options.template, options.templates_dirs)
    _check_extras(out_dir, [p.stem for p in paths], options)
    units, problems = prepare_packed(paths, info, options.overrides, options.strict, options.jobs)
    bad = {p.unit for p in problems}
    if problems and len(bad) >= len(paths):
        raise DataError(problems)
    renderer = Renderer.load(info.path)  # template errors surface here, before any file is written
    run = _Run(out_dir, info.name)
    prefailed = run.fail_unchecked(problems, paths)
    todo = _jobs(run, units, bad, options, prefailed)
    del units
    order = prefailed + [j.unit_id for j in todo]
    _render_all(run, todo, info.path, renderer, options)
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


def _check_extras(out_dir: Path, ids: Sequence[str], options: BatchOptions) -> None:
    """``--combine``/``--zip`` may not be written over a unit's output, the manifest, or each other."""
    taken = {(out_dir / name).resolve() for name in _own_names(ids)}
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
