"""A second reading in the background adds what the word lists missed, and alerts managers."""

import pytest
from django.utils import timezone

from osallisuus.analysis.models import LabelCorrection
from osallisuus.analysis.tests.test_semantic import DISCHARGED_ALONE
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.refinement import refine_labels
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def semantic_on(settings):
    settings.ANALYSIS_SEMANTIC = True


def test_a_risk_the_lexicon_missed_becomes_urgent_and_the_manager_is_alerted(
    semantic_on, make_user, unit, django_capture_on_commit_callbacks
):
    manager = make_user("unit_manager")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        feedback, _created = submit_feedback(FeedbackInput(unit=unit, text=DISCHARGED_ALONE))
        assert not feedback.urgent  # the lexicon tier alone, at intake
    assert callbacks  # the second reading was queued after the commit
    feedback.refresh_from_db()
    assert feedback.urgent and "safety" in feedback.themes
    assert OutboxMessage.objects.filter(recipient=manager.email).count() == 1


def test_queueing_the_second_reading_does_not_load_the_model_in_the_web_process(
    semantic_on, unit, django_capture_on_commit_callbacks
):
    from osallisuus.analysis import semantic

    semantic.load_model.cache_clear()
    semantic._encoder.cache_clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_feedback(FeedbackInput(unit=unit, text=DISCHARGED_ALONE))
    assert len(callbacks) >= 1  # the task is queued after the commit...
    assert semantic._encoder.cache_info().currsize == 0  # ...and nothing was loaded for it


def test_labels_a_person_corrected_are_left_alone(semantic_on, make_user, unit):
    feedback, _created = submit_feedback(FeedbackInput(unit=unit, text=DISCHARGED_ALONE))
    LabelCorrection.objects.create(
        feedback=feedback,
        by=make_user("staff"),
        at=timezone.now(),
        text=feedback.redacted_text,
        lang="fi",
        sentiment_before=feedback.sentiment,
        sentiment_after="negative",
    )
    assert refine_labels(feedback.pk) is False
    assert Feedback.objects.get(pk=feedback.pk).urgent is False


def test_without_the_semantic_tier_nothing_is_queued_or_changed(
    unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback, _created = submit_feedback(FeedbackInput(unit=unit, text=DISCHARGED_ALONE))
    assert refine_labels(feedback.pk) is False
    assert Feedback.objects.get(pk=feedback.pk).urgent is False
