"""Participants sign up and sign in with a one-time link or code (#19), read from the outbox."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from osallisuus.accounts.models import SignInCode, User
from osallisuus.accounts.participants.services import remove_unverified_accounts
from osallisuus.accounts.participants.tasks import remove_unverified_accounts_task
from osallisuus.accounts.services import create_participant
from osallisuus.accounts.tests.factories import UserFactory, user_with_role
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

APPLY = "/kokemusasiantuntijat/hae/"


def sign_up(client: Any, address: str, **extra: Any) -> Any:
    data = {"address": address, "language": "fi", "consent": "on", **extra}
    return client.post(f"/tili/liity/?next={APPLY}", data)


def last_message(recipient: str) -> OutboxMessage:
    return OutboxMessage.objects.filter(recipient=recipient).latest("pk")


def link_in(message: OutboxMessage) -> str:
    return re.search(r"https?://\S+(/tili/linkki/\S+)", message.body).group(1)


def code_in(message: OutboxMessage) -> str:
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def signed_in_user(client: Any) -> Any:
    return client.get("/tili/").wsgi_request.user


# --- By e-mail --------------------------------------------------------------------------------


def test_a_newcomer_signs_up_by_email_follows_the_link_and_lands_on_the_application(client):
    response = sign_up(client, "Aino.Uusi@Example.org", first_name="Aino", last_name="Uusi")
    assert response.status_code == 302
    assert response["Location"] == "/tili/koodi/"
    user = User.objects.get(email="Aino.Uusi@example.org")
    assert (user.self_registered, user.verified_at, user.get_full_name()) == (
        True,
        None,
        "Aino Uusi",
    )
    assert not user.has_usable_password()

    message = last_message("Aino.Uusi@example.org")
    assert message.subject == "Vahvista sähköpostiosoitteesi"  # in the chosen language
    link = link_in(message)
    assert "next=%2Fkokemusasiantuntijat%2Fhae%2F" in link
    # Opening the link (as a mail program checking it would) uses nothing up.
    confirm = client.get(link)
    assert confirm.status_code == 200
    assert signed_in_user(client).is_anonymous
    response = client.post(link, {"next": APPLY})
    assert response.status_code == 302
    assert response["Location"] == APPLY
    user.refresh_from_db()
    assert user.verified_at is not None
    assert signed_in_user(client) == user
    assert client.get(APPLY).status_code == 200


def test_the_code_in_the_email_signs_in_as_well(client):
    sign_up(client, "koodi@example.org")
    code = code_in(last_message("koodi@example.org"))
    response = client.post("/tili/koodi/", {"code": code})
    assert response["Location"] == APPLY
    assert signed_in_user(client).email == "koodi@example.org"
    assert "koodi@example.org" in client.get("/tili/").content.decode()  # the account page


def test_a_used_link_is_refused_with_a_clear_message(client):
    sign_up(client, "kerran@example.org")
    link = link_in(last_message("kerran@example.org"))
    client.post(link)
    client.post("/tili/ulos/")
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "Linkki ei enää toimi" in response.content.decode()
    assert signed_in_user(client).is_anonymous


def test_an_expired_link_is_refused_and_signs_no_one_in(client):
    sign_up(client, "vanha@example.org")
    link = link_in(last_message("vanha@example.org"))
    SignInCode.objects.update(
        created_at=timezone.now() - timedelta(hours=3), expires_at=timezone.now()
    )
    response = client.post(link)
    assert response.status_code == 410
    assert "vanhentunut tai sitä on jo käytetty" in response.content.decode()
    assert signed_in_user(client).is_anonymous
    assert User.objects.get(email="vanha@example.org").verified_at is None


def test_an_unsafe_next_is_not_followed(client):
    client.post(
        "/tili/liity/?next=https://evil.example/",
        {"address": "turva@example.org", "language": "fi", "consent": "on"},
    )
    link = link_in(last_message("turva@example.org"))
    assert "evil" not in link
    response = client.post(link, {"next": "https://evil.example/"})
    assert response["Location"] == "/tili/alku/"


# --- By phone ---------------------------------------------------------------------------------


def test_a_newcomer_signs_up_by_phone_and_signs_in_with_the_texted_code(client):
    response = sign_up(client, "040 765 4321", language="sv")
    assert response["Location"] == "/tili/koodi/"
    user = User.objects.get(phone="+358407654321")
    assert (user.preferred_language, user.notify_channel) == ("sv", "sms")
    message = last_message("+358407654321")
    assert message.channel == "sms"
    assert "Osallisuus" in message.body and "minuter" in message.body  # Swedish
    page = client.get("/tili/koodi/").content.decode()
    assert "+358407654321" in page

    assert client.post("/tili/koodi/", {"code": "12345"}).status_code == 200  # five digits
    response = client.post("/tili/koodi/", {"code": code_in(message)})
    assert response["Location"] == APPLY
    user.refresh_from_db()
    assert user.verified_at is not None
    assert signed_in_user(client) == user


def test_a_wrong_code_is_refused_beside_the_field_and_signs_no_one_in(client):
    sign_up(client, "0407654321")
    right = code_in(last_message("+358407654321"))
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post("/tili/koodi/", {"code": wrong})
    assert response.status_code == 200
    assert "Koodi on väärä" in response.content.decode()
    assert signed_in_user(client).is_anonymous


def test_five_wrong_codes_lock_the_number_out_like_wrong_passwords(client):
    sign_up(client, "0407654321")
    right = code_in(last_message("+358407654321"))
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    statuses = [client.post("/tili/koodi/", {"code": wrong}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    # Even the right code no longer helps: the code is spent and the pair locked.
    assert client.post("/tili/koodi/", {"code": right}).status_code == 429
    assert signed_in_user(client).is_anonymous


# --- The same answer for an address that has an account ---------------------------------------


def test_signing_up_twice_gives_the_same_answer_and_one_account(client):
    first = sign_up(client, "kaksi@example.org")
    second = sign_up(client, "KAKSI@example.org")
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert client.get("/tili/koodi/").status_code == 200
    assert User.objects.filter(email__iexact="kaksi@example.org").count() == 1


def test_signing_up_with_an_address_of_an_account_sends_its_holder_a_sign_in_link(client):
    holder = UserFactory(email="jo@example.org")
    new = sign_up(client, "uusi@example.org")
    old = sign_up(client, "jo@example.org")
    assert (old.status_code, old["Location"]) == (new.status_code, new["Location"])
    assert User.objects.filter(email="jo@example.org").count() == 1
    message = last_message("jo@example.org")
    assert message.subject == "Kirjautumislinkkisi"
    client.post(link_in(message))
    assert signed_in_user(client) == holder
    holder.refresh_from_db()
    assert holder.has_usable_password()  # nothing else changed


def test_signing_up_with_a_taken_phone_number_makes_no_second_account(client):
    create_participant(phone="+358407654321", verified=True)
    response = sign_up(client, "+358 40 765 4321")
    assert response["Location"] == "/tili/koodi/"
    assert User.objects.filter(phone="+358407654321").count() == 1


# --- Sign-in with a link or code for those who have an account -------------------------------


def test_the_sign_in_page_offers_a_link_or_code_and_sign_up(client):
    page = client.get(f"/tili/kirjaudu/?next={APPLY}").content.decode()
    assert 'href="/tili/kirjaudu/koodilla/?next=/kokemusasiantuntijat/hae/"' in page
    assert 'href="/tili/liity/?next=/kokemusasiantuntijat/hae/"' in page


def test_a_participant_signs_in_with_a_texted_code(client):
    user = create_participant(phone="+358407654321", verified=True)
    response = client.post(f"/tili/kirjaudu/koodilla/?next={APPLY}", {"address": "0407654321"})
    assert response["Location"] == "/tili/koodi/"
    response = client.post("/tili/koodi/", {"code": code_in(last_message("+358407654321"))})
    assert response["Location"] == APPLY
    assert signed_in_user(client) == user


def test_asking_a_code_for_an_unknown_address_answers_alike_and_sends_nothing(client):
    create_participant(email="on@example.org", verified=True)
    known = client.post("/tili/kirjaudu/koodilla/", {"address": "on@example.org"})
    unknown = client.post("/tili/kirjaudu/koodilla/", {"address": "ei@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert not OutboxMessage.objects.filter(recipient="ei@example.org").exists()
    assert not User.objects.filter(email="ei@example.org").exists()


def test_an_address_that_is_neither_email_nor_phone_is_refused_and_nothing_is_stored(client):
    response = client.post("/tili/liity/", {"address": "ei osoite", "consent": "on"})
    assert response.status_code == 200
    assert "sähköpostiosoite" in response.content.decode()
    assert not User.objects.filter(self_registered=True).exists()
    assert not OutboxMessage.objects.exists()


def test_sign_up_needs_the_consent(client):
    response = client.post("/tili/liity/", {"address": "x@example.org", "language": "fi"})
    assert response.status_code == 200
    assert not User.objects.filter(email="x@example.org").exists()


def test_a_code_sign_in_never_passes_a_staff_members_second_factor(client, unit):
    staff = user_with_role("staff", unit=unit)
    client.post("/tili/kirjaudu/koodilla/", {"address": staff.email})
    response = client.post(link_in(last_message(staff.email)), {"next": "/palaute/saapuneet/"})
    assert response.status_code == 302
    assert response["Location"].startswith("/tili/vahvistus/?next=")
    inbox = client.get("/palaute/saapuneet/")
    assert inbox.status_code == 302
    assert inbox["Location"].startswith("/tili/vahvistus/")


# --- Rate limits -----------------------------------------------------------------------------


def test_the_sixth_code_to_one_number_within_the_hour_is_refused_with_429(client):
    statuses = [
        client.post("/tili/kirjaudu/koodilla/", {"address": "0407654321"}).status_code
        for _ in range(5)
    ]
    assert statuses == [302] * 5
    sixth = client.post(
        "/tili/liity/", {"address": "+358407654321", "language": "fi", "consent": "on"}
    )
    assert sixth.status_code == 429
    assert "Liian monta koodia" in sixth.content.decode()
    assert not User.objects.filter(phone="+358407654321").exists()


def test_one_client_cannot_ask_codes_for_many_numbers(client):
    statuses = [
        client.post("/tili/kirjaudu/koodilla/", {"address": f"04076543{n:02d}"}).status_code
        for n in range(21)
    ]
    assert statuses == [302] * 20 + [429]


def test_another_number_still_gets_its_code_when_one_is_flooded(client):
    for _ in range(6):
        client.post("/tili/kirjaudu/koodilla/", {"address": "0407654321"})
    other = client.post("/tili/kirjaudu/koodilla/", {"address": "0401112222"})
    assert other.status_code == 302


# --- Removing accounts never verified --------------------------------------------------------


def _age(user: User, days: int) -> None:
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))


def test_accounts_never_verified_are_removed_after_the_set_days(settings):
    settings.UNVERIFIED_ACCOUNT_DAYS = 7
    stale = create_participant(email="vanha@example.org")
    fresh = create_participant(email="tuore@example.org")
    verified = create_participant(email="vahvistettu@example.org", verified=True)
    staff_made = UserFactory(email="henkilosto@example.org")
    for user in (stale, verified, staff_made):
        _age(user, 8)
    _age(fresh, 6)
    result = remove_unverified_accounts()
    assert result.accounts_removed == 1
    assert set(User.objects.values_list("email", flat=True)) == {
        "tuore@example.org",
        "vahvistettu@example.org",
        "henkilosto@example.org",
    }


def test_an_unverified_account_the_audit_log_names_is_kept_and_the_rest_removed(settings):
    from osallisuus.audit.services import record_access

    settings.UNVERIFIED_ACCOUNT_DAYS = 7
    named, other = (
        create_participant(phone="+358407654321"),
        create_participant(phone="+358407654322"),
    )
    record_access(actor=named, obj=named, reason="test")
    _age(named, 8)
    _age(other, 8)
    assert remove_unverified_accounts().accounts_removed == 1
    assert list(User.objects.values_list("pk", flat=True)) == [named.pk]


def test_the_removal_runs_as_a_command_and_as_a_task(settings, capsys):
    settings.UNVERIFIED_ACCOUNT_DAYS = 3
    _age(create_participant(phone="+358407654321"), 4)
    call_command("remove_unverified_accounts")
    assert "removed (older than 3 days): 1" in capsys.readouterr().out
    _age(create_participant(phone="+358407654322"), 4)
    result = remove_unverified_accounts_task.enqueue()
    assert result.return_value["accounts_removed"] == 1
    assert not User.objects.filter(self_registered=True).exists()


# --- The pool's door --------------------------------------------------------------------------


def test_the_pools_home_leads_a_newcomer_to_sign_up_and_to_sign_in(client):
    page = client.get("/kokemusasiantuntijat/").content.decode()
    assert 'href="/tili/liity/?next=/kokemusasiantuntijat/hae/"' in page
    assert 'href="/tili/kirjaudu/?next=/kokemusasiantuntijat/hae/"' in page
