"""Evaluations of a co-development project's trial or of a service (#17 item 5): criteria,
each evaluator's assessment per criterion, and the joint evaluation meeting's conclusion."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SCALE_MIN, SCALE_MAX = 1, 5


class Evaluation(models.Model):
    """An evaluation of a project (its trial) or of a service; the coordinator keeps it."""

    title = models.CharField(_("title"), max_length=200)
    project = models.ForeignKey(
        "codevelopment.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("co-development project"),
    )
    service = models.ForeignKey(
        "organisation.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="evaluations", verbose_name=_("evaluators")
    )
    observers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="observed_evaluations",
        verbose_name=_("observing clients"),
    )
    meeting_date = models.DateField(_("date of the joint evaluation meeting"), null=True)
    conclusion = models.TextField(_("conclusion of the joint evaluation meeting"), blank=True)
    concluded_at = models.DateTimeField(_("concluded"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=False) | Q(service__isnull=False),
                name="evaluation_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("evaluation:evaluation", kwargs={"pk": self.pk})

    @property
    def is_concluded(self) -> bool:
        return self.concluded_at is not None


class Criterion(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField(_("criterion"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Assessment(models.Model):
    """One evaluator's score (1–5) and words on one criterion."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="assessments")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)]
    )
    text = models.TextField(_("assessment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "evaluator"], name="evaluation_one_assessment_each"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=SCALE_MIN) & Q(score__lte=SCALE_MAX),
                name="evaluation_score_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Note(models.Model):
    """An observing client's note on the trial, filed with the same tool as assessments."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("observation note"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:50]
