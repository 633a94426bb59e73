"""Reads of the self-monitoring summaries: the four-month periods and their due dates, one
unit's summary (reports' roll-ups for the scores, the trail's public selectors for themes,
changes and reasons), and which units are overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from osallisuus.organisation.models import Unit
from osallisuus.trail import public as trail_public

from ..selectors import (
    Period,
    QuestionFigures,
    access_unit,
    add_months,
    dashboard,
    min_group,
    question_figures,
    report_units,
)
from .models import SelfMonitoringPublication

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

# Act 741/2023 § 27: the follow-up of self-monitoring is published every four months.
MONTHS = 4
PARTS = 3
# Overdue summaries are looked for in the periods of the last year.
LOOK_BACK = 3
# A period's slug starts with a four-digit year ("2026-1").
YEAR_DIGITS = 4


def due_days() -> int:
    """Days after a period ends before its summary is due (settings.SELF_MONITORING_DUE_DAYS)."""
    return int(settings.SELF_MONITORING_DUE_DAYS)


@dataclass(frozen=True, order=True)
class FourMonths:
    """January–April (1), May–August (2) or September–December (3) of a year."""

    year: int
    part: int

    @classmethod
    def of(cls, day: date) -> FourMonths:
        return cls(day.year, (day.month - 1) // MONTHS + 1)

    @classmethod
    def parse(cls, slug: str) -> FourMonths:
        """ "2026-1" → the first four months of 2026; anything else is 404."""
        year, _sep, part = slug.partition("-")
        if not (
            year.isdigit()
            and part.isdigit()
            and len(year) == YEAR_DIGITS
            and 1 <= int(part) <= PARTS
        ):
            raise Http404
        return cls(int(year), int(part))

    @property
    def slug(self) -> str:
        return f"{self.year}-{self.part}"

    @property
    def start(self) -> date:
        return date(self.year, (self.part - 1) * MONTHS + 1, 1)

    @property
    def end(self) -> date:
        """The day after the last day."""
        return add_months(self.start, MONTHS)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def due(self) -> date:
        return self.last_day + timedelta(days=due_days())

    def previous(self) -> FourMonths:
        return (
            FourMonths(self.year - 1, PARTS)
            if self.part == 1
            else FourMonths(self.year, self.part - 1)
        )

    def has_ended(self, today: date | None = None) -> bool:
        return self.end <= (today or timezone.localdate())


def last_ended(today: date | None = None) -> FourMonths:
    return FourMonths.of(today or timezone.localdate()).previous()


@dataclass
class Summary:
    """The feedback part of one unit's self-monitoring follow-up for one four-month period."""

    unit: Unit
    period: FourMonths
    minimum: int
    count: int
    comments: int
    # Each statement with its own wording, scale and counts (hidden below the minimum).
    questions: list[QuestionFigures]
    # Feedback items handled with "change made" in the period.
    change_made: int
    outcomes: trail_public.YouSaidWeDid
    publication: SelfMonitoringPublication | None

    @property
    def themes(self) -> list[trail_public.RaisedTheme]:
        """The main themes: the most raised, each by at least the minimum number."""
        return self.outcomes.raised[:8]

    @property
    def changes(self) -> list[trail_public.Outcome]:
        return self.outcomes.done

    @property
    def has_changes(self) -> bool:
        """A change was recorded: a done action, a decision that changed something, or
        feedback handled with "change made"."""
        return bool(self.outcomes.done) or self.change_made > 0

    @property
    def published(self) -> bool:
        return self.publication is not None


def summary(unit: Unit, period: FourMonths) -> Summary:
    """Counts and each question's answers from the roll-ups, themes and outcomes from the
    trail's public reads: the same figures, hidden below the same minimum, as the unit's
    dashboard and public page."""
    units = Unit.objects.filter(pk=unit.pk)
    months = Period(period.start, add_months(period.start, MONTHS - 1))
    board = dashboard(units=units, period=months)
    outcomes = trail_public.unit_outcomes(
        unit, period=trail_public.Period(period.start, period.end)
    )
    return Summary(
        unit=unit,
        period=period,
        minimum=min_group(),
        count=board.count,
        comments=board.comments,
        questions=question_figures(units=units, period=months),
        change_made=board.change_made,
        outcomes=outcomes,
        publication=publication_of(unit, period),
    )


def publication_of(unit: Unit, period: FourMonths) -> SelfMonitoringPublication | None:
    return SelfMonitoringPublication.objects.filter(
        unit=unit, year=period.year, part=period.part
    ).first()


def access_summary_unit(*, user: MaybeUser, code: str, period: FourMonths) -> Unit:
    """A unit in the user's scope and an ended period, or 404."""
    if not period.has_ended():
        raise Http404
    return access_unit(user=user, code=code)


def access_published(*, code: str, period: FourMonths) -> tuple[Unit, SelfMonitoringPublication]:
    """For anyone: a published summary, or 404 (an unpublished one is not revealed)."""
    found = (
        SelfMonitoringPublication.objects.select_related("unit")
        .filter(unit__code=code.upper(), year=period.year, part=period.part)
        .first()
    )
    if found is None:
        raise Http404
    return found.unit, found


@dataclass(frozen=True)
class Due:
    """One unit's summary of one period: when it is due and whether it is published."""

    unit: Unit
    period: FourMonths
    published: bool
    overdue: bool


def _rows(units: QuerySet[Unit], periods: list[FourMonths], today: date) -> list[Due]:
    published = set(
        SelfMonitoringPublication.objects.filter(
            unit__in=units, year__gte=min(p.year for p in periods)
        ).values_list("unit_id", "year", "part")
    )
    rows = []
    for period in periods:
        for unit in units:
            done = (unit.pk, period.year, period.part) in published
            rows.append(Due(unit, period, done, not done and period.due < today))
    return rows


def summaries_for(user: MaybeUser, *, today: date | None = None) -> list[Due]:
    """The user's units and the last ended period: due date and whether published."""
    today = today or timezone.localdate()
    units = report_units(user).filter(active=True).order_by("name_fi")
    return _rows(units, [last_ended(today)], today)


def overdue_in(units: QuerySet[Unit], *, today: date) -> list[Due]:
    """Summaries of `units` past their due date and not published, in the periods of the last
    year, oldest period first."""
    periods = [last_ended(today)]
    while len(periods) < LOOK_BACK:
        periods.append(periods[-1].previous())
    units = units.filter(active=True).order_by("name_fi")
    return [row for row in _rows(units, sorted(periods), today) if row.overdue]


def overdue_for(user: MaybeUser, *, today: date | None = None) -> list[Due]:
    """Overdue summaries of the units in the user's scope (the whole county for coordinators)."""
    return overdue_in(report_units(user), today=today or timezone.localdate())
