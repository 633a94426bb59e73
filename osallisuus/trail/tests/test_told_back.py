"""Told back (#15 item 5): the giver gets one message a day however many steps are taken, the
parties concerned hear of every public step, and the status page and API show what was done
and decided, in the giver's language, with a decision's reasons."""

import datetime

import pytest
from django.utils import timezone

from osallisuus.accounts.services import assign_role
from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.feedback.services import FeedbackInput, add_note, submit_feedback
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.models import Producer
from osallisuus.organisation.tests.factories import ProducerFactory
from osallisuus.trail.models import Action, Decision, Matter, TrailEvent
from osallisuus.trail.services import link_inputs, record_event

pytestmark = pytest.mark.django_db

ACTION_SV = "Återuppringning används nu på hälsostationen."
ACTION_FI = "Takaisinsoitto on käytössä terveysasemalla."
DECISION_SV = "Nämnden beslöt att utöka telefontiderna."
DECISION_FI = "Lautakunta päätti pidentää puhelinaikoja."
REASONS = "Jonot olivat kasvaneet koko vuoden, ja asukkaat toivoivat takaisinsoittoa."
NOTE = "Sisäinen: soittaja oli vihainen"


def give(unit, **kwargs):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin", **kwargs))[0]


def an_action_and_a_decision(unit, staff, feedback):
    action = Action.objects.create(
        title_fi="Takaisinsoitto",
        title_sv="Återuppringning",
        owner=staff,
        created_by=staff,
        unit=unit,
    )
    matter = Matter.objects.create(
        title="Puhelinajat",
        summary="Asukkaat jonottavat",
        carrier=staff,
        target_office="Sosiaali- ja terveyslautakunta",
        created_by=staff,
        unit=unit,
    )
    link_inputs(by=staff, refs=[("feedback", feedback.pk)], action=action)
    link_inputs(by=staff, refs=[("feedback", feedback.pk)], matter=matter)
    record_event(
        kind=TrailEvent.Kind.ACTION_STATUS,
        by=staff,
        action=action,
        status="done",
        texts={"fi": ACTION_FI, "sv": ACTION_SV},
    )
    Decision.objects.create(
        matter=matter,
        outcome=Decision.Outcome.ACCEPTED_WITH_CHANGES,
        decided_by="Sosiaali- ja terveyslautakunta",
        decided_on=datetime.date(2026, 11, 20),
        reasons=REASONS,
        recorded_by=staff,
        public_text_fi=DECISION_FI,
        public_text_sv=DECISION_SV,
    )
    record_event(
        kind=TrailEvent.Kind.DECISION,
        by=staff,
        matter=matter,
        status=Decision.Outcome.ACCEPTED_WITH_CHANGES,
        texts={"fi": DECISION_FI, "sv": DECISION_SV},
    )
    return action, matter


def test_an_action_and_a_decision_the_same_day_reach_the_giver_in_one_e_mail(unit, make_user):
    staff = make_user("staff")
    feedback = give(unit, contact_email="antaja@example.org", language="sv")
    add_note(feedback=feedback, by=staff, text=NOTE)
    OutboxMessage.objects.all().delete()  # the thank-you message of intake
    an_action_and_a_decision(unit, staff, feedback)
    (message,) = OutboxMessage.objects.filter(recipient="antaja@example.org")
    assert ACTION_SV in message.body
    assert DECISION_SV in message.body
    assert ACTION_FI not in message.body and NOTE not in message.body
    assert f"/palaute/seuraa/{feedback.reply_code}/" in message.body
    # Not sent at once: it waits for other changes of the day to join it.
    assert message.status == OutboxMessage.Status.QUEUED
    assert message.next_attempt_at > timezone.now()


def test_the_parties_concerned_hear_of_every_public_step(unit, other_unit, make_user):
    other_unit.producer = ProducerFactory(name_fi="Hoivapalvelu Oy", kind=Producer.Kind.COMPANY)
    other_unit.save()
    staff = make_user("staff")
    manager = make_user("unit_manager")
    manager.preferred_language = "sv"
    manager.save()
    contact = user_with_role("resident")
    assign_role(user=contact, role="producer_contact", producer=unit.producer)
    stranger = user_with_role("resident")
    assign_role(user=stranger, role="producer_contact", producer=other_unit.producer)
    other_manager = user_with_role("unit_manager", unit=other_unit)
    feedback = give(unit)
    OutboxMessage.objects.all().delete()
    an_action_and_a_decision(unit, staff, feedback)
    (to_manager,) = OutboxMessage.objects.filter(recipient=manager.email)
    assert ACTION_SV in to_manager.body and DECISION_SV in to_manager.body
    (to_contact,) = OutboxMessage.objects.filter(recipient=contact.email)
    assert ACTION_FI in to_contact.body and DECISION_FI in to_contact.body
    assert not OutboxMessage.objects.filter(recipient__in=[stranger.email, other_manager.email])
    assert NOTE not in to_contact.body


def test_the_status_api_adds_outcomes_and_keeps_its_contract(client, unit, make_user):
    staff = make_user("staff")
    feedback = give(unit, language="sv")
    an_action_and_a_decision(unit, staff, feedback)
    data = client.get(f"/api/v1/feedback/status/{feedback.reply_code}/").json()
    assert set(data) == {"status", "events", "responses", "outcomes"}
    action, decision = data["outcomes"]
    assert action["kind"] == "action" and action["status"] == "done"
    assert action["public_text"] == ACTION_SV
    assert action["decided_by"] is None and action["reasons"] is None
    assert decision == {
        "at": decision["at"],
        "kind": "decision",
        "status": "changed",
        "public_text": DECISION_SV,
        "decided_by": "Sosiaali- ja terveyslautakunta",
        "reasons": REASONS,
    }


def test_the_status_page_shows_the_decision_and_its_reasons_in_the_givers_language(
    client, unit, make_user
):
    staff = make_user("staff")
    feedback = give(unit, language="sv")
    add_note(feedback=feedback, by=staff, text=NOTE)
    an_action_and_a_decision(unit, staff, feedback)
    page = client.get(f"/palaute/seuraa/{feedback.reply_code}/", HTTP_ACCEPT_LANGUAGE="sv")
    html = page.content.decode()
    assert f'<p lang="sv">{DECISION_SV}</p>' in html
    assert f'<p lang="sv">{ACTION_SV}</p>' in html
    assert f'lang="fi">{REASONS}</dd>' in html
    assert DECISION_FI not in html and NOTE not in html


def test_an_input_with_no_trail_has_no_outcomes(client, unit):
    feedback = give(unit)
    data = client.get(f"/api/v1/feedback/status/{feedback.reply_code}/").json()
    assert data["outcomes"] == []
