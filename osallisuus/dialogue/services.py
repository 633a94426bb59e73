"""Writes of the dialogue floor: groups, members, meetings and minutes.

Every write asks its permission with the acting user; a broken rule is a `DialogueError`
(osallisuus/errors.py) with the field it belongs to.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError
from osallisuus.organisation.models import Municipality, Organiser, Producer, Service

from .models import AgeBand, Attendance, Group, Meeting, Member, OwnerKind


class DialogueError(DomainError):
    """A rule of the dialogue floor the user broke."""


@transaction.atomic
def create_group(
    *,
    by: Any,
    organiser: Organiser,
    kind: str,
    name_fi: str,
    name_sv: str = "",
    name_en: str = "",
    term_starts: datetime.date,
    term_ends: datetime.date | None = None,
    owner_kind: str = OwnerKind.COUNTY,
    producer: Producer | None = None,
    service: Service | None = None,
    partner_name: str = "",
    description: str = "",
    decided_on: datetime.date | None = None,
    decision_section: str = "",
) -> Group:
    """Set up a standing group of any kind."""
    require(by, "dialogue.add_group")
    if term_ends is not None and term_ends < term_starts:
        raise DialogueError(_("The term cannot end before it starts."), field="term_ends")
    if owner_kind == OwnerKind.PRODUCER and producer is None:
        raise DialogueError(_("Choose the producer that runs the group."), field="producer")
    if owner_kind == OwnerKind.PARTNER and not partner_name.strip():
        raise DialogueError(_("Write the name of the partner organisation."), field="partner_name")
    return Group.objects.create(
        organiser=organiser,
        kind=kind,
        name_fi=name_fi.strip(),
        name_sv=name_sv.strip(),
        name_en=name_en.strip(),
        term_starts=term_starts,
        term_ends=term_ends,
        owner_kind=owner_kind,
        producer=producer if owner_kind == OwnerKind.PRODUCER else None,
        service=service,
        partner_name=partner_name.strip() if owner_kind == OwnerKind.PARTNER else "",
        description=description.strip(),
        decided_on=decided_on,
        decision_section=decision_section.strip(),
    )


@transaction.atomic
def add_member(
    *,
    by: Any,
    group: Group,
    name: str,
    origin: str,
    member_kind: str,
    role: str = "member",
    age_band: str = AgeBand.UNKNOWN,
    municipality: Municipality | None = None,
    language: str = "fi",
    represents: str = "",
    publish_name: bool | None = None,
    email: str = "",
    phone: str = "",
    user: Any = None,
    expert: Any = None,
    joined_on: datetime.date | None = None,
) -> Member:
    """Give a person a seat. Without an explicit choice the name is published for adults and
    not for members under 18 (#16 item 1): consent for a child is asked separately."""
    require(by, "dialogue.run_group", group)
    if not name.strip():
        raise DialogueError(_("Write the member's name."), field="name")
    if expert is not None and user is None:
        user = expert.user
    if user is not None and expert is None:
        from osallisuus.experts.selectors import profile_of

        expert = profile_of(user)  # an expert's seat links to their #5 profile
    if user is not None and group.members.filter(user=user, left_on__isnull=True).exists():
        raise DialogueError(_("This account already has a seat in the group."), field="user")
    if publish_name is None:
        publish_name = age_band != AgeBand.UNDER_18
    return Member.objects.create(
        group=group,
        name=name.strip(),
        role=role,
        origin=origin,
        member_kind=member_kind,
        age_band=age_band,
        municipality=municipality,
        language=language,
        represents=represents.strip(),
        publish_name=publish_name,
        email=email.strip(),
        phone=phone.strip(),
        user=user,
        expert=expert,
        joined_on=joined_on or timezone.localdate(),
    )


@transaction.atomic
def schedule_meeting(
    *,
    by: Any,
    group: Group,
    starts_at: datetime.datetime,
    place: str = "",
    remote_link: str = "",
    agenda: str = "",
    agenda_published: bool = False,
) -> Meeting:
    """A meeting in a place, online or both; its agenda stays a draft for members until
    published."""
    require(by, "dialogue.run_group", group)
    if not place.strip() and not remote_link.strip():
        raise DialogueError(
            _("Give the place of the meeting, a remote link or both."), field="place"
        )
    return Meeting.objects.create(
        group=group,
        starts_at=starts_at,
        place=place.strip(),
        remote_link=remote_link.strip(),
        agenda=agenda.strip(),
        agenda_published=agenda_published,
    )


@transaction.atomic
def record_minutes(
    *,
    by: Any,
    meeting: Meeting,
    minutes: str,
    present: Iterable[Member],
    approve: bool = False,
) -> Meeting:
    """Write the minutes and the attendance; approved minutes are public and no longer change."""
    require(by, "dialogue.run_group", meeting.group)
    if meeting.minutes_approved_at is not None:
        raise DialogueError(_("These minutes are approved and can no longer be changed."))
    if approve and not minutes.strip():
        raise DialogueError(_("Write the minutes before approving them."), field="minutes")
    present_ids = {member.pk for member in present}
    seats = list(meeting.group.members.filter(left_on__isnull=True))
    if present_ids - {member.pk for member in seats}:
        raise DialogueError(_("Only the group's members can be marked present."), field="present")
    meeting.attendance.all().delete()
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, member=member, present=member.pk in present_ids)
        for member in seats
    )
    meeting.minutes = minutes.strip()
    if approve:
        meeting.minutes_approved_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_approved_at"])
    return meeting
