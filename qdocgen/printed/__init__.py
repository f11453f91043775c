"""Documents as printed: the pages of a PDF with their words, lines and boxes, and the reader that builds them.

``pages`` is the page model the page rules read (``qdocgen.lint.printed``); ``reader`` builds it from a PDF
with poppler's ``pdftotext -bbox-layout``. The layer imports nothing of qdocgen but the error root: turning a
document into a PDF is the run layer's business (``qdocgen.pdf``), judging the pages is lint's. Import the
module you need (``qdocgen.printed.pages`` or ``qdocgen.printed.reader``): this package file loads neither.
"""

from __future__ import annotations
