"""A unit's published self-monitoring summary of one four-month period.

The figures are not stored: they are read from the feedback and the trail whenever the page is
shown (the period has ended when it is published, so they change only when old items are
handled late). What is stored is the unit's decision to publish and its own words.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Unit


class SelfMonitoringPublication(models.Model):
    """The unit manager marked the summary of `year`'s `part` (1: Jan–Apr, 2: May–Aug, 3: Sep–Dec)
    published; from then on it is public at its address."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    part = models.PositiveSmallIntegerField(_("four-month period"))
    # The unit's own words: what it concludes, and why nothing changed when nothing did.
    comment = models.TextField(_("the unit's comment"), blank=True)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("published self-monitoring summary")
        verbose_name_plural = _("published self-monitoring summaries")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "part"], name="one_self_monitoring_summary_per_period"
            ),
            models.CheckConstraint(
                condition=Q(part__gte=1) & Q(part__lte=3), name="self_monitoring_part_1_to_3"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}-{self.part}"
