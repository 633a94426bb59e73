"""Reads of reports: dashboards and rising themes, computed from the roll-ups only.

Every figure starts from the units in the user's scope; the number of queries and the rows read
depend on units × months × channels, never on the number of feedback items.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from osallisuus.accounts.selectors import units_in_scope
from osallisuus.analysis.taxonomy import theme_label
from osallisuus.analysis.trends import RisingTheme, rising_themes
from osallisuus.organisation.models import Service, Unit

from .models import COUNTER_FIELDS, SCORE_FIELDS, AnswerRollup, MonthlyRollup, ThemeRollup

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

# The figures by unit and month that exports and the API give. The roll-up's score_1…5 count
# each item's first five-point answer, whatever statement that is: never shown as a figure
# (#21 item 10); each statement's own counts come from the answer roll-ups (question_figures).
AGGREGATE_FIELDS = tuple(name for name in COUNTER_FIELDS if name not in SCORE_FIELDS)


def min_group() -> int:
    """Figures for fewer answers are hidden, so no one can be recognised from them: the same
    smallest group as on the public pages (settings.PUBLIC_MIN_ANSWERS)."""
    return int(settings.PUBLIC_MIN_ANSWERS)


TREND_MONTHS = 12
BASELINE_MONTHS = 12


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> list[date]:
    months = []
    current = start
    while current <= end:
        months.append(current)
        current = add_months(current, 1)
    return months


def answer_time_passed(month: date, days: int, today: date) -> bool:
    """The answer time has passed for every item of `month` once its last day plus `days` lie
    behind us: shares answered in time count only such months (dashboards and public pages)."""
    return add_months(month, 1) - timedelta(days=1) + timedelta(days=days) < today


@dataclass(frozen=True)
class Period:
    """Whole calendar months from `start` to `end` (both the first day of their month)."""

    start: date
    end: date

    @classmethod
    def default(cls, today: date | None = None) -> Period:
        end = (today or timezone.localdate()).replace(day=1)
        return cls(add_months(end, -(TREND_MONTHS - 1)), end)

    @property
    def months(self) -> list[date]:
        return months_between(self.start, self.end)


@dataclass
class Rising:
    theme: str
    label: str
    count: int
    expected: float
    p_value: float


@dataclass
class MonthFigures:
    month: date
    count: int


@dataclass
class Dashboard:
    """Everything one dashboard shows, for a set of units and a period."""

    period: Period
    count: int = 0
    comments: int = 0
    nps_promoters: int = 0
    nps_passives: int = 0
    nps_detractors: int = 0
    answered_in_time: int = 0
    due_count: int = 0
    due_until: date | None = None
    change_made: int = 0
    channels: list[tuple[str, int]] = field(default_factory=list)
    trend: list[MonthFigures] = field(default_factory=list)
    top_themes: list[tuple[str, str, int]] = field(default_factory=list)
    rising: list[Rising] = field(default_factory=list)

    @property
    def nps_answers(self) -> int:
        return self.nps_promoters + self.nps_passives + self.nps_detractors

    @property
    def recommendation_index(self) -> int | None:
        """Promoters minus detractors, as a share of answers (−100…100); hidden for few."""
        if self.nps_answers < min_group():
            return None
        return round(100 * (self.nps_promoters - self.nps_detractors) / self.nps_answers)

    @property
    def in_time_share(self) -> int | None:
        if self.due_count < min_group():
            return None
        return round(100 * self.answered_in_time / self.due_count)


def report_units(user: MaybeUser) -> QuerySet[Unit]:
    """Units whose figures the user may see: own units for staff, the county for county roles."""
    return units_in_scope(user)


def access_unit(*, user: MaybeUser, code: str) -> Unit:
    """A unit in the user's scope, or 404 (do not reveal that it exists)."""
    unit = report_units(user).select_related("service").filter(code=code.upper()).first()
    if unit is None:
        raise Http404
    return unit


def access_service(*, user: MaybeUser, pk: int) -> tuple[Service, QuerySet[Unit]]:
    """A service and its units in the user's scope, or 404 when none of them is."""
    units = report_units(user).filter(service_id=pk)
    service = Service.objects.filter(pk=pk, units__in=units).distinct().first()
    if service is None:
        raise Http404
    return service, units


def reportable_services(user: MaybeUser) -> QuerySet[Service]:
    return Service.objects.filter(units__in=report_units(user)).distinct().order_by("name_fi")


def _theme_label(theme: str) -> str:
    try:
        return theme_label(theme, (get_language() or "fi")[:2])
    except KeyError:
        return theme


def dashboard(*, units: QuerySet[Unit], period: Period, today: date | None = None) -> Dashboard:
    """Figures for the units and period: two queries on the roll-ups, whatever the data size."""
    from osallisuus.feedback.models import Channel  # labels only

    today = today or timezone.localdate()
    trend_start = add_months(period.end, -(TREND_MONTHS - 1))
    baseline_start = add_months(period.end, -BASELINE_MONTHS)
    first = min(period.start, trend_start, baseline_start)
    result = Dashboard(period=period)
    sums = {name: Sum(name) for name in COUNTER_FIELDS}
    rows = (
        MonthlyRollup.objects.filter(unit__in=units, month__gte=first, month__lte=period.end)
        .values("month", "channel")
        .annotate(**sums)
        .order_by()
    )
    by_month: dict[date, Counter[str]] = defaultdict(Counter)
    channels: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    due_until: date | None = None
    row: dict[str, Any]
    for row in rows:  # type: ignore[assignment]
        month = row["month"]
        values = Counter({name: row[name] or 0 for name in COUNTER_FIELDS})
        by_month[month].update(values)
        if period.start <= month <= period.end:
            totals.update(values)
            channels[row["channel"]] += values["count"]
            if answer_time_passed(month, settings.FEEDBACK_RESPONSE_DAYS, today):
                result.answered_in_time += values["answered_in_time"]
                result.due_count += values["count"]
                month_end = add_months(month, 1) - timedelta(days=1)
                due_until = max(due_until or month_end, month_end)
    result.due_until = due_until
    result.count = totals["count"]
    result.comments = totals["comments"]
    result.nps_promoters = totals["nps_promoters"]
    result.nps_passives = totals["nps_passives"]
    result.nps_detractors = totals["nps_detractors"]
    result.change_made = totals["change_made"]
    labels = dict(Channel.choices)
    result.channels = [
        (str(labels.get(channel, channel)), n) for channel, n in channels.most_common() if n
    ]
    for month in months_between(trend_start, period.end):
        result.trend.append(MonthFigures(month, by_month.get(month, Counter())["count"]))
    theme_rows = (
        ThemeRollup.objects.filter(unit__in=units, month__gte=first, month__lte=period.end)
        .values("month", "theme")
        .annotate(total=Sum("count"))
        .order_by()
    )
    themes_by_month: dict[date, dict[str, int]] = defaultdict(dict)
    top: Counter[str] = Counter()
    for row in theme_rows:  # type: ignore[assignment]
        themes_by_month[row["month"]][row["theme"]] = row["total"] or 0
        if period.start <= row["month"] <= period.end:
            top[row["theme"]] += row["total"] or 0
    result.top_themes = [(t, _theme_label(t), n) for t, n in top.most_common(8) if n]
    result.rising = _rising(by_month, themes_by_month, period.end)
    return result


def _rising(
    by_month: dict[date, Counter[str]],
    themes_by_month: dict[date, dict[str, int]],
    month: date,
) -> list[Rising]:
    previous_months = [add_months(month, -n) for n in range(1, BASELINE_MONTHS + 1)]
    found = rising_theme_list(
        current=themes_by_month.get(month, {}),
        current_total=by_month.get(month, Counter())["comments"],
        previous=[themes_by_month.get(m, {}) for m in previous_months],
        previous_totals=[by_month.get(m, Counter())["comments"] for m in previous_months],
    )
    return [
        Rising(r.theme, _theme_label(r.theme), r.count, r.expected, r.adjusted_p_value)
        for r in found
    ]


def rising_theme_list(
    *,
    current: dict[str, int],
    current_total: int,
    previous: list[dict[str, int]],
    previous_totals: list[int],
) -> list[RisingTheme]:
    """The analysis package's test (one-sided Poisson, Holm-corrected, minimum count 5)."""
    return rising_themes(
        current=current,
        current_total=current_total,
        previous=previous,
        previous_totals=previous_totals,
    )


def rising_for(*, units: QuerySet[Unit], month: date) -> list[Rising]:
    """Themes rising in `month` against the months before it, for these units."""
    return dashboard(units=units, period=Period(month, month)).rising


@dataclass(frozen=True)
class AggregateRow:
    """One unit's figures for one month, as the aggregate export and API give them."""

    unit_code: str
    month: str
    count: int
    comments: int
    nps_promoters: int
    nps_passives: int
    nps_detractors: int
    answered_in_time: int
    answered_late: int
    change_made: int


@dataclass(frozen=True)
class AnswerCount:
    value: int
    label: str
    count: int


@dataclass(frozen=True)
class QuestionFigures:
    """One question's answers, counted per value of its own scale (never mixed with another
    question's); `shown` is False below the minimum group and then `counts` is empty."""

    question_id: int
    key: str
    type: str
    text: str
    ends: str
    answers: int | None  # None when hidden
    shown: bool
    counts: list[AnswerCount] = field(default_factory=list)


def question_figures(*, units: QuerySet[Unit], period: Period) -> list[QuestionFigures]:
    """Per-question answer counts of the units over the period, from the answer roll-ups, in
    question order; in the active language."""
    rows = (
        AnswerRollup.objects.filter(unit__in=units, month__gte=period.start, month__lte=period.end)
        .values("question_id", "value")
        .annotate(total=Sum("count"))
        .order_by()
    )
    counts: dict[int, Counter[int]] = defaultdict(Counter)
    for row in rows:
        if row["total"]:
            counts[row["question_id"]][row["value"]] += row["total"]
    return figures_of(counts)


def figures_of(counts: dict[int, Counter[int]]) -> list[QuestionFigures]:
    """Each question's counts per value (question id → value → answers) as the pages show them:
    its own wording and scale, in question order, hidden below the minimum group."""
    from osallisuus.feedback.report_selectors import question_wordings

    wordings = question_wordings(counts)
    minimum = min_group()
    figures = []
    for wording in sorted(wordings.values(), key=lambda w: w.order):
        by_value = counts[wording.question_id]
        answers = sum(by_value.values())
        shown = answers >= minimum
        figures.append(
            QuestionFigures(
                question_id=wording.question_id,
                key=wording.key,
                type=wording.type,
                text=wording.text,
                ends=wording.ends,
                answers=answers if shown else None,
                shown=shown,
                counts=[
                    AnswerCount(value, label, by_value[value]) for value, label in wording.scale
                ]
                if shown
                else [],
            )
        )
    return figures


def answer_count(*, units: QuerySet[Unit], period: Period) -> int:
    """How many feedback items the units received over the period (suspected mashing left out)."""
    total = MonthlyRollup.objects.filter(
        unit__in=units, month__gte=period.start, month__lte=period.end
    ).aggregate(total=Sum("count"))["total"]
    return int(total or 0)


def aggregate_rows(*, units: QuerySet[Unit], period: Period) -> QuerySet[Any]:
    """Per unit and month sums over channels, ordered for stable pages."""
    sums = {name: Sum(name) for name in AGGREGATE_FIELDS}
    return (
        MonthlyRollup.objects.filter(unit__in=units, month__gte=period.start, month__lte=period.end)
        .values("unit__code", "month")
        .annotate(**sums)
        .order_by("month", "unit__code")
    )


def iter_aggregates(*, units: QuerySet[Unit], period: Period) -> Iterator[AggregateRow]:
    for row in aggregate_rows(units=units, period=period):
        yield AggregateRow(
            unit_code=row["unit__code"],
            month=row["month"].strftime("%Y-%m"),
            **{name: row[name] or 0 for name in AGGREGATE_FIELDS},
        )


@dataclass(frozen=True, slots=True)
class HandlingCounts:
    """How the items of some units and whole months were handled, from the roll-ups (no
    suppression here: the caller hides groups below the minimum)."""

    count: int
    # Items with an answering step, and items where a change was made.
    answered: int
    change_made: int
    # Items of the months whose answer time has passed for every item (answer_time_passed),
    # and of those the items answered within their due time: the promise's group and its kept.
    promise_due: int
    promise_kept: int


def handling_counts(
    *, units: QuerySet[Unit], start: date, end: date, promise_days: int, today: date | None = None
) -> HandlingCounts:
    """Counts for the months from `start` up to but not including `end` (first days of their
    months): one query on the roll-ups, whatever the number of items."""
    today = today or timezone.localdate()
    rows = (
        MonthlyRollup.objects.filter(unit__in=units, month__gte=start, month__lt=end)
        .values("month")
        .annotate(
            count=Sum("count"),
            in_time=Sum("answered_in_time"),
            late=Sum("answered_late"),
            changed=Sum("change_made"),
        )
        .order_by()
    )
    totals: Counter[str] = Counter()
    for row in rows:
        values = {name: int(row[name] or 0) for name in ("count", "in_time", "late", "changed")}
        totals.update(values)
        if answer_time_passed(row["month"], promise_days, today):
            totals["due"] += values["count"]
            totals["kept"] += values["in_time"]
    return HandlingCounts(
        count=totals["count"],
        answered=totals["in_time"] + totals["late"],
        change_made=totals["changed"],
        promise_due=totals["due"],
        promise_kept=totals["kept"],
    )


def theme_totals(*, units: QuerySet[Unit], start: date, end: date) -> Counter[str]:
    """How many comments raised each theme over the months from `start` up to but not including
    `end`, from the theme roll-ups (only items with text have themes that count)."""
    rows = (
        ThemeRollup.objects.filter(unit__in=units, month__gte=start, month__lt=end)
        .values("theme")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return Counter({row["theme"]: int(row["total"]) for row in rows if row["total"]})


@dataclass(frozen=True, slots=True)
class ThemeMonths:
    """Comments of the units `unit_ids` on `themes` over the months from `start` up to but not
    including `end` (first days of their months)."""

    unit_ids: frozenset[int]
    themes: tuple[str, ...]
    start: date
    end: date


def count_theme_months(windows: Sequence[ThemeMonths]) -> list[int]:
    """How many times the windows' themes were raised in each window (a comment raising two of
    the themes counts twice), from the theme roll-ups: one query for all the windows, reading
    only their units' and themes' months, whatever the number of items."""
    wanted = [w for w in windows if w.themes and w.unit_ids]
    if not wanted:
        return [0] * len(windows)
    rows = ThemeRollup.objects.filter(
        unit_id__in=set().union(*(w.unit_ids for w in wanted)),
        theme__in={theme for w in wanted for theme in w.themes},
        month__gte=min(w.start for w in wanted),
        month__lt=max(w.end for w in wanted),
    ).values_list("unit_id", "theme", "month", "count")
    months: dict[tuple[int, str], list[tuple[date, int]]] = defaultdict(list)
    for unit_id, theme, month, count in rows:
        months[(unit_id, theme)].append((month, count))
    return [
        sum(
            count
            for unit_id in w.unit_ids
            for theme in w.themes
            for month, count in months.get((unit_id, theme), ())
            if w.start <= month < w.end
        )
        for w in windows
    ]
