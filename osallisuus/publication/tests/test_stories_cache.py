"""The stories API is served from process memory behind a version token, with ETag and
Last-Modified: an unchanged page is 304 without a query, a story published, taken down or
answered gives a new answer at once, and a new intake does not (publication/story_cache.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osallisuus import public_cache
from osallisuus.feedback.models import Status
from osallisuus.feedback.services import (
    FeedbackInput,
    move_feedback,
    reply_to_feedback,
    submit_feedback,
)
from osallisuus.publication.services import publish_story, unpublish_story

pytestmark = pytest.mark.django_db

API = "/api/v1/units/KST/stories/"
ORIGINAL = "Hoitaja Mervi Virtanen soitti numerosta 040 123 4567 ja auttoi hyvin."
REDACTED = "Hoitaja soitti ja auttoi hyvin."


@pytest.fixture
def still_clock(monkeypatch):
    """The token is read at most once a second; hold the clock so the measured request does
    not happen to be the one that reads it."""
    now = public_cache.time.monotonic()
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: now)


@pytest.fixture
def coordinator(client_as):
    return client_as("coordinator").user


def published(unit, by, text=REDACTED):
    feedback = submit_feedback(FeedbackInput(unit=unit, text=ORIGINAL, publish_consent=True))[0]
    publish_story(feedback=feedback, by=by, text=text, confirmed=True)
    return feedback


def texts(response):
    return [story["text"] for story in response.json()["results"]]


def test_an_unchanged_page_is_answered_304_without_a_query(client, unit, coordinator, still_clock):
    published(unit, coordinator)
    first = client.get(API)
    assert first.status_code == 200 and texts(first) == [REDACTED]
    assert first["ETag"] and first["Last-Modified"]
    assert "Accept-Language" in first["Vary"]
    with CaptureQueriesContext(connection) as captured:
        again = client.get(API, headers={"if-none-match": first["ETag"]})
        since = client.get(API, headers={"if-modified-since": first["Last-Modified"]})
        whole = client.get(API)
    assert again.status_code == 304 and again.content == b""
    assert since.status_code == 304
    assert whole.status_code == 200 and whole.content == first.content
    assert captured.captured_queries == []


def test_publishing_and_taking_down_give_a_new_answer_at_once(
    client, unit, coordinator, still_clock
):
    empty = client.get(API)
    assert texts(empty) == []
    feedback = published(unit, coordinator)
    shown = client.get(API, headers={"if-none-match": empty["ETag"]})
    assert shown.status_code == 200 and texts(shown) == [REDACTED]
    unpublish_story(feedback=feedback, by=coordinator, reason="Pyydetty poistamaan")
    gone = client.get(API, headers={"if-none-match": shown["ETag"]})
    assert gone.status_code == 200 and texts(gone) == []


def test_the_units_answer_and_an_outcome_reach_the_published_story_at_once(
    client, unit, coordinator, still_clock
):
    feedback = published(unit, coordinator)
    first = client.get(API)
    reply_to_feedback(feedback=feedback, by=coordinator, text="Kiitos, välitimme kiitoksen.")
    answered = client.get(API, headers={"if-none-match": first["ETag"]})
    assert answered.status_code == 200
    assert answered.json()["results"][0]["replies"][0]["text"] == "Kiitos, välitimme kiitoksen."
    move_feedback(
        feedback=feedback,
        by=coordinator,
        status=Status.NO_CHANGE,
        public_text="Jatkamme samaan tapaan.",
    )
    outcome = client.get(API, headers={"if-none-match": answered["ETag"]})
    assert outcome.status_code == 200
    assert outcome.json()["results"][0]["outcomes"][0]["text"] == "Jatkamme samaan tapaan."


def test_new_feedback_arriving_keeps_the_remembered_answer(client, unit, coordinator, still_clock):
    published(unit, coordinator)
    first = client.get(API)
    submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 4)], text="Hyvä käynti."))
    with CaptureQueriesContext(connection) as captured:
        again = client.get(API, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert captured.captured_queries == []


def test_the_remembered_answer_holds_nothing_private_and_is_the_same_for_everyone(
    client, client_as, unit, coordinator, still_clock
):
    published(unit, coordinator)
    anonymous = client.get(API)
    signed_in = client_as("staff").get(API)
    assert signed_in.status_code == 200 and signed_in.content == anonymous.content
    body = anonymous.content.decode()
    assert "040 123 4567" not in body and "Virtanen" not in body
    assert "Set-Cookie" not in anonymous.headers


def test_each_language_has_its_own_etag(client, unit, coordinator, still_clock):
    published(unit, coordinator)
    finnish = client.get(API, headers={"accept-language": "fi"})
    swedish = client.get(API, headers={"accept-language": "sv"})
    assert finnish["ETag"] != swedish["ETag"]
    again = client.get(API, headers={"accept-language": "sv", "if-none-match": finnish["ETag"]})
    assert again.status_code == 200, "a Finnish copy does not answer a Swedish reader"


def test_an_unknown_unit_is_404_and_not_remembered(client, unit):
    assert client.get("/api/v1/units/NOPE/stories/").status_code == 404
    assert client.get("/api/v1/units/NOPE/stories/").status_code == 404
