"""Helpers shared by the web app's tests: a copy of the shipped data, and a client that knows its CSRF token."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from qdocgen.data import reader
from qdocgen.template.registry import find_template
from qdocgen.web import fields
from qdocgen.web.app import Settings, create_app
from qdocgen.web.guard import Access

ROOT = Path(__file__).resolve().parent.parent
DATASET = "binh-tan/2019"


def copy_data(tmp: Path) -> Path:
    """A private copy of the shipped data root."""
    target = tmp / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def client(root: Path, access: Access | None = None) -> TestClient:
    """A test client of the app serving ``root``."""
    return TestClient(create_app(Settings(root, access or Access())))


def csrf_of(html: str) -> str:
    """The CSRF token a page carries."""
    found = re.search(r'data-csrf="([^"]+)"', html)
    assert found, "page has no CSRF token"
    return found.group(1)


def form_of(root: Path, unit: str, template: str = "quyet-dinh-mtcl", dataset: str = DATASET) -> dict[str, Any]:
    """The form's text tree of a unit, as the browser would send it unchanged."""
    problems: list[Any] = []
    data = reader.read_unit(root / dataset / f"{unit}.yaml", [], problems)
    assert data is not None and not problems
    return fields.form_for(find_template(template).schema, data.data).text()  # type: ignore[no-any-return]


def open_unit(c: TestClient, unit: str, dataset: str = DATASET) -> tuple[str, str]:
    """Open a unit's page: its CSRF token and edit token."""
    page = c.get(f"/don-vi?d={dataset}&u={unit}")
    assert page.status_code == 200, page.text
    token = re.search(r'data-token="([^"]+)"', page.text)
    assert token
    return csrf_of(page.text), token.group(1)
