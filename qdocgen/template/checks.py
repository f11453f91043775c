"""Checking a template before any clerk renders it: every problem in one pass, each with where it is.

The raw parts (body, headers, footers) are read tag by tag (:mod:`qdocgen.template.tags`), the variables they
use collected (:mod:`qdocgen.template.variables`). With data, the variables the template uses are compared
with the data's keys and with the template's declared inputs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from qdocgen.errors import DataError, Problem, TemplateError
from qdocgen.oxml import opc
from qdocgen.oxml.scan import TEMPLATED_PART, part_label
from qdocgen.template import swapped
from qdocgen.template.environment import template_environment
from qdocgen.template.findings import ERROR, MENDED, WARNING, CheckReport, Finding, Segments, Usage, path_text, related
from qdocgen.template.registry import find_template
from qdocgen.template.tags import PartScan, compile_part

__all__ = ["ERROR", "MENDED", "WARNING", "CheckReport", "Finding", "Usage", "check_template", "declared_paths",
           "path_text", "related", "shared_paths", "template_variables"]


def declared_paths(schema: dict[str, Any], prefix: Segments = ()) -> list[Segments]:
    """Every path a template's ``dau_vao`` declares (objects' properties, arrays' items as ``[]``)."""
    out: list[Segments] = []
    for key, sub in (schema.get("properties") or {}).items():
        path = prefix + (str(key),)
        out.append(path)
        if isinstance(sub, dict):
            out += declared_paths(sub, path)
            items = sub.get("items")
            if isinstance(items, dict):
                out += declared_paths(items, path + ("[]",))
    return out


SHARED = "x-du-lieu-chung"


def shared_paths(schema: dict[str, Any], prefix: Segments = ()) -> list[Segments]:
    """Declared paths marked ``x-du-lieu-chung``: data another template prints, expected here and unused."""
    out: list[Segments] = []
    for key, sub in (schema.get("properties") or {}).items():
        if not isinstance(sub, dict):
            continue
        path = prefix + (str(key),)
        if SHARED in sub:
            out.append(path)
            continue
        out += shared_paths(sub, path)
        if isinstance(sub.get("items"), dict):
            out += shared_paths(sub["items"], path + ("[]",))
    return out


def _check_declared(report: CheckReport) -> None:
    info = report.template
    if not info.schema:
        return
    spec = info.path.with_suffix(".yaml").name
    shared = shared_paths(info.schema)
    declared = [d for d in declared_paths(info.schema) if not any(related(s, d) for s in shared)]
    used = list(report.usages)
    for path in used:
        if not any(related(path, d) for d in declared):
            report.add(WARNING, f"{spec} [dau_vao]", f"mẫu dùng «{path_text(path)}» "
                       f"({report.usages[path].where()}) nhưng mô tả đầu vào không khai báo; thêm khóa đó vào "
                       "dau_vao để dữ liệu được kiểm tra trước khi điền.")
    for path in declared:
        parent_unused = any(d != path and related(d, path) and len(d) < len(path) and
                            not any(related(d, u) for u in used) for d in declared)
        if not parent_unused and not any(related(path, u) for u in used):
            report.add(WARNING, f"{spec} [dau_vao.{path_text(path)}]",
                       "được khai báo nhưng mẫu .docx không dùng; bỏ khai báo, hoặc thêm thẻ vào mẫu.")


def _lookup(data: Any, path: Segments) -> list[str]:
    """The missing pieces of ``path`` in ``data`` (``[]`` checks every item); a null on the way is fine."""
    if not path or data is None:
        return []
    head, rest = path[0], path[1:]
    if head == "[]":
        if not isinstance(data, list):
            return []
        return [m for item in data for m in _lookup(item, rest)]
    if not isinstance(data, dict):
        return []
    if head not in data:
        return [head]
    return _lookup(data[head], rest)


def _data_paths(data: Any, prefix: Segments = ()) -> Iterator[Segments]:
    if isinstance(data, dict):
        for key, value in data.items():
            path = prefix + (str(key),)
            yield path
            yield from _data_paths(value, path)
    elif isinstance(data, list):
        for item in data:
            yield from _data_paths(item, prefix + ("[]",))


def _check_data(report: CheckReport, data_path: Path) -> None:
    from qdocgen.data import reader as data_mod
    from qdocgen.data.pipeline import prepare

    paths = data_mod.unit_files(data_path) if data_path.is_dir() else [data_path]
    if not paths:
        report.add(ERROR, str(data_path), "không có tệp đơn vị .yaml nào để kiểm tra.")
        report.data_errors += 1
        return
    in_data = _data_jinja_names(paths)
    units, problems = prepare(paths, report.template, ())
    for problem in problems:
        report.add(ERROR, f"{problem.file}" + (f":{problem.line}" if problem.line else ""),
                   f"[{problem.key}] {problem.message}" if problem.key else problem.message)
        report.data_errors += 1
    missing: dict[Segments, list[str]] = {}
    unused: dict[Segments, list[str]] = {}
    for unit in units:
        name = data_mod.display(unit.path)
        for path, usage in report.usages.items():
            if usage.required and _lookup(unit.data, path):
                missing.setdefault(path, []).append(name)
        used = (list(report.usages) + [(n,) for n in in_data.get(unit.path, ())]
                + shared_paths(report.template.schema))
        seen: list[Segments] = []
        for path in _data_paths(unit.data):
            if any(related(s, path) for s in seen) or any(related(path, u) for u in used):
                continue
            seen.append(path)
            unused.setdefault(path, []).append(name)
    for path, files in missing.items():
        report.add(ERROR, _files(files), f"dữ liệu thiếu «{path_text(path)}» mà mẫu dùng "
                                         f"({report.usages[path].where()}); thêm khóa đó vào dữ liệu.")
        report.data_errors += 1
    for path, files in unused.items():
        report.add(WARNING, _files(files), f"khóa «{path_text(path)}» có trong dữ liệu nhưng mẫu không dùng "
                                           "(gõ sai tên khóa, hoặc mẫu thiếu thẻ?).")


def _data_jinja_names(paths: Sequence[Path]) -> dict[Path, frozenset[str]]:
    """Per unit file, the keys its own Jinja (``{{ nam - 1 }}`` in a value) reads: they count as used."""
    from qdocgen.data import reader as data_mod
    from qdocgen.data.values import template_names

    out: dict[Path, frozenset[str]] = {}
    for path in paths:
        unit = data_mod.read_unit(path, (), [])
        out[path] = template_names(unit.data) if unit else frozenset()
    return out


def _files(files: list[str]) -> str:
    more = ", …" if len(files) > 3 else ""
    return files[0] if len(files) == 1 else f"{len(files)} tệp ({', '.join(files[:3])}{more})"


def _environment(report: CheckReport) -> ImmutableSandboxedEnvironment:
    """The environment with the author's macros (``bo_loc``); macros that do not compile are an error."""
    info = report.template
    try:
        return template_environment(info.macros, info.shown)
    except TemplateError as exc:
        report.add(ERROR, "mô tả mẫu", exc.message)
        return template_environment()


def _scan(template: str | Path | None, templates_dirs: Sequence[str | Path]) -> CheckReport:
    info = find_template(template, templates_dirs)
    report = CheckReport(info)
    env = _environment(report)
    package = opc.read(info.path)
    for problem in package.errors:
        report.add(ERROR, "gói .docx", problem)
    for problem in package.warnings + opc.external_links(package):
        report.add(WARNING, "gói .docx", problem)
    if not package.ok:
        return report
    try:
        swapped.checked(info, package.parts)
    except TemplateError as exc:
        report.add(ERROR, "mô tả mẫu", exc.message)
    parts = {name: raw for name, raw in package.parts.items() if TEMPLATED_PART.match(name)}
    from lxml import etree

    for part, xml in parts.items():
        scan = PartScan(report, env, part)
        try:
            clean = scan.run(xml)
        except etree.XMLSyntaxError as exc:
            report.add(ERROR, part_label(part), f"XML hỏng ({exc}); mở và lưu lại tệp bằng Word/LibreOffice.")
            continue
        scan.collect()
        if clean:
            compile_part(report, env, part, xml)
    return report


def check_template(template: str | Path | None, data: Path | None = None,
                   templates_dirs: Sequence[str | Path] = ()) -> CheckReport:
    """Every problem of a template (and, with ``data``, between it and a unit file or dataset folder)."""
    report = _scan(template, templates_dirs)
    _check_declared(report)
    if data is not None:
        if not data.exists():
            raise DataError([Problem(str(data), "", "không tìm thấy tệp hoặc thư mục dữ liệu; kiểm tra đường dẫn.")])
        _check_data(report, data)
    return report


def template_variables(template: str | Path | None, templates_dirs: Sequence[str | Path] = ()) -> list[str]:
    """Lines listing every variable a template reads, as paths, loops with their loop variable."""
    report = _scan(template, templates_dirs)
    if report.count(ERROR):
        raise TemplateError("\n".join(["Mẫu có lỗi, chưa liệt kê được biến:"] +
                                      [f"  {f}" for f in report.findings if f.level == ERROR]))
    info = report.template
    loops = {path + ("[]",) for path, usage in report.usages.items() if usage.loop_var}
    listed = []
    for path, usage in sorted(report.usages.items()):
        if path in loops:
            continue  # the loop line already says it
        loop = f"  (vòng lặp: {path_text(path)} → {usage.loop_var})" if usage.loop_var else ""
        listed.append(f"  {path_text(path)}{loop}  — {', '.join(usage.places)}")
    # The count is of the lines shown (a loop's items are said on the loop's line, not counted again).
    return [f"Mẫu {info.name} ({info.path}) dùng {len(listed)} biến:", *listed]
