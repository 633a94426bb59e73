"""Retention: old contact details are erased, old feedback anonymised with its figures kept."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from osallisuus.feedback.models import Answer, Contact, Feedback
from osallisuus.feedback.retention import apply_retention, apply_retention_task
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db


def feedback_received(unit, days_ago, **extra):
    data = FeedbackInput(
        unit=unit,
        text="Hoitaja Mervi Virtanen soitti minulle numeroon 040 123 4567.",
        answers=[("encounter", 4)],
        contact_email="antti@example.org",
        contact_phone="040 765 4321",
        idempotency_key=f"kiosk-{days_ago}",
        received_at=timezone.now() - timedelta(days=days_ago),
        **extra,
    )
    return submit_feedback(data)[0]


def test_contact_details_are_erased_after_the_contact_period_but_kept_before_it(unit, settings):
    settings.FEEDBACK_CONTACT_RETENTION_DAYS = 365
    old = feedback_received(unit, 400)
    recent = feedback_received(unit, 30)
    result = apply_retention()
    assert result.contacts_erased == 1
    assert not Contact.objects.filter(feedback=old).exists()
    assert Contact.objects.filter(feedback=recent).exists()
    old.refresh_from_db()
    assert old.text, "the text itself stays until the feedback retention period"


def test_old_feedback_loses_its_original_text_but_keeps_redacted_text_and_figures(unit, settings):
    settings.FEEDBACK_RETENTION_DAYS = 730
    old = feedback_received(unit, 800)
    before = Feedback.objects.values(
        "redacted_text", "overall_score", "themes", "sentiment", "unit_id", "received_at"
    ).get(pk=old.pk)
    assert apply_retention().feedback_anonymised == 1
    old.refresh_from_db()
    assert old.text == ""
    assert old.idempotency_key is None
    assert "040 123 4567" not in old.redacted_text and old.redacted_text
    after = Feedback.objects.values(*before).get(pk=old.pk)
    assert after == before
    assert Answer.objects.get(feedback=old).value_int == 4
    assert not Contact.objects.filter(feedback=old).exists()


def test_recent_feedback_is_untouched(unit, settings):
    settings.FEEDBACK_RETENTION_DAYS = 730
    recent = feedback_received(unit, 100)
    assert apply_retention().feedback_anonymised == 0
    recent.refresh_from_db()
    assert recent.text.startswith("Hoitaja")


def test_running_retention_twice_changes_nothing_the_second_time(unit, settings):
    settings.FEEDBACK_RETENTION_DAYS = 730
    feedback_received(unit, 800)
    apply_retention()
    second = apply_retention()
    assert (second.contacts_erased, second.feedback_anonymised) == (0, 0)


def test_the_command_and_the_task_apply_retention(unit, settings, capsys):
    settings.FEEDBACK_CONTACT_RETENTION_DAYS = 10
    feedback_received(unit, 20)
    call_command("apply_retention")
    assert "Contact details erased: 1" in capsys.readouterr().out
    feedback_received(unit, 21)
    result = apply_retention_task.enqueue()
    assert result.return_value == {"contacts_erased": 1, "feedback_anonymised": 0}
