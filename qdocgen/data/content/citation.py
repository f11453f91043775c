"""Legal bases as printed: the structured citation, free text, no number or date, several documents."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from qdocgen.data.content.items import ContentError

_BASIS_WORDS = ("căn cứ", "theo ", "xét ")
_SLASH_DATE = re.compile(r"\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
_WORD_DATE = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")


def _nd30_dates(text: str) -> str:
    """Dates written in a free text, put the NĐ30 way: "ngày 5/3/2014" → "ngày 05 tháng 3 năm 2014"."""
    from qdocgen import vnformat

    def fix(m: re.Match[str]) -> str:
        """One date put the NĐ30 way; left as written when it is no date."""
        try:
            return vnformat.format_date(f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
        except ValueError:
            return m.group(0)

    return _WORD_DATE.sub(fix, _SLASH_DATE.sub(fix, text))


def _free(text: Any) -> str:
    """Free words on one line, dates the NĐ30 way, without a final ";", "." or ","."""
    return _nd30_dates(" ".join(str(text).split())).rstrip(" ;.,")


def _citation(raw: Mapping[str, Any]) -> str:
    """One cited document (``trich_dan``) with its ``ghi_them`` words."""
    from qdocgen import vnformat

    cited = {k: raw[k] for k in ("van_ban", "so", "ngay", "co_quan", "trich_yeu", "nam") if k in raw}
    text = vnformat.FILTERS["trich_dan"](cited) if cited.get("van_ban") else ""
    extra = raw.get("ghi_them")
    if extra not in (None, ""):
        text = f"{text} {_free(extra)}".strip()
    return text


def basis(raw: Any) -> str:
    """Filter ``can_cu``: one legal basis as its line, "Căn cứ ..." without the final ";" or ".".

    A basis is a citation (van_ban, so, ngay, co_quan, trich_yeu: each optional but van_ban), plus free words
    after it (``ghi_them``: "đã được Chủ tịch ... ký công bố"); or several documents in one basis
    (``cac_van_ban``: a list of citations, joined with ";" as laws and their amending laws are); or a free
    text (a string), to which "Căn cứ" is added unless it starts with it. Dates in free words are put the NĐ30
    way ("ngày 05 tháng 3 năm 2014").
    Ví dụ: {{ {"van_ban": "Luật tổ chức chính quyền địa phương", "ngay": "2015-06-19"} | can_cu }}
    """
    if isinstance(raw, str):
        text = _free(raw)
        return text if text.lower().startswith(_BASIS_WORDS) else f"Căn cứ {text}"
    if not isinstance(raw, Mapping):
        raise ContentError("can_cu: mỗi căn cứ là một văn bản (van_ban, so, ngay, co_quan, trich_yeu), "
                           "một danh sách văn bản (cac_van_ban), hoặc một câu viết sẵn.")
    several = raw.get("cac_van_ban")
    if isinstance(several, list):
        parts = [_citation(d) if isinstance(d, Mapping) else _free(d) for d in several]
        text = "; ".join(p for p in parts if p)
        extra = raw.get("ghi_them")
        if extra not in (None, ""):
            text = f"{text} {_free(extra)}"
    else:
        text = _citation(raw)
    return f"Căn cứ {text}"
