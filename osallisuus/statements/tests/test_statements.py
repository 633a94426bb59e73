"""Statements (#16 item 6 and the flag of item 4): asking, flagging, submitting, overdue
requests in the body's briefing, the decision recording how each was taken into account, and
the body told."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.authorization import NotPermitted
from osallisuus.dialogue.tests.factories import meeting_of
from osallisuus.errors import DomainError
from osallisuus.notifications.models import OutboxMessage
from osallisuus.statements import selectors, services
from osallisuus.statements.models import RequestOrigin, RequestStatus, StatementRequest
from osallisuus.trail.briefings.services import build_briefing
from osallisuus.trail.matters.services import decide_matter
from osallisuus.trail.models import InputLink
from osallisuus.trail.selectors import has_effect

from .factories import (
    NEXT_MONTH,
    committee_of,
    council_for,
    matter_of,
    preparer_of,
    secretary,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def world(unit):
    preparer = preparer_of(unit)
    writer = secretary()
    council = council_for(unit.producer.organiser, secretary=writer)
    body = committee_of(unit.producer.organiser)
    matter = matter_of(unit, preparer=preparer, body=body)
    return preparer, writer, council, body, matter


def _ask(preparer, council, matter, due_on=NEXT_MONTH):
    return services.request_statement(
        by=preparer,
        matter=matter,
        group=council,
        question="Miten uudistus vaikuttaa vammaisiin asiakkaisiin?",
        due_on=due_on,
    )


def _mails_to(address):
    return OutboxMessage.objects.filter(recipient=address)


def test_the_preparer_asks_and_the_secretary_is_told_and_the_request_reaches_the_matter(world):
    preparer, writer, council, _body, matter = world
    request = _ask(preparer, council, matter)
    assert request.status == RequestStatus.REQUESTED
    assert InputLink.objects.filter(kind="statement", object_id=request.pk, matter=matter).exists()
    assert "Kuljetuspalvelu" in _mails_to(writer.email).get().body


def test_a_request_without_a_question_or_with_a_past_date_stores_nothing(world):
    preparer, _writer, council, _body, matter = world
    with pytest.raises(DomainError) as refused:
        services.request_statement(
            by=preparer,
            matter=matter,
            group=council,
            question=" ",
            due_on=TODAY - datetime.timedelta(days=1),
        )
    assert set(refused.value.by_field()) == {"question", "due_on"}
    assert not StatementRequest.objects.exists()


def test_staff_of_another_unit_cannot_ask_on_the_matter(world, other_unit):
    _preparer, _writer, council, _body, matter = world
    with pytest.raises(NotPermitted):
        _ask(preparer_of(other_unit), council, matter)
    assert not StatementRequest.objects.exists()


def test_the_council_secretary_flags_a_matter_and_the_preparer_is_told(world):
    preparer, writer, council, _body, matter = world
    request = services.flag_matter(
        by=writer,
        group=council,
        matter=matter,
        reason="Kuljetuspalvelu on vammaisille välttämätön.",
        due_on=NEXT_MONTH,
    )
    assert request.origin == RequestOrigin.FLAGGED
    assert "Vammaisneuvosto" in _mails_to(preparer.email).get().subject


def test_an_ordinary_member_or_a_panel_cannot_flag(world, unit):
    from osallisuus.dialogue.tests.factories import panel_for

    _preparer, writer, council, _body, matter = world
    panel = panel_for(unit)
    with pytest.raises(NotPermitted):
        services.flag_matter(by=writer, group=panel, matter=matter, reason="x", due_on=NEXT_MONTH)
    stranger = secretary()
    with pytest.raises(NotPermitted):
        services.flag_matter(
            by=stranger, group=council, matter=matter, reason="x", due_on=NEXT_MONTH
        )


def test_the_secretary_submits_the_approved_statement_and_the_preparer_is_told(world):
    preparer, writer, council, _body, matter = world
    request = _ask(preparer, council, matter)
    meeting = meeting_of(council)
    meeting.starts_at = timezone.now() - datetime.timedelta(days=1)
    meeting.save()
    services.submit_statement(
        by=writer,
        request=request,
        text="Neuvosto puoltaa, kun saattajan matkat säilyvät maksuttomina.",
        approved_on=None,
        minutes_section="7",
        meeting=meeting,
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED
    assert request.approved_on == timezone.localtime(meeting.starts_at).date()
    assert request.public
    assert "Vammaisneuvosto" in _mails_to(preparer.email).get().subject


def test_a_statement_without_text_or_approval_date_stores_nothing(world):
    preparer, writer, council, _body, matter = world
    request = _ask(preparer, council, matter)
    with pytest.raises(DomainError) as refused:
        services.submit_statement(by=writer, request=request, text="", approved_on=None)
    assert set(refused.value.by_field()) == {"text", "approved_on"}
    request.refresh_from_db()
    assert request.status == RequestStatus.REQUESTED and request.text == ""


def test_the_secretary_of_another_body_cannot_submit(world, unit):
    preparer, _writer, council, _body, matter = world
    request = _ask(preparer, council, matter)
    other_writer = secretary()
    council_for(unit.producer.organiser, secretary=other_writer, name="Vanhusneuvosto")
    with pytest.raises(NotPermitted):
        services.submit_statement(
            by=other_writer, request=request, text="Lausunto", approved_on=TODAY
        )


def test_an_overdue_request_shows_in_the_bodys_briefing(world, make_user):
    preparer, _writer, council, body, matter = world
    request = _ask(preparer, council, matter)
    StatementRequest.objects.filter(pk=request.pk).update(due_on=TODAY - datetime.timedelta(days=3))
    assert list(selectors.overdue_requests()) == [request]
    body.members.add(make_user("decision_maker"))
    briefing = build_briefing(body=body, month=TODAY, send=False).briefing
    waiting = [line for line in briefing.content["waiting"] if line["kind"] == "statement"]
    assert len(waiting) == 1
    assert "myöhässä" in waiting[0]["excerpt"] or "overdue" in waiting[0]["excerpt"]


def test_the_decision_records_how_it_was_taken_into_account_and_the_body_is_told(world, make_user):
    preparer, writer, council, body, matter = world
    decider = make_user("decision_maker")
    body.members.add(decider)
    request = _ask(preparer, council, matter)
    services.submit_statement(
        by=writer, request=request, text="Neuvosto puoltaa.", approved_on=TODAY
    )
    with pytest.raises(DomainError):
        services.consider_statement(by=preparer, request=request, text=" ")
    services.consider_statement(
        by=preparer, request=request, text="Saattajan matkat pidettiin maksuttomina."
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.CONSIDERED
    told = _mails_to(writer.email).order_by("pk").last()
    assert "Saattajan matkat pidettiin maksuttomina." in told.body
    decide_matter(
        matter=matter,
        by=decider,
        outcome="changed",
        decided_by="Sosiaali- ja terveyslautakunta",
        decided_on=TODAY,
        reasons="Lausunnot otettiin huomioon.",
        texts={"fi": "Lautakunta hyväksyi uudistuksen muutoksin."},
    )
    assert "Lautakunta hyväksyi uudistuksen muutoksin." in _mails_to(writer.email).last().body
    assert has_effect("statement", request.pk)


def test_a_statement_is_public_unless_marked_otherwise(world, client):
    preparer, writer, council, _body, matter = world
    request = _ask(preparer, council, matter)
    url = reverse("statements:detail", kwargs={"pk": request.pk})
    assert client.get(url).status_code == 404
    services.submit_statement(
        by=writer, request=request, text="Julkinen lausunto.", approved_on=TODAY
    )
    assert "Julkinen lausunto." in client.get(url).content.decode()
    StatementRequest.objects.filter(pk=request.pk).update(public=False)
    assert client.get(url).status_code == 404


def test_the_demo_asks_the_disability_council_for_a_statement(settings):
    import io

    from django.core.management import call_command

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    asked = StatementRequest.objects.get(group__kind="disability_council")
    assert asked.status == RequestStatus.REQUESTED and asked.due_on > TODAY
    assert selectors.overdue_requests().filter(group__kind="older_people_council").exists()
    call_command("seed_demo", stdout=io.StringIO())  # a second run adds nothing
    assert StatementRequest.objects.count() == 2
