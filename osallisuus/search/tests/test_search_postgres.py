"""On PostgreSQL feedback is matched through full-text search over the text without personal
data, and the GIN index on that very expression answers it: a county's ten million inputs are
never scanned. (The behaviour tests in test_search.py run on PostgreSQL too.)"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.reply_codes import new_reply_code
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.feedback.trail_kind import FEEDBACK_KIND
from osallisuus.search.selectors import search_inputs, search_query

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]

INDEX = "feedback_search_text"


@pytest.fixture(autouse=True)
def _on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the full-text path and its index exist on PostgreSQL only")


def found(user, words: str) -> set[int]:
    return {result.item.pk for result in search_inputs(user, search_query(words=words))}


def fill(unit, count: int = 3000) -> None:
    """Many inputs that do not match and a few that do, analysed: on empty tables the
    planner's choice is a coin toss, not a property of the index."""
    now = timezone.now()
    Feedback.objects.bulk_create(
        Feedback(
            reply_code=new_reply_code(),
            unit=unit,
            channel="web",
            received_at=now - timedelta(minutes=number),
            due_at=now + timedelta(days=14),
            text=f"Parkkipaikkoja oli liian vähän, jono {number}.",
            redacted_text=f"Parkkipaikkoja oli liian vähän, jono {number}.",
        )
        for number in range(count)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_feedback")


def test_the_full_text_path_finds_compounds_inflections_and_every_language(unit):
    compound = submit_feedback(FeedbackInput(unit=unit, text="Ajanvarausjärjestelmä kaatui."))
    inflected = submit_feedback(
        FeedbackInput(unit=unit, text="Ajanvarauksen peruminen ei onnistunut.")
    )
    swedish = submit_feedback(
        FeedbackInput(unit=unit, language="sv", text="Bokningen tog en vecka.")
    )
    named = submit_feedback(
        FeedbackInput(unit=unit, text="Ajanvaraus: soittakaa Matti Virtaselle 040 1234567.")
    )
    staff = user_with_role("staff", unit=unit)
    query = FEEDBACK_KIND.search_ids(staff, search_query(words="ajanvaraus")).query
    assert "to_tsvector" in str(query) and "to_tsquery" in str(query)
    assert found(staff, "ajanvaraus") == {compound[0].pk, inflected[0].pk, named[0].pk}
    assert found(staff, "bokning") == {swedish[0].pk}
    assert found(staff, "ajanvaraus kaatui") == {compound[0].pk}
    # The index holds the text without personal data: a name or a number finds nothing.
    assert found(staff, "Virtanen") == set()
    assert found(staff, "1234567") == set()
    # Quotes and tsquery operators in the words are words, not syntax.
    assert found(staff, "ajanvaraus' | !kaatui & (") <= {compound[0].pk}


def test_a_word_search_reads_the_full_text_index(unit):
    fill(unit)
    submit_feedback(FeedbackInput(unit=unit, text="Ajanvarausjärjestelmä kaatui."))
    coordinator = user_with_role("coordinator", unit=unit)
    ids = FEEDBACK_KIND.search_ids(coordinator, search_query(words="ajanvaraus"))
    sql, params = ids.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan, plan
    assert len(list(ids)) == 1
