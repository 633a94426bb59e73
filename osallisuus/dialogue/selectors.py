"""Reads of the dialogue floor: public group pages, composition counts, members' contacts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from osallisuus.audit.services import Action, record_bulk_access

from .models import AgeBand, Group, GroupKind, Meeting, Member, MemberKind


def public_groups(*, kind: str = "") -> QuerySet[Group]:
    """Every group, optionally of one kind: groups and their public data are open to all."""
    groups = Group.objects.select_related("producer", "service")
    if kind:
        groups = groups.filter(kind=kind)
    return groups.order_by("kind", "name_fi")


def access_group(*, pk: int) -> Group:
    group = Group.objects.select_related("organiser", "producer", "service").filter(pk=pk).first()
    if group is None:
        raise Http404
    return group


def access_meeting(*, pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("group").filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def current_members(group: Group) -> QuerySet[Member]:
    return group.members.filter(left_on__isnull=True).select_related("municipality")


def published_members(group: Group) -> QuerySet[Member]:
    """The members whose names may be shown to anyone (their consent)."""
    return current_members(group).filter(publish_name=True).order_by("role", "name")


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class Composition:
    """The group in counts, so that gaps show without naming anyone (#16 item 1)."""

    total: int
    age_bands: list[Count]
    municipalities: list[Count]
    languages: list[Count]
    member_kinds: list[Count]

    def tables(self) -> list[tuple[str, list[Count]]]:
        return [
            (_("Age band"), self.age_bands),
            (_("Municipality"), self.municipalities),
            (_("Language"), self.languages),
            (_("Kind of member"), self.member_kinds),
        ]


LANGUAGE_LABELS = {"fi": "suomi", "sv": "svenska", "se": "sámegiella", "en": "English"}


def composition(group: Group) -> Composition:
    members = list(current_members(group))

    def counted(values: list[Any], labels: dict[Any, str]) -> list[Count]:
        counts = Counter(values)
        return [Count(labels.get(key, str(key)), n) for key, n in counts.most_common()]

    return Composition(
        total=len(members),
        age_bands=counted([m.age_band for m in members], {k: str(v) for k, v in AgeBand.choices}),
        municipalities=counted(
            [m.municipality.name if m.municipality else "–" for m in members], {}
        ),
        languages=counted([m.language for m in members], LANGUAGE_LABELS),
        member_kinds=counted(
            [m.member_kind for m in members], {k: str(v) for k, v in MemberKind.choices}
        ),
    )


def member_contacts(*, by: Any, group: Group, path: str = "") -> list[Member]:
    """The group's members with their contact details, for those who run it: every look is
    written to the audit log, one entry per member shown."""
    members = list(current_members(group).select_related("user", "expert").order_by("name"))
    record_bulk_access(
        actor=by,
        model_label=Member._meta.label_lower,
        object_ids=[str(member.pk) for member in members],
        action=Action.VIEW,
        path=path,
    )
    return members


def kind_label(kind: str) -> str:
    return str(dict(GroupKind.choices).get(kind, ""))


def account_by_username(username: str) -> Any | None:
    """The active account with this user name, for linking a seat to it."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username.strip(), is_active=True).first()
