"""Label corrections as data: stored before and after, exported in the gold format."""

import json

import pytest

from osallisuus.analysis.corrections import (
    CorrectionError,
    Labels,
    gold_lines,
    latest_corrections,
    record_correction,
)
from osallisuus.analysis.models import LabelCorrection
from osallisuus.analysis.tests.dev_sample import dev_sample
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db
DEV_SAMPLE = dev_sample()


@pytest.fixture
def feedback(unit):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin."))[0]


def record(feedback, by=None, after=("access_waiting",), sentiment="negative", urgent=False):
    return record_correction(
        feedback_id=feedback.pk,
        by=by,
        text="Jonotin tunnin.",
        lang="fi",
        before=Labels(themes=(), sentiment="neutral", urgent=False),
        after=Labels(themes=tuple(after), sentiment=sentiment, urgent=urgent),
    )


def test_a_correction_keeps_before_and_after(feedback, make_user):
    staff = make_user("staff")
    correction = record(feedback, by=staff)
    stored = LabelCorrection.objects.get()
    assert stored == correction and stored.by == staff
    assert (stored.themes_before, stored.sentiment_before) == ([], "neutral")
    assert (stored.themes_after, stored.sentiment_after) == (["access_waiting"], "negative")


def test_themes_are_kept_in_taxonomy_order_without_repeats(feedback):
    correction = record(feedback, after=("safety", "access_waiting", "safety"))
    assert correction.themes_after == ["access_waiting", "safety"]


def test_labels_outside_the_taxonomy_are_refused(feedback):
    with pytest.raises(CorrectionError):
        record(feedback, after=("not_a_theme",))
    with pytest.raises(CorrectionError):
        record(feedback, sentiment="angry")
    assert not LabelCorrection.objects.exists()


def test_a_correction_that_changes_nothing_is_refused(feedback):
    with pytest.raises(CorrectionError):
        record(feedback, after=(), sentiment="neutral")


def test_the_latest_correction_of_an_item_wins(feedback):
    record(feedback, after=("safety",))
    last = record(feedback, after=("care_quality",), sentiment="mixed")
    assert latest_corrections(LabelCorrection.objects.all()) == [last]


def test_gold_lines_have_the_keys_of_the_development_sample(feedback):
    line = next(gold_lines([record(feedback, urgent=True)]))
    assert line == {
        "id": f"feedback-{feedback.pk}",
        "text": "Jonotin tunnin.",
        "lang": "fi",
        "themes": ["access_waiting"],
        "sentiment": "negative",
        "urgent": True,
        "pii": [],
    }
    sample = json.loads(DEV_SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "text", "lang", "themes", "sentiment", "urgent"} <= set(sample)
    assert {"id", "text", "lang", "themes", "sentiment", "urgent"} <= set(line)


def test_deleting_feedback_deletes_its_corrections(feedback):
    record(feedback)
    feedback.delete()
    assert not LabelCorrection.objects.exists()
