"""Where templates are found, and what each declares about itself (its description, inputs, sample data).

A template is ``NAME.docx`` with ``NAME.yaml`` beside it declaring its inputs. Built-in templates ship in
the project's ``templates/`` folder.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdocgen.errors import DataError, TemplateError

DEFAULT_TEMPLATE = "quyet-dinh-mtcl"


def builtin_dirs() -> list[Path]:
    """The built-in template folders: the source tree's (editable installs) and the installed share folder.

    The share folder is under the environment (a virtual environment, pipx) or, for ``pip install --user``
    (the usual way on Windows), under the user's base folder.
    """
    import site

    here = Path(__file__).resolve().parent.parent
    shares = [Path(sys.prefix) / "share", Path(site.getuserbase()) / "share"]
    return [d for d in (here.parent / "templates", *[s / "qdocgen" / "templates" for s in shares]) if d.is_dir()]


@dataclass
class TemplateInfo:
    """A template file and its declaration."""

    name: str
    path: Path
    description: str = ""
    schema: dict[str, Any] = field(default_factory=dict)
    sample: Path | None = None
    macros: str = ""  # ``bo_loc``: the author's filters, as Jinja macros
    pictures: dict[str, str] = field(default_factory=dict)  # ``thay_anh``: template picture → data field
    shown: str = ""  # the declaration's file, as messages name it


def _read_spec(spec_path: Path) -> dict[str, Any]:
    """A declaration read and checked (its JSON Schema too); one that passed before is taken from the cache."""
    from qdocgen.data.places import display
    from qdocgen.data.yaml_file import parse_yaml, plain, read_text
    from qdocgen.template import spec_cache

    text, problems = read_text(spec_path)
    if text is None:
        raise TemplateError(f"Mô tả mẫu {problems[0]}")
    cached = spec_cache.load(text.encode("utf-8"))
    if cached is not None:
        return cached
    node, problems = parse_yaml(text, display(spec_path))
    if problems:
        raise TemplateError(f"Mô tả mẫu {problems[0]}")
    try:
        spec = plain(node, display(spec_path), (), {}) or {}
    except (DataError, RecursionError) as exc:
        raise TemplateError(f"Mô tả mẫu {display(spec_path)} quá lớn hoặc lồng quá sâu; hãy viết lại gọn hơn.") from exc
    if not isinstance(spec, dict):
        raise TemplateError(f"{display(spec_path)}: mô tả mẫu phải là một bảng khóa (mo_ta, dau_vao, ...).")
    schema = spec.get("dau_vao") or {}
    if not isinstance(schema, dict):
        raise TemplateError(f"{display(spec_path)} [dau_vao]: cần một JSON Schema dạng bảng khóa.")
    from qdocgen.data.schema import check_declaration

    check_declaration(schema, display(spec_path))
    spec_cache.store(text.encode("utf-8"), spec)
    return spec


def load_spec(docx: Path) -> TemplateInfo:
    """Read ``NAME.yaml`` beside ``NAME.docx`` (a template without one accepts any data)."""
    from qdocgen.data.places import display

    spec_path = docx.with_suffix(".yaml")
    info = TemplateInfo(docx.stem, docx)
    if not spec_path.is_file():
        return info
    spec = _read_spec(spec_path)
    info.description = str(spec.get("mo_ta") or "")
    info.shown = display(spec_path)
    _author_parts(spec, info)
    info.schema = spec.get("dau_vao") or {}
    sample = spec.get("du_lieu_mau")
    if isinstance(sample, str) and sample:
        info.sample = (spec_path.parent / sample).resolve()
        # The sample is read and printed by preview: only beside the template, or the project's own examples.
        roots = [spec_path.parent.resolve()] + [d.parent.resolve() for d in builtin_dirs()]
        if not any(info.sample.is_relative_to(root) for root in roots):
            raise TemplateError(f"{display(spec_path)} [du_lieu_mau]: «{sample}» nằm ngoài thư mục của mẫu; dữ liệu "
                                "mẫu phải nằm cùng thư mục với mẫu (hoặc thư mục con của nó).")
    return info


def _author_parts(spec: dict[str, Any], info: TemplateInfo) -> None:
    """``bo_loc`` (macros, a text) and ``thay_anh`` (picture name → data field) of a declaration."""
    macros = spec.get("bo_loc") or ""
    if not isinstance(macros, str):
        raise TemplateError(f"{info.shown} [bo_loc]: cần một đoạn chữ gồm các macro Jinja, viết sau «bo_loc: |».")
    info.macros = macros
    pictures = spec.get("thay_anh") or {}
    if not isinstance(pictures, dict) or not all(isinstance(v, str) and v for v in pictures.values()):
        raise TemplateError(f"{info.shown} [thay_anh]: cần một bảng khóa «tên ảnh trong mẫu: khóa dữ liệu», ví "
                            "dụ «image1.png: con_dau» (khóa dữ liệu khai báo x-kieu: anh).")
    info.pictures = {str(k): str(v) for k, v in pictures.items()}


ENV_VAR = "QDOCGEN_TEMPLATES"


def user_dirs(templates_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """The user's template folders: ``--templates-dir`` ones first, then those in ``QDOCGEN_TEMPLATES``."""
    listed = [str(d) for d in templates_dirs]
    listed += [d for d in os.environ.get(ENV_VAR, "").split(os.pathsep) if d.strip()]
    out: list[Path] = []
    for entry in listed:
        folder = Path(entry).expanduser()
        if not folder.is_dir():
            raise TemplateError(f"Thư mục mẫu «{entry}» không có (từ --templates-dir hoặc biến {ENV_VAR}); "
                                "kiểm tra lại đường dẫn.")
        if folder.resolve() not in [f.resolve() for f in out]:
            out.append(folder)
    return out


@dataclass
class Listed:
    """A template as listed: where it comes from, and the built-in it hides, if any."""

    info: TemplateInfo
    builtin: bool
    overrides: Path | None = None


def list_templates(templates_dirs: Sequence[str | Path] = ()) -> list[Listed]:
    """Every template by name: the user's folders first (in order), then the built-ins they do not hide."""
    found: dict[str, Listed] = {}
    for builtin, folders in ((False, user_dirs(templates_dirs)), (True, builtin_dirs())):
        for folder in folders:
            for docx in sorted(folder.glob("*.docx")):
                if docx.name.startswith(("~$", ".")):  # Word's lock files
                    continue
                if docx.stem in found:
                    if builtin and not found[docx.stem].builtin and found[docx.stem].overrides is None:
                        found[docx.stem].overrides = docx
                    continue
                found[docx.stem] = Listed(load_spec(docx), builtin)
    return sorted(found.values(), key=lambda t: t.info.name)


def listing_lines(templates_dirs: Sequence[str | Path] = ()) -> list[str]:
    """The template list as shown by ``qdocgen templates``."""
    out = []
    for item in list_templates(templates_dirs):
        origin = "có sẵn" if item.builtin else "của người dùng"
        if item.overrides is not None:
            origin += f", thay cho mẫu có sẵn cùng tên ({item.overrides})"
        out.append(f"{item.info.name}: {item.info.description or '(chưa có mô tả)'}")
        out.append(f"    tệp: {item.info.path} ({origin})")
    return out or ["Không có mẫu nào."]


def find_template(name_or_path: str | Path | None, templates_dirs: Sequence[str | Path] = ()) -> TemplateInfo:
    """A template by name (user folders first, then built-ins) or by path to a .docx file."""
    wanted = str(name_or_path or DEFAULT_TEMPLATE)
    as_path = Path(wanted)
    if as_path.suffix.lower() == ".docx" or as_path.parent != Path("."):
        if not as_path.is_file():
            raise TemplateError(f"Không tìm thấy tệp mẫu «{wanted}»; kiểm tra lại đường dẫn.")
        return load_spec(as_path)
    folders = user_dirs(templates_dirs) + builtin_dirs()
    for folder in folders:
        candidate = folder / f"{wanted}.docx"
        if candidate.is_file():
            return load_spec(candidate)
    known = sorted({p.stem for d in folders for p in d.glob("*.docx")})
    raise TemplateError(f"Không có mẫu «{wanted}». Các mẫu có: {', '.join(known) or '(không có)'} "
                        "(xem qdocgen templates); hoặc đưa đường dẫn tới một tệp .docx.")


def copy_template(name: str, dest: Path, force: bool = False,
                  templates_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """Copy a template (and its input declaration, kept beside it) to ``dest`` to start a customised form."""
    from qdocgen.output import check_writable, write_atomic

    if dest.suffix.lower() != ".docx":
        raise TemplateError(f"«{dest}»: tên tệp mẫu mới phải có đuôi .docx, ví dụ mau-cua-toi.docx.")
    info = find_template(name, templates_dirs)
    spec = info.path.with_suffix(".yaml")
    dest_spec = dest.with_suffix(".yaml")
    targets = [dest] + ([dest_spec] if spec.is_file() else [])
    for target in targets:
        check_writable(target, force)
    write_atomic(dest, info.path.read_bytes(), force)
    if spec.is_file():
        text = spec.read_text(encoding="utf-8")
        if info.sample is not None:
            # The sample is named relative to the spec; the copy lives elsewhere, so name it absolutely.
            text = re.sub(r"(?m)^du_lieu_mau:.*$", lambda _m: f"du_lieu_mau: {info.sample}", text)
        write_atomic(dest_spec, text.encode("utf-8"), force)
    return targets
