"""Background delivery of outbox messages (django-tasks, database queue: survives restarts)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .gateways import DELIVERERS, NotConfiguredError
from .models import OutboxMessage


@task()
def deliver_message(message_id: int) -> str:
    """Deliver one queued message once; a message already sent is never sent again."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status == OutboxMessage.Status.SENT:
            return "skipped"
        message.attempts += 1
        try:
            DELIVERERS[OutboxMessage.Channel(message.channel)](message)
        except NotConfiguredError:
            message.status = OutboxMessage.Status.NOT_CONFIGURED
        except OSError as error:
            message.status = OutboxMessage.Status.FAILED
            message.last_error = str(error)[:300]
        else:
            message.status = OutboxMessage.Status.SENT
            message.sent_at = timezone.now()
        message.save(update_fields=["status", "attempts", "last_error", "sent_at"])
        return str(message.status)
