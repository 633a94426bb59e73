"""The trail's rows in the authorization matrix: each part of the trail keeps its own module
(matters_matrix.py, actions_matrix.py ...); this one merges them for osallisuus/tests/matrix.py."""

from __future__ import annotations

import importlib
from typing import Any

from osallisuus.tests.matrix import Row

_PARTS = []
for _name in ("matters_matrix", "actions_matrix"):
    try:
        _PARTS.append(importlib.import_module(f"{__package__}.{_name}"))
    except ModuleNotFoundError:
        continue

ROWS: dict[str, Row] = {}
for _part in _PARTS:
    ROWS.update(_part.ROWS)


def build(world: Any, unit: Any, *, target: str) -> dict[str, Any]:
    objects: dict[str, Any] = {}
    for part in _PARTS:
        if hasattr(part, "build"):
            objects.update(part.build(world, unit, target=target))
    return objects


def build_shared(world: Any) -> dict[str, Any]:
    objects: dict[str, Any] = {}
    for part in _PARTS:
        if hasattr(part, "build_shared"):
            objects.update(part.build_shared(world))
    return objects
