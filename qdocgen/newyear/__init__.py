"""Next year's drafts from this year's data: ``qdocgen new-year``.

A dataset folder is copied to a new one in which ``nam`` is the new year and ``so``/``ngay_ban_hanh`` are
empty (drafts). Values written relative to ``nam`` (``"so với năm {{ nam - 1 }}"``) follow by themselves;
what cannot follow by itself (a year written out, a legal basis, last year's decision) is listed for review.
YAML files are edited round-trip (comments, key order, anchors, quotes kept); files needing no edit are
copied byte for byte. The new folder appears whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from qdocgen.data import legal_bases
from qdocgen.data.reader import display, not_a_dataset, read_yaml
from qdocgen.data.roundtrip import INDENTS, best_indent, dump, encode, text_of, yaml_editor
from qdocgen.errors import DataError, OutputError, Problem
from qdocgen.newyear.review import DRAFT_KEYS, REPORT_NAME, YEAR_KEY, NewYearResult, Review

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class _File:
    """One YAML file of the dataset: its text, parsed document and what was changed in it."""

    path: Path
    raw: bytes
    doc: Any
    changed: bool = False


def _read(folder: Path) -> tuple[list[_File], list[str], list[Problem]]:
    files: list[_File] = []
    others: list[str] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == REPORT_NAME:
            continue
        if not path.is_file() or path.suffix not in YAML_SUFFIXES:
            others.append(path.name)
            continue
        _node, found = read_yaml(path)
        if found:
            problems.extend(found)
            continue
        raw = path.read_bytes()
        files.append(_File(path, raw, yaml_editor(INDENTS[0]).load(text_of(raw))))
    return files, others, problems


def _old_year(files: list[_File], folder: Path) -> int:
    years = [f.doc[YEAR_KEY] for f in files if isinstance(f.doc, CommentedMap) and YEAR_KEY in f.doc]
    ints = [y for y in years if isinstance(y, int) and not isinstance(y, bool)]
    if not ints:
        raise DataError([Problem(display(folder), YEAR_KEY, "không tệp nào ghi năm (khóa «nam», ví dụ "
                                                            "«nam: 2019» trong _chung.yaml); thêm vào rồi chạy lại.")])
    return max(ints)


def _default_target(source: Path, old_year: int, year: int) -> Path:
    name = source.resolve().name
    if str(old_year) not in name:
        raise DataError([Problem(display(source), "-o", f"tên thư mục không chứa năm {old_year} nên không tự "
                                                        "đặt được tên thư mục mới; chỉ rõ bằng -o THU_MUC_MOI.")])
    return source.parent / name.replace(str(old_year), str(year))


def _check_target(source: Path, target: Path, force: bool) -> None:
    src, dst = source.resolve(), target.resolve()
    if dst == src or src in dst.parents or dst in src.parents:
        raise OutputError(f"{target}: thư mục mới không được trùng, nằm trong hay chứa thư mục năm cũ "
                          f"{source}; chọn thư mục khác bằng -o.")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: đây là một tệp, cần một thư mục cho bộ dữ liệu mới.")
    if target.exists() and not force:
        raise OutputError(f"{target}: thư mục đã có, không ghi đè. Dùng --force để thay cả thư mục, "
                          "hoặc chọn thư mục khác bằng -o.")
    if target.is_dir() and any(p.is_dir() for p in target.iterdir()):
        raise OutputError(f"{target}: thư mục có thư mục con nên không giống một bộ dữ liệu; không thay thế "
                          "nó kể cả khi có --force. Chọn thư mục khác bằng -o.")


def _carry(file: _File, result: NewYearResult) -> None:
    """Set the year and clear the number and date in one file's document."""
    doc = file.doc
    if not isinstance(doc, CommentedMap):
        return
    name = file.path.name
    if YEAR_KEY in doc and doc[YEAR_KEY] != result.year:
        result.changes.append(f"{name}: nam {doc[YEAR_KEY]} → {result.year}")
        doc[YEAR_KEY] = result.year
        file.changed = True
    cleared = []
    for key in DRAFT_KEYS:
        if key in doc and doc[key] not in (None, "") and str(doc[key]).strip():
            cleared.append(f"{key} (là {doc[key]})")
            doc[key] = DoubleQuotedScalarString("")
            file.changed = True
    if cleared:
        result.changes.append(f"{name}: để trống {', '.join(cleared)}: dự thảo, Văn thư ghi khi ký")


def _write_folder(target: Path, contents: dict[str, bytes]) -> None:
    """Write the files into a temporary folder beside ``target``, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    old: Path | None = None
    try:
        for name, data in contents.items():
            with open(tmp / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.rename(target, old / target.name)
        os.rename(tmp, target)
    except BaseException:
        if old is not None and not target.exists():
            os.rename(old / target.name, target)
        raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def carry_forward(source: Path, year: int, target: Path | None = None, force: bool = False) -> NewYearResult:
    """Write next year's dataset from ``source``: ``nam`` = ``year``, drafts, and a review report.

    Nothing in ``source`` changes; an existing ``target`` is refused without ``force``.
    """
    if not source.is_dir():
        raise DataError([not_a_dataset(source)])
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
        raise DataError([Problem("--year", "", f"năm «{year}» không dùng được: cần năm đủ 4 chữ số, "
                                               "ví dụ --year 2020.")])
    files, others, problems = _read(source)
    if problems:
        raise DataError(problems)
    if not files:
        raise DataError([Problem(display(source), "", "thư mục không có tệp .yaml nào để chuyển sang năm mới.")])
    old_year = _old_year(files, source)
    if year <= old_year:
        raise DataError([Problem("--year", "", f"năm mới {year} phải sau năm của bộ dữ liệu ({old_year}); "
                                               f"ví dụ --year {old_year + 1}.")])
    target = target if target is not None else _default_target(source, old_year, year)
    _check_target(source, target, force)

    result = NewYearResult(source, target, old_year, year, not_copied=others)
    review = Review(result, legal_bases.load_register(), dt.date.today())
    contents: dict[str, bytes] = {}
    for file in files:
        _carry(file, result)
        if isinstance(file.doc, CommentedMap):
            review.scan(file.path.name, file.doc)
        if file.changed:
            text = text_of(file.raw)
            contents[file.path.name] = encode(dump(file.doc, best_indent(text)), file.raw)
        else:
            contents[file.path.name] = file.raw
    contents[REPORT_NAME] = result.report_text().encode("utf-8")
    try:
        _write_folder(target, contents)
    except OSError as exc:  # full disk, read-only: nothing half-written stays, the old dataset is untouched
        from qdocgen.errors import OutputError
        from qdocgen.output import why

        raise OutputError(f"{target}: không ghi được bộ dữ liệu mới ({why(exc)}); bộ dữ liệu cũ không bị "
                          "sửa.") from exc
    return result


__all__ = ["REPORT_NAME", "NewYearResult", "carry_forward"]
