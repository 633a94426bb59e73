"""The panel's own initiatives (#16 item 2): the panel raises a development need to a service
with a date for the answer; the service's answer and later trail steps reach the panel, and an
overdue answer shows in the briefing of the body deciding on the service."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import Initiative, InitiativeStatus
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import ServiceFactory, UnitFactory
from osallisuus.trail.briefings.selectors import readable
from osallisuus.trail.briefings.services import build_briefing
from osallisuus.trail.models import Action, TrailEvent
from osallisuus.trail.services import link_inputs, record_event

from .factories import panel_for, secretary_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NEXT_MONTH = TODAY + datetime.timedelta(days=30)


@pytest.fixture
def panel(unit):
    group = panel_for(unit)
    secretary = secretary_of(group)
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Raadin Jäsen",
        origin="open_call",
        member_kind="client",
        email="jasen@example.org",
        language="sv",
    )
    group.secretary = secretary
    return group


def _raise(panel, unit, **kwargs):
    return services.raise_initiative(
        by=panel.secretary,
        group=panel,
        service=unit.service,
        title=kwargs.pop("title", "Iltavastaanotto kerran viikossa"),
        answer_wanted_by=kwargs.pop("answer_wanted_by", NEXT_MONTH),
        **kwargs,
    )


def test_the_secretary_raises_a_need_and_the_service_answers_the_panel(client, panel, unit):
    sign_in(client, panel.secretary)
    response = client.post(
        reverse("dialogue:initiative_create", kwargs={"pk": panel.pk}),
        {
            "service": unit.service.pk,
            "title": "Iltavastaanotto kerran viikossa",
            "background": "Työssäkäyvät eivät pääse päivällä.",
            "answer_wanted_by": NEXT_MONTH.isoformat(),
        },
    )
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert initiative.status == InitiativeStatus.SENT

    # Staff of another service's unit may not even see it.
    elsewhere = UnitFactory(code="SOS", service=ServiceFactory(name_fi="Sosiaalityö"))
    other_staff = user_with_role("staff", unit=elsewhere)
    sign_in(client, other_staff)
    url = reverse("dialogue:initiative", kwargs={"pk": initiative.pk})
    assert client.get(url).status_code == 404

    staff = user_with_role("staff", unit=unit)
    sign_in(client, staff)
    response = client.post(
        reverse("dialogue:initiative_answer", kwargs={"pk": initiative.pk}),
        {"answer": "Kokeilemme keskiviikkoiltoja keväällä."},
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.ANSWERED
    message = OutboxMessage.objects.get(recipient="jasen@example.org")
    assert f"/ryhmat/aloite/{initiative.pk}/" in message.body
    assert "Iltavastaanotto" in message.body


def test_a_past_answer_date_is_refused_beside_the_field(client, panel, unit):
    sign_in(client, panel.secretary)
    response = client.post(
        reverse("dialogue:initiative_create", kwargs={"pk": panel.pk}),
        {
            "service": unit.service.pk,
            "title": "Iltavastaanotto",
            "answer_wanted_by": (TODAY - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["answer_wanted_by"] == [
        "Vastauspäivä ei voi olla menneisyydessä."
    ]
    assert not Initiative.objects.exists()


def test_a_member_who_does_not_run_the_panel_cannot_raise_one(client, panel, unit):
    member = user_with_role("resident")
    services.add_member(
        by=SYSTEM, group=panel, name="Toinen", origin="lot", member_kind="resident", user=member
    )
    sign_in(client, member)
    url = reverse("dialogue:initiative_create", kwargs={"pk": panel.pk})
    assert client.get(url).status_code == 404


def test_a_later_step_on_the_trail_reaches_the_panel(panel, unit):
    initiative = _raise(panel, unit)
    staff = user_with_role("staff", unit=unit)
    action = Action.objects.create(
        title_fi="Iltavastaanotto", owner=staff, created_by=staff, unit=unit
    )
    link_inputs(by=staff, refs=[("panel_initiative", initiative.pk)], action=action)
    event = record_event(
        kind=TrailEvent.Kind.ACTION_STATUS,
        by=staff,
        action=action,
        status="done",
        texts={"fi": "Iltavastaanotto alkoi.", "sv": "Kvällsmottagningen har börjat."},
    )
    assert event.givers_told == 1
    message = OutboxMessage.objects.get(recipient="jasen@example.org")
    assert "Kvällsmottagningen har börjat." in message.body  # the member's language


def test_an_overdue_answer_shows_in_the_briefing_of_the_body_deciding_on_the_service(
    panel, unit, make_user
):
    late = _raise(panel, unit, title="Myöhässä oleva vastaus")
    answered = _raise(panel, unit, title="Vastattu ajallaan")
    not_yet = _raise(panel, unit, title="Vielä aikaa")
    Initiative.objects.filter(pk__in=[late.pk, answered.pk]).update(
        answer_wanted_by=TODAY - datetime.timedelta(days=3)
    )
    services.answer_initiative(by=SYSTEM, initiative=answered, answer="Vastaus.")
    body = DecisionBody.objects.create(
        organiser=unit.producer.organiser,
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Terveyspalvelujen jaosto",
    )
    body.services.add(unit.service)
    briefing = build_briefing(body=body, month=TODAY, today=TODAY, send=False).briefing
    waiting = briefing.content["waiting"]
    assert [(w["kind"], w["pk"], w["overdue"]) for w in waiting] == [
        ("panel_initiative", late.pk, True)
    ]
    assert not_yet.pk not in [w["pk"] for w in waiting]
    (line,) = readable(briefing).waiting
    assert line.flag and line.url == late.get_absolute_url()
    assert line.key == f"input:panel_initiative:{late.pk}"
