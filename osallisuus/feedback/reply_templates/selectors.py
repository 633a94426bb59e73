"""Reply templates kept by the people who answer: coordinators and administrators for the whole
county, unit managers for their own units.

A unit manager sees every template their units' staff are offered (county-wide ones, their
services' and their units'), but changes only the ones written for a unit they manage.
Handlers are offered the active templates for a feedback item's unit and service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from osallisuus.accounts.permissions import is_coordinator_or_admin
from osallisuus.accounts.selectors import managed_units
from osallisuus.organisation.models import Service, Unit

from ..models import Feedback, ReplyTemplate

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


def county_wide_editor(user: MaybeUser) -> bool:
    return bool(is_coordinator_or_admin(user))


def templates_visible_to(user: MaybeUser) -> QuerySet[ReplyTemplate]:
    """Every template for county-wide editors; for a unit manager, those offered in their
    units (county-wide, their services' and their units')."""
    templates = ReplyTemplate.objects.select_related("unit", "service")
    if county_wide_editor(user):
        return templates.order_by("-active", "title")
    units = managed_units(user)
    return templates.filter(
        Q(unit__isnull=True, service__isnull=True)
        | Q(unit__in=units)
        | Q(service__in=units.values("service"))
    ).order_by("-active", "title")


def templates_editable_by(user: MaybeUser) -> QuerySet[ReplyTemplate]:
    if county_wide_editor(user):
        return ReplyTemplate.objects.all()
    return ReplyTemplate.objects.filter(unit__in=managed_units(user))


def units_for_templates(user: MaybeUser) -> QuerySet[Unit]:
    """The units a person may write templates for."""
    units = Unit.objects.filter(active=True) if county_wide_editor(user) else managed_units(user)
    return units.order_by("name_fi")


def services_for_templates(user: MaybeUser) -> QuerySet[Service]:
    """Services a person may write templates for: county-wide editors only."""
    if not county_wide_editor(user):
        return Service.objects.none()
    return Service.objects.order_by("name_fi")


def reply_templates_for(feedback: Feedback) -> QuerySet[ReplyTemplate]:
    """Active templates for everyone, for the feedback's unit, or for its service."""
    return ReplyTemplate.objects.filter(
        Q(unit__isnull=True, service__isnull=True)
        | Q(unit_id=feedback.unit_id)
        | Q(service_id=feedback.unit.service_id),
        active=True,
    ).order_by("title")
