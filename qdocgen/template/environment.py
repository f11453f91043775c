"""The environment a .docx template is filled in: the XML environment with the content model's filters.

The content model (``qdocgen.data.content``: articles, appendices, issuer wording, legal bases, summary lines)
belongs to the data layer, which the base environment may not import; templates are where both meet.
"""

from __future__ import annotations

from jinja2.sandbox import ImmutableSandboxedEnvironment

from qdocgen.data import content
from qdocgen.environment import xml_environment


def template_environment() -> ImmutableSandboxedEnvironment:
    """The XML environment plus the content model's filters and globals.

    Filters ``cac_dieu``, ``cac_doan``, ``cac_phu_luc``, ``can_cu``, ``ngat_dong``; globals ``ban_hanh_boi``,
    ``cac_muc_tieu``.
    """
    env = xml_environment()
    env.filters.update(content.FILTERS)
    env.globals.update(content.GLOBALS)
    return env
