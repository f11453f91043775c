"""Quality objectives in Excel (issue 17): excel xuat, excel nhap, and bao-cao from the filled results."""

from __future__ import annotations

from pathlib import Path

import click

import qdocgen
from qdocgen.cli.calling import call_library
from qdocgen.cli.options import FORCE_OPTION, TEMPLATES_DIR_OPTION
from qdocgen.cli.vietnamese import Command, Group


@click.group("excel", cls=Group)
def excel_group() -> None:
    """Mục tiêu chất lượng và kết quả thực hiện trong một tệp Excel: xuất ra, sửa, nhập lại."""


@excel_group.command("xuat")
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              metavar="TỆP.xlsx", help="Tệp Excel sẽ ghi, ví dụ muc-tieu.xlsx.")
@FORCE_OPTION
def excel_export(dataset_dir: Path, output: Path, force: bool) -> None:
    """Xuất mục tiêu của mọi đơn vị trong THƯ_MỤC_DỮ_LIỆU ra Excel: mỗi đơn vị một trang tính, kèm cột kết quả."""
    units = call_library(lambda: qdocgen.export_excel(dataset_dir, output, force))
    click.echo(f"Đã ghi {output}: trang tính Tổng hợp và {len(units)} trang tính đơn vị.")


@excel_group.command("nhap")
@click.argument("workbook", metavar="TỆP.xlsx", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
def excel_import(workbook: Path, dataset_dir: Path) -> None:
    """Ghi các mục tiêu đã sửa trong TỆP.xlsx vào bộ dữ liệu THƯ_MỤC_DỮ_LIỆU (giữ ghi chú và thứ tự)."""
    result = call_library(lambda: qdocgen.import_excel(workbook, dataset_dir))
    for change in result.changes:
        click.echo(f"  {change}")
    click.echo(f"Đã sửa {len(result.files)} tệp dữ liệu." if result.files else "Không có gì thay đổi.")


@click.command("bao-cao", cls=Command)
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
    run = call_library(lambda: qdocgen.render_reports(dataset_dir, workbook, out_dir, period, force, templates_dirs))
    for line in run.summary_lines():
        click.echo(f"  {line}")
    click.echo(f"Đã ghi {len(run.reports)} báo cáo và báo cáo tổng hợp ({', '.join(p.name for p in run.rollup)}) "
               f"vào {out_dir}.")
