"""A co-development project run by a coordinator, for invitations to its group."""

from __future__ import annotations

from typing import Any

from osallisuus.codevelopment.services import create_project


def project_of(facilitator: Any, unit: Any, title: str = "Sujuvampi ajanvaraus") -> Any:
    return create_project(
        by=facilitator, title=title, target="Ajan saa helpommin.", units=[unit], is_public=False
    )
