"""Reads of observation visits, scoped by who asks (#17 item 4).

Coordinators see every visit; an observer the visits they make (and, on a follow-up, the
findings of the visit it follows up); the unit's handlers their units' visits once the report
is sent, and an "act now" finding at once. Nobody else sees a visit or a finding: the public
reads only the summary of answered findings (public_summary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from osallisuus.accounts.selectors import units_handled_by
from osallisuus.analysis.personal_data import find_personal_data, redact
from osallisuus.experts.selectors import people_on_active_assignment

from .models import Category, Finding, Severity, Visit, VisitTemplate
from .permissions import QUALITY_MONITOR

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

KIND = "visit_finding"
EXCERPT_CHARS = 300


def _county_wide(user: MaybeUser) -> bool:
    return bool(user.has_perm("observation.plan_visit"))


def visits_visible_to(user: MaybeUser) -> QuerySet[Visit]:
    visits = Visit.objects.select_related("unit", "template")
    if not user.is_authenticated or getattr(user, "pk", 0) is None:
        return visits if _county_wide(user) else visits.none()
    if _county_wide(user):
        return visits
    own = Visit.objects.filter(observers=user).values("pk")
    reported = Q(status=Visit.Status.REPORTED, unit__in=units_handled_by(user))
    return visits.filter(Q(pk__in=own) | reported)


def findings_visible_to(user: MaybeUser) -> QuerySet[Finding]:
    findings = Finding.objects.select_related("visit__unit")
    if not user.is_authenticated or getattr(user, "pk", 0) is None:
        return findings if _county_wide(user) else findings.none()
    if _county_wide(user):
        return findings
    observed = Visit.objects.filter(observers=user).values("pk")
    following = Visit.objects.filter(follow_ups__observers=user).values("pk")
    unit = Q(visit__unit__in=units_handled_by(user)) & (
        Q(visit__status=Visit.Status.REPORTED) | Q(severity=Severity.ACT_NOW)
    )
    return findings.filter(Q(visit__in=observed) | Q(visit__in=following) | unit)


def access_visit(*, user: User, pk: int) -> Visit:
    """The visit if `user` may see it; otherwise 404, as if it did not exist."""
    try:
        return visits_visible_to(user).get(pk=pk)
    except Visit.DoesNotExist as error:
        raise Http404 from error


def access_finding(*, user: User, pk: int) -> Finding:
    try:
        return findings_visible_to(user).get(pk=pk)
    except Finding.DoesNotExist as error:
        raise Http404 from error


def current_template_choices() -> QuerySet[VisitTemplate]:
    """The newest versions as a queryset (a form's choices)."""
    return VisitTemplate.objects.filter(pk__in=[t.pk for t in current_templates()])


def current_templates() -> list[VisitTemplate]:
    """The newest version of each template, by name."""
    newest: dict[str, VisitTemplate] = {}
    for template in VisitTemplate.objects.order_by("name", "-version"):
        newest.setdefault(template.name, template)
    return list(newest.values())


def access_template(*, pk: int) -> VisitTemplate:
    try:
        return VisitTemplate.objects.get(pk=pk)
    except VisitTemplate.DoesNotExist as error:
        raise Http404 from error


def template_versions(template: VisitTemplate) -> QuerySet[VisitTemplate]:
    return VisitTemplate.objects.filter(name=template.name).order_by("-version")


def eligible_observers() -> QuerySet[Any]:
    """Experts on a started quality-monitor assignment under a contract both have signed."""
    return people_on_active_assignment(QUALITY_MONITOR).order_by("last_name", "first_name", "pk")


def findings_of(visit: Visit) -> QuerySet[Finding]:
    return visit.findings.order_by("pk")


def findings_to_follow_up(visit: Visit) -> QuerySet[Finding]:
    """On a follow-up visit: the findings of the visit it follows up."""
    if visit.follow_up_of_id is None:
        return Finding.objects.none()
    return Finding.objects.filter(visit_id=visit.follow_up_of_id).order_by("pk")


def earlier_visits(user: User) -> QuerySet[Visit]:
    """Visits a new visit may follow up: reported ones."""
    return visits_visible_to(user).filter(status=Visit.Status.REPORTED)


def is_overdue(visit: Visit, today: date) -> bool:
    return visit.status == Visit.Status.REPORTED and visit.answer_due < today


# --- Findings past their answer date ---------------------------------------------------------


@dataclass(frozen=True)
class OverdueFinding:
    """One unanswered finding: its redacted description, never the observers."""

    pk: int
    excerpt: str
    due: date


@dataclass
class OverdueUnit:
    unit: Any
    count: int = 0
    findings: list[OverdueFinding] = field(default_factory=list)


def _overdue(findings: QuerySet[Finding], today: date, limit: int) -> list[OverdueUnit]:
    found = (
        findings.filter(status=Finding.Status.OPEN, visit__answer_due__lt=today)
        .filter(Q(visit__status=Visit.Status.REPORTED) | Q(severity=Severity.ACT_NOW))
        .select_related("visit__unit")
        .order_by("visit__unit__name_fi", "visit__unit__pk", "visit__answer_due", "pk")
    )
    rows: dict[int, OverdueUnit] = {}
    for finding in found:
        unit = finding.visit.unit
        row = rows.setdefault(unit.pk, OverdueUnit(unit=unit))
        row.count += 1
        if len(row.findings) < limit:
            text = redact(finding.description, find_personal_data(finding.description))
            excerpt = text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else "")
            row.findings.append(OverdueFinding(finding.pk, excerpt, finding.visit.answer_due))
    return list(rows.values())


def overdue_findings_for(user: MaybeUser, *, today: date, limit: int = 10) -> list[OverdueUnit]:
    """The findings `user` sees that are past their answer date with no answer, per unit
    (the unit managers' view)."""
    return _overdue(findings_visible_to(user), today, limit)


def overdue_findings_in(units: Any, *, today: date, limit: int = 10) -> list[OverdueUnit]:
    """Per unit of `units`, the findings past their answer date with no answer (a decision
    body's briefing): counts, links and redacted descriptions only."""
    return _overdue(Finding.objects.filter(visit__unit__in=units), today, limit)


# --- The public summary on the unit's page -----------------------------------------------------


@dataclass(frozen=True)
class PublicFinding:
    """What the public reads of one answered finding: never the observers or the photo."""

    category: str
    severity: str
    visit_date: date
    answer: str


def _public_answer(finding: Finding) -> str:
    """The reasons (redacted), or where the action stands: its own public steps are on the
    trail's "you said, we did", told in the unit's words."""
    if finding.answer == Finding.Answer.REASONS:
        return redact(finding.reasons, find_personal_data(finding.reasons))
    if finding.status == Finding.Status.CLOSED:
        return _("The action was done.")
    return _("An action was planned.")


def public_summary(unit: Any, *, limit: int = 10) -> list[PublicFinding]:
    """The unit's answered findings, newest first: a finding stays internal until the unit
    has answered it (#17 item 4)."""
    answered = (
        Finding.objects.filter(
            visit__unit=unit,
            visit__status=Visit.Status.REPORTED,
            status__in=(Finding.Status.ANSWERED, Finding.Status.CLOSED),
        )
        .select_related("visit")
        .order_by("-visit__visit_date", "-pk")[:limit]
    )
    return [
        PublicFinding(
            category=str(Category(f.category).label),
            severity=str(Severity(f.severity).label),
            visit_date=f.visit.visit_date,
            answer=_public_answer(f),
        )
        for f in answered
    ]
