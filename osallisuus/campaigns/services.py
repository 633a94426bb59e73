"""Writes of survey campaigns: plan one, change one. Each checks who acts and the period."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError, Problem
from osallisuus.feedback.models import QuestionSet
from osallisuus.organisation.models import Unit

from .models import Campaign
from .selectors import campaign_units_for, question_sets

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class CampaignError(DomainError):
    """A campaign that cannot be saved as given."""


def _check(
    *,
    by: User,
    title_fi: str,
    question_set: QuestionSet | None,
    units: list[Unit],
    starts_on: date | None,
    ends_on: date | None,
) -> tuple[QuestionSet, date, date]:
    """The question set and the two days, once every rule holds; else every problem at once."""
    problems: list[Problem] = []
    if not title_fi.strip():
        problems.append(Problem(_("Give the campaign a title in Finnish."), "title_fi"))
    if question_set is None or not question_sets().filter(pk=question_set.pk).exists():
        problems.append(Problem(_("Choose an active question set."), "question_set"))
    if not units:
        problems.append(Problem(_("Choose at least one unit."), "units"))
    else:
        allowed = set(campaign_units_for(by).values_list("pk", flat=True))
        if any(unit.pk not in allowed for unit in units):
            problems.append(Problem(_("Choose only units you may ask at."), "units"))
    if starts_on is None:
        problems.append(Problem(_("Give the first day."), "starts_on"))
    if ends_on is None:
        problems.append(Problem(_("Give the last day."), "ends_on"))
    elif starts_on is not None and ends_on < starts_on:
        problems.append(Problem(_("The last day cannot be before the first day."), "ends_on"))
    if problems or question_set is None or starts_on is None or ends_on is None:
        raise CampaignError.of(problems)
    return question_set, starts_on, ends_on


@transaction.atomic
def create_campaign(
    *,
    by: User,
    title_fi: str,
    question_set: QuestionSet | None,
    units: Iterable[Unit],
    starts_on: date | None,
    ends_on: date | None,
    title_sv: str = "",
    title_en: str = "",
) -> Campaign:
    """Plan a campaign: the feedback given through the question set at the units between the
    two days (both included) becomes its results."""
    require(by, "campaigns.add_campaign")
    chosen = list(units)
    question_set, starts_on, ends_on = _check(
        by=by,
        title_fi=title_fi,
        question_set=question_set,
        units=chosen,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    campaign = Campaign.objects.create(
        title_fi=title_fi.strip(),
        title_sv=title_sv.strip(),
        title_en=title_en.strip(),
        question_set=question_set,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
    )
    campaign.units.set(chosen)
    return campaign


@transaction.atomic
def update_campaign(
    *,
    campaign: Campaign,
    by: User,
    title_fi: str,
    question_set: QuestionSet | None,
    units: Iterable[Unit],
    starts_on: date | None,
    ends_on: date | None,
    title_sv: str = "",
    title_en: str = "",
) -> Campaign:
    """Change a campaign's title, question set, units or period."""
    require(by, "campaigns.change_campaign", campaign)
    chosen = list(units)
    question_set, starts_on, ends_on = _check(
        by=by,
        title_fi=title_fi,
        question_set=question_set,
        units=chosen,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    campaign.title_fi = title_fi.strip()
    campaign.title_sv = title_sv.strip()
    campaign.title_en = title_en.strip()
    campaign.question_set = question_set
    campaign.starts_on = starts_on
    campaign.ends_on = ends_on
    # Another question set, units or period: the final figures are counted again.
    campaign.final_figures = None
    campaign.save()
    campaign.units.set(chosen)
    return campaign
