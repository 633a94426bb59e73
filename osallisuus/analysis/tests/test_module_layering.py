"""The text modules import one another in one direction, so no import has to hide in a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# module -> the package modules it may import (anywhere in the file)
ALLOWED = {
    "names": set(),
    "morphology": set(),
    "cues": {"names"},
    "tokens": {"cues", "lexicon", "matcher", "morphology"},
    "personal_data": {"cues", "names", "tokens"},
}


def _package_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module] if node.module else [a.name for a in node.names])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "osallisuus.analysis."
        ):
            found.add((node.module or "").removeprefix("osallisuus.analysis."))
    return found


def test_tokens_and_personal_data_share_cues_and_names_without_a_cycle() -> None:
    for module, allowed in ALLOWED.items():
        assert _package_imports(module) <= allowed, module
    assert "personal_data" not in _package_imports("tokens")
