"""The statutory routes' texts, the register of formal objections and flags on feedback.

A formal objection (muistutus: Act 785/1992 § 10, Act 812/2000 § 23) is kept here, never in the
feedback store: its own code, its own handler (the complaints officer), its own figures.
Every authority, address and time limit a person reads is county content (`RouteText`,
`ObjectionPolicy`), because the acts that set them change; none is written in code.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Unit
from osallisuus.uploads import UploadValidator


def _in_language(obj: models.Model, prefix: str, language: str | None) -> str:
    language = (language or get_language() or "fi")[:2]
    return str(getattr(obj, f"{prefix}_{language}", "") or getattr(obj, f"{prefix}_fi"))


class Route(models.TextChoices):
    FEEDBACK = "feedback", _("feedback")
    OBJECTION = "objection", _("objection to the unit (muistutus)")
    COMPLAINT = "complaint", _("complaint to the supervisory authority (kantelu)")
    RECTIFICATION = "rectification", _("request for rectification of a decision")
    APPEAL = "appeal", _("appeal to a court")
    OMBUDSMAN = "ombudsman", _("patient and social ombudsmen")


class RouteText(models.Model):
    """What one route is for and how to take it, in plain language; the county edits it."""

    route = models.CharField(_("route"), max_length=20, choices=Route.choices, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    body_fi = models.TextField(_("text in Finnish"))
    body_sv = models.TextField(_("text in Swedish"))
    body_en = models.TextField(_("text in English"))
    # Where the text was checked: the act and section, and the page read (and when).
    source = models.TextField(_("source"), blank=True)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("route text")
        verbose_name_plural = _("route texts")
        ordering = ["order", "route"]

    def __str__(self) -> str:
        return self.get_route_display()

    def title(self, language: str | None = None) -> str:
        return _in_language(self, "title", language)

    def body(self, language: str | None = None) -> str:
        return _in_language(self, "body", language)


class ObjectionPolicy(models.Model):
    """The county's choices for electronic objections. Without a row, the form is off."""

    enabled = models.BooleanField(_("objections can be sent here"), default=False)
    # The county's own target for its written answer (the acts say "in a reasonable time").
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer"),
        help_text=_("The county's own target for its written answer, in days."),
    )
    strong_identification = models.BooleanField(
        _("senders identify strongly"),
        default=False,
        help_text=_("When strong identification is configured, senders identify through it."),
    )

    class Meta:
        verbose_name = _("objection settings")
        verbose_name_plural = _("objection settings")
        constraints = [
            models.CheckConstraint(condition=Q(answer_days__gt=0), name="objection_answer_days")
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class Holiday(models.Model):
    """A weekday that is not a working day (a public holiday, Christmas Eve, Midsummer Eve):
    the county keeps the calendar, so time limits counted in working days skip these days."""

    day = models.DateField(_("day"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d.%m.%Y} {self.name}"


class Concern(models.TextChoices):
    HEALTH = "health", _("health care")
    SOCIAL = "social", _("social services")


class Source(models.TextChoices):
    FORM = "form", _("web form")
    API = "api", _("other system (API)")
    FEEDBACK = "feedback", _("moved from feedback")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    IN_HANDLING = "in_handling", _("being handled")
    ANSWERED = "answered", _("answered")


class ComplaintQuerySet(models.QuerySet["Complaint"]):
    def visible_to(self, user: object) -> ComplaintQuerySet:
        """Every complaint for a complaints officer; nothing for anyone else."""
        if user is not None and user.has_perm("complaints.handle_complaints"):  # type: ignore[attr-defined]
            return self.all()
        return self.none()


class Complaint(models.Model):
    """A formal objection (muistutus): who sent it, what about, its handling and answer."""

    code = models.CharField(_("code"), max_length=9, unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    concern = models.CharField(_("concerns"), max_length=10, choices=Concern.choices)
    source = models.CharField(_("came from"), max_length=10, choices=Source.choices)
    language = models.CharField(_("language"), max_length=2, default="fi")
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    email = models.EmailField(_("e-mail"), blank=True)
    text = models.TextField(_("objection"))
    strongly_identified = models.BooleanField(_("strongly identified"), default=False)
    received_at = models.DateTimeField(_("received"), db_index=True)
    acknowledge_by = models.DateField(_("answer due"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ComplaintStatus.choices,
        default=ComplaintStatus.RECEIVED,
    )
    answer_text = models.TextField(_("written answer"), blank=True)
    answered_on = models.DateField(_("answer date"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered")
                | (Q(answered_on__isnull=False) & ~Q(answer_text="")),
                name="answered_objection_has_answer",
            ),
            models.CheckConstraint(
                condition=~Q(name="") & ~Q(address=""), name="objection_has_name_and_address"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("complaints:record", kwargs={"pk": self.pk})


class ComplaintAttachment(models.Model):
    """A file sent with an objection, checked as every upload is (osallisuus/uploads.py)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="complaints/%Y/", validators=[UploadValidator()])
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class HandlingEntry(models.Model):
    """One step of the handling the complaints officer records (asked for a statement…)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="handling")
    at = models.DateTimeField(_("time"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("handling"))

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.at:%Y-%m-%d}"


class FlagDecision(models.TextChoices):
    KEEP = "keep", _("kept as feedback")
    REDIRECT = "redirect", _("redirected to a statutory route")
    TRANSFER = "transfer", _("moved to the objection register")


class ComplaintFlag(models.Model):
    """Feedback that reads like a complaint; its handler chooses what it is before `decide_by`."""

    feedback = models.OneToOneField(
        "feedback.Feedback", on_delete=models.CASCADE, related_name="complaint_flag"
    )
    flagged_at = models.DateTimeField(_("flagged"))
    decide_by = models.DateTimeField(_("decide by"), db_index=True)
    words = models.JSONField(_("words found"), default=list, blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=FlagDecision.choices, blank=True
    )
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    complaint = models.ForeignKey(
        Complaint, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # When the coordinators were told it was still undecided past `decide_by` (once per flag).
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)

    class Meta:
        verbose_name = _("complaint flag")
        verbose_name_plural = _("complaint flags")
        ordering = ["decide_by"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_at__isnull=False),
                name="decided_flag_has_time",
            )
        ]

    def __str__(self) -> str:
        return f"flag {self.feedback_id}"
