"""Observation findings as an input kind of the trail (trail/kinds.py): a unit answers a
finding with an action that links it, and the closing rule reads the link's effect."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from osallisuus.analysis.personal_data import find_personal_data, redact
from osallisuus.trail.kinds import InputItem, InputQuery, within_days
from osallisuus.trail.text_search import matching_words

from .models import Finding
from .selectors import EXCERPT_CHARS, KIND, findings_visible_to

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


def _item(finding: Finding) -> InputItem:
    text = redact(finding.description, find_personal_data(finding.description))
    return InputItem(
        kind=KIND,
        pk=finding.pk,
        excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
        date=finding.visit.visit_date,
        language="fi",
        unit_id=finding.visit.unit_id,
        service_id=finding.visit.unit.service_id,
        url=reverse("observation:finding", kwargs={"pk": finding.pk}),
        has_giver=False,  # the quality monitors read the unit's answer on the visit's page
        extra={"severity": finding.severity, "category": finding.category},
    )


class FindingKind:
    name = KIND

    def label(self) -> str:
        return _("observation visit finding")

    def visible_ids(self, user: User) -> Any:
        return findings_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = findings_visible_to(user).filter(pk__in=list(pks)).select_related("visit__unit")
        return [_item(finding) for finding in found.order_by("-visit__visit_date", "pk")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = Finding.objects.filter(pk__in=list(pks)).select_related("visit__unit")
        return [_item(finding) for finding in found.order_by("-visit__visit_date", "pk")]

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """The findings `user` may see, matched on their description."""
        found: QuerySet[Finding] = findings_visible_to(user)
        found = matching_words(found, query.words, "description")
        if query.unit_id:
            found = found.filter(visit__unit_id=query.unit_id)
        if query.service_id:
            found = found.filter(visit__unit__service_id=query.service_id)
        if query.theme:
            found = found.none()  # findings carry categories, not feedback themes
        found = within_days(found, "created_at", query.since, query.until)
        if query.status == "open":
            found = found.filter(status=Finding.Status.OPEN)
        elif query.status == "handled":
            found = found.exclude(status=Finding.Status.OPEN)
        return found.order_by("-created_at", "-pk").values_list("pk", "created_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        return Finding.objects.filter(
            visit__unit__in=units, visit__visit_date__gte=start, visit__visit_date__lte=end
        ).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """A finding has no giver to tell: the unit's answer is on the visit's page."""
        return False


FINDING_KIND = FindingKind()
