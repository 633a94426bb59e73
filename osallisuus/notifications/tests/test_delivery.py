"""Delivery: claimed in a short transaction, sent outside any transaction or lock, retried with
back-off after a failure, failed for good after OUTBOX_MAX_ATTEMPTS, never sent twice."""

from __future__ import annotations

import datetime
import socket
import threading
import time
from typing import Any, ClassVar

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from osallisuus.notifications.models import OutboxMessage
from osallisuus.notifications.tasks import RETRY_DELAYS, deliver_message

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _message() -> OutboxMessage:
    return OutboxMessage.objects.create(
        channel=OutboxMessage.Channel.EMAIL, recipient="giver@example.org", subject="S", body="B"
    )


def _refused_port() -> int:
    """A local port nobody listens on: an SMTP server that refuses the connection."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def refusing_smtp(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _refused_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2


def _make_due(message: OutboxMessage) -> None:
    OutboxMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )


@pytest.mark.django_db
def test_a_refused_smtp_connection_leaves_the_message_queued_for_a_later_retry(refusing_smtp):
    message = _message()
    before = timezone.now()
    assert deliver_message.call(message.pk) == "retry"
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.QUEUED
    assert message.attempts == 1
    assert message.last_error
    assert message.next_attempt_at is not None
    assert before + RETRY_DELAYS[0] <= message.next_attempt_at <= timezone.now() + RETRY_DELAYS[0]
    # Run again before it is due (a duplicate task): nothing is tried.
    assert deliver_message.call(message.pk) == "skipped"
    message.refresh_from_db()
    assert message.attempts == 1


@pytest.mark.django_db
def test_the_retry_is_scheduled_as_a_task_to_run_when_it_is_due(
    refusing_smtp, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    message = _message()
    with django_capture_on_commit_callbacks(execute=True):
        deliver_message.call(message.pk)
    message.refresh_from_db()
    [retry] = deliver_message.get_backend().results  # type: ignore[attr-defined]
    assert retry.args == [message.pk]
    assert retry.task.run_after == message.next_attempt_at


@pytest.mark.django_db
def test_the_waits_grow_and_after_the_last_attempt_the_message_is_failed(refusing_smtp, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = _message()
    waits = []
    for _attempt in range(2):
        started = timezone.now()
        assert deliver_message.call(message.pk) == "retry"
        message.refresh_from_db()
        waits.append(message.next_attempt_at - started)
        _make_due(message)
    assert waits[0] < waits[1]
    assert deliver_message.call(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 3
    assert message.next_attempt_at is None
    # Failed for good: a later run (or the sweeper) does not try again.
    assert deliver_message.call(message.pk) == "skipped"
    call_command("deliver_outbox")
    message.refresh_from_db()
    assert message.attempts == 3


@pytest.mark.django_db
def test_administrators_find_failed_messages_with_the_status_filter(
    refusing_smtp, settings, client
):
    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    settings.OUTBOX_MAX_ATTEMPTS = 1
    failed = _message()
    sent = OutboxMessage.objects.create(
        channel=OutboxMessage.Channel.SMS, recipient="+358401111111", body="x", status="sent"
    )
    deliver_message.call(failed.pk)
    sign_in(client, user_with_role("administrator"))
    response = client.get("/admin/notifications/outboxmessage/", {"status__exact": "failed"})
    page = response.content.decode()
    assert failed.recipient in page
    assert sent.recipient not in page
    assert "refused" in page.lower()  # the last error is in the list


@pytest.mark.django_db
def test_a_working_backend_sends_once_however_often_the_task_runs(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = _message()
    assert deliver_message.call(message.pk) == "sent"
    assert deliver_message.call(message.pk) == "skipped"
    call_command("deliver_outbox")
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxMessage.Status.SENT, 1)
    assert message.claimed_until is None


@pytest.mark.django_db
def test_a_delivery_that_died_mid_send_is_taken_up_again_when_its_claim_expires(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = _message()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING,
        attempts=1,
        claimed_until=timezone.now() + datetime.timedelta(minutes=1),
    )
    call_command("deliver_outbox")
    assert len(mail.outbox) == 0  # still claimed by a delivery that may be running
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("deliver_outbox")
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxMessage.Status.SENT, 2)


class ObservingBackend(BaseEmailBackend):
    """An e-mail backend that looks at the database while the message is being sent."""

    seen: ClassVar[dict[str, Any]] = {}

    def send_messages(self, email_messages: Any) -> int:
        message = OutboxMessage.objects.get(recipient="giver@example.org")
        self.seen.update(in_transaction=connection.in_atomic_block, status=message.status)
        self.seen["locked_by_delivery"] = _locked_elsewhere(message.pk)
        return len(email_messages)


def _locked_elsewhere(pk: int) -> bool:
    """Whether another connection finds the row locked (FOR UPDATE NOWAIT fails)."""
    answer: list[bool] = []

    def probe() -> None:
        try:
            with transaction.atomic():
                OutboxMessage.objects.select_for_update(nowait=True).get(pk=pk)
            answer.append(False)
        except DatabaseError:
            answer.append(True)
        finally:
            connection.close()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return answer[0]


@pytest.mark.django_db(transaction=True)
def test_the_send_happens_outside_any_transaction_with_the_row_unlocked(settings):
    settings.EMAIL_BACKEND = f"{__name__}.ObservingBackend"
    ObservingBackend.seen.clear()
    message = _message()
    assert deliver_message.call(message.pk) == "sent"
    assert ObservingBackend.seen == {
        "in_transaction": False,
        "status": OutboxMessage.Status.SENDING,  # the claim is committed before the send
        "locked_by_delivery": False,
    }


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_row_locked_by_another_connection_is_skipped_not_waited_for(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks across connections)")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = _message()
    locked, release = threading.Event(), threading.Event()

    def hold_the_row() -> None:
        try:
            with transaction.atomic():
                OutboxMessage.objects.select_for_update().get(pk=message.pk)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    try:
        assert locked.wait(timeout=10)
        with connection.cursor() as cursor:  # a wait would fail the test, not hang it
            cursor.execute("SET lock_timeout = '3s'")
        started = time.monotonic()
        assert deliver_message.call(message.pk) == "skipped"
        assert time.monotonic() - started < 1
    finally:
        release.set()
        holder.join()
    assert deliver_message.call(message.pk) == "sent"
    assert len(mail.outbox) == 1
