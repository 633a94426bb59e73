"""Reads of co-development: projects in the user's scope, the group's balance, boards, reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import icalendar
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from osallisuus.links import absolute_url

from .models import (
    CLIENT_SIDE,
    PROFESSIONAL_SIDE,
    STAGE_ORDER,
    Comment,
    GroupRole,
    Member,
    Note,
    Project,
    Registration,
    Stage,
    StageAnswer,
    Vote,
    Workshop,
)
from .stages import questions_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User


def projects_for(
    user: User, *, service_id: int | None = None, stage: str = "", year: int | None = None
) -> QuerySet[Project]:
    """Projects the user may see, newest first, with the list's filters applied."""
    items = Project.objects.visible_to(user).select_related("service")
    if service_id:
        items = items.filter(Q(service_id=service_id) | Q(units__service_id=service_id)).distinct()
    if stage:
        items = items.filter(stage=stage)
    if year:
        items = items.filter(created_at__year=year)
    return items.prefetch_related("units").order_by("-created_at")


def access_project(*, user: User, pk: int) -> Project:
    """Fetch and authorise in one call: 404 for projects outside the user's scope."""
    project = (
        Project.objects.visible_to(user)
        .select_related("service", "decision_maker")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    return project


def access_workshop(*, user: User, pk: int) -> Workshop:
    workshop = Workshop.objects.select_related("project").filter(pk=pk).first()
    if (
        workshop is None
        or not Project.objects.visible_to(user).filter(pk=workshop.project_id).exists()
    ):
        raise Http404
    return workshop


def access_note(*, workshop: Workshop, pk: int) -> Note:
    note = Note.objects.select_related("workshop__project").filter(pk=pk, workshop=workshop).first()
    if note is None:
        raise Http404
    return note


def memberships_of(user: MaybeUser) -> QuerySet[Member]:
    """The groups the person is a member of, with their role in each (their own page)."""
    if not user.is_authenticated:
        return Member.objects.none()
    return (
        Member.objects.filter(user=user)
        .select_related("project__service")
        .order_by("-project__created_at")
    )


def upcoming_workshops_for(user: MaybeUser, *, now: datetime | None = None) -> QuerySet[Workshop]:
    """Meetings still to come in the person's groups, soonest first; `registered` says whether
    they have signed up (they register on the workshop's page)."""
    if not user.is_authenticated:
        return Workshop.objects.none()
    return (
        Workshop.objects.filter(project__members__user=user, ends_at__gte=now or timezone.now())
        .select_related("project")
        .annotate(
            registered=Exists(Registration.objects.filter(workshop=OuterRef("pk"), user=user))
        )
        .order_by("starts_at")
    )


def own_data(user: User) -> dict[str, Any]:
    """A person's groups and meeting registrations, for the download of their own data."""
    registrations = Registration.objects.filter(user=user).select_related("workshop__project")
    return {
        "groups": [
            {
                "project": member.project.title,
                "role": member.role,
                "added_at": member.added_at.isoformat(),
            }
            for member in memberships_of(user)
        ],
        "registrations": [
            {
                "project": r.workshop.project.title,
                "workshop": r.workshop.title,
                "starts_at": r.workshop.starts_at.isoformat(),
                "remote": r.remote,
                "accessibility_needs": r.accessibility_needs,
                "dietary_needs": r.dietary_needs,
                "attended": r.attended,
                "registered_at": r.registered_at.isoformat(),
            }
            for r in registrations.order_by("workshop__starts_at")
        ],
    }


def public_project(pk: int) -> Project | None:
    return Project.objects.filter(pk=pk, is_public=True).select_related("service").first()


def public_projects() -> QuerySet[Project]:
    return Project.objects.filter(is_public=True).select_related("service").order_by("-created_at")


@dataclass
class Balance:
    """Seed 001: leaving out the facilitator, about as many clients as professionals."""

    clients: int
    professionals: int
    facilitators: int

    @property
    def clients_fewer(self) -> bool:
        return self.clients < self.professionals

    @property
    def professionals_fewer(self) -> bool:
        """The other way round is as uneven: the clients' view would drown the practice's."""
        return self.professionals < self.clients


def group_balance(project: Project) -> Balance:
    counts = Counter(project.members.values_list("role", flat=True))
    return Balance(
        clients=sum(counts[role] for role in CLIENT_SIDE),
        professionals=sum(counts[role] for role in PROFESSIONAL_SIDE),
        facilitators=counts[GroupRole.FACILITATOR],
    )


def group_of(project: Project) -> QuerySet[Member]:
    return project.members.select_related("user").order_by("role", "user__last_name")


@dataclass
class StageView:
    value: str
    label: str
    passed: bool
    current: bool
    questions: list[tuple[str, Promise, str]] = field(default_factory=list)


def stages_of(project: Project) -> list[StageView]:
    """Every stage with its guiding questions and the group's answers so far."""
    answers = {(a.stage, a.question): a.text for a in StageAnswer.objects.filter(project=project)}
    current = STAGE_ORDER.index(project.stage)
    return [
        StageView(
            value=stage.value,
            label=str(stage.label),
            passed=index < current,
            current=index == current,
            questions=[
                (key, q, answers.get((stage.value, key), "")) for key, q in questions_of(stage)
            ],
        )
        for index, stage in enumerate(Stage)
    ]


def board_columns(workshop: Workshop) -> list[Any]:
    """Columns with their notes, each note's vote count and comments: a fixed number of queries."""
    notes = (
        Note.objects.annotate(vote_count=Count("votes"))
        .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("author")))
        .select_related("author")
    )
    return list(workshop.columns.prefetch_related(Prefetch("notes", queryset=notes)))


def my_votes(workshop: Workshop, user: User) -> Counter[int]:
    return Counter(
        Vote.objects.filter(note__workshop=workshop, voter=user).values_list("note_id", flat=True)
    )


# Several app processes write at once; a cursor read a moment before a slow commit must not
# miss that commit's notes, so each poll looks a little back and the browser skips repeats.
POLL_OVERLAP = timedelta(seconds=10)


def notes_changed_since(workshop: Workshop, since: datetime | None) -> QuerySet[Note]:
    notes = (
        Note.objects.filter(workshop=workshop)
        .annotate(vote_count=Count("votes"))
        .select_related("author", "column")
        .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("author")))
    )
    if since is not None:
        notes = notes.filter(updated_at__gt=since - POLL_OVERLAP)
    return notes.order_by("updated_at", "pk")


def workshop_calendar(workshop: Workshop) -> str:
    """The workshop as an iCalendar event (RFC 5545) for invitations and the download."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Osallisuus//codevelopment//FI")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    host = str(settings.SITE_URL).split("//")[-1].split("/")[0].split(":")[0] or "osallisuus"
    event.add("uid", f"workshop-{workshop.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", workshop.starts_at)
    event.add("dtend", workshop.ends_at)
    event.add("summary", workshop.title)
    location = ", ".join(part for part in (workshop.place, workshop.remote_link) if part)
    event.add("location", location)
    description = "\n\n".join(part for part in (workshop.agenda, workshop.pre_tasks) if part)
    event.add("description", description)
    event.add("url", absolute_url(workshop.get_absolute_url()))
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode()


@dataclass
class ProjectReport:
    participants_by_role: list[tuple[str, int]]
    notes_by_role: list[tuple[str, int]]
    votes_by_role: list[tuple[str, int]]
    ideas: list[Any]
    workshops: list[Workshop]


def project_report(project: Project) -> ProjectReport:
    """Whose knowledge shaped the result: participants, notes and votes by role; top ideas."""
    labels = dict(GroupRole.choices)
    members = Counter(project.members.values_list("role", flat=True))
    notes = Counter(
        Note.objects.filter(workshop__project=project).values_list("author_role", flat=True)
    )
    roles_of_voters = dict(project.members.values_list("user_id", "role"))
    votes = Counter(
        roles_of_voters.get(voter, GroupRole.FACILITATOR)
        for voter in Vote.objects.filter(note__workshop__project=project).values_list(
            "voter_id", flat=True
        )
    )
    ideas = list(
        Note.objects.filter(workshop__project=project)
        .annotate(vote_count=Count("votes"))
        .select_related("column", "workshop")
        .order_by("-vote_count", "created_at")[:50]
    )
    # An anonymous note's role would name its author when fewer than the public pages'
    # smallest group took part in that role (#21 item 12): then the role is not shown.
    minimum = int(settings.PUBLIC_MIN_ANSWERS)
    for note in ideas:
        note.shown_role = (  # type: ignore[attr-defined]
            _("not shown: fewer than %(n)s in this role") % {"n": minimum}
            if note.anonymous and members[note.author_role] < minimum
            else note.get_author_role_display()
        )
    return ProjectReport(
        participants_by_role=[(str(labels[r]), members[r]) for r in GroupRole.values],
        notes_by_role=[(str(labels[r]), notes[r]) for r in GroupRole.values],
        votes_by_role=[(str(labels[r]), votes[r]) for r in GroupRole.values],
        ideas=ideas,
        workshops=list(project.workshops.all()),
    )


def stage_changes(project: Project) -> QuerySet[Any]:
    return project.stage_changes.select_related("by")


# --- The trail's input kinds (trail_kind.py) ---------------------------------------------------


def notes_visible_to(user: User) -> QuerySet[Note]:
    """Board notes of the workshops of projects the user may see."""
    return Note.objects.filter(workshop__project__in=Project.objects.visible_to(user).values("pk"))


def notes_by_pk(pks: list[int]) -> QuerySet[Note]:
    return Note.objects.filter(pk__in=pks).select_related("workshop__project")


def _dated(field: str, start: date, end: date) -> dict[str, date]:
    return {f"{field}__date__gte": start, f"{field}__date__lte": end}


def notes_given_at(*, units: QuerySet[Any], start: date, end: date) -> QuerySet[Note]:
    """Board notes written from `start` to `end` in workshops of projects for `units`."""
    projects = Project.objects.filter(units__in=units).values("pk")
    return Note.objects.filter(workshop__project__in=projects, **_dated("created_at", start, end))


def outcomes_given_at(*, units: QuerySet[Any], start: date, end: date) -> QuerySet[Project]:
    """Projects for `units` whose outcome was sent (or, unsent, written) in the period."""
    dated = Q(**_dated("proposal_sent_at", start, end)) | Q(
        proposal_sent_at__isnull=True, **_dated("created_at", start, end)
    )
    return projects_with_outcomes().filter(
        dated, pk__in=Project.objects.filter(units__in=units).values("pk")
    )


def projects_with_outcomes() -> QuerySet[Project]:
    """Projects whose trial results or decision proposal are written: their outcome is one input."""
    return Project.objects.exclude(trial_results="", proposal="")


def project_outcomes_visible_to(user: User) -> QuerySet[Project]:
    return projects_with_outcomes().filter(pk__in=Project.objects.visible_to(user).values("pk"))


def member_addresses(project_id: int) -> list[tuple[str, str]]:
    """(e-mail, language) of the group's members who have an address: how a group is told."""
    return [
        (email, language or "fi")
        for email, language in Member.objects.filter(project_id=project_id)
        .exclude(user__email="")
        .values_list("user__email", "user__preferred_language")
        .distinct()
    ]


def proposals_awaiting(
    *, decider_ids: list[int], service_ids: list[int] | None
) -> QuerySet[Project]:
    """Decision proposals sent to one of `decider_ids` and not decided, and not yet carried as
    a matter (a carried one is on the trail already): what a body's briefing lists as waiting.
    `service_ids` limits them to the body's services (None: the whole county)."""
    projects = projects_with_outcomes().filter(
        proposal_sent_at__isnull=False, decision="", matter__isnull=True
    )
    projects = projects.filter(decision_maker__in=decider_ids)
    if service_ids is not None:
        projects = projects.filter(service__in=service_ids)
    return projects.order_by("proposal_sent_at", "pk")
