"""The closing rule (#15 item 4, seed 004): feedback is closed only with a recorded effect or the
reasons why nothing changes; praise closes with one click and a ready reason."""

import pytest
from django.urls import reverse

from osallisuus.feedback.models import Feedback, StatusEvent
from osallisuus.feedback.services import FeedbackInput, reply_to_feedback, submit_feedback
from osallisuus.trail.actions.services import change_action_status, create_action

pytestmark = pytest.mark.django_db


def answered(unit, staff, **fields):
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin"))[0]
    reply_to_feedback(feedback=feedback, by=staff, text="Kiitos, selvitämme asiaa.")
    if fields:
        Feedback.objects.filter(pk=feedback.pk).update(**fields)
    feedback.refresh_from_db()
    return feedback


def close(client, feedback, text=""):
    return client.post(
        reverse("feedback:move", kwargs={"pk": feedback.pk}),
        {"status": "closed", "public_text": text},
    )


def test_closing_without_effect_or_reasons_shows_the_error_and_saves_nothing(unit, client_as):
    client = client_as("staff")
    feedback = answered(unit, client.user)
    events = StatusEvent.objects.filter(feedback=feedback).count()
    response = close(client, feedback)
    body = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in body and 'href="#move-public_text"' in body
    feedback.refresh_from_db()
    assert feedback.status == "answered"
    assert StatusEvent.objects.filter(feedback=feedback).count() == events


def test_closing_with_reasons_why_nothing_changes_is_allowed(unit, client_as):
    client = client_as("staff")
    feedback = answered(unit, client.user)
    close(client, feedback, "Jonotusaika on jo tavoitteen mukainen, emme muuta käytäntöä.")
    feedback.refresh_from_db()
    assert feedback.status == "closed"


def test_a_linked_done_action_is_an_effect_that_lets_the_item_close(unit, client_as):
    client = client_as("staff")
    feedback = answered(unit, client.user)
    action = create_action(
        by=client.user,
        title_fi="Takaisinsoitto",
        owner=client.user,
        unit=unit,
        inputs=[("feedback", feedback.pk)],
    )
    assert close(client, feedback).status_code == 200
    change_action_status(action=action, by=client.user, status="done", texts={"fi": "Valmis."})
    assert close(client, feedback).status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == "closed"


def test_praise_closes_with_one_click_and_the_giver_reads_the_reason(unit, client_as):
    client = client_as("staff")
    client.cookies["django_language"] = "en"
    feedback = answered(unit, client.user, sentiment="positive", language="en")
    page = client.get(feedback.get_absolute_url()).content.decode()
    assert "Thank you; nothing to change" in page
    reason = "Thank you for your feedback. Nothing needs to change: we keep doing this."
    assert close(client, feedback, reason).status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == "closed"
    assert StatusEvent.objects.filter(feedback=feedback, public_text=reason).exists()
