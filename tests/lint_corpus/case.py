"""One labelled document of the corpus: how to build it, what kind it is, what it models, what lint must find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lint_corpus.builder import Builder

KINDS = ("quyet-dinh", "cong-van", "to-trinh", "bao-cao", "ke-hoach", "thong-bao", "giay-moi", "phu-luc", "dang",
         "quy-pham", "bieu-mau", "khac")
"""The kinds of document in the corpus (the metadata ``kind`` of a case)."""

NEW_RULES = ("pham-vi", "nguoi-ky-ten", "vi-tri-dau-trang", "gian-dong", "gian-doan", "thut-dau-dong", "vv-cong-van")
"""Rule ids issue 19 adds to ``qdocgen lint`` (besides those in ``qdocgen.lint.RULES``)."""


@dataclass(frozen=True)
class Case:
    """A corpus document.

    Attributes:
        name: Unique, ASCII, also the file name.
        kind: One of :data:`KINDS`.
        source: Address of the real document whose structure the case reproduces (see NGUON.md).
        models: The layout features taken from that document, in a few words.
        expected: Every rule id lint must report on it (errors and warnings); nothing else may be reported.
        build: Writes the document.
        fault: The rule id of the one injected fault, if any.
    """

    name: str
    kind: str
    source: str
    models: str
    expected: frozenset[str]
    build: Callable[[], Builder]
    fault: str | None = None


def clean(name: str, kind: str, source: str, models: str, build: Callable[[], Builder]) -> Case:
    """A document laid out as its own rules require: lint must find nothing."""
    return Case(name, kind, source, models, frozenset(), build)


def out_of_scope(name: str, kind: str, source: str, models: str, build: Callable[[], Builder]) -> Case:
    """A document outside NĐ30 (Party, legal normative, form, unknown): only the ``pham-vi`` notice."""
    return Case(name, kind, source, models, frozenset({"pham-vi"}), build)


def faulty(name: str, kind: str, source: str, fault: str, build: Callable[[], Builder]) -> Case:
    """A clean document with exactly one injected fault: lint must report that rule and nothing else."""
    return Case(name, kind, source, f"lỗi cài vào: {fault}", frozenset({fault}), build, fault)
