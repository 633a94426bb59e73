"""On PostgreSQL the inbox's first page is read off an index in inbox order, also when it is
filtered by a theme: the query's order and filter must match the indexes' expressions, or a
county's inbox sorts millions of rows (bench/REPORT.md)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.analysis.taxonomy import theme_ids
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.reply_codes import new_reply_code
from osallisuus.feedback.selectors import InboxFilters, inbox_for

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]


def fill_inbox(unit, themes: list[str], count: int = 600) -> None:
    """A county's inbox in miniature, analysed: on empty tables every index costs the same
    and the planner's choice between them is a coin toss, not a property of the indexes."""
    now = timezone.now()
    Feedback.objects.bulk_create(
        Feedback(
            reply_code=new_reply_code(),
            unit=unit,
            channel="web",
            received_at=now - timedelta(minutes=number),
            due_at=now + timedelta(days=14),
            themes=[themes[number % len(themes)]],
            sentiment="negative",
        )
        for number in range(count)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_feedback")


def plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # With sorting and bitmap scans priced out, only an index in the right order will do.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("theme", theme_ids())
def test_a_theme_filtered_inbox_reads_that_themes_index_in_order(unit, theme):
    if connection.vendor != "postgresql":
        pytest.skip("the indexes exist on PostgreSQL only")
    # Every other theme is common, this one rare: its own index is the cheap way in.
    fill_inbox(unit, [other for other in theme_ids() if other != theme])
    coordinator = user_with_role("coordinator", unit=unit)
    page = inbox_for(coordinator, InboxFilters(theme=theme, sentiment="negative"))[:25]
    plan = plan_of(page)
    assert f"feedback_inbox_theme_{theme}" in plan, plan
    assert "Sort" not in plan.split("Index Scan")[0], plan


def test_the_unfiltered_inbox_reads_the_inbox_index_in_order(unit):
    if connection.vendor != "postgresql":
        pytest.skip("the indexes exist on PostgreSQL only")
    fill_inbox(unit, theme_ids())
    coordinator = user_with_role("coordinator", unit=unit)
    plan = plan_of(inbox_for(coordinator)[:25])
    assert "feedback_inbox_all" in plan, plan
    assert "Sort" not in plan.split("Index Scan")[0], plan
