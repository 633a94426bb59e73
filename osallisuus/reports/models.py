"""Roll-ups of feedback by unit, month and channel, kept up to date item by item.

Dashboards read only these tables, so their cost depends on units × months × channels, not on
the number of feedback items. `FeedbackContribution` remembers what each item last added, so a
refresh applies only the difference and calling it twice changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Unit

SCORE_FIELDS = ("score_1", "score_2", "score_3", "score_4", "score_5")
COUNTER_FIELDS = (
    "count",
    "comments",
    *SCORE_FIELDS,
    "nps_promoters",
    "nps_passives",
    "nps_detractors",
    "answered_in_time",
    "answered_late",
    "change_made",
)


class MonthlyRollup(models.Model):
    """Counts for one unit, one calendar month (Helsinki time) and one channel."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    channel = models.CharField(_("channel"), max_length=10)
    count = models.IntegerField(default=0)
    comments = models.IntegerField(default=0)
    score_1 = models.IntegerField(default=0)
    score_2 = models.IntegerField(default=0)
    score_3 = models.IntegerField(default=0)
    score_4 = models.IntegerField(default=0)
    score_5 = models.IntegerField(default=0)
    nps_promoters = models.IntegerField(default=0)
    nps_passives = models.IntegerField(default=0)
    nps_detractors = models.IntegerField(default=0)
    answered_in_time = models.IntegerField(default=0)
    answered_late = models.IntegerField(default=0)
    change_made = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("monthly roll-up")
        verbose_name_plural = _("monthly roll-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "channel"], name="unique_monthly_rollup"
            )
        ]
        indexes = [models.Index(fields=["month", "unit"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m} {self.channel}"


class ThemeRollup(models.Model):
    """Comments about one theme, for one unit and one month."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    theme = models.CharField(_("theme"), max_length=50)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("theme roll-up")
        verbose_name_plural = _("theme roll-ups")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month", "theme"], name="unique_theme_rollup")
        ]
        indexes = [models.Index(fields=["month", "unit"], name="theme_rollup_month_unit")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m} {self.theme}"


class AnswerRollup(models.Model):
    """How many answered one question with one value, for one unit and one month.

    Each statement keeps its own figures (its wording and scale are the question's): nothing
    mixes answers to different questions."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    question = models.ForeignKey(
        "feedback.Question", on_delete=models.CASCADE, related_name="+", verbose_name=_("question")
    )
    value = models.SmallIntegerField(_("answer"))
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("answer roll-up")
        verbose_name_plural = _("answer roll-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "question", "value"], name="unique_answer_rollup"
            )
        ]
        indexes = [models.Index(fields=["unit", "month"], name="answer_rollup_unit_month")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m} {self.question_id}={self.value}"


class FeedbackContribution(models.Model):
    """What one feedback item currently adds to the roll-ups (its id only: no content)."""

    feedback_id = models.BigIntegerField(unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    channel = models.CharField(max_length=10)
    counters = models.JSONField(default=dict)
    themes = models.JSONField(default=list)
    # [[question id, value], ...] by question id: what the item adds to AnswerRollup.
    answers = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"contribution of {self.feedback_id}"


class ExportRecord(models.Model):
    """One export download: who took what, when. The audit log points at this record."""

    at = models.DateTimeField(_("time"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20)
    format = models.CharField(_("format"), max_length=5)
    filters = models.JSONField(_("filters"), default=dict)
    rows = models.IntegerField(_("rows"), default=0)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.kind}.{self.format} by {self.by_id}"


# The self-monitoring model lives in its own module; importing it here registers it with the app.
from .self_monitoring.models import SelfMonitoringPublication  # noqa: E402 (registers the model, see above)

__all__ = [
    "COUNTER_FIELDS",
    "SCORE_FIELDS",
    "AnswerRollup",
    "ExportRecord",
    "FeedbackContribution",
    "MonthlyRollup",
    "SelfMonitoringPublication",
    "ThemeRollup",
]
