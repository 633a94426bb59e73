"""Reads of survey campaigns: which a person may see, which units they may ask at, and a
campaign's results with how they were used (through the trail's selectors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from osallisuus.accounts.models import Role
from osallisuus.accounts.selectors import managed_units, roles_of, units_in_scope
from osallisuus.analysis.taxonomy import theme_label
from osallisuus.days import start_of_day
from osallisuus.feedback.models import QuestionSet
from osallisuus.feedback.report_selectors import QuestionSetFigures, question_set_figures
from osallisuus.organisation.models import Unit
from osallisuus.reports.selectors import QuestionFigures, figures_of, min_group
from osallisuus.trail.selectors import Outcome, outcomes_for_input

from .models import Campaign

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

COUNTY_ROLES = {Role.COORDINATOR, Role.ADMINISTRATOR, Role.DECISION_MAKER}
EDIT_ALL_ROLES = {Role.COORDINATOR, Role.ADMINISTRATOR}


def campaigns_visible_to(user: MaybeUser) -> QuerySet[Campaign]:
    """County-wide roles see every campaign; unit-scoped staff those asked at their units."""
    roles = roles_of(user)
    if roles & COUNTY_ROLES:
        return Campaign.objects.all()
    if not roles & {Role.STAFF, Role.UNIT_MANAGER, Role.PRODUCER_CONTACT}:
        return Campaign.objects.none()
    return Campaign.objects.filter(units__in=units_in_scope(user)).distinct()


def campaigns_given_at(*, units: QuerySet[Unit], start: date, end: date) -> QuerySet[Campaign]:
    """Campaigns asked at any of `units` that ended from `start` to `end`, both days included
    (a campaign's results are its input, given when it closes)."""
    return Campaign.objects.filter(
        pk__in=Campaign.objects.filter(units__in=units).values("pk"),
        ends_on__gte=start,
        ends_on__lte=end,
    )


def campaigns_for(user: MaybeUser) -> QuerySet[Campaign]:
    """The campaigns list: newest first, with their question set and units read in two queries."""
    return (
        Campaign.objects.filter(pk__in=campaigns_visible_to(user).values("pk"))
        .select_related("question_set")
        .prefetch_related("units")
        .order_by("-starts_on", "-pk")
    )


def access_campaign(*, user: MaybeUser, pk: int) -> Campaign:
    """A campaign the user may see, or 404 (whether it exists is not revealed)."""
    campaign = campaigns_for(user).filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def campaign_units_for(user: MaybeUser) -> QuerySet[Unit]:
    """Units the user may ask at: every active unit for coordinators and administrators, the
    units they manage for unit managers."""
    roles = roles_of(user)
    units: QuerySet[Unit]
    if roles & EDIT_ALL_ROLES:
        units = Unit.objects.filter(active=True)
    elif Role.UNIT_MANAGER in roles:
        units = managed_units(user).filter(active=True)
    else:
        units = Unit.objects.none()
    return units.order_by("name_fi")


def may_edit(user: MaybeUser, campaign: Campaign) -> bool:
    """Coordinators and administrators edit any campaign; a unit manager one whose every unit
    they manage (the question is then theirs to ask)."""
    roles = roles_of(user)
    if roles & EDIT_ALL_ROLES:
        return True
    if Role.UNIT_MANAGER not in roles:
        return False
    own = set(managed_units(user).values_list("pk", flat=True))
    units = {unit.pk for unit in campaign.units.all()}
    return bool(units) and units <= own


def question_sets() -> QuerySet[QuestionSet]:
    return QuestionSet.objects.filter(active=True).order_by("name_fi", "-version")


def _label(theme: str) -> str:
    try:
        return theme_label(theme, (get_language() or "fi")[:2])
    except KeyError:
        return theme


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    label: str
    count: int


@dataclass
class CampaignResults:
    """What a campaign's results page shows: figures (hidden below the minimum) and, once it
    has closed, how the results were used."""

    campaign: Campaign
    minimum: int
    count: int
    comments: int
    # Each statement with its own wording, scale and counts, never averaged together (#21
    # item 10); a statement below the minimum is hidden on its own.
    questions: list[QuestionFigures] = field(default_factory=list)
    themes: list[ThemeCount] = field(default_factory=list)
    hidden_themes: int = 0
    used: list[Outcome] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.campaign.is_closed()

    @property
    def count_shown(self) -> bool:
        return self.count >= self.minimum


def _figures(campaign: Campaign, *, answers: bool) -> QuestionSetFigures:
    """The campaign's figures: counted from its items while it runs; once it has closed, kept
    on the campaign the first time they are counted (Campaign.final_figures) and read from there
    after that, so a closed campaign's results cost the same however much feedback there is."""
    closed = campaign.is_closed()
    if closed and campaign.final_figures is not None:
        return QuestionSetFigures.from_json(campaign.final_figures)
    figures = question_set_figures(
        question_set_id=campaign.question_set_id,
        units=campaign.units.all(),
        since=start_of_day(campaign.starts_on),
        until=start_of_day(campaign.ends_on + timedelta(days=1)),
        answers=answers or closed,
    )
    if closed:
        kept = figures.as_json()
        Campaign.objects.filter(pk=campaign.pk, final_figures__isnull=True).update(
            final_figures=kept
        )
        campaign.final_figures = kept
    return figures


def campaign_results(
    campaign: Campaign, *, language: str | None = None, questions: bool = True
) -> CampaignResults:
    """The campaign's figures from the feedback given through its question set at its units in
    its period; groups below settings.PUBLIC_MIN_ANSWERS are hidden, themes one by one."""
    minimum = min_group()
    figures = _figures(campaign, answers=questions)
    results = CampaignResults(
        campaign=campaign,
        minimum=minimum,
        count=figures.count,
        comments=figures.comments,
        questions=figures_of(figures.answers) if questions else [],
    )
    results.themes = [
        ThemeCount(theme, _label(theme), n)
        for theme, n in figures.themes.most_common()
        if n >= minimum
    ]
    results.hidden_themes = len([n for n in figures.themes.values() if 0 < n < minimum])
    if campaign.is_closed():
        results.used = outcomes_for_input(
            "campaign", campaign.pk, (language or get_language() or "fi")[:2]
        )
    return results


def public_campaign_results(unit: Unit, *, language: str | None = None) -> list[CampaignResults]:
    """For the unit's public page ("you said, we did", trail/public.py): the closed campaigns
    asked at the unit in the last year, each with its figures and the use of its results."""
    today = timezone.localdate()
    campaigns = (
        Campaign.objects.filter(
            units=unit, ends_on__lt=today, ends_on__gte=today - timedelta(days=365)
        )
        .select_related("question_set")
        .order_by("-ends_on", "-pk")
    )
    return [campaign_results(campaign, language=language) for campaign in campaigns]
