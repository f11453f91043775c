"""Real documents of the corpus: a .docx as it was published, its source, its kind and the findings it must get."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lint_corpus.case import KINDS, NEW_RULES

HERE = Path(__file__).parent / "that"
"""The tuning part (``that/``); the held-out part is ``that/giu_lai/``."""

VBAI = "github.com/vpubnd49/VBAI@f43aae4 Skill_The_Thuc_VB_ND30/"
"""Documents of the People's Committee of Lâm Đồng (and Bình Thuận before the 2025 merger) kept in a public repo."""


@dataclass(frozen=True)
class Real:
    """A real document and its hand-made labels.

    Attributes:
        name: The file's stem under ``that/`` (or ``that/giu_lai/``).
        kind: One of :data:`lint_corpus.case.KINDS`.
        source: Where the file was taken from (``repo@commit path`` or an address).
        labels: Every rule id lint must report, each with the reason read in the document (one line).
        note: What a reader of the figures should know (a judgement call, a doubtful case); empty if none.
    """

    name: str
    kind: str
    source: str
    labels: dict[str, str] = field(default_factory=dict)
    note: str = ""

    @property
    def expected(self) -> frozenset[str]:
        """The rule ids lint must report."""
        return frozenset(self.labels)


def out_of_scope(name: str, kind: str, source: str, why: str) -> Real:
    """A document outside Nghị định 30: only the one ``pham-vi`` notice."""
    return Real(name, kind, source, {"pham-vi": why})


def check(docs: list[Real], folder: Path, known: set[str]) -> list[str]:
    """What is wrong with a list of labelled documents (missing file, unknown kind or rule id), as messages."""
    wrong = []
    for d in docs:
        if not (folder / f"{d.name}.docx").is_file():
            wrong.append(f"{d.name}: no {d.name}.docx in {folder}")
        if d.kind not in KINDS:
            wrong.append(f"{d.name}: unknown kind {d.kind}")
        unknown = d.expected - known - set(NEW_RULES)
        if unknown:
            wrong.append(f"{d.name}: unknown rule ids {sorted(unknown)}")
        if not all(reason.strip() for reason in d.labels.values()):
            wrong.append(f"{d.name}: a label without its reason")
    return wrong
