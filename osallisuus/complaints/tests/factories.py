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
