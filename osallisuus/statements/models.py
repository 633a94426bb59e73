"""Statements (lausunnot, #16 item 6): a matter's preparer asks a group of the dialogue register
for a statement by a date, or an influence body flags a matter itself (§ 32); the group's
secretary records the approval and submits it; whoever prepares or decides the matter records
how it was taken into account, and the group is told.

One row holds the request, the statement and its consideration: each request has at most one
statement, and its three steps are read together everywhere.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class RequestOrigin(models.TextChoices):
    REQUESTED = "requested", _("asked by the preparer")
    FLAGGED = "flagged", _("flagged by the body")


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("statement requested")
    SUBMITTED = "submitted", _("statement submitted")
    CONSIDERED = "considered", _("taken into account")


class StatementRequest(models.Model):
    """A request for one group's statement on one matter, and the statement once given."""

    matter = models.ForeignKey(
        "trail.Matter",
        verbose_name=_("matter"),
        on_delete=models.PROTECT,
        related_name="statement_requests",
    )
    group = models.ForeignKey(
        "dialogue.Group",
        verbose_name=_("body or group"),
        on_delete=models.PROTECT,
        related_name="statement_requests",
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=RequestOrigin.choices, default=RequestOrigin.REQUESTED
    )
    question = models.TextField(_("what the statement is asked on"))
    due_on = models.DateField(_("statement due by"))
    language = models.CharField(max_length=2, default="fi")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    # The statement, as the group approved it.
    text = models.TextField(_("statement"), blank=True)
    meeting = models.ForeignKey(
        "dialogue.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    minutes_section = models.CharField(_("section (§) of the minutes"), max_length=20, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    public = models.BooleanField(_("public"), default=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # How the statement was taken into account in the decision (the preparer's answer).
    consideration = models.TextField(_("how it was taken into account"), blank=True)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    considered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("statement request")
        verbose_name_plural = _("statement requests")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "group"], name="statements_one_request_per_group"
            ),
            models.CheckConstraint(
                condition=Q(status="requested") | (~Q(text="") & Q(approved_on__isnull=False)),
                name="statements_submitted_has_text",
            ),
            models.CheckConstraint(
                condition=~Q(status="considered") | ~Q(consideration=""),
                name="statements_considered_has_text",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} → {self.matter}"

    def get_absolute_url(self) -> str:
        return reverse("statements:detail", kwargs={"pk": self.pk})

    @property
    def is_submitted(self) -> bool:
        return self.status != RequestStatus.REQUESTED
