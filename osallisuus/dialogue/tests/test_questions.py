"""Questions from professionals to client panels (#16 item 2): asking, taking up, the online
thread, the answer back to the asker, closing only with an effect or reasons, the trail, and
the anonymous perceived-influence question."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM, NotPermitted
from osallisuus.dialogue import services
from osallisuus.dialogue.models import InfluenceAnswer, Question, QuestionStatus
from osallisuus.errors import DomainError
from osallisuus.notifications.models import OutboxMessage
from osallisuus.trail.kinds import input_kind

from .factories import meeting_of, panel_for

pytestmark = pytest.mark.django_db

NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def _ask(group, staff, unit, title="Onko ajanvaraus helppoa?"):
    return services.ask_question(
        by=staff,
        group=group,
        unit=unit,
        topic="availability",
        title=title,
        background="Jonot ovat pidentyneet.",
        answer_wanted_by=NEXT_MONTH,
    )


@pytest.fixture
def setup(unit):
    group = panel_for(unit)
    staff = user_with_role("staff", unit=unit)
    staff.email = "kysyja@example.org"
    staff.save()
    member_user = user_with_role("resident")
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Raadin Jäsen",
        origin="open_call",
        member_kind="client",
        user=member_user,
    )
    return group, staff, member_user


def test_a_professional_asks_the_panel_answers_online_and_the_asker_is_told(client, setup, unit):
    group, staff, member_user = setup
    question = _ask(group, staff, unit)
    coordinator = user_with_role("coordinator")
    services.take_up_question(by=coordinator, question=question, meeting=None)

    sign_in(client, member_user)
    response = client.post(
        reverse("dialogue:question_post", kwargs={"pk": question.pk}),
        {"text": "Netissä helppoa, puhelimessa ei."},
    )
    assert response.status_code == 302
    assert question.posts.get().text == "Netissä helppoa, puhelimessa ei."

    services.answer_question(by=coordinator, question=question, answer="Lisää iltapäiväaikoja.")
    message = OutboxMessage.objects.get(recipient="kysyja@example.org")
    assert f"/ryhmat/kysymys/{question.pk}/" in message.body


def test_the_asker_cannot_close_without_an_effect_or_reasons(client, setup, unit):
    group, staff, _member = setup
    question = _ask(group, staff, unit)
    services.answer_question(by=SYSTEM, question=question, answer="Lisää aikoja.")
    sign_in(client, staff)
    url = reverse("dialogue:question_close", kwargs={"pk": question.pk})
    response = client.post(url, {"outcome": "ok"})
    assert response.status_code == 200
    assert 'id="id_outcome_error"' in response.content.decode()
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED

    client.post(url, {"outcome": "Lisäsimme iltapäiviin kaksi puhelinaikaa viikossa."})
    question.refresh_from_db()
    assert question.status == QuestionStatus.CLOSED


def test_staff_of_another_unit_get_404_on_a_producer_panels_question(client, setup, unit):
    from osallisuus.organisation.tests.factories import ServiceFactory, UnitFactory

    group, staff, _member = setup
    question = _ask(group, staff, unit)
    other_unit = UnitFactory(service=ServiceFactory(name_fi="Suun terveydenhuolto"))
    outsider = user_with_role("staff", unit=other_unit)
    sign_in(client, outsider)
    assert client.get(question.get_absolute_url()).status_code == 404
    with pytest.raises(NotPermitted):  # nor can they ask this producer's panel for the service
        _ask(group, outsider, other_unit)


def test_a_question_is_on_the_agenda_when_the_panel_takes_it_to_a_meeting(setup, unit):
    group, staff, _member = setup
    meeting = meeting_of(group, agenda="1. Avaus")
    question = _ask(group, staff, unit, title="Kotihoidon käyntiajat")
    services.take_up_question(by=SYSTEM, question=question, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.agenda.endswith("Kotihoidon käyntiajat")
    assert question.status == QuestionStatus.ON_AGENDA


def test_a_question_is_an_input_kind_of_the_trail(setup, unit):
    group, staff, _member = setup
    question = _ask(group, staff, unit)
    kind = input_kind("panel_question")
    assert [item.pk for item in kind.items([question.pk], staff)] == [question.pk]
    assert kind.items([question.pk], user_with_role("resident")) == []
    assert kind.tell_giver(question.pk, {"fi": "Asia päätettiin."})


def test_the_influence_answer_is_kept_without_the_member_and_only_once(setup, unit):
    group, _staff, member_user = setup
    past = meeting_of(group)
    past.starts_at = timezone.now() - datetime.timedelta(days=1)
    past.save()
    services.answer_influence(by=member_user, meeting=past, answer="partly")
    with pytest.raises(DomainError):
        services.answer_influence(by=member_user, meeting=past, answer="yes")
    stored = InfluenceAnswer.objects.get()
    assert stored.answer == "partly"
    assert not hasattr(stored, "member")


def test_an_empty_question_is_refused_beside_the_field(client, setup, unit):
    group, staff, _member = setup
    sign_in(client, staff)
    response = client.post(
        reverse("dialogue:question_create", kwargs={"pk": group.pk}),
        {"unit": unit.pk, "topic": "availability", "title": "", "answer_wanted_by": ""},
    )
    assert response.status_code == 200
    assert 'id="id_title_error"' in response.content.decode()
    assert not Question.objects.exists()


def test_the_trail_figures_count_questions_asked_at_the_units_in_the_period(setup, unit):
    from osallisuus.organisation.models import Unit
    from osallisuus.organisation.tests.factories import UnitFactory

    group, staff, _member = setup
    question = _ask(group, staff, unit)
    Question.objects.filter(pk=question.pk).update(
        asked_at=timezone.now() - datetime.timedelta(days=40)
    )
    recent = _ask(group, staff, unit, title="Toinen kysymys")
    kind = input_kind("panel_question")
    today = timezone.localdate()
    own = Unit.objects.filter(pk=unit.pk)
    week_ago = today - datetime.timedelta(days=7)
    assert list(kind.received_ids(own, week_ago, today)) == [recent.pk]
    assert sorted(kind.received_ids(own, today - datetime.timedelta(days=60), today)) == sorted(
        [question.pk, recent.pk]
    )
    other = Unit.objects.filter(pk=UnitFactory().pk)
    assert list(kind.received_ids(other, week_ago, today)) == []


def test_the_panels_answer_shows_on_the_matter_the_question_is_carried_in(client, setup, unit):
    from osallisuus.trail.matters.services import create_matter

    group, staff, _member = setup
    question = _ask(group, staff, unit, title="Saako kotihoidon ajan helposti?")
    coordinator = user_with_role("coordinator")
    services.take_up_question(by=coordinator, question=question, meeting=None)
    services.answer_question(by=coordinator, question=question, answer="Iltapäivisin ei saa.")
    manager = user_with_role("unit_manager", unit=unit)
    matter = create_matter(
        by=manager,
        title="Kotihoidon ajanvaraus",
        summary="Raati vastasi kysymykseen.",
        carrier=manager,
        target_office="Palvelujohtaja",
        unit=unit,
        inputs=[("panel_question", question.pk)],
    )
    sign_in(client, manager)
    page = client.get(reverse("matters:detail", kwargs={"pk": matter.pk})).content.decode()
    assert "Iltapäivisin ei saa." in page
