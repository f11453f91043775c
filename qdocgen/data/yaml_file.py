"""Reading one YAML file the reference way: ruamel.yaml's round-trip reader, with lines and comments.

Every problem is said in Vietnamese with its line; the reader's nodes become plain values with the line of
each key recorded, and text that YAML silently changes (a «#» mid-text, a lost leading zero) is found.
Unit data is first tried at C speed (:mod:`qdocgen.data.fast_yaml`); this reader takes every file that path
declines, and every file that is written back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from qdocgen import limits
from qdocgen.data.places import KeyPath, Origin, display, key_path
from qdocgen.errors import DataError, Problem


def _yaml() -> YAML:
    """The round-trip reader: keeps lines, comments and the width of numbers; refuses a key written twice."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """A data file's text, within the size limits; problems instead of exceptions."""
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
        return raw.decode("utf-8-sig"), []
    except FileNotFoundError:
        return None, [Problem(shown, "", "không tìm thấy tệp; kiểm tra lại đường dẫn.")]
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "", f"tệp không phải văn bản UTF-8 (byte {exc.start}); "
                                         "hãy lưu lại tệp với bảng mã UTF-8.")]
    except OSError as exc:
        return None, [Problem(shown, "", f"không đọc được tệp: {exc.strerror}.")]


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file (round-trip, to keep line numbers); problems instead of exceptions."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse_yaml(text, display(path))


def parse_yaml(text: str, shown: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text of the file ``shown`` with the round-trip reader; problems instead of exceptions."""
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


def plain(node: Any, file: str, prefix: KeyPath, origins: dict[KeyPath, Origin]) -> Any:
    """The YAML reader's nodes → plain Python values, recording each key's line in ``origins``."""
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key, value in node.items():
            name = unicodedata.normalize("NFC", str(key))
            line = node.lc.key(key)[0] + 1 if node.lc.data and key in node.lc.data else None
            origins[prefix + (name,)] = Origin(file, line)
            _check_size(origins, file, prefix)
            out[name] = plain(value, file, prefix + (name,), origins)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            line = node.lc.item(i)[0] + 1 if node.lc.data and i in node.lc.data else None
            origins[prefix + (i,)] = Origin(file, line)
            _check_size(origins, file, prefix)
            items.append(plain(value, file, prefix + (i,), origins))
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


def pitfalls(node: Any, file: str, prefix: KeyPath) -> Iterator[Problem]:
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
        yield from pitfalls(value, file, here)


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
