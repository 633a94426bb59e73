"""Writes on the pool: applying, approval, training, requests, invitations, contracts, claims."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from osallisuus.accounts.models import Role
from osallisuus.accounts.services import assign_role
from osallisuus.authorization import require
from osallisuus.codevelopment.services import join_as_expert
from osallisuus.errors import DomainError
from osallisuus.feedback.models import Channel, Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email

from .fees import LineInput, price_claim
from .models import (
    Assignment,
    AssignmentFeedback,
    Claim,
    ClaimExpense,
    ClaimLine,
    CollectedFeedback,
    ConsentRecord,
    Contract,
    ExperienceArea,
    ExpertProfile,
    ExpertRequest,
    ExpertRole,
    FeeTable,
    Invitation,
    ProfileStatus,
    Stage,
    TrainingRecord,
)
from .selectors import missing_course

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

CONSENT_VERSION = "2026-1"
REMIND_AFTER = datetime.timedelta(days=2)


def consent_text() -> str:
    return _(
        "I agree that the wellbeing services county stores the areas of my lived experience and "
        "my accessibility needs in the pool of experts by experience, to find suitable tasks for "
        "me. Only I and the participation coordinators see them. I can withdraw this consent at "
        "any time by removing the areas from my profile."
    )


class ExpertsError(DomainError):
    """A refused write on the pool: a profile, request, invitation, contract or claim. Nothing
    has been stored."""


class ContractNotSignedError(ExpertsError):
    """An assignment cannot start before both parties have signed the current contract."""


@dataclass
class ProfileData:
    phone: str = ""
    address: str = ""
    municipality: Any = None
    languages: list[str] = field(default_factory=lambda: ["fi"])
    roles: list[str] = field(default_factory=lambda: [ExpertRole.EXPERT.value])
    accessibility_needs: str = ""
    travel_needs: str = ""
    experience_areas: Iterable[ExperienceArea] = ()
    available_onsite: bool = True
    available_remote: bool = True
    unavailable_until: datetime.date | None = None
    last_service_use: datetime.date | None = None
    availability_notes: str = ""
    consent: bool = False


def _write_profile(profile: ExpertProfile, data: ProfileData) -> None:
    """Special-category fields are kept only with consent; without it they are cleared."""
    areas = list(data.experience_areas)
    if (areas or data.accessibility_needs or data.last_service_use) and not data.consent:
        raise ExpertsError(_("Storing experience areas needs your consent."), field="consent")
    profile.phone = data.phone
    profile.address = data.address
    profile.municipality = data.municipality
    profile.languages = ",".join(data.languages)
    profile.roles = ",".join(data.roles)
    profile.accessibility_needs = data.accessibility_needs if data.consent else ""
    profile.travel_needs = data.travel_needs
    profile.available_onsite = data.available_onsite
    profile.available_remote = data.available_remote
    profile.unavailable_until = data.unavailable_until
    profile.last_service_use = data.last_service_use if data.consent else None
    profile.availability_notes = data.availability_notes
    profile.save()
    current = profile.consents.filter(withdrawn_at__isnull=True).first()
    now = timezone.now()
    if data.consent and (current is None or current.text_version != CONSENT_VERSION):
        ConsentRecord.objects.create(
            profile=profile, text_version=CONSENT_VERSION, text=consent_text(), given_at=now
        )
    if not data.consent and current is not None:
        profile.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    profile.experience_areas.set(areas if data.consent else [])


@transaction.atomic
def apply_to_pool(*, user: User, data: ProfileData) -> ExpertProfile:
    """A resident applies: they become an applicant the coordinator approves."""
    if ExpertProfile.objects.filter(user=user).exists():
        raise ExpertsError(_("You have already applied."))
    profile = ExpertProfile(user=user)
    _write_profile(profile, data)
    return profile


@transaction.atomic
def update_profile(*, profile: ExpertProfile, data: ProfileData) -> ExpertProfile:
    _write_profile(profile, data)
    return profile


@transaction.atomic
def approve_applicant(*, profile: ExpertProfile, by: User) -> ExpertProfile:
    """The applicant joins the pool and gets the expert role; training comes next."""
    require(by, "experts.coordinate_pool")
    profile.status = ProfileStatus.ACTIVE
    profile.approved_at = timezone.now()
    if profile.stage == Stage.FORMING:
        profile.stage = Stage.TRAINING
    profile.save(update_fields=["status", "approved_at", "stage"])
    assign_role(user=profile.user, role=Role.EXPERT)
    return profile


@transaction.atomic
def record_training(
    *,
    profile: ExpertProfile,
    by: User,
    course: str,
    organiser: str,
    date: datetime.date,
    certificate: UploadedFile[bytes] | None = None,
    qualifies_for: Iterable[str] = (),
) -> TrainingRecord:
    """A completed training; it satisfies the course requirement of the types it qualifies for."""
    require(by, "experts.coordinate_pool")
    record = TrainingRecord(
        profile=profile,
        course=course,
        organiser=organiser,
        date=date,
        recorded_by=by,
        qualifies_for=",".join(qualifies_for),
    )
    if certificate is not None:
        record.certificate = certificate
    record.save()
    if profile.stage in (Stage.FORMING, Stage.TRAINING):
        profile.stage = Stage.ORIENTATION
        profile.save(update_fields=["stage"])
    return record


@transaction.atomic
def update_membership(
    *, profile: ExpertProfile, by: User, status: str, stage: str, support_person: Any
) -> ExpertProfile:
    require(by, "experts.coordinate_pool")
    profile.status = status
    profile.stage = stage
    profile.support_person = support_person
    profile.save(update_fields=["status", "stage", "support_person"])
    return profile


@transaction.atomic
def file_request(*, by: User, areas: Iterable[ExperienceArea], **fields: Any) -> ExpertRequest:
    """Any staff member asks for experts; the coordinator finds and invites them."""
    request = ExpertRequest.objects.create(requested_by=by, **fields)
    request.areas.set(list(areas))
    return request


@transaction.atomic
def ask_pool_for_project(
    *, project: Any, by: User, areas: Iterable[ExperienceArea], **fields: Any
) -> ExpertRequest:
    """Whoever runs a co-development project asks the pool for group members; those who
    accept and sign join the group as experts by experience (see sign_contract)."""
    require(by, "codevelopment.manage_project", project)
    return file_request(by=by, areas=areas, project=project, **fields)


def _join_project_group(contract: Contract) -> None:
    """Under a contract both have signed, the person joins the project's group as an expert
    by experience; the group's balance counts them on the clients' side at once."""
    project = contract.assignment.request.project
    if project is None or not contract.fully_signed:
        return
    join_as_expert(project=project, user=contract.assignment.profile.user)


# Changing these changes what the invited agreed to: they are told.
PRACTICAL_FIELDS = ("starts_at", "duration_hours", "mode", "unit", "municipality", "language")


@transaction.atomic
def change_request(
    *, request: ExpertRequest, by: User, areas: Iterable[ExperienceArea], **fields: Any
) -> ExpertRequest:
    """The requester or a coordinator changes a request before the work has started. Everyone
    invited (and not declined) is told when the time, place, length or language changes."""
    require(by, "experts.manage_request", request)
    request = ExpertRequest.objects.select_for_update().get(pk=request.pk)
    if not open_to_change(request):
        raise ExpertsError(_("The work has already started, so the request cannot be changed."))
    before = {name: getattr(request, name) for name in PRACTICAL_FIELDS}
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()
    request.areas.set(list(areas))
    if any(getattr(request, name) != before[name] for name in PRACTICAL_FIELDS):
        for invitation in _still_invited(request):
            _change_email(invitation)
    return request


def _still_invited(request: ExpertRequest) -> Any:
    """Everyone invited to the request who has not declined: they are told of changes."""
    return request.invitations.exclude(status=Invitation.Status.DECLINED).select_related(
        "profile__user"
    )


def _change_email(invitation: Invitation) -> None:
    _tell_invited(
        invitation,
        lambda facts: (
            _("Changed: %(topic)s") % facts,
            _(
                "The request %(topic)s has changed: now %(when)s, %(hours)s hours.\n\n"
                "See the details here: %(link)s"
            )
            % facts,
        ),
    )


def _tell_invited(
    invitation: Invitation, compose: Callable[[dict[str, Any]], tuple[str, str]]
) -> None:
    """E-mail an invited person in their own language; `compose` gets the request's facts
    (topic, when, hours, link to the invitation) and returns the subject and the body."""
    user = invitation.profile.user
    if not user.email:
        return
    request = invitation.request
    with translation.override(user.preferred_language):
        facts = {
            "topic": request.topic,
            "when": timezone.localtime(request.starts_at).strftime("%d.%m.%Y %H:%M"),
            "hours": request.duration_hours,
            "link": absolute_url(invitation.get_absolute_url()),
        }
        subject, body = compose(facts)
    send_email(to=user.email, subject=subject, body=body)


def _invitation_email(invitation: Invitation, *, reminder: bool) -> None:
    _tell_invited(
        invitation,
        lambda facts: (
            (_("Reminder: invitation to %(topic)s") if reminder else _("Invitation: %(topic)s"))
            % facts,
            _(
                "You are invited to take part as an expert by experience: %(topic)s, "
                "%(when)s, %(hours)s hours.\n\nAccept or decline here: %(link)s"
            )
            % facts,
        ),
    )


@transaction.atomic
def invite(
    *, request: ExpertRequest, profiles: Iterable[ExpertProfile], by: User
) -> list[Invitation]:
    """Invite people to a request; each gets a link to accept or decline without signing in."""
    require(by, "experts.coordinate_pool")
    created = []
    now = timezone.now()
    for profile in profiles:
        if profile.status != ProfileStatus.ACTIVE:
            continue
        invitation, new = Invitation.objects.get_or_create(
            request=request, profile=profile, defaults={"invited_by": by, "sent_at": now}
        )
        if new:
            _invitation_email(invitation, reminder=False)
            created.append(invitation)
    return created


@transaction.atomic
def answer_invitation(*, invitation: Invitation, accept: bool) -> Assignment | None:
    """Accepting makes an assignment and its first contract version; declining closes it."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise ExpertsError(_("This invitation has already been answered."))
    if invitation.request.status == ExpertRequest.Status.CANCELLED:
        raise ExpertsError(_("This request has been cancelled."))
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    if not accept:
        return None
    request = invitation.request
    assignment = Assignment.objects.create(
        request=request, profile=invitation.profile, role=request.role
    )
    generate_contract(assignment=assignment)
    profile = invitation.profile
    if profile.stage in (Stage.FORMING, Stage.TRAINING, Stage.ORIENTATION):
        profile.stage = Stage.CONTRACT
        profile.save(update_fields=["stage"])
    if request.assignments.count() >= request.people_needed:
        request.status = ExpertRequest.Status.FILLED
        request.save(update_fields=["status"])
    return assignment


def open_to_change(request: ExpertRequest) -> bool:
    """A request can be changed or withdrawn until the work has started."""
    return (
        request.status != ExpertRequest.Status.CANCELLED
        and not request.assignments.filter(
            status__in=(Assignment.Status.STARTED, Assignment.Status.DONE)
        ).exists()
    )


@transaction.atomic
def cancel_request(*, request: ExpertRequest, by: User, reason: str) -> ExpertRequest:
    """The requester or a coordinator withdraws a request before the work has started.

    Open invitations can no longer be accepted, agreed assignments are cancelled, and everyone
    invited is told why, in their own language.
    """
    require(by, "experts.manage_request", request)
    request = ExpertRequest.objects.select_for_update().get(pk=request.pk)
    if not open_to_change(request):
        raise ExpertsError(_("The work has already started, so the request cannot be cancelled."))
    reason = reason.strip()
    if not reason:
        raise ExpertsError(_("Write why the request is cancelled."), field="reason")
    request.status = ExpertRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    request.assignments.filter(status=Assignment.Status.AGREED).update(
        status=Assignment.Status.CANCELLED
    )
    for invitation in _still_invited(request):
        _cancellation_email(invitation, reason)
    return request


def _cancellation_email(invitation: Invitation, reason: str) -> None:
    _tell_invited(
        invitation,
        lambda facts: (
            _("Cancelled: %(topic)s") % facts,
            _("The request %(topic)s on %(when)s has been cancelled.\n\nReason: %(reason)s")
            % {**facts, "reason": reason},
        ),
    )


def _euros(amount: Decimal) -> str:
    """An amount in the active language's number format, e.g. "0,575 €" or "25,00 €"."""
    places = 3 if amount != amount.quantize(Decimal("0.01")) else 2
    return number_format(amount, decimal_pos=places) + " €"


def _compensation_text(assignment: Assignment) -> str:
    """Section 5 by the person's role (seed 000: developer clients are paid travel and a fee,
    experts by experience travel and an expense compensation), naming only the rates that are
    paid: a rate the role's fee table leaves at zero is not a promise worth printing."""
    date = timezone.localtime(assignment.request.starts_at).date()
    table = (
        FeeTable.objects.filter(role=assignment.role, valid_from__lte=date, valid_to__gte=date)
        .order_by("-valid_from")
        .first()
    )
    if assignment.role == ExpertRole.DEVELOPER_CLIENT:
        text = _("Travel costs and a fee are paid (developer client).")
    elif assignment.role == ExpertRole.EXPERT:
        text = _("Travel costs and an expense allowance are paid (expert by experience).")
    else:
        text = _("Travel costs are paid (other experience actor).")
    if table is not None:
        rates = [
            (table.hourly_fee, _("fee %(amount)s per hour")),
            (table.half_day_fee, _("fee %(amount)s per half day")),
            (table.day_fee, _("fee %(amount)s per day")),
            (table.km_rate, _("kilometre allowance %(amount)s per km")),
            (table.expense_allowance, _("expense allowance %(amount)s per day")),
        ]
        paid = [words % {"amount": _euros(rate)} for rate, words in rates if rate > 0]
        if paid:
            text += " " + _("Rates: %(rates)s.") % {"rates": "; ".join(paid)}
    return text + " " + _("Claim them in the app after the assignment.")


def contract_sections(assignment: Assignment, language: str) -> list[list[str]]:
    """Seed 000's six sections of the contract, in one language; section 5 follows the role."""
    request = assignment.request
    profile = assignment.profile
    with translation.override(language):
        place = request.unit.name if request.unit else (request.municipality or "")
        support = profile.support_person
        return [
            [
                _("1. Task"),
                _("%(topic)s on %(when)s, %(hours)s hours, as %(role)s. %(description)s")
                % {
                    "topic": request.topic,
                    "when": timezone.localtime(request.starts_at).strftime("%d.%m.%Y %H:%M"),
                    "hours": request.duration_hours,
                    "role": ExpertRole(assignment.role).label,
                    "description": request.description,
                },
            ],
            [
                _("2. Procedures"),
                (
                    _("Remote meeting; the link and tools are sent in advance.")
                    if request.mode == "remote"
                    else _("On site at %(place)s; premises and tools are arranged by the unit.")
                    % {"place": place}
                ),
            ],
            [
                _("3. Responsibilities"),
                _(
                    "Confidentiality: what you hear about clients and staff stays confidential, "
                    "also after the task. You follow the ethical guidelines of expert by "
                    "experience work. You can criticise freely: it never affects your own care."
                ),
            ],
            [
                _("4. Orientation and support"),
                _(
                    "The participation coordinator orients you before the task. Your support "
                    "person: %(support)s."
                )
                % {"support": support.get_full_name() if support else _("the coordinator")},
            ],
            [_("5. Compensation"), _compensation_text(assignment)],
            [
                _("6. Other"),
                _(
                    "Signed by the organisation's representative and the expert. "
                    "A changed contract is signed again."
                ),
            ],
        ]


@transaction.atomic
def generate_contract(*, assignment: Assignment) -> Contract:
    """A new contract version from the assignment; earlier versions and signatures lapse."""
    latest = assignment.contracts.order_by("-version").first()
    assignment.contracts.filter(superseded=False).update(superseded=True)
    return Contract.objects.create(
        assignment=assignment,
        version=(latest.version + 1) if latest else 1,
        sections={lang: contract_sections(assignment, lang) for lang in ("fi", "sv")},
    )


def current_contract(assignment: Assignment) -> Contract | None:
    return assignment.contracts.filter(superseded=False).order_by("-version").first()


@transaction.atomic
def sign_contract(*, contract: Contract, by: User) -> Contract:
    """The expert signs their own; a coordinator signs for the organisation."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.superseded:
        raise ExpertsError(_("This version has been replaced; sign the newest one."))
    now = timezone.now()
    if by == contract.assignment.profile.user:
        if contract.expert_signed_at is None:
            contract.expert_signed_at, contract.expert_signed_by = now, by
    else:
        require(by, "experts.coordinate_pool")
        if contract.coordinator_signed_at is None:
            contract.coordinator_signed_at, contract.coordinator_signed_by = now, by
    contract.save()
    _join_project_group(contract)
    return contract


@transaction.atomic
def start_assignment(*, assignment: Assignment, by: User) -> Assignment:
    """Seed 000: no work without a contract signed by both parties, nor without the course
    the assignment's type requires (#17 item 1)."""
    require(by, "experts.coordinate_pool")
    group = assignment.request.group
    if group is not None and not group.reached_contract:
        raise ExpertsError(
            _("The developer group has not reached the contract step yet: no member starts.")
        )
    contract = current_contract(assignment)
    if contract is None or not contract.fully_signed:
        raise ContractNotSignedError(_("Both parties must sign the contract before the start."))
    course = missing_course(assignment.profile, assignment.request.assignment_type)
    if course is not None:
        raise ExpertsError(
            _("This type of assignment needs a completed course first: %(course)s.")
            % {"course": course}
        )
    assignment.status = Assignment.Status.STARTED
    assignment.started_at = timezone.now()
    assignment.save(update_fields=["status", "started_at"])
    profile = assignment.profile
    if profile.stage != Stage.ACTIVE:
        profile.stage = Stage.ACTIVE
        profile.save(update_fields=["stage"])
    return assignment


@transaction.atomic
def finish_assignment(*, assignment: Assignment, by: User) -> Assignment:
    require(by, "experts.coordinate_pool")
    if assignment.status != Assignment.Status.STARTED:
        raise ContractNotSignedError(_("Only a started assignment can be marked done."))
    assignment.status = Assignment.Status.DONE
    assignment.save(update_fields=["status"])
    return assignment


@dataclass(frozen=True)
class ExpenseInput:
    description: str
    amount: Decimal
    receipt: UploadedFile[bytes]


@transaction.atomic
def submit_claim(
    *, assignment: Assignment, by: User, lines: list[LineInput], expenses: list[ExpenseInput]
) -> Claim:
    """The expert claims after a started or done assignment; sums are priced at once."""
    require(by, "experts.claim_fees", assignment)
    if assignment.status not in (Assignment.Status.STARTED, Assignment.Status.DONE):
        raise ExpertsError(_("You can claim once the assignment has started."))
    if not lines and not expenses:
        raise ExpertsError(_("Add at least one date or expense."))
    amounts = price_claim(role=assignment.role, lines=lines, expenses=[e.amount for e in expenses])
    claim = Claim.objects.create(
        assignment=assignment,
        submitted_at=timezone.now(),
        fee_total=amounts.fee,
        travel_total=amounts.travel,
        allowance_total=amounts.allowance,
        expenses_total=amounts.expenses,
        total=amounts.total,
    )
    ClaimLine.objects.bulk_create(
        ClaimLine(
            claim=claim,
            date=line.date,
            hours=line.hours,
            half_days=line.half_days,
            days=line.days,
            km=line.km,
        )
        for line in lines
    )
    for expense in expenses:
        ClaimExpense.objects.create(
            claim=claim,
            description=expense.description,
            amount=expense.amount,
            receipt=expense.receipt,
        )
    return claim


@transaction.atomic
def decide_claim(*, claim: Claim, by: User, approve: bool, reason: str = "") -> Claim:
    """Approve for payroll, or return to the expert with a reason they see."""
    require(by, "experts.coordinate_pool")
    if claim.status != Claim.Status.SUBMITTED:
        raise ExpertsError(_("This claim has already been handled."))
    if not approve and not reason.strip():
        raise ExpertsError(_("Tell the expert why the claim is returned."), field="reason")
    claim.status = Claim.Status.APPROVED if approve else Claim.Status.RETURNED
    claim.return_reason = "" if approve else reason.strip()
    claim.decided_at = timezone.now()
    claim.decided_by = by
    claim.save(update_fields=["status", "return_reason", "decided_at", "decided_by"])
    user = claim.assignment.profile.user
    if user.email:
        with translation.override(user.preferred_language):
            send_email(
                to=user.email,
                subject=_("Your claim was approved") if approve else _("Your claim was returned"),
                body=(
                    _("Your claim of %(total)s € was approved for payment.")
                    % {"total": claim.total}
                    if approve
                    else _("Your claim was returned: %(reason)s") % {"reason": claim.return_reason}
                ),
            )
    return claim


@transaction.atomic
def mark_claims_paid(*, claims: Iterable[Claim], by: User) -> int:
    require(by, "experts.coordinate_pool")
    ids = [c.pk for c in claims if c.status == Claim.Status.APPROVED]
    return Claim.objects.filter(pk__in=ids).update(status=Claim.Status.PAID)


@transaction.atomic
def give_assignment_feedback(
    *, assignment: Assignment, by: User, rating: int, text: str
) -> AssignmentFeedback:
    """Both sides give short feedback after the work; the expert's stage moves to evaluation."""
    if by == assignment.profile.user:
        side = AssignmentFeedback.Side.EXPERT
    else:
        require(by, "experts.manage_request", assignment.request)
        side = AssignmentFeedback.Side.ORGANISATION
    feedback, _created = AssignmentFeedback.objects.update_or_create(
        assignment=assignment, side=side, defaults={"author": by, "rating": rating, "text": text}
    )
    profile = assignment.profile
    if side == AssignmentFeedback.Side.EXPERT and profile.stage == Stage.ACTIVE:
        profile.stage = Stage.EVALUATION
        profile.save(update_fields=["stage"])
    return feedback


def send_reminders(
    *, request: ExpertRequest | None = None, now: datetime.datetime | None = None
) -> int:
    """E-mail everyone whose invitation has waited for REMIND_AFTER without an answer.

    With `request`, only that request's invitations (its "send reminders now" button); without
    it, every request's (the nightly command).
    """
    now = now or timezone.now()
    due = Invitation.objects.filter(
        status=Invitation.Status.PENDING,
        sent_at__lte=now - REMIND_AFTER,
        request__starts_at__gt=now,
        request__status=ExpertRequest.Status.OPEN,
    ).select_related("profile__user", "request")
    if request is not None:
        due = due.filter(request=request)
    sent = 0
    for invitation in due:
        if invitation.reminded_at and invitation.reminded_at > now - REMIND_AFTER:
            continue
        with transaction.atomic():
            _invitation_email(invitation, reminder=True)
            invitation.reminded_at = now
            invitation.save(update_fields=["reminded_at"])
        sent += 1
    return sent


@transaction.atomic
def request_erasure(*, profile: ExpertProfile) -> ExpertProfile:
    profile.erasure_requested_at = timezone.now()
    profile.save(update_fields=["erasure_requested_at"])
    return profile


@transaction.atomic
def erase_profile(*, profile: ExpertProfile, by: User) -> ExpertProfile:
    """The coordinator confirms erasure, or the person closes their account. Paid and approved
    claims and the contracts they rest on are kept (bookkeeping law); lived-experience data,
    contact details, training, feedback and unpaid claims are removed, and the person leaves
    the pool."""
    require(by, "experts.erase_profile", profile)
    kept = [Claim.Status.APPROVED, Claim.Status.PAID]
    profile.experience_areas.clear()
    profile.consents.all().delete()
    profile.trainings.all().delete()
    profile.invitations.filter(status__in=["pending", "declined"]).delete()
    Claim.objects.filter(assignment__profile=profile).exclude(status__in=kept).delete()
    AssignmentFeedback.objects.filter(assignment__profile=profile).delete()
    for assignment in profile.assignments.all():
        if not assignment.claims.exists():
            assignment.contracts.all().delete()
            assignment.delete()
    for name in ("phone", "address", "accessibility_needs", "travel_needs", "availability_notes"):
        setattr(profile, name, "")
    profile.municipality = None
    profile.support_person = None
    profile.status = ProfileStatus.LEFT
    profile.erased_at = timezone.now()
    profile.save()
    user = profile.user
    user.email = ""
    user.is_active = False
    user.save(update_fields=["email", "is_active"])
    return profile


@dataclass
class CollectedInput:
    """One client's feedback as the collector enters it (#17 item 3)."""

    text: str
    language: str
    gathering: str
    consent: bool
    idempotency_key: str = ""
    contact_email: str = ""
    contact_phone: str = ""


def collect_feedback(*, assignment: Assignment, by: User, data: CollectedInput) -> Feedback:
    """Enter a client's feedback into the feedback store with channel `expert` (see
    collect_feedback_once)."""
    return collect_feedback_once(assignment=assignment, by=by, data=data)[0]


@transaction.atomic
def collect_feedback_once(
    *, assignment: Assignment, by: User, data: CollectedInput
) -> tuple[Feedback, bool]:
    """Enter a client's feedback into the feedback store with channel `expert`, recorded as
    collected on this assignment; (feedback, created). No oral consent, no submission; contact
    details are kept only when the client gives them for a reply. A resend of the same entry
    (same key, from the form or the API's queue) returns the feedback stored first and stores
    nothing more."""
    require(by, "experts.collect_feedback", assignment)
    if not data.consent:
        raise ExpertsError(
            _("Ask the client for consent first: without it, the feedback is not sent."),
            field="consent",
        )
    unit = assignment.request.unit
    assert unit is not None  # noqa: S101  (the permission asks for a unit)
    key = f"expert-{assignment.pk}-{data.idempotency_key}" if data.idempotency_key else ""
    feedback, created = submit_feedback(
        FeedbackInput(
            unit=unit,
            channel=Channel.EXPERT,
            language=data.language,
            text=data.text,
            idempotency_key=key[:100],
            contact_email=data.contact_email,
            contact_phone=data.contact_phone,
        )
    )
    CollectedFeedback.objects.get_or_create(
        feedback=feedback,
        defaults={
            "assignment": assignment,
            "gathering": data.gathering,
            "consent_at": timezone.now(),
        },
    )
    return feedback, created
