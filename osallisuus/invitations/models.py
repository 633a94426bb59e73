"""Invitations by e-mail or text message to take part in something: a link that creates or
attaches the account and the membership in one step.

What an invitation is for is its `kind` plus, for kinds about one object, a foreign key to
that object (a co-development project's group). A new kind (a panel, a developer group) adds a
`Kind`, a nullable foreign key, a clause to `invitations_target_matches_kind` and an entry in
`targets.py`; nothing else changes.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CODEVELOPMENT_GROUP = "codevelopment_group", _("co-development group")
    EXPERT_POOL = "expert_pool", _("expert pool application")


class Status(models.TextChoices):
    PENDING = "pending", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EXPIRED = "expired", _("expired")


class Invitation(models.Model):
    """One invitation to one person's e-mail address or phone number."""

    kind = models.CharField(_("invited to"), max_length=30, choices=Kind.choices)
    project = models.ForeignKey(
        "codevelopment.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("co-development project"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    language = models.CharField(_("language of the message"), max_length=2)
    # SHA-256 of the link's random token: the link itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_invitations",
    )
    # The version of the consent text shown and accepted (consent.py), with accepted_at.
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=Kind.CODEVELOPMENT_GROUP, project__isnull=False)
                    | Q(kind=Kind.EXPERT_POOL, project__isnull=True)
                ),
                name="invitations_target_matches_kind",
            ),
            models.CheckConstraint(
                condition=(Q(email="") & ~Q(phone="")) | (~Q(email="") & Q(phone="")),
                name="invitations_email_or_phone",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="invitations_expires_after_sent",
            ),
            # One ending at most: accepted, declined or withdrawn.
            models.CheckConstraint(
                condition=(
                    Q(accepted_at__isnull=True, declined_at__isnull=True)
                    | Q(accepted_at__isnull=True, withdrawn_at__isnull=True)
                    | Q(declined_at__isnull=True, withdrawn_at__isnull=True)
                ),
                name="invitations_one_ending",
            ),
            # Accepting records the consent text's version with the time.
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True, consent_version="")
                | (Q(accepted_at__isnull=False) & ~Q(consent_version="")),
                name="invitations_acceptance_records_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.address}"

    @property
    def address(self) -> str:
        return self.email or self.phone

    def status(self, now: datetime | None = None) -> str:
        if self.withdrawn_at:
            return Status.WITHDRAWN
        if self.accepted_at:
            return Status.ACCEPTED
        if self.declined_at:
            return Status.DECLINED
        if (now or timezone.now()) >= self.expires_at:
            return Status.EXPIRED
        return Status.PENDING

    def get_status_display(self) -> str:
        return str(Status(self.status()).label)
