"""Builders for statement tests: a disability council with a secretary, and a matter carried to
a committee of the register, prepared by a staff member of the unit."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services as dialogue
from osallisuus.dialogue.models import Group, GroupKind, MemberKind, MemberRole, Origin
from osallisuus.organisation.models import DecisionBody
from osallisuus.trail.matters.services import create_matter

NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def council_for(
    organiser: Any, *, secretary: Any = None, chair: Any = None, name: str = "Vammaisneuvosto"
) -> Group:
    """The county's disability council (Act 611/2021 § 32), with the accounts given seated."""
    group = dialogue.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.DISABILITY_COUNCIL,
        name_fi=name,
        name_sv="Rådet för personer med funktionsnedsättning",
        name_en="Disability council",
        term_starts=datetime.date(2026, 1, 1),
        term_ends=datetime.date(2027, 12, 31),
    )
    for user, role in ((secretary, MemberRole.SECRETARY), (chair, MemberRole.CHAIR)):
        if user is not None:
            dialogue.add_member(
                by=SYSTEM,
                group=group,
                name=f"{role} {user.username}",
                role=role,
                origin=Origin.APPOINTED,
                member_kind=MemberKind.REPRESENTATIVE,
                user=user,
                email=user.email or f"{user.username}@example.org",
            )
    return group


def committee_of(organiser: Any, *, member: Any = None) -> DecisionBody:
    body = DecisionBody.objects.create(
        organiser=organiser,
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
        name_sv="Social- och hälsovårdsnämnden",
    )
    if member is not None:
        body.members.add(member)
    return body


def matter_of(
    unit: Any, *, preparer: Any, body: DecisionBody | None = None, title: str = "Kuljetuspalvelu"
) -> Any:
    """An undecided matter of the unit, prepared by `preparer`, carried to `body`."""
    return create_matter(
        by=preparer,
        title=title,
        summary="Kuljetuspalvelun myöntämisperusteet uudistetaan.",
        carrier=preparer,
        target_body=body,
        target_office="" if body is not None else "Palvelujohtaja",
        unit=unit,
    )


def preparer_of(unit: Any) -> Any:
    user = user_with_role("staff", unit=unit)
    user.email = f"valmistelija-{user.pk}@example.org"
    user.save()
    return user


def secretary() -> Any:
    user = user_with_role("resident")
    user.email = f"sihteeri-{user.pk}@example.org"
    user.save()
    return user
