"""Outgoing messages: stored, delivered after commit by a task, and readable in the dev outbox."""

import pytest
from django.core import mail

from osallisuus.notifications.models import OutboxMessage
from osallisuus.notifications.services import send_email, send_sms

pytestmark = pytest.mark.django_db


def test_an_email_is_delivered_after_the_transaction_commits(
    django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        message = send_email(
            to="giver@example.org",
            subject="Palautteeseesi on vastattu",
            body="Vastaus",
            attachments=[{"filename": "kutsu.ics", "mimetype": "text/calendar", "content": "X"}],
        )
        assert len(mail.outbox) == 0
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert mail.outbox[0].to == ["giver@example.org"]
    assert mail.outbox[0].attachments[0][0] == "kutsu.ics"


def test_sms_without_a_gateway_is_kept_and_marked(django_capture_on_commit_callbacks, settings):
    settings.SMS_GATEWAY_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        message = send_sms(to="+358401234567", text="Vastaus palautteeseesi")
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.NOT_CONFIGURED


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email(to="a@example.org", subject="s", body="b")
    assert len(callbacks) == 1  # delivery waits for the commit; a rollback drops it


def test_the_dev_outbox_lists_every_message(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_email(to="giver@example.org", subject="Kiitos palautteesta", body="Hei")
        send_sms(to="+358401234567", text="Koodisi on ABCD")
    page = client.get("/dev/outbox/").content.decode()
    assert "Kiitos palautteesta" in page
    assert "+358401234567" in page


def test_the_dev_outbox_does_not_exist_without_debug(client, settings):
    settings.DEV_TOOLS = False
    assert client.get("/dev/outbox/").status_code == 404
