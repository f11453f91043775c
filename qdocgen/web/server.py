"""The app's shared state and what every route needs: the user, and a dataset or file resolved for them.

``Server`` holds the workspace (every path inside the data root), the page templates, the LibreOffice queue, the
batches and the compiled templates; the helpers below resolve what a request names for the user making it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from starlette.requests import Request
from starlette.responses import HTMLResponse

from qdocgen.data import reader
from qdocgen.errors import Problem
from qdocgen.template.registry import TemplateInfo, list_templates
from qdocgen.web import accounts, intake
from qdocgen.web.converter import Converter
from qdocgen.web.guard import MAX_BODY, Access, Refused, csrf_token
from qdocgen.web.jobs import Jobs
from qdocgen.web.previewer import Previewer
from qdocgen.web.workspace import NotFound, Workspace

HERE = Path(__file__).resolve().parent
DEFAULT_TEMPLATE = "quyet-dinh-mtcl"
AUDIT_FILE = "nhat-ky.jsonl"


@dataclass
class Settings:
    """What ``qdocgen serve`` was started with."""

    root: Path
    access: Access
    templates_dirs: tuple[Path, ...] = ()
    max_body: int = MAX_BODY


class Server:
    """The app's shared state: the workspace, the page templates, the LibreOffice queue, batches, renderers."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ws = Workspace.at(settings.root)
        self.pages = SandboxedEnvironment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.converter = Converter()
        self.previewer = Previewer(self.converter)
        self.jobs = Jobs()
        self._renderers: dict[tuple[str, int], Any] = {}
        self._templates: tuple[list[tuple[str, int]], list[TemplateInfo]] | None = None
        self._lock = threading.Lock()

    @property
    def audit_log(self) -> Path:
        """The audit log's path."""
        return self.ws.state / AUDIT_FILE

    def templates(self) -> list[TemplateInfo]:
        """Every template (the built-ins and the configured folders), read again only when a file changed."""
        from qdocgen.template.registry import builtin_dirs, user_dirs

        stamp = []
        for folder in [*user_dirs(self.settings.templates_dirs), *builtin_dirs()]:
            for path in sorted(folder.glob("*.[dy]*")):
                try:
                    stamp.append((str(path), path.stat().st_mtime_ns))
                except OSError:
                    continue
        with self._lock:
            if self._templates is None or self._templates[0] != stamp:
                self._templates = (stamp, [t.info for t in list_templates(self.settings.templates_dirs)])
            return self._templates[1]

    def template(self, name: str | None) -> TemplateInfo:
        """A template by name (never a path from a request)."""
        wanted = name or DEFAULT_TEMPLATE
        for info in self.templates():
            if info.name == wanted:
                return info
        raise NotFound(f"Không có mẫu «{wanted}».")

    def renderer(self, info: TemplateInfo) -> Any:
        """The compiled template, kept while the file is unchanged."""
        from qdocgen.runner import Renderer

        key = (str(info.path), info.path.stat().st_mtime_ns)
        with self._lock:
            if key not in self._renderers:
                self._renderers[key] = Renderer.load(info.path)
            return self._renderers[key]

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A page from the templates folder, with the user and the CSRF token."""
        user = self.settings.access.user(request)
        html = self.pages.get_template(name).render(user=user, csrf=csrf_token(request),
                                                    login=self.settings.access.login, **context)
        return HTMLResponse(html, status)


def server_of(request: Request, bounded: bool = True) -> Server:
    """The app's shared state; every route starts here, so its query parameters are bounded here.

    ``bounded=False``: for the error page, which shows a refusal of those very parameters.
    """
    if bounded:
        intake.params(request.query_params.multi_items(), "địa chỉ trang")
    server: Server = request.app.state.server
    return server


def user_of(request: Request) -> accounts.User:
    """The user making ``request`` (401 when they must log in first)."""
    user = server_of(request).settings.access.user(request)
    if user is None:
        raise Refused("Cần đăng nhập.", 401)
    return user


def dataset_of(request: Request, name: str) -> Path:
    """The folder of a dataset the user may open (another user's dataset is "not found", on purpose)."""
    user = user_of(request)
    if not user.may_open(name):
        raise NotFound(f"Không có bộ dữ liệu «{name}»; chọn một bộ trong danh sách ở trang đầu.")
    return server_of(request).ws.dataset(name)


def unit_file(request: Request, dataset: str, file_id: str) -> Path:
    """A unit's (or shared) file of a dataset the user may open."""
    dataset_of(request, dataset)
    return server_of(request).ws.file(dataset, file_id)


def load(path: Path) -> tuple[bytes, dict[str, Any], list[Problem]]:
    """A unit file's bytes and its data with everything it inherits (before dates and templates)."""
    raw = path.read_bytes()
    problems: list[Problem] = []
    if path.stem.startswith("_"):
        chain = reader._read_chain(path, problems)  # noqa: SLF001 - a shared file read as the reader reads it
        data = chain[0] if chain else {}
        data.pop(reader.ORDER_KEY, None)
    else:
        unit = reader.read_unit(path, [], problems)
        data = unit.data if unit else {}
    return raw, data, problems


def q(**params: str) -> str:
    """A URL query string."""
    return urlencode(params, quote_via=quote)
