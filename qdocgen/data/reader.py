"""Unit data: reading YAML files, inheritance (``ke_thua``), ``--set`` overrides, dates and data templates.

A dataset is a folder of YAML files. Each ``*.yaml`` file whose name does not start with ``_`` is one unit
(its id is the file name without ``.yaml``); files starting with ``_`` hold what several units share and are
inherited with ``ke_thua: _file.yaml``. Mappings merge key by key, the inheriting file winning; lists and
scalars are replaced whole.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from qdocgen.data import fast_yaml, hygiene
from qdocgen.data.places import KeyPath as KeyPath
from qdocgen.data.places import Origin as Origin
from qdocgen.data.places import display as display
from qdocgen.data.places import key_path as key_path
from qdocgen.data.yaml_file import parse_yaml, pitfalls, plain, read_text
from qdocgen.data.yaml_file import read_yaml as read_yaml
from qdocgen.data.yaml_file import yaml_problem as yaml_problem
from qdocgen.errors import DataError, Problem

INHERIT_KEY = "ke_thua"
ORDER_KEY = "thu_tu"
UNIT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TEMPLATE_PASSES = 5
MAX_CHAIN = 8  # files in one ke_thua chain: a unit, its ward's and the district's shared files need 3
MAX_ID = 80  # characters of a unit id: its output file name must fit every file system


@dataclass
class Unit:
    """One document's data, merged and checked, ready for a template."""

    id: str
    path: Path
    data: dict[str, Any]
    origins: dict[KeyPath, Origin] = field(default_factory=dict)
    order: int = 1000
    warnings: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The unit's name for people: its issuing body, else its id."""
        value = self.data.get("co_quan")
        return value if isinstance(value, str) and value else self.id

    def where(self, key: KeyPath) -> Origin:
        """Where ``key`` (or its nearest written parent) comes from; the unit's file if nowhere."""
        probe = tuple(key)
        while probe:
            if probe in self.origins:
                return self.origins[probe]
            probe = probe[:-1]
        return Origin(display(self.path))

    def problem(self, key: KeyPath, message: str) -> Problem:
        """A problem at ``key``, located in the file (and line) that wrote it."""
        origin = self.where(key)
        return Problem(origin.file, key_path(key), message, origin.line, self.id)


def not_a_dataset(folder: Path) -> Problem:
    """The problem of a dataset path that is no folder: missing (say so plainly) or a file."""
    what = ("đây là một tệp, không phải thư mục" if folder.exists()
            else "không tìm thấy thư mục này; kiểm tra lại đường dẫn")
    return Problem(display(folder), "", f"{what}. Cần thư mục bộ dữ liệu chứa các tệp .yaml của từng đơn vị, "
                                        "ví dụ data/binh-tan/2019.")


def nfc(value: Any) -> Any:
    """NFC-normalise every string in a plain data tree."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    return value





def _merge(base: dict[str, Any], over: dict[str, Any], replaced: set[KeyPath], prefix: KeyPath = ()) -> dict[str, Any]:
    """Deep-merge ``over`` into ``base``: mappings key by key, the rest replaced whole (noted in ``replaced``)."""
    out = dict(base)
    for key, value in over.items():
        here = prefix + (key,)
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, replaced, here)
            continue
        replaced.add(here)
        out[key] = value
    return out


def _merge_origins(base_origins: dict[KeyPath, Origin], over_origins: dict[KeyPath, Origin],
                   replaced: set[KeyPath]) -> dict[KeyPath, Origin]:
    """Origins after a merge: the base's, less those under a replaced key, then all of the inheriting file's.

    One pass over the keys (each checked against its own few prefixes): the merge stays linear in the number
    of keys, where rescanning every key for every key took minutes for 20,000 keys.
    """
    kept = {k: v for k, v in base_origins.items() if not any(k[:i] in replaced for i in range(1, len(k) + 1))}
    kept.update(over_origins)
    return kept


_FileKey = tuple[str, int, int]
_PARSED: dict[_FileKey, tuple[bytes, dict[KeyPath, Origin]]] = {}
_PARSED_MAX = 64


def _parse_reference(text: str, shown: str, problems: list[Problem]
                     ) -> tuple[dict[str, Any], dict[KeyPath, Origin]] | None:
    """The round-trip reader's plain data and origins, with every problem it finds (lines exact)."""
    node, found = parse_yaml(text, shown)
    if found:
        problems.extend(found)
        return None
    if node is None:
        node = CommentedMap()
    if not isinstance(node, CommentedMap):
        problems.append(Problem(shown, "", "tệp dữ liệu phải là một bảng khóa (dạng «khoa: gia_tri» ở đầu "
                                           "dòng), không phải danh sách hay một giá trị đơn."))
        return None
    origins: dict[KeyPath, Origin] = {}
    try:
        data = plain(node, shown, (), origins)
    except DataError as exc:
        problems.extend(exc.problems)
        return None
    except RecursionError:
        problems.append(Problem(shown, "", "dữ liệu lồng vào chính nó (bí danh YAML &/* trỏ về chính nó) hoặc "
                                           "lồng quá sâu; hãy viết dữ liệu ra trực tiếp."))
        return None
    # Only now, with the size bounded by plain (YAML aliases can expand without end): text YAML changed silently.
    found = list(pitfalls(node, shown, ()))
    if found:
        problems.extend(found)
        return None
    return data, origins


def _load_file(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], dict[KeyPath, Origin]] | None:
    """One YAML file as plain data with its origins; a file shared by many units is parsed once.

    Read at C speed where the file is plain (:mod:`qdocgen.data.fast_yaml`), else by the round-trip reader,
    which words every problem with its line. Every ward re-reads the same ``_phuong.yaml``: shared files
    (``_*.yaml``) are cached, keyed by path, modification time and size, so an edited file is read again.
    """
    key: _FileKey | None = None
    if path.name.startswith("_"):
        try:
            stat = path.stat()
            key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = None
    if key is not None and key in _PARSED:
        cached_data, cached_origins = _PARSED[key]
        return pickle.loads(cached_data), dict(cached_origins)  # a fresh copy, at C speed
    shown = display(path)
    text, found = read_text(path)
    if text is None:
        problems.extend(found)
        return None
    loaded = fast_yaml.load(text, shown) or _parse_reference(text, shown, problems)
    if loaded is not None and key is not None:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = (pickle.dumps(loaded[0], protocol=pickle.HIGHEST_PROTOCOL), dict(loaded[1]))
    return loaded


def _read_chain(path: Path, problems: list[Problem], seen: tuple[Path, ...] = (), root: Path | None = None
                ) -> tuple[dict[str, Any], dict[KeyPath, Origin]] | None:
    """Read a file and, first, the files it inherits from (only inside ``root``); merged, with origins."""
    shown = display(path)
    root = root or path.parent.resolve()
    loaded = _load_file(path, problems)
    if loaded is None:
        return None
    data, origins = loaded
    parent = data.pop(INHERIT_KEY, None)
    if parent is None:
        return data, origins
    line = origins.get((INHERIT_KEY,), Origin(shown)).line
    if not isinstance(parent, str) or not parent.strip():
        problems.append(Problem(shown, INHERIT_KEY, "cần tên một tệp YAML cùng thư mục, ví dụ «_chung.yaml».",
                                line))
        return None
    parent_path = (path.parent / parent.strip()).resolve()  # symlinks resolved before the check below
    if not parent_path.is_relative_to(root):
        problems.append(Problem(shown, INHERIT_KEY, f"«{parent}» nằm ngoài thư mục bộ dữ liệu {display(root)}; chỉ "
                                                    "kế thừa được tệp trong cùng bộ dữ liệu, ví dụ «_chung.yaml».",
                                line))
        return None
    if len(seen) >= MAX_CHAIN:
        problems.append(Problem(shown, INHERIT_KEY, f"chuỗi kế thừa dài quá {MAX_CHAIN} tệp; hãy gộp bớt các tệp "
                                                    "dùng chung.", line))
        return None
    if parent_path in seen or parent_path == path.resolve():
        problems.append(Problem(shown, INHERIT_KEY, f"kế thừa vòng tròn qua «{parent}»; bỏ bớt một khóa "
                                                    "ke_thua.", line))
        return None
    if not parent_path.is_file():
        problems.append(Problem(shown, INHERIT_KEY, f"không tìm thấy tệp «{parent}» để kế thừa; cần một tệp "
                                                    "có thật trong cùng thư mục.", line))
        return None
    base = _read_chain(parent_path, problems, seen + (path.resolve(),), root)
    if base is None:
        return None
    base_data, base_origins = base
    replaced: set[KeyPath] = set()
    merged = _merge(base_data, data, replaced)
    return merged, _merge_origins(base_origins, origins, replaced)


def parse_override(text: str) -> tuple[list[str], Any]:
    """``"nguoi_ky.ho_ten=Nguyễn Văn A"`` → (["nguoi_ky", "ho_ten"], "Nguyễn Văn A"); value read as a YAML scalar."""
    key, sep, raw = text.partition("=")
    parts = [p.strip() for p in key.split(".")]
    if not sep or not all(parts):
        raise DataError([Problem("--set", text, "cần dạng KHOA=GIA_TRI, ví dụ --set so=15 hoặc "
                                                "--set nguoi_ky.ho_ten=\"Nguyễn Văn A\".")])
    try:
        value = YAML(typ="safe").load(raw) if raw.strip() else None
    except YAMLError as exc:
        raise DataError([Problem("--set", key, f"giá trị «{raw}» không đọc được ({exc}).")]) from exc
    except (ValueError, OverflowError):
        value = raw  # looks like a date or number but is none (0000-00-00): checked as text, with its key
    if isinstance(value, (dict, list)):
        value = raw
    return parts, nfc(value)


def apply_overrides(data: dict[str, Any], origins: dict[KeyPath, Origin], overrides: Sequence[str],
                    problems: list[Problem]) -> None:
    """Set ``--set KEY=VALUE`` values, dotted keys reaching into nested mappings."""
    for text in overrides:
        parts, value = parse_override(text)
        target = data
        for i, part in enumerate(parts[:-1]):
            nxt = target.get(part)
            if nxt is None:
                nxt = target[part] = {}
            if not isinstance(nxt, dict):
                problems.append(Problem("--set", ".".join(parts), f"«{'.'.join(parts[: i + 1])}» không phải "
                                                                  "một bảng khóa nên không đặt được khóa con."))
                break
            target = nxt
        else:
            target[parts[-1]] = value
            origins[tuple(parts)] = Origin("--set")


def unit_files(folder: Path) -> list[Path]:
    """The unit files of a dataset folder: ``*.yaml``/``*.yml`` not starting with ``_``."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix in (".yaml", ".yml") and not p.name.startswith(("_", ".")) and p.is_file())


def read_unit(path: Path, overrides: Sequence[str], problems: list[Problem]) -> Unit | None:
    """Read one unit file with everything it inherits, and apply ``--set``; dates and templates not yet."""
    unit_id = path.stem
    if not path.resolve().is_relative_to(path.parent.resolve()):
        problems.append(Problem(display(path), "", "tệp là liên kết (symlink) tới một tệp ngoài thư mục bộ dữ liệu; "
                                                   "hãy chép hẳn tệp vào bộ dữ liệu."))
        return None
    if not UNIT_ID.match(unit_id) or len(unit_id) > MAX_ID:
        from qdocgen.output import slug

        problems.append(Problem(display(path), "", f"tên tệp «{path.name}» không dùng được làm mã đơn vị: "
                                                   "chỉ dùng chữ thường không dấu, số và dấu gạch ngang; "
                                                   f"hãy đổi tên tệp thành «{slug(unit_id)}{path.suffix}»."))
        return None
    chain = _read_chain(path, problems)
    if chain is None:
        return None
    data, origins = chain
    order = data.pop(ORDER_KEY, 1000)
    if not isinstance(order, int) or isinstance(order, bool):
        problems.append(Problem(display(path), ORDER_KEY, "cần một số nguyên (thứ tự của đơn vị trong bộ).",
                                origins.get((ORDER_KEY,), Origin("")).line))
        order = 1000
    apply_overrides(data, origins, overrides, problems)
    unit = Unit(unit_id, path, data, origins, order)
    scrub(unit, problems)
    return unit


def scrub(unit: Unit, problems: list[Problem]) -> None:
    """Text hygiene on every string: fixes become warnings, what cannot be fixed safely becomes a problem."""
    for key, result in hygiene.scrub_tree(unit.data):
        problems.extend(unit.problem(key, message) for message in result.errors)
        unit.warnings.extend(unit.problem(key, message) for message in result.warnings)
