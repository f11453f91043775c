"""The issuer: one key (``ban_hanh``) drives the authority line, the appendix's reference line and the signature."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

COMMITTEE, CHAIR = "uy_ban", "chu_tich"
"""Values of ``ban_hanh``: the committee issues (signed "TM. ỦY BAN NHÂN DÂN"), or its Chủ tịch does."""
HEAD = "Chủ tịch"
COLLECTIVE = "Ủy ban nhân dân"


@dataclass(frozen=True)
class Issuer:
    """Who issues the decision, in the words each place needs.

    Attributes:
        tham_quyen: the authority line above the legal bases (printed upper case).
        cua: who the appendix's reference line says issued the decision ("của ...").
        cac_dong_ky: the signature block's authority and title lines, top to bottom (printed upper case).
    """

    tham_quyen: str
    cua: str
    cac_dong_ky: tuple[str, ...]


def _is_deputy(title: str) -> bool:
    """A deputy's title ("Phó Chủ tịch") signs "KT." for the head."""
    return title.strip().lower().startswith("phó")


def issuer(ban_hanh: Any, co_quan: Any, tham_quyen: Any = "", nguoi_ky: Any = None) -> Issuer:
    """Global ``ban_hanh_boi``: the wording that follows from ``ban_hanh`` (``uy_ban`` or ``chu_tich``).

    A committee's decision reads "ỦY BAN NHÂN DÂN QUẬN ..." above the bases, "của Ủy ban nhân dân quận ..."
    under the appendix title, and is signed "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" (a deputy adds "KT. CHỦ TỊCH"
    and signs "PHÓ CHỦ TỊCH"). A Chủ tịch's decision reads "CHỦ TỊCH ỦY BAN NHÂN DÂN ...", "của Chủ tịch ...",
    and is signed "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". An explicit ``tham_quyen`` or
    ``nguoi_ky.tham_quyen`` in the data wins over the derived wording.
    """
    body = str(co_quan or "").strip()
    signer = nguoi_ky if isinstance(nguoi_ky, Mapping) else {}
    title = str(signer.get("chuc_vu") or HEAD).strip()
    by_chair = ban_hanh == CHAIR
    authority = str(tham_quyen or "").strip() or (f"{HEAD} {body}" if by_chair else body)
    said = str(signer.get("tham_quyen") or "").strip()
    if said:
        lines = tuple(line.strip() for line in said.split("\n") if line.strip()) + (title,)
    else:
        collective = COLLECTIVE if body.lower().startswith(COLLECTIVE.lower()) else body
        lines = () if by_chair else (f"TM. {collective}",)
        if _is_deputy(title):
            lines += (f"KT. {HEAD}",)
        lines += (title,)
    return Issuer(authority, f"{HEAD} {body}" if by_chair else body, lines)
