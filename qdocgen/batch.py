"""Rendering units to files: one data file, or a whole dataset folder in one go.

All data is read and checked before anything is rendered, and every problem is reported at once. A unit
whose data is wrong gets no file; the others are still written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from qdocgen import data as data_mod
from qdocgen import schema
from qdocgen.data import Unit, display
from qdocgen.environment import variables_used
from qdocgen.errors import DataError, OutputError, Problem, QdocgenError
from qdocgen.objectives import unit_warnings
from qdocgen.output import check_writable, inside, write_atomic
from qdocgen.render import CompiledTemplate
from qdocgen.templates import TemplateInfo, find_template


@dataclass
class Report:
    """What a run did: files written and skipped, units failed, warnings (grouped for the user)."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing failed and nothing was refused."""
        return not self.failed and not self.skipped

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


def _data_template_names(unit: Unit) -> frozenset[str]:
    names: set[str] = set()
    for _key, value in data_mod._walk(unit.data):
        if isinstance(value, str) and data_mod.has_template(value):
            try:
                names |= variables_used(value)
            except Exception:  # a broken data template is reported when it is rendered
                continue
    return frozenset(names)


def prepare(paths: Sequence[Path], info: TemplateInfo, overrides: Sequence[str]) -> tuple[list[Unit], list[Problem]]:
    """Read and check every unit; all problems of all units in one list."""
    units: list[Unit] = []
    problems: list[Problem] = []
    for path in paths:
        start = len(problems)
        unit = data_mod.read_unit(path, overrides, problems)
        problems[start:] = [replace(p, unit=p.unit or path.stem) for p in problems[start:]]
        if unit is None:
            continue
        before = len(problems)
        data_mod.parse_dates(unit, problems)
        schema.validate(unit, info.schema, problems, _data_template_names(unit))
        if len(problems) == before:
            data_mod.render_data_templates(unit, problems)
            unit.warnings.extend(unit_warnings(unit))  # the guide: every objective measurable
        problems[start:] = [replace(p, unit=p.unit or path.stem) for p in problems[start:]]
        units.append(unit)
    return units, problems


def render_file(data_path: Path, output: Path | None, template: str | Path | None = None,
                overrides: Sequence[str] = (), force: bool = False) -> Report:
    """Render one data file to one .docx (default: the data file's name, with .docx)."""
    info = find_template(template)
    output = output or data_path.with_suffix(".docx")
    check_writable(output, force)
    units, problems = prepare([data_path], info, overrides)
    if problems or not units:
        raise DataError(problems)
    compiled = CompiledTemplate.load(info.path)
    write_atomic(output, compiled.render(units[0].data), force)
    return Report(written=[output], warnings=list(units[0].warnings))


def render_batch(folder: Path, out_dir: Path, template: str | Path | None = None, only: Sequence[str] = (),
                 overrides: Sequence[str] = (), force: bool = False) -> Report:
    """Render every unit of a dataset folder into ``out_dir``, one .docx per unit named from its id."""
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
    if only:
        paths = [p for p in paths if p.stem in set(only)]
    info = find_template(template)
    units, problems = prepare(paths, info, overrides)
    report = Report()
    bad = {p.unit for p in problems}
    if problems and len(bad) >= len(paths):
        raise DataError(problems)
    for problem in problems:
        uid = problem.unit or problem.file
        report.failed[uid] = (report.failed.get(uid, "") + f"\n  - {problem}").lstrip("\n")
    compiled = CompiledTemplate.load(info.path)
    for unit in sorted(units, key=lambda u: (u.order, u.id)):
        if unit.id in bad:
            continue
        report.warnings.extend(unit.warnings)
        target = inside(out_dir, f"{unit.id}.docx")
        if target.exists() and not force:
            report.skipped.append(target)
            continue
        try:
            write_atomic(target, compiled.render(unit.data), force)
        except OutputError:
            report.skipped.append(target)
        except QdocgenError as exc:
            report.failed[unit.id] = exc.message
        else:
            report.written.append(target)
    return report
