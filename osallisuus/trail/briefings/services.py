"""Writes on briefings: build (or rebuild) a body's briefing for a period, send its members the
link once, and take one of its items up as a matter for the body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError
from osallisuus.links import absolute_url
from osallisuus.notifications.services import send_email
from osallisuus.organisation.models import DecisionBody

from ..matters.services import take_up_matter
from ..models import Briefing, Matter
from . import selectors
from .periods import BriefingPeriod, period_label

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


@dataclass(frozen=True)
class Built:
    briefing: Briefing
    created: bool


@transaction.atomic
def build_briefing(
    *, body: DecisionBody, month: date, today: date | None = None, send: bool = True
) -> Built:
    """Build the body's briefing for the period that holds `month`, or rebuild it in place;
    the first build sends each member the link (after commit, as tasks)."""
    today = today or timezone.localdate()
    period = BriefingPeriod.containing(month, body.briefing_months)
    content = selectors.briefing_content(body, period, today=today)
    briefing, created = Briefing.objects.select_for_update().update_or_create(
        body=body,
        period_start=period.start,
        defaults={"period_end": period.end, "content": content, "built_at": timezone.now()},
    )
    if send and briefing.sent_at is None:
        send_briefing(briefing)
    return Built(briefing, created)


def build_briefings(*, month: date, send: bool = True) -> list[Built]:
    """Every active body's briefing for the period holding `month` (idempotent)."""
    bodies = DecisionBody.objects.filter(active=True).order_by("name_fi", "pk")
    return [build_briefing(body=body, month=month, send=send) for body in bodies]


def send_briefing(briefing: Briefing) -> int:
    """E-mail each member with an address a link to the briefing, in their language; the
    message names the body and the period only (no figures, no quotes, no one's details), and
    says whether the briefing holds objection figures."""
    url = absolute_url(briefing.get_absolute_url())
    period = BriefingPeriod(briefing.period_start, briefing.period_end)
    sent = 0
    for member in selectors.body_members_with_email(briefing.body):
        with translation.override(member.preferred_language or "fi"):
            # Only that the section is there: the figures themselves stay behind the sign-in.
            objections = (
                [_("It includes the figures on formal objections (counts and handling times).")]
                if (briefing.content or {}).get("complaints")
                else []
            )
            names = {"body": briefing.body.name, "period": period_label(period)}
            send_email(
                to=member.email,
                subject=_("Briefing for %(body)s, %(period)s") % names,
                body="\n\n".join(
                    [
                        _("The briefing for %(body)s for %(period)s is ready.") % names,
                        *objections,
                        _("Read it after signing in: %(url)s") % {"url": url},
                    ]
                ),
            )
        sent += 1
    briefing.sent_at = timezone.now()
    briefing.save(update_fields=["sent_at"])
    return sent


def _figures_summary(service: dict[str, Any], minimum: int) -> str:
    if service.get("count") is None:
        return _("Fewer than %(minimum)s feedback items: the figures are not shown.") % {
            "minimum": minimum
        }
    parts = [_("%(count)s feedback items.") % {"count": service["count"]}]
    if service.get("kept_share") is not None:
        parts.append(
            _("%(share)s %% answered within %(days)s days.")
            % {"share": service["kept_share"], "days": service["promise_days"]}
        )
    if service.get("change_share") is not None:
        parts.append(_("%(share)s %% led to a change.") % {"share": service["change_share"]})
    return " ".join(parts)


def _matter_for(briefing: Briefing, key: str) -> dict[str, Any]:
    """Title, summary and links of the matter that taking item `key` up opens."""
    item = selectors.briefed_item(briefing, key)
    if item is None:
        raise DomainError(_("This item is not in the briefing."), field="item")
    readable = selectors.readable(briefing)
    period = period_label(readable.period)
    what = key.partition(":")[0]
    if what == "theme":
        label = next(line.text for line in readable.rising if line.key == key)
        return {
            "title": _("Rising theme: %(theme)s") % {"theme": label},
            "summary": _(
                "In %(period)s clients raised “%(theme)s” %(count)s times where about "
                "%(expected)s were expected (briefing of %(body)s)."
            )
            % {
                "period": period,
                "theme": label,
                "count": item["count"],
                "expected": formats.number_format(item["expected"], 1),
                "body": readable.body_name,
            },
        }
    if what == "service":
        name = selectors.in_language(item["names"], (translation.get_language() or "fi")[:2])
        service = selectors.services_by_ids([item["id"]]).first()
        return {
            "title": _("Feedback on %(service)s") % {"service": name},
            "summary": f"{period}: {_figures_summary(item, readable.minimum)}",
            "service": service,
        }
    if what == "action":
        line = next(line for line in readable.overdue_actions if line.key == key)
        return {
            "title": _("Overdue action: %(title)s") % {"title": line.text},
            "summary": _("The action was due on %(date)s and is %(status)s.")
            % {"date": formats.date_format(line.date) if line.date else "–", "status": line.note},
            "actions": list(selectors.actions_by_ids([item["id"]])),
        }
    line = next(line for line in readable.waiting if line.key == key)
    return {
        "title": f"{line.note}: {line.text}"[:120],
        "summary": line.text,
        "inputs": [(item["kind"], int(item["pk"]))],
    }


@transaction.atomic
def take_up_item(*, briefing: Briefing, by: User, key: str) -> Matter:
    """A member takes a line of the briefing up: a matter for their body, carried by them
    (taking the same line up twice gives the matter opened the first time)."""
    require(by, "trail.take_up_briefing_item", briefing)
    planned = _matter_for(briefing, key)
    title = str(planned["title"]).strip()[:200]
    existing = selectors.open_matter_taken_up(by=by, body=briefing.body, title=title)
    if existing is not None:
        return existing
    return take_up_matter(
        by=by,
        body=briefing.body,
        title=title,
        summary=planned["summary"],
        service=planned.get("service"),
        actions=planned.get("actions", ()),
        inputs=planned.get("inputs", ()),
    )
