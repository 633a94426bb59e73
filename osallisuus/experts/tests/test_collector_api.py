"""`POST /api/v1/feedback/` with channel `expert` (#17 item 3): only a signed-in expert with a
running collector assignment at the unit, with the client's oral consent; everyone else gets
403 and nothing is stored; a resent entry is stored once."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.models import ApiToken
from osallisuus.accounts.services import hash_api_key
from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.experts.models import CollectedFeedback
from osallisuus.experts.tests.factories import collector_assignment, make_profile
from osallisuus.feedback.models import Contact, Feedback
from osallisuus.feedback.services import reply_to_feedback
from osallisuus.organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/feedback/"


def entry(unit, **fields):
    return {
        "unit_code": unit.code,
        "channel": "expert",
        "text": "Odotin vastaanotolle tunnin.",
        "language": "fi",
        "gathering": "peer_group",
        "oral_consent": True,
        "idempotency_key": "phone-1",
        **fields,
    }


def post(client, body, **headers):
    return client.post(API, body, content_type="application/json", headers=headers)


def nothing_stored():
    return Feedback.objects.count() == 0 and CollectedFeedback.objects.count() == 0


@pytest.fixture
def collector(unit):
    profile = make_profile()
    return collector_assignment(profile=profile, unit=unit)


@pytest.fixture
def signed_in(client, collector):
    sign_in(client, collector.profile.user)
    client.cookies["django_language"] = "en"
    return client


def test_the_collector_sends_an_entry_and_gets_the_reply_code(signed_in, collector, unit):
    response = post(signed_in, entry(unit, contact_phone="040 123 4567"))
    assert response.status_code == 201, response.content
    feedback = Feedback.objects.get()
    assert response.json()["reply_code"] == feedback.reply_code
    assert feedback.channel == "expert"
    assert feedback.unit == unit
    assert feedback.collected_by.assignment == collector
    assert feedback.collected_by.gathering == "peer_group"
    assert Contact.objects.get(feedback=feedback).phone == "040 123 4567"


def test_a_resent_entry_is_stored_once(signed_in, unit):
    first = post(signed_in, entry(unit))
    again = post(signed_in, entry(unit))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["reply_code"] == first.json()["reply_code"]
    assert Feedback.objects.count() == 1
    assert CollectedFeedback.objects.count() == 1


def test_the_api_and_the_form_share_the_key_of_an_entry(signed_in, collector, unit):
    """An entry first sent by the form (a slow network) and then from the queue is one."""
    signed_in.post(
        reverse("experts:collect", kwargs={"pk": collector.pk}),
        {"text": "x", "language": "fi", "gathering": "unit", "consent": "on"}
        | {"idempotency_key": "phone-1"},
    )
    assert post(signed_in, entry(unit)).status_code == 200
    assert Feedback.objects.count() == 1


def test_without_oral_consent_400_beside_the_field_and_nothing_stored(signed_in, unit):
    for consent in ({"oral_consent": False}, {}):
        body = {k: v for k, v in entry(unit, **consent).items() if consent or k != "oral_consent"}
        response = post(signed_in, body)
        assert response.status_code == 400
        assert list(response.json()) == ["oral_consent"]
        assert "without it, the feedback is not sent" in response.json()["oral_consent"][0]
    assert nothing_stored()


def test_anonymous_gets_403_and_nothing_is_stored(client, collector, unit):
    client.cookies["django_language"] = "en"
    response = post(client, entry(unit))
    assert response.status_code == 403
    assert "Sign in as a feedback collector" in response.json()["detail"]
    assert nothing_stored()


def test_an_expert_without_an_assignment_gets_403_and_nothing_is_stored(client, collector, unit):
    sign_in(client, make_profile().user)
    assert post(client, entry(unit)).status_code == 403
    assert nothing_stored()


def test_a_collector_at_another_unit_gets_403_and_nothing_is_stored(signed_in, unit):
    other = UnitFactory(code="MUU")
    response = post(signed_in, entry(other))
    assert response.status_code == 403
    assert "no running feedback-collector assignment at this unit" in response.json()["detail"]
    assert nothing_stored()


def test_a_finished_assignment_gets_403(signed_in, collector, unit):
    collector.status = "done"
    collector.save(update_fields=["status"])
    assert post(signed_in, entry(unit)).status_code == 403
    assert nothing_stored()


def test_a_coordinator_does_not_send_in_an_experts_name(client, collector, unit):
    sign_in(client, user_with_role("coordinator"))
    assert post(client, entry(unit)).status_code == 403
    assert nothing_stored()


def test_a_session_request_without_its_csrf_token_gets_403(collector, unit):
    browser = Client(enforce_csrf_checks=True)
    sign_in(browser, collector.profile.user)
    assert post(browser, entry(unit)).status_code == 403
    assert nothing_stored()
    browser.get(reverse("experts:collect", kwargs={"pk": collector.pk}))
    token = browser.cookies["csrftoken"].value
    assert post(browser, entry(unit), **{"X-CSRFToken": token}).status_code == 201


def token_for(user, **fields):
    secret = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        name="phone",
        prefix=secret[:8],
        key_hash=hash_api_key(secret),
        expires_at=timezone.now() + timedelta(days=1),
        **fields,
    )
    return {"Authorization": f"Token {secret}"}


def test_an_api_token_of_the_collector_is_enough(client, collector, unit):
    assert post(client, entry(unit), **token_for(collector.profile.user)).status_code == 201
    assert Feedback.objects.get().collected_by.assignment == collector


def test_a_token_of_someone_without_an_assignment_or_an_unknown_token_gets_403(
    client, collector, unit
):
    assert post(client, entry(unit), **token_for(make_profile().user)).status_code == 403
    assert post(client, entry(unit), Authorization="Token nope").status_code == 403
    assert nothing_stored()


def test_answers_are_not_taken_on_the_expert_channel(signed_in, unit):
    response = post(signed_in, entry(unit, answers=[{"question": "encounter", "value": 4}]))
    assert response.status_code == 400
    assert list(response.json()) == ["answers"]
    assert nothing_stored()


def test_other_channels_still_take_anyone(client, unit):
    response = post(client, {"unit_code": unit.code, "text": "Hyvä.", "oral_consent": False})
    assert response.status_code == 201
    assert Feedback.objects.get().channel == "api"


def test_the_clients_reply_code_shows_the_units_answer(signed_in, unit):
    status_url = post(signed_in, entry(unit)).json()["status_url"]
    feedback = Feedback.objects.get()
    manager = user_with_role("unit_manager", unit=unit)
    reply_to_feedback(feedback=feedback, by=manager, text="Lisäämme aikoja.")
    page = Client().get(status_url)
    assert page.status_code == 200
    assert "Lisäämme aikoja." in page.content.decode()


def test_the_schema_documents_the_expert_channel_and_its_403(client):
    schema = client.get("/api/v1/schema/").json()
    intake = schema["paths"][API]["post"]
    assert "403" in intake["responses"]
    ref = intake["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert "oral_consent" in body["properties"]
    assert "gathering" in body["properties"]
