"""Options several commands share (template, overrides, overwriting, PDF, templates folder, register)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

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


def need_pdf_for_fields(pdf: bool, o_ky: bool) -> None:
    """--o-ky puts fields into PDFs: without --pdf there are none, which is said rather than ignored."""
    if o_ky and not pdf:
        raise click.UsageError("--o-ky thêm ô ký vào tệp PDF: dùng kèm --pdf.")
