"""The register of legal bases (``data/can-cu.yaml``): which cited texts are replaced, amended or unchecked.

The register is data a template author keeps up to date, not law asserted by this code: for each text its
number, date, issuer, title, status (``con_hieu_luc``, ``sua_doi``, ``thay_the``, ``het_hieu_luc``,
``can_kiem_tra``), what replaced it, from when, when someone last checked it and where. It also lists terms
that are outdated (``thuat_ngu_cu``) and the date from which districts no longer exist (``chinh_quyen_hai_cap``).

This module reads the register, matches a unit's ``can_cu`` entries against it, and reports per unit each basis
that needs a look (``qdocgen check-can-cu``); :func:`basis_warning` is the one warning a batch shows.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from qdocgen import vnformat
from qdocgen.data import reader
from qdocgen.errors import DataError, Problem

REGISTER_NAME = "can-cu.yaml"
IN_FORCE, AMENDED, REPLACED, ENDED, TO_CHECK = "con_hieu_luc", "sua_doi", "thay_the", "het_hieu_luc", "can_kiem_tra"
STATUSES = (IN_FORCE, AMENDED, REPLACED, ENDED, TO_CHECK)
UNKNOWN, STALE = "khong_co_trong_so", "lau_chua_kiem_tra"
STALE_AFTER = dt.timedelta(days=365)

# What each kind of issue is called for the clerk.
KIND_WORDS = {
    REPLACED: "đã bị thay thế",
    AMENDED: "đã được sửa đổi, bổ sung",
    ENDED: "đã hết hiệu lực",
    TO_CHECK: "chưa xác nhận tình trạng (sổ ghi «cần kiểm tra»)",
    UNKNOWN: "chưa có trong sổ căn cứ",
    STALE: "hơn một năm chưa kiểm tra",
}


@dataclass(frozen=True)
class Entry:
    """One text of the register."""

    number: str
    kind: str
    name: str
    date: dt.date | None
    issuer: str
    status: str
    replaced_by: str
    effective: dt.date | None
    checked: dt.date | None
    source: str
    note: str
    line: int | None = None

    def label(self) -> str:
        """``Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014`` for messages."""
        head = self.name or self.kind or "Văn bản"
        parts = [head] + ([f"số {self.number}"] if self.number else [])
        if self.date is not None:
            parts.append(f"ngày {self.date:%d/%m/%Y}")
        return " ".join(parts)


@dataclass(frozen=True)
class Term:
    """An outdated phrase and what is said now."""

    phrases: tuple[str, ...]
    replacement: str
    note: str
    status: str
    pattern: re.Pattern[str]

    def find(self, text: str) -> re.Match[str] | None:
        """The first place ``text`` uses the outdated phrase."""
        return self.pattern.search(unicodedata.normalize("NFC", text))


@dataclass
class Register:
    """The register read: texts, outdated terms, the reorganisation date and the levels it removed."""

    path: Path
    entries: list[Entry] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    two_level_from: dt.date | None = None
    removed_levels: tuple[str, ...] = ()
    _index: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _any_term: re.Pattern[str] | None = field(default=None, repr=False)

    def find(self, cite: Mapping[str, Any]) -> Entry | None:
        """The register's entry for one ``can_cu`` item: by number, else by name and date."""
        if not self._index:
            for entry in self.entries:  # by number, and by name for laws cited without one
                for key in {f"so:{_key(entry.number)}" if entry.number else "", f"ten:{_key(entry.name)}"}:
                    self._index.setdefault(key, []).append(entry)
        number, name = _key(cite.get("so")), _key(cite.get("van_ban"))
        date = as_date(cite.get("ngay"))
        # Numbers repeat between issuers (every committee has a 784/QĐ-UBND): the date must agree when both give one.
        found = self._index.get(f"so:{number}" if number else f"ten:{name}", []) if number or name else []
        return next((e for e in found if date is None or e.date is None or e.date == date), None)

    def outdated(self, text: str) -> Iterator[tuple[Term, re.Match[str]]]:
        """Each outdated term ``text`` uses (its first place), scanning the text once for all terms."""
        if not self.terms:
            return
        if self._any_term is None:
            self._any_term = re.compile("|".join(f"(?P<t{n}>{t.pattern.pattern})" for n, t in enumerate(self.terms)),
                                        re.IGNORECASE)
        seen: set[int] = set()
        for match in self._any_term.finditer(unicodedata.normalize("NFC", text)):
            n = int((match.lastgroup or "t0")[1:])
            if n not in seen:
                seen.add(n)
                yield self.terms[n], match


@dataclass(frozen=True)
class BasisIssue:
    """One cited basis that needs a look: which, why, and what replaced it when known."""

    index: int
    cite: str
    kind: str
    entry: Entry | None

    def message(self) -> str:
        """In words, with the replacement and the register's note."""
        text = f"{self.cite}: {KIND_WORDS[self.kind]}"
        entry = self.entry
        if entry is not None and entry.effective is not None and self.kind in (REPLACED, AMENDED, ENDED):
            text += f" từ ngày {entry.effective:%d/%m/%Y}"
        if entry is not None and entry.replaced_by:
            text += f"; {'văn bản sửa đổi' if self.kind == AMENDED else 'thay bằng'}: {entry.replaced_by}"
        if self.kind == STALE and entry is not None:
            text += f" (lần cuối {entry.checked:%d/%m/%Y})" if entry.checked else " (sổ chưa ghi ngày kiểm tra nào)"
        if self.kind == UNKNOWN:
            text += f"; thêm vào sổ {REGISTER_NAME} sau khi đối chiếu"
        elif entry is not None and entry.note:
            text += f" ({entry.note})"
        return text


def default_register_path() -> Path:
    """The register shipped with qdocgen: the source tree's ``data/``, else the installed share folder."""
    import site

    here = Path(__file__).resolve().parent.parent.parent
    shares = (Path(sys.prefix), Path(site.getuserbase()))  # a virtual environment or pipx; pip install --user
    for folder in (here / "data", *[s / "share" / "qdocgen" for s in shares]):
        if (folder / REGISTER_NAME).is_file():
            return folder / REGISTER_NAME
    return here / "data" / REGISTER_NAME


def as_date(value: Any) -> dt.date | None:
    """A date from a parsed date or a ``27/02/2019`` / ``2019-02-27`` string; None when there is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return vnformat.parse_date(value)
        except vnformat.FormatError:
            return None
    return None


def _key(value: Any) -> str:
    """A number or name compared loosely: NFC, case-folded, without spaces; «Đ» and «D» kept apart."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return "".join(text.split()).casefold()


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """A pattern for any of ``phrases``: case-insensitive, any spacing, not inside a longer word or number."""
    parts = []
    for phrase in phrases:
        words = [re.escape(w) for w in unicodedata.normalize("NFC", phrase).split()]
        body = r"\s+".join(words).replace(":", r"\s*:\s*")
        parts.append(rf"(?<![\w]){body}(?![\w])")
    return re.compile("|".join(parts), re.IGNORECASE)


# --- reading -------------------------------------------------------------------------------------------------


class _Reader:
    """Turns the register's YAML into entries, collecting every problem with its line."""

    def __init__(self, path: Path) -> None:
        self.shown = reader.display(path)
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str, line: int | None) -> None:
        self.problems.append(Problem(self.shown, key, message, line))

    def text(self, item: CommentedMap, key: str, where: str, line: int | None) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.problem(f"{where}.{key}", "cần một chuỗi chữ.", line)
            return ""
        return unicodedata.normalize("NFC", " ".join(str(value).split()))

    def date(self, item: CommentedMap, key: str, where: str, line: int | None) -> dt.date | None:
        value = item.get(key)
        if value in (None, ""):
            return None
        date = as_date(value)
        if date is None:
            self.problem(f"{where}.{key}", f"«{value}» không phải ngày; viết dạng 2019-02-27 hoặc 27/02/2019.", line)
        return date

    def entry(self, item: Any, index: int, line: int | None) -> Entry | None:
        where = f"van_ban[{index + 1}]"
        if not isinstance(item, CommentedMap):
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
        phrases = item.get("cum_tu") if isinstance(item, CommentedMap) else None
        if isinstance(phrases, str):
            phrases = [phrases]
        if not isinstance(item, CommentedMap) or not isinstance(phrases, list) or not phrases \
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


def _read(path: Path) -> Register:
    doc, problems = reader.read_yaml(path)
    if problems:
        raise DataError(problems)
    if not isinstance(doc, CommentedMap):
        raise DataError([Problem(reader.display(path), "", "sổ căn cứ cần các khóa «van_ban» và «thuat_ngu_cu».")])
    parse = _Reader(path)
    register = Register(path)
    entries = doc.get("van_ban") or CommentedSeq()
    terms = doc.get("thuat_ngu_cu") or CommentedSeq()
    for name, seq in (("van_ban", entries), ("thuat_ngu_cu", terms)):
        if not isinstance(seq, CommentedSeq):
            parse.problem(name, "cần một danh sách (mỗi mục bắt đầu bằng «- »).", None)
    if isinstance(entries, CommentedSeq):
        found = (parse.entry(item, i, _line_of(entries, i)) for i, item in enumerate(entries))
        register.entries = [e for e in found if e is not None]
    if isinstance(terms, CommentedSeq):
        read_terms = (parse.term(item, i, _line_of(terms, i)) for i, item in enumerate(terms))
        register.terms = [t for t in read_terms if t is not None]
    levels = doc.get("chinh_quyen_hai_cap")
    if isinstance(levels, CommentedMap):
        register.two_level_from = parse.date(levels, "tu_ngay", "chinh_quyen_hai_cap", None)
        removed = levels.get("cap_khong_con") or []
        register.removed_levels = tuple(str(x) for x in removed if isinstance(x, str) and x.strip())
    if parse.problems:
        raise DataError(parse.problems)
    return register


# --- checking ------------------------------------------------------------------------------------------------


def cite_label(cite: Mapping[str, Any]) -> str:
    """``Quyết định số 784/QĐ-UBND ngày 27/02/2019`` from a ``can_cu`` item."""
    parts = [" ".join(str(cite.get("van_ban") or "Văn bản").split())]
    if cite.get("so"):
        parts.append(f"số {cite['so']}")
    date = as_date(cite.get("ngay"))
    if date is not None:
        parts.append(f"ngày {date:%d/%m/%Y}")
    return " ".join(parts)


def assess(cite: Mapping[str, Any], index: int, register: Register, today: dt.date,
           document_date: dt.date | None = None) -> list[BasisIssue]:
    """What needs a look about one basis.

    ``document_date``: only what matters for a document of that date (a text replaced after it was right to
    cite then; an unchecked status matters only for recent documents).
    """
    label = cite_label(cite)
    entry = register.find(cite)
    if entry is None:
        return [] if _old(document_date, today) else [BasisIssue(index, label, UNKNOWN, None)]
    issues: list[BasisIssue] = []
    if entry.status in (REPLACED, AMENDED, ENDED):
        if document_date is None or entry.effective is None or document_date >= entry.effective:
            issues.append(BasisIssue(index, label, entry.status, entry))
    elif entry.status == TO_CHECK and not _old(document_date, today):
        issues.append(BasisIssue(index, label, TO_CHECK, entry))
    if entry.status in (IN_FORCE, AMENDED) and not _old(document_date, today) and (
            entry.checked is None or today - entry.checked > STALE_AFTER):
        issues.append(BasisIssue(index, label, STALE, entry))
    return issues


def _old(document_date: dt.date | None, today: dt.date) -> bool:
    """A document dated over a year ago: its bases were what they were; only status changes since matter."""
    return document_date is not None and today - document_date > STALE_AFTER


def unit_bases(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A unit's ``can_cu`` items that are mappings (anything else is the schema's to report)."""
    bases = data.get("can_cu")
    return [b for b in bases if isinstance(b, Mapping)] if isinstance(bases, list) else []


def document_date(data: Mapping[str, Any]) -> dt.date | None:
    """The document's date: ``ngay_ban_hanh``, or 1 January of ``nam`` for a draft; None when neither."""
    date = as_date(data.get("ngay_ban_hanh"))
    if date is not None:
        return date
    year = data.get("nam")
    if isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2100:
        return dt.date(year, 1, 1)
    return None


def unit_issues(data: Mapping[str, Any], register: Register, today: dt.date,
                dated: bool = False) -> list[BasisIssue]:
    """Issues of every basis of one unit (``dated``: relative to the unit's own document date)."""
    when = document_date(data) if dated else None
    return [issue for i, cite in enumerate(unit_bases(data)) for issue in assess(cite, i, register, today, when)]


def basis_warning(unit: reader.Unit, register: Register, today: dt.date) -> Problem | None:
    """One warning, worded the same for every unit so a batch shows it on one line, when a basis needs a look."""
    if not unit_issues(unit.data, register, today, dated=True):
        return None
    folder = reader.display(unit.path.parent)
    return unit.problem(("can_cu",), "có căn cứ pháp lý cần đối chiếu lại (đã bị thay thế, sửa đổi, hết hiệu lực, "
                                     "chưa có trong sổ căn cứ hoặc chưa được kiểm tra); xem từng căn cứ: "
                                     f"qdocgen check-can-cu {folder}")


@dataclass
class DatasetBases:
    """``check-can-cu``'s answer: per unit, the bases that need a look."""

    folder: Path
    register: Path
    units: dict[str, list[BasisIssue]] = field(default_factory=dict)
    counted: int = 0

    def lines(self) -> list[str]:
        """The listing, per unit, then a summary."""
        out: list[str] = []
        groups: dict[tuple[str, ...], list[str]] = {}
        for unit, issues in self.units.items():
            if issues:  # units that inherit the same bases share one listing
                groups.setdefault(tuple(f"can_cu[{i.index + 1}] {i.message()}" for i in issues), []).append(unit)
        for lines, units in groups.items():
            out.append(f"{units[0]}:" if len(units) == 1 else f"{len(units)} đơn vị ({', '.join(units)}):")
            out += [f"  - {line}" for line in lines]
        flagged = sum(len(v) for v in self.units.values())
        where = sum(1 for v in self.units.values() if v)
        head = f"Xong: {len(self.units)} đơn vị, {self.counted} căn cứ đối chiếu với sổ {reader.display(self.register)}"
        out.append(f"{head}: {flagged} chỗ cần xem ở {where} đơn vị." if flagged
                   else f"{head}: không có căn cứ nào cần xem lại.")
        return out


def check_dataset(folder: Path, register_path: Path | None = None,
                  today: dt.date | None = None) -> DatasetBases:
    """Every unit's bases of a dataset against the register (``today``: for «not checked for over a year»)."""
    register = load_register(register_path)
    today = today or dt.date.today()
    if not folder.is_dir():
        raise DataError([reader.not_a_dataset(folder)])
    problems: list[Problem] = []
    result = DatasetBases(folder, register.path)
    for path in reader.unit_files(folder):
        unit = reader.read_unit(path, (), problems)
        if unit is None:
            continue
        bases = unit_bases(unit.data)
        result.counted += len(bases)
        result.units[unit.id] = unit_issues(unit.data, register, today)
    if problems:
        raise DataError(problems)
    return result
