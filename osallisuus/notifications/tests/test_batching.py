"""Notices of changes: at most one message per recipient a day; a change told twice is sent
once, changes close together go out as one message (#15 item 5, #21 point 5)."""

from __future__ import annotations

import datetime
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from osallisuus.notifications.models import OutboxMessage
from osallisuus.notifications.services import digest_time, send_batched

pytestmark = pytest.mark.django_db


def notice(part: str, **kwargs: object) -> OutboxMessage:
    return send_batched(
        channel="email",
        to="giver@example.org",
        subject="News",
        part=part,
        footer="Follow: https://example.org/x",
        **kwargs,  # type: ignore[arg-type]
    )


def test_one_status_change_told_three_times_is_one_e_mail_with_it_once():
    for _ in range(3):
        notice("Your feedback was answered.")
    (message,) = OutboxMessage.objects.all()
    assert message.body.count("Your feedback was answered.") == 1
    assert message.body.endswith("Follow: https://example.org/x")


def test_changes_within_the_window_go_out_as_one_message_when_it_is_due(settings):
    settings.NOTIFY_BATCH_MINUTES = 10
    first = notice("Action planned.")
    notice("Decision made.")
    assert OutboxMessage.objects.count() == 1
    assert first.next_attempt_at > timezone.now() + datetime.timedelta(minutes=9)
    call_command("deliver_outbox")
    assert mail.outbox == []  # not due yet: later changes may still join it
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    call_command("deliver_outbox")
    (sent,) = mail.outbox
    assert "Action planned." in sent.body and "Decision made." in sent.body


def test_after_the_days_message_has_gone_the_next_change_waits_for_tomorrow():
    today = notice("Action planned.")
    OutboxMessage.objects.filter(pk=today.pk).update(status=OutboxMessage.Status.SENT)
    tomorrow = notice("Decision made.")
    assert tomorrow.pk != today.pk
    next_day = timezone.localdate() + datetime.timedelta(days=1)
    assert tomorrow.next_attempt_at == digest_time(next_day)
    assert "Action planned." not in tomorrow.body


def test_a_person_who_asked_for_one_message_a_day_gets_it_at_the_digest_time(settings):
    settings.NOTIFY_DIGEST_HOUR = 23
    before = timezone.now()
    message = notice("Action planned.", daily=True)
    after = timezone.now()
    digest = digest_time(timezone.localdate(before))
    if digest > after:  # the day's digest is still to come: the message waits for it
        assert message.next_attempt_at == digest
    else:
        assert before <= message.next_attempt_at <= after


def test_after_the_digest_time_the_days_message_goes_at_once(settings):
    settings.NOTIFY_DIGEST_HOUR = 0  # midnight has always passed today
    before = timezone.now()
    message = notice("Action planned.", daily=True)
    assert before <= message.next_attempt_at <= timezone.now()


def test_each_recipient_and_channel_has_a_message_of_its_own():
    notice("Action planned.")
    send_batched(channel="email", to="other@example.org", subject="N", part="Action planned.")
    send_batched(channel="sms", to="+358401234567", subject="", part="Action planned.")
    assert OutboxMessage.objects.count() == 3


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_changes_at_the_same_moment_still_make_one_message():
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (two connections writing at once)")
    first_written, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def change(part: str, hold: bool) -> None:
        try:
            with transaction.atomic():
                notice(part)
                if hold:
                    first_written.set()
                    release.wait(timeout=30)
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=change, args=("Action planned.", True))
    first.start()
    assert first_written.wait(timeout=10)
    second = threading.Thread(target=change, args=("Decision made.", False))
    second.start()  # waits on the first's uncommitted message, then joins it
    time.sleep(0.5)
    release.set()
    first.join()
    second.join()
    assert errors == []
    (message,) = OutboxMessage.objects.all()
    assert message.parts == ["Action planned.", "Decision made."]
