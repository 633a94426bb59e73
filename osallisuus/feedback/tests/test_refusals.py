"""A refused intake reads the same beside the field, in the error summary and in the API's 400."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from osallisuus.errors import add_to_form
from osallisuus.feedback.intake.adapters import AdapterError, feedback_from_sms
from osallisuus.feedback.intake.forms import FeedbackForm
from osallisuus.feedback.services import FeedbackInput, IntakeError, submit_feedback
from osallisuus.tests.refusals import assert_beside_field_and_in_summary

pytestmark = pytest.mark.django_db
NOTHING_SAID = "Anna vähintään yksi vastaus tai kirjoita kommentti."


def test_feedback_with_nothing_said_is_refused_in_the_same_finnish_words_on_the_page_and_api(
    client, unit
):
    api = client.post(
        "/api/v1/feedback/",
        {"unit_code": "KST", "text": "  "},
        content_type="application/json",
        headers={"Accept-Language": "fi"},
    )
    assert api.status_code == 400
    assert api.json() == {"text": [NOTHING_SAID]}

    # The web form's own check stops an empty form first, so the service's refusal is put on a
    # valid form as the view does when the store refuses what the form let through (the form of
    # a unit without a question set, whose comment field is named as the store names it).
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with translation.override("fi"):
        with pytest.raises(IntakeError) as refused:
            submit_feedback(FeedbackInput(unit=unit, text=" "))
        form = FeedbackForm(
            {"idempotency_key": "k-1", "text": "Hyvä"}, question_set=None, plain=False
        )
        assert form.is_valid()
        add_to_form(form, refused.value)
        page = render_to_string(
            "feedback/form.html",
            {"unit": unit, "form": form, "plain": False, "question_set": None},
            request=request,
        )
    assert refused.value.by_field() == {"text": [NOTHING_SAID]}
    assert_beside_field_and_in_summary(page, field_id="id_text", message=NOTHING_SAID)


def test_an_sms_without_a_unit_code_is_answered_400_in_the_callers_language(client, settings, unit):
    settings.SMS_WEBHOOK_TOKEN = "secret"
    response = client.post(
        "/api/v1/feedback/sms/",
        {"message_id": "m-1", "sender": "+358401234567", "text": "Hei vaan"},
        content_type="application/json",
        headers={"X-Webhook-Token": "secret", "Accept-Language": "sv"},
    )
    assert response.status_code == 400
    assert list(response.json()) == ["text"]
    with translation.override("sv"), pytest.raises(AdapterError) as refused:
        feedback_from_sms(sender="+358401234567", text="Hei vaan", message_id="m-2")
    assert response.json() == {"text": refused.value.messages}
    assert refused.value.message.startswith("Börja meddelandet")
