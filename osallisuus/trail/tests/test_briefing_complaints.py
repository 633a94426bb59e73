"""Briefings carry the formal objections' figures (counts per unit and concern, handling time):
on the page, in the PDF and, as a mention only, in the e-mail; small groups hidden, the body's
services only, never a sender's name, address or text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from osallisuus.complaints.tests.factories import county_takes_objections, handled_objections
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory, ServiceFactory, UnitFactory
from osallisuus.trail.models import Briefing

from .test_briefings import pdf_text

pytestmark = pytest.mark.django_db

NOVEMBER = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
PRIVATE = ("Maija", "Meikäläinen", "Kuja 1", "kuunneltu", "Vastaus muistutukseen")


@pytest.fixture(autouse=True)
def county(settings):
    settings.PUBLIC_MIN_ANSWERS = 3
    return county_takes_objections()


@pytest.fixture
def committee(make_user):
    """A committee for the whole county with one member who has an e-mail address."""
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(), kind=DecisionBody.Kind.COMMITTEE, name_fi="Lautakunta"
    )
    body.member = make_user("decision_maker")
    body.member.email = "paattaja@example.org"
    body.member.save()
    body.members.add(body.member)
    return body


def build():
    call_command("build_briefings", "--month", "2026-11", stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime


def rows(briefing):
    return [
        (row["unit_code"], row["concern"], row["count"], row["answered"], row["median_days"])
        for row in briefing.content["complaints"]
    ]


def test_the_briefing_holds_objection_counts_and_handling_days_per_unit(committee, unit):
    handled_objections(unit, 3, received_at=NOVEMBER, answered_after_days=6)
    handled_objections(unit, 1, received_at=NOVEMBER)
    build()
    assert rows(Briefing.objects.get()) == [("KST", "health", 4, 3, 6.0)]


def test_a_group_below_the_minimum_is_stored_and_shown_without_its_count(
    committee, unit, login, client
):
    handled_objections(unit, 2, received_at=NOVEMBER, answered_after_days=6)
    build()
    briefing = Briefing.objects.get()
    assert rows(briefing) == [("KST", "health", None, None, None)]
    login(committee.member)
    page = client.get(reverse("briefings:detail", args=[briefing.pk])).content.decode()
    assert "Alle 3 muistutusta." in page
    text = pdf_text(client.get(reverse("briefings:pdf", args=[briefing.pk])).content)
    assert "alle 3 muistutusta" in text


def test_the_page_and_the_pdf_show_the_figures_and_nothing_personal(committee, unit, login, client):
    handled_objections(unit, 3, received_at=NOVEMBER, answered_after_days=6)
    build()
    briefing = Briefing.objects.get()
    login(committee.member)
    page = client.get(reverse("briefings:detail", args=[briefing.pk])).content.decode()
    assert 'id="complaints"' in page
    assert reverse("reports:unit", kwargs={"code": "KST"}) in page
    assert "<dd>3</dd>" in page and "<dd>6</dd>" in page
    text = pdf_text(client.get(reverse("briefings:pdf", args=[briefing.pk])).content)
    assert "Muistutukset" in text
    assert "Keskustan terveysasema (terveydenhuolto)" in text
    assert "3 muistutusta, 3 vastattu" in text
    for private in PRIVATE:
        assert private not in page and private not in text


def test_the_email_says_the_figures_are_there_but_not_what_they_are(committee, unit):
    handled_objections(unit, 3, received_at=NOVEMBER, answered_after_days=6)
    build()
    body = OutboxMessage.objects.get(recipient=committee.member.email).body
    assert "muistutuksista" in body
    for private in (*PRIVATE, "Keskustan terveysasema"):
        assert private not in body


def test_a_body_for_one_service_sees_no_objections_of_another(committee, unit):
    elsewhere = UnitFactory(
        code="HAM", name_fi="Hammashoitola", service=ServiceFactory(name_fi="Hammashoitolat")
    )
    assert elsewhere.service_id != unit.service_id
    committee.services.add(unit.service)
    handled_objections(unit, 3, received_at=NOVEMBER)
    handled_objections(elsewhere, 5, received_at=NOVEMBER, concern="social")
    build()
    assert [row[0] for row in rows(Briefing.objects.get())] == ["KST"]


def test_objections_outside_the_period_are_left_out(committee, unit):
    handled_objections(unit, 3, received_at=datetime(2026, 10, 10, 12, 0, tzinfo=UTC))
    build()
    assert rows(Briefing.objects.get()) == []
    body = OutboxMessage.objects.get(recipient=committee.member.email).body
    assert "muistutuksista" not in body
