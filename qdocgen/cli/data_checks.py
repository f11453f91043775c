"""Commands that check a dataset against outside sources: check-can-cu (the legal bases register)."""

from __future__ import annotations

from pathlib import Path

import click

import qdocgen
from qdocgen.cli.calling import call_library
from qdocgen.cli.vietnamese import Command


@click.command("check-can-cu", cls=Command)
@click.argument("dataset_dir", metavar="THƯ_MỤC_DỮ_LIỆU", type=click.Path(path_type=Path, file_okay=False))
@click.option("--so-can-cu", "register", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="TỆP.yaml", help="Sổ căn cứ pháp lý dùng để đối chiếu (mặc định: sổ kèm theo qdocgen).")
def check_can_cu(dataset_dir: Path, register: Path | None) -> None:
    """Đối chiếu căn cứ pháp lý mọi đơn vị trong THƯ_MỤC_DỮ_LIỆU với sổ căn cứ: thay thế, sửa đổi, chưa kiểm tra."""
    click.echo("\n".join(call_library(lambda: qdocgen.check_legal_bases(dataset_dir, register)).lines()))
