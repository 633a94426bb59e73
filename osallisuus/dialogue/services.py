"""Writes of the dialogue floor: groups, members, meetings and minutes.

Every write asks its permission with the acting user; a broken rule is a `DialogueError`
(osallisuus/errors.py) with the field it belongs to.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError, Problem
from osallisuus.organisation.models import Municipality, Organiser, Producer, Service

from .models import (
    LANGUAGE_KINDS,
    AgeBand,
    AnnualReport,
    Attendance,
    BodyMeeting,
    Draw,
    Group,
    Influence,
    InfluenceAnswer,
    InfluenceResponded,
    Initiative,
    InitiativeStatus,
    Meeting,
    MeetingRule,
    Member,
    MemberKind,
    Origin,
    OwnerKind,
    Post,
    Question,
    QuestionStatus,
    SeatAttendance,
    SeatHolderKind,
    UserSeat,
    Volunteer,
)

MONTHS_IN_YEAR = 12
# Meetings repeat on a day that every month has (February included).
LAST_DAY_OF_EVERY_MONTH = 28

if TYPE_CHECKING:
    from osallisuus.accounts.types import Actor, User


class DialogueError(DomainError):
    """A rule of the dialogue floor the user broke."""


@transaction.atomic
def create_group(
    *,
    by: Actor,
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
    drawn_by_lot: bool = False,
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
        drawn_by_lot=drawn_by_lot,
    )


@transaction.atomic
def add_member(
    *,
    by: Actor,
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
    user: User | None = None,
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
    by: Actor,
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
    by: Actor,
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


# --- Questions from professionals to client panels (#16 item 2) ------------------------------

QUESTION_KIND = "panel_question"


@transaction.atomic
def ask_question(
    *,
    by: User,
    group: Group,
    unit: Any,
    topic: str,
    title: str,
    background: str = "",
    answer_wanted_by: datetime.date,
) -> Question:
    """A professional asks a client panel; its coordinator or secretary takes it from here."""
    from .permissions import units_for_questions

    require(by, "dialogue.ask_question", group)
    if not units_for_questions(by, group).filter(pk=unit.pk).exists():
        raise DialogueError(_("Choose one of your own units."), field="unit")
    if not title.strip():
        raise DialogueError(_("Write the question."), field="title")
    if answer_wanted_by < timezone.localdate():
        raise DialogueError(_("The answer date cannot be in the past."), field="answer_wanted_by")
    return Question.objects.create(
        group=group,
        asked_by=by,
        unit=unit,
        topic=topic,
        title=title.strip(),
        background=background.strip(),
        answer_wanted_by=answer_wanted_by,
        language=getattr(by, "preferred_language", "fi") or "fi",
    )


@transaction.atomic
def take_up_question(*, by: Actor, question: Question, meeting: Meeting | None) -> Question:
    """Put the question on a meeting's agenda, or open it online (meeting None) for members'
    views between meetings."""
    require(by, "dialogue.handle_question", question)
    if question.status in (QuestionStatus.ANSWERED, QuestionStatus.CLOSED):
        raise DialogueError(_("The question has already been answered."))
    if meeting is not None:
        if meeting.group_id != question.group_id or meeting.minutes_approved_at is not None:
            raise DialogueError(_("Choose a coming meeting of this group."), field="meeting")
        meeting.agenda = "\n".join(filter(None, [meeting.agenda, question.title]))
        meeting.save(update_fields=["agenda"])
    question.meeting = meeting
    question.status = QuestionStatus.ON_AGENDA if meeting else QuestionStatus.ONLINE
    question.save(update_fields=["meeting", "status"])
    return question


@transaction.atomic
def post_view(*, by: User, question: Question, text: str) -> Post:
    """A member's view in the question's thread, while the question is open."""
    from .permissions import membership

    require(by, "dialogue.discuss_question", question)
    member = membership(by, question.group)
    if member is None:  # coordinators steer the thread but speak through the answer
        raise DialogueError(_("Only the group's members write in the thread."), field="text")
    if question.status not in (QuestionStatus.ONLINE, QuestionStatus.ON_AGENDA):
        raise DialogueError(_("The thread is not open."), field="text")
    if not text.strip():
        raise DialogueError(_("Write your view."), field="text")
    return Post.objects.create(question=question, member=member, text=text.strip())


@transaction.atomic
def answer_question(*, by: User, question: Question, answer: str) -> Question:
    """The panel's answer goes back to the asker, who is notified."""
    require(by, "dialogue.handle_question", question)
    if question.status in (QuestionStatus.ANSWERED, QuestionStatus.CLOSED):
        raise DialogueError(_("The question has already been answered."))
    if not answer.strip():
        raise DialogueError(_("Write the panel's answer."), field="answer")
    question.answer = answer.strip()
    question.answered_at = timezone.now()
    question.status = QuestionStatus.ANSWERED
    question.save(update_fields=["answer", "answered_at", "status"])
    _tell_asker(question)
    return question


def _tell_asker(question: Question) -> None:
    from django.urls import reverse
    from django.utils import translation

    from osallisuus.links import absolute_url
    from osallisuus.notifications.services import send_batched

    asker = question.asked_by
    if not asker.email:
        return
    with translation.override(asker.preferred_language or "fi"):
        send_batched(
            channel="email",
            to=asker.email,
            subject=_("The panel answered your question"),
            part=_(
                "%(group)s answered your question “%(title)s”. Record what you did with the "
                "answer: %(url)s"
            )
            % {
                "group": question.group.name,
                "title": question.title,
                "url": absolute_url(reverse("dialogue:question", kwargs={"pk": question.pk})),
            },
            daily=asker.notify_daily,
        )


@transaction.atomic
def close_question(*, by: User, question: Question, outcome: str) -> Question:
    """The asker closes the question with what they did with the answer: a recorded effect on
    the trail, or the reasons (the closing rule of feedback.services, seed 004)."""
    from osallisuus.feedback.services import NO_CHANGE_REASONS_MIN_LENGTH
    from osallisuus.trail.selectors import has_effect

    require(by, "dialogue.close_question", question)
    if question.status != QuestionStatus.ANSWERED:
        raise DialogueError(_("A question is closed after the panel has answered it."))
    outcome = outcome.strip()
    if not has_effect(QUESTION_KIND, question.pk) and len(outcome) < NO_CHANGE_REASONS_MIN_LENGTH:
        raise DialogueError(
            _(
                "Close the question with an effect (a done action or a decided matter on the "
                "trail) or write what you did with the answer, or why nothing changes."
            ),
            field="outcome",
        )
    question.outcome = outcome
    question.closed_at = timezone.now()
    question.status = QuestionStatus.CLOSED
    question.save(update_fields=["outcome", "closed_at", "status"])
    return question


@transaction.atomic
def answer_influence(*, by: User, meeting: Meeting, answer: str) -> None:
    """ "Did you feel your views had an effect?": once per member and meeting; the answer is
    stored apart from who gave it."""
    from .permissions import membership

    require(by, "dialogue.answer_influence", meeting.group)
    member = membership(by, meeting.group)
    if member is None or meeting.starts_at > timezone.now():
        raise DialogueError(_("You can answer after a meeting of your group."))
    _responded, made = InfluenceResponded.objects.get_or_create(meeting=meeting, member=member)
    if not made:
        raise DialogueError(_("You have already answered for this meeting."))
    if answer not in Influence.values:
        raise DialogueError(_("Choose an answer."), field="answer")
    InfluenceAnswer.objects.create(meeting=meeting, answer=answer, answered_on=timezone.localdate())


# --- User seats on the county's decision-making bodies (#16 item 5) ---------------------------

# What the pool request for a seat's fees asks: a working group's meeting of a few hours, on
# site; the expert claims each meeting's hours and travel on the assignment (#5's claims).
SEAT_MEETING_HOURS = Decimal("3")


@transaction.atomic
def create_user_seat(
    *,
    by: User,
    body: Any,
    holder_kind: str,
    holder_name: str,
    proposed_by: str,
    support_person: str,
    term_starts: datetime.date,
    term_ends: datetime.date | None = None,
    expert: Any = None,
    pay_fees: bool = True,
) -> UserSeat:
    """Give a service-user representative or an expert by experience a seat on a body of the
    register (Act 611/2021 § 29). An expert's fees go through the pool: with `pay_fees` they
    are invited to a working-group request for the seat, and claim on its assignment."""
    require(by, "dialogue.manage_user_seats")
    problems = []
    if not holder_name.strip():
        problems.append(Problem(_("Write the name of the seat's holder."), field="holder_name"))
    if not proposed_by.strip():
        problems.append(Problem(_("Write who proposed the holder."), field="proposed_by"))
    if not support_person.strip():
        problems.append(Problem(_("Name the holder's support person."), field="support_person"))
    if term_ends is not None and term_ends < term_starts:
        problems.append(Problem(_("The term cannot end before it starts."), field="term_ends"))
    if holder_kind == SeatHolderKind.EXPERT and expert is None:
        problems.append(
            Problem(_("Give the account of an expert in the pool."), field="expert_username")
        )
    if problems:
        raise DialogueError.of(problems)
    if holder_kind != SeatHolderKind.EXPERT:
        expert = None
    seat = UserSeat.objects.create(
        body=body,
        holder_kind=holder_kind,
        holder_name=holder_name.strip(),
        expert=expert,
        proposed_by=proposed_by.strip(),
        support_person=support_person.strip(),
        term_starts=term_starts,
        term_ends=term_ends,
        created_by=by,
    )
    if expert is not None and pay_fees:
        seat.fee_request = _ask_pool_for_seat(seat=seat, expert=expert, by=by)
        seat.save(update_fields=["fee_request"])
    return seat


def _ask_pool_for_seat(*, seat: UserSeat, expert: Any, by: User) -> Any:
    from osallisuus.experts import services as experts
    from osallisuus.experts.models import AssignmentType, ExpertRole, Mode

    starts = datetime.datetime.combine(seat.term_starts, datetime.time(9))
    request = experts.file_request(
        by=by,
        areas=[],
        topic=_("User seat: %(body)s") % {"body": seat.body.name},
        assignment_type=AssignmentType.WORKING_GROUP,
        description=_("Meetings of %(body)s during the term of the seat.")
        % {"body": seat.body.name},
        starts_at=timezone.make_aware(starts),
        mode=Mode.ONSITE,
        duration_hours=SEAT_MEETING_HOURS,
        role=ExpertRole.EXPERT,
        people_needed=1,
    )
    experts.invite(request=request, profiles=[expert], by=by)
    return request


@transaction.atomic
def record_seat_attendance(
    *, by: User, body: Any, held_on: datetime.date, present: Iterable[UserSeat]
) -> BodyMeeting:
    """Who of the body's user seats attended its meeting; recording the day again corrects it."""
    from .selectors import seats_in_term

    require(by, "dialogue.manage_user_seats")
    if held_on > timezone.localdate():
        raise DialogueError(_("Record attendance after the meeting."), field="held_on")
    seats = list(seats_in_term(body, on=held_on))
    if not seats:
        raise DialogueError(
            _("The body has no user seat in its term on that day."), field="held_on"
        )
    present_ids = {seat.pk for seat in present}
    if present_ids - {seat.pk for seat in seats}:
        raise DialogueError(_("Choose among the body's user seats."), field="present")
    meeting, _made = BodyMeeting.objects.get_or_create(body=body, held_on=held_on)
    meeting.attendance.all().delete()
    SeatAttendance.objects.bulk_create(
        SeatAttendance(meeting=meeting, seat=seat, present=seat.pk in present_ids) for seat in seats
    )
    return meeting


# --- The panel's own initiatives to a service (#16 item 2) -------------------------------------

INITIATIVE_KIND = "panel_initiative"


@transaction.atomic
def raise_initiative(
    *,
    by: User,
    group: Group,
    service: Service,
    title: str,
    background: str = "",
    answer_wanted_by: datetime.date,
) -> Initiative:
    """The panel raises a development need to a service, with the date it wants the answer by."""
    require(by, "dialogue.raise_initiative", group)
    if not title.strip():
        raise DialogueError(_("Write the development need."), field="title")
    if answer_wanted_by < timezone.localdate():
        raise DialogueError(_("The answer date cannot be in the past."), field="answer_wanted_by")
    return Initiative.objects.create(
        group=group,
        service=service,
        title=title.strip(),
        background=background.strip(),
        answer_wanted_by=answer_wanted_by,
        language=getattr(by, "preferred_language", "fi") or "fi",
        raised_by=by,
    )


@transaction.atomic
def answer_initiative(*, by: User, initiative: Initiative, answer: str) -> Initiative:
    """The service answers; the answer goes back to the panel (its members with an e-mail
    address), the channel the trail also uses to tell the panel of later steps."""
    require(by, "dialogue.answer_initiative", initiative)
    if initiative.status == InitiativeStatus.ANSWERED:
        raise DialogueError(_("The initiative has already been answered."))
    if not answer.strip():
        raise DialogueError(_("Write the service's answer."), field="answer")
    initiative.answer = answer.strip()
    initiative.answered_by = by if getattr(by, "pk", None) else None
    initiative.answered_at = timezone.now()
    initiative.status = InitiativeStatus.ANSWERED
    initiative.save(update_fields=["answer", "answered_by", "answered_at", "status"])
    tell_panel(initiative, answer=True)
    return initiative


def tell_panel(
    initiative: Initiative, *, texts: dict[str, str] | None = None, answer: bool = False
) -> int:
    """E-mail the panel's current members a step of their initiative, each in their language
    (in their one message of the day when they have an account that asks for it); return how
    many were told. `texts` are a trail step's public texts; `answer` tells of the answer."""
    from django.urls import reverse
    from django.utils import translation

    from osallisuus.links import absolute_url
    from osallisuus.notifications.services import send_batched

    url = absolute_url(reverse("dialogue:initiative", kwargs={"pk": initiative.pk}))
    told = 0
    seats = initiative.group.members.filter(left_on__isnull=True).select_related("user")
    for member in seats:
        email = member.email or (member.user.email if member.user else "")
        if not email:
            continue
        language = (member.user.preferred_language if member.user else "") or member.language
        language = language if language in ("fi", "sv", "en") else "fi"
        with translation.override(language):
            if answer:
                text = _("%(service)s answered the panel's initiative “%(title)s”: %(url)s") % {
                    "service": initiative.service.name,
                    "title": initiative.title,
                    "url": url,
                }
            else:
                step = (texts or {}).get(language) or (texts or {}).get("fi") or ""
                if not step:
                    continue
                text = _("News on the panel's initiative “%(title)s”: %(text)s %(url)s") % {
                    "title": initiative.title,
                    "text": step,
                    "url": url,
                }
            send_batched(
                channel="email",
                to=email,
                subject=initiative.title,
                part=text,
                daily=bool(member.user and member.user.notify_daily),
            )
        told += 1
    return told


# --- Resident panels drawn by lot (#16 item 2) --------------------------------------------------


@transaction.atomic
def volunteer(
    *, by: User, group: Group, age_band: str, municipality: Municipality, language: str
) -> Volunteer:
    """A participant signs up to be drawn into the panel."""
    if not group.drawn_by_lot:
        raise DialogueError(_("This group does not draw its members by lot."))
    if not getattr(by, "is_authenticated", False):
        raise DialogueError(_("Sign in to volunteer."))
    if age_band not in AgeBand.values or age_band == AgeBand.UNKNOWN:
        raise DialogueError(_("Choose your age band."), field="age_band")
    if municipality.organiser_id != group.organiser_id:
        raise DialogueError(_("Choose a municipality of the county."), field="municipality")
    if group.volunteers.filter(user=by).exists():
        raise DialogueError(_("You have already signed up for this draw."))
    return Volunteer.objects.create(
        group=group, user=by, age_band=age_band, municipality=municipality, language=language
    )


@transaction.atomic
def draw_members(*, by: User, group: Group, seed: str, size: int) -> Draw:
    """Draw `size` members from the volunteers, stratified by age band, municipality and
    language, with a published seed (sortition.py); the drawn get a seat (origin: lot)."""
    from .selectors import draw_list
    from .sortition import draw

    require(by, "dialogue.run_group", group)
    if not group.drawn_by_lot:
        raise DialogueError(_("This group does not draw its members by lot."))
    seed = seed.strip()
    if not seed:
        raise DialogueError(_("Give the seed of the draw."), field="seed")
    listed = draw_list(group)
    if size < 1 or size > len(listed):
        raise DialogueError(
            _("Draw at least one and at most %(count)s members (the volunteers).")
            % {"count": len(listed)},
            field="size",
        )
    outcome = draw([key for _v, key in listed], seed=seed, size=size)
    record = Draw.objects.create(
        group=group,
        seed=seed,
        size=size,
        volunteers=[[v.pk, key] for v, key in listed],
        strata=[
            {"key": key, "volunteers": count, "seats": seats}
            for key, (count, seats) in outcome.quotas.items()
        ],
        drawn=outcome.drawn,
        drawn_by=by if getattr(by, "pk", None) else None,
    )
    for number in outcome.drawn:
        chosen = listed[number - 1][0]
        person = chosen.user
        add_member(
            by=by,
            group=group,
            name=person.get_full_name() or person.get_username(),
            origin=Origin.LOT,
            member_kind=MemberKind.RESIDENT,
            age_band=chosen.age_band,
            municipality=chosen.municipality,
            language=chosen.language,
            publish_name=False,  # asked of each drawn member separately
            email=person.email or "",
            user=person,
        )
    return record


# --- Recurring meetings (#16 item 3) ------------------------------------------------------------


@transaction.atomic
def add_meeting_rule(
    *,
    by: Actor,
    group: Group,
    description: str,
    months: Iterable[int],
    day: int,
    time: datetime.time,
    place: str = "",
    remote_link: str = "",
) -> MeetingRule:
    """A rule such as "twice a year, spring and autumn": months 4 and 10, on a day and time."""
    require(by, "dialogue.run_group", group)
    chosen = sorted({int(month) for month in months})
    if not chosen or any(not 1 <= month <= MONTHS_IN_YEAR for month in chosen):
        raise DialogueError(_("Choose the months of the meetings."), field="months")
    if not 1 <= day <= LAST_DAY_OF_EVERY_MONTH:
        raise DialogueError(_("Choose a day from 1 to 28."), field="day")
    if not place.strip() and not remote_link.strip():
        raise DialogueError(
            _("Give the place of the meeting, a remote link or both."), field="place"
        )
    return MeetingRule.objects.create(
        group=group,
        description=description.strip(),
        months=chosen,
        day=day,
        time=time,
        place=place.strip(),
        remote_link=remote_link.strip(),
    )


@transaction.atomic
def plan_meetings(*, today: datetime.date) -> list[Meeting]:
    """Create, as drafts, every meeting the rules give from tomorrow to the end of next year
    within the group's term; a meeting a rule already created is never created again (run it
    daily or monthly: a second run creates nothing new)."""
    made: list[Meeting] = []
    rules = MeetingRule.objects.select_related("group").order_by("pk")
    for rule in rules:
        group = rule.group
        for year in (today.year, today.year + 1):
            for month in rule.months:
                day = datetime.date(year, month, rule.day)
                if day <= today or (group.term_ends is not None and day > group.term_ends):
                    continue
                starts_at = timezone.make_aware(datetime.datetime.combine(day, rule.time))
                if rule.meetings.filter(starts_at=starts_at).exists():
                    continue
                made.append(
                    Meeting.objects.create(
                        group=group,
                        rule=rule,
                        starts_at=starts_at,
                        place=rule.place,
                        remote_link=rule.remote_link,
                        agenda_published=False,
                    )
                )
    return made


# --- Language committees' annual reports (#16 item 4, Act 611/2021 § 33) ------------------------


@transaction.atomic
def record_annual_report(
    *,
    by: User,
    group: Group,
    year: int,
    due_on: datetime.date,
    submitted_on: datetime.date | None = None,
) -> AnnualReport:
    """Record when a language committee's report on `year` is due to the board and, once it is,
    when it was submitted (the committee's secretary or a coordinator)."""
    require(by, "dialogue.run_group", group)
    if group.kind not in LANGUAGE_KINDS:
        raise DialogueError(_("Only language committees report to the board every year."))
    if submitted_on is not None and submitted_on > timezone.localdate():
        raise DialogueError(_("The date cannot be in the future."), field="submitted_on")
    report, _made = AnnualReport.objects.update_or_create(
        group=group, year=year, defaults={"due_on": due_on, "submitted_on": submitted_on}
    )
    return report
