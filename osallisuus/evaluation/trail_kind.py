"""Evaluation reports as an input kind of the trail (trail/kinds.py): once the joint meeting
has concluded, the report can be linked to the project's decision matter."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.analysis.personal_data import find_personal_data, redact
from osallisuus.trail.kinds import InputItem, InputQuery, within_days
from osallisuus.trail.text_search import matching_words

from .models import Evaluation
from .selectors import KIND, reports_visible_to

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

EXCERPT_CHARS = 300


def _item(evaluation: Evaluation) -> InputItem:
    text = redact(evaluation.conclusion, find_personal_data(evaluation.conclusion))
    text = f"{evaluation.title}: {text}"
    concluded = evaluation.concluded_at or timezone.now()
    return InputItem(
        kind=KIND,
        pk=evaluation.pk,
        excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
        date=evaluation.meeting_date or timezone.localdate(concluded),
        language="fi",
        service_id=evaluation.service_id,
        url=reverse("evaluation:report", kwargs={"pk": evaluation.pk}),
        has_giver=False,  # the evaluators read the decision on the project's page
        extra={"project_id": evaluation.project_id},
    )


def _concluded() -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(concluded_at__isnull=False)


class ReportKind:
    name = KIND

    def label(self) -> str:
        return _("evaluation report")

    def visible_ids(self, user: User) -> Any:
        return reports_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = reports_visible_to(user).filter(pk__in=list(pks))
        return [_item(evaluation) for evaluation in found.order_by("-concluded_at", "pk")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = _concluded().filter(pk__in=list(pks))
        return [_item(evaluation) for evaluation in found.order_by("-concluded_at", "pk")]

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """The reports `user` may see, matched on their conclusion."""
        found: QuerySet[Evaluation] = reports_visible_to(user)
        found = matching_words(found, query.words, "conclusion")
        if query.unit_id:
            found = found.filter(service__units=query.unit_id)
        if query.service_id:
            found = found.filter(service_id=query.service_id)
        if query.theme:
            found = found.none()  # reports carry criteria, not feedback themes
        found = within_days(found, "concluded_at", query.since, query.until)
        if query.status == "open":
            found = found.none()  # a report exists only once concluded
        return found.distinct().order_by("-concluded_at", "-pk").values_list("pk", "concluded_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        found = within_days(
            _concluded().filter(service__units__in=units), "concluded_at", start, end
        )
        return found.distinct().values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """A report has no giver to tell."""
        return False


REPORT_KIND = ReportKind()
