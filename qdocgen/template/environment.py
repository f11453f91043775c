"""The environment a .docx template is filled in: the XML environment with the content model's filters.

The content model (``qdocgen.data.content``: articles, appendices, issuer wording, legal bases, summary lines)
belongs to the data layer, which the base environment may not import; templates are where both meet. Here
too the declared rich values (formatted text, pictures) learn to print, and the author's macros
(``bo_loc``) become filters.
"""

from __future__ import annotations

from jinja2.sandbox import ImmutableSandboxedEnvironment

from qdocgen.data import content
from qdocgen.environment import xml_environment
from qdocgen.template.macros import add_author_filters
from qdocgen.template.rich import rich_finalize


def template_environment(macros: str = "", shown: str = "") -> ImmutableSandboxedEnvironment:
    """The XML environment plus the content model's filters and globals, and the author's ``macros``.

    Filters ``cac_dieu``, ``cac_doan``, ``cac_phu_luc``, ``can_cu``, ``ngat_dong``; globals ``ban_hanh_boi``,
    ``cac_muc_tieu``; each macro of ``macros`` (the declaration's ``bo_loc``, from file ``shown``) as a filter
    and a function.
    """
    env = xml_environment()
    env.finalize = rich_finalize(env.finalize)  # type: ignore[arg-type]
    env.filters.update(content.FILTERS)
    env.globals.update(content.GLOBALS)
    if macros:
        add_author_filters(env, macros, shown)
        env.bound_callables()  # type: ignore[attr-defined]
    return env
