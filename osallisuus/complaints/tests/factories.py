"""Objections and the county's settings for tests."""

from __future__ import annotations

from typing import Any

from osallisuus.complaints.models import ObjectionPolicy, Route, RouteText
from osallisuus.complaints.services import ObjectionInput, submit_objection

ROUTE_TEXT = {
    "title_fi": "Muistutus yksikölle",
    "title_sv": "Anmärkning till enheten",
    "title_en": "Objection to the unit",
    "body_fi": "Tee muistutus yksikön vastuuhenkilölle kirjallisesti.",
    "body_sv": "Gör en anmärkning skriftligt till enhetens ansvariga person.",
    "body_en": "Make an objection in writing to the person in charge of the unit.",
    "source": "test",
}


def county_takes_objections(*, days: int = 30) -> ObjectionPolicy:
    return ObjectionPolicy.objects.create(enabled=True, answer_days=days)


def route_text(route: str = Route.OBJECTION) -> RouteText:
    return RouteText.objects.create(route=route, **ROUTE_TEXT)


def objection_of(unit: Any, **overrides: Any) -> Any:
    data = {
        "unit": unit,
        "concern": "health",
        "name": "Maija Meikäläinen",
        "address": "Kuja 1, 00100 Helsinki",
        "text": "Minua ei kuunneltu vastaanotolla.",
        **overrides,
    }
    return submit_objection(ObjectionInput(**data))[0]


def handled_objections(
    unit: Any,
    count: int,
    *,
    concern: str = "health",
    received_at: Any = None,
    answered_after_days: int | None = None,
) -> list[Any]:
    """`count` objections about `unit` received at `received_at` (now by default), each
    answered `answered_after_days` later when given (the county must take objections)."""
    from datetime import timedelta

    from django.utils import timezone

    from osallisuus.complaints.models import Complaint, ComplaintStatus

    received_at = received_at or timezone.now()
    made = [objection_of(unit, concern=concern) for _ in range(count)]
    changes: dict[str, Any] = {"received_at": received_at}
    if answered_after_days is not None:
        changes |= {
            "status": ComplaintStatus.ANSWERED,
            "answer_text": "Vastaus muistutukseen.",
            "answered_on": timezone.localdate(received_at) + timedelta(days=answered_after_days),
        }
    Complaint.objects.filter(pk__in=[c.pk for c in made]).update(**changes)
    return made
