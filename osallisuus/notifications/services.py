"""Queue e-mail and SMS messages inside the write's transaction; delivery runs after commit."""

from __future__ import annotations

from collections.abc import Sequence

from osallisuus.task_queue import enqueue_with_transaction

from .models import OutboxMessage
from .tasks import deliver_message


def _queue(message: OutboxMessage) -> OutboxMessage:
    enqueue_with_transaction(deliver_message, message.pk)
    return message


def send_email(
    *, to: str, subject: str, body: str, attachments: Sequence[dict[str, str]] = ()
) -> OutboxMessage:
    """Store an e-mail and deliver it in the background once the current transaction commits."""
    return _queue(
        OutboxMessage.objects.create(
            channel=OutboxMessage.Channel.EMAIL,
            recipient=to,
            subject=subject[:200],
            body=body,
            attachments=list(attachments),
        )
    )


def send_sms(*, to: str, text: str) -> OutboxMessage:
    """Store a text message and deliver it in the background after commit."""
    return _queue(
        OutboxMessage.objects.create(channel=OutboxMessage.Channel.SMS, recipient=to, body=text)
    )
