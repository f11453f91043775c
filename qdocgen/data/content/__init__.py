"""The content model of a decision's body: articles, free appendices, the issuer, the summary, the legal bases.

Pure functions over the data, no XML: the template decides the look, these modules number, flatten and word
what it prints. Each module owns one part of the body: ``items`` (the numbered items of articles and free
appendices, and the objectives among them), ``issuer`` (who issues and signs), ``summary`` (breaking a long
trích yếu), ``appendix`` (the objectives table and free appendices), ``citation`` (a legal basis's line).
Templates reach them through the Jinja filters and globals collected here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qdocgen.data.content.appendix import (
    DEFAULT_COLUMNS,
    FREE,
    NUMBER_KEY,
    TABLE,
    TABLE_WIDTH_DXA,
    TARGET_KEY,
    Appendix,
    Cell,
    Row,
    appendices,
    appendix_kind,
    appendix_list,
    target_text,
)
from qdocgen.data.content.citation import basis
from qdocgen.data.content.issuer import CHAIR, COLLECTIVE, COMMITTEE, HEAD, Issuer, issuer
from qdocgen.data.content.items import (
    BOLD_KINDS,
    CHILDREN,
    KIND_WORDS,
    KINDS,
    LETTERS,
    OBJECTIVE_FLAG,
    VALUE,
    Article,
    ContentError,
    Line,
    article,
    articles,
    block_objectives,
    item_kind,
    letter,
    lines,
    objective_lines,
    paragraphs,
    roman,
)
from qdocgen.data.content.summary import SUMMARY_WIDTH, break_summary, text_width

FILTERS: dict[str, Callable[..., Any]] = {"cac_dieu": articles, "cac_doan": paragraphs, "cac_phu_luc": appendices,
                                          "ngat_dong": break_summary, "can_cu": basis}
"""The Jinja filters the content model gives templates."""
GLOBALS: dict[str, Callable[..., Any]] = {"ban_hanh_boi": issuer, "cac_muc_tieu": objective_lines}
"""The Jinja globals the content model gives templates."""

__all__ = [
    "BOLD_KINDS", "CHAIR", "CHILDREN", "COLLECTIVE", "COMMITTEE", "DEFAULT_COLUMNS", "FILTERS", "FREE", "GLOBALS",
    "HEAD", "KINDS", "KIND_WORDS", "LETTERS", "NUMBER_KEY", "OBJECTIVE_FLAG", "SUMMARY_WIDTH", "TABLE",
    "TABLE_WIDTH_DXA", "TARGET_KEY", "VALUE", "Appendix", "Article", "Cell", "ContentError", "Issuer", "Line", "Row",
    "appendices", "appendix_kind", "appendix_list", "article", "articles", "basis", "block_objectives",
    "break_summary", "issuer", "item_kind", "letter", "lines", "objective_lines", "paragraphs", "roman",
    "target_text", "text_width",
]
