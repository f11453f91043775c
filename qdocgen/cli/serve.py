"""serve: the web app for clerks (extra «web»), and its user accounts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qdocgen import ExitStatus
from qdocgen.cli.calling import call_library
from qdocgen.cli.vietnamese import Command


@click.command(cls=Command)
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
        call_library(lambda: add(target, add_user, password, datasets or ("*",), full_name))
        click.echo(f"Đã lưu người dùng {add_user} vào {target}.")
        return
    call_library(lambda: access(data_root, host, users_file, proxy_header))
    click.echo(f"qdocgen đang phục vụ {data_root} tại http://{host}:{port}/ (Ctrl-C để dừng).")
    call_library(lambda: run(data_root, host, port, users_file, proxy_header))
