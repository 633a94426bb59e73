"""One's own page: each kind of thing for its owner only, linking feedback by reply code,
notification settings, and the downloads of one's own data."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import UserFactory, user_with_role
from osallisuus.experts import services as experts
from osallisuus.experts.tests.factories import make_request
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.retention import apply_retention
from osallisuus.feedback.services import link_to_account

from .participants import (
    answered_feedback,
    give,
    paid_assignment,
    pdf_text,
    registered_member,
    signed_in,
)

pytestmark = pytest.mark.django_db

HOME = reverse("participation:home")


def page_of(client, user) -> str:
    return signed_in(client, user).get(HOME).content.decode()


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_navigation_links_to_the_page_for_signed_in_people_only(client):
    client.cookies["django_language"] = "en"
    assert f'href="{HOME}"' not in client.get("/").content.decode()
    body = page_of(client, UserFactory())
    assert f'href="{HOME}" aria-current="page"' in body


def test_the_owner_sees_their_assignment_contract_and_claims_and_others_do_not(client):
    expert = user_with_role("expert")
    trail = paid_assignment(expert, user_with_role("coordinator"))
    body = page_of(client, expert)
    assert trail["request"].topic in body
    assert reverse("experts:assignment", kwargs={"pk": trail["assignment"].pk}) in body
    assert reverse("experts:contract", kwargs={"pk": trail["contract"].pk}) in body
    assert reverse("experts:claim_detail", kwargs={"pk": trail["paid"].pk}) in body
    assert reverse("experts:claim_detail", kwargs={"pk": trail["claim"].pk}) in body

    other = page_of(client, user_with_role("expert"))
    assert trail["request"].topic not in other
    assert reverse("experts:claim_detail", kwargs={"pk": trail["paid"].pk}) not in other


def test_the_member_sees_their_group_and_the_coming_meeting_they_registered_for(client, unit):
    setup = registered_member(unit)
    body = page_of(client, setup.client)
    assert setup.project.title in body
    assert setup.workshop.title in body
    assert "You are registered." in body

    # The professional of the same group has not registered: offered the workshop's page.
    body = page_of(client, setup.professional)
    assert f"Register for {setup.workshop.title}" in body

    outsider = page_of(client, UserFactory())
    assert setup.project.title not in outsider
    assert setup.workshop.title not in outsider


def test_empty_sections_say_so_and_point_to_how_to_take_part(client):
    body = page_of(client, UserFactory())
    assert "You are not in the pool." in body
    assert f'href="{reverse("experts:home")}"' in body
    assert "You are not in a co-development group." in body
    assert f'href="{reverse("codevelopment:public_list")}"' in body
    assert "You do not follow any feedback on this page." in body


def test_the_right_reply_code_links_feedback_showing_only_what_its_status_page_shows(client, unit):
    feedback = answered_feedback(unit, user_with_role("staff", unit=unit))
    person = UserFactory()
    signed_in(client, person)
    loosely = feedback.reply_code.lower().replace("-", " ")
    response = client.post(reverse("participation:link_feedback"), {"reply_code": loosely})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.linked_account == person
    body = client.get(HOME).content.decode()
    assert feedback.reply_code in body
    assert "Kiitos, korjaamme ajanvarauksen." in body  # the public reply
    assert "Lisasimme aamuaikoja." in body  # what changed
    assert "vuorolista" not in body  # the staff's note
    assert "Odotin vastaanotolle" not in body  # the status page does not repeat the words

    assert feedback.reply_code not in page_of(client, UserFactory())


def test_a_wrong_code_gives_a_clear_error_beside_the_field_and_in_the_summary(client, unit):
    give(unit)
    signed_in(client, UserFactory())
    response = client.post(reverse("participation:link_feedback"), {"reply_code": "ABCD-EFGH"})
    assert response.status_code == 200
    body = response.content.decode()
    message = "No feedback has this reply code. Check the code and try again."
    assert f'<div class="error-text" id="link-reply_code_error"><p>{message}</p></div>' in body
    assert 'class="error-summary"' in body
    assert f'<a href="#link-reply_code">Reply code: {message}</a>' in body
    assert not Feedback.objects.filter(linked_account__isnull=False).exists()

    response = client.post(reverse("participation:link_feedback"), {"reply_code": "12"})
    assert "A reply code has eight letters and digits" in response.content.decode()


def test_feedback_linked_to_another_account_is_refused(client, unit):
    feedback = give(unit)
    first = UserFactory()
    link_to_account(code=feedback.reply_code, account=first)
    signed_in(client, UserFactory())
    response = client.post(
        reverse("participation:link_feedback"), {"reply_code": feedback.reply_code}
    )
    assert "already linked to another account" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.linked_account == first


def test_code_attempts_are_rate_limited_so_codes_cannot_be_guessed(client, unit):
    feedback = give(unit)
    signed_in(client, UserFactory())
    url = reverse("participation:link_feedback")
    for _ in range(10):
        assert client.post(url, {"reply_code": "ABCD-EFGH"}).status_code == 200
    response = client.post(url, {"reply_code": feedback.reply_code})
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.linked_account is None


def test_the_limit_follows_the_account_from_another_address(client, unit):
    person = UserFactory()
    signed_in(client, person)
    url = reverse("participation:link_feedback")
    for number in range(10):
        client.post(url, {"reply_code": "ABCD-EFGH"}, REMOTE_ADDR=f"10.0.0.{number}")
    response = client.post(url, {"reply_code": "ABCD-EFGH"}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 429


def test_the_person_unlinks_their_feedback_and_others_get_404(client, unit):
    feedback = give(unit)
    person = UserFactory()
    link_to_account(code=feedback.reply_code, account=person)
    url = reverse("participation:unlink_feedback", kwargs={"pk": feedback.pk})

    signed_in(client, UserFactory())
    assert client.post(url).status_code == 404
    feedback.refresh_from_db()
    assert feedback.linked_account == person

    signed_in(client, person)
    assert client.post(url).status_code == 302
    feedback.refresh_from_db()
    assert feedback.linked_account is None
    assert client.post(url).status_code == 404


def test_staff_handling_the_feedback_do_not_see_who_linked_it(client, unit):
    feedback = give(unit)
    person = UserFactory(first_name="Lotta", last_name="Linkittaja", email="lotta@example.org")
    link_to_account(code=feedback.reply_code, account=person)
    for role in ("staff", "coordinator", "administrator"):
        body = (
            signed_in(client, user_with_role(role, unit=unit))
            .get(reverse("feedback:detail", kwargs={"pk": feedback.pk}))
            .content.decode()
        )
        assert "Odotin vastaanotolle" in body  # the item itself is shown
        for trace in ("Linkittaja", "lotta@example.org", person.username):
            assert trace not in body, role


def test_retention_unlinks_feedback_it_anonymises(unit, settings):
    feedback = give(unit)
    link_to_account(code=feedback.reply_code, account=UserFactory())
    Feedback.objects.filter(pk=feedback.pk).update(
        received_at=feedback.received_at.replace(year=feedback.received_at.year - 10)
    )
    apply_retention()
    feedback.refresh_from_db()
    assert feedback.linked_account is None


# --- Notification settings ------------------------------------------------------------------


def test_notification_settings_are_saved(client):
    person = UserFactory(phone="+358401112233")
    signed_in(client, person)
    response = client.post(
        reverse("participation:notification_settings"),
        {"notify_channel": "sms", "preferred_language": "sv", "notify_daily": "1"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.notify_channel, person.preferred_language, person.notify_daily) == (
        "sms",
        "sv",
        True,
    )


def test_sms_is_refused_without_a_phone_beside_the_field_and_in_the_summary(client):
    person = UserFactory()
    signed_in(client, person)
    response = client.post(
        reverse("participation:notification_settings"),
        {"notify_channel": "sms", "preferred_language": "fi", "notify_daily": "0"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    message = "Your account has no phone number, so notices cannot come by SMS."
    assert (
        f'<div class="error-text" id="notices-notify_channel_error"><p>{message}</p></div>' in body
    )
    assert f"Send my notices by: {message}</a>" in body
    person.refresh_from_db()
    assert person.notify_channel == "email"


def test_only_channels_the_account_has_an_address_for_are_offered(client):
    body = page_of(client, UserFactory())
    assert 'value="email"' in body
    assert 'value="sms"' not in body
    body = page_of(client, UserFactory(email="", phone="+358401112234"))
    assert 'value="sms"' in body
    assert 'value="email"' not in body


def test_languages_are_named_in_their_own_language(client):
    body = page_of(client, UserFactory())
    for code, name in (("fi", "suomi"), ("sv", "svenska"), ("en", "English")):
        assert f'lang="{code}">{name}</label>' in body


def test_an_unknown_language_is_refused(client):
    person = UserFactory()
    signed_in(client, person)
    response = client.post(
        reverse("participation:notification_settings"),
        {"notify_channel": "email", "preferred_language": "de", "notify_daily": "0"},
    )
    assert response.status_code == 200
    assert 'id="notices-preferred_language_error"' in response.content.decode()


# --- Own data ---------------------------------------------------------------------------------


def own_world(unit):
    """Two people, each with feedback they follow, an assignment and a group."""
    coordinator = user_with_role("coordinator")
    staff = user_with_role("staff", unit=unit)
    setup = registered_member(unit)
    me = setup.client  # an expert by experience in a co-development group
    mine = paid_assignment(me, coordinator)
    theirs = paid_assignment(user_with_role("expert"), coordinator)
    my_feedback = answered_feedback(unit, staff)
    link_to_account(code=my_feedback.reply_code, account=me)
    their_feedback = give(unit)
    link_to_account(code=their_feedback.reply_code, account=theirs["expert_profile"].user)
    return me, mine, my_feedback, theirs, their_feedback, setup


def test_the_json_download_has_the_persons_things_only(client, unit):
    me, mine, my_feedback, theirs, their_feedback, setup = own_world(unit)
    signed_in(client, me)
    response = client.get(reverse("participation:own_data_json"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == me.email
    assert data["notification_settings"]["channel"] == "email"
    assert [f["reply_code"] for f in data["linked_feedback"]] == [my_feedback.reply_code]
    assert data["linked_feedback"][0]["replies"][0]["text"] == "Kiitos, korjaamme ajanvarauksen."
    assert [a["topic"] for a in data["expert_pool"]["assignments"]] == [mine["request"].topic]
    assert data["codevelopment"]["groups"][0]["project"] == setup.project.title
    assert data["codevelopment"]["registrations"][0]["dietary_needs"] == "Gluteeniton"
    text = response.content.decode()
    assert their_feedback.reply_code not in text
    assert theirs["expert_profile"].user.email not in text
    assert "vuorolista" not in text


def test_the_pdf_download_has_the_persons_things_only(client, unit):
    me, _mine, my_feedback, theirs, their_feedback, _setup = own_world(unit)
    signed_in(client, me)
    response = client.get(reverse("participation:own_data_pdf"))
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert me.email in text
    assert my_feedback.reply_code in text
    assert "Gluteeniton" in text
    assert their_feedback.reply_code not in text
    assert theirs["expert_profile"].user.email not in text


def test_the_page_costs_the_same_few_queries_however_much_a_person_takes_part(
    client, unit, django_assert_max_num_queries
):
    coordinator = user_with_role("coordinator")
    staff = user_with_role("staff", unit=unit)
    setup = registered_member(unit)
    person = setup.client
    trail = paid_assignment(person, coordinator)
    for _ in range(2):  # two more assignments of the same profile, with contracts to sign
        invitation = experts.invite(
            request=make_request(), profiles=[trail["expert_profile"]], by=coordinator
        )[0]
        experts.answer_invitation(invitation=invitation, accept=True)
    for _ in range(3):
        link_to_account(code=answered_feedback(unit, staff).reply_code, account=person)
    signed_in(client, person)
    with django_assert_max_num_queries(16):
        response = client.get(HOME)
    body = response.content.decode()
    assert body.count("Claim of ") == 2
    assert body.count("waiting for your signature") == 2
