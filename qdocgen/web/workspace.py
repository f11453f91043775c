"""The data root the server works in: its datasets, and every path a request names resolved inside it.

A dataset is a folder under the root holding unit files (``*.yaml`` not starting with ``_``), named by its path
relative to the root (``binh-tan/2019``). A request names a dataset and a file by those names only; each is
checked against a narrow pattern, resolved (symbolic links followed) and refused unless it lies inside the root.
The server's own files (users, secret, audit log, review lists) live in ``.qdocgen/`` under the root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from qdocgen.data.reader import UNIT_ID, unit_files
from qdocgen.errors import ExitStatus, QdocgenError

STATE_DIR = ".qdocgen"
MAX_DEPTH = 4
_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
_FILE_ID = re.compile(r"^_?[a-z0-9]+(?:-[a-z0-9]+)*$")


class NotFound(QdocgenError):
    """What the request names does not exist, or may not be reached from here (said the same way on purpose)."""

    exit_code = ExitStatus.USAGE


@dataclass(frozen=True)
class Workspace:
    """The data root and the server's state folder inside it."""

    root: Path

    @classmethod
    def at(cls, root: Path) -> Workspace:
        """The workspace of ``root``, which must be an existing folder."""
        if not root.is_dir():
            raise QdocgenError(f"{root}: không phải một thư mục; cần thư mục chứa các bộ dữ liệu, ví dụ data/.")
        return cls(root.resolve())

    @property
    def state(self) -> Path:
        """Where the server keeps its own files."""
        return self.root / STATE_DIR

    def datasets(self) -> list[str]:
        """Every dataset under the root, by relative path, sorted."""
        found: list[str] = []

        def visit(folder: Path, depth: int) -> None:
            try:
                children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
            except OSError:
                return
            if folder != self.root and unit_files(folder):
                found.append(folder.relative_to(self.root).as_posix())
            if depth < MAX_DEPTH:
                for child in children:
                    if _SEGMENT.match(child.name):
                        visit(child, depth + 1)

        visit(self.root, 0)
        return found

    def inside(self, path: Path) -> Path:
        """``path`` resolved, refused unless it lies inside the root."""
        resolved = path.resolve()
        if resolved != self.root and self.root not in resolved.parents:
            raise NotFound("Không có bộ dữ liệu hay tệp này (đường dẫn nằm ngoài thư mục dữ liệu).")
        return resolved

    def dataset(self, name: str) -> Path:
        """The folder of dataset ``name`` (``binh-tan/2019``)."""
        parts = name.split("/") if name else []
        if not parts or len(parts) > MAX_DEPTH or not all(_SEGMENT.match(p) for p in parts):
            raise NotFound(f"Không có bộ dữ liệu «{name}»; chọn một bộ trong danh sách ở trang đầu.")
        folder = self.inside(self.root.joinpath(*parts))
        if not folder.is_dir() or not unit_files(folder):
            raise NotFound(f"Không có bộ dữ liệu «{name}»; chọn một bộ trong danh sách ở trang đầu.")
        return folder

    def file(self, dataset: str, file_id: str) -> Path:
        """The YAML file ``file_id`` (a unit id, or ``_name`` for a shared file) of a dataset."""
        folder = self.dataset(dataset)
        if not _FILE_ID.match(file_id):
            raise NotFound(f"Không có đơn vị «{file_id}» trong bộ {dataset}.")
        for suffix in (".yaml", ".yml"):
            path = folder / f"{file_id}{suffix}"
            if path.is_file():
                return self.inside(path)
        raise NotFound(f"Không có đơn vị «{file_id}» trong bộ {dataset}.")

    def shared_files(self, dataset: str) -> list[str]:
        """The shared files (``_chung.yaml``...) of a dataset, by name."""
        folder = self.dataset(dataset)
        return sorted(p.name for p in folder.glob("_*.y*ml") if p.is_file() and _FILE_ID.match(p.stem))

    def new_unit_path(self, dataset: str, unit_id: str) -> Path:
        """Where a new unit ``unit_id`` goes; refused when the id is not a safe name or the unit exists."""
        folder = self.dataset(dataset)
        if not UNIT_ID.match(unit_id):
            from qdocgen.output import slug

            raise QdocgenError(f"Mã đơn vị «{unit_id}» không dùng được: chỉ dùng chữ thường không dấu, số và dấu "
                               f"gạch ngang, ví dụ «{slug(unit_id)}».")
        path = folder / f"{unit_id}.yaml"
        if path.exists() or (folder / f"{unit_id}.yml").exists():
            raise QdocgenError(f"Đơn vị «{unit_id}» đã có trong bộ {dataset}; chọn mã khác hoặc mở đơn vị đó.")
        return self.inside(path)
