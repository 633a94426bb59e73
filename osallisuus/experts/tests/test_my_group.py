"""A developer group's member reads their own group's page from their expert page (#17 item 7):
steps with dates, members' names, coordinator, support person, home base and the group's work
that concerns them; other experts get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.experts import group_services
from osallisuus.experts.tests.factories import make_profile, make_request
from osallisuus.experts.tests.test_developer_groups import make_group

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_member_sees_their_group_and_only_the_work_that_concerns_them(client):
    coordinator = user_with_role("coordinator")
    coordinator.first_name, coordinator.last_name = "Kaisa", "Koordinaattori"
    coordinator.save()
    member = make_profile()
    colleague = make_profile()
    group = make_group(coordinator, members=[member, colleague])
    mine = make_request(topic="Asiakasraati", people_needed=1)
    theirs = make_request(topic="Henkilöstökoulutus", people_needed=1)
    group_services.give_request_to_group(
        request=mine, group=group, by=coordinator, members=[member]
    )
    group_services.give_request_to_group(
        request=theirs, group=group, by=coordinator, members=[colleague]
    )

    sign_in(client, member.user)
    home = client.get(reverse("experts:mine"), HTTP_ACCEPT_LANGUAGE="en")
    address = reverse("experts:my_group", kwargs={"pk": group.pk})
    assert address in home.content.decode()

    page = client.get(address, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert group.name in page
    assert "Perhekeskus, Keskusta" in page
    assert "Kaisa Koordinaattori" in page
    assert group.support_person.get_full_name() in page
    assert member.name in page and colleague.name in page
    assert "12.1.2026" in page  # the forming step's date
    assert "Asiakasraati" in page
    assert "Henkilöstökoulutus" not in page
    # Read-only: no forms of the coordinator's page.
    assert "<form" not in page.split("<main", 1)[-1]


def test_other_experts_and_coordinators_who_are_not_members_get_404(client):
    coordinator = user_with_role("coordinator")
    group = make_group(coordinator, members=[make_profile()])
    address = reverse("experts:my_group", kwargs={"pk": group.pk})
    for outsider in (make_profile().user, coordinator):
        sign_in(client, outsider)
        assert client.get(address).status_code == 404
