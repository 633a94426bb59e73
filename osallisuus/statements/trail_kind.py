"""A body's statement on a matter as an input kind of the trail (trail/kinds.py).

The item is the request: linked to its matter when it is made, it carries the statement once
given, so the statement reaches the matter and the group follows the matter's steps.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from osallisuus.trail.kinds import InputItem, InputQuery, within_days
from osallisuus.trail.text_search import matching_words

from .models import RequestStatus, StatementRequest
from .selectors import GIVEN, overdue_requests, requests_visible_to
from .services import STATEMENT_KIND, tell_group

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

EXCERPT_CHARS = 300


def _excerpt(request: StatementRequest) -> str:
    if request.status in GIVEN:
        text = f"{request.group.name}: {request.text}"
    else:
        names = {
            "group": request.group.name,
            "due": formats.date_format(request.due_on, "SHORT_DATE_FORMAT"),
        }
        if request.due_on < timezone.localdate():
            text = _("Statement of %(group)s asked by %(due)s: overdue") % names
        else:
            text = _("Statement of %(group)s asked by %(due)s") % names
    return text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else "")


def _item(request: StatementRequest) -> InputItem:
    matter = request.matter
    return InputItem(
        kind=STATEMENT_KIND,
        pk=request.pk,
        excerpt=_excerpt(request),
        date=timezone.localdate(request.submitted_at or request.requested_at),
        language=request.language,
        unit_id=matter.unit_id,
        service_id=matter.service_id or (matter.unit.service_id if matter.unit else None),
        url=request.get_absolute_url(),
        has_giver=True,  # the group, through its secretary
    )


def _found(requests: Any) -> list[InputItem]:
    rows = requests.select_related("group", "matter", "matter__unit")
    return [_item(request) for request in rows.order_by("-requested_at", "pk")]


class StatementKind:
    name = STATEMENT_KIND

    def label(self) -> str:
        return _("statement of a body")

    def visible_ids(self, user: User) -> Any:
        return requests_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        return _found(requests_visible_to(user).filter(pk__in=list(pks)))

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        return _found(StatementRequest.objects.filter(pk__in=list(pks)))

    def awaiting_decision(
        self, *, decider_ids: list[int], service_ids: list[int] | None
    ) -> list[InputItem]:
        """Overdue requests on the matters brought to one of the deciders (a body's briefing)."""
        overdue = overdue_requests().filter(
            Q(matter__target_body__members__in=decider_ids)
            | Q(matter__target_person__in=decider_ids)
        )
        return _found(overdue.distinct())

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Requests the user may read, matched on what was asked and on the statement."""
        found = matching_words(requests_visible_to(user), query.words, "question", "text")
        if query.unit_id:
            found = found.filter(matter__unit_id=query.unit_id)
        if query.service_id:
            found = found.filter(
                Q(matter__service_id=query.service_id)
                | Q(matter__unit__service_id=query.service_id)
            )
        if query.theme:  # statements carry no feedback themes
            return found.none().values_list("pk", "requested_at")
        found = within_days(found, "requested_at", query.since, query.until)
        if query.status == "open":
            found = found.exclude(status=RequestStatus.CONSIDERED)
        elif query.status == "handled":
            found = found.filter(status=RequestStatus.CONSIDERED)
        return found.order_by("-requested_at", "-pk").values_list("pk", "requested_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        """Statements given in the period on matters of the units (or of their services)."""
        return StatementRequest.objects.filter(
            Q(matter__unit__in=units) | Q(matter__service__in=units.values("service")),
            status__in=GIVEN,
            submitted_at__date__gte=start,
            submitted_at__date__lte=end,
        ).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """E-mail the group's secretaries a step of the matter, in their language."""
        request = StatementRequest.objects.filter(pk=pk).select_related("group", "matter").first()
        if request is None:
            return False
        return tell_group(request, texts)


STATEMENT_KIND_OBJECT = StatementKind()
