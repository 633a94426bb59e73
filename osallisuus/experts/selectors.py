"""Reads on the pool, scoped by who asks; matching candidates to a request by fit and fairness."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.accounts.models import STAFF_ROLES
from osallisuus.accounts.selectors import roles_of
from osallisuus.authorization import require

from .models import (
    ZERO,
    Assignment,
    Claim,
    CollectedFeedback,
    Contract,
    DeveloperGroup,
    ExpertProfile,
    ExpertRequest,
    Gathering,
    Invitation,
    Mode,
    ProfileStatus,
    TrainingRecord,
    TypeRequirement,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

FAIRNESS_WINDOW = datetime.timedelta(days=365)
# Seed 001: "kohtuullisen tuore asiakkuus", a fairly recent experience of the services.
RECENT_USE = datetime.timedelta(days=2 * 365)


def is_coordinator(user: MaybeUser) -> bool:
    return bool(user.has_perm("experts.coordinate_pool"))


def is_staff(user: MaybeUser) -> bool:
    return bool(roles_of(user) & STAFF_ROLES)


def profile_of(user: MaybeUser) -> ExpertProfile | None:
    if not user.is_authenticated:
        return None
    return ExpertProfile.objects.filter(user=user).first()


def own_assignments(profile: ExpertProfile) -> QuerySet[Assignment]:
    """The person's assignments with their contracts and claims, for their own pages."""
    return profile.assignments.select_related("request").prefetch_related("contracts", "claims")


def own_invitations(profile: ExpertProfile, *, pending: bool = False) -> QuerySet[Invitation]:
    """The person's invitations to requests; with `pending`, only those still to answer."""
    invitations = profile.invitations.select_related("request")
    return invitations.filter(status=Invitation.Status.PENDING) if pending else invitations


def missing_course(profile: ExpertProfile, assignment_type: str) -> str | None:
    """The course the type requires and the person has not completed, or None.

    A training record that qualifies for the type completes it (recorded by a coordinator
    today, by the course catalogue of #17 item 6 later)."""
    requirement = TypeRequirement.objects.filter(assignment_type=assignment_type).first()
    if requirement is None:
        return None
    records = TrainingRecord.objects.filter(profile=profile).values_list("qualifies_for", flat=True)
    if any(assignment_type in codes.split(",") for codes in records):
        return None
    return requirement.course


def pool(
    *,
    status: str = "",
    area: Any = None,
    language: str = "",
    municipality: Any = None,
    role: str = "",
    stage: str = "",
) -> QuerySet[ExpertProfile]:
    """The pool for coordinators, with the filters of the pool page."""
    profiles = ExpertProfile.objects.select_related("user", "municipality").prefetch_related(
        "experience_areas"
    )
    if status:
        profiles = profiles.filter(status=status)
    if area:
        profiles = profiles.filter(experience_areas=area)
    if language:
        profiles = profiles.filter(languages__contains=language)
    if municipality:
        profiles = profiles.filter(municipality=municipality)
    if role:
        profiles = profiles.filter(roles__contains=role)
    if stage:
        profiles = profiles.filter(stage=stage)
    return profiles.order_by("user__last_name", "user__first_name")


def access_profile(*, user: MaybeUser, pk: int) -> ExpertProfile:
    """Coordinators only; anyone else gets 404."""
    if not is_coordinator(user):
        raise Http404
    try:
        return ExpertProfile.objects.select_related("user", "municipality", "support_person").get(
            pk=pk
        )
    except ExpertProfile.DoesNotExist as error:
        raise Http404 from error


def requests_for(user: User, *, assignment_type: str = "") -> QuerySet[ExpertRequest]:
    """Coordinators see every request; other staff the ones they filed. Optionally of one
    type of assignment."""
    requests = (
        ExpertRequest.objects.select_related("unit", "requested_by", "project")
        .annotate(accepted=Count("assignments", distinct=True))
        .order_by("-starts_at")
    )
    if assignment_type:
        requests = requests.filter(assignment_type=assignment_type)
    if is_coordinator(user):
        return requests
    if is_staff(user):
        return requests.filter(requested_by=user)
    return requests.none()


def access_request(*, user: User, pk: int) -> ExpertRequest:
    try:
        return requests_for(user).get(pk=pk)
    except ExpertRequest.DoesNotExist as error:
        raise Http404 from error


def assignments_visible_to(user: MaybeUser) -> QuerySet[Assignment]:
    """Coordinators see all; the requester the ones of their requests; the expert their own."""
    assignments = Assignment.objects.select_related("request", "profile__user")
    if not user.is_authenticated:
        return assignments.none()
    if is_coordinator(user):
        return assignments
    scope = Q(profile__user=user)
    if is_staff(user):
        scope |= Q(request__requested_by=user)
    return assignments.filter(scope)


def access_assignment(*, user: MaybeUser, pk: int) -> Assignment:
    try:
        return assignments_visible_to(user).get(pk=pk)
    except Assignment.DoesNotExist as error:
        raise Http404 from error


def contracts_visible_to(user: MaybeUser) -> QuerySet[Contract]:
    """The contract is the expert's and the coordinators'; the requester does not read it."""
    contracts = Contract.objects.select_related("assignment__request", "assignment__profile__user")
    if not user.is_authenticated:
        return contracts.none()
    if is_coordinator(user):
        return contracts
    return contracts.filter(assignment__profile__user=user)


def access_contract(*, user: User, pk: int) -> Contract:
    try:
        return contracts_visible_to(user).get(pk=pk)
    except Contract.DoesNotExist as error:
        raise Http404 from error


def claims_visible_to(user: MaybeUser) -> QuerySet[Claim]:
    """A claim is the expert's and the coordinators'."""
    claims = Claim.objects.select_related("assignment__request", "assignment__profile__user")
    if not user.is_authenticated:
        return claims.none()
    if is_coordinator(user):
        return claims
    return claims.filter(assignment__profile__user=user)


def access_claim(*, user: User, pk: int) -> Claim:
    try:
        return claims_visible_to(user).get(pk=pk)
    except Claim.DoesNotExist as error:
        raise Http404 from error


def invitation_by_token(token: str) -> Invitation:
    try:
        return Invitation.objects.select_related("request", "profile__user").get(token=token)
    except Invitation.DoesNotExist as error:
        raise Http404 from error


@dataclass
class Candidate:
    profile: ExpertProfile
    suitable: bool
    fit: int
    recent_assignments: int
    reasons: list[str] = field(default_factory=list)
    invited: bool = False


def candidates_for(  # noqa: PLR0912, PLR0915  one pass over the matching rules, in the order the guide gives them
    request: ExpertRequest, *, now: datetime.datetime | None = None
) -> list[Candidate]:
    """Active people ranked: suitable ones first (they have a wanted area, speak the language,
    can come on site or remotely, are free and have the course the type needs), then the
    fewest assignments in the last 12 months (spread the work), then the best fit (areas,
    language, role, municipality, a recent use of the services). Every point comes with a reason."""
    now = now or timezone.now()
    requirement = TypeRequirement.objects.filter(assignment_type=request.assignment_type).first()
    qualified = (
        {
            record.profile_id
            for record in TrainingRecord.objects.filter(
                qualifies_for__contains=request.assignment_type
            )
            if request.assignment_type in record.qualifies_list
        }
        if requirement
        else set()
    )
    wanted = set(request.areas.values_list("pk", flat=True))
    day = timezone.localtime(request.starts_at).date()
    invited = set(request.invitations.values_list("profile_id", flat=True))
    profiles = (
        ExpertProfile.objects.filter(status=ProfileStatus.ACTIVE)
        .select_related("user", "municipality")
        .prefetch_related("experience_areas")
        .annotate(
            recent=Count(
                "assignments",
                filter=Q(
                    assignments__request__starts_at__gte=now - FAIRNESS_WINDOW,
                    assignments__status__in=[
                        Assignment.Status.AGREED,
                        Assignment.Status.STARTED,
                        Assignment.Status.DONE,
                    ],
                ),
                distinct=True,
            )
        )
    )
    candidates = []
    for profile in profiles:
        reasons: list[str] = []
        fit = 0
        areas = {a.pk: a for a in profile.experience_areas.all()}
        matching = [areas[pk].name for pk in wanted if pk in areas]
        has_area = bool(matching) or not wanted
        if matching:
            fit += 3 * len(matching)
            reasons.append(_("Experience: %(areas)s") % {"areas": ", ".join(sorted(matching))})
        elif wanted:
            reasons.append(_("No wanted experience area"))
        speaks = request.language in profile.language_list
        if speaks:
            fit += 2
            reasons.append(_("Speaks the language"))
        else:
            reasons.append(_("Does not speak the language"))
        if request.role in profile.role_list:
            fit += 1
            reasons.append(_("Has the role wanted"))
        if request.mode == Mode.REMOTE:
            can_come = profile.available_remote
            reasons.append(_("Can join remotely") if can_come else _("Cannot join remotely"))
        else:
            can_come = profile.available_onsite
            if not can_come:
                reasons.append(_("Cannot come on site"))
            elif request.municipality_id and profile.municipality_id == request.municipality_id:
                fit += 2
                reasons.append(_("Lives in the same municipality"))
            else:
                reasons.append(_("Can come on site"))
        if profile.last_service_use is not None:
            used = profile.last_service_use.strftime("%d.%m.%Y")
            if day - profile.last_service_use <= RECENT_USE:
                fit += 2
                reasons.append(_("Recent use of the services (%(date)s)") % {"date": used})
            else:
                reasons.append(_("Last used the services %(date)s") % {"date": used})
        free = profile.unavailable_until is None or profile.unavailable_until < day
        if not free:
            reasons.append(_("Not available on the date"))
        trained = requirement is None or profile.pk in qualified
        if requirement is not None:
            reasons.append(
                (
                    _("Has completed the course: %(course)s")
                    if trained
                    else _("Has not completed the course: %(course)s")
                )
                % {"course": requirement.course}
            )
        recent: int = getattr(profile, "recent", 0)
        reasons.append(_("%(count)s assignments in the last 12 months") % {"count": recent})
        candidates.append(
            Candidate(
                profile=profile,
                suitable=has_area and speaks and can_come and free and trained,
                fit=fit,
                recent_assignments=recent,
                reasons=reasons,
                invited=profile.pk in invited,
            )
        )
    candidates.sort(key=lambda c: (not c.suitable, c.recent_assignments, -c.fit, c.profile.name))
    return candidates


@dataclass
class PayrollRow:
    claim: Claim
    name: str
    username: str
    topic: str
    date: datetime.date
    role: str
    fee: Decimal
    travel: Decimal
    allowance: Decimal
    expenses: Decimal
    total: Decimal


def approved_claims(
    *, start: datetime.date | None = None, end: datetime.date | None = None
) -> list[PayrollRow]:
    """Approved, not yet paid claims for payroll, optionally by assignment date."""
    claims = Claim.objects.filter(status=Claim.Status.APPROVED).select_related(
        "assignment__request", "assignment__profile__user"
    )
    if start:
        claims = claims.filter(assignment__request__starts_at__date__gte=start)
    if end:
        claims = claims.filter(assignment__request__starts_at__date__lte=end)
    rows = []
    for claim in claims.order_by("assignment__profile__user__last_name", "pk"):
        assignment = claim.assignment
        rows.append(
            PayrollRow(
                claim=claim,
                name=assignment.profile.name,
                username=assignment.profile.user.get_username(),
                topic=assignment.request.topic,
                date=timezone.localtime(assignment.request.starts_at).date(),
                role=assignment.get_role_display(),
                fee=claim.fee_total,
                travel=claim.travel_total,
                allowance=claim.allowance_total,
                expenses=claim.expenses_total,
                total=claim.total,
            )
        )
    return rows


@dataclass
class YearRow:
    profile_id: int
    name: str
    assignments: int
    fee: Decimal
    travel: Decimal
    allowance: Decimal
    expenses: Decimal
    total: Decimal


def yearly_summary(*, year: int, profile: ExpertProfile | None = None) -> list[YearRow]:
    """Per person: assignments and approved or paid compensation in the year."""
    claims = Claim.objects.filter(
        status__in=[Claim.Status.APPROVED, Claim.Status.PAID],
        assignment__request__starts_at__year=year,
    )
    if profile is not None:
        claims = claims.filter(assignment__profile=profile)
    sums = claims.values("assignment__profile").annotate(
        fee=Sum("fee_total"),
        travel=Sum("travel_total"),
        allowance=Sum("allowance_total"),
        other=Sum("expenses_total"),
        total=Sum("total"),
        n=Count("assignment", distinct=True),
    )
    profiles = ExpertProfile.objects.select_related("user").in_bulk(
        [row["assignment__profile"] for row in sums]
    )
    rows = [
        YearRow(
            profile_id=row["assignment__profile"],
            name=profiles[row["assignment__profile"]].name,
            assignments=row["n"],
            fee=row["fee"] or ZERO,
            travel=row["travel"] or ZERO,
            allowance=row["allowance"] or ZERO,
            expenses=row["other"] or ZERO,
            total=row["total"] or ZERO,
        )
        for row in sums
    ]
    return sorted(rows, key=lambda r: r.name)


def own_data(profile: ExpertProfile) -> dict[str, Any]:
    """Everything stored about the person, for the download of one's own data."""
    user = profile.user
    return {
        "name": profile.name,
        "email": user.email,
        "phone": profile.phone,
        "address": profile.address,
        "municipality": str(profile.municipality or ""),
        "languages": profile.language_list,
        "roles": profile.role_list,
        "accessibility_needs": profile.accessibility_needs,
        "travel_needs": profile.travel_needs,
        "experience_areas": [a.name for a in profile.experience_areas.all()],
        "status": profile.status,
        "stage": profile.stage,
        "available_onsite": profile.available_onsite,
        "available_remote": profile.available_remote,
        "unavailable_until": str(profile.unavailable_until or ""),
        "last_service_use": str(profile.last_service_use or ""),
        "availability_notes": profile.availability_notes,
        "support_person": profile.support_person.get_full_name() if profile.support_person else "",
        "consents": [
            {
                "version": c.text_version,
                "text": c.text,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in profile.consents.all()
        ],
        "trainings": [
            {
                "course": t.course,
                "organiser": t.organiser,
                "date": str(t.date),
                "qualifies_for": t.qualifies_list,
            }
            for t in profile.trainings.all()
        ],
        "invitations": [
            {"topic": i.request.topic, "status": i.status, "sent_at": i.sent_at.isoformat()}
            for i in profile.invitations.select_related("request")
        ],
        "assignments": [
            {
                "topic": a.request.topic,
                "type": a.request.assignment_type,
                "date": a.request.starts_at.isoformat(),
                "role": a.role,
                "status": a.status,
                "contracts": [
                    {
                        "version": c.version,
                        "expert_signed_at": c.expert_signed_at.isoformat()
                        if c.expert_signed_at
                        else None,
                        "coordinator_signed_at": c.coordinator_signed_at.isoformat()
                        if c.coordinator_signed_at
                        else None,
                    }
                    for c in a.contracts.all()
                ],
                "claims": [
                    {
                        "status": c.status,
                        "submitted_at": c.submitted_at.isoformat(),
                        "total": str(c.total),
                    }
                    for c in a.claims.all()
                ],
                "feedback": [
                    {"side": f.side, "rating": f.rating, "text": f.text} for f in a.feedback.all()
                ],
            }
            for a in profile.assignments.select_related("request")
        ],
    }


def collected_count(assignment: Assignment) -> int:
    """How many clients' feedback the collector has entered on this assignment (a count only:
    the collector does not read the entries back once sent)."""
    return CollectedFeedback.objects.filter(assignment=assignment).count()


def gathering_choices() -> list[tuple[str, Any]]:
    """Where a feedback collector may meet a client (the API's choices, #17 item 3)."""
    return list(Gathering.choices)


def collecting_assignment(*, user: MaybeUser, unit: Any) -> Assignment | None:
    """The user's running feedback-collector assignment at `unit` (the earliest if several),
    or None: the API's expert channel stores feedback only on one (#17 item 3)."""
    if not user.is_authenticated or unit is None:
        return None
    return (
        Assignment.objects.filter(
            profile__user=user,
            status="started",
            request__assignment_type="collector",
            request__unit=unit,
        )
        .select_related("request", "profile")
        .order_by("pk")
        .first()
    )


def people_on_active_assignment(assignment_type: str) -> QuerySet[Any]:
    """The users doing a started assignment of `assignment_type` whose current contract both
    parties have signed (seed 000: no work without a signed contract): a quality monitor's
    observation visits, an evaluator's assessments (#17 items 4 and 5)."""
    from django.contrib.auth import get_user_model

    signed = Contract.objects.filter(
        superseded=False,
        expert_signed_at__isnull=False,
        coordinator_signed_at__isnull=False,
    )
    working = Assignment.objects.filter(
        status=Assignment.Status.STARTED,
        request__assignment_type=assignment_type,
        contracts__in=signed,
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, expert_profile__assignments__in=working)
        .distinct()
    )


def developer_groups(*, user: MaybeUser) -> QuerySet[DeveloperGroup]:
    """Every developer group, for those who run the pool (404 otherwise)."""
    require(user, "experts.coordinate_pool")
    return DeveloperGroup.objects.select_related("coordinator").order_by("name", "pk")


def access_group(*, user: MaybeUser, pk: int) -> DeveloperGroup:
    """One developer group with its coordinator and support person (404 otherwise)."""
    group = developer_groups(user=user).select_related("support_person").filter(pk=pk).first()
    if group is None:
        raise Http404
    return group


def own_groups(profile: ExpertProfile) -> QuerySet[DeveloperGroup]:
    """The developer groups the person is a member of, for their own page."""
    return profile.developer_groups.order_by("name", "pk")


def access_own_group(*, user: MaybeUser, pk: int) -> DeveloperGroup:
    """A developer group the user is a member of, read-only (404 for everyone else)."""
    user_pk = user.pk
    group = (
        DeveloperGroup.objects.select_related("coordinator", "support_person")
        .filter(pk=pk, members__user_id=user_pk)
        .first()
        if user_pk is not None
        else None
    )
    if group is None:
        raise Http404
    require(user, "experts.see_own_group", group)
    return group


@dataclass
class OwnGroupWork:
    """The group's requests that concern one member: their invitations and assignments."""

    invitations: list[Invitation] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)


def own_group_work(*, group: DeveloperGroup, user: MaybeUser) -> OwnGroupWork:
    """The member's own invitations and assignments on requests given to the group."""
    profile = profile_of(user)
    if profile is None:
        return OwnGroupWork()
    return OwnGroupWork(
        invitations=list(
            own_invitations(profile).filter(request__group=group).order_by("-request__starts_at")
        ),
        assignments=list(
            profile.assignments.select_related("request")
            .filter(request__group=group)
            .order_by("-request__starts_at")
        ),
    )
