"""Unit data: reading YAML files, inheritance (``ke_thua``), ``--set`` overrides, dates and data templates.

A dataset is a folder of YAML files. Each ``*.yaml`` file whose name does not start with ``_`` is one unit
(its id is the file name without ``.yaml``); files starting with ``_`` hold what several units share and are
inherited with ``ke_thua: _file.yaml``. Mappings merge key by key, the inheriting file winning; lists and
scalars are replaced whole.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from qdocgen import limits
from qdocgen.data import hygiene
from qdocgen.errors import DataError, Problem

INHERIT_KEY = "ke_thua"
ORDER_KEY = "thu_tu"
UNIT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TEMPLATE_PASSES = 5
MAX_CHAIN = 8  # files in one ke_thua chain: a unit, its ward's and the district's shared files need 3
MAX_ID = 80  # characters of a unit id: its output file name must fit every file system

KeyPath = tuple[str | int, ...]
"""A place in the data: keys and list indexes from the top (``("phu_luc", "muc_tieu", 0, "noi_dung")``)."""


@dataclass(frozen=True)
class Origin:
    """Where a value was written: a file and line, or a ``--set`` option."""

    file: str
    line: int | None = None


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


def display(path: Path) -> str:
    """A path as the user should see it: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def not_a_dataset(folder: Path) -> Problem:
    """The problem of a dataset path that is no folder: missing (say so plainly) or a file."""
    what = ("đây là một tệp, không phải thư mục" if folder.exists()
            else "không tìm thấy thư mục này; kiểm tra lại đường dẫn")
    return Problem(display(folder), "", f"{what}. Cần thư mục bộ dữ liệu chứa các tệp .yaml của từng đơn vị, "
                                        "ví dụ data/binh-tan/2019.")


def key_path(key: KeyPath) -> str:
    """``("can_cu", 2, "ngay")`` → ``can_cu[2].ngay`` (indices shown from 1, as clerks count)."""
    out = ""
    for part in key:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def nfc(value: Any) -> Any:
    """NFC-normalise every string in a plain data tree."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    return value


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file (round-trip, to keep line numbers); problems instead of exceptions."""
    shown = display(path)
    cap = limits.current().data_file_mb * limits.MB
    try:
        if path.exists() and not path.is_file():
            return None, [Problem(shown, "", "không phải một tệp thường (thư mục, thiết bị hay ống dẫn); cần một "
                                             "tệp .yaml.")]
        with path.open("rb") as handle:
            raw = handle.read(int(cap) + 1)
        if len(raw) > cap:
            return None, [Problem(shown, "", f"tệp dữ liệu lớn quá giới hạn ({limits.hint('data_file_mb')}); "
                                             "một đơn vị chỉ cần vài chục kB: kiểm tra lại tệp.")]
        lines = raw.count(b"\n") + raw.count(b",")
        if lines > limits.current().data_lines:
            return None, [Problem(shown, "", f"tệp dữ liệu có {lines} dòng và dấu phẩy, quá giới hạn "
                                             f"({limits.hint('data_lines')}); một đơn vị chỉ cần vài trăm dòng.")]
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        return None, [Problem(shown, "", "không tìm thấy tệp; kiểm tra lại đường dẫn.")]
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "", f"tệp không phải văn bản UTF-8 (byte {exc.start}); "
                                         "hãy lưu lại tệp với bảng mã UTF-8.")]
    except OSError as exc:
        return None, [Problem(shown, "", f"không đọc được tệp: {exc.strerror}.")]
    try:
        return _yaml().load(text), []
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = yaml_problem(str(exc.problem or exc.context or ""))
        start = exc.context_mark.line + 1 if exc.context_mark is not None else None
        since = f" (đoạn bắt đầu từ dòng {start})" if start is not None and start != line else ""
        return None, [Problem(shown, "", f"lỗi cú pháp YAML: {what}{since}. Sửa dòng này rồi chạy lại.", line)]
    except (YAMLError, RecursionError, ValueError, OverflowError) as exc:
        return None, [Problem(shown, "", f"lỗi cú pháp YAML ({exc}); kiểm tra lại tệp rồi chạy lại.")]


_YAML_PROBLEMS = (
    ("found duplicate key", "một khóa được ghi hai lần trong cùng một bảng; xóa hoặc đổi tên một dòng"),
    ("found character '\\t'", "có ký tự Tab (thường do dán từ Word hay Excel); YAML chỉ thụt lề bằng dấu "
                                "cách: xóa Tab và gõ dấu cách cho thẳng cột với các dòng trên"),
    ("mapping values are not allowed here", "dấu «:» không đúng chỗ; nếu giá trị có dấu «:», hãy đặt cả giá trị "
                                            "trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu «:» sau tên khóa, hoặc thụt lề sai; nếu dòng này là một mục "
                                    "của danh sách, hãy gõ «- » ở đầu dòng như các mục trên"),
    ("expected <block end>", "thụt lề sai: các khóa cùng cấp phải thẳng cột; nếu dòng này là một mục của danh "
                             "sách, hãy gõ «- » ở đầu dòng như các mục trên"),
    ("found undefined alias", "dùng «*tên» mà chưa đặt «&tên» ở trên"),
    ("expected ',' or ']'", "thiếu dấu «]» đóng danh sách"),
    ("expected ',' or '}'", "thiếu dấu «}» đóng bảng khóa"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng chuỗi"),
    ("found unknown escape character", "chuỗi trong ngoặc kép có dấu «\\» lạ; dùng ngoặc đơn hoặc viết «\\\\»"),
)


def yaml_problem(english: str) -> str:
    """The YAML reader's problem description, said in Vietnamese where it is a common one."""
    for start, vietnamese in _YAML_PROBLEMS:
        if english.startswith(start):
            key = re.match(r'found duplicate key "(.*?)"', english)
            return vietnamese.replace("một khóa", f"khóa «{key.group(1)}»") if key else vietnamese
    return f"cú pháp sai ({english})" if english else "cú pháp sai"


def _plain(node: Any, file: str, prefix: KeyPath, origins: dict[KeyPath, Origin]) -> Any:
    """The YAML reader's nodes → plain Python values, recording each key's line in ``origins``."""
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key, value in node.items():
            name = unicodedata.normalize("NFC", str(key))
            line = node.lc.key(key)[0] + 1 if node.lc.data and key in node.lc.data else None
            origins[prefix + (name,)] = Origin(file, line)
            _check_size(origins, file, prefix)
            out[name] = _plain(value, file, prefix + (name,), origins)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            line = node.lc.item(i)[0] + 1 if node.lc.data and i in node.lc.data else None
            origins[prefix + (i,)] = Origin(file, line)
            _check_size(origins, file, prefix)
            items.append(_plain(value, file, prefix + (i,), origins))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        if len(node) > limits.current().value_chars:
            raise DataError([Problem(file, key_path(prefix), f"giá trị dài {len(node)} ký tự, quá giới hạn "
                                                             f"({limits.hint('value_chars')}); hãy rút gọn.")])
        return unicodedata.normalize("NFC", str(node))
    return node


def _pitfalls(node: Any, file: str, prefix: KeyPath) -> Iterator[Problem]:
    """Text YAML silently changes: a «#» that starts a comment mid-text, a number whose leading zero is lost."""
    if isinstance(node, CommentedMap):
        items: list[tuple[Any, Any, int]] = [(k, v, 2) for k, v in node.items()]
    elif isinstance(node, CommentedSeq):
        items = [(i, v, 0) for i, v in enumerate(node)]
    else:
        return
    for key, value, slot in items:
        here = prefix + (unicodedata.normalize("NFC", str(key)) if isinstance(node, CommentedMap) else key,)
        line = _line(node, key)
        comment = (node.ca.items.get(key) or [None] * 4)[slot]
        text = getattr(comment, "value", "") or ""
        if isinstance(value, str) and re.match(r"#[^\s#]", text):
            cut = text.strip().splitlines()[0]
            yield Problem(file, key_path(here), f"dấu «#» sau một dấu cách bắt đầu phần ghi chú nên chữ «{cut}» bị "
                                                "bỏ. Nếu # là một phần của chữ, hãy đặt cả giá trị trong ngoặc "
                                                f'kép: "{value} {cut}".', line)
        width = getattr(value, "_width", None)
        if isinstance(value, int) and not isinstance(value, bool) and width and width > len(str(value)):
            written = str(value).rjust(width, "0")
            yield Problem(file, key_path(here), f"số «{written}» có số 0 ở đầu, YAML đọc thành {value} và bỏ số 0. "
                                                f'Cần giữ số 0 thì đặt trong ngoặc kép: "{written}"; không thì viết '
                                                f"{value}.", line)
        yield from _pitfalls(value, file, here)


def _line(node: CommentedMap | CommentedSeq, key: Any) -> int | None:
    """The 1-based line of ``key`` (a mapping key or a list index) in ``node``, when known."""
    if not node.lc.data or key not in node.lc.data:
        return None
    return int((node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key))[0]) + 1


def _check_size(origins: dict[KeyPath, Origin], file: str, prefix: KeyPath) -> None:
    most = limits.current().data_values
    if len(origins) > most:
        raise DataError([Problem(file, key_path(prefix), f"dữ liệu có hơn {most} giá trị (thường do bí danh "
                                                         "YAML &/* lồng nhau); hãy viết dữ liệu ra trực tiếp "
                                                         f"({limits.hint('data_values')}).")])




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
_PARSED: dict[_FileKey, tuple[dict[str, Any], dict[KeyPath, Origin]]] = {}
_PARSED_MAX = 64


def _load_file(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], dict[KeyPath, Origin]] | None:
    """One YAML file as plain data with its origins; a file shared by many units is parsed once.

    Round-trip parsing is slow, and every ward re-reads the same ``_phuong.yaml``; the cache is keyed by
    the file's path, size and modification time, so an edited file is read again.
    """
    try:
        stat = path.stat()
        key: _FileKey | None = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key is not None and key in _PARSED:
        cached_data, cached_origins = _PARSED[key]
        return copy.deepcopy(cached_data), dict(cached_origins)
    shown = display(path)
    node, found = read_yaml(path)
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
        data = _plain(node, shown, (), origins)
    except DataError as exc:
        problems.extend(exc.problems)
        return None
    except RecursionError:
        problems.append(Problem(shown, "", "dữ liệu lồng vào chính nó (bí danh YAML &/* trỏ về chính nó) hoặc "
                                           "lồng quá sâu; hãy viết dữ liệu ra trực tiếp."))
        return None
    # Only now, with the size bounded by _plain (YAML aliases can expand without end): text YAML changed silently.
    pitfalls = list(_pitfalls(node, shown, ()))
    if pitfalls:
        problems.extend(pitfalls)
        return None
    if key is not None:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = (copy.deepcopy(data), dict(origins))
    return data, origins


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
