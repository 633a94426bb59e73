"""Quality monitors' observation visits (#17 item 4): the coordinator's versioned templates,
visits to a unit and their findings, and the unit's answer to each finding."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Unit
from osallisuus.uploads import UploadValidator


class Category(models.TextChoices):
    """What a quality monitor looks at (#17 item 4), in the order of a client's visit."""

    ARRIVING = "arriving", _("arriving and finding the way")
    WAITING = "waiting", _("waiting")
    BEING_MET = "being_met", _("being met")
    INFORMATION = "information", _("information given")
    PRIVACY = "privacy", _("privacy")
    ACCESSIBILITY = "accessibility", _("accessibility of premises and e-services")


class Severity(models.TextChoices):
    OBSERVATION = "observation", _("observation")
    NEEDS_IMPROVING = "needs_improving", _("needs improving")
    ACT_NOW = "act_now", _("act now")


class VisitTemplate(models.Model):
    """One version of a template; a change makes a new version, and a visit keeps the version
    it was made on."""

    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    categories = models.JSONField(_("categories"), default=list)
    guidance = models.TextField(_("what to look for"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit template")
        verbose_name_plural = _("visit templates")
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="observation_template_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("observation:template", kwargs={"pk": self.pk})

    def category_labels(self) -> list[str]:
        return [str(Category(code).label) for code in self.categories if code in Category.values]


class Visit(models.Model):
    """An observation visit to a unit. Internal until the report is sent to the unit."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned, findings being written")
        REPORTED = "reported", _("report sent to the unit")

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT)
    visit_date = models.DateField(_("date of the visit"))
    template = models.ForeignKey(
        VisitTemplate, verbose_name=_("template"), on_delete=models.PROTECT, related_name="visits"
    )
    observers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("observers"), related_name="observation_visits"
    )
    # A follow-up visit records whether the earlier visit's findings changed.
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("follow-up of the visit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    answer_due = models.DateField(_("the unit answers by"))
    reported_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("observation visit")
        verbose_name_plural = _("observation visits")
        ordering = ["-visit_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_due__gte=models.F("visit_date")),
                name="observation_answer_due_after_visit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.visit_date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("observation:visit", kwargs={"pk": self.pk})


def photo_path(instance: Finding, filename: str) -> str:
    return f"observation/{instance.visit_id}/{filename}"


class Finding(models.Model):
    """One finding of a visit; the unit answers it with an action (the trail) or reasons."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for the unit's answer")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    class Answer(models.TextChoices):
        ACTION = "action", _("an action")
        REASONS = "reasons", _("reasons why nothing changes")

    class Change(models.TextChoices):
        CHANGED = "changed", _("changed")
        PARTLY = "partly", _("partly changed")
        NOT_CHANGED = "not_changed", _("not changed")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="findings")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices)
    description = models.TextField(_("description"))
    recommendation = models.TextField(_("recommendation"), blank=True)
    photo = models.FileField(
        _("photo"),
        upload_to=photo_path,
        blank=True,
        validators=[UploadValidator(kinds=("png", "jpeg"))],
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Recorded on the follow-up visit.
    change = models.CharField(
        _("did it change?"), max_length=20, choices=Change.choices, blank=True
    )
    followed_up_on = models.ForeignKey(
        Visit, on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_findings"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["visit", "pk"]

    def __str__(self) -> str:
        return f"{self.visit} – {self.get_category_display()}"

    def get_absolute_url(self) -> str:
        return reverse("observation:finding", kwargs={"pk": self.pk})
