"""The register of outgoing documents (sổ đăng ký văn bản đi, NĐ30 Phụ lục IV) in SQLite.

The API the CLI and the web app use: :func:`give_number`, :func:`give_numbers_from_manifest`, :func:`cancel`,
:func:`rows`, :func:`backup`, :func:`set_numbering`, :func:`print_register`.
"""

from __future__ import annotations

from qdocgen.register.book import backup, cancel, numbering_mode, rows, set_numbering
from qdocgen.register.db import Row
from qdocgen.register.numbering import Numbered, Request, give_number, give_numbers_from_manifest
from qdocgen.register.printing import Printed, print_register

__all__ = ["Numbered", "Printed", "Request", "Row", "backup", "cancel", "give_number", "give_numbers_from_manifest",
           "numbering_mode", "print_register", "rows", "set_numbering"]
