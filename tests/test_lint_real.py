"""qdocgen lint on real documents (issue 19, point 4): precision and recall per rule, printed with every run.

The documents are real .docx files of People's Committees and their departments, the decree 30/2020 and its
appendices, and blank citizens' forms (``tests/lint_corpus/that/``, sources and licence in NGUON.md), labelled by
hand (``that/nhan.py``). For each rule, one fault is injected into real documents that are clean for it
(``lint_corpus/mutations.py``). The figures go to the terminal whether or not pytest captures output.

The held-out part (``that/giu_lai/``) holds documents of OTHER offices, labelled by hand before lint ever ran on them.
It is blind: linted, printed and held to the targets only with ``QDOCGEN_GIU_LAI=1``, run once at the end of a
session (NGUON.md records each run). The earlier held-out part, looked at in the session of stop 27, is now tuning.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from docx import Document
from lint_corpus import score
from lint_corpus.mutations import MUTATIONS
from lint_corpus.real import HERE, Real, check
from lint_corpus.that.giu_lai.nhan import DOCS as HELD_OUT
from lint_corpus.that.nhan import DOCS as TUNING

from qdocgen.lint import RULES

HELD = HERE / "giu_lai"
PER_RULE = 5  # documents each rule's fault is injected into (the issue's «enough cases»)
PER_RULE_HELD = 3  # the same in the held-out part (fewer: it is only printed, and the suite must stay fast)
BLIND = os.environ.get("QDOCGEN_GIU_LAI") == "1"  # the held-out part is linted only when asked, once
NOT_RUN = "Tập giữ lại (văn bản của nơi khác, mù): chỉ chạy khi đặt QDOCGEN_GIU_LAI=1, một lần ở cuối phiên"
BOUND = 10.0  # asserted per document: generous, because several engineers share 2 cores; 2 s is reported
NOT_MUTATED = frozenset({"phu-luc"}) | score.OUTSIDE  # appendices and documents outside NĐ30 get no fault


def _lint(docs: Iterable[Real], folder: Path) -> list[score.Linted]:
    """Lint every real document of a part."""
    return [score.lint_file(folder / f"{d.name}.docx", d.name, d.kind, d.expected) for d in docs]


def variants(docs: list[Real], folder: Path, out: Path, per_rule: int = PER_RULE) -> list[tuple[Real, str, Path]]:
    """For each rule, up to ``per_rule`` documents clean for it with that one fault injected, saved in ``out``.

    The smaller half of the documents is tried first, from a place that moves with the rule (the same choice on every
    run, many different documents, a fast suite).

    Returns:
        (base document, rule id, variant file) for each variant made.
    """
    made = []
    bases = sorted(((d, (folder / f"{d.name}.docx").read_bytes()) for d in docs if d.kind not in NOT_MUTATED),
                   key=lambda b: (len(b[1]), b[0].name))
    for i, (rule, mutate) in enumerate(MUTATIONS.items()):
        count = 0
        start = (3 * i) % max(len(bases) // 2, 1)  # each rule starts further down the list: more documents used
        for d, data in bases[start:] + bases[:start]:
            if count == per_rule or rule in d.labels:
                continue
            doc = Document(io.BytesIO(data))
            if mutate(doc):
                path = out / f"{d.name}--{rule}.docx"
                doc.save(str(path))
                made.append((d, rule, path))
                count += 1
    return made


def new_in_variants(variants_: list[score.Linted], bases: list[score.Linted]) -> str:
    """The variants whose injected fault was missed or that got findings their base did not get, one line each."""
    found = {r.name: r.found for r in bases}
    lines = []
    for r in variants_:
        base, rule = r.name.split("--")
        extra = sorted(r.found - r.expected - found.get(base, frozenset()))
        if rule not in r.found or extra:
            lines.append(f"  {r.name}: {'thấy' if rule in r.found else 'KHÔNG thấy'} {rule}; thừa mới {extra or '-'}")
            lines += [f"      {m[:160]}" for m in r.messages if m.split(":", 1)[0] in extra]
    return "\n".join(lines) or "  (mọi lỗi cài vào đều được báo, không thừa gì mới)"


def _lint_variants(made: list[tuple[Real, str, Path]]) -> list[score.Linted]:
    """Lint each variant: its labels are its base's plus the injected rule."""
    return [score.lint_file(path, f"{d.name}--{rule}", d.kind, d.expected | {rule}) for d, rule, path in made]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Real, str, Path]]:
    """The injected faults of the tuning part, made once."""
    return variants(TUNING, HERE, tmp_path_factory.mktemp("bien_the"))


@pytest.fixture(scope="module")
def parts(made: list[tuple[Real, str, Path]], tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, list[score.Linted]]:
    """Every part linted once: the tuning part and its injected faults; the held-out part's when :data:`BLIND`."""
    out = {"real": _lint(TUNING, HERE), "mutated": _lint_variants(made)}
    if BLIND:
        out["held"] = _lint(HELD_OUT, HELD)
        out["mutated_held"] = _lint_variants(variants(HELD_OUT, HELD, tmp_path_factory.mktemp("bien_the_giu_lai"),
                                                      PER_RULE_HELD))
    return out


def test_every_file_is_labelled() -> None:
    """Each .docx of both parts has labels (known kind and rule ids, a reason each) and each label its file."""
    known = set(RULES)
    assert not check(TUNING, HERE, known) + check(HELD_OUT, HELD, known)
    for docs, folder in ((TUNING, HERE), (HELD_OUT, HELD)):
        assert sorted(p.stem for p in folder.glob("*.docx")) == sorted(d.name for d in docs)
    names = [d.name for d in TUNING + HELD_OUT]
    assert len(set(names)) == len(names)
    assert sum(1 for d in TUNING if d.kind not in score.OUTSIDE) >= 25


def test_sources_and_sizes() -> None:
    """NGUON.md names every source repository; no file over 300 KB, the whole corpus under 3 MB."""
    text = (HERE.parent / "NGUON.md").read_text(encoding="utf-8")
    for d in TUNING + HELD_OUT:
        assert d.source.split("@")[0] in text, d.name
    files = list(HERE.rglob("*.docx"))
    assert max(p.stat().st_size for p in files) < 300_000
    assert sum(p.stat().st_size for p in files) < 3_000_000


def test_each_rule_has_enough_injected_faults(parts: dict[str, list[score.Linted]]) -> None:
    """Every mutated rule has :data:`PER_RULE` variants from different documents of the tuning part."""
    made: dict[str, set[str]] = {}
    for r in parts["mutated"]:
        base, rule = r.name.split("--")
        made.setdefault(rule, set()).add(base)
    assert {rule: len(bases) for rule, bases in made.items() if len(bases) < PER_RULE} == {}
    assert set(made) == set(MUTATIONS)


def _document_xml(path: Path) -> bytes:
    """The main part of a .docx (where text, formatting and page setup live)."""
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def test_each_variant_differs_from_its_base(made: list[tuple[Real, str, Path]], tmp_path: Path) -> None:
    """Every mutation changed the document it says it changed (compared with its base saved by python-docx)."""
    resaved = {}
    for d in {d.name: d for d, _, _ in made}.values():
        Document(str(HERE / f"{d.name}.docx")).save(str(tmp_path / f"{d.name}.docx"))
        resaved[d.name] = _document_xml(tmp_path / f"{d.name}.docx")
    same = [path.name for d, _, path in made if _document_xml(path) == resaved[d.name]]
    assert made and not same


def _held_tables(parts: dict[str, list[score.Linted]]) -> list[str]:
    """The held-out part's tables (real, injected, both) and the table of everything."""
    return [score.table("Văn bản thật, tập giữ lại (tests/lint_corpus/that/giu_lai/; nơi khác, gán nhãn trước khi "
                        "chạy lint)", parts["held"]),
            score.table("Lỗi cài vào văn bản thật, tập giữ lại", parts["mutated_held"], details=False) + "\n"
            + new_in_variants(parts["mutated_held"], parts["held"]),
            score.table("Tổng tập giữ lại (thật + cài lỗi)", parts["held"] + parts["mutated_held"], details=False),
            score.table("Mọi văn bản thật và lỗi cài vào (hai phần)", [r for rs in parts.values() for r in rs],
                        details=False)]


def test_no_crash_and_time_and_figures(parts: dict[str, list[score.Linted]], capsys: pytest.CaptureFixture[str],
                                       request: pytest.FixtureRequest) -> None:
    """Lint read every file (no «tep» finding, a kind); each under the bound; the tables printed."""
    tuning = parts["real"] + parts["mutated"]
    built = request.config.stash.get(score.BUILT, [])
    report = "\n\n".join([
        score.table("Văn bản thật, tập điều chỉnh (tests/lint_corpus/that/)", parts["real"]),
        score.table("Lỗi cài vào văn bản thật, tập điều chỉnh", parts["mutated"], details=False) + "\n"
        + new_in_variants(parts["mutated"], parts["real"]),
        score.table("Tổng tập điều chỉnh (thật + cài lỗi)", tuning, details=False),
        score.table("Mọi phần điều chỉnh (dựng bằng mã + thật + cài lỗi)", built + tuning, details=False)
        if built else "Phần dựng bằng mã: chạy cùng tests/test_lint_corpus.py để có bảng tổng",
    ] + (_held_tables(parts) if BLIND else [NOT_RUN]))
    with capsys.disabled():
        print("\n\nqdocgen lint trên văn bản thật có gán nhãn (issue 19)\n" + report + "\n")
    everything = [r for rs in parts.values() for r in rs]
    assert not [r.name for r in everything if "tep" in r.found or r.lint_kind is None]
    assert not [f"{r.name} {r.seconds:.2f} s" for r in everything if r.seconds > BOUND]


# With the old held-out part in the tuning part, huong-giay's landscape fault lands on cv-mo-hinh-cchc, whose three-row
# header table lint/page.py's _wide_tables takes for a table of data (landscape allowed): a lint miss, R 0.80. Strict:
# it fails once lint is fixed, and the mark goes.
@pytest.mark.parametrize("which", [("real", "mutated")] + (
    [("held", "mutated_held"), ("real", "mutated", "held", "mutated_held")] if BLIND else []))
def test_the_targets_are_met(parts: dict[str, list[score.Linted]], which: tuple[str, ...]) -> None:
    """Precision ≥ 0.95 and recall ≥ 0.90 overall and for each rule with enough cases, real and injected."""
    per_rule = score.scores([r for part in which for r in parts[part]])
    s = score.total(per_rule)
    assert s.precision >= score.PRECISION and s.recall >= score.RECALL, f"P={s.precision:.2f} R={s.recall:.2f}"
    assert not score.short(per_rule)


def test_out_of_scope_documents_get_only_the_notice(parts: dict[str, list[score.Linted]]) -> None:
    """The decree, a draft circular, an internal form and citizens' forms: the ``pham-vi`` notice, nothing else."""
    wrong = {r.name: sorted(r.found) for r in parts["real"] if r.expected == {"pham-vi"} and r.found != {"pham-vi"}}
    assert not wrong
