"""The ``qdocgen`` command line: options in, one library call, the library's error out as a message and code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import click

from qdocgen import __version__

EXIT_INTERNAL = 1


def _run(call: Callable[[], Any]) -> Any:
    """Call the library; turn its one error type into a Vietnamese message and an exit code."""
    from qdocgen.errors import QdocgenError

    try:
        return call()
    except QdocgenError as exc:
        click.secho(f"Lỗi: {exc.message}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu; không để lại tệp dở dang.", err=True)
        sys.exit(130)


def _report(report: Any) -> None:
    for line in report.warning_lines():
        click.secho(f"Cảnh báo: {line}", fg="yellow", err=True)
    for path in report.written:
        click.echo(f"Đã ghi {path}")
    for path in report.skipped:
        click.secho(f"Bỏ qua {path}: tệp đã có (dùng --force để ghi đè).", fg="yellow", err=True)
    for unit, message in report.failed.items():
        click.secho(f"Lỗi ở đơn vị {unit}:\n  - {message}", fg="red", err=True)
    summary = f"Xong: {len(report.written)} tệp đã ghi, {len(report.skipped)} bỏ qua, {len(report.failed)} lỗi"
    summary += f", {len(report.warnings)} cảnh báo." if report.warnings else "."
    click.echo(summary)
    if report.failed:
        sys.exit(3)
    if report.skipped:
        sys.exit(5)


TEMPLATE_OPTION = click.option("-t", "--template", "template", default=None, metavar="MẪU",
                               help="Tên mẫu có sẵn (mặc định: quyet-dinh-mtcl) hoặc đường dẫn tới tệp .docx.")
SET_OPTION = click.option("--set", "overrides", multiple=True, metavar="KHOA=GIA_TRI",
                          help="Đặt giá trị cho mọi đơn vị; khóa có dấu chấm đi vào khóa con (nguoi_ky.ho_ten).")
FORCE_OPTION = click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qdocgen")
def main() -> None:
    """qdocgen: soạn văn bản hành chính (.docx) từ mẫu Word và dữ liệu YAML, đúng thể thức Nghị định 30."""


@main.command()
@click.argument("data_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp .docx ghi ra (mặc định: tên tệp dữ liệu, đuôi .docx).")
@TEMPLATE_OPTION
@SET_OPTION
@FORCE_OPTION
def render(data_file: Path, output: Path | None, template: str | None, overrides: tuple[str, ...],
           force: bool) -> None:
    """Điền mẫu cho một tệp dữ liệu DATA_FILE (.yaml)."""
    from qdocgen.batch import render_file

    _report(_run(lambda: render_file(data_file, output, template, overrides, force)))


@main.command()
@click.argument("dataset_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Thư mục ghi các tệp .docx (mỗi đơn vị một tệp, đặt tên theo mã đơn vị).")
@click.option("--only", multiple=True, metavar="MA_DON_VI", help="Chỉ làm đơn vị này (lặp lại được).")
@TEMPLATE_OPTION
@SET_OPTION
@FORCE_OPTION
def batch(dataset_dir: Path, out_dir: Path, only: tuple[str, ...], template: str | None,
          overrides: tuple[str, ...], force: bool) -> None:
    """Điền mẫu cho mọi đơn vị của bộ dữ liệu DATASET_DIR (quận và các phường) một lượt."""
    from qdocgen.batch import render_batch

    _report(_run(lambda: render_batch(dataset_dir, out_dir, template, only, overrides, force)))


@main.command()
def filters() -> None:
    """Liệt kê các bộ lọc và hàm định dạng dùng trong mẫu, mỗi cái một ví dụ."""
    from qdocgen.vnformat import examples

    for name, kind, example in examples():
        label = "bộ lọc" if kind == "filter" else "hàm"
        click.echo(f"{name:<14} {label:<7} {example.removeprefix('Ví dụ:').strip()}")


if __name__ == "__main__":  # pragma: no cover
    main()
