"""The trail's rows in the authorization matrix: each part of the trail keeps its own module
(actions_matrix.py, matters_matrix.py, briefings_matrix.py); this one merges them for
osallisuus/tests/matrix.py."""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import Row

from . import actions_matrix, briefings_matrix, matters_matrix

_PARTS = (actions_matrix, matters_matrix, briefings_matrix)

ROWS: dict[str, Row] = {name: row for part in _PARTS for name, row in part.ROWS.items()}


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
