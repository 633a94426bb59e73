"""The roll-ups equal a recount from the raw rows, however they were kept up to date."""

import random
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.feedback.models import Answer, Feedback, StatusEvent
from osallisuus.reports.models import (
    COUNTER_FIELDS,
    AnswerRollup,
    FeedbackContribution,
    MonthlyRollup,
    ThemeRollup,
)
from osallisuus.reports.services import (
    rebuild_rollups,
    refresh_feedback_rollup,
)

from .factories import default_questions, make_feedback


def NpsQuestion():  # noqa: N802 (a fixture named as the question it gives)
    return default_questions()[1]


pytestmark = pytest.mark.django_db
THEMES = ["access_waiting", "care_quality", "information", "safety"]


def snapshot():
    counters = {
        (r.unit_id, r.month, r.channel): tuple(getattr(r, f) for f in COUNTER_FIELDS)
        for r in MonthlyRollup.objects.all()
        if any(getattr(r, f) for f in COUNTER_FIELDS)
    }
    themes = {(r.unit_id, r.month, r.theme): r.count for r in ThemeRollup.objects.all() if r.count}
    return counters, themes, answer_rollups()


def answer_rollups():
    return {
        (r.unit_id, r.month, r.question_id, r.value): r.count
        for r in AnswerRollup.objects.all()
        if r.count
    }


def answer_recount():
    """Answers per unit, month, question and value, straight from the answer rows."""
    counts = Counter()
    for answer in Answer.objects.filter(
        feedback__suspected_mashing=False, value_int__isnull=False
    ).select_related("feedback", "question"):
        if answer.question.type in ("scale5", "nps"):
            month = timezone.localdate(answer.feedback.received_at).replace(day=1)
            counts[(answer.feedback.unit_id, month, answer.question_id, answer.value_int)] += 1
    return dict(counts)


def recount():
    """Count straight from the feedback rows, independently of the roll-up code."""
    counts = Counter()
    themes = Counter()
    for item in Feedback.objects.filter(suspected_mashing=False):
        month = timezone.localdate(item.received_at).replace(day=1)
        counts[(item.unit_id, month)] += 1
        if item.text:
            for theme in set(item.themes):
                themes[(item.unit_id, month, theme)] += 1
    return counts, themes


@pytest.fixture
def mixed_data(unit, other_unit):
    rng = random.Random(7)
    now = timezone.now()
    for _ in range(120):
        make_feedback(
            rng.choice([unit, other_unit]),
            received_at=now - timedelta(days=rng.randint(0, 400)),
            score=rng.choice([None, 1, 2, 3, 4, 5]),
            nps=rng.choice([None, 0, 5, 7, 8, 9, 10]),
            text=rng.choice(["", "Kommentti"]),
            themes=rng.sample(THEMES, k=rng.randint(0, 2)),
            channel=rng.choice(["web", "qr", "kiosk", "phone"]),
            mashing=rng.random() < 0.05,
            answered_after=rng.choice([None, timedelta(days=3), timedelta(days=20)]),
            change_made=rng.random() < 0.1,
        )


def test_a_rebuild_equals_a_recount_from_the_raw_rows(mixed_data):
    rebuild_rollups()
    counts, themes = recount()
    rolled = Counter()
    for row in MonthlyRollup.objects.all():
        rolled[(row.unit_id, row.month)] += row.count
    assert +rolled == +counts
    assert {(r.unit_id, r.month, r.theme): r.count for r in ThemeRollup.objects.all()} == dict(
        themes
    )
    assert answer_rollups() == answer_recount()
    assert answer_recount(), "the data has answers to count"


def test_refreshing_item_by_item_gives_the_same_roll_ups_as_a_rebuild(mixed_data):
    rebuild_rollups()
    expected = snapshot()
    FeedbackContribution.objects.all().delete()
    MonthlyRollup.objects.all().delete()
    ThemeRollup.objects.all().delete()
    AnswerRollup.objects.all().delete()
    for pk in Feedback.objects.values_list("pk", flat=True):
        refresh_feedback_rollup(pk)
    assert snapshot() == expected
    # A second refresh of every item changes nothing (the hook may be called twice).
    for pk in Feedback.objects.values_list("pk", flat=True):
        refresh_feedback_rollup(pk)
    assert snapshot() == expected


def test_changes_to_an_item_move_the_figures_with_it(unit, mixed_data):
    rebuild_rollups()
    item = Feedback.objects.filter(suspected_mashing=False, text="Kommentti").first()
    item.themes = ["safety", "costs_billing"]
    item.save()
    StatusEvent.objects.create(feedback=item, at=timezone.now(), status="change_made")
    refresh_feedback_rollup(item.pk)
    other = Feedback.objects.exclude(pk=item.pk).filter(suspected_mashing=False).first()
    other.suspected_mashing = True
    other.save()
    refresh_feedback_rollup(other.pk)
    gone = Feedback.objects.exclude(pk__in=[item.pk, other.pk]).first()
    gone_pk = gone.pk
    gone.delete()
    refresh_feedback_rollup(gone_pk)
    # An answer edited, one removed, one added, and an item moved to another month.
    edited = Answer.objects.filter(feedback__suspected_mashing=False, question__type="scale5")
    first, second = edited.order_by("pk")[:2]
    first.value_int = 6 - first.value_int if first.value_int != 3 else 1
    first.save()
    refresh_feedback_rollup(first.feedback_id)
    second_item = second.feedback_id
    second.delete()
    refresh_feedback_rollup(second_item)
    unanswered = Feedback.objects.filter(suspected_mashing=False).exclude(
        answers__question__type="nps"
    )[0]
    Answer.objects.create(feedback=unanswered, question=NpsQuestion(), value_int=10)
    unanswered.received_at -= timedelta(days=62)
    unanswered.save()
    refresh_feedback_rollup(unanswered.pk)
    incremental = snapshot()
    assert incremental[2] == answer_recount()
    rebuild_rollups()
    assert incremental == snapshot()


def test_the_hook_counts_new_feedback_after_commit(unit, django_capture_on_commit_callbacks):
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    with django_capture_on_commit_callbacks(execute=True):
        submit_feedback(FeedbackInput(unit=unit, answers=[("access", 4), ("recommend", 10)]))
        assert not MonthlyRollup.objects.exists()
    row = MonthlyRollup.objects.get()
    assert (row.count, row.score_4, row.nps_promoters) == (1, 1, 1)


def test_the_rebuild_command_reports_what_it_counted(mixed_data):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("rebuild_rollups", stdout=out)
    counted = Feedback.objects.filter(suspected_mashing=False).count()
    assert f"from {counted} feedback items" in out.getvalue()


def test_feedback_given_and_answered_reaches_the_roll_ups_without_a_rebuild(
    unit, make_user, django_capture_on_commit_callbacks
):
    from osallisuus.feedback.models import Status
    from osallisuus.feedback.services import FeedbackInput, move_feedback, submit_feedback

    staff = make_user("staff")
    with django_capture_on_commit_callbacks(execute=True):
        feedback, _ = submit_feedback(
            FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin.", answers=[("access", 2)])
        )
    with django_capture_on_commit_callbacks(execute=True):
        move_feedback(
            feedback=feedback, by=staff, status=Status.ANSWERED, public_text="Lisäämme linjoja."
        )
    kept_up = snapshot()
    assert kept_up[0], "the item is counted"
    rebuild_rollups()
    assert snapshot() == kept_up
