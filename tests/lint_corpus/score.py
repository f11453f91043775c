"""Precision and recall per rule of ``qdocgen lint`` on labelled documents, and the text tables that show them."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from qdocgen.lint import report

PRECISION, RECALL = 0.95, 0.90  # the targets
MIN_CASES = 5  # a rule is judged on its own once it is labelled or reported in this many documents
SLOW = 2.0  # the bound per document, in seconds
OUTSIDE = frozenset({"dang", "doan-the", "quy-pham", "bieu-mau", "khac"})  # kinds outside Nghị định 30


@dataclass(frozen=True)
class Linted:
    """What lint said about one labelled document.

    Attributes:
        name: The document (a real file, or «file--rule» for an injected fault).
        kind: The labelled kind.
        expected: The labelled rule ids.
        found: The rule ids lint reported.
        seconds: How long lint took on the file.
        lint_kind: The kind lint gave, if it gave one.
        messages: Lint's findings as «rule: where: message».
    """

    name: str
    kind: str
    expected: frozenset[str]
    found: frozenset[str]
    seconds: float
    lint_kind: str | None
    messages: tuple[str, ...]


def lint_file(path: Path, name: str, kind: str, expected: frozenset[str]) -> Linted:
    """Lint one file and time it."""
    start = time.perf_counter()
    found_kind, findings = report.lint_path(path)
    seconds = time.perf_counter() - start
    return Linted(name, kind, expected, frozenset(f.rule for f in findings), seconds,
                  getattr(found_kind, "code", None), tuple(f"{f.rule}: {f.where}: {f.message}" for f in findings))


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one rule (or of all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 when nothing was reported."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 when nothing was labelled."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def cases(self) -> int:
        """Documents in which the rule was labelled or reported."""
        return self.tp + self.fp + self.fn

    def __add__(self, other: Score) -> Score:
        """Both counts summed."""
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def scores(results: Iterable[Linted]) -> dict[str, Score]:
    """Per rule id, counted per (document, rule)."""
    out: dict[str, Score] = {}
    for r in results:
        for rule in r.expected | r.found:
            hit = Score(tp=int(rule in r.expected and rule in r.found), fp=int(rule not in r.expected),
                        fn=int(rule not in r.found))
            out[rule] = out.get(rule, Score()) + hit
    return out


def total(per_rule: dict[str, Score]) -> Score:
    """All rules summed (micro average)."""
    return sum(per_rule.values(), Score())


def short(per_rule: dict[str, Score]) -> list[str]:
    """The rules judged alone (enough cases) that miss a target, with their figures."""
    return [f"{rule} P={v.precision:.2f} R={v.recall:.2f}" for rule, v in sorted(per_rule.items())
            if v.cases >= MIN_CASES and (v.precision < PRECISION or v.recall < RECALL)]


def kind_right(r: Linted) -> bool:
    """Whether lint named the labelled kind («khac»: whether lint put it on the right side of Nghị định 30)."""
    if r.kind == "khac":
        return (r.lint_kind in OUTSIDE) == ("pham-vi" in r.expected)
    return r.lint_kind == r.kind


def table(title: str, results: list[Linted], details: bool = True) -> str:
    """The figures of one part as a text table, its times and kinds, then (``details``) each wrong document."""
    if not results:
        return f"{title}: chưa có văn bản"
    per_rule = scores(results)
    lines = [f"{title}: {len(results)} văn bản",
             f"  {'quy tắc':<22}{'số VB':>6}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}"]
    for rule in sorted(per_rule, key=lambda r: (-per_rule[r].cases, r)):
        s = per_rule[rule]
        lines.append(f"  {rule:<22}{s.cases:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.2f}{s.recall:>8.2f}")
    s = total(per_rule)
    lines.append(f"  {'TỔNG':<22}{s.cases:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.2f}{s.recall:>8.2f}")
    slowest = max(results, key=lambda r: r.seconds)
    lines.append(f"  chậm nhất: {slowest.name} {slowest.seconds:.2f} s; trung bình "
                 f"{sum(r.seconds for r in results) / len(results):.2f} s; trên {SLOW:g} s: "
                 f"{sum(r.seconds > SLOW for r in results)} văn bản")
    wrong_kind = [f"{r.name} ({r.kind} → {r.lint_kind})" for r in results if not kind_right(r)]
    lines.append(f"  loại văn bản đúng {len(results) - len(wrong_kind)}/{len(results)}"
                 + (f"; nhầm: {', '.join(wrong_kind)}" if wrong_kind else ""))
    for r in results if details else ():
        if r.found != r.expected:
            extra, missed = sorted(r.found - r.expected), sorted(r.expected - r.found)
            lines.append(f"  {r.name} ({r.kind}): thừa {extra or '-'}, thiếu {missed or '-'}")
            lines += [f"      {m[:160]}" for m in r.messages if m.split(":", 1)[0] in extra]
    return "\n".join(lines)


BUILT = pytest.StashKey[list[Linted]]()
"""Where test_lint_corpus leaves its built tuning cases' results, for the overall table of test_lint_real."""
