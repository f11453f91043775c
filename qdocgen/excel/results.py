"""The results in the objectives workbook, judged: each unit's objectives with result, verdict, cause and action.

A missed objective without both a cause and an action, a result whose unit is not the target's, a target
against a baseline without the baseline's value, an objective edited in Excel but not yet imported: each is
a problem naming the sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from qdocgen.data import judgement
from qdocgen.data.judgement import Target, Verdict
from qdocgen.data.objectives import Objective
from qdocgen.data.reader import Unit
from qdocgen.dataset import objectives
from qdocgen.excel import layout
from qdocgen.excel.cells import quantity, text
from qdocgen.excel.export import unit_targets
from qdocgen.excel.read import Line, Workbook


@dataclass
class TargetResult:
    """One target with its result (and baseline), the value compared and the verdict."""

    target: Target
    result: Decimal | None
    baseline: Decimal | None
    verdict: Verdict

    @property
    def measured(self) -> Decimal | None:
        """What was compared with the target (the change against the baseline, for a relative target)."""
        if self.result is None:
            return None
        return judgement.measured(self.target, self.result, self.baseline)


@dataclass
class ObjectiveResult:
    """One objective of a unit, judged: its number, text, targets, verdict, cause and action, and its row."""

    number: int
    objective: Objective
    targets: list[TargetResult] = field(default_factory=list)
    cause: str = ""
    action: str = ""
    sheet: str = ""
    row: int = 0

    @property
    def verdict(self) -> Verdict:
        """The objective's verdict: all its targets reached → đạt."""
        return judgement.combine(t.verdict for t in self.targets)


@dataclass
class UnitResults:
    """A unit and its judged objectives."""

    unit: Unit
    objectives: list[ObjectiveResult] = field(default_factory=list)

    def count(self, verdict: Verdict) -> int:
        """How many of the unit's objectives have ``verdict``."""
        return sum(1 for o in self.objectives if o.verdict is verdict)


def _judge_line(book: Workbook, line: Line | None, target: Target, unit_id: str) -> TargetResult:
    """One target judged from its row; units and baseline checked."""
    if line is None:
        return TargetResult(target, None, None, Verdict.CHUA_CO)
    result = quantity(book, line, "ket_qua", unit_id)
    baseline = quantity(book, line, "moc", unit_id)
    if result is not None and result.unit and not target.relative and not judgement.same_unit(result.unit,
                                                                                              target.unit):
        book.problem(f"{layout.where(line.sheet, line.row, 'ket_qua')}: kết quả ghi đơn vị «{result.unit}» nhưng "
                     f"chỉ tiêu tính bằng «{target.unit}»; hãy ghi kết quả cùng đơn vị với chỉ tiêu.", unit_id)
    if result is not None and target.relative and baseline is None and line.cells.get("moc") is None:
        book.problem(f"{layout.where(line.sheet, line.row, 'moc')}: chỉ tiêu so với {target.baseline} cần số liệu "
                     f"của {target.baseline} để tính mức tăng; hãy ghi số liệu đó vào ô này.", unit_id)
    if result is not None and baseline is not None and target.relative and baseline.value == 0 \
            and judgement.same_unit(target.unit, "%"):
        book.problem(f"{layout.where(line.sheet, line.row, 'moc')}: số liệu của mốc bằng 0 nên không tính được mức "
                     "tăng theo phần trăm.", unit_id)
    value = result.value if result is not None else None
    base = baseline.value if baseline is not None else None
    return TargetResult(target, value, base, judgement.judge(target, value, base))


def _objective(book: Workbook, unit: Unit, number: int, objective: Objective, lines: list[Line]) -> ObjectiveResult:
    """One objective judged; a missed one needs a cause and an action."""
    found = ObjectiveResult(number, objective, sheet=layout.sheet_name(unit.id), row=lines[0].row if lines else 0)
    by_target = {line.target or 0: line for line in lines}
    for j, target in enumerate(unit_targets(unit, objective, [])):
        found.targets.append(_judge_line(book, by_target.get(j), target, unit.id))
    found.cause = "; ".join(t for t in (text(line, "nguyen_nhan") for line in lines) if t)
    found.action = "; ".join(t for t in (text(line, "bien_phap") for line in lines) if t)
    if found.verdict is Verdict.KHONG_DAT and not (found.cause and found.action):
        missing = " và ".join(w for w, v in (("nguyên nhân (cột J)", found.cause),
                                            ("biện pháp khắc phục (cột K)", found.action)) if not v)
        book.problem(f"trang tính «{found.sheet}», dòng {found.row}: mục tiêu {number} không đạt nhưng chưa ghi "
                     f"{missing}; quyết định yêu cầu xác định nguyên nhân và hành động khắc phục.", unit.id)
    return found


def unit_results(book: Workbook, unit: Unit) -> UnitResults:
    """A unit's objectives judged from its sheet (problems recorded in ``book``)."""
    sheet = book.sheets.get(unit.id)
    lines = sheet.lines if sheet is not None else []
    out = UnitResults(unit)
    for i, objective in enumerate(objectives(unit)):
        mine = [line for line in lines if line.objective == i]
        if sheet is not None and not mine:
            book.problem(f"trang tính «{sheet.name}»: thiếu dòng của mục tiêu {i + 1} (STT {i + 1}); hãy xuất lại "
                         "tệp hoặc chép lại dòng đó.", unit.id)
        out.objectives.append(_objective(book, unit, i + 1, objective, mine))
    return out


def judge_workbook(book: Workbook, units: Sequence[Unit]) -> list[UnitResults]:
    """Every unit's judged objectives, in the units' order."""
    return [unit_results(book, unit) for unit in units]
