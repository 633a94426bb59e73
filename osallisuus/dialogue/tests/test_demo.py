"""The demo county has a client panel with members and meetings."""

import io

import pytest
from django.core.management import call_command

from osallisuus.dialogue.models import STATUTORY_KINDS, Group, GroupKind

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_county_client_panel_with_members_and_meetings(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    panel = Group.objects.get(kind=GroupKind.CLIENT_PANEL)
    assert panel.members.count() == 5
    assert panel.members.filter(user__username="asukas").exists()
    assert panel.meetings.filter(minutes_approved_at__isnull=False).count() == 1
    assert panel.questions.get().meeting is not None
    # The member under 18 is not named publicly.
    assert not panel.members.get(name="Nea Nuori").publish_name


def test_the_demo_has_the_three_influence_bodies_and_the_overview_points_out_the_gaps(
    settings, client
):
    from django.urls import reverse

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    council = Group.objects.get(kind=GroupKind.DISABILITY_COUNCIL)
    assert {g.decision_section for g in Group.objects.filter(kind__in=STATUTORY_KINDS)} == {"87"}
    assert council.members.filter(origin="association", municipality__isnull=True).exists()
    client.cookies["django_language"] = "en"
    page = client.get(reverse("dialogue:influence_bodies")).content.decode()
    assert "no member from these municipalities: Kivijärvi" in page
    # The demo county is bilingual and has no national-language committee yet.
    assert "the county has no such body in the register." in page
    call_command("seed_demo", stdout=io.StringIO())  # a second run adds nothing
    assert Group.objects.filter(kind__in=STATUTORY_KINDS).count() == 3


def test_the_demo_boards_user_seat_is_held_by_an_expert_with_a_support_person(settings):
    from osallisuus.dialogue.models import SeatHolderKind, UserSeat

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    seat = UserSeat.objects.get()
    assert seat.body.kind == "board"
    assert seat.holder_kind == SeatHolderKind.EXPERT
    assert seat.expert.user.username == "kokemus"
    assert seat.support_person
    assert seat.attendance.filter(present=True).count() == 1
    call_command("seed_demo", stdout=io.StringIO())  # a second run adds nothing
    assert UserSeat.objects.count() == 1


def test_the_demo_network_meets_on_laplands_rhythm_with_its_meetings_planned(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    network = Group.objects.get(kind=GroupKind.EXPERTISE_NETWORK)
    assert network.members.filter(member_kind="organisation").count() == 2
    rule = network.meeting_rules.get()
    assert rule.months == [4, 10]
    planned = network.meetings.filter(rule=rule)
    assert planned.count() >= 2 and not planned.filter(agenda_published=True).exists()
    assert {m.starts_at.month for m in planned} == {4, 10}
    call_command("plan_meetings", stdout=io.StringIO())
    assert network.meetings.count() == planned.count()
