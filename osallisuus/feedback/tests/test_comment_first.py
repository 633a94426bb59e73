"""A coordinator chooses in the admin that a question set asks for the comment first."""

import re

import pytest
from django.urls import reverse

from osallisuus.feedback.models import QuestionSet

pytestmark = pytest.mark.django_db


def test_a_coordinator_puts_the_comment_first_in_the_admin(client_as, unit):
    question_set = QuestionSet.objects.get(key="thl-national")
    page = client_as("anonymous").get("/palaute/KST/").content.decode()
    assert page.index('name="q_access"') < page.index('name="q_comment"')
    coordinator = client_as("coordinator")
    url = reverse("admin:feedback_questionset_change", args=[question_set.pk])
    assert coordinator.get(url).status_code == 200
    response = coordinator.post(url, {"comment_first": "on"})
    assert response.status_code == 302
    question_set.refresh_from_db()
    assert question_set.comment_first and question_set.key == "thl-national"
    page = client_as("anonymous").get("/palaute/KST/").content.decode()
    assert page.index('name="q_comment"') < page.index('name="q_access"')
    textareas = re.findall(r"<textarea[^>]*>", page)
    assert textareas and not any("maxlength" in tag for tag in textareas)


def test_an_over_long_comment_is_refused_without_saying_nothing_was_written(client, unit):
    text = "a" * 2001
    response = client.post("/palaute/KST/", {"idempotency_key": "k1", "q_comment": text})
    page = response.content.decode()
    assert response.status_code == 200
    assert "2001" in page and text in page
    assert "Answer at least one question" not in page
    assert "Vastaa vähintään yhteen" not in page
