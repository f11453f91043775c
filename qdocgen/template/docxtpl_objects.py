"""docxtpl constructs that need Python objects (RichText, Subdoc, InlineImage), which YAML data cannot carry.

docxtpl fills ``{{r x }}`` and ``{{p x }}`` with objects built in Python; given a plain value, the tag's run or
paragraph is removed and the text lands outside any run, where Word drops it. ``{{ logo }}`` meant for an
``InlineImage`` prints the path as text. ``check-template`` warns on each and says what to write instead.
"""

from __future__ import annotations

import re

# A tag that prints one name (``{{ logo }}``, ``{{ don_vi.chu_ky }}``): its last segment says what it holds.
_BARE_NAME = re.compile(r"^\{\{\s*(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\s*\}\}$")
_IMAGE = re.compile(r"(?:^|_)(?:img|image|images|picture|pic|photo|logo|anh|hinh|hinh_anh|chu_ky|con_dau|"
                    r"inline_?image)(?:_|\d|$)", re.IGNORECASE)
_SUBDOC = re.compile(r"(?:^|_)(?:subdoc|sd|tai_lieu_con|van_ban_con)(?:_|\d|$)", re.IGNORECASE)


def _inner(text: str) -> str:
    """The expression of a ``{{ ... }}`` tag (level letter already removed)."""
    return text[2:-2].strip()


def _rich_text(expr: str) -> str:
    """The warning for ``{{r expr }}``."""
    return (f"thẻ «{{{{r {expr} }}}}» là thẻ RichText của docxtpl: nó bỏ đoạn chữ (run) quanh thẻ và chờ một "
            "đối tượng RichText tạo bằng Python, mà dữ liệu YAML không có; với dữ liệu chữ, chữ điền vào nằm "
            f"ngoài mọi run và Word bỏ mất. Dùng «{{{{ {expr} }}}}» rồi định dạng (đậm, nghiêng, màu...) chính "
            "thẻ đó trong Word; đậm, nghiêng một phần giá trị: khai báo khóa đó «x-kieu: van-ban-dinh-dang» "
            "và viết **đậm**, *nghiêng* trong dữ liệu.")


def _paragraph(expr: str) -> str:
    """The warning for ``{{p expr }}``."""
    return (f"thẻ «{{{{p {expr} }}}}» là thẻ Subdoc/Listing/RichTextParagraph của docxtpl: nó thay cả đoạn bằng "
            "một đối tượng Python (văn bản con, đoạn định dạng sẵn), mà dữ liệu YAML không có; với dữ liệu chữ, "
            f"chữ điền vào nằm ngoài mọi đoạn và Word bỏ mất. Dùng «{{{{ {expr} }}}}» một mình trong đoạn; nhiều "
            f"đoạn thì ba đoạn «{{%p for doan in {expr} %}}», «{{{{ doan }}}}», «{{%p endfor %}}» với dữ liệu là "
            "danh sách.")


def docxtpl_object_warning(text: str, level: str, pictures: frozenset[str] = frozenset()) -> str | None:
    """What to tell the author about a print tag that needs a docxtpl object, or None when it needs none.

    Args:
        text: the tag as Jinja reads it (``{{ ... }}``), docxtpl's level letter removed.
        level: docxtpl's level letter of the tag (``""``, ``"p"``, ``"r"``, ...).
        pictures: the fields the declaration says hold pictures (``x-kieu: anh``): no warning on those.
    """
    if not text.startswith("{{"):
        return None
    if level == "r":
        return _rich_text(_inner(text))
    if level == "p":
        return _paragraph(_inner(text))
    m = _BARE_NAME.match(text)
    if m and m.group(1) not in pictures and _IMAGE.search(m.group(1)):
        return (f"thẻ «{text}» trông như chỗ đặt ảnh (InlineImage của docxtpl), nhưng khóa «{m.group(1)}» chưa "
                "khai báo là ảnh: ở đây sẽ in ra chữ (đường dẫn), không phải ảnh. Khai báo khóa đó trong dau_vao "
                "với «x-kieu: anh» (dữ liệu ghi đường dẫn ảnh PNG/JPEG trong bộ dữ liệu, kèm rong/cao), hoặc dán "
                "ảnh thẳng vào mẫu trong Word.")
    if m and _SUBDOC.search(m.group(1)):
        return (f"thẻ «{text}» trông như chỗ đặt văn bản con (Subdoc của docxtpl): dữ liệu YAML chỉ chứa chữ, "
                "nên ở đây in ra chữ, không phải các đoạn của văn bản khác. Hãy viết các đoạn đó thẳng vào mẫu, "
                "chọn bằng «{%p if ... %}», hoặc lặp «{%p for doan in ... %}» trên một danh sách đoạn trong dữ liệu.")
    return None
