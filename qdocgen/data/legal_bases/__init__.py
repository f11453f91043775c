"""The register of legal bases (``data/can-cu.yaml``): which cited texts are replaced, amended or unchecked.

The register is data a template author keeps up to date, not law asserted by this code: for each text its
number, date, issuer, title, status (``con_hieu_luc``, ``sua_doi``, ``thay_the``, ``het_hieu_luc``,
``can_kiem_tra``), what replaced it, from when, when someone last checked it and where. It also lists terms
that are outdated (``thuat_ngu_cu``) and the date from which districts no longer exist (``chinh_quyen_hai_cap``).

``register`` holds what the register says and looks a citation up; ``reading`` reads the YAML; ``assessment``
matches a unit's ``can_cu`` entries against it and reports per unit each basis that needs a look
(``qdocgen check-can-cu``); :func:`basis_warning` is the one warning a batch shows.
"""

from __future__ import annotations

from qdocgen.data.legal_bases.assessment import (
    KIND_WORDS,
    DatasetBases,
    assess,
    basis_warning,
    check_dataset,
    cite_label,
    document_date,
    unit_bases,
    unit_issues,
)
from qdocgen.data.legal_bases.reading import load_register
from qdocgen.data.legal_bases.register import (
    AMENDED,
    ENDED,
    IN_FORCE,
    REGISTER_NAME,
    REPLACED,
    STALE,
    STALE_AFTER,
    STATUSES,
    TO_CHECK,
    UNKNOWN,
    Entry,
    Register,
    Term,
    as_date,
    default_register_path,
    phrase_pattern,
)

__all__ = [
    "AMENDED", "ENDED", "IN_FORCE", "KIND_WORDS", "REGISTER_NAME", "REPLACED", "STALE", "STALE_AFTER", "STATUSES",
    "TO_CHECK", "UNKNOWN", "DatasetBases", "Entry", "Register", "Term", "as_date", "assess", "basis_warning",
    "check_dataset", "cite_label", "default_register_path", "document_date", "load_register", "phrase_pattern",
    "unit_bases", "unit_issues",
]
