"""A feedback intake is cheap and still right: the question set from process memory, the
idempotency key left to the unique constraint, one exact shared counter for the throttle."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osallisuus import public_cache
from osallisuus.feedback.intake.api import IntakeThrottle, KioskIntakeThrottle
from osallisuus.feedback.intake.cache import QUESTION_SET_ANSWERS
from osallisuus.feedback.models import Feedback, QuestionSet, QuestionSetChoice
from osallisuus.feedback.services import FeedbackInput, IntakeError, submit_feedback
from osallisuus.rate_limits import count_hit

URL = "/api/v1/feedback/"
LOOKUP_TABLES = (
    "feedback_questionset",
    "feedback_question",
    "feedback_questionsetchoice",
    "organisation_unit",
)


def post(client, key, answers=None, **extra):
    body = {
        "unit_code": "KST",
        "channel": "kiosk",
        "answers": answers if answers is not None else [{"question": "encounter", "value": 4}],
        "text": "Jonotin puhelimessa yli tunnin.",
        "idempotency_key": key,
        **extra,
    }
    return client.post(URL, body, content_type="application/json")


def queries_of(client, key, answers=None):
    with CaptureQueriesContext(connection) as captured:
        response = post(client, key, answers)
    sql = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    return response, sql


@pytest.mark.django_db
class TestQueries:
    def test_a_warm_intake_asks_the_database_four_things_and_never_for_unit_or_questions(
        self, client, unit, monkeypatch
    ):
        now = public_cache.time.monotonic()
        monkeypatch.setattr(public_cache.time, "monotonic", lambda: now)  # a slow first request
        post(client, "warm-up")
        response, sql = queries_of(client, "measured")
        assert response.status_code == 201
        # The throttle counter and the three inserts (the task queue row is not written with
        # the immediate task backend of the tests; see test_intake_queries.py).
        assert len(sql) == 4, "\n".join(sql)
        assert not [q for q in sql if any(f'"{t}"' in q for t in LOOKUP_TABLES)]
        assert not [q for q in sql if q.startswith("SELECT") and '"feedback_feedback"' in q]

    def test_the_throttle_is_one_statement_on_the_shared_cache(self, client, unit):
        post(client, "warm-up")
        _response, sql = queries_of(client, "measured")
        counter = [q for q in sql if "rate:" in q]
        assert len(counter) == 1 and counter[0].startswith("INSERT")


@pytest.mark.django_db
class TestQuestionSetChanges:
    def test_a_unit_choosing_another_question_set_is_checked_against_it_at_once(self, client, unit):
        assert post(client, "a").status_code == 201
        QuestionSetChoice.objects.create(unit=unit, question_set_key="fft")
        refused = post(client, "b")
        assert refused.status_code == 400
        assert "encounter" in str(refused.json())
        assert post(client, "c", [{"question": "overall", "value": 5}]).status_code == 201
        assert Feedback.objects.get(idempotency_key="c").question_set.key == "fft"

    def test_a_change_saved_by_another_process_is_seen_through_the_shared_version(
        self, client, unit, monkeypatch
    ):
        assert post(client, "a").status_code == 201
        # Another process stores a choice; this process gets no signal, only the new version.
        QuestionSetChoice.objects.bulk_create(
            [QuestionSetChoice(unit=unit, question_set_key="fft")]
        )
        assert post(client, "b").status_code == 201, "still the set this process remembers"
        cache.set(QUESTION_SET_ANSWERS.version_key, "written-by-another-process", None)
        assert post(client, "b2").status_code == 201, "the token is read once a second"
        later = public_cache.time.monotonic() + public_cache.TOKEN_SECONDS + 0.1
        monkeypatch.setattr(public_cache.time, "monotonic", lambda: later)
        assert post(client, "c").status_code == 400
        assert post(client, "d", [{"question": "overall", "value": 5}]).status_code == 201

    def test_saving_a_question_set_gives_every_process_a_new_version(self, unit):
        submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 4)]))
        before = cache.get(QUESTION_SET_ANSWERS.version_key)
        question_set = QuestionSet.objects.get(key="thl-national")
        question_set.active = False
        question_set.save()
        assert cache.get(QUESTION_SET_ANSWERS.version_key) not in (None, before)
        with pytest.raises(IntakeError):
            # No default set is active any more: no question can be answered.
            submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 4)]))

    def test_a_unit_closed_in_this_process_refuses_feedback_at_once(self, client, unit):
        assert post(client, "open").status_code == 201
        unit.active = False
        unit.save()
        refused = post(client, "closed")
        assert refused.status_code == 400 and "unit_code" in refused.json()

    def test_a_remembered_set_is_loaded_again_after_its_maximum_age(self, unit, monkeypatch):
        submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 4)]))
        QuestionSetChoice.objects.bulk_create(
            [QuestionSetChoice(unit=unit, question_set_key="fft")]
        )
        later = public_cache.time.monotonic() + public_cache.MAX_AGE + 1
        monkeypatch.setattr(public_cache.time, "monotonic", lambda: later)
        feedback, _created = submit_feedback(FeedbackInput(unit=unit, answers=[("overall", 2)]))
        assert feedback.question_set.key == "fft"


@pytest.mark.django_db
class TestResends:
    def test_a_resend_returns_the_first_copy_without_looking_for_it_first(self, client, unit):
        first = post(client, "same")
        with CaptureQueriesContext(connection) as captured:
            again = post(client, "same")
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json()["reply_code"] == first.json()["reply_code"]
        assert Feedback.objects.filter(idempotency_key="same").count() == 1
        lookups = [
            q["sql"]
            for q in captured.captured_queries
            if q["sql"].startswith("SELECT") and '"feedback_feedback"' in q["sql"]
        ]
        assert len(lookups) == 1, "one look-up, after the unique key refused the insert"

    def test_a_resend_that_no_longer_fits_the_question_set_still_returns_the_first_copy(
        self, client, unit
    ):
        first = post(client, "queued")
        QuestionSetChoice.objects.create(unit=unit, question_set_key="fft")
        again = post(client, "queued")
        assert again.status_code == 200
        assert again.json()["reply_code"] == first.json()["reply_code"]

    def test_bad_input_with_a_new_key_is_still_refused(self, client, unit):
        response = post(client, "new", [{"question": "nope", "value": 1}])
        assert response.status_code == 400
        assert not Feedback.objects.exists()

    def test_a_kiosk_resend_returns_the_first_copy(self, client, unit):
        body = {
            "unit_code": "KST",
            "answers": [{"question": "access", "value": 3}],
            "idempotency_key": "kiosk-1",
        }
        first = client.post("/api/v1/feedback/kiosk/", body, content_type="application/json")
        again = client.post("/api/v1/feedback/kiosk/", body, content_type="application/json")
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json()["reply_code"] == first.json()["reply_code"]
        assert Feedback.objects.filter(idempotency_key="kiosk-1").count() == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_processes_sending_the_same_key_at_once_store_it_once(unit):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (concurrent connections)")
    barrier = threading.Barrier(4)
    results: list[tuple[int, bool]] = []

    def send() -> None:
        try:
            barrier.wait()
            feedback, created = submit_feedback(
                FeedbackInput(unit=unit, answers=[("encounter", 4)], idempotency_key="race")
            )
            results.append((feedback.pk, created))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Feedback.objects.filter(idempotency_key="race").count() == 1
    assert len({pk for pk, _created in results}) == 1
    assert sorted(created for _pk, created in results) == [False, False, False, True]


@pytest.mark.django_db
class TestThrottle:
    def test_the_shared_counter_counts_every_hit_exactly(self):
        counts = [count_hit("k", 60, now=600.0 + n)[0] for n in range(5)]
        assert counts == [1, 2, 3, 4, 5]
        current, previous, start = count_hit("k", 60, now=665.0)
        assert (current, previous, start) == (1, 5, 660)

    def test_a_burst_across_the_minute_boundary_does_not_get_twice_the_rate(
        self, client, unit, monkeypatch
    ):
        monkeypatch.setattr(IntakeThrottle, "THROTTLE_RATES", {"feedback_intake": "3/minute"})
        clock = [6000.0 + 50]
        monkeypatch.setattr(IntakeThrottle, "timer", lambda self: clock[0])
        statuses = [post(client, f"a{n}").status_code for n in range(4)]
        assert statuses == [201, 201, 201, 429]
        clock[0] = 6000.0 + 61  # just into the next minute: the last one still weighs
        refused = post(client, "b")
        assert refused.status_code == 429
        assert 1 <= int(refused["Retry-After"]) <= 60
        clock[0] = 6000.0 + 100  # two thirds into it: a third of the last minute is left
        assert post(client, "c").status_code == 201

    def test_refused_requests_do_not_use_up_the_budget(self, client, unit, monkeypatch):
        monkeypatch.setattr(IntakeThrottle, "THROTTLE_RATES", {"feedback_intake": "2/minute"})
        clock = [9000.0]
        monkeypatch.setattr(IntakeThrottle, "timer", lambda self: clock[0])
        assert [post(client, f"a{n}").status_code for n in range(6)] == [201, 201] + [429] * 4
        clock[0] = 9000.0 + 60 + 30  # half-way into the next minute: the 2 allowed weigh 1
        assert post(client, "b").status_code == 201

    def test_a_long_forwarded_for_header_is_throttled_not_an_error(self, client, unit):
        forwarded = ", ".join(f"10.0.{n // 250}.{n % 250}" for n in range(300))
        response = client.post(
            URL,
            {"unit_code": "KST", "text": "Hei"},
            content_type="application/json",
            headers={"x-forwarded-for": forwarded},
        )
        assert response.status_code == 201

    def test_a_made_up_forwarded_for_header_gives_no_fresh_budget(self, client, unit, monkeypatch):
        monkeypatch.setattr(IntakeThrottle, "THROTTLE_RATES", {"feedback_intake": "2/minute"})

        def send(forwarded):
            return client.post(
                URL,
                {"unit_code": "KST", "text": "Hei"},
                content_type="application/json",
                headers={"x-forwarded-for": forwarded},
            ).status_code

        assert [send(f"10.9.9.{n}") for n in range(3)] == [201, 201, 429]

    def test_behind_one_proxy_the_address_the_proxy_saw_is_counted(self, client, unit, monkeypatch):
        from rest_framework.settings import api_settings

        monkeypatch.setattr(api_settings, "NUM_PROXIES", 1, raising=False)
        from osallisuus.rate_limits import client_address

        request = type("R", (), {"META": {"REMOTE_ADDR": "10.0.0.1"}})()
        request.META["HTTP_X_FORWARDED_FOR"] = "6.6.6.6, 192.0.2.7"  # claimed, then real
        assert client_address(request) == "192.0.2.7"

    def test_kiosks_keep_a_budget_per_unit(self, client, unit, other_unit, monkeypatch):
        monkeypatch.setattr(KioskIntakeThrottle, "THROTTLE_RATES", {"kiosk_intake": "2/minute"})

        def kiosk(code, key):
            body = {"unit_code": code, "text": "Hei", "idempotency_key": key}
            return client.post("/api/v1/feedback/kiosk/", body, content_type="application/json")

        assert [kiosk("KST", f"k{n}").status_code for n in range(3)] == [201, 201, 429]
        assert kiosk("MTR", "m1").status_code == 201

    def test_a_cache_that_keeps_nothing_throttles_nothing(
        self, client, unit, settings, monkeypatch
    ):
        # The API fuzzing switches throttles off this way.
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
        monkeypatch.setattr(IntakeThrottle, "THROTTLE_RATES", {"feedback_intake": "2/minute"})
        statuses = {post(client, f"d{n}").status_code for n in range(5)}
        assert statuses == {201}


@pytest.mark.django_db
def test_counting_now_and_then_clears_expired_rows_from_the_shared_cache(monkeypatch):
    from osallisuus import rate_limits

    cache.set("gone", "x", -1)
    cache.set("kept", "x", 600)
    monkeypatch.setattr(rate_limits, "PURGE_EVERY", 1)
    count_hit("k", 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM osallisuus_cache")
        keys = {row[0] for row in cursor.fetchall()}
    assert not [k for k in keys if k.endswith(":gone")]
    assert [k for k in keys if k.endswith(":kept")]


@pytest.mark.django_db
def test_the_intake_and_the_question_set_api_are_renewed_by_one_token(client, unit, monkeypatch):
    assert post(client, "a").status_code == 201
    api = "/api/v1/question-sets/?unit_code=KST"
    first = client.get(api)
    assert first.json()["key"] == "thl-national"
    # Another process stores a choice and replaces the one shared token; no signal reaches here.
    QuestionSetChoice.objects.bulk_create([QuestionSetChoice(unit=unit, question_set_key="fft")])
    cache.set(QUESTION_SET_ANSWERS.version_key, f"{public_cache.time.time():.3f}:other", None)
    later = public_cache.time.monotonic() + public_cache.TOKEN_SECONDS + 0.1
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: later)
    second = client.get(api, headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200 and second.json()["key"] == "fft"
    assert post(client, "b").status_code == 400, "the intake checks against the new set too"
