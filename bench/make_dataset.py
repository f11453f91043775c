"""A synthetic dataset of N units built from the Bình Tân 2019 data: the district and N-1 invented wards.

    python bench/make_dataset.py 200            # prints the folder it made under the temp directory
    python bench/make_dataset.py 200 /tmp/ds    # into /tmp/ds (created; existing unit files replaced)

Each ward inherits ``_phuong.yaml`` like the real ones and differs in its name, signer and number, so every
document is really rendered (no two are the same).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "data" / "binh-tan" / "2019"
NAMES = ("An Lạc", "Bình Hưng Hòa", "Bình Trị Đông", "Tân Tạo", "Phú Lâm", "Hòa Bình", "Tân Thới", "Bình Chánh")
SIGNERS = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Giang")


def make(count: int, folder: Path) -> Path:
    """Write ``count`` unit files (plus the shared ``_*.yaml``) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for shared in SOURCE.glob("_*.yaml"):
        shutil.copyfile(shared, folder / shared.name)
    shutil.copyfile(SOURCE / "quan-binh-tan.yaml", folder / "quan-binh-tan.yaml")
    for n in range(1, count):
        name = f"{NAMES[n % len(NAMES)]} {n}"
        (folder / f"phuong-{n:05d}.yaml").write_text(
            "# Đơn vị tổng hợp cho đo tốc độ (bench/make_dataset.py), không phải văn bản thật.\n"
            f"ke_thua: _phuong.yaml\nten_phuong: {name}\nso: {n}\nngay_ban_hanh: 2019-03-{1 + n % 28:02d}\n"
            f"nguoi_ky:\n  ho_ten: {SIGNERS[n % len(SIGNERS)]}\n", encoding="utf-8")
    return folder


def main(argv: list[str]) -> None:
    if not argv or not argv[0].isdigit():
        sys.exit("cách dùng: python bench/make_dataset.py SO_DON_VI [THU_MUC]")
    folder = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix=f"qdocgen-{argv[0]}-"))
    print(make(int(argv[0]), folder))


if __name__ == "__main__":
    main(sys.argv[1:])
