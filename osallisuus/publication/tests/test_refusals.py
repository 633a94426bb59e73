"""A refused publication reads the same beside the field, in the summary and in an API's 400."""

from __future__ import annotations

import pytest
from django.utils import translation

from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.publication.services import PublicationError, publish_story
from osallisuus.security import api_exception_handler
from osallisuus.tests.refusals import assert_beside_field_and_in_summary

pytestmark = pytest.mark.django_db
STILL_PERSONAL = "Soittakaa minulle numeroon 040 123 4567"


def test_a_text_with_a_phone_number_is_refused_in_the_same_finnish_words_everywhere(
    client_as, unit
):
    feedback = submit_feedback(
        FeedbackInput(unit=unit, text="Hyvä palvelu, kiitos.", publish_consent=True)
    )[0]
    coordinator = client_as("coordinator")
    coordinator.cookies["django_language"] = "fi"
    page = coordinator.post(
        f"/palaute/julkaisu/{feedback.pk}/julkaise/",
        {"text": STILL_PERSONAL, "confirmed": "on"},
    )
    assert page.status_code == 200

    with translation.override("fi"):
        with pytest.raises(PublicationError) as refused:
            publish_story(
                feedback=feedback, by=coordinator.user, text=STILL_PERSONAL, confirmed=True
            )
        api = api_exception_handler(refused.value, {})
    [message] = refused.value.messages
    assert message == "Tekstissä on vielä henkilötietoja: puhelinnumero. Poista ne."
    assert_beside_field_and_in_summary(page.content.decode(), field_id="id_text", message=message)
    assert api is not None and api.status_code == 400
    assert api.data == {"text": [message]}
