"""Statutory influence bodies (#16 item 4, Act 611/2021 §§ 32–33): one board decision sets up
the three bodies; members may come from outside the municipal bodies; the county overview
and each body's page warn, without refusing, about missing bodies, ended terms and
municipalities without a member."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import GroupKind, MemberKind, Origin
from osallisuus.organisation.models import Municipality, Organiser
from osallisuus.organisation.tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("dialogue:influence_bodies")


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def county() -> Organiser:
    organiser = OrganiserFactory(bilingual=False)
    Municipality.objects.create(organiser=organiser, code="901", name_fi="Järvilaakso")
    Municipality.objects.create(organiser=organiser, code="902", name_fi="Koskenkylä")
    return organiser


def _body(county, kind, name, *, ends=None, decided=True):
    today = timezone.localdate()
    return services.create_group(
        by=SYSTEM,
        organiser=county,
        kind=kind,
        name_fi=name,
        term_starts=today - datetime.timedelta(days=365),
        term_ends=ends or today + datetime.timedelta(days=365),
        decided_on=today - datetime.timedelta(days=400) if decided else None,
        decision_section="87" if decided else "",
    )


def _from_municipality(group, municipality_name):
    return services.add_member(
        by=SYSTEM,
        group=group,
        name=f"Edustaja {municipality_name}",
        origin=Origin.MUNICIPAL_BODY,
        member_kind=MemberKind.REPRESENTATIVE,
        municipality=Municipality.objects.get(name_fi=municipality_name),
        represents=f"vammaisneuvosto, {municipality_name}",
    )


def _page(client, url=OVERVIEW):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_one_board_decision_sets_up_the_three_bodies_and_the_overview_shows_them(client, county):
    for kind, name in (
        (GroupKind.YOUTH_COUNCIL, "Nuorisovaltuusto"),
        (GroupKind.OLDER_PEOPLE_COUNCIL, "Vanhusneuvosto"),
        (GroupKind.DISABILITY_COUNCIL, "Vammaisneuvosto"),
    ):
        group = _body(county, kind, name)
        _from_municipality(group, "Järvilaakso")
        _from_municipality(group, "Koskenkylä")
    page = _page(client)
    for name in ("Nuorisovaltuusto", "Vanhusneuvosto", "Vammaisneuvosto"):
        assert name in page
    assert "§ 87" in page
    assert "Missing:" not in page and "Warning:" not in page
    assert "Statutory influence bodies" in page  # the page is in English: the checks can fail


def test_a_missing_body_is_shown_as_missing(client, county):
    _body(county, GroupKind.YOUTH_COUNCIL, "Nuorisovaltuusto")
    page = _page(client)
    assert page.count("the county has no such body in the register.") == 2  # two of three


def test_a_body_whose_term_ended_is_flagged_on_the_overview_and_its_page(client, county):
    ended = _body(
        county,
        GroupKind.OLDER_PEOPLE_COUNCIL,
        "Vanha vanhusneuvosto",
        ends=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert "no body of this kind is in its term." in _page(client)
    page = _page(client, ended.get_absolute_url())
    assert "the term of this body has ended." in page


def test_a_member_from_no_municipal_body_is_accepted_and_a_missing_municipality_warns(
    client, county
):
    council = _body(county, GroupKind.DISABILITY_COUNCIL, "Vammaisneuvosto")
    _from_municipality(council, "Järvilaakso")
    outsider = services.add_member(
        by=SYSTEM,
        group=council,
        name="Veera Vertaistuki",
        origin=Origin.ASSOCIATION,
        member_kind=MemberKind.REPRESENTATIVE,
        represents="Näkövammaiset ry",
    )
    assert outsider.pk is not None
    page = _page(client, council.get_absolute_url())
    assert "Veera Vertaistuki, member (Näkövammaiset ry)" in page
    assert "no member from these municipalities: Koskenkylä" in page
    assert "no member from these municipalities: Koskenkylä" in _page(client)
    _from_municipality(council, "Koskenkylä")
    assert "no member from these municipalities" not in _page(client)


def test_a_body_without_a_recorded_board_decision_is_noted(client, county):
    group = _body(county, GroupKind.YOUTH_COUNCIL, "Nuorten ryhmä", decided=False)
    page = _page(client, group.get_absolute_url())
    assert "the regional board's decision that set up this body is not recorded." in page


def test_a_bilingual_county_is_reminded_of_its_national_language_committee(client, county):
    assert "National-language committee</h2>" not in _page(client)
    county.bilingual = True
    county.save()
    assert "National-language committee</h2>" in _page(client)


def test_a_county_with_the_sami_homeland_is_reminded_of_its_sami_language_committee(client, county):
    assert "Sámi-language committee</h2>" not in _page(client)
    Municipality.objects.create(organiser=county, code="148", name_fi="Inari")
    assert "Sámi-language committee</h2>" in _page(client)


def test_the_overview_and_a_body_page_speak_finnish(client, county):
    council = _body(county, GroupKind.DISABILITY_COUNCIL, "Vammaisneuvosto")
    client.cookies["django_language"] = "fi"
    page = _page(client, council.get_absolute_url())
    assert "Lakisääteinen vaikuttamistoimielin" in page
    assert "Ei jäsentä näistä kunnista: Järvilaakso, Koskenkylä" in page


def test_the_overview_costs_the_same_queries_however_many_bodies(
    client, county, django_assert_max_num_queries
):
    for index in range(6):
        group = _body(county, GroupKind.DISABILITY_COUNCIL, f"Neuvosto {index}")
        _from_municipality(group, "Järvilaakso")
    with django_assert_max_num_queries(8):
        client.get(OVERVIEW)


def test_a_coordinator_sees_a_link_to_set_up_a_missing_body(client, county):
    assert reverse("dialogue:group_create") not in _page(client)
    sign_in(client, user_with_role("coordinator"))
    assert reverse("dialogue:group_create") in _page(client)


def test_a_coordinator_records_a_missing_body_from_the_overview_with_its_kind_chosen(
    client, county
):
    sign_in(client, user_with_role("coordinator"))
    link = reverse("dialogue:group_create") + "?kind=older_people_council"
    assert link in _page(client)
    form = _page(client, link)
    assert '<option value="older_people_council" selected>' in form
