"""Labels of the held-out real documents: documents of OTHER offices than the tuning part's, labelled by hand before
lint is run on them, looked at once at the end (``QDOCGEN_GIU_LAI=1``).

The conventions are those of ``lint_corpus/that/nhan.py``. The earlier held-out part (12 documents of Lâm Đồng) was
looked at in the session of stop 27 and moved into the tuning part (NGUON.md says so); this list is filled with new
documents only.
"""

from __future__ import annotations

from lint_corpus.real import Real

DOCS: list[Real] = []
