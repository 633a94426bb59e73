"""The network of experiential expertise (#16 item 3): member people and member organisations,
a twice-a-year rule that plans next year's meetings as drafts once, and a member list that only
the network's members see."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import GroupKind, Meeting, MemberKind
from osallisuus.errors import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(unit):
    group = services.create_group(
        by=SYSTEM,
        organiser=unit.producer.organiser,
        kind=GroupKind.EXPERTISE_NETWORK,
        name_fi="Kokemusasiantuntijaverkosto",
        term_starts=datetime.date(2026, 1, 1),
    )
    person = user_with_role("expert")
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Kaisa Kokemus",
        origin="open_call",
        member_kind=MemberKind.EXPERT,
        user=person,
    )
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Lapin Mielenterveysyhdistys ry",
        origin="association",
        member_kind=MemberKind.ORGANISATION,
        publish_name=False,
    )
    group.person = person
    return group


def test_a_twice_a_year_rule_creates_next_years_meetings_once(network):
    services.add_meeting_rule(
        by=SYSTEM,
        group=network,
        description="kahdesti vuodessa, keväällä ja syksyllä",
        months=[10, 4],
        day=15,
        time=datetime.time(10, 0),
        place="Rovaniemi, Lapin aluehallintotalo",
    )
    today = datetime.date(2026, 11, 1)
    made = services.plan_meetings(today=today)
    assert [m.starts_at.date() for m in made] == [
        datetime.date(2027, 4, 15),
        datetime.date(2027, 10, 15),
    ]
    assert all(not m.agenda_published for m in made)  # drafts
    assert services.plan_meetings(today=today) == []
    assert Meeting.objects.filter(group=network).count() == 2


def test_the_command_plans_meetings_and_a_second_run_creates_nothing(network):
    services.add_meeting_rule(
        by=SYSTEM,
        group=network,
        description="twice a year",
        months=[4, 10],
        day=15,
        time=datetime.time(10, 0),
        remote_link="https://meet.example/verkosto",
    )
    call_command("plan_meetings", stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime
    planned = Meeting.objects.filter(group=network).count()
    assert planned >= 2
    call_command("plan_meetings", stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime
    assert Meeting.objects.filter(group=network).count() == planned


def test_a_rule_without_months_or_place_is_refused(network):
    with pytest.raises(DomainError) as refused:
        services.add_meeting_rule(
            by=SYSTEM,
            group=network,
            description="x",
            months=[],
            day=15,
            time=datetime.time(10),
            place="Sali",
        )
    assert refused.value.field == "months"
    with pytest.raises(DomainError) as refused:
        services.add_meeting_rule(
            by=SYSTEM, group=network, description="x", months=[4], day=15, time=datetime.time(10)
        )
    assert refused.value.field == "place"


def test_only_members_see_the_member_list_of_people_and_organisations(client, network):
    url = reverse("dialogue:group", kwargs={"pk": network.pk})
    page = client.get(url).content.decode()
    assert "Kaisa Kokemus" not in page and "Mielenterveysyhdistys" not in page
    sign_in(client, user_with_role("resident"))
    assert "Kaisa Kokemus" not in client.get(url).content.decode()
    sign_in(client, network.person)
    page = client.get(url).content.decode()
    assert "Kaisa Kokemus" in page and "Lapin Mielenterveysyhdistys ry" in page
