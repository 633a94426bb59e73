"""Reads of briefings: what a body's briefing holds (built from other apps' selectors and the
input kinds), which briefings a person may read, and a briefing in the reader's language.

The stored content is data, not prose: theme codes, counts, ids, and quotes that are already
published or redacted. Labels, names and links are made when it is read, in the reader's
language; nothing in it names a giver or holds their contact details.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language

from osallisuus.accounts.models import Role
from osallisuus.accounts.selectors import roles_of
from osallisuus.analysis.taxonomy import theme_label
from osallisuus.authorization import NotPermitted, require
from osallisuus.complaints.selectors import complaint_figures, concern_label
from osallisuus.days import start_of_day
from osallisuus.feedback import report_selectors
from osallisuus.observation.selectors import overdue_findings_in
from osallisuus.organisation.models import DecisionBody, Service, Unit
from osallisuus.organisation.selectors import answer_promise
from osallisuus.reports.selectors import handling_counts, min_group, rising_for
from osallisuus.reports.self_monitoring.selectors import overdue_in

from .. import kinds
from ..actions.selectors import overdue_actions
from ..matters.selectors import undecided_matters_of
from ..models import Action, Briefing, InputLink, Matter
from ..public import share
from .periods import BriefingPeriod

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

# How many lines a section lists at most, and quotes per rising theme.
LIST_LIMIT = 30
QUOTES_PER_THEME = 3
LANGUAGES = ("fi", "sv", "en")
# Inputs told through rising themes and figures, not line by line.
COUNTED_KINDS = frozenset({"feedback"})


def _names(obj: Any, prefix: str = "name") -> dict[str, str]:
    return {lang: getattr(obj, f"{prefix}_{lang}", "") or "" for lang in LANGUAGES}


def body_service_ids(body: DecisionBody) -> list[int] | None:
    """The services the body decides on; None when it decides for the whole county."""
    ids = list(body.services.values_list("pk", flat=True))
    return ids or None


# --- Building the content ----------------------------------------------------------------------


def _rising(units: QuerySet[Unit], period: BriefingPeriod) -> list[dict[str, Any]]:
    """Themes that rose in a month of the period (#4's test, by the reports' roll-ups), each with
    a few published or redacted quotes of the period."""
    found: dict[str, dict[str, Any]] = {}
    for month in period.months:
        for rising in rising_for(units=units, month=month):
            known = found.get(rising.theme)
            if known is None or rising.count > known["count"]:
                found[rising.theme] = {
                    "theme": rising.theme,
                    "count": rising.count,
                    "expected": round(rising.expected, 1),
                    "month": month.isoformat(),
                }
    themes = sorted(found.values(), key=lambda t: (-t["count"], t["theme"]))[:LIST_LIMIT]
    for theme in themes:
        quotes = report_selectors.theme_quotes(
            units=units,
            theme=theme["theme"],
            since=start_of_day(period.start),
            until=start_of_day(period.end),
            limit=QUOTES_PER_THEME,
        )
        theme["quotes"] = [
            {
                "text": quote.text,
                "language": quote.language,
                "date": quote.received_on.isoformat(),
                "published": quote.published,
            }
            for quote in quotes
        ]
    return themes


def _services(service_ids: list[int] | None, period: BriefingPeriod) -> list[dict[str, Any]]:
    """Headline figures per service; a service with fewer items than the minimum shows none."""
    services = Service.objects.filter(units__isnull=False).distinct()
    if service_ids is not None:
        services = Service.objects.filter(pk__in=service_ids)
    minimum = min_group()
    rows = []
    for service in services.order_by("name_fi")[:LIST_LIMIT]:
        promise = answer_promise(service_id=service.pk)
        counts = handling_counts(
            units=Unit.objects.filter(service=service),
            start=period.start,
            end=period.end,
            promise_days=promise.days,
        )
        shown = counts.count >= minimum
        rows.append(
            {
                "id": service.pk,
                "names": _names(service),
                "count": counts.count if shown else None,
                "promise_days": promise.days,
                "promised": promise.promised,
                "kept_share": share(counts.promise_kept, counts.promise_due) if shown else None,
                "change_share": share(counts.change_made, counts.count) if shown else None,
            }
        )
    return rows


def _complaints(units: QuerySet[Unit], period: BriefingPeriod) -> list[dict[str, Any]]:
    """Formal objections per unit and concern, with the median days to the written answer;
    counts only (no names, addresses or text), a group under the minimum stored as None."""
    unit_list = list(units)
    by_pk = {unit.pk: unit for unit in unit_list}
    return [
        {
            "unit_id": figure.unit_id,
            "unit_code": by_pk[figure.unit_id].code,
            "names": _names(by_pk[figure.unit_id]),
            "concern": figure.concern,
            "count": figure.count,
            "answered": figure.answered,
            "median_days": figure.median_days,
        }
        for figure in complaint_figures(units=unit_list, since=period.start, until=period.last_day)
    ]


def _matters(body: DecisionBody) -> list[dict[str, Any]]:
    return [
        {
            "id": matter.pk,
            "title": matter.title,
            "since": matter.waiting_since.isoformat(),  # type: ignore[attr-defined]
            "carried": matter.carried_on is not None,
            "overdue": bool(matter.is_overdue),  # type: ignore[attr-defined]
        }
        for matter in undecided_matters_of(body)[:LIST_LIMIT]
    ]


def _waiting(
    body: DecisionBody, matter_ids: list[int], service_ids: list[int] | None, today: date
) -> list[dict[str, Any]]:
    """Workshop outcomes, project proposals and later kinds' inputs waiting for the body: those
    linked to its undecided matters, those a kind says wait for one of its members, and those
    whose answer is overdue from a service the body decides on (flagged)."""
    by_kind: dict[str, dict[int, int]] = defaultdict(dict)
    links = InputLink.objects.filter(matter__in=matter_ids).exclude(kind__in=COUNTED_KINDS)
    for kind_name, pk, matter_id in links.values_list("kind", "object_id", "matter_id"):
        by_kind[kind_name].setdefault(pk, matter_id)
    lines: list[dict[str, Any]] = []
    members = list(body.members.values_list("pk", flat=True))
    for kind in kinds.input_kinds():
        items: list[tuple[kinds.InputItem, int | None]] = []
        linked = by_kind.get(kind.name, {})
        if linked:
            items += [(item, linked[item.pk]) for item in kind.summaries(linked)]
        awaiting = getattr(kind, "awaiting_decision", None)
        if awaiting is not None and members:
            items += [
                (item, None)
                for item in awaiting(decider_ids=members, service_ids=service_ids)
                if item.pk not in linked
            ]
        overdue = getattr(kind, "overdue_answers", None)
        late = overdue(service_ids=service_ids, today=today) if overdue is not None else []
        seen = {item.pk for item, _matter in items}
        items += [(item, None) for item in late if item.pk not in seen]
        late_pks = {item.pk for item in late}
        lines += [
            {
                "kind": kind.name,
                "pk": item.pk,
                "excerpt": item.excerpt,
                "date": item.date.isoformat(),
                "matter_id": matter_id,
                "url": item.url if matter_id is None else "",
                "overdue": item.pk in late_pks,
            }
            for item, matter_id in items
        ]
    lines.sort(key=lambda line: (line["date"], line["kind"], line["pk"]))
    return lines[:LIST_LIMIT]


def _overdue(service_ids: list[int] | None, today: date) -> list[dict[str, Any]]:
    return [
        {
            "id": action.pk,
            "titles": _names(action, "title"),
            "due": action.due_date.isoformat() if action.due_date else "",
            "status": action.status,
        }
        for action in overdue_actions(service_ids=service_ids, today=today)[:LIST_LIMIT]
    ]


def _overdue_self_monitoring(units: QuerySet[Unit], today: date) -> list[dict[str, Any]]:
    """Units whose four-monthly self-monitoring summary is past due and unpublished."""
    return [
        {
            "unit_code": row.unit.code,
            "names": _names(row.unit),
            "period": row.period.slug,
            "start": row.period.start.isoformat(),
            "last_day": row.period.last_day.isoformat(),
            "due": row.period.due.isoformat(),
        }
        for row in overdue_in(units, today=today)[:LIST_LIMIT]
    ]


def _overdue_findings(units: QuerySet[Unit], today: date) -> list[dict[str, Any]]:
    """Per unit, visit findings past their answer date with no answer: a count and links with
    the redacted description (no observers)."""
    return [
        {
            "unit_code": row.unit.code,
            "names": _names(row.unit),
            "count": row.count,
            "findings": [
                {"id": f.pk, "excerpt": f.excerpt, "due": f.due.isoformat()} for f in row.findings
            ],
        }
        for row in overdue_findings_in(units, today=today)[:LIST_LIMIT]
    ]


def briefing_content(body: DecisionBody, period: BriefingPeriod, *, today: date) -> dict[str, Any]:
    """Everything the body's briefing for `period` shows, scoped to what the body decides on."""
    service_ids = body_service_ids(body)
    units = Unit.objects.all()
    if service_ids is not None:
        units = units.filter(service__in=service_ids)
    matters = _matters(body)
    return {
        "version": 1,
        "county_wide": service_ids is None,
        "service_ids": service_ids or [],
        "minimum": min_group(),
        "rising": _rising(units, period),
        "services": _services(service_ids, period),
        "complaints": _complaints(units, period),
        "matters": matters,
        "waiting": _waiting(body, [m["id"] for m in matters], service_ids, today),
        "overdue_actions": _overdue(service_ids, today),
        "overdue_self_monitoring": _overdue_self_monitoring(units, today),
        "overdue_findings": _overdue_findings(units, today),
    }


# --- Who reads which briefing ------------------------------------------------------------------


def briefings_for(user: MaybeUser) -> QuerySet[Briefing]:
    """The briefings of the user's own bodies; coordinators and administrators see all."""
    if not user.is_authenticated:
        return Briefing.objects.none()
    briefings = Briefing.objects.select_related("body").order_by(
        "-period_start", "body__name_fi", "pk"
    )
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return briefings
    return briefings.filter(body__in=DecisionBody.objects.filter(members=user).values("pk"))


def access_briefing(*, user: User, pk: int, perm: str = "trail.see_briefing") -> Briefing:
    """The briefing if `user` may read it (and holds `perm` for it); else "not found"."""
    briefing = briefings_for(user).filter(pk=pk).first()
    if briefing is None:
        raise NotPermitted
    require(user, perm, briefing)
    return briefing


def bodies_briefed_for(user: User) -> QuerySet[DecisionBody]:
    """The bodies whose briefings the user reads (their own; every active one for the county)."""
    bodies = DecisionBody.objects.filter(active=True).order_by("name_fi")
    if roles_of(user) & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return bodies
    return bodies.filter(members=user)


def body_members_with_email(body: DecisionBody) -> list[Any]:
    return list(body.members.filter(is_active=True).exclude(email="").order_by("pk"))


# --- A briefing in the reader's language -------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    text: str
    language: str
    date: date
    published: bool


@dataclass(frozen=True)
class Line:
    """One line of a section: what it says, where its trail is, and the key to take it up
    (empty when it is already a matter of the body)."""

    text: str
    url: str
    key: str = ""
    date: date | None = None
    note: str = ""
    flag: bool = False
    quotes: tuple[Quote, ...] = ()
    figures: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadableBriefing:
    briefing: Briefing
    body_name: str
    period: BriefingPeriod
    minimum: int
    county_wide: bool
    rising: list[Line]
    services: list[Line]
    complaints: list[Line]
    matters: list[Line]
    waiting: list[Line]
    overdue_actions: list[Line]
    overdue_self_monitoring: list[Line]
    overdue_findings: list[Line] = field(default_factory=list)


def in_language(names: dict[str, str], language: str) -> str:
    return names.get(language) or names.get("fi") or ""


def _theme(theme: str, language: str) -> str:
    try:
        return theme_label(theme, language)
    except KeyError:
        return theme


def _kind_label(name: str) -> str:
    try:
        return kinds.input_kind(name).label()
    except kinds.UnknownKindError:
        return name


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _span(start: str, last_day: str) -> str:
    """A period as the self-monitoring pages write it: "1.1.–30.4.2026"."""
    return (
        f"{date_format(date.fromisoformat(start), 'j.n.')}–"
        f"{date_format(date.fromisoformat(last_day), 'j.n.Y')}"
    )


def _themes_url(content: dict[str, Any]) -> str:
    ids = content.get("service_ids") or []
    if len(ids) == 1:
        return reverse("reports:service", kwargs={"pk": ids[0]})
    return reverse("reports:county")


def readable(briefing: Briefing) -> ReadableBriefing:
    """The briefing in the active language: the page, the PDF and the e-mail read this."""
    language = (get_language() or "fi")[:2]
    content = briefing.content or {}
    themes_url = _themes_url(content)
    status_labels = dict(Action.Status.choices)
    return ReadableBriefing(
        briefing=briefing,
        body_name=briefing.body.name,
        period=BriefingPeriod(briefing.period_start, briefing.period_end),
        minimum=int(content.get("minimum", min_group())),
        county_wide=bool(content.get("county_wide", True)),
        rising=[
            Line(
                text=_theme(theme["theme"], language),
                url=themes_url,
                key=f"theme:{theme['theme']}",
                date=_day(theme.get("month", "")),
                figures={"count": theme["count"], "expected": theme["expected"]},
                quotes=tuple(
                    Quote(q["text"], q["language"], date.fromisoformat(q["date"]), q["published"])
                    for q in theme.get("quotes", [])
                ),
            )
            for theme in content.get("rising", [])
        ],
        services=[
            Line(
                text=in_language(service["names"], language),
                url=reverse("reports:service", kwargs={"pk": service["id"]}),
                key=f"service:{service['id']}",
                figures=service,
            )
            for service in content.get("services", [])
        ],
        complaints=[
            Line(
                text=in_language(row["names"], language),
                url=reverse("reports:unit", kwargs={"code": row["unit_code"]}),
                note=concern_label(row["concern"]),
                figures=row,
            )
            for row in content.get("complaints", [])
        ],
        matters=[
            Line(
                text=matter["title"],
                url=reverse("matters:detail", kwargs={"pk": matter["id"]}),
                date=_day(matter["since"]),
                flag=matter["overdue"],
                figures={"carried": matter["carried"]},
            )
            for matter in content.get("matters", [])
        ],
        waiting=[
            Line(
                text=item["excerpt"],
                url=(
                    reverse("matters:detail", kwargs={"pk": item["matter_id"]})
                    if item["matter_id"]
                    else item["url"]
                ),
                key="" if item["matter_id"] else f"input:{item['kind']}:{item['pk']}",
                date=_day(item["date"]),
                note=_kind_label(item["kind"]),
                flag=bool(item.get("overdue")),
            )
            for item in content.get("waiting", [])
        ],
        overdue_actions=[
            Line(
                text=in_language(action["titles"], language),
                url=reverse("actions:detail", kwargs={"pk": action["id"]}),
                key=f"action:{action['id']}",
                date=_day(action["due"]),
                note=str(status_labels.get(action["status"], action["status"])),
            )
            for action in content.get("overdue_actions", [])
        ],
        overdue_self_monitoring=[
            Line(
                text=in_language(row["names"], language),
                url=reverse(
                    "reports:self_monitoring_unit",
                    kwargs={"code": row["unit_code"], "period": row["period"]},
                ),
                date=_day(row["due"]),
                note=_span(row["start"], row["last_day"]),
            )
            for row in content.get("overdue_self_monitoring", [])
        ],
        overdue_findings=[
            Line(
                text=in_language(row["names"], language),
                url=reverse("reports:unit", kwargs={"code": row["unit_code"]}),
                figures={
                    "count": row["count"],
                    "findings": [
                        Line(
                            text=f["excerpt"],
                            url=reverse("observation:finding", kwargs={"pk": f["id"]}),
                            date=_day(f["due"]),
                        )
                        for f in row["findings"]
                    ],
                },
            )
            for row in content.get("overdue_findings", [])
        ],
    )


def briefed_item(briefing: Briefing, key: str) -> dict[str, Any] | None:
    """The item `key` ("theme:premises", "service:3", "action:7", "input:kind:12") as the
    briefing holds it, or None when the briefing does not list it for taking up."""
    content = briefing.content or {}
    what, _sep, rest = key.partition(":")
    if what == "theme":
        return next((t for t in content.get("rising", []) if t["theme"] == rest), None)
    if what == "service":
        return next((s for s in content.get("services", []) if str(s["id"]) == rest), None)
    if what == "action":
        return next((a for a in content.get("overdue_actions", []) if str(a["id"]) == rest), None)
    if what == "input":
        kind_name, _sep, pk = rest.partition(":")
        return next(
            (
                i
                for i in content.get("waiting", [])
                if i["kind"] == kind_name and str(i["pk"]) == pk and not i["matter_id"]
            ),
            None,
        )
    return None


def actions_by_ids(ids: list[int]) -> QuerySet[Action]:
    return Action.objects.filter(pk__in=ids)


def services_by_ids(ids: list[int]) -> QuerySet[Service]:
    return Service.objects.filter(pk__in=ids)


def open_matter_taken_up(*, by: User, body: DecisionBody, title: str) -> Matter | None:
    """A matter `by` already took up with this title and that is still undecided (a second
    click opens no second matter)."""
    return undecided_matters_of(body).filter(Q(created_by=by) & Q(carrier=by), title=title).first()
