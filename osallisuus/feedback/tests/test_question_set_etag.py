"""The question-set API is served from process memory behind a version token with an ETag: an
unchanged set is 304 without a query, a changed question gives a new ETag at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osallisuus import public_cache
from osallisuus.feedback.models import Question

pytestmark = pytest.mark.django_db


@pytest.fixture
def still_clock(monkeypatch):
    now = public_cache.time.monotonic()
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: now)


def test_the_question_set_answer_is_304_until_a_question_changes(client, unit, still_clock):
    url = "/api/v1/question-sets/?unit_code=KST"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert captured.captured_queries == []
    question = Question.objects.filter(question_set__key=first.json()["key"]).first()
    assert question is not None
    question.text_en = "How were you met?"
    question.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "How were you met?" in changed.content.decode()
