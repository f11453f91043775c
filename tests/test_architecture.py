"""The import contract of docs/kien-truc.md: which layer may import which, read from the source (AST).

Every import counts, also the ones inside functions (they are real dependencies, only loaded later).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "qdocgen"

BASE = {"errors", "limits"}  # limits: the bounds on hostile input every layer enforces (issue 15)
# The "may import" column of the issue-13 table (docs/kien-truc.md). A layer may always import itself.
# ``output`` (safe, atomic writing of files) sits at the bottom beside ``errors``: data and templates write files too.
MAY_IMPORT: dict[str, set[str]] = {
    "errors": set(),
    "limits": {"errors"},
    "output": BASE,
    "vnformat": BASE,
    "environment": BASE | {"vnformat"},
    "oxml": BASE,
    "printed": BASE,  # the page model of a PDF and its reader: nothing of qdocgen above the error root
    "data": BASE | {"vnformat", "environment", "output"},
    "template": BASE | {"vnformat", "environment", "output", "oxml", "data"},
    "lint": BASE | {"oxml", "environment", "printed"},  # environment: only its one Jinja-tag detector
    "run": BASE | {"vnformat", "environment", "output", "oxml", "printed", "data", "template", "lint"},
    "api": BASE | {"vnformat", "environment", "output", "oxml", "printed", "data", "template", "lint", "run"},
    "web": BASE | {"vnformat", "environment", "output", "oxml", "printed", "data", "template", "lint", "run", "api"},
    "cli": {"api", "web"},  # `qdocgen serve` starts the web app (extra "web"), the other entry beside the CLI
}
CLICK_ALLOWED = {"cli", "web"}
PRINT_ALLOWED = {"cli", "web"}


def layer_of(module: str) -> str:
    """The layer a module ``qdocgen.x.y`` belongs to."""
    parts = module.split(".")
    if parts == ["qdocgen"]:
        return "api"
    top = parts[1]
    if top in {"oxml", "printed", "data", "template", "lint", "web"}:
        return top
    if top in {"cli", "__main__"}:
        return "cli"
    if top == "sandbox":  # the bounded Jinja sandbox the environments are made of
        return "environment"
    if top in {"errors", "limits", "output", "vnformat", "environment"}:
        return top
    return "run"


def module_name(path: Path) -> str:
    """``qdocgen/data/reader.py`` → ``qdocgen.data.reader``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[str, int]]:
    """Every module ``path`` imports (absolute names), with the line of the import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, node.lineno))
            # ``from qdocgen import vnformat`` imports the module qdocgen.vnformat.
            for alias in node.names:
                candidate = PACKAGE.parent / Path(*f"{base}.{alias.name}".split("."))
                if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
                    found.append((f"{base}.{alias.name}", node.lineno))
    return found


def sources() -> list[Path]:
    """Every module of the package."""
    return sorted(PACKAGE.rglob("*.py"))


def test_every_layer_imports_only_what_the_table_allows() -> None:
    broken = []
    for path in sources():
        own = layer_of(module_name(path))
        for name, line in imports(path):
            if name != "qdocgen" and not name.startswith("qdocgen."):
                continue
            if name == "qdocgen" and own != "cli":
                continue  # ``from qdocgen import x`` is checked as ``qdocgen.x``
            other = layer_of(name)
            if other != own and other not in MAY_IMPORT[own]:
                broken.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {name} ({other})")
    assert not broken, "\n".join(broken)


def test_only_the_cli_and_the_web_app_import_click_or_print() -> None:
    broken = []
    for path in sources():
        own = layer_of(module_name(path))
        if own not in CLICK_ALLOWED:
            broken += [f"{path}:{line}: imports {name}" for name, line in imports(path)
                       if name.split(".")[0] == "click"]
        if own not in PRINT_ALLOWED:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            broken += [f"{path}:{node.lineno}: print()" for node in ast.walk(tree)
                       if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
    assert not broken, "\n".join(broken)


def test_lint_reads_the_layout_model_never_xml() -> None:
    broken = [f"{path}:{line}: imports {name}" for path in sorted((PACKAGE / "lint").rglob("*.py"))
              for name, line in imports(path)
              if name.split(".")[0] in {"lxml", "xml", "zipfile", "docx"}
              or (name.startswith("qdocgen.oxml") and name != "qdocgen.oxml.layout")]
    assert not broken, "\n".join(broken)


def test_page_rules_read_the_page_model_never_a_pdf() -> None:
    """lint/ takes the page model (``printed.pages``) as given: it neither converts nor reads a PDF itself."""
    banned = {"subprocess", "pikepdf", "pdfminer", "pyhanko", "shutil", "tempfile"}
    broken = [f"{path}:{line}: imports {name}" for path in sorted((PACKAGE / "lint").rglob("*.py"))
              for name, line in imports(path)
              if name.split(".")[0] in banned or name.startswith("qdocgen.pdf")
              or (name.startswith("qdocgen.printed") and name != "qdocgen.printed.pages")]
    assert not broken, "\n".join(broken)
    uses = {name for name, _ in imports(PACKAGE / "lint" / "printed.py")}
    assert "qdocgen.printed.pages" in uses  # the contract is about a real import, not an empty file


def test_the_printed_layer_knows_no_docx_and_no_rules() -> None:
    """printed/ is a low layer: no .docx reading, no Jinja, no Nghị định 30 (nothing of qdocgen but errors)."""
    banned = {"docx", "docxtpl", "jinja2", "zipfile", "click"}
    broken = [f"{path}:{line}: imports {name}" for path in sorted((PACKAGE / "printed").rglob("*.py"))
              for name, line in imports(path)
              if name.split(".")[0] in banned or (name.startswith("qdocgen.")
                                                   and layer_of(name) not in {"printed", *BASE})]
    assert not broken, "\n".join(broken)


def test_oxml_knows_no_jinja_and_data_no_xml() -> None:
    broken = []
    for folder, banned in (("oxml", {"jinja2", "docxtpl"}), ("data", {"lxml", "docx", "docxtpl", "zipfile"})):
        broken += [f"{path}:{line}: imports {name}" for path in sorted((PACKAGE / folder).rglob("*.py"))
                   for name, line in imports(path) if name.split(".")[0] in banned]
    assert not broken, "\n".join(broken)


def test_the_contract_sees_a_broken_import(tmp_path: Path) -> None:
    """The checker itself: a data module importing oxml, and a relative import, are both caught."""
    probe = PACKAGE / "data" / "values.py"
    names = {name for name, _ in imports(probe)}
    assert "qdocgen.vnformat" in names  # ``from qdocgen import vnformat`` resolves to the module
    assert layer_of("qdocgen.oxml.package") not in MAY_IMPORT["data"]
    assert layer_of("qdocgen.batch") == "run" and "run" not in MAY_IMPORT["template"]


def test_the_cli_package_is_click_over_the_public_api_only() -> None:
    """qdocgen/cli/: each module imports click, the standard library, the public API and its siblings only;
    the web app only from the serve command; and no exit status is a number written in the code."""
    allowed_third_party = {"click"}
    broken = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for name, line in imports(path):
            top = name.split(".")[0]
            place = f"{path.relative_to(PACKAGE.parent)}:{line}"
            if top == "qdocgen":
                if name.startswith("qdocgen.web") and path.name != "serve.py":
                    broken.append(f"{place}: only the serve command starts the web app ({name})")
                elif name != "qdocgen" and not name.startswith(("qdocgen.cli", "qdocgen.web")):
                    broken.append(f"{place}: imports {name}, not the public API")
            elif top not in allowed_third_party and top not in sys.stdlib_module_names and top != "__future__":
                broken.append(f"{place}: imports {name}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "exit"
                    and any(isinstance(arg, ast.Constant) for arg in node.args)):
                broken.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: exit status as a literal")
    assert not broken, "\n".join(broken)


def test_every_command_of_the_cli_package_is_on_the_group() -> None:
    """A command defined in a cli module but not added to ``qdocgen.cli.main`` would vanish silently."""
    import click

    from qdocgen.cli import main

    def reachable(group: click.Group) -> set[int]:
        found = {id(group)}
        for command in group.commands.values():
            found |= reachable(command) if isinstance(command, click.Group) else {id(command)}
        return found

    on_group = reachable(main)
    defined = [f"{module.__name__}.{name}" for module in map(importlib.import_module, cli_modules())
               for name, value in vars(module).items()
               if isinstance(value, click.Command) and id(value) not in on_group]
    assert not defined, defined
    assert len(on_group) > 20  # the group itself, 13 commands, 3 subgroups and their commands


def cli_modules() -> list[str]:
    """The modules of the cli package."""
    return [module_name(path) for path in sorted((PACKAGE / "cli").glob("*.py")) if path.name != "__main__.py"]


def test_entry_points_reach_the_same_group() -> None:
    """The console script and ``python -m qdocgen`` (and ``python -m qdocgen.cli``) start ``qdocgen.cli.main``."""
    setup = (PACKAGE.parent / "setup.cfg").read_text(encoding="utf-8")
    assert "qdocgen = qdocgen.cli:main" in setup
    for module in ("qdocgen", "qdocgen.cli"):
        done = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True,
                              cwd=PACKAGE.parent, timeout=60, check=False)
        assert (done.returncode, done.stdout.split(",")[0]) == (0, "qdocgen"), done.stderr


MAX_LINES = 400


def test_no_module_is_longer_than_400_lines() -> None:
    """A module that grows past 400 lines holds more than one job: split it into modules named for what they own."""
    counts = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
              for path in sources()}
    long = [f"qdocgen/{name}: {count} lines" for name, count in counts.items()
            if count > MAX_LINES]
    assert not long, "\n".join(long)
