"""The ``qdocgen`` command line: options in, one library call, the library's error out as a message and code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

import qdocgen
from qdocgen import ExitStatus, QdocgenError, __version__

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


def _speak_vietnamese() -> None:
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


_speak_vietnamese()


class _Command(click.Command):
    """A command whose usage line says [TÙY_CHỌN] rather than click's [OPTIONS]."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Like click's command, with a Vietnamese placeholder for the options."""
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    """A command group whose usage says LỆNH [THAM_SỐ]... and whose subcommands speak Vietnamese too."""

    command_class = _Command
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Like click's group, with Vietnamese placeholders."""
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM_SỐ]...")
        super().__init__(*args, **kwargs)


def _run(call: Callable[[], Any]) -> Any:
    """Call the library; turn its one error type into a Vietnamese message and an exit code."""
    try:
        return call()
    except QdocgenError as exc:
        click.secho(f"Lỗi: {exc.message}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except (OSError, MemoryError, RecursionError) as exc:
        # Full disk, read-only folder, exhausted memory: a message and an exit code, never a traceback.
        error = qdocgen.resource_error(exc)
        click.secho(f"Lỗi: {error.message}", fg="red", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu; không để lại tệp dở dang.", err=True)
        sys.exit(ExitStatus.INTERRUPTED)


_TONES = {"info": (None, False), "warning": ("yellow", True), "error": ("red", True)}


def _say(lines: Iterable[tuple[str, str]]) -> None:
    """Print a result's lines: information on stdout, warnings (yellow) and errors (red) on stderr."""
    for tone, text in lines:
        colour, to_stderr = _TONES[tone]
        if colour is None:
            click.echo(text, err=to_stderr)
        else:
            click.secho(text, fg=colour, err=to_stderr)


def _report(report: Any, quiet: bool = False) -> None:
    """Print a run's report and end with its exit status."""
    _say(report.lines(quiet))
    if report.exit_code:
        sys.exit(report.exit_code)


TEMPLATE_OPTION = click.option("-t", "--template", "template", default=None, metavar="MẪU",
                               help="Tên mẫu có sẵn (mặc định: quyet-dinh-mtcl) hoặc đường dẫn tới tệp .docx.")
SET_OPTION = click.option("--set", "overrides", multiple=True, metavar="KHÓA=GIÁ_TRỊ",
                          help="Đặt giá trị cho một khóa, thay giá trị ghi trong dữ liệu (lô: ở mọi đơn vị); "
                               "khóa có dấu chấm đi vào khóa con (nguoi_ky.ho_ten). Khóa mẫu không dùng là lỗi.")
FORCE_OPTION = click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
PDF_OPTION = click.option("--pdf", is_flag=True,
                          help="Ghi thêm tệp PDF/A-2b (đã kiểm tra) cạnh mỗi tệp .docx (cần LibreOffice).")
O_KY_OPTION = click.option("--o-ky", "o_ky", is_flag=True,
                           help="Thêm ô ký số trống vào PDF đúng chỗ NĐ30 Phụ lục I (người ký, cơ quan; văn thư "
                                "ở phụ lục ban hành riêng). Cần --pdf và pyHanko: pip install 'qdocgen[ky]'.")
TEMPLATES_DIR_OPTION = click.option(
    "--templates-dir", "templates_dirs", multiple=True, metavar="THƯ_MỤC",
    type=click.Path(path_type=Path, file_okay=False),
    help="Thư mục chứa mẫu của người dùng (lặp lại được; thêm vào biến QDOCGEN_TEMPLATES, "
         "mẫu trùng tên thay mẫu có sẵn).")


STRICT_OPTION = click.option("--strict", is_flag=True,
                             help="Coi mọi cảnh báo (khóa lạ, chữ sai bảng mã, ...) là lỗi: không ghi tệp.")


def render_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options render and batch share: template, overrides, overwrite, PDF, strictness."""
    for option in reversed((TEMPLATE_OPTION, SET_OPTION, FORCE_OPTION, PDF_OPTION, O_KY_OPTION, STRICT_OPTION,
                            TEMPLATES_DIR_OPTION)):
        command = option(command)
    return command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qdocgen")
@click.option("--gioi-han", "limit_entries", multiple=True, metavar="TÊN=SỐ",
              help="Nâng một giới hạn an toàn (mẫu và dữ liệu từ nơi khác được coi là không tin cậy), ví dụ "
                   "--gioi-han thoi_gian_dien=20; các tên: xem mục «Bảo mật» trong README.")
def main(limit_entries: tuple[str, ...]) -> None:
    """qdocgen: soạn văn bản hành chính (.docx) từ mẫu Word và dữ liệu YAML, đúng thể thức Nghị định 30."""
    # Each run starts from the defaults (raised by QDOCGEN_GIOI_HAN), then its own --gioi-han.
    _run(lambda: qdocgen.configure_limits(qdocgen.parse_limits(limit_entries)))


@main.command()
@click.argument("data_file", metavar="TỆP_DỮ_LIỆU", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp .docx ghi ra (mặc định: tên tệp dữ liệu, đuôi .docx, ở thư mục đang đứng).")
@render_options
def render(data_file: Path, output: Path | None, template: str | None, overrides: tuple[str, ...],
           force: bool, pdf: bool, o_ky: bool, strict: bool, templates_dirs: tuple[Path, ...]) -> None:
    """Điền mẫu cho một tệp dữ liệu TỆP_DỮ_LIỆU (.yaml)."""
    _need_pdf_for_fields(pdf, o_ky)
    _report(_run(lambda: qdocgen.render_file(data_file, output, template, overrides, force, pdf=pdf,
                                             strict=strict, templates_dirs=templates_dirs,
                                             signature_fields=o_ky)))


def _need_pdf_for_fields(pdf: bool, o_ky: bool) -> None:
    """--o-ky puts fields into PDFs: without --pdf there are none, which is said rather than ignored."""
    if o_ky and not pdf:
        raise click.UsageError("--o-ky thêm ô ký vào tệp PDF: dùng kèm --pdf.")


@main.command()
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Thư mục ghi các tệp .docx (mỗi đơn vị một tệp, đặt tên theo mã đơn vị).")
@click.option("--only", multiple=True, metavar="MÃ_ĐƠN_VỊ", help="Chỉ làm đơn vị này (lặp lại được).")
@render_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Số tiến trình soạn song song (mặc định: số lõi CPU). Kết quả như nhau với mọi N.")
@click.option("--no-lint", "no_lint", is_flag=True,
              help="Không kiểm tra thể thức (NĐ30) các tệp vừa soạn: nhanh hơn với lô rất lớn.")
@click.option("-q", "--quiet", is_flag=True, help="Không vẽ thanh tiến độ, không liệt kê từng tệp.")
@click.option("--resume", is_flag=True,
              help="Làm tiếp lần chạy trước: giữ tệp khớp manifest.json, làm lại đơn vị lỗi hoặc chưa làm.")
@click.option("--combine", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="TỆP.docx",
              help="Ghi thêm một tệp .docx gộp mọi văn bản theo thứ tự (mỗi văn bản sang trang mới, "
                   "số trang đánh lại từ 1) để in một lượt. Chỉ ghi tên tệp thì tệp nằm trong thư mục -o.")
@click.option("--zip", "zip_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="TỆP.zip", help="Ghi thêm một tệp .zip gồm các tệp .docx và manifest (chỉ ghi tên tệp thì "
                                      "tệp nằm trong thư mục -o).")
def batch(dataset_dir: Path, out_dir: Path, only: tuple[str, ...], template: str | None,
          overrides: tuple[str, ...], force: bool, pdf: bool, o_ky: bool, strict: bool, jobs: int | None,
          quiet: bool,
          resume: bool, combine: Path | None, zip_path: Path | None, templates_dirs: tuple[Path, ...],
          no_lint: bool) -> None:
    """Điền mẫu cho mọi đơn vị của bộ dữ liệu THƯ_MỤC_DỮ_LIỆU một lượt.

    Ghi kèm manifest.json và manifest.csv (mỗi đơn vị: tệp, mã SHA-256, trạng thái, cảnh báo hoặc lỗi).
    """
    _need_pdf_for_fields(pdf, o_ky)
    progress = _progress_bar() if not quiet and sys.stderr.isatty() else None
    options = qdocgen.BatchOptions(template=template, only=only, overrides=overrides, force=force,
                                   jobs=jobs or qdocgen.default_jobs(), resume=resume, combine=combine,
                                   zip_path=zip_path, progress=progress, pdf=pdf, strict=strict,
                                   templates_dirs=templates_dirs, lint=not no_lint, signature_fields=o_ky)
    _report(_run(lambda: qdocgen.render_batch(dataset_dir, out_dir, options)), quiet)


def _progress_bar() -> Callable[[int, int], None]:
    """A one-line progress display on stderr: units done / total, elapsed time, rate."""
    import time

    start = time.monotonic()

    def draw(done: int, total: int) -> None:
        elapsed = time.monotonic() - start
        width = 30
        filled = width * done // max(total, 1)
        rate = done / elapsed if elapsed > 0 else 0.0
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} đơn vị, {elapsed:.1f} giây, "
                   f"{rate:.1f} văn bản/giây", nl=done >= total, err=True)

    return draw


@main.command()
def filters() -> None:
    """Liệt kê các bộ lọc và hàm định dạng dùng trong mẫu, mỗi cái một ví dụ."""
    for name, kind, example in qdocgen.filter_examples():
        label = "bộ lọc" if kind == "filter" else "hàm"
        click.echo(f"{name:<14} {label:<7} {example.removeprefix('Ví dụ:').strip()}")


@main.command()
@click.argument("files", metavar="TỆP.docx", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Thư mục ghi PDF (mặc định: cạnh mỗi tệp .docx).")
@FORCE_OPTION
@O_KY_OPTION
def pdf(files: tuple[Path, ...], out_dir: Path | None, force: bool, o_ky: bool) -> None:
    """Chuyển các tệp TỆP.docx sang PDF/A-2b bằng LibreOffice (mỗi lõi CPU một LibreOffice), có kiểm tra."""
    result = _run(lambda: qdocgen.convert_to_pdf(files, out_dir, force=force, signature_fields=o_ky))
    for message in result.warnings:
        click.secho(f"Cảnh báo: {message}", fg="yellow", err=True)
    for docx, target in result.converted.items():
        click.echo(f"Đã ghi {target}: {result.checks[docx].summary()}")
    for docx, target in result.kept.items():
        click.echo(f"Giữ nguyên {target}: đã có, làm từ chính tệp {docx} (dùng --force để làm lại).")
    for docx, message in result.failed.items():
        click.secho(f"Không có PDF cho {docx}: {message}", fg="red", err=True)
    for docx, message in result.not_pdfa.items():
        click.secho(f"PDF của {docx} KHÔNG đạt PDF/A-2b: {message}", fg="red", err=True)
    kept = f", {len(result.kept)} giữ nguyên" if result.kept else ""
    click.echo(f"Xong: {len(result.converted)} PDF đã ghi{kept}, {len(result.failed)} lỗi, "
               f"{len(result.not_pdfa)} không đạt PDF/A-2b.")
    if result.exit_code:
        sys.exit(result.exit_code)


@main.command()
@click.argument("source", metavar="TỆP")
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Thư mục ghi ảnh PNG (mặc định: cạnh tệp .docx; với mẫu: thư mục hiện tại).")
@click.option("--dpi", type=click.IntRange(10, 600), default=60, show_default=True,
              help="Độ phân giải ảnh (60 đủ xem bố cục, 150 để đọc chữ).")
@FORCE_OPTION
def preview(source: str, out_dir: Path | None, dpi: int, force: bool) -> None:
    """Ghi ảnh PNG từng trang của TỆP: một tệp .docx, hoặc một mẫu (tên hay đường dẫn) điền dữ liệu mẫu."""
    pages, warnings = _run(lambda: qdocgen.make_preview(source, out_dir, dpi=dpi, force=force))
    for message in warnings:
        click.secho(f"Cảnh báo: {message}", fg="yellow", err=True)
    for page in pages:
        click.echo(f"Đã ghi {page}")
    click.echo(f"Xong: {len(pages)} trang.")


@main.command("new-year")
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("--year", "year", type=int, required=True, metavar="NĂM", help="Năm mới, ví dụ 2020.")
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Thư mục bộ dữ liệu mới (mặc định: cạnh thư mục cũ, đặt tên theo năm mới).")
@click.option("--force", is_flag=True, help="Thay thư mục bộ dữ liệu mới nếu đã có.")
def new_year(dataset_dir: Path, year: int, out_dir: Path | None, force: bool) -> None:
    """Chép bộ dữ liệu THƯ_MỤC_DỮ_LIỆU sang năm mới: dự thảo để trống số và ngày, kèm danh sách cần xem lại."""
    result = _run(lambda: qdocgen.carry_forward(dataset_dir, year, out_dir, force))
    click.echo(result.report_text(hidden=False))
    click.echo(f"Đã ghi bộ dữ liệu năm {result.year} vào {result.target} "
               f"({result.review_count} chỗ cần xem lại, danh sách trong {result.report_path}).")


@main.command("templates")
@TEMPLATES_DIR_OPTION
def templates_cmd(templates_dirs: tuple[Path, ...]) -> None:
    """Liệt kê các mẫu: có sẵn và trong thư mục mẫu của người dùng."""
    click.echo("\n".join(_run(lambda: qdocgen.list_templates(templates_dirs))))


@main.command()
@click.argument("template", metavar="MẪU")
@TEMPLATES_DIR_OPTION
def variables(template: str, templates_dirs: tuple[Path, ...]) -> None:
    """Liệt kê mọi biến mẫu MẪU dùng (thân, bảng, đầu/chân trang), kèm các vòng lặp."""
    click.echo("\n".join(_run(lambda: qdocgen.template_variables(template, templates_dirs))))


@main.command("check-template")
@click.argument("template", metavar="MẪU")
@click.argument("data", metavar="DỮ_LIỆU", required=False, type=click.Path(path_type=Path))
@TEMPLATES_DIR_OPTION
def check_template_cmd(template: str, data: Path | None, templates_dirs: tuple[Path, ...]) -> None:
    """Kiểm tra mẫu MẪU (và dữ liệu DỮ_LIỆU: tệp đơn vị hoặc thư mục): mọi lỗi một lượt, kèm chỗ."""
    report = _run(lambda: qdocgen.check_template(template, data, templates_dirs))
    click.echo("\n".join(report.lines()))
    sys.exit(report.exit_code)


@main.group("template")
def template_group() -> None:
    """Làm việc với một mẫu (sao chép mẫu có sẵn để sửa)."""


@template_group.command("copy")
@click.argument("name", metavar="TÊN_MẪU")
@click.argument("dest", metavar="TỆP_MỚI", type=click.Path(path_type=Path, dir_okay=False))
@TEMPLATES_DIR_OPTION
@FORCE_OPTION
def template_copy(name: str, dest: Path, templates_dirs: tuple[Path, ...], force: bool) -> None:
    """Sao chép mẫu TÊN_MẪU ra TỆP_MỚI.docx (kèm mô tả đầu vào .yaml) để sửa thành mẫu riêng."""
    for path in _run(lambda: qdocgen.copy_template(name, dest, force, templates_dirs)):
        click.echo(f"Đã ghi {path}")


@main.command()
@click.argument("files", metavar="TỆP.docx", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Kiểu kết quả: văn bản để đọc, hoặc JSON cho máy.")
@click.option("--ignore", multiple=True, metavar="MÃ_QUY_TẮC",
              help="Bỏ qua quy tắc này (lặp lại được, hoặc nhiều mã cách nhau bởi dấu phẩy), cho văn bản "
                   "không phải quyết định.")
def lint(files: tuple[Path, ...], fmt: str, ignore: tuple[str, ...]) -> None:
    """Kiểm tra thể thức các tệp TỆP.docx theo Nghị định 30 (khổ giấy, lề, phông, cỡ chữ, ngày tháng...)."""
    result = _run(lambda: qdocgen.lint_files(files, ignore))
    click.echo(result.to_json() if fmt == "json" else result.to_text())
    sys.exit(result.exit_code)


# --- so-di: the register of outgoing documents (qdocgen.register) -------------------------------------------

REGISTER_OPTION = click.option(
    "--so", "register", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="TỆP.sqlite3",
    help="Tệp sổ đăng ký (mặc định: biến QDOCGEN_SO_DI, hoặc so-di.sqlite3 ở thư mục hiện tại).")
UNIT_OPTION = click.option("--don-vi", "unit", default=None, metavar="MÃ_ĐƠN_VỊ",
                           help="Mã đơn vị (cơ quan) có sổ: phuong-an-lac, quan-binh-tan, ...")


@main.group("so-di")
def so_di() -> None:
    """Sổ đăng ký văn bản đi: cấp số cho văn bản đã ký, xem, in, hủy số, sao lưu."""


@so_di.command("cap-so")
@click.argument("file", metavar="TỆP.docx", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="manifest.json",
              help="Cấp số cho các văn bản một lô đã soạn (theo thứ tự trong manifest; chỉ đơn vị --don-vi nếu có).")
@click.option("--ngay", default=None, metavar="NGÀY", help="Ngày văn bản, mặc định hôm nay: 05/3/2026 hoặc 2026-03-05.")
@UNIT_OPTION
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp bản cấp số (mặc định: cạnh dự thảo, tên thêm -so-NN).")
@click.option("--nguoi-ky", "signer", default=None, help="Họ tên người ký, khi văn bản không ghi (ký tay trên giấy).")
@click.option("--so-ban", "copies", type=click.IntRange(min=1), default=None, help="Số lượng bản phát hành.")
@click.option("--ghi-chu", "note", default="", help="Ghi chú vào sổ.")
@click.option("--lui-ngay", "backdate_reason", default=None, metavar="LÝ_DO",
              help="Cho cấp với ngày trước ngày của số đã cấp cuối cùng; lý do được ghi vào cột ghi chú.")
@click.option("--nguoi-dang-ky", "registrar", default=None, help="Người vào sổ (mặc định: tài khoản máy).")
@REGISTER_OPTION
def so_di_cap_so(file: Path | None, manifest: Path | None, ngay: str | None, unit: str | None, output: Path | None,
                 signer: str | None, copies: int | None, note: str, backdate_reason: str | None,
                 registrar: str | None, register: Path | None) -> None:
    """Cấp số tiếp theo cho văn bản đã ký TỆP.docx, ghi số và ngày vào một bản mới, vào sổ."""
    if (file is None) == (manifest is None):
        raise click.UsageError("Cần đúng một trong hai: tệp TỆP.docx hoặc --manifest manifest.json.")
    request = qdocgen.RegisterRequest(date=ngay, unit=unit, output=output, registrar=registrar, signer=signer,
                                      copies=copies, note=note, backdate_reason=backdate_reason)
    done = _run(lambda: qdocgen.give_numbers_from_manifest(manifest, request, register) if manifest is not None
                else [qdocgen.give_number(file, request, register)])  # type: ignore[arg-type]
    for numbered in done:
        for message in numbered.warnings:
            click.secho(f"Cảnh báo: {message}", fg="yellow", err=True)
        click.echo(f"Đã cấp số {numbered.row.so_ky_hieu} ngày {numbered.row.date:%d/%m/%Y} "
                   f"({numbered.row.don_vi}): {numbered.path}")


@so_di.command("danh-sach")
@click.option("--nam", "year", type=int, default=None, help="Chỉ năm này.")
@UNIT_OPTION
@REGISTER_OPTION
def so_di_danh_sach(year: int | None, unit: str | None, register: Path | None) -> None:
    """Liệt kê các số đã cấp: số, ngày, trích yếu, người ký, tệp."""
    found = _run(lambda: qdocgen.register_rows(register, year, unit))
    for row in found:
        mark = " [ĐÃ HỦY]" if row.cancelled else ""
        click.echo(f"{row.nam}  {row.don_vi}  {row.so_ky_hieu:<14} {row.date:%d/%m/%Y}  "
                   f"{row.ten_loai_trich_yeu[:60]}  {row.nguoi_ky}{mark}")
    click.echo(f"Tổng: {len(found)} số.")


@so_di.command("in")
@click.option("--nam", "year", type=int, required=True, help="Năm của sổ.")
@UNIT_OPTION
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tên tệp (không cần đuôi): ghi TEN.docx và TEN.xlsx (mặc định so-di-MÃ_ĐƠN_VỊ-NĂM).")
@FORCE_OPTION
@REGISTER_OPTION
def so_di_in(year: int, unit: str | None, output: Path | None, force: bool, register: Path | None) -> None:
    """In sổ năm NĂM: tệp Word khổ ngang theo mẫu Phụ lục IV NĐ30 và tệp Excel cùng nội dung."""
    printed = _run(lambda: qdocgen.print_register(year, output, register, unit, force))
    click.echo(f"Đã ghi {printed.docx}\nĐã ghi {printed.xlsx}\nXong: {len(printed.rows)} số.")


@so_di.command("huy")
@click.argument("number", metavar="SỐ")
@click.option("--ly-do", "reason", required=True, help="Lý do hủy (ghi vào cột ghi chú).")
@click.option("--nam", "year", type=int, default=None, help="Năm của số (mặc định năm nay).")
@UNIT_OPTION
@click.option("--nguoi-dang-ky", "registrar", default="", help="Người hủy số.")
@REGISTER_OPTION
def so_di_huy(number: str, reason: str, year: int | None, unit: str | None, registrar: str,
              register: Path | None) -> None:
    """Hủy số SỐ (05 hoặc 05/QĐ-UBND): số vẫn nằm trong sổ, được đánh dấu, không cấp lại."""
    row = _run(lambda: qdocgen.cancel_number(number, reason, register, unit, year, registrar))
    click.echo(f"Đã hủy số {row.so_ky_hieu} năm {row.nam} ({row.don_vi}); số này không được cấp lại.")


@so_di.command("sao-luu")
@click.argument("dest", metavar="TỆP_SAO_LƯU", required=False, type=click.Path(path_type=Path, dir_okay=False))
@FORCE_OPTION
@REGISTER_OPTION
def so_di_sao_luu(dest: Path | None, force: bool, register: Path | None) -> None:
    """Sao lưu sổ vào tệp TỆP_SAO_LƯU (mặc định cạnh sổ, tên có ngày giờ), an toàn cả khi đang có người cấp số."""
    click.echo(f"Đã ghi {_run(lambda: qdocgen.backup_register(dest, register, force))}")


@so_di.command("cach-danh-so")
@click.argument("mode", required=False, type=click.Choice(["co-quan", "ky-hieu"]))
@REGISTER_OPTION
def so_di_cach_danh_so(mode: str | None, register: Path | None) -> None:
    """Xem hoặc đặt cách đánh số: co-quan (mọi văn bản chung một dãy số) hay ky-hieu (mỗi ký hiệu một dãy)."""
    current = _run(lambda: qdocgen.set_numbering(mode, register) if mode else qdocgen.numbering_mode(register))
    click.echo(f"Cách đánh số: {current}")


@main.command()
@click.argument("data_root", metavar="THƯ_MỤC_GỐC", type=click.Path(path_type=Path, file_okay=False), default="data")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Địa chỉ nghe; khác 127.0.0.1 thì cần tài khoản (--them-nguoi-dung) hoặc --proxy-header.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Cổng nghe.")
@click.option("--users-file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp người dùng (mặc định THƯ_MỤC_GỐC/.qdocgen/nguoi-dung.json).")
@click.option("--proxy-header", default=None, metavar="TÊN_TIÊU_ĐỀ",
              help="Sau reverse proxy của cơ quan: tên người dùng lấy từ tiêu đề HTTP này (ví dụ X-Remote-User).")
@click.option("--them-nguoi-dung", "add_user", default=None, metavar="TÊN",
              help="Thêm (hoặc đổi mật khẩu) người dùng TEN rồi thoát; mật khẩu được hỏi, không hiện trên màn hình.")
@click.option("--bo-du-lieu", "datasets", multiple=True, metavar="BỘ",
              help="Với --them-nguoi-dung: bộ dữ liệu người đó được mở (lặp lại được, ví dụ binh-tan); "
                   "mặc định mọi bộ.")
@click.option("--ho-ten", "full_name", default="",
              help="Với --them-nguoi-dung: họ tên hiện trên trang và trong nhật ký.")
def serve(data_root: Path, host: str, port: int, users_file: Path | None, proxy_header: str | None,
          add_user: str | None, datasets: tuple[str, ...], full_name: str) -> None:
    """Mở trang web cho văn thư điền, kiểm tra, xem trước, tải và lưu văn bản của các bộ dữ liệu trong THƯ_MỤC_GỐC."""
    try:
        from qdocgen.web.accounts import add_user as add
        from qdocgen.web.serve import access_for as access
        from qdocgen.web.serve import default_users_file as users_of
        from qdocgen.web.serve import run
    except ImportError as exc:
        click.secho(f"Lỗi: chưa cài phần web của qdocgen ({exc.name}): pip install 'qdocgen[web]'.", fg="red",
                    err=True)
        sys.exit(ExitStatus.INTERNAL)
    if add_user is not None:
        password = click.prompt(f"Mật khẩu cho {add_user}", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
        target = users_file or users_of(data_root)
        _run(lambda: add(target, add_user, password, datasets or ("*",), full_name))
        click.echo(f"Đã lưu người dùng {add_user} vào {target}.")
        return
    _run(lambda: access(data_root, host, users_file, proxy_header))
    click.echo(f"qdocgen đang phục vụ {data_root} tại http://{host}:{port}/ (Ctrl-C để dừng).")
    _run(lambda: run(data_root, host, port, users_file, proxy_header))


@main.command("check-can-cu")
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("--so-can-cu", "register", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="TỆP.yaml", help="Sổ căn cứ pháp lý dùng để đối chiếu (mặc định: sổ kèm theo qdocgen).")
def check_can_cu(dataset_dir: Path, register: Path | None) -> None:
    """Đối chiếu căn cứ pháp lý mọi đơn vị trong THƯ_MỤC_DỮ_LIỆU với sổ căn cứ: thay thế, sửa đổi, chưa kiểm tra."""
    click.echo("\n".join(_run(lambda: qdocgen.check_legal_bases(dataset_dir, register)).lines()))


if __name__ == "__main__":  # pragma: no cover
    main()


# --- Mục tiêu chất lượng trong Excel (issue 17) ---------------------------------------------------------------
@main.group("excel")
def excel_group() -> None:
    """Mục tiêu chất lượng và kết quả thực hiện trong một tệp Excel: xuất ra, sửa, nhập lại."""


@excel_group.command("xuat")
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              metavar="TỆP.xlsx", help="Tệp Excel sẽ ghi, ví dụ muc-tieu.xlsx.")
@FORCE_OPTION
def excel_export(dataset_dir: Path, output: Path, force: bool) -> None:
    """Xuất mục tiêu của mọi đơn vị trong THƯ_MỤC_DỮ_LIỆU ra Excel: mỗi đơn vị một trang tính, kèm cột kết quả."""
    units = _run(lambda: qdocgen.export_excel(dataset_dir, output, force))
    click.echo(f"Đã ghi {output}: trang tính Tổng hợp và {len(units)} trang tính đơn vị.")


@excel_group.command("nhap")
@click.argument("workbook", metavar="TỆP.xlsx", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
def excel_import(workbook: Path, dataset_dir: Path) -> None:
    """Ghi các mục tiêu đã sửa trong TỆP.xlsx vào bộ dữ liệu THƯ_MỤC_DỮ_LIỆU (giữ ghi chú và thứ tự)."""
    result = _run(lambda: qdocgen.import_excel(workbook, dataset_dir))
    for change in result.changes:
        click.echo(f"  {change}")
    click.echo(f"Đã sửa {len(result.files)} tệp dữ liệu." if result.files else "Không có gì thay đổi.")


@main.command("bao-cao")
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("--ket-qua", "workbook", type=click.Path(path_type=Path, dir_okay=False), required=True,
              metavar="TỆP.xlsx", help="Tệp Excel mục tiêu đã điền kết quả (do «qdocgen excel xuat» tạo).")
@click.option("--ky", "period", type=click.Choice(["6-thang", "nam"]), default="nam", show_default=True,
              help="Kỳ báo cáo: 6 tháng đầu năm hay cả năm.")
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Thư mục ghi báo cáo của từng đơn vị và báo cáo tổng hợp.")
@FORCE_OPTION
@TEMPLATES_DIR_OPTION
def bao_cao(dataset_dir: Path, workbook: Path, period: str, out_dir: Path, force: bool,
            templates_dirs: tuple[Path, ...]) -> None:
    """Soạn báo cáo kết quả thực hiện Mục tiêu chất lượng của mọi đơn vị và báo cáo tổng hợp cho cấp trên."""
    run = _run(lambda: qdocgen.render_reports(dataset_dir, workbook, out_dir, period, force, templates_dirs))
    for line in run.summary_lines():
        click.echo(f"  {line}")
    click.echo(f"Đã ghi {len(run.reports)} báo cáo và báo cáo tổng hợp ({', '.join(p.name for p in run.rollup)}) "
               f"vào {out_dir}.")
