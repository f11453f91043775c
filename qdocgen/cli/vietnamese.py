"""click's own words, placeholders and usage lines in Vietnamese, like every other message of qdocgen."""

from __future__ import annotations

from typing import Any

import click

# click's own words (usage, help, option errors) said in Vietnamese, like every other message of qdocgen.
# click looks each one up through gettext at the time it is shown; these are its catalogue keys.
_CLICK_VI = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Xem hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Xem phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: «{command} {option}».",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu tên lệnh.",
    "No such command {name!r}.": "Không có lệnh «{name}».",
    "No such option {name!r}.": "Không có tùy chọn «{name}».",
    "Did you mean {possibility}?": "Có phải {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải một trong: {possibilities}?)",
    "Option {name!r} does not take a value.": "Tùy chọn «{name}» không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn «{name}» cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn «{name}» cần {nargs} giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số «{name}» cần {nargs} giá trị.",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not {choice}.": "«{value}» không hợp lệ; chỉ nhận {choice}.",
    "{value!r} is not one of {choices}.": "«{value}» không hợp lệ; chọn một trong: {choices}.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "«{value}» không phải {number_type}.",
    "{value!r} is not a valid integer.": "«{value}» không phải một số nguyên.",
    "{value!r} is not a valid float.": "«{value}» không phải một số.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép ({range}).",
    "{name} {filename!r} does not exist.": "Không tìm thấy «{filename}»; kiểm tra lại đường dẫn.",
    "{name} {filename!r} is a directory.": "«{filename}» là một thư mục, cần một tệp.",
    "{name} {filename!r} is a file.": "«{filename}» là một tệp, cần một thư mục.",
    "{name} {filename!r} is not readable.": "Không đọc được «{filename}» (không có quyền đọc).",
    "{name} {filename!r} is not writable.": "Không ghi được vào «{filename}» (không có quyền ghi).",
    "Could not open file {filename!r}: {message}": "Không mở được tệp «{filename}»: {message}",
    "file": "tệp", "directory": "thư mục", "path": "đường dẫn",
    "required": "bắt buộc",
    "Aborted!": "Đã dừng.",
    "default: {default}": "mặc định: {default}",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp nhau.",
}


def _range_words(self: Any) -> str:
    """A number range as words: «từ 1 trở lên», «từ 10 đến 600» (click writes ``x>=1``, ``10<=x<=600``)."""
    low, high = self.min, self.max
    if low is not None and high is not None:
        return f"từ {low} đến {high}"
    if low is not None:
        return f"từ {low} trở lên" if not self.min_open else f"lớn hơn {low}"
    if high is not None:
        return f"đến {high}" if not self.max_open else f"nhỏ hơn {high}"
    return ""


def _path_metavar(self: Any, param: Any, ctx: Any) -> str:
    """A path parameter's placeholder in the help: TỆP, THƯ_MỤC or ĐƯỜNG_DẪN (never click's English)."""
    return "TỆP" if not self.dir_okay else "THƯ_MỤC" if not self.file_okay else "ĐƯỜNG_DẪN"


def _text_metavar(self: Any, param: Any, ctx: Any) -> str:
    """A text option's placeholder: GIÁ_TRỊ (click says TEXT)."""
    return "GIÁ_TRỊ"


def _number_metavar(self: Any, param: Any, ctx: Any) -> str:
    """A whole-number option's placeholder: SỐ (click says INTEGER or INTEGER RANGE)."""
    return "SỐ"


def speak_vietnamese() -> None:
    """Put click's words (gettext catalogue, type names, ranges, placeholders) into Vietnamese."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    def translate(message: str) -> str:
        return _CLICK_VI.get(message, message)

    def translate_plural(singular: str, plural: str, count: int) -> str:
        return translate(singular if count == 1 else plural)

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]
    click.types.IntParamType.name = "một số nguyên"
    click.types.IntRange.name = "một số nguyên"
    click.types.FloatParamType.name = "một số"
    click.types.FloatRange.name = "một số"
    click.types._NumberRangeBase._describe_range = _range_words  # type: ignore[method-assign]
    click.types.Path.get_metavar = _path_metavar  # type: ignore[method-assign]
    click.types.StringParamType.get_metavar = _text_metavar  # type: ignore[method-assign]
    click.types.IntParamType.get_metavar = _number_metavar  # type: ignore[method-assign]


speak_vietnamese()


class Command(click.Command):
    """A command whose usage line says [TÙY_CHỌN] rather than click's [OPTIONS]."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Like click's command, with a Vietnamese placeholder for the options."""
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """A command group whose usage says LỆNH [THAM_SỐ]... and whose subcommands speak Vietnamese too."""

    command_class = Command
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Like click's group, with Vietnamese placeholders."""
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM_SỐ]...")
        super().__init__(*args, **kwargs)
