"""The review of a dataset carried to a new year: what cannot follow the year by itself, and the report.

Years written out, last year's documents, legal bases (with what the register of legal bases says), and
after the 2025 reorganisation districts and outdated terms: each a ``Problem`` for the clerk to look at,
listed in ``_xem-lai.md`` with a hidden fingerprint (``data.review_list``) so ``batch`` can tell open items.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from qdocgen import vnformat
from qdocgen.data import legal_bases
from qdocgen.data.reader import KeyPath, display, key_path
from qdocgen.data.review_list import REVIEW_NAME, marker
from qdocgen.errors import Problem

REPORT_NAME = REVIEW_NAME
YEAR_KEY = "nam"
DRAFT_KEYS = ("so", "ngay_ban_hanh")
BASES_KEY = "can_cu"
PROPOSAL_KEY = "de_nghi"
# Where a district can only be a leftover after 2025: the bodies, the place, the recipients, the proposer.
DISTRICT_KEYS = ("co_quan_chu_quan", "co_quan", "dia_danh", "noi_nhan", PROPOSAL_KEY)
PAST_WINDOW = 10

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_JINJA_NAM = re.compile(r"\{[{%][^}]*\bnam\b", re.S)
# A year standing alone: not a standard's edition ("ISO 9001:2008") nor the middle of a document number
# ("19/2014/QĐ-TTg"), but a date's year ("27/02/2019") counts.
_YEAR = re.compile(r"(?<![\d:.,])((?:19|20)\d\d)(?![\d/])")


def _finding(file: str, key: str, line: int | None, text: str, advice: str, mark: str) -> Problem:
    """One thing for the clerk to look at: where it is written, what it says, and what to do («text — advice»)."""
    return Problem(file, key, f"{text} — {advice}", line, severity="warning", text=text, mark=mark)


@dataclass
class NewYearResult:
    """What ``carry_forward`` did and what the clerk should review."""

    source: Path
    target: Path
    old_year: int
    year: int
    changes: list[str] = field(default_factory=list)
    fixed_years: list[Problem] = field(default_factory=list)
    legal_bases: list[Problem] = field(default_factory=list)
    last_year_refs: list[Problem] = field(default_factory=list)
    outdated: list[Problem] = field(default_factory=list)  # districts and old terms, for a year after 2025
    two_level_from: dt.date | None = None  # set when the new year comes after the reorganisation
    relative: int = 0
    not_copied: list[str] = field(default_factory=list)

    @property
    def report_path(self) -> Path:
        """The review report inside the new dataset."""
        return self.target / REPORT_NAME

    @property
    def review_count(self) -> int:
        """How many places the clerk should look at."""
        return len(self.fixed_years) + len(self.legal_bases) + len(self.last_year_refs) + len(self.outdated)

    def report_text(self, hidden: bool = True) -> str:
        """The review report (Markdown), as written to ``_xem-lai.md`` and printed by the CLI.

        ``hidden``: each item carries its file, key and fingerprint in an HTML comment (what ``batch`` reads to
        tell open items from those done); the printed copy leaves them out.
        """
        out = [f"# Xem lại trước khi trình ký: bộ dữ liệu năm {self.year}", "",
               "Mỗi mục «- [ ]» là một chỗ cần xem. Xong thì sửa dữ liệu ở chỗ đó (mục tự coi là đã xem) hoặc "
               "đánh dấu «- [x]»; `qdocgen batch` báo số mục còn mở.", "",
               f"Tạo từ `{display(self.source)}` (năm {self.old_year}) bằng `qdocgen new-year`. Đã làm:", ""]
        out += [f"- {line}" for line in self.changes]
        out.append(f"- {self.relative} giá trị viết theo năm (dạng `{{{{ nam - 1 }}}}`) tự đổi theo, "
                   "không cần sửa." if self.relative else
                   "- Không có giá trị nào viết theo năm (dạng `{{ nam - 1 }}`).")
        out.append("- Ghi chú (dòng `#`) giữ nguyên như năm cũ; sửa lại nếu còn nhắc năm cũ.")
        if self.not_copied:
            out.append(f"- Không chép (không phải tệp dữ liệu): {', '.join(self.not_copied)}.")
        sections: list[tuple[str, list[Problem]]] = [
            (f"Giá trị ghi cứng một năm đã qua ({self.year - PAST_WINDOW}–{self.year - 1})", self.fixed_years),
            (f"Viện dẫn văn bản của năm {self.old_year} (quyết định, tờ trình năm trước)", self.last_year_refs),
            ("Căn cứ pháp lý: kiểm tra còn hiệu lực, chưa bị thay thế", self.legal_bases),
        ]
        if self.two_level_from is not None:
            sections.append((f"Cấp huyện và cách gọi cũ (văn bản từ {self.two_level_from:%d/%m/%Y} không còn "
                             "quận, huyện, thị xã)", self.outdated))
        for number, (title, items) in enumerate(sections, 1):
            out += ["", f"## {number}. {title}: {len(items)}", ""]
            out += [f"- [ ] {item}" + (f" {item.mark}" if item.mark and hidden else "") for item in items] \
                if items else ["Không có."]
        return "\n".join(out) + "\n"


def _line(node: Any, key: str | int) -> int | None:
    try:
        if isinstance(node, CommentedMap):
            return int(node.lc.key(key)[0]) + 1
        if isinstance(node, CommentedSeq):
            return int(node.lc.item(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return None


def _children(node: Any) -> Iterator[tuple[str | int, Any]]:
    if isinstance(node, CommentedMap):
        yield from ((str(k), v) for k, v in node.items())
    elif isinstance(node, CommentedSeq):
        yield from enumerate(node)


def _walk(node: Any, prefix: KeyPath, line: int | None) -> Iterator[tuple[KeyPath, Any, int | None]]:
    """Every scalar under ``node`` with its key path and line."""
    if isinstance(node, (CommentedMap, CommentedSeq)):
        for key, value in _children(node):
            yield from _walk(value, prefix + (key,), _line(node, key) or line)
    else:
        yield prefix, node, line


def _plain_text(value: str) -> str:
    return " ".join(_JINJA.sub(" ", value).split())


def _snippet(text: str, start: int, end: int, width: int = 45) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _date_of(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return vnformat.parse_date(value)
        except vnformat.FormatError:
            return None
    return None


def _year_of(value: Any) -> int | None:
    date = _date_of(value)
    return date.year if date else None


def _cite(entry: CommentedMap) -> str:
    """``Quyết định số 784/QĐ-UBND ngày 27/02/2019`` from a ``can_cu`` or ``de_nghi`` entry."""
    parts = [_plain_text(str(entry.get("van_ban") or entry.get("nguoi") or "(không ghi loại văn bản)"))]
    if entry.get("so"):
        parts.append(f"số {entry['so']}")
    date = _date_of(entry.get("ngay"))
    if date is not None:
        parts.append(f"ngày {date:%d/%m/%Y}")
    return " ".join(parts)


def _cites_year(entry: Any, year: int) -> bool:
    """Whether a cited document is dated in ``year`` or names it (``12/2019/QĐ-UBND``, ``năm 2019``)."""
    if isinstance(entry, CommentedMap) and _year_of(entry.get("ngay")) == year:
        return True
    # Jinja is searched too: a citation may be written as {{ trich_dan(..., ngay="2019-02-27") }}.
    # A number that merely looks like the year ("2019/QĐ-UBND", so: 2019) is not a year.
    texts = [v for _k, v, _l in _walk(entry, (), None) if isinstance(v, str)]
    return any(not (m.start() == 0 and v[m.end():m.end() + 1] == "/")
               for v in texts for m in re.finditer(rf"(?<!\d){year}(?!\d)", v))


class Review:
    """Collects findings over the files of a dataset."""

    def __init__(self, result: NewYearResult, register: legal_bases.Register, today: dt.date) -> None:
        self.result = result
        self.low, self.high = result.year - PAST_WINDOW, result.year - 1
        self.register, self.today = register, today
        start = register.two_level_from
        if start is not None and dt.date(result.year, 1, 1) >= start:
            result.two_level_from = start
        levels = register.removed_levels
        self.district = legal_bases.phrase_pattern(levels) if levels and result.two_level_from else None

    def scan(self, name: str, doc: CommentedMap) -> None:
        """Review one file's document (``name``: the file's name)."""
        if self.result.two_level_from is not None:
            self._outdated(name, doc)
        for key, value in doc.items():
            key = str(key)
            line = _line(doc, key)
            if key in (YEAR_KEY, *DRAFT_KEYS):
                continue
            if key == BASES_KEY and isinstance(value, CommentedSeq):
                for i, entry in enumerate(value):
                    self._basis(name, (key, i), entry, _line(value, i) or line)
            elif key == PROPOSAL_KEY and isinstance(value, CommentedMap) and _cites_year(value, self.result.old_year):
                self.result.last_year_refs.append(_finding(
                    name, key, line, _cite(value),
                    f"văn bản đề nghị của năm {self.result.old_year}; ghi tờ trình của năm {self.result.year} "
                    "(van_ban, so, ngay) hoặc bỏ đi.", marker(name, (key,), value)))
            else:
                self._values(name, (key,), value, line)

    def _basis(self, name: str, key: KeyPath, entry: Any, line: int | None) -> None:
        shown = _cite(entry) if isinstance(entry, CommentedMap) else _plain_text(str(entry))
        if _cites_year(entry, self.result.old_year):
            self.result.last_year_refs.append(_finding(
                name, key_path(key), line, shown,
                f"văn bản của năm {self.result.old_year}: nếu đã có văn bản của năm {self.result.year} thay thế "
                "(ví dụ quyết định mục tiêu chất lượng mới của quận) thì dẫn văn bản mới."
                + self._register_says(entry, key), marker(name, key, entry)))
        else:
            self.result.legal_bases.append(_finding(
                name, key_path(key), line, shown, "còn hiệu lực không, đã bị sửa đổi hay thay thế chưa?"
                + self._register_says(entry, key), marker(name, key, entry)))

    def _outdated(self, name: str, doc: CommentedMap) -> None:
        """Districts in the header, place or recipients, and terms the register calls outdated (not in citations)."""
        for key, value, where in _walk(doc, (), None):
            if not isinstance(value, str) or not key or key[0] in (BASES_KEY, YEAR_KEY, *DRAFT_KEYS):
                continue
            text = " ".join(value.split())
            found: list[tuple[int, str]] = []
            match = self.district.search(text) if self.district and key[0] in DISTRICT_KEYS else None
            if match is not None:
                found.append((match.start(), f"cơ quan, địa danh cấp huyện («{match[0]}»)"))
            found += [(m.start(), f"«{m[0]}» nay gọi là {term.replacement}")
                      for term, m in self.register.outdated(text)]
            if found:
                at = min(start for start, _ in found)
                self.result.outdated.append(_finding(
                    name, key_path(key), where, f"«{_snippet(text, at, at, 40)}»",
                    f"{'; '.join(words for _, words in found)}: sửa cho đúng với năm {self.result.year}.",
                    marker(name, key, value)))

    def _register_says(self, entry: Any, key: KeyPath) -> str:
        """What the register of legal bases says about a cited text, for a document of the new year."""
        if not isinstance(entry, CommentedMap):
            return ""
        when = dt.date(self.result.year, 1, 1)
        index = key[-1] if isinstance(key[-1], int) else 0
        issues = legal_bases.assess(entry, index, self.register, self.today, when)
        if not issues:
            return " Đối chiếu sổ căn cứ: còn hiệu lực, đã kiểm tra trong năm qua."
        return " Đối chiếu sổ căn cứ: " + "; ".join(i.message.removeprefix(f"{i.text}: ") for i in issues) + "."

    def _values(self, name: str, prefix: KeyPath, node: Any, line: int | None) -> None:
        for key, value, where in _walk(node, prefix, line):
            if isinstance(value, str):
                if _JINJA_NAM.search(value):
                    self.result.relative += 1
                text = _plain_text(value)
                for match in _YEAR.finditer(text):
                    if self.low <= int(match[1]) <= self.high:
                        self.result.fixed_years.append(_finding(
                            name, key_path(key), where, f"«{_snippet(text, match.start(), match.end())}»",
                            f"năm {match[1]} viết cố định; nếu là năm trước thì viết «{{{{ nam - 1 }}}}» "
                            "để năm sau tự đổi, nếu đúng là năm đó thì giữ nguyên.", marker(name, key, value)))
                        break
            elif isinstance(value, dt.date) or (isinstance(value, int) and not isinstance(value, bool)):
                year = value.year if isinstance(value, dt.date) else value
                if self.low <= year <= self.high:
                    self.result.fixed_years.append(_finding(
                        name, key_path(key), where, str(value),
                        f"năm {year} viết cố định; kiểm tra còn đúng cho năm {self.result.year} không.",
                        marker(name, key, value)))
