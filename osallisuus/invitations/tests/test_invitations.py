"""Invitations end to end: sent by e-mail or SMS, the link creates or attaches the account and
the membership together, and a withdrawn, expired or used link creates nothing."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.models import User
from osallisuus.accounts.selectors import roles_of
from osallisuus.accounts.services import create_participant
from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.audit.models import AccessLog
from osallisuus.authorization import NotPermitted
from osallisuus.codevelopment.models import GroupRole, Member
from osallisuus.codevelopment.services import add_member
from osallisuus.invitations.consent import CONSENT_VERSION
from osallisuus.invitations.models import Invitation, Kind
from osallisuus.invitations.services import invite
from osallisuus.notifications.models import OutboxMessage

from .factories import project_of

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s]+(/kutsut/avaa/[^\s/]+/)")


@pytest.fixture
def coordinator():
    return user_with_role("coordinator")


@pytest.fixture
def project(coordinator, unit):
    return project_of(coordinator, unit)


def invite_through_the_page(coordinator, project, **data):
    client = Client()
    sign_in(client, coordinator)
    body = {"email": "", "phone": "", "language": "fi", "days": "14", **data}
    return client.post(reverse("invitations:group", kwargs={"pk": project.pk}), body)


def link_in(message):
    return LINK.search(message.body).group(1)


def signed_in_user(client):
    return client.session.get(SESSION_KEY)


def test_a_coordinator_invites_a_newcomer_who_gets_the_account_and_the_membership_together(
    coordinator, project
):
    response = invite_through_the_page(
        coordinator, project, email="Liisa.Uusi@example.org", language="sv"
    )
    assert response.status_code == 302
    message = OutboxMessage.objects.get(recipient="Liisa.Uusi@example.org")
    assert "Inbjudan" in message.subject  # in the language the coordinator chose
    path = link_in(message)

    newcomer = Client()
    page = newcomer.get(path)
    assert page.status_code == 200
    text = page.content.decode()
    assert project.title in text
    assert coordinator.get_full_name() in text
    assert CONSENT_VERSION in text
    assert not User.objects.filter(email__iexact="liisa.uusi@example.org").exists()

    response = newcomer.post(path, {"answer": "accept"})
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    user = User.objects.get(email__iexact="liisa.uusi@example.org")
    assert user.verified_at is not None
    assert user.preferred_language == "sv"
    assert roles_of(user) == frozenset()
    assert not user.is_staff
    member = Member.objects.get(project=project, user=user)
    assert member.role == GroupRole.CLIENT
    assert str(signed_in_user(newcomer)) == str(user.pk)
    assert newcomer.get(project.get_absolute_url()).status_code == 200
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user
    assert invitation.consent_version == CONSENT_VERSION
    assert invitation.accepted_at is not None
    reasons = set(AccessLog.objects.values_list("reason", flat=True))
    assert {"invitation sent", "invitation accepted"} <= reasons


def test_the_link_is_stored_only_as_a_hash(coordinator, project):
    invitation, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="a@example.org"
    )
    assert token not in invitation.token_hash
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_an_existing_account_is_attached_not_duplicated(coordinator, project):
    existing = create_participant(email="vanha@example.org", language="fi", verified=False)
    invite_through_the_page(coordinator, project, email="VANHA@example.org")
    path = link_in(OutboxMessage.objects.get(recipient="VANHA@example.org"))
    users_before = User.objects.count()

    person = Client()
    person.post(path, {"answer": "accept"})

    assert User.objects.count() == users_before
    assert Member.objects.filter(project=project, user=existing).exists()
    existing.refresh_from_db()
    assert existing.verified_at is not None  # following the link proved the address
    assert str(signed_in_user(person)) == str(existing.pk)


def test_a_signed_in_person_accepts_into_their_own_account(coordinator, project):
    invite_through_the_page(coordinator, project, email="toinen@example.org")
    path = link_in(OutboxMessage.objects.get())
    me = user_with_role("resident")
    client = Client()
    sign_in(client, me)

    client.post(path, {"answer": "accept"})

    assert Member.objects.filter(project=project, user=me).exists()
    assert not User.objects.filter(email="toinen@example.org").exists()


def test_an_invitation_by_text_message_creates_an_account_with_the_phone_number(
    coordinator, project
):
    response = invite_through_the_page(coordinator, project, phone="040 765 4321", language="en")
    assert response.status_code == 302
    message = OutboxMessage.objects.get(recipient="+358407654321")
    assert message.channel == OutboxMessage.Channel.SMS
    assert "invites you" in message.body

    person = Client()
    person.post(link_in(message), {"answer": "accept"})

    user = User.objects.get(phone="+358407654321")
    assert user.email == ""
    assert Member.objects.filter(project=project, user=user).exists()


def test_a_member_who_accepts_keeps_their_role(coordinator, project, unit):
    professional = user_with_role("staff", unit=unit)
    add_member(project=project, by=coordinator, user=professional, role=GroupRole.PROFESSIONAL)
    _invitation, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="x@example.org"
    )
    client = Client()
    sign_in(client, professional)
    client.post(reverse("invitations:accept", args=[token]), {"answer": "accept"})
    assert Member.objects.get(project=project, user=professional).role == GroupRole.PROFESSIONAL


def test_a_link_never_signs_in_a_staff_account(coordinator, project, unit):
    staff = user_with_role("staff", unit=unit)
    _invitation, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email=staff.email
    )
    client = Client()
    response = client.post(reverse("invitations:accept", args=[token]), {"answer": "accept"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert signed_in_user(client) is None
    assert Member.objects.filter(project=project, user=staff).exists()


def _nothing_created(project):
    return (
        not Member.objects.filter(project=project, role=GroupRole.CLIENT).exists()
        and not User.objects.filter(email="myohassa@example.org").exists()
    )


def test_an_expired_link_says_so_and_creates_nothing(coordinator, project):
    invitation, token = invite(
        by=coordinator,
        kind=Kind.CODEVELOPMENT_GROUP,
        target=project,
        email="myohassa@example.org",
        days=1,
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=3), expires_at=timezone.now() - timedelta(days=2)
    )
    client = Client(headers={"accept-language": "fi"})
    path = reverse("invitations:accept", args=[token])

    page = client.get(path)
    assert page.status_code == 410
    assert "Kutsu on vanhentunut." in page.content.decode()
    response = client.post(path, {"answer": "accept"})
    assert response.status_code == 410
    assert _nothing_created(project)
    assert signed_in_user(client) is None


def test_a_withdrawn_link_says_so_and_creates_nothing(coordinator, project):
    invitation, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="myohassa@example.org"
    )
    client = Client()
    sign_in(client, coordinator)
    response = client.post(reverse("invitations:withdraw", kwargs={"pk": invitation.pk}))
    assert response.status_code == 302
    assert AccessLog.objects.filter(reason="invitation withdrawn", actor=coordinator).exists()

    person = Client(headers={"accept-language": "en"})
    path = reverse("invitations:accept", args=[token])
    page = person.get(path)
    assert page.status_code == 410
    assert "withdrawn" in page.content.decode()
    assert person.post(path, {"answer": "accept"}).status_code == 410
    assert _nothing_created(project)


def test_a_link_works_once(coordinator, project):
    _invitation, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="kerran@example.org"
    )
    path = reverse("invitations:accept", args=[token])
    Client().post(path, {"answer": "accept"})
    second = Client(headers={"accept-language": "en"})
    page = second.post(path, {"answer": "accept"})
    assert page.status_code == 410
    assert "already been accepted" in page.content.decode()
    assert signed_in_user(second) is None


def test_an_unknown_link_is_not_found(client):
    response = client.get(reverse("invitations:accept", args=["no-such-token"]))
    assert response.status_code == 404


def test_declining_creates_no_account_and_closes_the_link(coordinator, project):
    _invitation, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="ei@example.org"
    )
    path = reverse("invitations:accept", args=[token])
    client = Client()
    assert client.post(path, {"answer": "decline"}).status_code == 200
    assert not User.objects.filter(email="ei@example.org").exists()
    assert Invitation.objects.get().declined_at is not None
    assert client.get(path).status_code == 410


def test_an_invitation_to_apply_to_the_pool_leads_to_the_application_signed_in(coordinator):
    client = Client()
    sign_in(client, coordinator)
    client.post(
        reverse("invitations:pool"),
        {"email": "hakija@example.org", "phone": "", "language": "fi", "days": "7"},
    )
    path = link_in(OutboxMessage.objects.get(recipient="hakija@example.org"))
    person = Client()
    response = person.post(path, {"answer": "accept"})
    assert response["Location"] == reverse("experts:apply")
    assert person.get(reverse("experts:apply")).status_code == 200


def test_the_form_asks_for_one_address_and_a_valid_phone_number(coordinator, project):
    response = invite_through_the_page(coordinator, project)
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    response = invite_through_the_page(coordinator, project, phone="12")
    assert response.context["form"].errors["phone"]
    response = invite_through_the_page(coordinator, project, email="a@example.org", days="90")
    assert response.context["form"].errors["days"]
    assert not Invitation.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_second_open_invitation_to_the_same_address_is_refused(coordinator, project):
    invite_through_the_page(coordinator, project, email="kaksi@example.org")
    response = invite_through_the_page(coordinator, project, email="Kaksi@example.org")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert Invitation.objects.count() == 1


def test_the_facilitator_invites_to_their_own_group_and_other_staff_may_not(unit):
    facilitator = user_with_role("staff", unit=unit)
    project = project_of(facilitator, unit)
    colleague = user_with_role("staff", unit=unit)
    invite(by=facilitator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="a@example.org")
    with pytest.raises(NotPermitted):
        invite(by=colleague, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="b@example.org")
    client = Client()
    sign_in(client, colleague)
    assert client.get(reverse("invitations:group", kwargs={"pk": project.pk})).status_code == 404
    invitation = Invitation.objects.get()
    response = client.post(reverse("invitations:withdraw", kwargs={"pk": invitation.pk}))
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_the_database_refuses_a_group_invitation_without_its_group(coordinator, project):
    invitation, _token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="c@example.org"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(project=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(phone="+358401111111")
