"""A giver downloads and erases their own data by reply code; the unit's figures stay."""

import json

import pytest
from django.urls import reverse

from osallisuus.feedback.models import Answer, Contact, Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.publication.selectors import published_stories
from osallisuus.publication.services import publish_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def given(unit):
    feedback, _ = submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Odotin kaksi tuntia, soittakaa 040 123 4567.",
            answers=[("access", 2)],
            contact_email="anna@example.org",
            publish_consent=True,
        )
    )
    return feedback


def test_the_giver_downloads_everything_stored_about_their_feedback(client, given):
    response = client.get(reverse("feedback:status_data", kwargs={"code": given.reply_code}))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["text"] == given.text
    assert data["contact"]["email"] == "anna@example.org"
    assert data["answers"] == [{"question": "access", "value": 2, "text": ""}]


def test_erasure_needs_the_confirmation_and_otherwise_keeps_everything(client, given):
    url = reverse("feedback:status_erase", kwargs={"code": given.reply_code})
    response = client.post(url, {}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert Contact.objects.filter(feedback=given).exists()
    assert Feedback.objects.get(pk=given.pk).text == given.text


def test_erasure_removes_contact_words_consent_and_the_published_story(
    client, given, unit, make_user
):
    coordinator = make_user("coordinator")
    publish_story(feedback=given, by=coordinator, text="Odotin kaksi tuntia.", confirmed=True)
    assert published_stories(unit).exists()
    url = reverse("feedback:status_erase", kwargs={"code": given.reply_code})
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    erased = Feedback.objects.get(pk=given.pk)
    assert (erased.text, erased.redacted_text, erased.publish_consent) == ("", "", False)
    assert not Contact.objects.filter(feedback=given).exists()
    assert not published_stories(unit).exists()
    # The score stays for the unit's figures, and the giver can still follow the answer.
    assert Answer.objects.get(feedback=given).value_int == 2
    status = client.get(reverse("feedback:status", kwargs={"code": given.reply_code}))
    assert status.status_code == 200
    assert "040 123 4567" not in status.content.decode()


def test_an_unknown_reply_code_erases_nothing(client, given):
    response = client.post(
        reverse("feedback:status_erase", kwargs={"code": "AAAA-BBBB"}), {"confirm": "on"}
    )
    assert response.status_code == 404
    assert Contact.objects.filter(feedback=given).exists()
