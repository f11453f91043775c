"""qdocgen: Vietnamese administrative documents (.docx) from templates and structured data."""

from __future__ import annotations

__version__ = "0.1.0"
