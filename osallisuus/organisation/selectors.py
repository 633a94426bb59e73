"""Reads of the unit register."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from osallisuus.public_cache import PublicAnswers

from .models import Municipality, Organiser, Producer, Service, ServiceArea, ServicePromise, Unit

# The public register's API answers (the unit list, a unit), remembered until any of the models
# they show is saved or deleted (osallisuus/public_cache.py).
REGISTER_ANSWERS = PublicAnswers(
    "unit-register", (Unit, Service, ServiceArea, Producer, Municipality)
)


# The services' promises as every intake reads them (the answer's due time), remembered until a
# promise is saved or deleted.
PROMISES = PublicAnswers("service-promises", (ServicePromise,))


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


def public_service(*, pk: int) -> Service | None:
    """A service with at least one active unit: what its public page may show."""
    return Service.objects.filter(pk=pk, units__active=True).distinct().first()


@dataclass(frozen=True)
class AnswerPromise:
    """How many days a service gives itself to answer feedback; `promised` is False when the
    service has published no promise and the county's default response time applies."""

    days: int
    promised: bool
    text: str = ""


def answer_promise(*, service_id: int) -> AnswerPromise:
    """The service's published promise, else settings.FEEDBACK_RESPONSE_DAYS: one source for
    the public pages and the giver's status page."""
    promise = ServicePromise.objects.filter(service_id=service_id, published=True).first()
    if promise is None:
        return AnswerPromise(days=int(settings.FEEDBACK_RESPONSE_DAYS), promised=False)
    return AnswerPromise(days=promise.days_to_answer, promised=True, text=promise.text())


def answer_days(*, service_id: int) -> int:
    """The days the service gives itself to answer (answer_promise), remembered in the process:
    an intake sets each item's due time from it."""
    return PROMISES.remembered(
        ("days", service_id), lambda: answer_promise(service_id=service_id).days
    )


def all_services() -> QuerySet[Service]:
    """Every service by name (a form's choices: what an evaluation may be of)."""
    return Service.objects.order_by("name_fi")
