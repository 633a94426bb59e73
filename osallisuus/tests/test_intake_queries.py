"""One feedback intake stays within its query budget (CONVENTIONS: at most 8 plus the throttle).

The shared cache (rate limits, API throttles) is in the database so every process agrees. The
throttle is one upsert of a shared counter (osallisuus/rate_limits.py), and the active question
set is remembered per process behind one version read (osallisuus/public_cache.py).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

BODY = {
    "unit_code": "KST",
    "channel": "kiosk",
    "answers": [{"question": "encounter", "value": 4}, {"question": "recommend", "value": 9}],
    "text": "Jonotin puhelimessa yli tunnin.",
}
# Savepoints stand in for BEGIN/COMMIT inside the test's transaction and are not counted.
# The throttle, three inserts and the task row.
BUDGET = 5
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def _still_clock(monkeypatch):
    """The version token is read at most once a second; a slow first request (dictionaries
    load) must not make the measured one read it again."""
    from osallisuus import public_cache

    now = public_cache.time.monotonic()
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: now)


def intake_queries(client, key):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/api/v1/feedback/", {**BODY, "idempotency_key": key}, content_type="application/json"
        )
    assert response.status_code == 201
    return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def test_one_api_intake_with_answers_and_text_stays_within_the_query_budget(client, unit, settings):
    settings.TASKS = DATABASE_TASKS
    intake_queries(client, "warm-up")
    queries = intake_queries(client, "measured")
    assert len(queries) <= BUDGET, "\n".join(queries)


def test_the_shared_cache_is_asked_once_for_the_throttle(client, unit):
    intake_queries(client, "warm-up")
    queries = intake_queries(client, "measured")
    cache_queries = [q for q in queries if "osallisuus_cache" in q]
    assert len(cache_queries) == 1, cache_queries


def test_the_follow_up_work_is_one_task_row_that_commits_with_the_feedback(client, unit, settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from osallisuus.feedback.models import Feedback
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    settings.TASKS = DATABASE_TASKS
    intake_queries(client, "with-text")
    feedback = Feedback.objects.get(idempotency_key="with-text")
    row = DBTaskResult.objects.get()
    assert row.task_path == "osallisuus.feedback.signals.deliver_change_task"
    assert row.args_kwargs["args"] == [[feedback.pk], True]
    # A transaction that rolls back takes its task row with it: no work for what is not there.
    with pytest.raises(RuntimeError), transaction.atomic():
        submit_feedback(FeedbackInput(unit=unit, text="Kiitos."))
        assert DBTaskResult.objects.count() == 2
        raise RuntimeError
    assert DBTaskResult.objects.count() == 1 and Feedback.objects.count() == 1


def test_the_shared_cache_set_overwrites_and_add_keeps_the_first_value():
    cache.set("k", 1, 60)
    cache.set("k", 2, 60)
    assert cache.get("k") == 2
    assert cache.add("k", 3, 60) is False
    assert cache.get("k") == 2
    cache.set("k", {"list": [1, 2]}, None)
    assert cache.get("k") == {"list": [1, 2]}
    assert cache.incr("k2", 1) if cache.add("k2", 0) else True
    assert cache.get("k2") == 1


def test_an_expired_entry_is_gone_and_the_form_rate_limit_still_counts(client, unit):
    cache.set("short", "x", -1)
    assert cache.get("short") is None
    statuses = [
        client.post("/palaute/KST/", {"idempotency_key": f"q{n}", "q_comment": "Hei"}).status_code
        for n in range(21)
    ]
    assert statuses.count(302) == 20 and statuses[-1] == 429
