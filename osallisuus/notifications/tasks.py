"""Background delivery of outbox messages (django-tasks, database queue: survives restarts).

A delivery never holds a transaction or a row lock while it talks to the SMTP server or the SMS
gateway (up to EMAIL_TIMEOUT / 15 seconds):

1. claim: one short transaction marks the message "sending", counts the attempt and gives it a
   lease (`claimed_until`); a row another connection holds is skipped, not waited for;
2. send, outside any transaction;
3. record: one short transaction stores "sent", or after a failure puts the message back in the
   queue with a later `next_attempt_at` and schedules a delivery then (`run_after`), or after
   OUTBOX_MAX_ATTEMPTS marks it "failed" for the administrators.

A message that is sent, failed or not configured is never sent again, however often the task
runs; a claim whose delivery died mid-send expires and `manage.py deliver_outbox` picks it up.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import task

from osallisuus.task_queue import enqueue_with_transaction

from .gateways import DELIVERERS, NotConfiguredError
from .models import OutboxMessage

logger = logging.getLogger(__name__)

# The wait before the 2nd, 3rd, … attempt; past the end of the list, its last step.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=6),
)
# Longer than any send may take (the SMTP and HTTP timeouts are seconds).
CLAIM_LEASE = datetime.timedelta(minutes=5)


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the given number of failed attempts."""
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def deliverable(now: datetime.datetime) -> QuerySet[OutboxMessage]:
    """Messages a delivery may claim now: queued and due, or sending under an expired claim."""
    queued, sending = OutboxMessage.Status.QUEUED, OutboxMessage.Status.SENDING
    return OutboxMessage.objects.filter(
        Q(status=queued, next_attempt_at__isnull=True)
        | Q(status=queued, next_attempt_at__lte=now)
        | Q(status=sending, claimed_until__lt=now)
    )


def _claim(message_id: int, now: datetime.datetime) -> OutboxMessage | None:
    with transaction.atomic():
        message = deliverable(now).select_for_update(skip_locked=True).filter(pk=message_id).first()
        if message is None:
            return None
        message.status = OutboxMessage.Status.SENDING
        message.attempts += 1
        message.claimed_until = now + CLAIM_LEASE
        message.next_attempt_at = None
        message.save(update_fields=["status", "attempts", "claimed_until", "next_attempt_at"])
        return message


def _record(message: OutboxMessage, **fields: object) -> bool:
    """Store the attempt's result, unless the claim expired and another delivery took over."""
    return bool(
        OutboxMessage.objects.filter(
            pk=message.pk, status=OutboxMessage.Status.SENDING, attempts=message.attempts
        ).update(claimed_until=None, **fields)
    )


def _schedule_retry(message: OutboxMessage, error: Exception) -> str:
    now = timezone.now()
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        _record(message, status=OutboxMessage.Status.FAILED, last_error=str(error)[:300])
        logger.warning("Outbox message %s failed for good: %s", message.pk, error)
        return str(OutboxMessage.Status.FAILED)
    next_attempt_at = now + retry_delay(message.attempts)
    with transaction.atomic():
        recorded = _record(
            message,
            status=OutboxMessage.Status.QUEUED,
            last_error=str(error)[:300],
            next_attempt_at=next_attempt_at,
        )
        # A backend that cannot run a task later leaves the retry to `deliver_outbox`.
        if recorded and deliver_message.get_backend().supports_defer:
            enqueue_with_transaction(deliver_message.using(run_after=next_attempt_at), message.pk)
    return "retry"


@task()
def deliver_message(message_id: int) -> str:
    """Deliver one message once; a message already sent, failed for good or not due is skipped."""
    message = _claim(message_id, timezone.now())
    if message is None:
        return "skipped"
    try:
        DELIVERERS[OutboxMessage.Channel(message.channel)](message)
    except NotConfiguredError:
        _record(message, status=OutboxMessage.Status.NOT_CONFIGURED)
        return str(OutboxMessage.Status.NOT_CONFIGURED)
    except Exception as error:  # any failure of a gateway is retried, then reported
        return _schedule_retry(message, error)
    _record(message, status=OutboxMessage.Status.SENT, sent_at=timezone.now(), last_error="")
    return str(OutboxMessage.Status.SENT)
