"""``python -m qdocgen``: the command line, as the ``qdocgen`` console script."""

from __future__ import annotations

from qdocgen.cli import main

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="qdocgen")
