"""Writes of co-development: projects, stages, the group, workshops, the board and decisions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from osallisuus.authorization import SYSTEM, require
from osallisuus.errors import DomainError
from osallisuus.feedback.models import Feedback, Status
from osallisuus.feedback.services import move_feedback
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email
from osallisuus.organisation.models import Service, Unit
from osallisuus.trail.matters.selectors import matter_is_decided

from .models import (
    STAGE_ORDER,
    Column,
    Comment,
    Decision,
    GroupRole,
    Material,
    Member,
    Note,
    Project,
    Registration,
    Stage,
    StageAnswer,
    StageChange,
    Vote,
    Workshop,
)
from .permissions import role_on_board
from .stages import questions_of

# A decision other than 'accepted' gives its reasons in a few sentences at least (seed 004).
MIN_REASONS_LENGTH = 20

if TYPE_CHECKING:
    from osallisuus.accounts.types import Actor, User


class CodevelopmentError(DomainError):
    """A write on a project, workshop or board that was refused. Nothing has been stored."""


# --- Projects --------------------------------------------------------------------------------


@transaction.atomic
def create_project(
    *,
    by: User,
    title: str,
    target: str,
    service: Service | None = None,
    units: Iterable[Unit] = (),
    feedback: Iterable[Feedback] = (),
    is_public: bool = False,
    public_summary: str = "",
) -> Project:
    """Start a project; whoever starts it facilitates it until someone else is named."""
    units = list(units)
    if service is None and not units:
        raise CodevelopmentError(_("Choose the service or at least one unit."), field="units")
    project = Project.objects.create(
        title=title.strip(),
        target=target.strip(),
        service=service,
        is_public=is_public,
        public_summary=public_summary.strip(),
        created_by=by,
    )
    project.units.set(units)
    project.feedback.set(list(feedback))
    Member.objects.create(project=project, user=by, role=GroupRole.FACILITATOR)
    return project


@transaction.atomic
def update_project(
    *,
    project: Project,
    by: User,
    title: str,
    target: str,
    service: Service | None,
    units: Iterable[Unit],
    feedback: Iterable[Feedback],
    is_public: bool,
    public_summary: str,
) -> Project:
    require(by, "codevelopment.manage_project", project)
    units = list(units)
    if service is None and not units:
        raise CodevelopmentError(_("Choose the service or at least one unit."), field="units")
    project.title, project.target, project.service = title.strip(), target.strip(), service
    project.is_public, project.public_summary = is_public, public_summary.strip()
    project.save()
    project.units.set(units)
    project.feedback.set(list(feedback))
    return project


@transaction.atomic
def add_member(*, project: Project, by: User, user: User, role: str) -> Member:
    """Add a person to the group directly (the expert pool's requests may add them later)."""
    require(by, "codevelopment.manage_project", project)
    member, _created = Member.objects.update_or_create(
        project=project, user=user, defaults={"role": role}
    )
    return member


@transaction.atomic
def join_group(*, project: Project, by: Actor, user: User) -> Member:
    """Take a person into the group as a client member (an accepted invitation).

    Someone already in the group keeps the role they have: an invitation never demotes a
    facilitator or a professional.
    """
    require(by, "codevelopment.manage_project", project)
    member, _created = Member.objects.get_or_create(
        project=project, user=user, defaults={"role": GroupRole.CLIENT}
    )
    return member


@transaction.atomic
def join_as_expert(*, project: Project, user: User) -> Member:
    """The expert pool puts a person into the group under their signed contract (#17 item 2).

    A client member becomes an expert by experience (now paid through the pool); someone who
    works in the group (facilitator, professional, supervisor) keeps their role.
    """
    member, created = Member.objects.get_or_create(
        project=project, user=user, defaults={"role": GroupRole.EXPERT}
    )
    if not created and member.role == GroupRole.CLIENT:
        member.role = GroupRole.EXPERT
        member.save(update_fields=["role"])
    return member


@transaction.atomic
def remove_member(*, member: Member, by: User) -> None:
    require(by, "codevelopment.manage_project", member.project)
    member.delete()


@transaction.atomic
def leave_all_groups(*, user: User) -> int:
    """A closing account leaves every group and its meeting registrations (with the needs it
    told) go; notes and votes stay on the boards under the account's pseudonym."""
    Registration.objects.filter(user=user).delete()
    removed, _by_model = Member.objects.filter(user=user).delete()
    return removed


@transaction.atomic
def save_stage_answers(*, project: Project, by: User, stage: str, answers: dict[str, str]) -> None:
    """Record the group's answers to a stage's guiding questions."""
    require(by, "codevelopment.manage_project", project)
    for key, _question in questions_of(stage):
        StageAnswer.objects.update_or_create(
            project=project,
            stage=stage,
            question=key,
            defaults={"text": answers.get(key, "").strip(), "updated_by": by},
        )


_KEEP = object()


@transaction.atomic
def move_to_stage(*, project: Project, by: User, stage: str, matter: Any = _KEEP) -> StageChange:
    """Move the project to another stage of the cycle; every move is logged.

    `matter`, when given, links the matter that carries the project to decision making (seed
    000: "kuka vie ja kenelle"). From "change in practice" on, that matter must name its
    carrier and have a decision (#15 item 4); otherwise nothing is saved.
    """
    require(by, "codevelopment.manage_project", project)
    if stage not in STAGE_ORDER:
        raise CodevelopmentError(_("Choose a stage."), field="stage")
    if stage == project.stage:
        raise CodevelopmentError(_("The project is already at this stage."), field="stage")
    linked = project.matter if matter is _KEEP else matter
    if STAGE_ORDER.index(stage) >= STAGE_ORDER.index(Stage.ROOTING) and not matter_is_decided(
        linked
    ):
        raise CodevelopmentError(
            _(
                "A change in practice needs a matter carried to decision making, with its "
                "carrier named and its decision recorded."
            ),
            field="matter",
        )
    if matter is not _KEEP:
        project.matter = matter
        project.save(update_fields=["matter"])
    change = StageChange.objects.create(
        project=project, from_stage=project.stage, to_stage=stage, by=by, at=timezone.now()
    )
    project.stage = stage
    project.save(update_fields=["stage"])
    return change


@transaction.atomic
def save_outcomes(
    *,
    project: Project,
    by: User,
    solution_models: str,
    trial_plan: str,
    evaluation_criteria: str,
    trial_results: str,
) -> Project:
    require(by, "codevelopment.manage_project", project)
    project.solution_models = solution_models.strip()
    project.trial_plan = trial_plan.strip()
    project.evaluation_criteria = evaluation_criteria.strip()
    project.trial_results = trial_results.strip()
    project.save()
    return project


@transaction.atomic
def send_proposal(*, project: Project, by: User, proposal: str, decision_maker: Any) -> Project:
    """Send the group's proposal to a named decision maker, who is told by e-mail."""
    require(by, "codevelopment.manage_project", project)
    if project.decision:
        raise CodevelopmentError(_("The decision has already been recorded."))
    if not proposal.strip():
        raise CodevelopmentError(_("Write the proposal."), field="proposal")
    project.proposal = proposal.strip()
    project.decision_maker = decision_maker
    project.proposal_sent_at = timezone.now()
    project.save()
    if decision_maker.email:
        with translation.override(decision_maker.preferred_language):
            send_email(
                to=decision_maker.email,
                subject=_("A co-development proposal awaits your decision: %(title)s")
                % {"title": project.title},
                body=_(
                    "The co-development group of %(title)s proposes:\n\n%(proposal)s\n\n"
                    "Record your decision here: %(url)s"
                )
                % {
                    "title": project.title,
                    "proposal": project.proposal,
                    "url": absolute_url(reverse("codevelopment:decide", kwargs={"pk": project.pk})),
                },
            )
    return project


def decision_in_plain_language(project: Project) -> str:
    """What the giver of the linked feedback reads on their status page."""
    texts = {
        Decision.ACCEPTED: _(
            "Your feedback was worked on in the co-development project “%(title)s”. "
            "The proposal was accepted: %(proposal)s"
        ),
        Decision.CHANGED: _(
            "Your feedback was worked on in the co-development project “%(title)s”. "
            "The proposal was accepted with changes: %(reasons)s"
        ),
        Decision.REJECTED: _(
            "Your feedback was worked on in the co-development project “%(title)s”. "
            "The proposal was not accepted, because: %(reasons)s"
        ),
    }
    return texts[Decision(project.decision)] % {
        "title": project.title,
        "proposal": project.proposal,
        "reasons": project.decision_reasons,
    }


@transaction.atomic
def record_decision(*, project: Project, by: User, decision: str, reasons: str) -> Project:
    """The named decision maker decides; the group and the givers of the feedback are told."""
    require(by, "codevelopment.decide_project", project)
    if project.decision:
        raise CodevelopmentError(_("The decision has already been recorded."))
    if decision not in Decision.values:
        raise CodevelopmentError(_("Choose the decision."), field="decision")
    if decision != Decision.ACCEPTED and len(reasons.strip()) < MIN_REASONS_LENGTH:
        # Seed 004: ideas affect the work, or the reasons why they had no effect are given.
        raise CodevelopmentError(_("Give the reasons in a few sentences."), field="reasons")
    project.decision = decision
    project.decision_reasons = reasons.strip()
    project.decided_at = timezone.now()
    project.save()
    _tell_members_of_decision(project)
    _tell_feedback_givers(project)
    return project


def _tell_members_of_decision(project: Project) -> None:
    url = absolute_url(reverse("codevelopment:public", kwargs={"pk": project.pk}))
    for member in project.members.select_related("user"):
        user = member.user
        if not user.email:
            continue
        with translation.override(user.preferred_language):
            send_email(
                to=user.email,
                subject=_("Decision on the co-development project %(title)s")
                % {"title": project.title},
                body=_("%(decision)s\n\nRead more: %(url)s")
                % {"decision": decision_in_plain_language(project), "url": url},
            )


def _tell_feedback_givers(project: Project) -> None:
    """Act 611/2021 §30 and seed 004: the giver is told what was done with their feedback.

    Every item the project took in, whoever recorded the decision: the platform carries the
    decision to them (a decision maker never opens the items themselves)."""
    status = Status.NO_CHANGE if project.decision == Decision.REJECTED else Status.CHANGE_MADE
    for feedback in Feedback.objects.filter(codevelopment_projects=project):
        with translation.override(feedback.language):
            move_feedback(
                feedback=feedback,
                by=SYSTEM,
                status=status,
                public_text=decision_in_plain_language(project),
            )


# --- Workshops -------------------------------------------------------------------------------


def _check_times(starts_at: datetime, ends_at: datetime, place: str, remote_link: str) -> None:
    if ends_at <= starts_at:
        raise CodevelopmentError(_("The workshop must end after it starts."), field="ends_at")
    if not place.strip() and not remote_link.strip():
        raise CodevelopmentError(_("Give the place, the remote link or both."), field="place")


@transaction.atomic
def create_workshop(*, project: Project, by: User, preset: str = "", **fields: Any) -> Workshop:
    """Plan a workshop; its board starts with the columns of the chosen preset."""
    require(by, "codevelopment.manage_project", project)
    _check_times(fields["starts_at"], fields["ends_at"], fields["place"], fields["remote_link"])
    workshop = Workshop.objects.create(project=project, **fields)
    if preset:
        apply_column_preset(workshop=workshop, by=by, preset=preset)
    return workshop


@dataclass(frozen=True)
class StartedProject:
    """What start_project_with_workshop set up; `members` in the order they were given."""

    project: Project
    workshop: Workshop
    members: list[Member]


@transaction.atomic
def start_project_with_workshop(
    *,
    by: User,
    title: str,
    target: str,
    units: Iterable[Unit],
    members: Iterable[tuple[User, str]],
    workshop_title: str,
    starts_at: datetime,
    place: str,
    remote_link: str = "",
    agenda: str = "",
    pre_tasks: str = "",
    between_tasks: str = "",
    votes_per_participant: int = 3,
    feedback: Iterable[Feedback] = (),
    public_summary: str = "",
) -> StartedProject:
    """Start a public project, add its group and plan a two-hour workshop on a timeline board.

    The one set-up that the demo county, the test factories and the authorization matrix share.
    """
    project = create_project(
        by=by,
        title=title,
        target=target,
        units=units,
        feedback=feedback,
        is_public=True,
        public_summary=public_summary,
    )
    added = [add_member(project=project, by=by, user=user, role=role) for user, role in members]
    workshop = create_workshop(
        project=project,
        by=by,
        preset="timeline",
        title=workshop_title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        place=place,
        remote_link=remote_link,
        agenda=agenda,
        pre_tasks=pre_tasks,
        between_tasks=between_tasks,
        votes_per_participant=votes_per_participant,
    )
    return StartedProject(project=project, workshop=workshop, members=added)


@transaction.atomic
def update_workshop(*, workshop: Workshop, by: User, **fields: Any) -> Workshop:
    require(by, "codevelopment.manage_project", workshop.project)
    _check_times(fields["starts_at"], fields["ends_at"], fields["place"], fields["remote_link"])
    for name, value in fields.items():
        setattr(workshop, name, value)
    workshop.save()
    return workshop


def preset_titles(preset: str) -> list[str]:
    titles = {
        "timeline": [_("Before"), _("Now"), _("Near future")],
        "meetings": [_("Current state"), _("Need for change"), _("Solutions")],
    }
    return titles.get(preset, [])


@transaction.atomic
def apply_column_preset(*, workshop: Workshop, by: User, preset: str) -> list[Column]:
    """Add the preset's columns after the existing ones, in the facilitator's language."""
    require(by, "codevelopment.manage_project", workshop.project)
    start = workshop.columns.count()
    return [
        Column.objects.create(workshop=workshop, title=title, position=start + index)
        for index, title in enumerate(preset_titles(preset))
    ]


@transaction.atomic
def add_column(*, workshop: Workshop, by: User, title: str) -> Column:
    require(by, "codevelopment.manage_project", workshop.project)
    if not title.strip():
        raise CodevelopmentError(_("Give the column a title."), field="title")
    return Column.objects.create(
        workshop=workshop, title=title.strip(), position=workshop.columns.count()
    )


@transaction.atomic
def add_material(
    *, workshop: Workshop, by: User, title: str, file: UploadedFile[bytes]
) -> Material:
    require(by, "codevelopment.manage_project", workshop.project)
    return Material.objects.create(
        workshop=workshop, title=title.strip(), file=file, uploaded_by=by
    )


@transaction.atomic
def send_invitations(*, workshop: Workshop, by: User) -> int:
    """E-mail every group member an invitation with the workshop as an iCalendar attachment."""
    from .selectors import workshop_calendar

    require(by, "codevelopment.manage_project", workshop.project)
    calendar = workshop_calendar(workshop)
    workshop_url = absolute_url(workshop.get_absolute_url())
    ics_url = absolute_url(reverse("codevelopment:workshop_ics", kwargs={"pk": workshop.pk}))
    sent = 0
    for member in workshop.project.members.select_related("user"):
        user = member.user
        if not user.email:
            continue
        with translation.override(user.preferred_language):
            local = timezone.localtime(workshop.starts_at)
            send_email(
                to=user.email,
                subject=_("Invitation: %(title)s") % {"title": workshop.title},
                body=_(
                    "You are invited to the co-development workshop %(title)s on %(date)s "
                    "at %(time)s.\nPlace: %(place)s\nRemote link: %(link)s\n\n"
                    "Agenda:\n%(agenda)s\n\nPre-tasks:\n%(pre_tasks)s\n\n"
                    "Register and tell us about your accessibility and dietary needs: %(url)s\n"
                    "Add it to your calendar: %(ics)s"
                )
                % {
                    "title": workshop.title,
                    "date": local.strftime("%d.%m.%Y"),
                    "time": local.strftime("%H:%M"),
                    "place": workshop.place or "–",
                    "link": workshop.remote_link or "–",
                    "agenda": workshop.agenda or "–",
                    "pre_tasks": workshop.pre_tasks or "–",
                    "url": workshop_url,
                    "ics": ics_url,
                },
                attachments=[
                    {
                        "filename": "workshop.ics",
                        "mimetype": "text/calendar",
                        "content": calendar,
                    }
                ],
            )
        sent += 1
    workshop.invitations_sent_at = timezone.now()
    workshop.save(update_fields=["invitations_sent_at"])
    return sent


@transaction.atomic
def register(
    *,
    workshop: Workshop,
    user: User,
    remote: bool,
    accessibility_needs: str = "",
    dietary_needs: str = "",
) -> Registration:
    require(user, "codevelopment.take_part", workshop.project)
    registration, _created = Registration.objects.update_or_create(
        workshop=workshop,
        user=user,
        defaults={
            "remote": remote,
            "accessibility_needs": accessibility_needs.strip(),
            "dietary_needs": dietary_needs.strip(),
        },
    )
    return registration


@transaction.atomic
def record_attendance(*, workshop: Workshop, by: User, present_user_ids: set[int]) -> None:
    """Mark who came; members who came without registering get a registration too."""
    require(by, "codevelopment.manage_project", workshop.project)
    for member in workshop.project.members.all():
        Registration.objects.update_or_create(
            workshop=workshop,
            user_id=member.user_id,
            defaults={"attended": member.user_id in present_user_ids},
        )


# --- The board -------------------------------------------------------------------------------


def _touch(note: Note) -> None:
    note.updated_at = timezone.now()
    note.save(update_fields=["updated_at"])


@transaction.atomic
def add_note(
    *, workshop: Workshop, by: User, column: Column, text: str, anonymous: bool = False
) -> Note:
    """A note records its author's role, so the report shows whose knowledge shaped the result."""
    require(by, "codevelopment.take_part", workshop.project)
    if column.workshop_id != workshop.pk:
        raise CodevelopmentError(_("Choose a column of this board."), field="column")
    if not text.strip():
        raise CodevelopmentError(_("Write the note."), field="text")
    return Note.objects.create(
        workshop=workshop,
        column=column,
        author=by,
        author_role=role_on_board(by, workshop.project),
        anonymous=anonymous,
        text=text.strip(),
        updated_at=timezone.now(),
    )


@transaction.atomic
def edit_note(*, note: Note, by: User, text: str) -> Note:
    require(by, "codevelopment.edit_note", note)
    if not text.strip():
        raise CodevelopmentError(_("Write the note."), field="text")
    note.text = text.strip()
    note.updated_at = timezone.now()
    note.save(update_fields=["text", "updated_at"])
    return note


@transaction.atomic
def move_note(*, note: Note, by: User, column: Column) -> Note:
    require(by, "codevelopment.take_part", note.workshop.project)
    if column.workshop_id != note.workshop_id:
        raise CodevelopmentError(_("Choose a column of this board."), field="column")
    note.column = column
    note.updated_at = timezone.now()
    note.save(update_fields=["column", "updated_at"])
    return note


@transaction.atomic
def add_comment(*, note: Note, by: User, text: str) -> Comment:
    project = note.workshop.project
    require(by, "codevelopment.take_part", project)
    if not text.strip():
        raise CodevelopmentError(_("Write the comment."), field="text")
    comment = Comment.objects.create(
        note=note, author=by, author_role=role_on_board(by, project), text=text.strip()
    )
    _touch(note)
    return comment


def votes_left(*, workshop: Workshop, user: User) -> int:
    used = Vote.objects.filter(note__workshop=workshop, voter=user).count()
    return max(0, workshop.votes_per_participant - used)


@transaction.atomic
def cast_vote(*, note: Note, by: User) -> Vote:
    """One dot on a note, within the workshop's limit; checked under a lock on the workshop."""
    workshop = Workshop.objects.select_for_update().get(pk=note.workshop_id)
    require(by, "codevelopment.take_part", workshop.project)
    if votes_left(workshop=workshop, user=by) <= 0:
        raise CodevelopmentError(
            _("You have used all your %(count)s votes.") % {"count": workshop.votes_per_participant}
        )
    vote = Vote.objects.create(note=note, voter=by)
    _touch(note)
    return vote


@transaction.atomic
def withdraw_vote(*, note: Note, by: User) -> None:
    vote = Vote.objects.filter(note=note, voter=by).order_by("-pk").first()
    if vote is None:
        raise CodevelopmentError(_("You have no vote on this note."))
    vote.delete()
    _touch(note)


# --- Told back through the trail (trail_kind.py) -----------------------------------------------


def tell_group(*, project: Project, texts: dict[str, str], url: str) -> bool:
    """E-mail every member of the group a step taken on their input, each in their language;
    False when no member has an address (no one to tell). Leaves after commit (the outbox)."""
    from .selectors import member_addresses

    told = False
    for email, language in member_addresses(project.pk):
        text = texts.get(language) or texts.get("fi") or next(iter(texts.values()), "")
        if not text:
            continue
        with translation.override(language):
            send_email(
                to=email,
                subject=_("News about the work of the group %(title)s") % {"title": project.title},
                body=_("%(text)s\n\nRead more: %(url)s") % {"text": text, "url": absolute_url(url)},
            )
        told = True
    return told
