"""Commands that make and check documents: render, batch, pdf, preview, lint."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

import qdocgen
from qdocgen.cli.calling import call_library, print_report
from qdocgen.cli.options import FORCE_OPTION, O_KY_OPTION, need_pdf_for_fields, render_options
from qdocgen.cli.vietnamese import Command


@click.command(cls=Command)
@click.argument("data_file", metavar="TỆP_DỮ_LIỆU", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Tệp .docx ghi ra (mặc định: tên tệp dữ liệu, đuôi .docx, ở thư mục đang đứng).")
@render_options
def render(data_file: Path, output: Path | None, template: str | None, overrides: tuple[str, ...],
           force: bool, pdf: bool, o_ky: bool, strict: bool, templates_dirs: tuple[Path, ...]) -> None:
    """Điền mẫu cho một tệp dữ liệu TỆP_DỮ_LIỆU (.yaml)."""
    need_pdf_for_fields(pdf, o_ky)
    print_report(call_library(lambda: qdocgen.render_file(data_file, output, template, overrides, force, pdf=pdf,
                                             strict=strict, templates_dirs=templates_dirs,
                                             signature_fields=o_ky)))



@click.command(cls=Command)
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Thư mục ghi các tệp .docx (mỗi đơn vị một tệp, đặt tên theo mã đơn vị).")
@click.option("--only", multiple=True, metavar="MÃ_ĐƠN_VỊ", help="Chỉ làm đơn vị này (lặp lại được).")
@render_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Số tiến trình soạn song song (mặc định: số lõi CPU). Kết quả như nhau với mọi N.")
@click.option("--no-lint", "no_lint", is_flag=True,
              help="Không kiểm tra thể thức (NĐ30) các tệp vừa soạn: nhanh hơn với lô rất lớn.")
@click.option("--trang", is_flag=True,
              help="Kiểm tra thêm trang in trên các PDF của lô (dùng kèm --pdf): chữ ký không nằm riêng một trang, "
                   "số trang, phụ lục sang trang mới, bảng lặp hàng tiêu đề.")
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
          no_lint: bool, trang: bool) -> None:
    """Điền mẫu cho mọi đơn vị của bộ dữ liệu THƯ_MỤC_DỮ_LIỆU một lượt.

    Ghi kèm manifest.json và manifest.csv (mỗi đơn vị: tệp, mã SHA-256, trạng thái, cảnh báo hoặc lỗi).
    """
    need_pdf_for_fields(pdf, o_ky)
    if trang and not pdf:
        raise click.UsageError("--trang kiểm tra trang in trên các tệp PDF của lô: dùng kèm --pdf.")
    progress = progress_bar() if not quiet and sys.stderr.isatty() else None
    options = qdocgen.BatchOptions(template=template, only=only, overrides=overrides, force=force,
                                   jobs=jobs or qdocgen.default_jobs(), resume=resume, combine=combine,
                                   zip_path=zip_path, progress=progress, pdf=pdf, strict=strict,
                                   templates_dirs=templates_dirs, lint=not no_lint, signature_fields=o_ky,
                                   trang=trang)
    print_report(call_library(lambda: qdocgen.render_batch(dataset_dir, out_dir, options)), quiet)


def progress_bar() -> Callable[[int, int], None]:
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



@click.command(cls=Command)
@click.argument("files", metavar="TỆP.docx", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Thư mục ghi PDF (mặc định: cạnh mỗi tệp .docx).")
@FORCE_OPTION
@O_KY_OPTION
def pdf(files: tuple[Path, ...], out_dir: Path | None, force: bool, o_ky: bool) -> None:
    """Chuyển các tệp TỆP.docx sang PDF/A-2b bằng LibreOffice (mỗi lõi CPU một LibreOffice), có kiểm tra."""
    result = call_library(lambda: qdocgen.convert_to_pdf(files, out_dir, force=force, signature_fields=o_ky))
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


@click.command(cls=Command)
@click.argument("source", metavar="TỆP")
@click.option("-o", "--output-dir", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Thư mục ghi ảnh PNG (mặc định: cạnh tệp .docx; với mẫu: thư mục hiện tại).")
@click.option("--dpi", type=click.IntRange(10, 600), default=60, show_default=True,
              help="Độ phân giải ảnh (60 đủ xem bố cục, 150 để đọc chữ).")
@FORCE_OPTION
def preview(source: str, out_dir: Path | None, dpi: int, force: bool) -> None:
    """Ghi ảnh PNG từng trang của TỆP: một tệp .docx, hoặc một mẫu (tên hay đường dẫn) điền dữ liệu mẫu."""
    pages, warnings = call_library(lambda: qdocgen.make_preview(source, out_dir, dpi=dpi, force=force))
    for message in warnings:
        click.secho(f"Cảnh báo: {message}", fg="yellow", err=True)
    for page in pages:
        click.echo(f"Đã ghi {page}")
    click.echo(f"Xong: {len(pages)} trang.")


@click.command(cls=Command)
@click.argument("files", metavar="TỆP.docx", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Kiểu kết quả: văn bản để đọc, hoặc JSON cho máy.")
@click.option("--ignore", multiple=True, metavar="MÃ_QUY_TẮC",
              help="Bỏ qua quy tắc này (lặp lại được, hoặc nhiều mã cách nhau bởi dấu phẩy), cho văn bản "
                   "không phải quyết định.")
@click.option("--trang", is_flag=True,
              help="Kiểm tra thêm trang in: chuyển sang PDF bằng LibreOffice rồi xem chữ ký không nằm riêng một "
                   "trang, số trang từ trang 2, phụ lục sang trang mới, bảng sang trang lặp hàng tiêu đề.")
def lint(files: tuple[Path, ...], fmt: str, ignore: tuple[str, ...], trang: bool) -> None:
    """Kiểm tra thể thức các tệp TỆP.docx theo Nghị định 30 (khổ giấy, lề, phông, cỡ chữ, ngày tháng...)."""
    result = call_library(lambda: qdocgen.lint_files(files, ignore, trang=trang))
    click.echo(result.to_json() if fmt == "json" else result.to_text())
    sys.exit(result.exit_code)
