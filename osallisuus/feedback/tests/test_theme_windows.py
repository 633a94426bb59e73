"""Counts of items on themes in several windows at once (the "did the change work?" follow-up of
the public unit page and the owner's view): one query, each window counted on its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osallisuus.feedback.report_selectors import ThemeWindow, count_on_themes
from osallisuus.organisation.models import Unit
from osallisuus.reports.tests.factories import make_feedback

pytestmark = pytest.mark.django_db


def test_each_window_counts_its_own_units_period_and_themes_in_one_query(unit, other_unit):
    start = datetime(2026, 3, 1, 12, tzinfo=UTC)
    day = timedelta(days=1)
    for offset, where, themes, mashing in [
        (0, unit, ["access_waiting"], False),
        (1, unit, ["access_waiting", "safety"], False),  # counted once in a two-theme window
        (2, unit, ["safety"], False),
        (3, unit, ["access_waiting"], True),  # suspected button-mashing counts nowhere
        (4, other_unit, ["access_waiting"], False),
        (40, unit, ["access_waiting"], False),  # after the first windows
    ]:
        make_feedback(
            where, received_at=start + offset * day, text="x", themes=themes, mashing=mashing
        )
    here = Unit.objects.filter(pk=unit.pk)
    both = Unit.objects.filter(pk__in=[unit.pk, other_unit.pk])
    windows = [
        ThemeWindow(here, ("access_waiting",), start, start + 10 * day),
        ThemeWindow(here, ("access_waiting", "safety"), start, start + 10 * day),
        ThemeWindow(here, (), start, start + 10 * day),  # no themes to follow: 0, no query part
        ThemeWindow(both, ("access_waiting",), start, start + 10 * day),
        ThemeWindow(here, ("access_waiting",), start + 10 * day, start + 60 * day),
        ThemeWindow(here, ("costs_billing",), start, start + 60 * day),
    ]
    with CaptureQueriesContext(connection) as queries:
        counts = count_on_themes(windows)
    assert counts == [2, 3, 0, 3, 1, 0]
    assert len(queries.captured_queries) == 1
    assert count_on_themes(windows[2:3]) == [0]
