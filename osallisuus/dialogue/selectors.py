"""Reads of the dialogue floor: public group pages, composition counts, members' contacts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from osallisuus.audit.services import Action, record_bulk_access

from .models import AgeBand, Group, GroupKind, Influence, Meeting, Member, MemberKind, Question


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


def questions_visible_to(user: Any) -> QuerySet[Question]:
    """Questions the user may follow: those of the units they handle, of the groups they sit
    in, or all for coordinators (the rule dialogue.view_question, as a query)."""
    from django.db.models import Q

    from osallisuus.accounts.models import Role
    from osallisuus.accounts.selectors import roles_of, units_handled_by

    questions = Question.objects.select_related("group", "unit", "asked_by")
    if not getattr(user, "is_authenticated", False):
        return questions.none()
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return questions
    seats = Member.objects.filter(user=user, left_on__isnull=True).values("group_id")
    return questions.filter(Q(unit__in=units_handled_by(user)) | Q(group_id__in=seats))


def access_question(*, user: Any, pk: int) -> Question:
    question = questions_visible_to(user).filter(pk=pk).first()
    if question is None:
        raise Http404
    return question


def influence_summary(meeting: Meeting) -> dict[str, int]:
    """How many answered each way, for the evaluation figures (no one's answer is known)."""
    counts = Counter(meeting.influence.values_list("answer", flat=True))
    return {value: counts.get(value, 0) for value in Influence.values}


def coming_meetings(group: Group) -> QuerySet[Meeting]:
    """Meetings whose minutes are not yet approved: a question can still go on their agenda."""
    return group.meetings.filter(minutes_approved_at__isnull=True).order_by("starts_at")


def questions_asked_at(*, units: QuerySet[Any], start: date, end: date) -> QuerySet[Question]:
    """Questions asked to panels on behalf of `units` from `start` to `end`, both days included
    (in local time): the base of the trail figures."""
    return Question.objects.filter(
        unit__in=units, asked_at__date__gte=start, asked_at__date__lte=end
    )
