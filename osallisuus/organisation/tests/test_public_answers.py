"""The public unit list and a unit are served from process memory behind
a version token, with ETag and Last-Modified: an unchanged answer is 304 without touching the
tables, a change gives a new ETag at once (osallisuus/public_cache.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osallisuus import public_cache

pytestmark = pytest.mark.django_db

LIST = "/api/v1/units/?page_size=10"


@pytest.fixture
def still_clock(monkeypatch):
    """The version token is read at most once a second; hold the clock so the measured request
    does not happen to be the one that reads it."""
    now = public_cache.time.monotonic()
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: now)


def test_an_unchanged_list_is_answered_304_without_reading_the_tables(client, unit, still_clock):
    first = client.get(LIST)
    assert first.status_code == 200 and first.json()["results"][0]["code"] == "KST"
    assert first["Last-Modified"] and "Accept-Language" in first["Vary"]
    with CaptureQueriesContext(connection) as captured:
        again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
        since = client.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        whole = client.get(LIST)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert since.status_code == 304
    assert whole.status_code == 200 and whole.content == first.content
    assert captured.captured_queries == []


def test_a_changed_unit_gives_a_new_list_and_etag_at_once(client, unit, still_clock):
    first = client.get(LIST)
    unit.name_fi = "Keskustan uusi terveysasema"
    unit.save()
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["results"][0]["name_fi"] == "Keskustan uusi terveysasema"


def test_a_unit_closed_leaves_the_list_and_its_own_answer(client, unit, other_unit, still_clock):
    assert client.get("/api/v1/units/KST/").status_code == 200
    assert client.get(LIST).json()["count"] == 2
    unit.active = False
    unit.save()
    assert client.get("/api/v1/units/KST/").status_code == 404
    assert [u["code"] for u in client.get(LIST).json()["results"]] == ["MTR"]


def test_a_change_in_another_process_is_seen_through_the_shared_token(client, unit, monkeypatch):
    from django.core.cache import cache

    from osallisuus.organisation.models import Unit
    from osallisuus.organisation.selectors import REGISTER_ANSWERS

    now = public_cache.time.monotonic()
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: now)
    client.get(LIST)
    # Another process renames the unit without this process's signals, and replaces the token.
    Unit.objects.filter(pk=unit.pk).update(name_fi="Toisen prosessin nimi")
    cache.set(REGISTER_ANSWERS.version_key, f"{public_cache.time.time():.3f}:other", None)
    assert client.get(LIST).json()["results"][0]["name_fi"] == unit.name_fi  # within a second
    later = now + public_cache.TOKEN_SECONDS + 0.1
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: later)
    assert client.get(LIST).json()["results"][0]["name_fi"] == "Toisen prosessin nimi"


def test_language_variants_have_their_own_etags(client, unit):
    finnish = client.get(LIST, HTTP_ACCEPT_LANGUAGE="fi")
    swedish = client.get(LIST, HTTP_ACCEPT_LANGUAGE="sv")
    assert finnish["ETag"] != swedish["ETag"]
    assert "Accept-Language" in swedish["Vary"]
    assert (
        client.get(LIST, HTTP_ACCEPT_LANGUAGE="sv", HTTP_IF_NONE_MATCH=finnish["ETag"])["ETag"]
        == swedish["ETag"]
    )


def test_everyone_gets_the_same_public_answer_and_no_private_data(client, unit, client_as):
    anonymous = client.get(LIST)
    coordinator = client_as("coordinator").get(LIST)
    assert coordinator.status_code == 200
    assert coordinator.content == anonymous.content
    assert coordinator["ETag"] == anonymous["ETag"]
    assert "Set-Cookie" not in anonymous
    assert anonymous["Cache-Control"] == "no-cache"
    fields = set(anonymous.json()["results"][0])
    assert not fields & {"id", "email", "manager", "staff", "active", "feedback"}


def test_an_error_answer_is_not_remembered(client, unit):
    assert client.get("/api/v1/units/?page=99").status_code == 404
    assert client.get("/api/v1/units/NOPE/").status_code == 404
    assert "ETag" not in client.get("/api/v1/units/NOPE/")
