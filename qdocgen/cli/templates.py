"""Commands about templates: templates, variables, check-template, template copy, filters."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import qdocgen
from qdocgen.cli.calling import call_library
from qdocgen.cli.options import FORCE_OPTION, TEMPLATES_DIR_OPTION
from qdocgen.cli.vietnamese import Command, Group


@click.command(cls=Command)
def filters() -> None:
    """Liệt kê các bộ lọc và hàm định dạng dùng trong mẫu, mỗi cái một ví dụ."""
    for name, kind, example in qdocgen.filter_examples():
        label = "bộ lọc" if kind == "filter" else "hàm"
        click.echo(f"{name:<14} {label:<7} {example.removeprefix('Ví dụ:').strip()}")



@click.command("templates", cls=Command)
@TEMPLATES_DIR_OPTION
def templates_cmd(templates_dirs: tuple[Path, ...]) -> None:
    """Liệt kê các mẫu: có sẵn và trong thư mục mẫu của người dùng."""
    click.echo("\n".join(call_library(lambda: qdocgen.list_templates(templates_dirs))))


@click.command(cls=Command)
@click.argument("template", metavar="MẪU")
@TEMPLATES_DIR_OPTION
def variables(template: str, templates_dirs: tuple[Path, ...]) -> None:
    """Liệt kê mọi biến mẫu MẪU dùng (thân, bảng, đầu/chân trang), kèm các vòng lặp."""
    click.echo("\n".join(call_library(lambda: qdocgen.template_variables(template, templates_dirs))))


@click.command("check-template", cls=Command)
@click.argument("template", metavar="MẪU")
@click.argument("data", metavar="DỮ_LIỆU", required=False, type=click.Path(path_type=Path))
@TEMPLATES_DIR_OPTION
def check_template_cmd(template: str, data: Path | None, templates_dirs: tuple[Path, ...]) -> None:
    """Kiểm tra mẫu MẪU (và dữ liệu DỮ_LIỆU: tệp đơn vị hoặc thư mục): mọi lỗi một lượt, kèm chỗ."""
    report = call_library(lambda: qdocgen.check_template(template, data, templates_dirs))
    click.echo("\n".join(report.lines()))
    sys.exit(report.exit_code)


@click.group("template", cls=Group)
def template_group() -> None:
    """Làm việc với một mẫu (sao chép mẫu có sẵn để sửa)."""


@template_group.command("copy")
@click.argument("name", metavar="TÊN_MẪU")
@click.argument("dest", metavar="TỆP_MỚI", type=click.Path(path_type=Path, dir_okay=False))
@TEMPLATES_DIR_OPTION
@FORCE_OPTION
def template_copy(name: str, dest: Path, templates_dirs: tuple[Path, ...], force: bool) -> None:
    """Sao chép mẫu TÊN_MẪU ra TỆP_MỚI.docx (kèm mô tả đầu vào .yaml) để sửa thành mẫu riêng."""
    for path in call_library(lambda: qdocgen.copy_template(name, dest, force, templates_dirs)):
        click.echo(f"Đã ghi {path}")
