"""qdocgen lint measured on a labelled corpus (issue 19, point 4): precision and recall per rule, printed.

Every case in ``tests/lint_corpus`` is built at test time, linted, and its reported rule ids compared with its
labels. Figures are counted per (document, rule): a rule reported and labelled is a true positive, reported and not
labelled a false positive, labelled and not reported a false negative. The tuning set (``cases.py``) and the
held-out set (``giu_lai/cases.py``, not read while tuning the rules) are reported apart; the issue's targets
are asserted on the tuning set only.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lint_corpus import score
from lint_corpus.case import KINDS, NEW_RULES, Case
from lint_corpus.cases import CASES as TUNING
from lint_corpus.giu_lai.cases import CASES as HELD_OUT

from qdocgen.lint import RULES, lint_docx
from qdocgen.lint import report as lint_report

PRECISION, RECALL = 0.95, 0.90  # the targets
MIN_CASES = 5  # a rule is judged on its own once it is labelled or reported in this many documents
SLOW = 2.0  # the bound per document, in seconds (reported, asserted with the margin below)
BOUND = 10.0  # asserted: generous, because 8 engineers share 2 cores and a slow run must not fail the suite
OUTSIDE_KINDS = frozenset({"dang", "doan-the", "quy-pham", "bieu-mau", "khac"})  # lint's kinds outside NĐ30


@dataclass(frozen=True)
class Result:
    """What lint reported on one case, and how long it took."""

    case: Case
    found: frozenset[str]
    seconds: float
    messages: tuple[str, ...]
    kind: str | None = None  # the kind lint says the document is, when lint says one


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
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _lint(case: Case, folder: Path) -> Result:
    """Build the case's .docx, lint it and time the lint."""
    path = case.build().save(folder / f"{case.name}.docx")
    document = getattr(lint_report, "lint_path", None)  # the kind and the findings of a file
    start = time.perf_counter()
    kind, findings = document(path) if document else (None, lint_docx(path))
    seconds = time.perf_counter() - start
    return Result(case, frozenset(f.rule for f in findings), seconds,
                  tuple(f"{f.rule}: {f.message}" for f in findings), getattr(kind, "code", None))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict[str, list[Result]]:
    """Every case linted once: ``{"tuning": [...], "held_out": [...]}`` (the tuning part kept for test_lint_real)."""
    folder = tmp_path_factory.mktemp("lint_corpus")
    out = {"tuning": [_lint(c, folder) for c in TUNING], "held_out": [_lint(c, folder) for c in HELD_OUT]}
    request.config.stash[score.BUILT] = [score.Linted(r.case.name, r.case.kind, r.case.expected, r.found, r.seconds,
                                                      r.kind, r.messages) for r in out["tuning"]]
    return out


def scores(results: Iterable[Result]) -> dict[str, Score]:
    """Per rule id, the score over ``results``."""
    out: dict[str, Score] = {}
    for r in results:
        for rule in r.case.expected | r.found:
            hit = Score(tp=int(rule in r.case.expected and rule in r.found), fp=int(rule not in r.case.expected),
                        fn=int(rule not in r.found))
            out[rule] = out.get(rule, Score()) + hit
    return out


def total(per_rule: dict[str, Score]) -> Score:
    """All rules summed (micro average)."""
    return sum(per_rule.values(), Score())


def table(title: str, results: list[Result]) -> str:
    """The figures of one set as a text table, then its worst documents."""
    per_rule = scores(results)
    lines = [f"{title}: {len(results)} văn bản",
             f"  {'quy tắc':<22}{'số VB':>6}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}"]
    for rule in sorted(per_rule, key=lambda r: (-per_rule[r].cases, r)):
        s = per_rule[rule]
        lines.append(f"  {rule:<22}{s.cases:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.2f}{s.recall:>8.2f}")
    s = total(per_rule)
    lines.append(f"  {'TỔNG':<22}{s.cases:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.2f}{s.recall:>8.2f}")
    slowest = max(results, key=lambda r: r.seconds)
    over = sum(r.seconds > SLOW for r in results)
    lines.append(f"  chậm nhất: {slowest.case.name} {slowest.seconds:.2f} s; trung bình "
                 f"{sum(r.seconds for r in results) / len(results):.2f} s; trên {SLOW:g} s: {over} văn bản")
    lines.append(kinds_line(results))
    wrong = [r for r in results if r.found != r.case.expected]
    for r in wrong:
        extra, missed = sorted(r.found - r.case.expected), sorted(r.case.expected - r.found)
        lines.append(f"  {r.case.name} ({r.case.kind}): thừa {extra or '-'}, thiếu {missed or '-'}")
    return "\n".join(lines)


def kind_right(r: Result) -> bool:
    """Whether lint named the case's kind (for «khac»: whether it put the document on the right side of NĐ30)."""
    if r.case.kind != "khac":
        return r.kind == r.case.kind
    inside = not r.case.expected & {"pham-vi"}
    return r.kind not in OUTSIDE_KINDS if inside else r.kind in OUTSIDE_KINDS


def kinds_line(results: list[Result]) -> str:
    """How often lint named the kind right, and its mistakes."""
    if all(r.kind is None for r in results):
        return "  loại văn bản: lint chưa cho biết loại"
    wrong = [f"{r.case.name} ({r.case.kind} → {r.kind})" for r in results if not kind_right(r)]
    return (f"  loại văn bản đúng {len(results) - len(wrong)}/{len(results)}"
            + (f"; nhầm: {', '.join(wrong)}" if wrong else ""))


def figures(results: list[Result]) -> str:
    """Overall precision and recall, and the rules judged alone that miss the targets, in one line."""
    per_rule = scores(results)
    s = total(per_rule)
    short = [f"{rule} P={v.precision:.2f} R={v.recall:.2f}" for rule, v in sorted(per_rule.items())
             if v.cases >= MIN_CASES and (v.precision < PRECISION or v.recall < RECALL)]
    return f"P={s.precision:.2f} R={s.recall:.2f}; dưới ngưỡng: {', '.join(short) or 'không'}"


def test_corpus_is_labelled() -> None:
    """At least 40 cases, a third held out, every kind present, known rule ids, one source each, unique names."""
    cases = TUNING + HELD_OUT
    assert len(cases) >= 40
    assert 0.25 <= len(HELD_OUT) / len(cases) <= 0.4
    names = [c.name for c in cases]
    assert len(set(names)) == len(names)
    assert {c.kind for c in cases} == set(KINDS)
    assert len({c.kind for c in HELD_OUT}) >= 8, "the held-out part is spread over kinds"
    known = set(RULES) | set(NEW_RULES)
    for c in cases:
        assert c.expected <= known, c.name
        assert c.source and c.models, c.name
        assert c.fault is None or c.expected == {c.fault}, c.name
    faults = [c for c in cases if c.fault]
    assert len(faults) >= 12
    assert len({c.fault for c in faults}) >= 10
    assert sum(c.expected == {"pham-vi"} for c in cases) >= 8


def test_sources_are_listed() -> None:
    """NGUON.md names every source a case cites (by its address, or by the file it names)."""
    text = (Path(__file__).parent / "lint_corpus" / "NGUON.md").read_text(encoding="utf-8")
    for c in TUNING + HELD_OUT:
        address = c.source.split(" (")[0]
        assert address in text, f"{c.name}: {address} is not in NGUON.md"


def test_every_document_is_linted_in_time(results: dict[str, list[Result]], capsys: pytest.CaptureFixture[str]) -> None:
    """No crash (every case gave a result); each document well under the bound; the figures printed."""
    report = "\n\n".join([table("Tập điều chỉnh (tests/lint_corpus/cases.py)", results["tuning"]),
                          table("Tập giữ lại (tests/lint_corpus/giu_lai/cases.py)", results["held_out"])])
    with capsys.disabled():
        print("\n\nqdocgen lint trên bộ văn bản mẫu có gán nhãn (issue 19)\n" + report + "\n")
    everything = results["tuning"] + results["held_out"]
    assert len(everything) == len(TUNING) + len(HELD_OUT)
    slow = [f"{r.case.name} {r.seconds:.2f} s" for r in everything if r.seconds > BOUND]
    assert not slow, slow


def test_tuning_set_meets_the_targets(results: dict[str, list[Result]]) -> None:
    """Precision ≥ 0.95 and recall ≥ 0.90 overall and for each rule judged in at least 5 documents."""
    per_rule = scores(results["tuning"])
    s = total(per_rule)
    assert s.precision >= PRECISION and s.recall >= RECALL, figures(results["tuning"])
    for rule, v in per_rule.items():
        if v.cases >= MIN_CASES:
            assert v.precision >= PRECISION and v.recall >= RECALL, f"{rule}: {figures(results['tuning'])}"


def test_out_of_scope_documents_get_only_the_notice(results: dict[str, list[Result]]) -> None:
    """A Party document, a legal normative document, a form or a note: the ``pham-vi`` notice and nothing else."""
    wrong = {r.case.name: sorted(r.found) for r in results["tuning"]
             if r.case.expected == {"pham-vi"} and r.found != {"pham-vi"}}
    assert not wrong, wrong


def test_kinds_are_counted(results: dict[str, list[Result]]) -> None:
    """How the corpus spreads over kinds (printed with the figures)."""
    counts = Counter(r.case.kind for rs in results.values() for r in rs)
    assert set(counts) == set(KINDS)


def _paragraphs(path: Path) -> tuple[Any, list[Paragraph]]:
    """The document, and every paragraph of its body and of its tables (body first, then each table's)."""
    doc = Document(str(path))
    out = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out += cell.paragraphs
    return doc, out


def _body(paras: list[Paragraph]) -> list[Paragraph]:
    """The justified paragraphs (the body text of the corpus' documents)."""
    return [p for p in paras if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and p.text.strip()]


def _named(paras: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs holding a signer's name the corpus uses."""
    return [p for p in paras if p.text.strip() in NAMES]


def _starting(paras: list[Paragraph], *words: str) -> list[Paragraph]:
    """Paragraphs whose text starts with one of ``words``."""
    return [p for p in paras if p.text.strip().startswith(words)]


FAULT_SHOWN: dict[str, Callable[[Any, list[Paragraph]], bool]] = {
    "nguoi-ky-ten": lambda d, ps: not any(p.text.strip() and not p.text.isupper() and not p.text.startswith("(")
                                       and all(r.bold for r in p.runs if r.text.strip()) and p.alignment is not
                                       WD_ALIGN_PARAGRAPH.JUSTIFY and len(p.text.split()) in (3, 4)
                                       for p in ps[-12:]),
    "vi-tri-dau-trang": lambda d, ps: _starting(ps, "CỘNG HÒA")[0] in ps[:8] and all(
        p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in ps[:6] if p.text.strip()),
    "gian-dong": lambda d, ps: bool(_body(ps)) and all(p.paragraph_format.line_spacing == 2.0 for p in _body(ps)),
    "gian-doan": lambda d, ps: bool(_body(ps)) and all(p.paragraph_format.space_before == 0 for p in _body(ps)),
    "thut-dau-dong": lambda d, ps: bool(_body(ps)) and all(not p.paragraph_format.first_line_indent for p in _body(ps)),
    "vv-cong-van": lambda d, ps: not _starting(ps, "V/v"),
    "dia-danh-ngay": lambda d, ps: any(re.search(r", ngày (\d|\d+ tháng [12]) ", p.text) for p in ps),
    "can-cu-dau-cau": lambda d, ps: _starting(ps, "Căn cứ", "Xét")[-1].text.endswith(","),
    "can-cu-nghieng": lambda d, ps: bool(_starting(ps, "Căn cứ")) and not any(
        r.italic for p in _starting(ps, "Căn cứ") for r in p.runs),
    "co-quan-chu-quan": lambda d, ps: all(r.bold for r in _starting(ps, "ỦY BAN NHÂN DÂN QUẬN")[0].runs),
    "noi-nhan": lambda d, ps: all(r.underline for r in _starting(ps, "Nơi nhận")[0].runs),
    "so-ky-hieu": lambda d, ps: bool(re.match(r"Số: \d/", _starting(ps, "Số:")[0].text)),
    "luu": lambda d, ps: _starting(ps, "- Lưu")[0].text.endswith(";"),
    "dieu": lambda d, ps: bool(_starting(ps, "Điều 1:")),
    "tieu-ngu": lambda d, ps: all(r.font.size == Pt(13) for r in _starting(ps, "Độc lập")[0].runs),
    "nguoi-ky": lambda d, ps: bool(_named(ps)) and not any(r.bold for p in _named(ps) for r in p.runs),
    "phong-chu": lambda d, ps: any(r.font.name == "Arial" for p in _body(ps) for r in p.runs),
    "le-trang": lambda d, ps: round(d.sections[0].left_margin.mm) == 20,
    "so-trang": lambda d, ps: bool(d.sections[0].footer.paragraphs[0].runs),
    "ten-loai": lambda d, ps: any(p.text.strip() in TYPE_NAMES for p in ps) and not any(
        r.bold for p in ps if p.text.strip() in TYPE_NAMES for r in p.runs),
    "tham-quyen-ky": lambda d, ps: bool(_starting(ps, "TM ", "KT ", "TL ")),
}
NAMES = frozenset({"Lê Thị Hồng Vân", "Bùi Thị Thu Hà", "Châu Văn Phước", "Võ Thị Mai", "Trần Minh Đức"})
TYPE_NAMES = frozenset({"QUYẾT ĐỊNH", "BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO", "GIẤY MỜI", "CHƯƠNG TRÌNH"})


def test_each_fault_is_in_its_document(tmp_path: Path) -> None:
    """The corpus says what it does: each injected fault can be seen in its .docx, and not in a clean one."""
    clean = [c for c in TUNING + HELD_OUT if not c.expected]
    for case in [c for c in TUNING + HELD_OUT if c.fault]:
        shown = FAULT_SHOWN[case.fault]
        assert shown(*_paragraphs(case.build().save(tmp_path / f"{case.name}.docx"))), case.name
    for case in clean:
        doc, paras = _paragraphs(case.build().save(tmp_path / f"{case.name}.docx"))
        skip = {"nguoi-ky-ten"} | ({"vv-cong-van"} if case.kind != "cong-van" else set())
        shown = [rule for rule, check in FAULT_SHOWN.items() if rule not in skip and _safe(check, doc, paras)]
        assert not shown, f"{case.name} shows {shown}"


def _safe(check: Callable[[Any, list[Paragraph]], bool], doc: Any, paras: list[Paragraph]) -> bool:
    """The check's answer, false where the document lacks the part it looks at."""
    try:
        return check(doc, paras)
    except IndexError:
        return False
