"""A burst of comments gets its second reading in batches: the first task of the burst reads as
many waiting comments as a batch holds with one embedding batch, and the tasks of comments
already read do nothing (#24 item 5)."""

import pytest

from osallisuus.analysis import semantic
from osallisuus.analysis.tests.test_semantic import DISCHARGED_ALONE
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.refinement import refine_arrived_feedback, refine_waiting
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db

COMMENTS = [
    DISCHARGED_ALONE,
    "Jonotin puhelimessa tunnin eikä kukaan vastannut.",
    "Lääkäri oli ystävällinen ja kuunteli. Kiitos!",
    "Personalen var vänlig men väntetiden var lång.",
    "The nurse was kind but the wait was long.",
    "Parkkipaikkoja on liian vähän.",
]


@pytest.fixture
def embedding_batches(settings, monkeypatch):
    """The semantic tier on, and every call of its encoder recorded (the texts it was given)."""
    settings.ANALYSIS_SEMANTIC = True
    calls: list[int] = []
    embed = semantic.embed

    def recorded(texts):
        calls.append(len(texts))
        return embed(texts)

    monkeypatch.setattr(semantic, "embed", recorded)
    return calls


def arrive(unit, texts, django_capture_on_commit_callbacks):
    """Comments arriving at once: stored, their second reading queued but not run yet."""
    with django_capture_on_commit_callbacks(execute=False):
        items = [submit_feedback(FeedbackInput(unit=unit, text=text))[0] for text in texts]
    assert all(item.second_reading_pending for item in items)
    return items


def waiting():
    return Feedback.objects.filter(second_reading_pending=True).exclude(text="").count()


def test_a_burst_is_read_in_batches_and_later_tasks_find_their_comments_read(
    embedding_batches, unit, django_capture_on_commit_callbacks
):
    items = arrive(unit, COMMENTS, django_capture_on_commit_callbacks)
    # The worker runs the burst's tasks in turn, one comment each, as intake queued them.
    refine_waiting([items[2].pk], batch=4)
    assert embedding_batches == [4]  # its own comment and the three oldest waiting
    assert waiting() == 2
    assert not Feedback.objects.get(pk=items[2].pk).second_reading_pending
    refine_waiting([items[0].pk], batch=4)  # already read: the rest is read instead
    assert embedding_batches == [4, 2]
    assert waiting() == 0
    for item in items[1:]:
        refine_arrived_feedback("feedback", feedback_ids=[item.pk], arrived=True)
    assert embedding_batches == [4, 2]  # nothing left to read: no encoder call at all
    first = Feedback.objects.get(pk=items[0].pk)
    assert first.urgent and "safety" in first.themes  # the second reading did its work


def test_the_receiver_reads_a_whole_batch_of_waiting_comments_at_once(
    embedding_batches, unit, django_capture_on_commit_callbacks
):
    items = arrive(unit, COMMENTS * 3, django_capture_on_commit_callbacks)
    refine_arrived_feedback("feedback", feedback_ids=[items[-1].pk], arrived=True)
    assert embedding_batches == [len(items)]  # 18 comments, fewer than a batch: one call
    assert waiting() == 0
