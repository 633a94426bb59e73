"""A requester or a coordinator withdraws a request before the work starts; the invited are
told why in their own language and can no longer accept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from osallisuus.experts import services
from osallisuus.experts.models import Assignment, ExpertRequest
from osallisuus.experts.tests.factories import assignment_with_claim, make_profile, make_request
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def invited_request(requester, coordinator):
    request = make_request(by=requester, people_needed=2)
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
    with pytest.raises(ValidationError):
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
    assert not services.can_cancel(request)
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
