"""A project with a group and a workshop whose board has the before / now / near future columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.models import GroupRole, Project, Workshop
from osallisuus.codevelopment.services import start_project_with_workshop


@dataclass
class Setup:
    project: Project
    workshop: Workshop
    facilitator: Any
    client: Any
    professional: Any


def project_with_workshop(unit: Any, *, votes: int = 3, feedback: Any = ()) -> Setup:
    facilitator = user_with_role("staff", unit=unit)
    client = user_with_role("expert")
    professional = user_with_role("staff", unit=unit)
    started = start_project_with_workshop(
        by=facilitator,
        title="Sujuvampi ajanvaraus",
        target="Ajan saa helpommin puhelimella ja verkossa.",
        units=[unit],
        feedback=feedback,
        members=[(client, GroupRole.CLIENT), (professional, GroupRole.PROFESSIONAL)],
        workshop_title="Ensimmäinen työpaja",
        starts_at=timezone.now() + timedelta(days=3),
        place="Keskustan terveysasema, neuvotteluhuone",
        remote_link="https://meet.example.org/ajanvaraus",
        agenda="1. Tutustuminen\n2. Nykytila",
        pre_tasks="Mieti viimeisintä ajanvaraustasi.",
        votes_per_participant=votes,
    )
    return Setup(started.project, started.workshop, facilitator, client, professional)
