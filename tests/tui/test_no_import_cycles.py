"""No module of jobcockpit imports, however indirectly, a module that imports
it back: the package reads from the bottom up, and any module can be loaded,
tested and replaced on its own.

Imports made only for type checking count too: a cycle hidden behind
`TYPE_CHECKING` still ties two modules together for whoever reads them."""

from __future__ import annotations

import grimp


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components with more than one module, and the
    modules that import themselves (Tarjan's algorithm, without recursion)."""
    modules = sorted(graph.modules)
    imports = {
        module: sorted(graph.find_modules_directly_imported_by(module)) for module in modules
    }
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            module, next_edge = work.pop()
            if next_edge == 0:
                index[module] = lowest[module] = len(index)
                stack.append(module)
                on_stack.add(module)
            targets = imports[module]
            if next_edge < len(targets):
                work.append((module, next_edge + 1))
                target = targets[next_edge]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    lowest[module] = min(lowest[module], index[target])
                continue
            if lowest[module] == index[module]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1 or module in imports[module]:
                    cycles.append(sorted(component))
            if work:
                parent = work[-1][0]
                lowest[parent] = min(lowest[parent], lowest[module])
    return cycles


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph("jobcockpit", include_external_packages=False)
    assert _cycles(graph) == []


def test_a_cycle_is_found() -> None:
    """The check itself: two modules importing each other are reported."""
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(graph) == [["pkg.a", "pkg.b"]]
