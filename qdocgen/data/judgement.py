"""Đạt / không đạt: a result judged against an objective's structured target (``chi_tieu``).

Pure functions, no I/O. A target is one mapping of ``chi_tieu`` (an objective may have a list of them):
``so_sanh`` (``>=``/``≥``/``toi_thieu``/``tu``, ``<=``/``≤``/``khong_qua``, ``>``, ``<``, ``=``), ``gia_tri``,
``don_vi`` (default ``%``), ``so_voi`` (a baseline: the target is a change against it), or a range
``{tu: 14, den: 15}`` (also ``{so_sanh: tu, tu: 14, den: 15}``). A missing result is never "đạt".

A target relative to a baseline ("tăng 10% ... so với năm 2018") is judged on the change from the baseline's
value to the result: in per cent of the baseline when the target's unit is ``%``, else as a difference.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

DEFAULT_UNIT = "%"

# so_sanh as written in the data → the relation it means.
_RELATIONS = {
    ">=": "ge", "≥": "ge", "toi_thieu": "ge", "tu": "ge",
    "<=": "le", "≤": "le", "khong_qua": "le",
    ">": "gt", "<": "lt", "=": "eq",
}
# so_sanh → how people read it (the Excel column, the report's "Chỉ tiêu").
WORDS = {">=": "≥", "≥": "≥", "toi_thieu": "tối thiểu", "tu": "từ", "<=": "≤", "≤": "≤", "khong_qua": "không quá",
         ">": ">", "<": "<", "=": "="}
RANGE_WORD = "từ … đến"
# What a clerk may pick in Excel, and the so_sanh each choice is written back as.
CHOICES = {"≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": "=", "không quá": "khong_qua", "tối thiểu": "toi_thieu",
           "từ": "tu", RANGE_WORD: "tu"}


class Verdict(enum.Enum):
    """The judgement of one target or one objective; ``value`` is how the report writes it."""

    DAT = "Đạt"
    KHONG_DAT = "Không đạt"
    CHUA_CO = "Chưa có số liệu"
    KHONG_CHI_TIEU = "Chưa có chỉ tiêu"


@dataclass(frozen=True)
class Target:
    """One structured target: relation (``ge``, ``le``, ``gt``, ``lt``, ``eq``, ``range``), value(s), unit, baseline."""

    relation: str
    value: Decimal
    upper: Decimal | None = None
    unit: str = DEFAULT_UNIT
    baseline: str | None = None
    word: str = ">="

    @property
    def relative(self) -> bool:
        """Whether the target is a change against a baseline (``so_voi``)."""
        return bool(self.baseline)


class TargetError(ValueError):
    """A ``chi_tieu`` mapping that cannot be judged; the message says what to write."""


def decimal(value: Any) -> Decimal | None:
    """A number from the data (int, float, Decimal or a plain numeric string), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _required(raw: Mapping[str, Any], key: str) -> Decimal:
    """A number the target must have; :class:`TargetError` otherwise."""
    number = decimal(raw.get(key))
    if number is None:
        raise TargetError(f"chỉ tiêu cần «{key}» là một số (ví dụ {key}: 98), đang là «{raw.get(key)}».")
    return number


def parse_target(raw: Mapping[str, Any]) -> Target:
    """One ``chi_tieu`` mapping as a :class:`Target`; :class:`TargetError` when it cannot be judged."""
    unit = str(raw.get("don_vi") or DEFAULT_UNIT).strip()
    baseline = str(raw["so_voi"]).strip() if raw.get("so_voi") not in (None, "") else None
    word = str(raw.get("so_sanh") or ("tu" if "den" in raw else "")).strip()
    if "den" in raw:
        if word != "tu":
            raise TargetError(f"chỉ tiêu có «den» (khoảng) thì so_sanh phải là «tu», đang là «{word}».")
        lower = _required(raw, "tu" if "tu" in raw else "gia_tri")
        upper = _required(raw, "den")
        if upper < lower:
            raise TargetError(f"khoảng chỉ tiêu từ {lower} đến {upper}: số «den» phải lớn hơn hoặc bằng số «tu».")
        return Target("range", lower, upper, unit, baseline, word)
    if word not in _RELATIONS:
        raise TargetError(f"so_sanh «{word}» không dùng được; chọn một trong: {', '.join(_RELATIONS)}.")
    return Target(_RELATIONS[word], _required(raw, "gia_tri"), None, unit, baseline, word)


def targets_of(chi_tieu: Any) -> list[Mapping[str, Any]]:
    """The mappings of a ``chi_tieu`` value (one mapping, a list of them, or nothing)."""
    if isinstance(chi_tieu, Mapping):
        return [chi_tieu]
    if isinstance(chi_tieu, Sequence) and not isinstance(chi_tieu, str):
        return [t for t in chi_tieu if isinstance(t, Mapping)]
    return []


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two units of measure are the same one ("%" and "phần trăm"; case and spacing ignored)."""

    def norm(unit: str | None) -> str:
        text = " ".join((unit or "").casefold().split())
        return "%" if text in ("%", "phần trăm", "phan tram") else text

    return norm(a) == norm(b)


def measured(target: Target, result: Decimal, baseline: Decimal | None) -> Decimal | None:
    """What is compared with the target: the result, or its change against the baseline (None: no baseline)."""
    if not target.relative:
        return result
    if baseline is None or (baseline == 0 and same_unit(target.unit, "%")):
        return None
    if same_unit(target.unit, "%"):
        return (result - baseline) * 100 / baseline
    return result - baseline


def _holds(relation: str, value: Decimal, target: Target) -> bool:
    """Whether ``value`` satisfies ``relation`` against the target."""
    checks = {
        "ge": lambda: value >= target.value,
        "le": lambda: value <= target.value,
        "gt": lambda: value > target.value,
        "lt": lambda: value < target.value,
        "eq": lambda: value == target.value,
        "range": lambda: target.value <= value <= (target.upper if target.upper is not None else target.value),
    }
    return checks[relation]()


def judge(target: Target, result: Decimal | None, baseline: Decimal | None = None) -> Verdict:
    """Đạt or không đạt for one target; "chưa có số liệu" when the result (or a needed baseline) is missing."""
    if result is None:
        return Verdict.CHUA_CO
    value = measured(target, result, baseline)
    if value is None:
        return Verdict.CHUA_CO
    return Verdict.DAT if _holds(target.relation, value, target) else Verdict.KHONG_DAT


def combine(verdicts: Iterable[Verdict]) -> Verdict:
    """An objective's verdict from its targets': any missed → không đạt; any missing → chưa có số liệu."""
    found = list(verdicts)
    if not found:
        return Verdict.KHONG_CHI_TIEU
    for verdict in (Verdict.KHONG_DAT, Verdict.CHUA_CO, Verdict.KHONG_CHI_TIEU):
        if verdict in found:
            return verdict
    return Verdict.DAT


def number_text(value: Decimal) -> str:
    """A number the Vietnamese way: decimal comma, dots between thousands, at most two decimals ("98,5")."""
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = format(abs(value).normalize(), "f").partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def quantity_text(value: Decimal, unit: str) -> str:
    """A number with its unit: "98,5%", "120 hồ sơ"."""
    return f"{number_text(value)}%" if same_unit(unit, "%") else f"{number_text(value)} {unit}".strip()


def describe(target: Target) -> str:
    """The target as the report writes it: "≥ 98%", "không quá 10%", "từ 14% đến 15%", "tăng ≥ 10% so với năm 2018"."""
    if target.relation == "range" and target.upper is not None:
        text = f"từ {quantity_text(target.value, target.unit)} đến {quantity_text(target.upper, target.unit)}"
    else:
        text = f"{WORDS.get(target.word, target.word)} {quantity_text(target.value, target.unit)}"
    if target.relative:
        text = f"mức tăng {text} so với {target.baseline}"
    return text
