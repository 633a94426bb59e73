"""Queue e-mail and SMS messages inside the write's transaction; delivery runs after commit.

Notices about changes (a status change, a step on the trail) go through `send_batched`: a
recipient gets at most one such message a day on each channel. The first change of the day
queues a message that waits a short window (NOTIFY_BATCH_MINUTES) before it is sent, or until
the day's digest time (NOTIFY_DIGEST_HOUR) for a person who asked for one message a day; later
changes the same day join that message as parts instead of sending another, and a part that is
already in it (the same change told twice) is not added again. Once the day's message has gone,
further changes wait for the next day's message, sent at the digest time.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from osallisuus.task_queue import enqueue_with_transaction

from .models import OutboxMessage
from .tasks import deliver_message

# How many days ahead a change may be put off when today's message has already gone.
_DAYS_AHEAD = 3


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


def digest_time(day: datetime.date) -> datetime.datetime:
    """When the day's collected notices are sent (local time)."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour=settings.NOTIFY_DIGEST_HOUR))
    )


def _batch_key(channel: str, to: str, day: datetime.date) -> str:
    return f"{channel}:{to.strip().lower()}:{day.isoformat()}"[:300]


def _body(parts: list[str], footer: str) -> str:
    return "\n\n".join([*parts, footer] if footer else parts)


def send_batched(
    *, channel: str, to: str, subject: str, part: str, footer: str = "", daily: bool = False
) -> OutboxMessage:
    """Tell `to` of one change: joins the recipient's message of the day, or starts it.

    `part` is what this change says; `footer` (e.g. where to follow it) closes the message once.
    `daily`: the recipient asked for one message a day, sent at the digest time.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    for ahead in range(_DAYS_AHEAD):
        day = today + datetime.timedelta(days=ahead)
        key = _batch_key(channel, to, day)
        message = OutboxMessage.objects.select_for_update().filter(batch_key=key).first()
        if message is None:
            if ahead:
                send_after = digest_time(day)
            elif daily:
                send_after = max(digest_time(day), now)
            else:
                send_after = now + datetime.timedelta(minutes=settings.NOTIFY_BATCH_MINUTES)
            try:
                with transaction.atomic():
                    message = OutboxMessage.objects.create(
                        channel=channel,
                        recipient=to,
                        subject=subject[:200],
                        parts=[part],
                        footer=footer,
                        body=_body([part], footer),
                        batch_key=key,
                        next_attempt_at=send_after,
                    )
            except IntegrityError:
                # Another change started the day's message at the same moment: join it.
                message = OutboxMessage.objects.select_for_update().get(batch_key=key)
            else:
                if deliver_message.get_backend().supports_defer:
                    enqueue_with_transaction(
                        deliver_message.using(run_after=send_after), message.pk
                    )
                # Otherwise `deliver_outbox` (every few minutes) sends it when it is due.
                return message
        if message.status != OutboxMessage.Status.QUEUED:
            continue  # the day's message is on its way or gone: the change waits for the next
        if part not in message.parts:
            message.parts = [*message.parts, part]
            message.body = _body(message.parts, message.footer)
            message.save(update_fields=["parts", "body"])
        return message
    # Days of messages already queued ahead (never in practice): send this one on its own.
    if channel == OutboxMessage.Channel.SMS:
        return send_sms(to=to, text=_body([part], footer))
    return send_email(to=to, subject=subject, body=_body([part], footer))
