"""The package structure the README's "How it works" describes, checked on the code's own imports
(every ``import``, also those inside functions): no import cycles, the runtime apart from the model
build, the domain apart from the output edge, and a model fingerprint that covers what it must."""

from __future__ import annotations

import ast
from pathlib import Path

from pipeline.nlp.fingerprint import MODEL_CODE, NLP_DIR, recipe_code
from pipeline.settings import PACKAGE_DIR


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The ``pipeline`` modules a module imports: ``from pipeline.x import y`` counts as
    ``pipeline.x.y`` when that is a module, else as ``pipeline.x``. Its own parent packages are left
    out: Python initialises them before any of their modules anyway."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & set(MODULES)
            found |= submodules or {node.module}
    return {m for m in found & set(MODULES) if m != name and not name.startswith(m + ".")}


GRAPH = {name: imports_of(name) for name in MODULES}


def importers_of(prefix: str) -> set[str]:
    return {name for name, targets in GRAPH.items() if any(t.startswith(prefix) for t in targets)}


def test_no_import_cycles():
    cycles = []
    for start in GRAPH:
        stack, seen = [(start, (start,))], {start}
        while stack:
            node, path = stack.pop()
            for target in GRAPH[node]:
                if target == start:
                    cycles.append(" → ".join([*path, start]))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, (*path, target)))
    assert not cycles, cycles[:5]


def test_only_the_model_commands_and_evaluations_reach_the_training_package():
    allowed = {"pipeline.nlp.cli", "pipeline.nlp.fingerprint"}
    outside = {
        name
        for name in importers_of("pipeline.nlp.training")
        if not name.startswith(("pipeline.nlp.training", "pipeline.evaluation")) and name not in allowed
    }
    assert not outside, f"the runtime imports the model build: {sorted(outside)}"


def test_every_runtime_module_the_model_build_uses_is_part_of_the_fingerprint():
    fingerprinted = {module_name(p) for p in recipe_code()}
    used_by_training = {
        target
        for name, targets in GRAPH.items()
        if name.startswith("pipeline.nlp.training")
        for target in targets
        if target.startswith("pipeline.nlp.") and not target.startswith("pipeline.nlp.training")
    }
    # the self-training experiments tag their silver text with the cached model as users load it
    # (pipeline.nlp.load); the build itself never loads a model that way
    outside_the_build = {"pipeline.nlp.fingerprint", "pipeline.nlp.resolve", "pipeline.nlp.load"}
    assert used_by_training - outside_the_build <= fingerprinted
    assert {module_name(NLP_DIR / name) for name in MODEL_CODE} <= fingerprinted


def test_extraction_and_tables_edit_without_a_model_rebuild_and_without_the_output_edge():
    """Only the first-name lexicon is shared: the model saves the names its entity rules use."""
    fingerprinted = {module_name(p) for p in recipe_code()} - {"pipeline.nlp.first_names"}
    for package in ("pipeline.extract", "pipeline.tables"):
        for name in (n for n in GRAPH if n.startswith(package)):
            assert not GRAPH[name] & fingerprinted, f"{name} imports a fingerprinted module"
            assert not {t for t in GRAPH[name] if t.startswith("pipeline.export")}, f"{name} imports export"
