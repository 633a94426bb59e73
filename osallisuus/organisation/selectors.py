"""Reads of the unit register."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from .models import Organiser, Unit


def current_organiser() -> Organiser | None:
    """The county this installation serves (one organiser per installation)."""
    return Organiser.objects.order_by("pk").first()


def public_units(*, query: str = "", service_id: int | None = None) -> QuerySet[Unit]:
    """Active units anyone may look up, optionally filtered by a search word or a service."""
    units = Unit.objects.active().select_related("service__area", "producer", "municipality")
    if query:
        units = units.filter(
            Q(name_fi__icontains=query)
            | Q(name_sv__icontains=query)
            | Q(name_en__icontains=query)
            | Q(code__iexact=query)
            | Q(municipality__name_fi__icontains=query)
            | Q(street_address__icontains=query)
        )
    if service_id:
        units = units.filter(service_id=service_id)
    return units.order_by("name_fi")


def public_unit(*, code: str) -> Unit | None:
    return public_units().filter(code=code.upper()).first()


def units_by_ids(ids: Iterable[int]) -> QuerySet[Unit]:
    """The units with these primary keys (unknown ones left out)."""
    return Unit.objects.filter(pk__in=list(ids))
