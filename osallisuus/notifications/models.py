"""Every outgoing message is stored first, then delivered by a task; its status shows the result.

Delivery (tasks.py) claims a message ("sending", with a lease), sends it outside any transaction,
and records the result; a failure is retried later with back-off until OUTBOX_MAX_ATTEMPTS, after
which the message is "failed" and listed as such in the administration's outbox.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("text message")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed, not retried")
        NOT_CONFIGURED = "not_configured", _("no gateway configured")

    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    # Small text attachments such as iCalendar invitations: [{"filename", "mimetype", "content"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    # A queued message is not tried before this (the back-off after a failed attempt).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # A message being sent belongs to one delivery until then; a delivery that died mid-send
    # leaves it to be claimed again after this time.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    # Batched notices (services.send_batched): one message per recipient, channel and day, so a
    # giver is never sent more than one a day; each change the message carries is one part, and
    # the message is built again from its parts and footer whenever a part joins it.
    batch_key = models.CharField(_("batch"), max_length=300, blank=True, default="")
    parts = models.JSONField(_("parts"), default=list, blank=True)
    footer = models.TextField(_("footer"), blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status__in=["queued", "sending"]),
                name="outbox_waiting",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["batch_key"],
                condition=~models.Q(batch_key=""),
                name="one_message_per_batch",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}: {self.subject or self.body[:40]}"
