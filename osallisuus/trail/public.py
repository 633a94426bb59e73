"""The public trail: "you said, we did" for a unit or a service over a period.

What people raised (themes with counts), what was done (done actions, accepted decisions), what
was not changed and why (dropped actions, decisions that changed nothing, feedback closed with
"no change"), the figures Care Opinion publishes (share answered, share with a change made), the
service promise and how often it was kept, and "did the change work?": new feedback on the same
unit and theme for a while after a change (seed 000: "herkkä kuuntelu uudelle palautteelle").

Every figure is defined once here or in feedback's report_selectors; groups smaller than
settings.PUBLIC_MIN_ANSWERS are hidden (ARCHITECTURE: counts protect people). Only public texts,
reasons and the unit's "no change" texts leave, with personal data removed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from osallisuus.analysis.pipeline import analyse
from osallisuus.analysis.taxonomy import theme_label
from osallisuus.days import start_of_day
from osallisuus.feedback import report_selectors
from osallisuus.organisation.models import Service, Unit
from osallisuus.organisation.selectors import answer_promise
from osallisuus.reports.selectors import (
    ThemeMonths,
    add_months,
    count_theme_months,
    handling_counts,
    min_group,
    theme_totals,
)

from .kinds import UnknownKindError, input_kind
from .models import Action, Decision, InputLink, Matter

DONE_OUTCOMES = (Decision.Outcome.ACCEPTED, Decision.Outcome.ACCEPTED_WITH_CHANGES)
# The most recent outcomes a public page lists in each section.
LIST_LIMIT = 30


def follow_up_months() -> int:
    """How many whole months comments on a change's themes are followed
    (settings.TRAIL_FOLLOW_UP_MONTHS)."""
    return int(settings.TRAIL_FOLLOW_UP_MONTHS)


@dataclass(frozen=True)
class Period:
    """Whole calendar months from `start` up to but not including `end` (both the first day of
    their month): the figures come from the monthly roll-ups, so their cost does not grow with
    the number of items."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start.day != 1 or self.end.day != 1:
            raise ValueError("a public period is made of whole months")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @classmethod
    def last_year(cls, today: date | None = None) -> Period:
        """The last twelve months: this month so far and the eleven before it."""
        this_month = (today or timezone.localdate()).replace(day=1)
        return cls(add_months(this_month, -11), add_months(this_month, 1))

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def since(self) -> datetime:
        return start_of_day(self.start)

    @property
    def until(self) -> datetime:
        return start_of_day(self.end)


def share(part: int, whole: int) -> int | None:
    """A percentage, or None for a group below the minimum."""
    if whole < min_group() or whole == 0:
        return None
    return round(100 * part / whole)


def _label(theme: str) -> str:
    try:
        return theme_label(theme, (get_language() or "fi")[:2])
    except KeyError:
        return theme


def _redacted(text: str) -> str:
    """Reasons and answers are written by staff; strip any personal data all the same."""
    return analyse(text).redacted if text else ""


@dataclass(frozen=True)
class RaisedTheme:
    theme: str
    label: str
    count: int


@dataclass(frozen=True)
class FollowUp:
    """Comments on the same unit(s) and themes in the whole months after the month of a change,
    beside as many months before it (the change's own month holds both and is left out); a
    count below the minimum is None (shown as "fewer than"). Counted from the theme roll-ups,
    so a page costs the same however much feedback there is."""

    themes: tuple[str, ...]
    labels: tuple[str, ...]
    months: int
    # The months after the change's month: from `since` up to and including `until`.
    since: date
    until: date
    running: bool
    before: int | None
    after: int | None
    before_count: int = 0
    after_count: int = 0


@dataclass
class Outcome:
    """One action or decision as the public reads it."""

    kind: str  # "action" | "decision"
    id: int
    title: str
    at: date
    status: str
    status_label: str
    text: str = ""
    language: str = "fi"
    reasons: str = ""
    decided_by: str = ""
    follow_up: FollowUp | None = None


@dataclass(frozen=True)
class ClosedWithoutChange:
    text: str
    count: int
    at: date


@dataclass(frozen=True)
class PromiseFigures:
    days: int
    promised: bool
    text: str
    due_count: int
    kept_share: int | None


@dataclass
class YouSaidWeDid:
    """Everything the public "you said, we did" section shows for some units and a period."""

    period: Period
    minimum: int
    count: int
    raised: list[RaisedTheme] = field(default_factory=list)
    hidden_themes: int = 0
    done: list[Outcome] = field(default_factory=list)
    not_changed: list[Outcome] = field(default_factory=list)
    closed_without_change: list[ClosedWithoutChange] = field(default_factory=list)
    answered_share: int | None = None
    change_share: int | None = None
    promise: PromiseFigures | None = None


# --- "Did the change work?" ----------------------------------------------------------------------


def _scope_unit_ids(
    obj: Action | Matter, fallback: frozenset[int], services: dict[int, frozenset[int]]
) -> frozenset[int]:
    """The units a change is followed on: its own unit, else its service's units (`services`
    remembers them per service for one page), else the page's units."""
    if obj.unit_id:
        return frozenset({obj.unit_id})
    if obj.service_id:
        if obj.service_id not in services:
            units = Unit.objects.filter(service_id=obj.service_id).values_list("pk", flat=True)
            services[obj.service_id] = frozenset(units)
        return services[obj.service_id]
    return fallback


# One link as linked_themes reads it: (kind, object_id, action_id, matter_id).
LINK_ROW = ("kind", "object_id", "action_id", "matter_id")
LinkRow = tuple[str, int, int | None, int | None]


def linked_themes(links: Iterable[LinkRow]) -> dict[tuple[str, int | None, int | None], set[str]]:
    """Themes of the linked inputs (rows of LINK_ROW), per (kind of owner, action id, matter
    id): one read per input kind, through the kind's own `themes_of` or summaries (the trail
    never reads an input app's models)."""
    by_kind: dict[str, set[int]] = defaultdict(set)
    links = list(links)
    for kind_name, object_id, _action_id, _matter_id in links:
        by_kind[kind_name].add(object_id)
    themes_of: dict[tuple[str, int], tuple[str, ...]] = {}
    for kind_name, pks in by_kind.items():
        try:
            kind = input_kind(kind_name)
        except UnknownKindError:
            continue
        themes = getattr(kind, "themes_of", None)
        if themes is not None:
            for pk, item_themes in themes(pks).items():
                themes_of[(kind_name, pk)] = item_themes
            continue
        for item in kind.summaries(pks):
            themes_of[(kind_name, item.pk)] = item.themes
    result: dict[tuple[str, int | None, int | None], set[str]] = defaultdict(set)
    for kind_name, object_id, action_id, matter_id in links:
        key = ("action" if action_id else "matter", action_id, matter_id)
        result[key].update(themes_of.get((kind_name, object_id), ()))
    return result


def follow_ups(
    changes: list[tuple[frozenset[int], Iterable[str], date]], *, months: int | None = None
) -> list[FollowUp | None]:
    """For each change (unit ids, themes, the day it was done): comments on the units and themes
    in the `months` whole months after the change's month, beside as many months before it; one
    query for all. None for a change without themes to follow."""
    months = months or follow_up_months()
    today = timezone.localdate()
    minimum = min_group()
    windows: list[ThemeMonths] = []
    for units, themes, done_on in changes:
        month = done_on.replace(day=1)
        followed = tuple(sorted(set(themes)))
        windows.append(ThemeMonths(units, followed, add_months(month, -months), month))
        windows.append(
            ThemeMonths(units, followed, add_months(month, 1), add_months(month, 1 + months))
        )
    counts = count_theme_months(windows)
    result: list[FollowUp | None] = []
    for index in range(len(changes)):
        after_window = windows[2 * index + 1]
        followed = after_window.themes
        before, after = counts[2 * index], counts[2 * index + 1]
        until = after_window.end - timedelta(days=1)
        result.append(
            FollowUp(
                themes=followed,
                labels=tuple(_label(t) for t in followed),
                months=months,
                since=after_window.start,
                until=until,
                running=until >= today,
                before=before if before >= minimum else None,
                after=after if after >= minimum else None,
                before_count=before,
                after_count=after,
            )
            if followed
            else None
        )
    return result


def did_it_work(
    *, units: frozenset[int], themes: Iterable[str], done_on: date, months: int | None = None
) -> FollowUp | None:
    """One change's follow-up (see follow_ups)."""
    return follow_ups([(units, themes, done_on)], months=months)[0]


def action_follow_up(action: Action, *, months: int | None = None) -> FollowUp | None:
    """For a done action's owner and the public: new feedback on its unit(s) and the themes of
    its linked inputs since it was done (None before it is done or without themes)."""
    if action.status != Action.Status.DONE or action.closed_at is None:
        return None
    links = action.input_links.values_list(*LINK_ROW)
    themes = linked_themes(links).get(("action", action.pk, None), set())
    units = _scope_unit_ids(action, frozenset(), {})
    return did_it_work(
        units=units, themes=themes, done_on=timezone.localdate(action.closed_at), months=months
    )


def decision_follow_up(decision: Decision, *, months: int | None = None) -> FollowUp | None:
    """The same after a decision that changed something."""
    if decision.outcome not in DONE_OUTCOMES:
        return None
    matter = decision.matter
    links = matter.input_links.values_list(*LINK_ROW)
    themes = linked_themes(links).get(("matter", None, matter.pk), set())
    units = _scope_unit_ids(matter, frozenset(), {})
    return did_it_work(units=units, themes=themes, done_on=decision.decided_on, months=months)


# --- The section -------------------------------------------------------------------------------


def _action_outcome(action: Action, language: str) -> Outcome:
    texts = action.public_texts()
    lang = language if language in texts else ("fi" if "fi" in texts else next(iter(texts), "fi"))
    return Outcome(
        kind="action",
        id=action.pk,
        title=action.title,
        at=timezone.localdate(action.closed_at) if action.closed_at else action.created_at.date(),
        status=action.status,
        status_label=str(action.get_status_display()),
        text=texts.get(lang, ""),
        language=lang,
        reasons=_redacted(action.reasons) if action.status == Action.Status.DROPPED else "",
    )


def _decision_outcome(decision: Decision, language: str) -> Outcome:
    texts = decision.public_texts()
    lang = language if language in texts else ("fi" if "fi" in texts else next(iter(texts), "fi"))
    return Outcome(
        kind="decision",
        id=decision.pk,
        title=decision.matter.title,
        at=decision.decided_on,
        status=decision.outcome,
        status_label=str(decision.get_outcome_display()),
        text=texts.get(lang, ""),
        language=lang,
        reasons=_redacted(decision.reasons),
        decided_by=decision.decided_by,
    )


def _scope(prefix: str, *, unit: Unit | None, service: Service | None) -> Q:
    """A unit's page shows its own and its service's outcomes; a service's page its own and
    its units'."""
    if unit is not None:
        return Q(**{f"{prefix}unit": unit}) | Q(**{f"{prefix}service_id": unit.service_id})
    return Q(**{f"{prefix}service": service}) | Q(**{f"{prefix}unit__service": service})


def _outcomes(
    *, unit: Unit | None, service: Service | None, units: Any, period: Period
) -> tuple[list[Outcome], list[Outcome]]:
    language = (get_language() or "fi")[:2]
    actions = list(
        Action.objects.filter(
            _scope("", unit=unit, service=service),
            status__in=(Action.Status.DONE, Action.Status.DROPPED),
            closed_at__gte=period.since,
            closed_at__lt=period.until,
        ).order_by("-closed_at", "-pk")[:LIST_LIMIT]
    )
    decisions = list(
        Decision.objects.filter(
            _scope("matter__", unit=unit, service=service),
            decided_on__gte=period.start,
            decided_on__lt=period.end,
        )
        .select_related("matter")
        .order_by("-decided_on", "-pk")[:LIST_LIMIT]
    )
    # Only changes made are followed up, so only their inputs' themes are read.
    links = InputLink.objects.filter(
        Q(action__in=[a.pk for a in actions if a.status == Action.Status.DONE])
        | Q(matter__in=[d.matter_id for d in decisions if d.outcome in DONE_OUTCOMES])
    ).values_list(*LINK_ROW)
    themes = linked_themes(links)
    page_units = frozenset(units.values_list("pk", flat=True))
    services: dict[int, frozenset[int]] = {}
    done: list[Outcome] = []
    not_changed: list[Outcome] = []
    changes: list[tuple[frozenset[int], Iterable[str], date]] = []
    for action in actions:
        outcome = _action_outcome(action, language)
        if action.status == Action.Status.DONE:
            changes.append(
                (
                    _scope_unit_ids(action, page_units, services),
                    themes.get(("action", action.pk, None), ()),
                    outcome.at,
                )
            )
            done.append(outcome)
        else:
            not_changed.append(outcome)
    for decision in decisions:
        outcome = _decision_outcome(decision, language)
        if decision.outcome in DONE_OUTCOMES:
            matter_themes = themes.get(("matter", None, decision.matter_id), ())
            changes.append(
                (_scope_unit_ids(decision.matter, page_units, services), matter_themes, outcome.at)
            )
            done.append(outcome)
        else:
            not_changed.append(outcome)
    for outcome, follow_up in zip(done, follow_ups(changes), strict=True):
        outcome.follow_up = follow_up
    done.sort(key=lambda o: o.at, reverse=True)
    not_changed.sort(key=lambda o: o.at, reverse=True)
    return done[:LIST_LIMIT], not_changed[:LIST_LIMIT]


def _you_said_we_did(
    *, unit: Unit | None, service: Service | None, units: Any, service_id: int, period: Period
) -> YouSaidWeDid:
    minimum = min_group()
    promise = answer_promise(service_id=service_id)
    counts = handling_counts(
        units=units, start=period.start, end=period.end, promise_days=promise.days
    )
    themes = theme_totals(units=units, start=period.start, end=period.end)
    raised = [
        RaisedTheme(theme, _label(theme), n) for theme, n in themes.most_common() if n >= minimum
    ]
    done, not_changed = _outcomes(unit=unit, service=service, units=units, period=period)
    closed = report_selectors.no_change_texts(units=units, since=period.since, until=period.until)
    return YouSaidWeDid(
        period=period,
        minimum=minimum,
        count=counts.count,
        raised=raised,
        hidden_themes=len([n for n in themes.values() if 0 < n < minimum]),
        done=done,
        not_changed=not_changed,
        closed_without_change=[
            ClosedWithoutChange(_redacted(c.text), c.count, timezone.localdate(c.last_at))
            for c in closed[:LIST_LIMIT]
        ],
        answered_share=share(counts.answered, counts.count),
        change_share=share(counts.change_made, counts.count),
        promise=PromiseFigures(
            days=promise.days,
            promised=promise.promised,
            text=promise.text,
            due_count=counts.promise_due,
            kept_share=share(counts.promise_kept, counts.promise_due),
        ),
    )


def unit_outcomes(unit: Unit, *, period: Period | None = None) -> YouSaidWeDid:
    """The unit's "you said, we did" (the last 12 months unless a period is given)."""
    return _you_said_we_did(
        unit=unit,
        service=None,
        units=Unit.objects.filter(pk=unit.pk),
        service_id=unit.service_id,
        period=period or Period.last_year(),
    )


def service_outcomes(service: Service, *, period: Period | None = None) -> YouSaidWeDid:
    """The same for a whole service: every active unit of it."""
    return _you_said_we_did(
        unit=None,
        service=service,
        units=Unit.objects.filter(service=service),
        service_id=service.pk,
        period=period or Period.last_year(),
    )
