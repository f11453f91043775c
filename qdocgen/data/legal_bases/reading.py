"""Reading the register (``data/can-cu.yaml``) into a ``Register``, every problem with its line."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdocgen.data import reader
from qdocgen.data.legal_bases.register import (
    IN_FORCE,
    STATUSES,
    Entry,
    Register,
    Term,
    as_date,
    default_register_path,
    phrase_pattern,
)
from qdocgen.errors import DataError, Problem

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedSeq

LineOf = Callable[[str, int], "int | None"]
"""The line of item ``index`` of the list under a top-level key."""


class _Reader:
    """Turns the register's YAML into entries, collecting every problem with its line."""

    def __init__(self, path: Path) -> None:
        self.shown = reader.display(path)
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str, line: int | None) -> None:
        self.problems.append(Problem(self.shown, key, message, line))

    def text(self, item: Mapping[str, Any], key: str, where: str, line: int | None) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.problem(f"{where}.{key}", "cần một chuỗi chữ.", line)
            return ""
        return unicodedata.normalize("NFC", " ".join(str(value).split()))

    def date(self, item: Mapping[str, Any], key: str, where: str, line: int | None) -> dt.date | None:
        value = item.get(key)
        if value in (None, ""):
            return None
        date = as_date(value)
        if date is None:
            self.problem(f"{where}.{key}", f"«{value}» không phải ngày; viết dạng 2019-02-27 hoặc 27/02/2019.", line)
        return date

    def entry(self, item: Any, index: int, line: int | None) -> Entry | None:
        where = f"van_ban[{index + 1}]"
        if not isinstance(item, dict):  # the round-trip reader's mappings are dicts too
            self.problem(where, "mỗi văn bản là một bảng khóa (so, ngay, trang_thai, ...).", line)
            return None
        status = self.text(item, "trang_thai", where, line)
        if status not in STATUSES:
            self.problem(f"{where}.trang_thai", f"«{status}» không dùng được; chọn một trong: "
                                                f"{', '.join(STATUSES)}.", line)
        number, name = self.text(item, "so", where, line), self.text(item, "ten", where, line)
        if not number and not name:
            self.problem(where, "cần số ký hiệu (so) hoặc tên (ten, với luật dẫn theo tên).", line)
        return Entry(number, self.text(item, "loai", where, line), name, self.date(item, "ngay", where, line),
                     self.text(item, "co_quan", where, line), status, self.text(item, "thay_the_boi", where, line),
                     self.date(item, "tu_ngay", where, line), self.date(item, "ngay_kiem_tra", where, line),
                     self.text(item, "nguon", where, line), self.text(item, "ghi_chu", where, line), line)

    def term(self, item: Any, index: int, line: int | None) -> Term | None:
        where = f"thuat_ngu_cu[{index + 1}]"
        phrases = item.get("cum_tu") if isinstance(item, dict) else None
        if isinstance(phrases, str):
            phrases = [phrases]
        if not isinstance(item, dict) or not isinstance(phrases, list) or not phrases \
                or not all(isinstance(p, str) and p.strip() for p in phrases):
            self.problem(where, "cần «cum_tu» (một hay nhiều cụm từ cũ) và «thay_bang».", line)
            return None
        status = self.text(item, "trang_thai", where, line) or IN_FORCE
        return Term(tuple(phrases), self.text(item, "thay_bang", where, line), self.text(item, "ghi_chu", where, line),
                    status, phrase_pattern(phrases))


def _line_of(seq: CommentedSeq, index: int) -> int | None:
    try:
        return int(seq.lc.item(index)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return None


_CACHE: dict[tuple[Path, int, int], Register] = {}


def load_register(path: Path | None = None) -> Register:
    """The register at ``path`` (default: the shipped one), read once per file version; DataError if wrong."""
    path = path or default_register_path()
    try:
        stat = path.stat()
    except OSError:
        raise DataError([Problem(reader.display(path), "", "không có sổ căn cứ pháp lý ở đây; chỉ đúng đường dẫn "
                                                           "tới tệp can-cu.yaml.")]) from None
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = _read(path)
    return _CACHE[key]


def _parsed(path: Path) -> tuple[Any, LineOf]:
    """The register's YAML and the line of each list item: at C speed where the file is plain, else round-trip.

    The C-speed reader gives the same values and lines or declines (:mod:`qdocgen.data.fast_yaml`); only
    a file already in Unicode's composed form (NFC) goes that way, since it composes every text it reads.
    """
    from qdocgen.data import fast_yaml, yaml_file

    text, problems = yaml_file.read_text(path)
    if text is None:
        raise DataError(problems)
    loaded = fast_yaml.load(text, reader.display(path)) if unicodedata.is_normalized("NFC", text) else None
    if loaded is not None:
        origins = loaded[1]
        return loaded[0], lambda name, index: getattr(origins.get((name, index)), "line", None)
    doc, problems = yaml_file.parse_yaml(text, reader.display(path))
    if problems:
        raise DataError(problems)
    return doc, lambda name, index: _line_of(doc[name], index)


def _read(path: Path) -> Register:
    doc, line_of = _parsed(path)
    if not isinstance(doc, dict):
        raise DataError([Problem(reader.display(path), "", "sổ căn cứ cần các khóa «van_ban» và «thuat_ngu_cu».")])
    parse = _Reader(path)
    register = Register(path)
    entries = doc.get("van_ban") or []
    terms = doc.get("thuat_ngu_cu") or []
    for name, seq in (("van_ban", entries), ("thuat_ngu_cu", terms)):
        if not isinstance(seq, list):
            parse.problem(name, "cần một danh sách (mỗi mục bắt đầu bằng «- »).", None)
    if isinstance(entries, list):
        found = (parse.entry(item, i, line_of("van_ban", i)) for i, item in enumerate(entries))
        register.entries = [e for e in found if e is not None]
    if isinstance(terms, list):
        read_terms = (parse.term(item, i, line_of("thuat_ngu_cu", i)) for i, item in enumerate(terms))
        register.terms = [t for t in read_terms if t is not None]
    levels = doc.get("chinh_quyen_hai_cap")
    if isinstance(levels, dict):
        register.two_level_from = parse.date(levels, "tu_ngay", "chinh_quyen_hai_cap", None)
        removed = levels.get("cap_khong_con") or []
        register.removed_levels = tuple(str(x) for x in removed if isinstance(x, str) and x.strip())
    if parse.problems:
        raise DataError(parse.problems)
    return register
