"""Where templates are found, and what each declares about itself (its description, inputs, sample data).

A template is ``NAME.docx`` with ``NAME.yaml`` beside it declaring its inputs. Built-in templates ship in
the project's ``templates/`` folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen.errors import TemplateError

DEFAULT_TEMPLATE = "quyet-dinh-mtcl"


def builtin_dirs() -> list[Path]:
    """The built-in template folders: the source tree's (editable installs) and the installed share folder."""
    here = Path(__file__).resolve().parent
    return [d for d in (here.parent / "templates", Path(sys.prefix) / "share" / "qdocgen" / "templates")
            if d.is_dir()]


@dataclass
class TemplateInfo:
    """A template file and its declaration."""

    name: str
    path: Path
    description: str = ""
    schema: dict[str, Any] = field(default_factory=dict)
    sample: Path | None = None


def load_spec(docx: Path) -> TemplateInfo:
    """Read ``NAME.yaml`` beside ``NAME.docx`` (a template without one accepts any data)."""
    from qdocgen.data import display, read_yaml, _plain

    spec_path = docx.with_suffix(".yaml")
    info = TemplateInfo(docx.stem, docx)
    if not spec_path.is_file():
        return info
    node, problems = read_yaml(spec_path)
    if problems:
        raise TemplateError(f"Mô tả mẫu {problems[0]}")
    spec = _plain(node, display(spec_path), (), {}) or {}
    if not isinstance(spec, dict):
        raise TemplateError(f"{display(spec_path)}: mô tả mẫu phải là một bảng khóa (mo_ta, dau_vao, ...).")
    info.description = str(spec.get("mo_ta") or "")
    schema = spec.get("dau_vao") or {}
    if not isinstance(schema, dict):
        raise TemplateError(f"{display(spec_path)} [dau_vao]: cần một JSON Schema dạng bảng khóa.")
    info.schema = schema
    sample = spec.get("du_lieu_mau")
    if isinstance(sample, str) and sample:
        info.sample = (spec_path.parent / sample).resolve()
    return info


def find_template(name_or_path: str | Path | None) -> TemplateInfo:
    """A template by built-in name (``quyet-dinh-mtcl``) or by path to a .docx file."""
    wanted = str(name_or_path or DEFAULT_TEMPLATE)
    as_path = Path(wanted)
    if as_path.suffix.lower() == ".docx" or as_path.parent != Path("."):
        if not as_path.is_file():
            raise TemplateError(f"Không tìm thấy tệp mẫu «{wanted}»; kiểm tra lại đường dẫn.")
        return load_spec(as_path)
    for folder in builtin_dirs():
        candidate = folder / f"{wanted}.docx"
        if candidate.is_file():
            return load_spec(candidate)
    known = sorted({p.stem for d in builtin_dirs() for p in d.glob("*.docx")})
    raise TemplateError(f"Không có mẫu «{wanted}». Các mẫu có sẵn: {', '.join(known) or '(không có)'}; "
                        "hoặc đưa đường dẫn tới một tệp .docx.")
