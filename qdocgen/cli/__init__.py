"""The ``qdocgen`` command line: options in, one library call, the library's error out as a message and code.

This package is click only. Each module holds one family of commands, each command one call of the public API
(``qdocgen``); :mod:`qdocgen.cli.calling` turns the call's result into lines and its error into an exit status.
"""

from __future__ import annotations

import click

import qdocgen
from qdocgen import __version__
from qdocgen.cli import data_checks, documents, excel, new_year, register, serve, templates
from qdocgen.cli.calling import call_library
from qdocgen.cli.vietnamese import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qdocgen")
@click.option("--gioi-han", "limit_entries", multiple=True, metavar="TÊN=SỐ",
              help="Nâng một giới hạn an toàn (mẫu và dữ liệu từ nơi khác được coi là không tin cậy), ví dụ "
                   "--gioi-han thoi_gian_dien=20; các tên: xem mục «Bảo mật» trong README.")
def main(limit_entries: tuple[str, ...]) -> None:
    """qdocgen: soạn văn bản hành chính (.docx) từ mẫu Word và dữ liệu YAML, đúng thể thức Nghị định 30."""
    # Each run starts from the defaults (raised by QDOCGEN_GIOI_HAN), then its own --gioi-han.
    call_library(lambda: qdocgen.configure_limits(qdocgen.parse_limits(limit_entries)))


COMMANDS: tuple[click.Command, ...] = (
    documents.render, documents.batch, documents.pdf, documents.preview, documents.lint,
    templates.filters, templates.templates_cmd, templates.variables, templates.check_template_cmd,
    templates.template_group,
    data_checks.check_can_cu,
    excel.excel_group, excel.bao_cao,
    register.so_di,
    new_year.new_year,
    serve.serve,
)
for _command in COMMANDS:
    main.add_command(_command)

__all__ = ["main"]
