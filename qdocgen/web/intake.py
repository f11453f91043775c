"""What a user sends, held to the same untrusted-input bounds as a data file before anything is done with it.

Every text (a query parameter, a form field, a value of the form's data), every tree of values (the form's data,
an uploaded unit file) and every file a save would write is measured against ``qdocgen.limits``: characters of
one value, values in one unit, nesting depth, total size and lines. What goes past a bound is refused with a
Vietnamese message naming the field (``InputLimit``, HTTP 413) before anything is read further or written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from qdocgen import limits
from qdocgen.data.reader import key_path, yaml_problem
from qdocgen.errors import ExitStatus, Problem, QdocgenError

TOO_LARGE = 413
MAX_PARAMS = 50  # query parameters and form fields in one request (the pages send fewer than ten)
_Path = tuple[str | int, ...]
DATA_FIELDS = ("du_lieu", "goc")  # the form's data: its problems are named by the data's own key paths
# What each parameter and form field is, as the clerk knows it (a message names the field this way).
LABELS = {"d": "bộ dữ liệu", "u": "đơn vị", "mau": "mẫu", "ma": "mã đơn vị", "ke_thua": "tệp kế thừa",
          "nam": "năm mới", "tep": "tệp tải lên", "dang": "dạng tệp", "tb": "thông báo", "dong": "mục",
          "xong": "đã xem", "ten": "tên đăng nhập", "mat_khau": "mật khẩu", "token": "mã phiên bản tệp",
          "csrf": "mã chống giả mạo"}


class InputLimit(QdocgenError):
    """Something a user sent is refused before use; ``problems`` name the field(s), ``status`` is the HTTP one."""

    exit_code = ExitStatus.DATA

    def __init__(self, problems: list[Problem], status: int = TOO_LARGE) -> None:
        shown = "\n".join(f"  - {str(p).strip()}" for p in problems)
        head = "vượt giới hạn an toàn" if status == TOO_LARGE else "không đúng dạng"
        super().__init__(f"Dữ liệu gửi lên {head} nên không được nhận; chưa ghi gì.\n{shown}")
        self.problems = problems
        self.status = status


def _refuse(field: str, message: str, status: int = TOO_LARGE, file: str = "") -> InputLimit:
    return InputLimit([Problem(file, field, message)], status)


def _hint(field: str) -> str:
    """The bound ``field`` said for the web: what it is now, and who can raise it (not the clerk)."""
    name, what = next((n, w) for n, (f, w) in limits.NAMES.items() if f == field)
    value = getattr(limits.current(), field)
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return (f"giới hạn hiện là {shown}, {what}; hãy rút gọn, hoặc nếu thật sự cần thì nhờ người quản trị chạy "
            f"máy chủ với --gioi-han {name}=SỐ_LỚN_HƠN")


def label(name: str) -> str:
    """A parameter's or form field's name as the clerk knows it: «mã đơn vị (ma)»."""
    known = LABELS.get(name)
    return f"{known} ({name})" if known else name


def text(value: Any, field: str) -> str:
    """A single text field (parameter, form field): a string within ``value_chars``; absent is empty."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _refuse(label(field), "cần là chữ.", 400)
    most = limits.current().value_chars
    if len(value) > most:
        raise _refuse(label(field), f"dài {len(value)} ký tự, quá giới hạn ({_hint('value_chars')}).")
    return value


def params(items: Sequence[tuple[str, Any]], where: str) -> dict[str, Any]:
    """Query parameters or form fields: how many, and each name's and text's length (uploads pass as they are)."""
    if len(items) > MAX_PARAMS:
        raise _refuse(where, f"gửi {len(items)} tham số hay ô, nhiều nhất {MAX_PARAMS}.")
    for name, value in items:
        text(name, where)
        if isinstance(value, str):
            text(value, name)
    return dict(items)


def _children(value: Any) -> Iterator[tuple[str | int, Any]]:
    if isinstance(value, dict):
        yield from value.items()
    elif isinstance(value, list):
        yield from enumerate(value)


def tree(value: Any, field: str, file: str = "") -> None:
    """A tree of values (the form's data, an uploaded file) within the bounds a unit file is held to.

    Walked without recursion, so no depth or shared node (a YAML alias bomb) can make the walk itself blow up:
    it stops at the first value past a bound, naming where it is (in ``file``, when it comes from a file).
    """
    bound = limits.current()
    most_chars = int(bound.data_file_mb * limits.MB)
    count = chars = 0
    stack: list[tuple[_Path, Any]] = [((), value)]
    while stack:
        path, node = stack.pop()
        where = _where(field, path)
        count += 1
        if count > bound.data_values:
            raise _refuse(where, f"dữ liệu có hơn {bound.data_values} giá trị ({_hint('data_values')}).",
                          file=file)
        if len(path) > bound.data_depth:
            raise _refuse(where, f"dữ liệu lồng sâu hơn {bound.data_depth} tầng ({_hint('data_depth')}).",
                          file=file)
        if isinstance(node, str) and len(node) > bound.value_chars:
            raise _refuse(where, f"giá trị dài {len(node)} ký tự, quá giới hạn ({_hint('value_chars')}).",
                          file=file)
        if isinstance(node, str):
            chars += len(node)
        elif not (node is None or isinstance(node, (bool, int, float, dict, list))):
            chars += len(str(node))  # a date read from YAML: counted by its text
        for key, child in _children(node):
            if isinstance(key, str) and len(key) > bound.value_chars:
                raise _refuse(where, f"tên khóa dài {len(key)} ký tự, quá giới hạn ({_hint('value_chars')}).",
                              file=file)
            chars += len(key) if isinstance(key, str) else 0
            stack.append(((*path, key), child))
        if chars > most_chars:
            raise _refuse(field, f"dữ liệu dài hơn {most_chars} ký tự, quá giới hạn ({_hint('data_file_mb')}).",
                          file=file)


def _where(field: str, path: _Path) -> str:
    """``field`` and the key path inside it; an empty ``field`` is the form's data, named by its own keys."""
    inner = key_path(path) if path else ""
    if not field or not inner:
        return inner or field
    return f"{field}.{inner}" if not inner.startswith("[") else f"{field}{inner}"


def json_body(raw: bytes) -> dict[str, Any]:
    """A JSON request body as a mapping, each of its fields within the bounds; too deep a nesting is refused."""
    try:
        body = json.loads(raw)
    except RecursionError:
        raise _refuse("(thân yêu cầu)", f"dữ liệu lồng quá sâu ({_hint('data_depth')}).") from None
    except ValueError as exc:
        raise _refuse("(thân yêu cầu)", "không đọc được (không phải JSON).", 400) from exc
    if not isinstance(body, dict):
        raise _refuse("(thân yêu cầu)", "cần một bảng khóa JSON.", 400)
    params(list(body.items()), "(thân yêu cầu)")
    for name, value in body.items():
        tree(value, "" if name in DATA_FIELDS else label(name))
    return body


def file_bytes(content: bytes, name: str) -> None:
    """A unit file about to be written (uploaded or saved): its size and lines as the reader will bound them."""
    bound = limits.current()
    if len(content) > bound.data_file_mb * limits.MB:
        raise _refuse("", f"tệp dài {len(content)} byte, quá giới hạn ({_hint('data_file_mb')}).", file=name)
    lines = content.count(b"\n") + content.count(b",")
    if lines > bound.data_lines:
        raise _refuse("", f"tệp có {lines} dòng và dấu phẩy, quá giới hạn ({_hint('data_lines')}); "
                          "một đơn vị chỉ cần vài trăm dòng.", file=name)


def unit_file(content: bytes, name: str) -> None:
    """An uploaded unit file, read in memory as the reader would before anything is written.

    Size and lines first, then UTF-8 and YAML (a syntax error is said with its line), then the tree's bounds.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    file_bytes(content, name)
    try:
        source = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse("", f"tệp không phải văn bản UTF-8 (byte {exc.start}); hãy lưu lại tệp với bảng mã UTF-8.",
                      400, name) from None
    try:
        data = YAML(typ="rt").load(source)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" ở dòng {mark.line + 1}" if mark is not None else ""
        raise _refuse("", f"lỗi cú pháp YAML{where}: {yaml_problem(str(exc.problem or exc.context or ''))}.",
                      400, name) from None
    except RecursionError:
        raise _refuse("", f"dữ liệu lồng quá sâu ({_hint('data_depth')}).", file=name) from None
    except (YAMLError, ValueError, OverflowError) as exc:
        raise _refuse("", f"lỗi cú pháp YAML ({exc}); kiểm tra lại tệp.", 400, name) from None
    tree(data, "", name)
