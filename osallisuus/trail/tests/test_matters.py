"""Matters carried by a named person to a decision maker: who sees and manages them, the
decision with its reasons, and the timeline that tells the givers."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.trail.matters.services import MatterError, carry_matter, create_matter
from osallisuus.trail.models import Decision, InputLink, Matter, TrailEvent

pytestmark = pytest.mark.django_db

GIVER_EMAIL = "antaja@example.org"


def give(unit, **kwargs):
    text = kwargs.pop("text", "Jonotin puhelimessa tunnin, soittakaa takaisin")
    return submit_feedback(FeedbackInput(unit=unit, text=text, **kwargs))[0]


@pytest.fixture
def committee(make_user):
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(),
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
        name_sv="Social- och hälsovårdsnämnden",
    )
    member = make_user("decision_maker")
    body.members.add(member)
    body.member = member
    return body


def open_matter(by, unit, body, inputs=()):
    return create_matter(
        by=by,
        title="Takaisinsoitto terveysasemalle",
        summary="Asiakkaat jonottavat puhelimessa.",
        carrier=by,
        target_body=body,
        unit=unit,
        inputs=inputs,
    )


def test_a_unit_manager_opens_a_matter_with_inputs_and_its_page_shows_the_carrier(
    unit, make_user, committee, login, client
):
    manager = make_user("unit_manager")
    feedback = give(unit)
    login(manager)
    response = client.post(
        reverse("matters:create") + f"?input=feedback:{feedback.pk}",
        {
            "title": "Takaisinsoitto",
            "summary": "Jonot ovat pitkiä.",
            "inputs": [f"feedback:{feedback.pk}"],
            "carrier": manager.pk,
            "target_body": committee.pk,
            "unit": unit.pk,
        },
    )
    matter = Matter.objects.get()
    assert response.status_code == 302
    assert InputLink.objects.filter(matter=matter, object_id=feedback.pk).exists()
    page = client.get(reverse("matters:detail", args=[matter.pk])).content.decode()
    assert "Sosiaali- ja terveyslautakunta" in page
    assert "Jonotin puhelimessa" in page


def test_a_matter_without_a_target_is_refused_beside_the_field(unit, make_user, login, client):
    manager = make_user("unit_manager")
    login(manager)
    response = client.post(
        reverse("matters:create"),
        {"title": "Takaisinsoitto", "summary": "Jonot.", "carrier": manager.pk},
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert "target_body" in response.context["form"].errors
    assert not Matter.objects.exists()


def test_carrying_tells_the_linked_giver_and_the_timeline_counts_it(unit, make_user, committee):
    manager = make_user("unit_manager")
    feedback = give(unit, contact_email=GIVER_EMAIL)
    matter = open_matter(manager, unit, committee, inputs=[("feedback", feedback.pk)])
    OutboxMessage.objects.all().delete()
    event = carry_matter(
        matter=matter, by=manager, carried_on=date(2026, 11, 2), texts={"fi": "Asia on viety."}
    )
    assert event.kind == TrailEvent.Kind.MATTER_CARRIED
    assert event.givers_told == 1
    assert OutboxMessage.objects.filter(recipient=GIVER_EMAIL).exists()


def test_a_committee_member_records_the_decision_and_the_giver_is_told(
    unit, make_user, committee, login, client
):
    manager = make_user("unit_manager")
    feedback = give(unit, contact_email=GIVER_EMAIL)
    matter = open_matter(manager, unit, committee, inputs=[("feedback", feedback.pk)])
    OutboxMessage.objects.all().delete()
    login(committee.member)
    response = client.post(
        reverse("matters:decide", args=[matter.pk]),
        {
            "outcome": "changed",
            "decided_by": "Sosiaali- ja terveyslautakunta",
            "decided_on": "2026-11-20",
            "reasons": "Takaisinsoitto otetaan käyttöön kahdella asemalla ensin.",
            "public_text_fi": "Lautakunta hyväksyi takaisinsoiton muutoksin.",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get(matter=matter)
    assert decision.recorded_by == committee.member
    assert TrailEvent.objects.get(matter=matter, kind="decision").givers_told == 1
    assert OutboxMessage.objects.filter(recipient=GIVER_EMAIL).exists()


def test_a_decision_without_reasons_is_refused_and_nothing_is_stored(
    unit, make_user, committee, login, client
):
    matter = open_matter(make_user("unit_manager"), unit, committee)
    login(committee.member)
    response = client.post(
        reverse("matters:decide", args=[matter.pk]),
        {
            "outcome": "rejected",
            "decided_by": "Lautakunta",
            "decided_on": "2026-11-20",
            "reasons": "  ",
            "public_text_fi": "Hylätty.",
        },
    )
    assert response.status_code == 200
    assert "reasons" in response.context["form"].errors
    assert not Decision.objects.exists()
    assert not TrailEvent.objects.exists()


def test_the_decision_maker_sees_redacted_excerpts_never_the_giver(
    unit, make_user, committee, login, client
):
    manager = make_user("unit_manager")
    feedback = give(
        unit,
        text="Soitin numeroon 040 1234567 mutta kukaan ei vastannut",
        contact_email=GIVER_EMAIL,
    )
    matter = open_matter(manager, unit, committee, inputs=[("feedback", feedback.pk)])
    login(committee.member)
    page = client.get(reverse("matters:detail", args=[matter.pk])).content.decode()
    assert "kukaan ei vastannut" in page
    assert "040 1234567" not in page
    assert GIVER_EMAIL not in page


def test_other_decision_makers_and_staff_of_another_unit_get_404(
    unit, other_unit, make_user, committee, client
):
    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    matter = open_matter(make_user("unit_manager"), unit, committee)
    url = reverse("matters:detail", args=[matter.pk])
    for user in (user_with_role("decision_maker"), user_with_role("staff", unit=other_unit)):
        sign_in(client, user)
        assert client.get(url).status_code == 404
        assert client.get(reverse("matters:decide", args=[matter.pk])).status_code == 404
    sign_in(client, make_user("staff"))
    assert client.get(url).status_code == 200
    assert client.get(reverse("matters:decide", args=[matter.pk])).status_code == 404


def test_a_matter_undecided_past_the_limit_is_flagged(
    unit, make_user, committee, login, client, settings
):
    settings.MATTER_UNDECIDED_DAYS = 90
    manager = make_user("unit_manager")
    old = open_matter(manager, unit, committee)
    old.carried_on = timezone.localdate() - timedelta(days=91)
    old.save()
    fresh = open_matter(manager, unit, committee)
    fresh.carried_on = timezone.localdate() - timedelta(days=10)
    fresh.save()
    login(manager)
    page = {m.pk: m for m in client.get(reverse("matters:list")).context["page"]}
    assert page[old.pk].is_overdue
    assert not page[fresh.pk].is_overdue


def test_the_service_refuses_a_hidden_input_as_unknown_and_opens_nothing(
    unit, other_unit, make_user, committee
):
    hidden = give(other_unit)
    with pytest.raises(MatterError) as refused:
        open_matter(make_user("staff"), unit, committee, inputs=[("feedback", hidden.pk)])
    assert refused.value.field == "inputs"
    assert not Matter.objects.exists()


def test_staff_see_the_register_of_bodies(unit, committee, make_user, login, client):
    login(make_user("staff"))
    assert (
        "Sosiaali- ja terveyslautakunta" in client.get(reverse("matters:bodies")).content.decode()
    )
