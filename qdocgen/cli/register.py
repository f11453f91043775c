"""so-di: the register of outgoing documents (qdocgen.register)."""

from __future__ import annotations

from pathlib import Path

import click

import qdocgen
from qdocgen.cli.calling import call_library
from qdocgen.cli.options import FORCE_OPTION
from qdocgen.cli.vietnamese import Group

REGISTER_OPTION = click.option(
    "--so", "register", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="TỆP.sqlite3",
    help="Tệp sổ đăng ký (mặc định: biến QDOCGEN_SO_DI, hoặc so-di.sqlite3 ở thư mục hiện tại).")
UNIT_OPTION = click.option("--don-vi", "unit", default=None, metavar="MÃ_ĐƠN_VỊ",
                           help="Mã đơn vị (cơ quan) có sổ: phuong-an-lac, quan-binh-tan, ...")


@click.group("so-di", cls=Group)
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
    done = call_library(lambda: qdocgen.give_numbers_from_manifest(manifest, request, register) if manifest is not None
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
    found = call_library(lambda: qdocgen.register_rows(register, year, unit))
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
    printed = call_library(lambda: qdocgen.print_register(year, output, register, unit, force))
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
    row = call_library(lambda: qdocgen.cancel_number(number, reason, register, unit, year, registrar))
    click.echo(f"Đã hủy số {row.so_ky_hieu} năm {row.nam} ({row.don_vi}); số này không được cấp lại.")


@so_di.command("sao-luu")
@click.argument("dest", metavar="TỆP_SAO_LƯU", required=False, type=click.Path(path_type=Path, dir_okay=False))
@FORCE_OPTION
@REGISTER_OPTION
def so_di_sao_luu(dest: Path | None, force: bool, register: Path | None) -> None:
    """Sao lưu sổ vào tệp TỆP_SAO_LƯU (mặc định cạnh sổ, tên có ngày giờ), an toàn cả khi đang có người cấp số."""
    click.echo(f"Đã ghi {call_library(lambda: qdocgen.backup_register(dest, register, force))}")


@so_di.command("cach-danh-so")
@click.argument("mode", required=False, type=click.Choice(["co-quan", "ky-hieu"]))
@REGISTER_OPTION
def so_di_cach_danh_so(mode: str | None, register: Path | None) -> None:
    """Xem hoặc đặt cách đánh số: co-quan (mọi văn bản chung một dãy số) hay ky-hieu (mỗi ký hiệu một dãy)."""
    current = call_library(lambda: qdocgen.set_numbering(mode, register) if mode else qdocgen.numbering_mode(register))
    click.echo(f"Cách đánh số: {current}")
