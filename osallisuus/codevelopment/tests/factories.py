"""A project with a group and a workshop whose board has the before / now / near future columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.models import GroupRole, Project, Workshop
from osallisuus.codevelopment.services import add_member, create_project, create_workshop


@dataclass
class Setup:
    project: Project
    workshop: Workshop
    facilitator: Any
    client: Any
    professional: Any


def project_with_workshop(unit: Any, *, votes: int = 3, feedback: Any = ()) -> Setup:
    facilitator = user_with_role("staff", unit=unit)
    project = create_project(
        by=facilitator,
        title="Sujuvampi ajanvaraus",
        target="Ajan saa helpommin puhelimella ja verkossa.",
        units=[unit],
        feedback=feedback,
        is_public=True,
    )
    client = user_with_role("expert")
    professional = user_with_role("staff", unit=unit)
    add_member(project=project, by=facilitator, user=client, role=GroupRole.CLIENT)
    add_member(project=project, by=facilitator, user=professional, role=GroupRole.PROFESSIONAL)
    start = timezone.now() + timedelta(days=3)
    workshop = create_workshop(
        project=project,
        by=facilitator,
        preset="timeline",
        title="Ensimmäinen työpaja",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Keskustan terveysasema, neuvotteluhuone",
        remote_link="https://meet.example.org/ajanvaraus",
        agenda="1. Tutustuminen\n2. Nykytila",
        pre_tasks="Mieti viimeisintä ajanvaraustasi.",
        between_tasks="",
        votes_per_participant=votes,
    )
    return Setup(project, workshop, facilitator, client, professional)
