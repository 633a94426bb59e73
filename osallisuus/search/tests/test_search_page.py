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


def test_staff_of_unit_a_never_see_unit_bs_feedback_on_the_page(unit, other_unit, client_as):
    submit_feedback(FeedbackInput(unit=other_unit, text="Ajanvaraus ei toiminut Pihlajassa."))
    submit_feedback(FeedbackInput(unit=unit, text="Ajanvarausjärjestelmä kaatui taas."))
    client = client_as("staff")
    body = client.get(URL, {"q": "ajanvaraus"}).content.decode()
    assert "Ajanvarausjärjestelmä kaatui taas." in body and "1 hakutulos" in body
    assert "Pihlajassa" not in body
    # Naming the other unit in the address is an error on the unit field, not a way in.
    response = client.get(URL, {"q": "ajanvaraus", "unit": other_unit.pk})
    body = response.content.decode()
    assert response.context["form"].errors["unit"] and response.context["page"] is None
    assert "Pihlajassa" not in body and 'href="#id_unit"' in body


def test_a_decision_maker_never_sees_who_gave_the_feedback(unit, client_as):
    item = submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Ajanvaraus kesti viikon. Terveisin Maija Meikäläinen, maija@example.org",
            contact_email="giver@example.org",
            contact_phone="0401234567",
        )
    )[0]
    body = client_as("decision_maker").get(URL, {"q": "ajanvaraus"}).content.decode()
    assert "Ajanvaraus kesti viikon." in body
    for secret in ("giver@example.org", "0401234567", "maija@example.org", "Meikäläi"):
        assert secret not in body, secret
    assert reverse("feedback:detail", kwargs={"pk": item.pk}) not in body
    # Words only a giver's name or address holds find nothing.
    nothing = client_as("decision_maker").get(URL, {"q": "Meikäläinen"})
    assert nothing.context["page"].paginator.count == 0


@pytest.mark.parametrize(("language", "count"), [("sv", "1 sökträff"), ("en", "1 search result")])
def test_the_page_speaks_swedish_and_english(unit, client_as, language, count):
    submit_feedback(FeedbackInput(unit=unit, text="Ajanvarausjärjestelmä kaatui taas."))
    client = client_as("staff")
    client.cookies["django_language"] = language
    body = client.get(URL, {"q": "ajanvaraus"}).content.decode()
    assert f'lang="{language}"' in body and count in body
