"""A requester or a coordinator changes or withdraws a request before the work starts; the
invited are told in their own language, and after a withdrawal can no longer accept."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.experts import services
from osallisuus.experts.models import Assignment, ExpertRequest
from osallisuus.experts.tests.factories import assignment_with_claim, make_profile, make_request
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def invited_request(requester, coordinator):
    # Whole minutes, as the form gives them.
    starts_at = (timezone.now() + datetime.timedelta(days=14)).replace(second=0, microsecond=0)
    request = make_request(by=requester, people_needed=2, starts_at=starts_at)
    accepted, waiting = make_profile(), make_profile()
    waiting.user.preferred_language = "sv"
    waiting.user.save()
    invitations = services.invite(request=request, profiles=[accepted, waiting], by=coordinator)
    assignment = services.answer_invitation(invitation=invitations[0], accept=True)
    return request, assignment, invitations[1]


def test_the_requester_cancels_and_everyone_invited_is_told_why(client_as):
    client = client_as("staff")
    coordinator = client_as("coordinator").user
    request, assignment, waiting = invited_request(client.user, coordinator)
    OutboxMessage.objects.all().delete()
    url = reverse("experts:cancel_request", kwargs={"pk": request.pk})
    response = client.post(url, {"reason": "Tila ei ole käytettävissä."}, follow=True)
    assert "Pyyntö on peruttu, ja kutsutuille on kerrottu." in response.content.decode()
    request.refresh_from_db()
    assignment.refresh_from_db()
    assert request.status == ExpertRequest.Status.CANCELLED
    assert assignment.status == Assignment.Status.CANCELLED
    messages = {m.recipient: m for m in OutboxMessage.objects.all()}
    assert set(messages) == {assignment.profile.user.email, waiting.profile.user.email}
    assert "Tila ei ole käytettävissä." in messages[waiting.profile.user.email].body
    assert messages[waiting.profile.user.email].subject.startswith("Inställt")
    with pytest.raises(services.ExpertsError):
        services.answer_invitation(invitation=waiting, accept=True)
    invitation_page = client.get(waiting.get_absolute_url()).content.decode()
    assert 'name="answer"' not in invitation_page


def test_a_reason_is_required_and_nothing_changes_without_it(client_as):
    client = client_as("staff")
    request, _assignment, _waiting = invited_request(client.user, client_as("coordinator").user)
    url = reverse("experts:cancel_request", kwargs={"pk": request.pk})
    page = client.post(url, {"reason": "  "}, follow=True).content.decode()
    assert "Kirjoita, miksi pyyntö perutaan." in page
    request.refresh_from_db()
    assert request.status == ExpertRequest.Status.OPEN


def test_other_staff_cannot_cancel_someone_elses_request(client_as):
    owner = client_as("staff")
    request, _assignment, _waiting = invited_request(owner.user, client_as("coordinator").user)
    other = client_as("staff")
    url = reverse("experts:cancel_request", kwargs={"pk": request.pk})
    assert other.post(url, {"reason": "Ei tarvita."}).status_code == 404
    request.refresh_from_db()
    assert request.status == ExpertRequest.Status.OPEN


def test_a_started_request_cannot_be_cancelled(client_as):
    trail = assignment_with_claim()
    request = trail["request"]
    coordinator = client_as("coordinator")
    assert not services.open_to_change(request)
    url = reverse("experts:cancel_request", kwargs={"pk": request.pk})
    coordinator.post(url, {"reason": "Peruttu."})
    request.refresh_from_db()
    assert request.status != ExpertRequest.Status.CANCELLED
    detail = coordinator.get(request.get_absolute_url()).content.decode()
    assert 'id="cancel-reason"' not in detail


def test_the_detail_page_offers_the_form_to_the_requester(client_as):
    client = client_as("staff")
    request = make_request(by=client.user)
    assert 'id="cancel-reason"' in client.get(request.get_absolute_url()).content.decode()


def edit_body(request, **changes):
    body = {
        "topic": request.topic,
        "assignment_type": request.assignment_type,
        "description": request.description,
        "language": request.language,
        "starts_at": timezone.localtime(request.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "mode": request.mode,
        "duration_hours": str(request.duration_hours),
        "role": request.role,
        "people_needed": request.people_needed,
    }
    body.update(changes)
    return body


def test_the_requester_moves_the_request_and_the_invited_are_told(client_as):
    client = client_as("staff")
    request, _assignment, waiting = invited_request(client.user, client_as("coordinator").user)
    OutboxMessage.objects.all().delete()
    url = reverse("experts:edit_request", kwargs={"pk": request.pk})
    assert client.get(url).status_code == 200
    later = timezone.localtime(request.starts_at + datetime.timedelta(days=7))
    later = later.strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, edit_body(request, starts_at=later, duration_hours="2.0"))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.duration_hours == Decimal("2.0")
    recipients = set(OutboxMessage.objects.values_list("recipient", flat=True))
    assert waiting.profile.user.email in recipients and len(recipients) == 2
    assert OutboxMessage.objects.get(recipient=waiting.profile.user.email).subject.startswith(
        "Ändrat"
    )


def test_changing_only_the_description_tells_nobody(client_as):
    client = client_as("staff")
    request, _assignment, _waiting = invited_request(client.user, client_as("coordinator").user)
    OutboxMessage.objects.all().delete()
    url = reverse("experts:edit_request", kwargs={"pk": request.pk})
    client.post(url, edit_body(request, description="Kahvitarjoilu."))
    request.refresh_from_db()
    assert request.description == "Kahvitarjoilu."
    assert not OutboxMessage.objects.exists()


def test_a_bad_change_is_refused_and_nothing_is_saved(client_as):
    client = client_as("staff")
    request = make_request(by=client.user)
    url = reverse("experts:edit_request", kwargs={"pk": request.pk})
    page = client.post(url, edit_body(request, duration_hours="0", topic="Uusi")).content.decode()
    assert "error-summary" in page
    request.refresh_from_db()
    assert request.topic != "Uusi"


def test_a_started_or_someone_elses_request_cannot_be_changed(client_as):
    trail = assignment_with_claim()
    url = reverse("experts:edit_request", kwargs={"pk": trail["request"].pk})
    assert client_as("coordinator").get(url).status_code == 404
    assert client_as("staff").get(url).status_code == 404
