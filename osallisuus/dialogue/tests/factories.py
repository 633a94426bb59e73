"""Builders for dialogue tests: a producer's panel for a unit's service, with members."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import Group, GroupKind, Meeting, OwnerKind


def panel_for(unit: Any, *, name: str = "Terveysasemien asiakasraati") -> Group:
    """A client panel run by the unit's producer for the unit's service."""
    return services.create_group(
        by=SYSTEM,
        organiser=unit.producer.organiser,
        kind=GroupKind.CLIENT_PANEL,
        name_fi=name,
        name_sv="Klientrådet för hälsostationerna",
        name_en="Health centres' client panel",
        owner_kind=OwnerKind.PRODUCER,
        producer=unit.producer,
        service=unit.service,
        term_starts=datetime.date(2026, 1, 1),
        term_ends=datetime.date(2027, 12, 31),
    )


def meeting_of(group: Group, *, approved: bool = False, agenda: str = "1. Ajanvaraus") -> Meeting:
    meeting = services.schedule_meeting(
        by=SYSTEM,
        group=group,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        place="Kaupungintalo, sali 2",
        agenda=agenda,
    )
    if approved:
        services.record_minutes(
            by=SYSTEM,
            meeting=meeting,
            minutes="Raati keskusteli ajanvarauksesta.",
            present=list(group.members.all()),
            approve=True,
        )
    return meeting


def secretary_of(group: Group) -> Any:
    """A signed-up person (no staff role) seated as the group's secretary."""
    from osallisuus.accounts.tests.factories import user_with_role

    secretary = user_with_role("resident")
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Sanna Sihteeri",
        role="secretary",
        origin="appointed",
        member_kind="staff",
        user=secretary,
    )
    return secretary
