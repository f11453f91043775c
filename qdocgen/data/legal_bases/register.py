"""The register of legal bases as read: its texts, outdated terms, and how a citation is looked up."""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen import vnformat

REGISTER_NAME = "can-cu.yaml"
IN_FORCE, AMENDED, REPLACED, ENDED, TO_CHECK = "con_hieu_luc", "sua_doi", "thay_the", "het_hieu_luc", "can_kiem_tra"
STATUSES = (IN_FORCE, AMENDED, REPLACED, ENDED, TO_CHECK)
UNKNOWN, STALE = "khong_co_trong_so", "lau_chua_kiem_tra"
STALE_AFTER = dt.timedelta(days=365)


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


def default_register_path() -> Path:
    """The register shipped with qdocgen: the source tree's ``data/``, else the installed share folder."""
    folders = _register_folders()
    for folder in folders:
        if (folder / REGISTER_NAME).is_file():
            return folder / REGISTER_NAME
    return folders[0] / REGISTER_NAME


@functools.lru_cache(maxsize=1)
def _register_folders() -> tuple[Path, ...]:
    """Where the shipped register may be, in order (worked out once: every unit of a batch asks)."""
    import site

    here = Path(__file__).resolve().parents[3]  # qdocgen/data/legal_bases/ → the source tree
    shares = (Path(sys.prefix), Path(site.getuserbase()))  # a virtual environment or pipx; pip install --user
    return (here / "data", *[s / "share" / "qdocgen" for s in shares])


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
