"""The feedback collector (#17 item 3): an expert with a started collector assignment enters
clients' feedback into the feedback store with channel `expert`, with the client's consent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.experts.models import CollectedFeedback
from osallisuus.experts.tests.factories import collector_assignment, make_profile
from osallisuus.feedback.models import Contact, Feedback
from osallisuus.organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collecting(client, unit):
    """A signed-in collector (in English) and their started assignment for the unit."""
    profile = make_profile()
    assignment = collector_assignment(profile=profile, unit=unit)
    sign_in(client, profile.user)
    client.cookies["django_language"] = "en"
    return client, assignment


def entry(**fields):
    return {
        "text": "Odotin vastaanotolle tunnin.",
        "language": "fi",
        "gathering": "peer_group",
        "consent": "on",
        "idempotency_key": "k-1",
        **fields,
    }


def url(assignment):
    return reverse("experts:collect", kwargs={"pk": assignment.pk})


def test_the_collector_enters_feedback_and_is_given_the_reply_code(collecting, unit):
    client, assignment = collecting
    response = client.post(url(assignment), entry(), follow=True)
    feedback = Feedback.objects.get()
    assert feedback.channel == "expert"
    assert feedback.unit == unit
    assert feedback.text == "Odotin vastaanotolle tunnin."
    collected = CollectedFeedback.objects.get(feedback=feedback)
    assert collected.assignment == assignment
    assert collected.gathering == "peer_group"
    page = response.content.decode()
    assert f"The client&#x27;s reply code is {feedback.reply_code}." in page
    assert "from 1 client on this assignment" in page


def test_without_the_clients_consent_nothing_is_sent(collecting):
    client, assignment = collecting
    response = client.post(url(assignment), entry(consent=""))
    assert Feedback.objects.count() == 0
    page = response.content.decode()
    assert "Please fix the following" in page
    assert "without it, the feedback is not sent" in page


def test_an_empty_entry_is_refused_with_a_message_beside_the_field(collecting):
    client, assignment = collecting
    response = client.post(url(assignment), entry(text=""))
    assert Feedback.objects.count() == 0
    assert "Write down what the client said." in response.content.decode()


def test_no_contact_details_are_kept_unless_the_client_gives_them(collecting):
    client, assignment = collecting
    client.post(url(assignment), entry(idempotency_key="a"))
    client.post(url(assignment), entry(idempotency_key="b", contact_phone="040 123 4567"))
    assert Contact.objects.count() == 1
    assert Contact.objects.get().phone == "040 123 4567"


def test_the_same_entry_sent_twice_is_stored_once(collecting):
    client, assignment = collecting
    client.post(url(assignment), entry())
    client.post(url(assignment), entry())
    assert Feedback.objects.count() == 1
    assert CollectedFeedback.objects.count() == 1


def test_the_assignment_page_counts_the_collected_feedback(collecting):
    client, assignment = collecting
    client.post(url(assignment), entry(idempotency_key="a"))
    client.post(url(assignment), entry(idempotency_key="b"))
    page = client.get(assignment.get_absolute_url()).content.decode()
    assert "Feedback from 2 clients collected for" in page
    assert url(assignment) in page


def test_the_form_shows_no_earlier_entries(collecting):
    client, assignment = collecting
    client.post(url(assignment), entry())
    client.get(url(assignment))  # the confirmation has been seen
    page = client.get(url(assignment)).content.decode()
    assert "Odotin vastaanotolle tunnin." not in page


def test_another_expert_gets_404_and_nothing_is_stored(client, unit):
    assignment = collector_assignment(profile=make_profile(), unit=unit)
    sign_in(client, make_profile().user)
    assert client.get(url(assignment)).status_code == 404
    assert client.post(url(assignment), entry()).status_code == 404
    assert Feedback.objects.count() == 0


def test_a_coordinator_does_not_enter_feedback_in_the_experts_name(client, unit):
    assignment = collector_assignment(profile=make_profile(), unit=unit)
    sign_in(client, user_with_role("coordinator"))
    assert client.post(url(assignment), entry()).status_code == 404
    assert Feedback.objects.count() == 0


def test_a_finished_assignment_no_longer_takes_feedback(collecting):
    client, assignment = collecting
    assignment.status = "done"
    assignment.save(update_fields=["status"])
    assert client.post(url(assignment), entry()).status_code == 404
    assert Feedback.objects.count() == 0
    page = client.get(assignment.get_absolute_url()).content.decode()
    assert url(assignment) not in page


def test_an_assignment_of_another_type_does_not_take_feedback(client):
    from osallisuus.experts.tests.factories import assignment_with_claim

    trail = assignment_with_claim()
    sign_in(client, trail["expert_profile"].user)
    assert client.get(url(trail["assignment"])).status_code == 404


def test_the_feedback_goes_to_the_assignments_unit_only(collecting):
    client, assignment = collecting
    other = UnitFactory()
    client.post(url(assignment), {**entry(), "unit": other.pk})
    assert Feedback.objects.get().unit == assignment.request.unit


def test_the_public_api_does_not_take_the_expert_channel_from_anyone(client, unit):
    response = client.post(
        "/api/v1/feedback/",
        {"unit_code": unit.code, "channel": "expert", "text": "Hyvä."},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Feedback.objects.count() == 0


def test_anonymous_is_sent_to_sign_in(client, unit):
    assignment = collector_assignment(profile=make_profile(), unit=unit)
    assert client.get(url(assignment)).status_code == 302


def test_the_reply_code_is_shown_once_in_large_print_for_the_slip(collecting):
    client, assignment = collecting
    page = client.post(url(assignment), entry(), follow=True).content.decode()
    code = Feedback.objects.get().reply_code
    assert f'<p class="reply-code" id="collector-code">{code}</p>' in page
    assert "Reply code for the client" in page
    again = client.get(url(assignment)).content.decode()
    assert code not in again
    assert 'id="collector-slip" aria-labelledby="reply-slip-title" hidden' in again
