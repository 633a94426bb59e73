"""Feedback as an input kind of the trail (trail/kinds.py): the only place the trail meets it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import connections
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.accounts.selectors import units_in_scope
from osallisuus.reports.selectors import Period, add_months, answer_count
from osallisuus.trail.kinds import InputItem, InputQuery, within_days
from osallisuus.trail.services import refresh_places
from osallisuus.trail.text_search import matching_words

from .models import OPEN_STATUSES, Feedback
from .selectors import received_in
from .services import tell_giver_of_change

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

EXCERPT_CHARS = 300


def _item(feedback: Feedback) -> InputItem:
    text = feedback.redacted_text or ""
    return InputItem(
        kind=FeedbackKind.name,
        pk=feedback.pk,
        excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
        date=timezone.localdate(feedback.received_at),
        language=feedback.language,
        unit_id=feedback.unit_id,
        service_id=feedback.unit.service_id,
        themes=tuple(feedback.themes or ()),
        url=reverse("feedback:detail", kwargs={"pk": feedback.pk}),
        has_giver=True,  # the reply code: the status page always shows what was done
    )


class FeedbackKind:
    name = "feedback"

    def label(self) -> str:
        return _("feedback")

    def visible_ids(self, user: User) -> Any:
        return Feedback.objects.visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = Feedback.objects.visible_to(user).filter(pk__in=list(pks)).select_related("unit")
        return [_item(feedback) for feedback in found.order_by("-received_at", "pk")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = Feedback.objects.filter(pk__in=list(pks)).select_related("unit")
        return [_item(feedback) for feedback in found.order_by("-received_at", "pk")]

    def themes_of(self, pks: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The themes of each item, as its summary holds them, without reading its text."""
        rows = Feedback.objects.filter(pk__in=list(pks)).values_list("pk", "themes")
        return {pk: tuple(themes or ()) for pk, themes in rows}

    def places(self, pks: Iterable[int]) -> dict[int, tuple[int, date]]:
        """The unit and local day of each item received_in counts (button-mashing left out)."""
        rows = Feedback.objects.filter(pk__in=list(pks), suspected_mashing=False).values_list(
            "pk", "unit_id", "received_at"
        )
        return {pk: (unit_id, timezone.localdate(at)) for pk, unit_id, at in rows}

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Feedback of the units in the user's reporting scope (handlers: the units they
        handle; decision makers: every unit, as their dashboards and exports), matched on the
        text without personal data only: a name or a phone number finds nothing, so a search
        tells nobody more than the redacted excerpts it shows."""
        found: QuerySet[Feedback] = Feedback.objects.filter(
            unit__in=units_in_scope(user), suspected_mashing=False
        )
        found = matching_words(found, query.words, "redacted_text", indexed=True)
        if query.unit_id:
            found = found.filter(unit_id=query.unit_id)
        if query.service_id:
            found = found.filter(unit__service_id=query.service_id)
        if query.theme:
            if connections[found.db].vendor == "postgresql":
                found = found.filter(themes__contains=[query.theme])
            else:
                found = found.filter(themes__icontains=f'"{query.theme}"')
        found = within_days(found, "received_at", query.since, query.until)
        if query.status == "open":
            found = found.filter(status__in=OPEN_STATUSES)
        elif query.status == "handled":
            found = found.exclude(status__in=OPEN_STATUSES)
        return found.order_by("-received_at", "-pk").values_list("pk", "received_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        return received_in(units=units, start=start, end=end).values_list("pk", flat=True)

    def received_count(self, units: Any, start: date, end: date) -> int:
        """How many received_ids holds: from the monthly roll-ups when the days are whole
        months (as on the dashboards), so the count does not read the items; else counted."""
        last_month = end.replace(day=1)
        if start.day == 1 and end + timedelta(days=1) == add_months(last_month, 1):
            return answer_count(units=units, period=Period(start, last_month))
        return int(self.received_ids(units, start, end).count())

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """E-mail or text the giver where they left contact details, in their language and
        joined to their one message of the day; the status page shows the step either way
        (trail selectors), so the giver counts as told."""
        feedback = Feedback.objects.filter(pk=pk).select_related("linked_account").first()
        if feedback is None:
            return False
        text = texts.get(feedback.language) or texts.get("fi") or next(iter(texts.values()), "")
        if not text:
            return False
        tell_giver_of_change(feedback, lambda: text)
        return True


FEEDBACK_KIND = FeedbackKind()


def refresh_link_places(
    sender: Any, *, feedback_ids: list[int], arrived: bool = False, **kwargs: Any
) -> None:
    """Receiver of `feedback_changed` (in the task worker): items that moved unit or were
    flagged as button-mashing carry their new place onto their trail links. Items that have just
    arrived have no links yet."""
    if not arrived:
        refresh_places(FEEDBACK_KIND.name, feedback_ids)
