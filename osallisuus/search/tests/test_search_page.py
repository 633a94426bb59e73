"""The search page: a GET form that works without JavaScript; errors beside the field and in
the summary; the results and the filters a person can choose are in their scope."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db

URL = "/haku/"


def test_the_page_is_a_get_form_that_searches_without_javascript(unit, client_as):
    submit_feedback(FeedbackInput(unit=unit, text="Ajanvarausjärjestelmä kaatui taas."))
    client = client_as("staff")
    assert reverse("search:search") == URL
    empty = client.get(URL).content.decode()
    assert 'method="get"' in empty and 'name="q"' in empty and "error-summary" not in empty
    body = client.get(URL, {"q": "ajanvaraus"}).content.decode()
    assert "Ajanvarausjärjestelmä kaatui taas." in body
    assert "1 hakutulos" in body


def test_a_search_without_a_word_shows_the_error_beside_the_field_and_in_the_summary(client_as):
    body = client_as("staff").get(URL, {"q": "a"}).content.decode()
    assert 'class="error-summary"' in body and 'href="#id_q"' in body
    assert "id_q_error" in body
    assert "Kirjoita vähintään yksi" in body


def test_a_period_that_ends_before_it_starts_is_an_error_on_its_end(client_as):
    response = client_as("staff").get(
        URL, {"q": "ajanvaraus", "since": "2026-05-01", "until": "2026-04-01"}
    )
    assert response.context["form"].errors["until"]
    assert response.context["page"] is None


def test_staff_choose_only_their_own_units(unit, other_unit, client_as):
    body = client_as("staff").get(URL).content.decode()
    assert unit.name_fi in body and other_unit.name_fi not in body
