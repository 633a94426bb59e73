"""Survey campaigns: a feedback question set asked at some units over a period.

A campaign holds no answers of its own. The feedback given through its question set at its
units within its period belongs to it (feedback's report selectors read them), so the feedback
app knows nothing of campaigns.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osallisuus.feedback.models import QuestionSet
from osallisuus.organisation.models import Unit


class Campaign(models.Model):
    """A question set × units × period, with a title in three languages."""

    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    question_set = models.ForeignKey(
        QuestionSet,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("question set"),
    )
    units = models.ManyToManyField(Unit, related_name="+", verbose_name=_("units"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The figures as they stood when first read after the campaign closed (count, comments,
    # answers per question and value, themes): a closed campaign's results are final, and
    # counting them again from the items on every read grows with the data. Cleared when the
    # campaign is changed.
    final_figures = models.JSONField(_("final figures"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("survey campaign")
        verbose_name_plural = _("survey campaigns")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="campaign_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:detail", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        language = (get_language() or "fi")[:2]
        return str(getattr(self, f"title_{language}", "") or self.title_fi)

    def is_closed(self) -> bool:
        """The last day is behind us (Helsinki time): the results are final."""
        return self.ends_on < timezone.localdate()

    def has_started(self) -> bool:
        return self.starts_on <= timezone.localdate()
