"""Writes on observation visits (#17 item 4): templates, visits, findings, the report to the
unit and the unit's answers. Every text a quality monitor or a unit writes passes the analysis
app's personal-data detector first: a name, a phone number, an e-mail address or an identity
code is refused and nothing is saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from osallisuus.accounts.selectors import managers_of
from osallisuus.analysis.personal_data import find_personal_data
from osallisuus.authorization import person, require
from osallisuus.errors import DomainError, Problem
from osallisuus.feedback.services import NO_CHANGE_REASONS_MIN_LENGTH
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email
from osallisuus.trail.actions.services import create_action
from osallisuus.trail.selectors import has_effect
from osallisuus.uploads import without_metadata

from .models import Category, Finding, Severity, Visit, VisitTemplate
from .selectors import KIND, eligible_observers

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# How long the unit has to answer a report, unless the coordinator sets another date.
ANSWER_DAYS = 30

# The kinds of personal data a finding may not hold (#17 item 4).
REFUSED = {
    "name": gettext_lazy("a name"),
    "phone": gettext_lazy("a phone number"),
    "email": gettext_lazy("an e-mail address"),
    "hetu": gettext_lazy("a personal identity code"),
}


class ObservationError(DomainError):
    """A rule of observation visits the user broke; nothing is saved."""


def personal_data_problems(texts: dict[str, str]) -> list[Problem]:
    """One problem per field whose text holds personal data, naming what was found."""
    problems = []
    for field, text in texts.items():
        found = [span.type for span in find_personal_data(text or "") if span.type in REFUSED]
        if found:
            kinds = ", ".join(dict.fromkeys(str(REFUSED[kind]) for kind in found))
            problems.append(
                Problem(
                    _(
                        "Remove personal data: the text holds %(kinds)s. Describe what you saw "
                        "without naming or identifying anyone."
                    )
                    % {"kinds": kinds},
                    field,
                    "personal_data",
                )
            )
    return problems


def refuse_personal_data(texts: dict[str, str]) -> None:
    problems = personal_data_problems(texts)
    if problems:
        raise ObservationError.of(problems)


def _categories(codes: Iterable[str]) -> list[str]:
    chosen = [code for code in Category.values if code in set(codes)]
    if not chosen:
        raise ObservationError(_("Choose at least one category."), field="categories")
    return chosen


@transaction.atomic
def create_template(
    *, by: User, name: str, categories: Iterable[str], guidance: str = ""
) -> VisitTemplate:
    """A new template, version 1."""
    require(by, "observation.keep_templates")
    name = name.strip()
    if not name:
        raise ObservationError(_("Give the template a name."), field="name")
    if VisitTemplate.objects.filter(name=name).exists():
        raise ObservationError(
            _("A template with this name exists: make a new version of it."), field="name"
        )
    return VisitTemplate.objects.create(
        name=name,
        version=1,
        categories=_categories(categories),
        guidance=guidance.strip(),
        created_by=person(by),
    )


@transaction.atomic
def revise_template(
    *, by: User, template: VisitTemplate, categories: Iterable[str], guidance: str = ""
) -> VisitTemplate:
    """A new version of the template; visits made on earlier versions keep theirs."""
    require(by, "observation.keep_templates")
    newest = (
        VisitTemplate.objects.select_for_update()
        .filter(name=template.name)
        .order_by("-version")
        .first()
    )
    version = (newest.version if newest else template.version) + 1
    return VisitTemplate.objects.create(
        name=template.name,
        version=version,
        categories=_categories(categories),
        guidance=guidance.strip(),
        created_by=person(by),
    )


@transaction.atomic
def plan_visit(
    *,
    by: User,
    unit: Any,
    visit_date: date,
    template: VisitTemplate,
    observers: Iterable[Any],
    answer_due: date | None = None,
    follow_up_of: Visit | None = None,
) -> Visit:
    """Plan a visit. Observers are experts on a started quality-monitor assignment under a
    signed contract (seed 000: no work without one)."""
    require(by, "observation.plan_visit")
    chosen = list(observers)
    if not chosen:
        raise ObservationError(_("Choose at least one observer."), field="observers")
    eligible = set(eligible_observers().values_list("pk", flat=True))
    if any(user.pk not in eligible for user in chosen):
        raise ObservationError(
            _("An observer needs a started quality-monitor assignment with a signed contract."),
            field="observers",
        )
    due = answer_due or visit_date + timedelta(days=ANSWER_DAYS)
    if due < visit_date:
        raise ObservationError(_("The answer is due after the visit."), field="answer_due")
    if follow_up_of is not None and (
        follow_up_of.unit_id != unit.pk or follow_up_of.status != Visit.Status.REPORTED
    ):
        raise ObservationError(
            _("A follow-up is of a reported visit to the same unit."), field="follow_up_of"
        )
    visit = Visit.objects.create(
        unit=unit,
        visit_date=visit_date,
        template=template,
        answer_due=due,
        follow_up_of=follow_up_of,
        created_by=by,
    )
    visit.observers.set(chosen)
    return visit


@dataclass(frozen=True)
class FindingInput:
    category: str
    severity: str
    description: str
    recommendation: str = ""
    photo: Any = None


def _tell_managers(visit: Visit, subject: str, body: str) -> None:
    for manager in managers_of(visit.unit):
        if manager.email:
            send_email(to=manager.email, subject=subject, body=body)


@transaction.atomic
def add_finding(*, by: User, visit: Visit, data: FindingInput) -> Finding:
    """Record a finding. An "act now" finding is told to the unit's managers at once."""
    require(by, "observation.write_findings", visit)
    problems: list[Problem] = []
    if data.category not in visit.template.categories:
        problems.append(Problem(_("Choose a category of the visit's template."), "category"))
    if data.severity not in Severity.values:
        problems.append(Problem(_("Choose the severity."), "severity"))
    if not data.description.strip():
        problems.append(Problem(_("Describe what you observed."), "description"))
    problems += personal_data_problems(
        {"description": data.description, "recommendation": data.recommendation}
    )
    if problems:
        raise ObservationError.of(problems)
    finding = Finding(
        visit=visit,
        category=data.category,
        severity=data.severity,
        description=data.description.strip(),
        recommendation=data.recommendation.strip(),
        created_by=by,
    )
    if data.photo:
        finding.photo.save("photo" + _suffix(data.photo), without_metadata(data.photo), save=False)
    finding.save()
    if finding.severity == Severity.ACT_NOW:
        url = absolute_url(reverse("observation:finding", kwargs={"pk": finding.pk}))
        _tell_managers(
            visit,
            _("Act now: a finding of the observation visit to %(unit)s") % {"unit": visit.unit},
            _(
                "A quality monitor's finding at %(unit)s needs action now (%(category)s). "
                "Read it and answer: %(url)s"
            )
            % {"unit": visit.unit, "category": finding.get_category_display(), "url": url},
        )
    return finding


def _suffix(photo: Any) -> str:
    return ".png" if str(getattr(photo, "name", "")).lower().endswith(".png") else ".jpg"


@transaction.atomic
def send_report(*, by: User, visit: Visit) -> Visit:
    """Send the report to the unit: its managers are told where to read it and by when to
    answer each finding."""
    require(by, "observation.send_report", visit)
    visit.status = Visit.Status.REPORTED
    visit.reported_at = timezone.now()
    visit.save(update_fields=["status", "reported_at"])
    url = absolute_url(reverse("observation:visit", kwargs={"pk": visit.pk}))
    _tell_managers(
        visit,
        _("Report of the observation visit to %(unit)s") % {"unit": visit.unit},
        _(
            "The report of the quality monitors' visit on %(date)s is ready (PDF on the page). "
            "Answer each finding with an action or reasons by %(due)s: %(url)s"
        )
        % {
            "date": visit.visit_date.strftime("%d.%m.%Y"),
            "due": visit.answer_due.strftime("%d.%m.%Y"),
            "url": url,
        },
    )
    return visit


@transaction.atomic
def answer_finding(
    *,
    by: User,
    finding: Finding,
    answer: str,
    reasons: str = "",
    action_title: str = "",
    action_due: date | None = None,
) -> Finding:
    """The unit answers a finding: with an action on the trail (linked to the finding) or with
    the reasons why nothing changes."""
    require(by, "observation.answer_finding", finding)
    if finding.status != Finding.Status.OPEN:
        raise ObservationError(_("This finding has been answered already."))
    if answer == Finding.Answer.ACTION:
        if not action_title.strip():
            raise ObservationError(_("Give the action a title."), field="action_title")
        refuse_personal_data({"action_title": action_title})
        create_action(
            by=by,
            title_fi=action_title,
            owner=by,
            unit=finding.visit.unit,
            due_date=action_due,
            inputs=[(KIND, finding.pk)],
        )
        finding.reasons = ""
    elif answer == Finding.Answer.REASONS:
        if len(reasons.strip()) < NO_CHANGE_REASONS_MIN_LENGTH:
            raise ObservationError(
                _("Write the reasons why nothing changes (at least %(count)s characters).")
                % {"count": NO_CHANGE_REASONS_MIN_LENGTH},
                field="reasons",
            )
        refuse_personal_data({"reasons": reasons})
        finding.reasons = reasons.strip()
    else:
        raise ObservationError(_("Choose an action or reasons."), field="answer")
    finding.answer = answer
    finding.status = Finding.Status.ANSWERED
    finding.answered_at = timezone.now()
    finding.answered_by = person(by)
    finding.save(update_fields=["answer", "reasons", "status", "answered_at", "answered_by"])
    return finding


def closing_problem(finding: Finding) -> str:
    """Why the finding cannot be closed now, or "" when it may be: the trail's closing rule
    (seed 004, feedback.services.closing_problem) — an effect, or the reasons why not."""
    if has_effect(KIND, finding.pk):
        return ""
    if (
        finding.answer == Finding.Answer.REASONS
        and len(finding.reasons) >= NO_CHANGE_REASONS_MIN_LENGTH
    ):
        return ""
    return _(
        "A finding is closed only with an effect (a done action, a decision) or the reasons "
        "why nothing changes."
    )


@transaction.atomic
def close_finding(*, by: User, finding: Finding) -> Finding:
    require(by, "observation.close_finding", finding)
    if finding.status == Finding.Status.CLOSED:
        return finding
    problem = closing_problem(finding)
    if problem:
        raise ObservationError(problem)
    finding.status = Finding.Status.CLOSED
    finding.closed_at = timezone.now()
    finding.save(update_fields=["status", "closed_at"])
    return finding


@transaction.atomic
def record_change(*, by: User, finding: Finding, visit: Visit, change: str) -> Finding:
    """On a follow-up visit, record whether what the finding was about changed."""
    require(by, "observation.record_change", finding)
    if visit.follow_up_of_id != finding.visit_id:
        raise ObservationError(_("This visit does not follow up the finding's visit."))
    if change not in Finding.Change.values:
        raise ObservationError(_("Choose whether it changed."), field="change")
    finding.change = change
    finding.followed_up_on = visit
    finding.save(update_fields=["change", "followed_up_on"])
    return finding
