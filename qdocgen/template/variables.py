"""The variables a template reads, found by walking each tag's Jinja syntax tree (loops, ``set``, defaults)."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import nodes

from qdocgen.template.findings import CheckReport, Segments, Usage


def walk_nodes(node: nodes.Node) -> Iterator[nodes.Node]:
    """``node`` and every node below it."""
    yield node
    for child in node.iter_child_nodes():
        yield from walk_nodes(child)


def _chain(node: nodes.Node) -> tuple[str, list[str]] | None:
    """``a.b["c"]`` → ("a", ["b", "c"]); None when the chain does not start at a name."""
    attrs: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            attrs.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str):
            attrs.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, attrs[::-1]
        else:
            return None


class Collector:
    """Walks a parsed part: each variable read as a path, loops with what they iterate over."""

    def __init__(self, report: CheckReport, label: str, places: list[str], globals_: set[str]) -> None:
        self.report, self.label, self.places, self.globals = report, label, places, globals_

    def place(self, node: nodes.Node) -> str:
        """The paragraph a node came from."""
        line = getattr(node, "lineno", 0)
        return self.places[line - 1] if 0 < line <= len(self.places) else ""

    def use(self, path: Segments, node: nodes.Node, loop_var: str | None = None, optional: bool = False) -> None:
        """Record that the template reads ``path`` here (required unless every use is ``optional``)."""
        usage = self.report.usages.setdefault(path, Usage(path))
        usage.places.setdefault(self.label, self.place(node))
        usage.required = usage.required or not optional
        if loop_var:
            usage.loop_var = usage.loop_var or loop_var

    def resolve(self, name: str, attrs: list[str], scope: dict[str, Segments | None]) -> Segments | None:
        """The data path ``name.attrs`` stands for, loop variables replaced; None for the template's own names."""
        if name in scope:
            base = scope[name]
            return None if base is None else base + tuple(attrs)
        if name in self.globals:
            return None
        return (name, *attrs)

    def _for(self, node: nodes.For, scope: dict[str, Segments | None]) -> None:
        """A loop: the list it runs over is used; its variables name the list's items inside."""
        self.visit(node.iter, scope)
        chain = _chain(node.iter)
        base = self.resolve(*chain, scope) if chain else None
        inner = dict(scope, loop=None)
        names = [n.name for n in walk_nodes(node.target) if isinstance(n, nodes.Name)]
        for n in names:
            inner[n] = base + ("[]",) if base is not None and len(names) == 1 else None
        if base is not None:
            self.use(base, node, ", ".join(names))
        for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
            self.visit(child, inner)

    def _assign(self, node: nodes.Assign | nodes.AssignBlock, scope: dict[str, Segments | None]) -> None:
        """``{% set %}``: what it reads is used; the names it binds are the template's own."""
        for child in node.iter_child_nodes(exclude=("target",)):
            self.visit(child, scope)
        for bound in walk_nodes(node.target):
            if isinstance(bound, nodes.Name):
                scope[bound.name] = None

    def _guarded(self, node: nodes.Node, scope: dict[str, Segments | None]) -> bool:
        """``x | default(...)``, ``x is defined``: ``x`` is used but optional. Whether ``node`` was one."""
        guarded = (isinstance(node, nodes.Filter) and node.name in ("default", "d")) or \
            (isinstance(node, nodes.Test) and node.name in ("defined", "undefined"))
        if not (guarded and isinstance(node, (nodes.Filter, nodes.Test)) and node.node is not None):
            return False
        chain = _chain(node.node)
        path = self.resolve(*chain, scope) if chain else None
        if path is None:
            return False
        self.use(path, node, optional=True)
        for child in node.iter_child_nodes(exclude=("node",)):
            self.visit(child, scope)
        return True

    def visit(self, node: nodes.Node, scope: dict[str, Segments | None]) -> None:
        """Record every variable path ``node`` reads, with ``scope`` naming the loop variables."""
        if isinstance(node, nodes.For):
            self._for(node, scope)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            self._assign(node, scope)
            return
        if self._guarded(node, scope):
            return
        if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)):
            chain = _chain(node)
            if chain is not None:
                path = self.resolve(*chain, scope)
                if path is not None:
                    self.use(path, node)
                return
        for child in node.iter_child_nodes():
            self.visit(child, scope)
