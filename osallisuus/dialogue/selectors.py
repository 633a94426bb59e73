"""Reads of the dialogue floor: public group pages, composition counts, members' contacts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from osallisuus.audit.services import Action, record_bulk_access

from .models import (
    AgeBand,
    BodyMeeting,
    Group,
    GroupKind,
    Influence,
    Initiative,
    InitiativeStatus,
    Meeting,
    Member,
    MemberKind,
    Question,
    UserSeat,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User


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


def member_list(group: Group, *, drafts: bool) -> QuerySet[Member]:
    """The members a group page lists: those who agreed to be named; in the network of
    experiential expertise the whole list, people and organisations, for its members only
    (`drafts`: the reader is a member or runs the group)."""
    if group.kind == GroupKind.EXPERTISE_NETWORK:
        if not drafts:
            return current_members(group).none()
        return current_members(group).order_by("member_kind", "name")
    return published_members(group)


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


def member_contacts(*, by: User, group: Group, path: str = "") -> list[Member]:
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


def questions_visible_to(user: MaybeUser) -> QuerySet[Question]:
    """Questions the user may follow: those of the units they handle, of the groups they sit
    in, or all for coordinators (the rule dialogue.view_question, as a query)."""
    from django.db.models import Q

    from osallisuus.accounts.models import Role
    from osallisuus.accounts.selectors import roles_of, units_handled_by

    questions = Question.objects.select_related("group", "unit", "asked_by")
    if not user.is_authenticated:
        return questions.none()
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return questions
    seats = Member.objects.filter(user=user, left_on__isnull=True).values("group_id")
    return questions.filter(Q(unit__in=units_handled_by(user)) | Q(group_id__in=seats))


def access_question(*, user: User, pk: int) -> Question:
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


# --- Statutory influence bodies (#16 item 4) ---------------------------------------------------


@dataclass(frozen=True)
class BodyState:
    """One influence body as the overview shows it: a help for those who run them, never a
    refusal."""

    group: Group
    in_term: bool
    term_ended: bool
    decision_recorded: bool
    # Municipalities of the county from which the body has no current member (§ 32 bodies).
    municipalities_without_member: list[str]
    # Years whose annual report to the board is past its due date (§ 33 language committees).
    reports_overdue: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class KindState:
    """One kind of body the county should have: the bodies of that kind and whether any is in
    its term."""

    kind: str
    label: str
    bodies: list[BodyState]

    @property
    def missing(self) -> bool:
        return not self.bodies

    @property
    def none_in_term(self) -> bool:
        return bool(self.bodies) and not any(body.in_term for body in self.bodies)


def required_body_kinds(organiser: Any) -> list[str]:
    """The influence bodies the county should have: the three of Act 611/2021 § 32, and the
    language committees of § 33 where the county is bilingual or has the Sámi homeland."""
    from osallisuus.organisation.models import Municipality

    from .models import SAMI_HOMELAND_MUNICIPALITY_CODES, STATUTORY_KINDS

    kinds = [str(kind) for kind in STATUTORY_KINDS]
    if organiser.bilingual:
        kinds.append(GroupKind.LANGUAGE_COMMITTEE)
    if Municipality.objects.filter(
        organiser=organiser, code__in=SAMI_HOMELAND_MUNICIPALITY_CODES
    ).exists():
        kinds.append(GroupKind.SAMI_LANGUAGE_COMMITTEE)
    return kinds


def _body_state(group: Group, *, today: date, municipalities: dict[int, str]) -> BodyState:
    from .models import STATUTORY_KINDS

    seats = [m for m in group.members.all() if m.left_on is None]
    missing: list[str] = []
    if group.kind in STATUTORY_KINDS:
        present = {m.municipality_id for m in seats}
        missing = [name for pk, name in municipalities.items() if pk not in present]
    ended = group.term_ends is not None and group.term_ends < today
    return BodyState(
        group=group,
        in_term=group.term_starts <= today and not ended,
        term_ended=ended,
        decision_recorded=group.decided_on is not None,
        municipalities_without_member=sorted(missing),
        reports_overdue=sorted(r.year for r in group.annual_reports.all() if r.is_overdue(today)),
    )


def body_state(group: Group, *, today: date) -> BodyState:
    """The warnings of one body's page: out of term, no board decision, municipalities with no
    member."""
    municipalities = {m.pk: m.name for m in group.organiser.municipalities.all()}
    return _body_state(group, today=today, municipalities=municipalities)


def influence_body_overview(*, organiser: Any, today: date) -> list[KindState]:
    """Which influence bodies the county has, which are missing, which are out of term, and
    from which municipalities a § 32 body has no member: a fixed number of queries."""
    from django.db.models import Prefetch

    from .models import LANGUAGE_KINDS, STATUTORY_KINDS

    required = required_body_kinds(organiser)
    kinds = [*required, *(k for k in (*STATUTORY_KINDS, *LANGUAGE_KINDS) if k not in required)]
    groups = (
        Group.objects.filter(organiser=organiser, kind__in=kinds)
        .select_related("organiser")
        .prefetch_related(
            Prefetch("members", queryset=Member.objects.filter(left_on__isnull=True)),
            "annual_reports",
        )
        .order_by("-term_starts", "name_fi")
    )
    municipalities = {m.pk: m.name for m in organiser.municipalities.all()}
    by_kind: dict[str, list[BodyState]] = {kind: [] for kind in kinds}
    for group in groups:
        by_kind[group.kind].append(_body_state(group, today=today, municipalities=municipalities))
    return [
        KindState(kind=kind, label=kind_label(kind), bodies=by_kind[kind])
        for kind in kinds
        if kind in required or by_kind[kind]
    ]


# --- User seats on the county's decision-making bodies (#16 item 5) ---------------------------


def seats_in_term(body: Any, *, on: date) -> QuerySet[UserSeat]:
    """The body's user seats whose term covers the day."""
    from django.db.models import Q

    return UserSeat.objects.filter(body=body, term_starts__lte=on).filter(
        Q(term_ends__isnull=True) | Q(term_ends__gte=on)
    )


def access_seat_body(*, pk: int) -> Any:
    """An active body of the trail's register, or "not found"."""
    from osallisuus.trail.matters.selectors import decision_bodies

    body = decision_bodies().filter(pk=pk).first()
    if body is None:
        raise Http404
    return body


@dataclass(frozen=True)
class SeatRow:
    """One user seat in the register, with its attendance."""

    seat: UserSeat
    in_term: bool
    meetings: int
    attended: int
    # The pool's assignment for the seat's fees once the expert has accepted, else None.
    assignment: Any


@dataclass(frozen=True)
class MeetingRow:
    meeting: BodyMeeting
    present: int
    seats: int


@dataclass(frozen=True)
class BodySeats:
    """A body of the register: its user seats and the attendance at each of its meetings."""

    body: Any
    seats: list[SeatRow]
    meetings: list[MeetingRow]

    @property
    def has_seats_in_term(self) -> bool:
        return any(row.in_term for row in self.seats)


def user_seat_register(*, today: date) -> list[BodySeats]:
    """Every active body of the trail's register: which have user seats, who holds them, and
    attendance per meeting; a fixed number of queries however many bodies and seats."""
    from django.db.models import Prefetch

    from osallisuus.trail.matters.selectors import decision_bodies

    bodies = list(
        decision_bodies().prefetch_related(
            Prefetch(
                "user_seats",
                queryset=UserSeat.objects.select_related("expert", "expert__user")
                .prefetch_related("fee_request__assignments")
                .order_by("term_starts", "pk"),
            ),
            Prefetch(
                "seat_meetings",
                queryset=BodyMeeting.objects.prefetch_related("attendance").order_by("-held_on"),
            ),
        )
    )
    register = []
    for body in bodies:
        meetings = list(body.seat_meetings.all())
        marks = [mark for meeting in meetings for mark in meeting.attendance.all()]
        seats = [
            SeatRow(
                seat=seat,
                in_term=seat.term_starts <= today
                and (seat.term_ends is None or seat.term_ends >= today),
                meetings=sum(1 for mark in marks if mark.seat_id == seat.pk),
                attended=sum(1 for mark in marks if mark.seat_id == seat.pk and mark.present),
                assignment=_seat_assignment(seat),
            )
            for seat in body.user_seats.all()
        ]
        rows = [
            MeetingRow(
                meeting=meeting,
                present=sum(1 for mark in meeting.attendance.all() if mark.present),
                seats=len(meeting.attendance.all()),
            )
            for meeting in meetings
        ]
        register.append(BodySeats(body=body, seats=seats, meetings=rows))
    return register


def _seat_assignment(seat: UserSeat) -> Any:
    if seat.fee_request is None:
        return None
    return next(
        (a for a in seat.fee_request.assignments.all() if a.profile_id == seat.expert_id), None
    )


def expert_by_username(username: str) -> Any | None:
    """The pool profile of the account with this user name (experts' own selector)."""
    from osallisuus.experts.selectors import profile_of

    account = account_by_username(username)
    return profile_of(account) if account is not None else None


# --- The panel's own initiatives to a service (#16 item 2) -------------------------------------


def initiatives_visible_to(user: MaybeUser) -> QuerySet[Initiative]:
    """Initiatives the user may follow: coordinators all; staff those to the services of the
    units they handle; members and secretaries those of their own groups (the rule
    dialogue.view_initiative, as a query)."""
    from django.db.models import Q

    from osallisuus.accounts.models import Role
    from osallisuus.accounts.selectors import roles_of, units_handled_by

    initiatives = Initiative.objects.select_related("group", "service")
    if not user.is_authenticated:
        return initiatives.none()
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return initiatives
    seats = Member.objects.filter(user=user, left_on__isnull=True).values("group_id")
    return initiatives.filter(
        Q(service__in=units_handled_by(user).values("service_id")) | Q(group_id__in=seats)
    )


def access_initiative(*, user: User, pk: int) -> Initiative:
    initiative = initiatives_visible_to(user).filter(pk=pk).first()
    if initiative is None:
        raise Http404
    return initiative


def initiatives_raised_at(*, units: QuerySet[Any], start: date, end: date) -> QuerySet[Initiative]:
    """Initiatives raised from `start` to `end` (both included) to the services of `units`."""
    return Initiative.objects.filter(
        service__in=units.values("service_id"),
        raised_at__date__gte=start,
        raised_at__date__lte=end,
    )


def overdue_initiatives(*, service_ids: list[int] | None, today: date) -> QuerySet[Initiative]:
    """Initiatives whose answer date has passed without an answer, for the services given (all
    when None): a body's briefing lists them."""
    found = Initiative.objects.filter(
        status=InitiativeStatus.SENT, answer_wanted_by__lt=today
    ).select_related("group", "service")
    if service_ids is not None:
        found = found.filter(service_id__in=service_ids)
    return found.order_by("answer_wanted_by", "pk")


# --- Resident panels drawn by lot (#16 item 2) --------------------------------------------------


@dataclass(frozen=True)
class StratumRow:
    key: str
    age_band: str
    municipality: str
    language: str
    volunteers: int
    seats: int


@dataclass(frozen=True)
class PublicDraw:
    """A draw as anyone may check it: seed, strata, the numbered list and the numbers drawn;
    `repeats` is whether doing it again from the stored list gives the same numbers."""

    draw: Any
    strata: list[StratumRow]
    listed: list[tuple[int, str, bool]]  # number, stratum key, drawn
    drawn: list[int]
    repeats: bool


def public_draws(group: Group) -> list[PublicDraw]:
    from osallisuus.organisation.models import Municipality

    from . import sortition

    ages = {k: str(v) for k, v in AgeBand.choices}
    places = {m.code: m.name for m in Municipality.objects.filter(organiser_id=group.organiser_id)}
    found: list[PublicDraw] = []
    for record in group.draws.all():
        keys = [key for _pk, key in record.volunteers]
        rows = []
        for stratum in record.strata:
            age, code, language = stratum["key"].split("|")
            rows.append(
                StratumRow(
                    key=stratum["key"],
                    age_band=ages.get(age, age),
                    municipality=places.get(code, code),
                    language=LANGUAGE_LABELS.get(language, language),
                    volunteers=stratum["volunteers"],
                    seats=stratum["seats"],
                )
            )
        chosen = set(record.drawn)
        again = sortition.draw(keys, seed=record.seed, size=record.size).drawn
        found.append(
            PublicDraw(
                draw=record,
                strata=rows,
                listed=[(n, key, n in chosen) for n, key in enumerate(keys, start=1)],
                drawn=sorted(record.drawn),
                repeats=again == record.drawn,
            )
        )
    return found


def draw_list(group: Group) -> list[tuple[Any, str]]:
    """The volunteers a draw reads, in sign-up order, with their strata: those without a seat
    in the group."""
    from .sortition import stratum_key

    seated = group.members.filter(left_on__isnull=True, user__isnull=False).values("user_id")
    volunteers = (
        group.volunteers.exclude(user__in=seated).select_related("municipality").order_by("pk")
    )
    return [(v, stratum_key(v.age_band, v.municipality.code, v.language)) for v in volunteers]


def volunteer_count(group: Group) -> int:
    return group.volunteers.count()


def has_volunteered(user: MaybeUser, group: Group) -> bool:
    if not user.is_authenticated:
        return False
    return group.volunteers.filter(user=user).exists()
