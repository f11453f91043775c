"""new-year: carry a dataset forward to the next year."""

from __future__ import annotations

from pathlib import Path

import click

import qdocgen
from qdocgen.cli.calling import call_library
from qdocgen.cli.vietnamese import Command


@click.command("new-year", cls=Command)
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("--year", "year", type=int, required=True, metavar="NĂM", help="Năm mới, ví dụ 2020.")
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Thư mục bộ dữ liệu mới (mặc định: cạnh thư mục cũ, đặt tên theo năm mới).")
@click.option("--force", is_flag=True, help="Thay thư mục bộ dữ liệu mới nếu đã có.")
def new_year(dataset_dir: Path, year: int, out_dir: Path | None, force: bool) -> None:
    """Chép bộ dữ liệu THƯ_MỤC_DỮ_LIỆU sang năm mới: dự thảo để trống số và ngày, kèm danh sách cần xem lại."""
    result = call_library(lambda: qdocgen.carry_forward(dataset_dir, year, out_dir, force))
    click.echo(result.report_text(hidden=False))
    click.echo(f"Đã ghi bộ dữ liệu năm {result.year} vào {result.target} "
               f"({result.review_count} chỗ cần xem lại, danh sách trong {result.report_path}).")
