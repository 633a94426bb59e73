"""Writes of the self-monitoring summaries: the unit manager publishes one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError
from osallisuus.organisation.models import Unit

from .models import SelfMonitoringPublication
from .selectors import FourMonths, summary

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class SelfMonitoringError(DomainError):
    """A summary that cannot be published as asked."""


@transaction.atomic
def publish_summary(
    *, unit: Unit, period: FourMonths, by: User, comment: str = ""
) -> SelfMonitoringPublication:
    """Mark the unit's summary of an ended period published (again: its comment is updated).

    Act 741/2023 § 27: the observations of the follow-up and the changes made are published;
    when nothing changed, the unit says why (seed 004: an effect, or reasons why not).
    """
    require(by, "reports.publish_self_monitoring", unit)
    comment = comment.strip()
    if not period.has_ended():
        raise SelfMonitoringError(_("The period has not ended yet."))
    if not comment and not summary(unit, period).has_changes:
        raise SelfMonitoringError(
            _("Nothing was changed in this period: write why, for the public to read."),
            field="comment",
        )
    publication, _created = SelfMonitoringPublication.objects.update_or_create(
        unit=unit,
        year=period.year,
        part=period.part,
        defaults={"comment": comment, "published_at": timezone.now(), "published_by": by},
    )
    return publication
