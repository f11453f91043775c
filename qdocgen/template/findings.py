"""What check-template reports: its findings (the one Problem type), the variables a template uses, the report."""

from __future__ import annotations

from dataclasses import dataclass, field

from qdocgen.errors import ExitStatus, Problem
from qdocgen.template.registry import TemplateInfo

ERROR, WARNING, MENDED = "lỗi", "cảnh báo", "đã sửa"
Segments = tuple[str, ...]  # a variable path: ("phu_luc", "muc_tieu", "[]", "noi_dung")


def path_text(path: Segments) -> str:
    """``("phu_luc", "muc_tieu", "[]", "noi_dung")`` → ``phu_luc.muc_tieu[].noi_dung``."""
    return ".".join(path).replace(".[]", "[]")


def related(a: Segments, b: Segments) -> bool:
    """Whether one path is the other or lies inside it."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


Finding = Problem


@dataclass
class Usage:
    """A variable the template reads, and where (first place per part)."""

    path: Segments
    places: dict[str, str] = field(default_factory=dict)
    loop_var: str | None = None  # set when the template loops over this path
    required: bool = False  # False when every use has a fallback (``| default(...)``, ``is defined``)

    def where(self) -> str:
        """The parts it is used in, and the first paragraph there."""
        return "; ".join(f"{part}, {place}" if place else part for part, place in self.places.items())


@dataclass
class CheckReport:
    """What ``check_template`` found, in the order found."""

    template: TemplateInfo
    findings: list[Finding] = field(default_factory=list)
    usages: dict[Segments, Usage] = field(default_factory=dict)
    data_errors: int = 0

    def add(self, level: str, where: str, message: str) -> None:
        """Record one finding (the same one twice is kept once)."""
        finding = Finding(where=where, message=message, severity=level)
        if finding not in self.findings:
            self.findings.append(finding)

    def count(self, level: str) -> int:
        """How many findings of this level."""
        return sum(1 for f in self.findings if f.level == level)

    @property
    def exit_code(self) -> ExitStatus:
        """``OK`` when there is no error; ``TEMPLATE`` for a template error, ``DATA`` when only the data is wrong."""
        template_errors = self.count(ERROR) - self.data_errors
        if template_errors:
            return ExitStatus.TEMPLATE
        return ExitStatus.DATA if self.data_errors else ExitStatus.OK

    def lines(self) -> list[str]:
        """The report as the author reads it: every finding, then a one-line summary."""
        out = [f"Kiểm tra mẫu {self.template.name} ({self.template.path}):"]
        out += [f"  {f}" for f in self.findings]
        errors, warnings, mended = self.count(ERROR), self.count(WARNING), self.count(MENDED)
        verdict = "Mẫu dùng được." if not errors else "Hãy sửa các lỗi trên rồi chạy lại check-template."
        out.append(f"Tổng: {errors} lỗi, {warnings} cảnh báo, {mended} chỗ tự sửa khi điền. {verdict}")
        return out
