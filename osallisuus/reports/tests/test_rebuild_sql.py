"""A rebuild (counted in SQL on PostgreSQL) gives exactly what refreshing item by item gives."""

from datetime import UTC, date, datetime, timedelta

import pytest

from osallisuus.feedback.models import Feedback
from osallisuus.reports.models import (
    COUNTER_FIELDS,
    AnswerRollup,
    FeedbackContribution,
    MonthlyRollup,
    ThemeRollup,
)
from osallisuus.reports.services import rebuild_rollups, refresh_feedback_rollup

from .factories import make_feedback

pytestmark = pytest.mark.django_db


def tables():
    """Every roll-up row and every item's contribution, without database ids."""
    monthly = {
        (r.unit_id, r.month, r.channel): tuple(getattr(r, f) for f in COUNTER_FIELDS)
        for r in MonthlyRollup.objects.all()
    }
    themes = {(r.unit_id, r.month, r.theme): r.count for r in ThemeRollup.objects.all()}
    contributions = {
        c.feedback_id: (c.unit_id, c.month, c.channel, c.counters, c.themes, c.answers)
        for c in FeedbackContribution.objects.all()
    }
    answers = {
        (r.unit_id, r.month, r.question_id, r.value): r.count for r in AnswerRollup.objects.all()
    }
    return monthly, themes, contributions, answers


def clear():
    FeedbackContribution.objects.all().delete()
    MonthlyRollup.objects.all().delete()
    ThemeRollup.objects.all().delete()
    AnswerRollup.objects.all().delete()


@pytest.fixture
def varied_data(unit, other_unit):
    """Every case `contribution_of` tells apart, spread over units, channels and months."""
    # 31 Jan 22:30 UTC is already 1 Feb in Helsinki (UTC+2): the item belongs to February.
    boundary = datetime(2026, 1, 31, 22, 30, tzinfo=UTC)
    moments = [
        boundary,
        boundary - timedelta(minutes=31),  # 23:59 on 31 Jan in Helsinki: January
        datetime(2026, 3, 28, 22, 0, tzinfo=UTC),  # the night summer time starts: 29 Mar
        datetime(2026, 6, 30, 21, 0, tzinfo=UTC),  # 1 Jul 00:00 in Helsinki (UTC+3)
        datetime(2026, 6, 30, 20, 59, tzinfo=UTC),  # still 30 Jun in Helsinki
        datetime(2025, 12, 31, 23, 0, tzinfo=UTC),  # new year in Helsinki, old one in UTC
        datetime(2026, 5, 15, 9, 0, tzinfo=UTC),
    ]
    scores = [None, 1, 2, 3, 4, 5]
    nps_values = [None, 0, 3, 6, 7, 8, 9, 10]
    answers = [None, timedelta(days=2), timedelta(days=14), timedelta(days=14, seconds=1)]
    theme_lists = [[], ["safety"], ["safety", "care_quality", "safety"], ["information"]]
    channels = ["web", "qr", "kiosk", "phone", "sms"]
    for n in range(96):
        make_feedback(
            unit if n % 3 else other_unit,
            received_at=moments[n % len(moments)] + timedelta(seconds=n),
            score=scores[n % len(scores)],
            nps=nps_values[n % len(nps_values)],
            text="" if n % 5 == 0 else "Kommentti",
            themes=theme_lists[n % len(theme_lists)],
            channel=channels[n % len(channels)],
            mashing=n % 11 == 0,
            answered_after=answers[n % len(answers)],
            change_made=n % 7 == 0,
        )
    # Items without a due time count from arrival + FEEDBACK_RESPONSE_DAYS; themes without a
    # comment count for nothing; a score outside 1–5 counts in no score bucket.
    first = Feedback.objects.order_by("pk")
    Feedback.objects.filter(pk__in=first.values("pk")[:10]).update(due_at=None)
    Feedback.objects.filter(pk__in=first.filter(text="").values("pk")[:3]).update(themes=["safety"])
    Feedback.objects.filter(pk=first.last().pk).update(overall_score=0)


def test_a_rebuild_gives_exactly_the_rows_that_refreshing_every_item_gives(varied_data):
    for pk in Feedback.objects.values_list("pk", flat=True):
        refresh_feedback_rollup(pk)
    item_by_item = tables()
    clear()

    counted = rebuild_rollups()

    assert tables() == item_by_item
    assert counted == Feedback.objects.filter(suspected_mashing=False).count()


def test_the_data_covers_every_counter_and_the_month_boundaries(varied_data):
    rebuild_rollups()
    monthly, themes, contributions, answers = tables()
    totals = dict.fromkeys(COUNTER_FIELDS, 0)
    for values in monthly.values():
        for name, value in zip(COUNTER_FIELDS, values, strict=True):
            totals[name] += value
    assert all(totals.values()), totals
    months = {month for _unit, month, _channel in monthly}
    assert {date(2026, m, 1) for m in (1, 2, 3, 6, 7)} <= months
    assert {theme for _unit, _month, theme in themes} == {"safety", "care_quality", "information"}
    assert ["care_quality", "safety"] in [c[4] for c in contributions.values()]
    assert {value for _unit, _month, _question, value in answers} == set(range(11))


def test_a_second_rebuild_changes_nothing(varied_data):
    rebuild_rollups()
    first = tables()
    rebuild_rollups()
    assert tables() == first


def test_an_answer_at_the_due_moment_is_in_time_and_a_second_later_is_late(unit, settings):
    """The due time is the item's own or, without one, arrival + FEEDBACK_RESPONSE_DAYS; both
    ways of counting (item by item, and the rebuild) read the same rule."""
    settings.FEEDBACK_RESPONSE_DAYS = 14
    received = datetime(2026, 5, 15, 9, 0, 0, 250_000, tzinfo=UTC)
    for after in (timedelta(days=13), timedelta(days=14), timedelta(days=14, seconds=1)):
        make_feedback(unit, received_at=received, answered_after=after)
        own_due = make_feedback(unit, received_at=received, answered_after=after)
        Feedback.objects.filter(pk=own_due.pk).update(due_at=None)
    make_feedback(unit, received_at=received)  # not answered: neither
    expected = {"answered_in_time": 4, "answered_late": 2, "count": 7}

    for pk in Feedback.objects.values_list("pk", flat=True):
        refresh_feedback_rollup(pk)
    item_by_item = tables()
    clear()
    rebuild_rollups()

    assert tables() == item_by_item
    (values,) = item_by_item[0].values()
    figures = dict(zip(COUNTER_FIELDS, values, strict=True))
    assert {name: figures[name] for name in expected} == expected
