"""Closing one's account: personal data erased, paid claims kept under a pseudonym, no more
sign-in; staff accounts are closed by an administrator instead."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.accounts.models import User
from osallisuus.accounts.tests.factories import PASSWORD, UserFactory, user_with_role
from osallisuus.audit.models import AccessLog
from osallisuus.codevelopment.models import Member, Registration
from osallisuus.experts.models import Claim, ExpertProfile
from osallisuus.experts.selectors import yearly_summary
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.services import link_to_account

from .participants import give, paid_assignment, registered_member, signed_in

pytestmark = pytest.mark.django_db

CLOSE = reverse("participation:close_account")


def test_the_page_says_what_is_erased_and_what_stays_and_why(client):
    expert = user_with_role("expert")
    paid_assignment(expert, user_with_role("coordinator"))
    body = signed_in(client, expert).get(CLOSE).content.decode()
    assert "What is erased" in body
    assert "Your name, e-mail address and phone number" in body
    assert "What stays, and why" in body
    assert "the Accounting Act requires us to keep bookkeeping records" in body
    assert "replaced by a pseudonym" in body


def test_closing_erases_personal_data_keeps_paid_claims_with_a_pseudonym_and_ends_sign_in(
    client, unit
):
    setup = registered_member(unit)
    person = setup.client  # an expert by experience who is also in a co-development group
    User.objects.filter(pk=person.pk).update(
        phone="+358401112299", strong_identity_hash="a" * 64, notify_channel="sms"
    )
    username = person.username
    trail = paid_assignment(person, user_with_role("coordinator"))
    feedback = give(unit)
    link_to_account(code=feedback.reply_code, account=person)

    signed_in(client, person)
    response = client.post(CLOSE)
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:home")

    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.email, person.phone) == ("", "", "", "")
    assert person.strong_identity_hash == ""
    assert (person.notify_channel, person.notify_daily) == ("email", False)
    assert not person.is_active
    assert not person.has_usable_password()
    assert person.username != username
    # What has no legal reason to stay is gone.
    assert not Member.objects.filter(user=person).exists()
    assert not Registration.objects.filter(user=person).exists()
    assert not Feedback.objects.filter(linked_account=person).exists()
    assert Feedback.objects.filter(pk=feedback.pk).exists()  # the feedback itself stays
    profile = ExpertProfile.objects.get(pk=trail["expert_profile"].pk)
    assert profile.erased_at is not None
    assert not profile.experience_areas.exists()
    assert not Claim.objects.filter(pk=trail["claim"].pk).exists()  # not approved: erased
    # The paid claim stays for bookkeeping, under the pseudonym.
    paid = Claim.objects.get(pk=trail["paid"].pk)
    assert paid.status == Claim.Status.PAID
    year = paid.assignment.request.starts_at.year
    names = [row.name for row in yearly_summary(year=year, profile=profile)]
    assert names == [person.username]
    assert username not in names[0] and "Testi" not in names[0]
    # Audited.
    assert AccessLog.objects.filter(
        actor=person, action="delete", object_type="accounts.user", object_id=str(person.pk)
    ).exists()
    # Signed out, and signing in again fails with the old and the new name.
    assert client.get(reverse("participation:home")).status_code == 302
    for name in (username, person.username):
        client.post(reverse("accounts:login"), {"username": name, "password": PASSWORD})
        assert "_auth_user_id" not in client.session


def test_a_participant_without_anything_closes_too(client):
    person = UserFactory()
    assert signed_in(client, person).post(CLOSE).status_code == 302
    person.refresh_from_db()
    assert not person.is_active


@pytest.mark.parametrize("role", ["staff", "coordinator", "decision_maker", "administrator"])
def test_staff_cannot_close_their_account_here_and_are_told_to_ask_an_administrator(
    client, unit, role
):
    user = user_with_role(role, unit=unit)
    signed_in(client, user)
    body = client.get(CLOSE).content.decode()
    assert "Ask an administrator to close it." in body
    assert "Close my account for good" not in body
    assert client.post(CLOSE).status_code == 404
    user.refresh_from_db()
    assert user.is_active and user.email
