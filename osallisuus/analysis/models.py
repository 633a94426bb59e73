"""The analysis app's only table: label corrections staff make, kept as evaluation data.

Each row says who changed an item's themes, sentiment or urgency, when, and from what to
what, with the comment's redacted text as it stood, so the corrections can be exported in the
gold format of `evaluate_text --gold` without ever carrying personal data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LabelCorrection(models.Model):
    """One correction of the analysis labels of one feedback item."""

    feedback = models.ForeignKey(
        "feedback.Feedback",
        on_delete=models.CASCADE,
        related_name="label_corrections",
        verbose_name=_("feedback"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    at = models.DateTimeField(_("time"), db_index=True)
    # The comment without personal data, as the corrector saw it, and its language.
    text = models.TextField(_("text without personal data"))
    lang = models.CharField(_("language"), max_length=2)
    themes_before = models.JSONField(_("themes before"), default=list)
    themes_after = models.JSONField(_("themes after"), default=list)
    sentiment_before = models.CharField(_("sentiment before"), max_length=10, blank=True)
    sentiment_after = models.CharField(_("sentiment after"), max_length=10, blank=True)
    urgent_before = models.BooleanField(_("urgent before"), default=False)
    urgent_after = models.BooleanField(_("urgent after"), default=False)

    class Meta:
        verbose_name = _("label correction")
        verbose_name_plural = _("label corrections")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"correction of {self.feedback_id} at {self.at:%Y-%m-%d %H:%M}"
