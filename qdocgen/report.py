"""The yearly (or half-yearly) report on the quality objectives: one report per unit, and a roll-up.

``qdocgen bao-cao DATASET --ket-qua FILE.xlsx``: the results typed in the objectives workbook are judged
against each target (``data.judgement``); every problem of every sheet is reported before anything is
written. Each unit gets a BÁO CÁO (template ``bao-cao-mtcl``) with the results table and a chart; the
superior body gets a roll-up (``bao-cao-tong-hop``, .docx) of which units missed which objective, and the
same figures as a workbook (.xlsx) with a native Excel chart.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen import chart, vnformat
from qdocgen.data.judgement import Verdict, describe, number_text, quantity_text, same_unit
from qdocgen.data.reader import Unit
from qdocgen.dataset import load_dataset
from qdocgen.errors import DataError, Problem
from qdocgen.excel.importer import unit_edits
from qdocgen.excel.read import read_workbook
from qdocgen.excel.results import ObjectiveResult, TargetResult, UnitResults, judge_workbook
from qdocgen.output import check_writable, inside, write_atomic
from qdocgen.template.registry import find_template

PERIODS = {"nam": "năm {nam}", "6-thang": "6 tháng đầu năm {nam}"}
ROLLUP = "tong-hop"
CHART_PART = "word/media/image1.png"  # the placeholder picture templates/build.py puts in the report templates


@dataclass
class ReportRun:
    """What ``bao-cao`` wrote: each unit's report, the roll-up (.docx, .xlsx), and the judged results."""

    reports: list[Path] = field(default_factory=list)
    rollup: list[Path] = field(default_factory=list)
    results: list[UnitResults] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        """One line per unit: «quan-binh-tan: đạt 4, không đạt 2, chưa có số liệu 1»."""
        lines = []
        for found in self.results:
            counts = [f"{v.value.lower()} {found.count(v)}" for v in Verdict if found.count(v)]
            lines.append(f"{found.unit.id}: {', '.join(counts) or 'không có mục tiêu'}")
        return lines


def period_text(period: str, year: Any) -> str:
    """«năm 2019» or «6 tháng đầu năm 2019»."""
    return PERIODS[period].format(nam=year)


def _symbol(unit: Unit) -> str:
    """The report's symbol from the unit's decision symbol: QĐ-UBND → BC-UBND."""
    symbol = str(unit.data.get("ky_hieu") or "QĐ-UBND")
    return "BC-" + symbol.split("-", 1)[1] if "-" in symbol else "BC-UBND"


def _target_result(found: TargetResult) -> str:
    """A result as the table writes it (with the baseline and the change, for a relative target)."""
    target = found.target
    if found.result is None:
        return Verdict.CHUA_CO.value
    if not target.relative:
        return quantity_text(found.result, target.unit)
    said = f"{number_text(found.result)}; {target.baseline}: "
    said += number_text(found.baseline) if found.baseline is not None else "chưa có số liệu"
    change = found.measured
    if change is not None:
        said += f"; mức tăng {quantity_text(change, target.unit)}"
    return said


def _row(found: ObjectiveResult) -> dict[str, str]:
    """One row of the report's table."""
    verdict = found.verdict
    why = ""
    if found.cause or found.action:
        why = "; ".join(x for x in (f"Nguyên nhân: {found.cause}" if found.cause else "",
                                     f"Biện pháp: {found.action}" if found.action else "") if x)
    return {
        "stt": str(found.number),
        "muc_tieu": " ".join(found.objective.text.split()),
        "chi_tieu": "; ".join(describe(t.target) for t in found.targets) or "Chưa có chỉ tiêu",
        "ket_qua": "; ".join(_target_result(t) for t in found.targets) or "",
        "danh_gia": verdict.value,
        "nguyen_nhan_bien_phap": why,
    }


def _numbers(results: UnitResults, verdict: Verdict) -> str:
    """The numbers of the objectives with ``verdict``: «2, 4»."""
    return ", ".join(str(o.number) for o in results.objectives if o.verdict is verdict)


def _assessment(results: UnitResults, period: str) -> list[str]:
    """The paragraphs of «II. ĐÁNH GIÁ CHUNG»."""
    name = str(results.unit.data.get("co_quan") or results.unit.id)
    total = len(results.objectives)
    lines = [f"{period.capitalize()}, {name} đạt {results.count(Verdict.DAT)}/{total} mục tiêu chất lượng."]
    missed, missing = _numbers(results, Verdict.KHONG_DAT), _numbers(results, Verdict.CHUA_CO)
    if missed:
        lines.append(f"Không đạt: mục tiêu {missed}; nguyên nhân và biện pháp khắc phục đã nêu tại bảng trên, "
                     "đơn vị tiếp tục theo dõi việc thực hiện và báo cáo trong kỳ sau.")
    if missing:
        lines.append(f"Chưa có số liệu: mục tiêu {missing}; chưa đánh giá được, sẽ báo cáo bổ sung khi có số liệu.")
    lines.append(f"Trên đây là báo cáo kết quả thực hiện Mục tiêu chất lượng {period} của {name}./.")
    return lines


def _opening(unit: Unit, period: str) -> str:
    """The opening paragraph, citing the unit's decision when it has a number and date."""
    data = unit.data
    name = str(data.get("co_quan") or unit.id)
    if data.get("so") not in (None, "") and data.get("ngay_ban_hanh"):
        cited = vnformat.format_citation("Quyết định", vnformat.format_doc_id(data["so"], data.get("ky_hieu")
                                                                              or "QĐ-UBND"),
                                         data["ngay_ban_hanh"], name,
                                         f"về việc ban hành Mục tiêu chất lượng năm {data.get('nam')}")
        return f"Thực hiện {cited}, {name} báo cáo kết quả thực hiện Mục tiêu chất lượng {period} như sau:"
    return f"Thực hiện Mục tiêu chất lượng năm {data.get('nam')} đã ban hành, {name} báo cáo kết quả thực hiện " \
           f"Mục tiêu chất lượng {period} như sau:"


def _heading(unit: Unit, summary: str) -> dict[str, Any]:
    """The keys the NĐ30 header, recipients and signature read, from the unit's data."""
    data = unit.data
    superior = str(data.get("co_quan_chu_quan") or "")
    return {
        "nam": data.get("nam"), "so": "", "ky_hieu": _symbol(unit), "ngay_ban_hanh": None,
        "dia_danh": data.get("dia_danh"), "co_quan_chu_quan": superior, "co_quan": data.get("co_quan"),
        "trich_yeu": summary, "luu": data.get("luu") or "VT",
        "noi_nhan": [f"{superior} (để báo cáo)" if superior else "Ban Chỉ đạo ISO (để báo cáo)"],
        "nguoi_ky": _signer(data.get("nguoi_ky")),
    }


def _signer(raw: Any) -> dict[str, str]:
    """The signature block's keys, with the template declaration's defaults where the data has none."""
    given = raw if isinstance(raw, dict) else {}
    return {"tham_quyen": str(given.get("tham_quyen") or ""),
            "chuc_vu": str(given.get("chuc_vu") or "Thủ trưởng cơ quan"),
            "ho_ten": str(given.get("ho_ten") or "")}


REQUIRED = {"nam": "năm báo cáo, ví dụ nam: 2019", "co_quan": "tên cơ quan, ví dụ co_quan: Ủy ban nhân dân phường An "
            "Lạc", "dia_danh": "địa danh ở dòng ngày tháng, ví dụ dia_danh: Bình Tân"}


def _missing(units: Sequence[Unit]) -> list[Problem]:
    """The keys a report needs that a unit's data lacks."""
    return [unit.problem((key,), f"báo cáo cần khóa «{key}»: {what}.") for unit in units
            for key, what in REQUIRED.items() if unit.data.get(key) in (None, "")]


def _bars(results: UnitResults) -> list[chart.Bar]:
    """The chart's bars: every target in %, labelled by its STT."""
    bars = []
    for found in results.objectives:
        many = len(found.targets) > 1
        for j, item in enumerate(found.targets):
            if same_unit(item.target.unit, "%"):
                label = f"{found.number}.{j + 1}" if many else str(found.number)
                bars.append(chart.Bar(label, item.measured, item.target.value, item.target.upper, item.verdict))
    return bars


def unit_context(results: UnitResults, period: str) -> tuple[dict[str, Any], bytes | None]:
    """The report template's data for one unit, and its chart (None when no target is in %)."""
    ky = period_text(period, results.unit.data.get("nam"))
    context = _heading(results.unit, f"Kết quả thực hiện Mục tiêu chất lượng {ky}")
    bars = _bars(results)
    context.update(mo_dau=[_opening(results.unit, ky)], bang=[_row(o) for o in results.objectives],
                   ket_luan=_assessment(results, ky),
                   bieu_do="Biểu đồ: kết quả so với chỉ tiêu (các chỉ tiêu tính bằng %; chỉ tiêu so với năm trước "
                           "tính bằng mức tăng)" if bars else "")
    return context, chart.unit_chart(bars) if bars else None


def _missed(results: UnitResults) -> str:
    """The roll-up's «Mục tiêu không đạt» cell for one unit."""
    missed = [o for o in results.objectives if o.verdict is Verdict.KHONG_DAT]
    return "; ".join(f"{o.number}. {' '.join(o.objective.text.split())} (kết quả {_row(o)['ket_qua']}, chỉ tiêu "
                     f"{_row(o)['chi_tieu']})" for o in missed) or "Không"


def issuer(results: Sequence[UnitResults]) -> Unit:
    """The superior body that issues the roll-up: the first unit without a governing body (the district)."""
    return next((r.unit for r in results if not r.unit.data.get("co_quan_chu_quan")), results[0].unit)


def rollup_context(results: Sequence[UnitResults], period: str) -> tuple[dict[str, Any], bytes]:
    """The roll-up template's data, and its chart."""
    top = issuer(results)
    ky = period_text(period, top.data.get("nam"))
    context = _heading(top, f"Tổng hợp kết quả thực hiện Mục tiêu chất lượng {ky} của các đơn vị")
    rows = [{"don_vi": r.unit.name, "dat": str(r.count(Verdict.DAT)), "khong_dat": str(r.count(Verdict.KHONG_DAT)),
             "chua_co": str(r.count(Verdict.CHUA_CO)), "muc_tieu_khong_dat": _missed(r)} for r in results]
    all_reached = [r for r in results if r.count(Verdict.DAT) == len(r.objectives)]
    missed = [r.unit.name for r in results if r.count(Verdict.KHONG_DAT)]
    missing = [r.unit.name for r in results if r.count(Verdict.CHUA_CO)]
    lines = [f"{len(all_reached)}/{len(results)} đơn vị đạt tất cả mục tiêu chất lượng {ky}."]
    if missed:
        lines.append(f"Đơn vị có mục tiêu không đạt: {', '.join(missed)}; các đơn vị đã xác định nguyên nhân và biện "
                     "pháp khắc phục trong báo cáo của mình.")
    if missing:
        lines.append(f"Đơn vị chưa có đủ số liệu: {', '.join(missing)}; đề nghị báo cáo bổ sung.")
    lines.append(f"Trên đây là báo cáo tổng hợp kết quả thực hiện Mục tiêu chất lượng {ky} của các đơn vị./.")
    context.update(mo_dau=[f"{top.data.get('co_quan')} tổng hợp kết quả thực hiện Mục tiêu chất lượng {ky} của "
                           f"{len(results)} đơn vị như sau:"], bang=rows, ket_luan=lines,
                   bieu_do="Biểu đồ: số mục tiêu đạt, không đạt, chưa có số liệu của từng đơn vị",
                   noi_nhan=["Ban Chỉ đạo ISO (để báo cáo)", "Các đơn vị có tên trong báo cáo"])
    counts = [chart.UnitCounts(_short(r.unit.name), r.count(Verdict.DAT), r.count(Verdict.KHONG_DAT),
                               r.count(Verdict.CHUA_CO)) for r in results]
    return context, chart.rollup_chart(counts)


def _short(name: str) -> str:
    """A unit's name without «Ủy ban nhân dân», for the chart's labels."""
    short = re.sub(r"^Ủy ban nhân dân\s+", "", name)
    return short[:1].upper() + short[1:]


def with_picture(docx: bytes, png: bytes | None) -> bytes:
    """The filled report with its chart in place of the template's placeholder picture."""
    if png is None:
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, png if info.filename == CHART_PART else src.read(info.filename))
    return out.getvalue()


def judged(folder: Path, workbook: Path) -> list[UnitResults]:
    """Every unit's results judged from ``workbook``; every problem of every sheet raised at once."""
    units = load_dataset(folder)
    missing = _missing(units)
    if missing:
        raise DataError(missing)
    book = read_workbook(workbook, units)
    for unit in units:
        if unit_edits(book, unit):
            book.problem(f"trang tính «{book.sheets[unit.id].name}»: mục tiêu hoặc chỉ tiêu trong tệp Excel khác bộ "
                         "dữ liệu; hãy chạy «qdocgen excel nhap» để ghi chỗ sửa vào bộ dữ liệu trước (hoặc sửa lại "
                         "cho giống), rồi chạy lại lệnh này.", unit.id)
    results = judge_workbook(book, units) if not book.problems else []
    if book.problems:
        raise DataError(book.problems)
    return results


def render_reports(folder: Path, workbook: Path, out_dir: Path, period: str = "nam", force: bool = False,
                   templates_dirs: Sequence[str | Path] = ()) -> ReportRun:
    """Write each unit's report and the roll-up (.docx and .xlsx) into ``out_dir``; nothing when data is wrong."""
    from qdocgen.excel.rollup import rollup_workbook
    from qdocgen.runner import Renderer

    results = judged(folder, workbook)
    targets = {r.unit.id: inside(out_dir, f"{r.unit.id}.docx") for r in results}
    rollup = [inside(out_dir, f"{ROLLUP}.docx"), inside(out_dir, f"{ROLLUP}.xlsx")]
    if ROLLUP in targets:
        raise DataError([results[0].unit.problem((), f"mã đơn vị «{ROLLUP}» trùng tên tệp báo cáo tổng hợp; hãy đổi "
                                                     "tên tệp đơn vị.")])
    for path in [*targets.values(), *rollup]:
        check_writable(path, force)
    report = Renderer.load(find_template("bao-cao-mtcl", templates_dirs).path)
    run = ReportRun(results=list(results))
    files: dict[Path, bytes] = {}
    for found in results:
        context, png = unit_context(found, period)
        files[targets[found.unit.id]] = with_picture(report.render(context), png)
    context, png = rollup_context(results, period)
    files[rollup[0]] = with_picture(Renderer.load(find_template("bao-cao-tong-hop", templates_dirs).path)
                                    .render(context), png)
    files[rollup[1]] = rollup_workbook(results, period_text(period, issuer(results).data.get("nam")))
    for path, data in files.items():
        write_atomic(path, data, force)
    run.reports = list(targets.values())
    run.rollup = rollup
    return run


