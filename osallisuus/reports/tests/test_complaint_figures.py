"""The dashboards show formal objections per unit and concern and their handling time, as
counts only, hidden below the smallest group and scoped to the user's units."""

from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.complaints.tests.factories import county_takes_objections, handled_objections

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def county(settings):
    settings.PUBLIC_MIN_ANSWERS = 3
    return county_takes_objections()


def figures_of(response):
    return [
        (row.unit_name, row.concern, row.count, row.answered, row.median_days)
        for row in response.context["complaints"]
    ]


def test_the_unit_dashboard_counts_objections_and_their_median_handling_days(client_as, unit):
    received = timezone.now() - timedelta(days=20)
    handled_objections(unit, 1, received_at=received, answered_after_days=4)
    handled_objections(unit, 1, received_at=received, answered_after_days=10)
    handled_objections(unit, 1, received_at=received, answered_after_days=12)
    handled_objections(unit, 1, received_at=received)
    response = client_as("unit_manager").get("/raportit/toimipiste/KST/")
    assert figures_of(response) == [("Keskustan terveysasema", "health", 4, 3, 10.0)]
    body = response.content.decode()
    assert 'id="complaint-figures"' in body
    assert "<td>4</td><td>3</td>" in body


def test_figures_only_never_the_senders_name_address_or_text(client_as, unit):
    handled_objections(unit, 3, answered_after_days=5)
    body = client_as("coordinator").get("/raportit/").content.decode()
    for private in ("Maija", "Meikäläinen", "Kuja 1", "kuunneltu", "Vastaus muistutukseen"):
        assert private not in body


def test_a_group_below_the_minimum_is_hidden(client_as, unit):
    handled_objections(unit, 2, answered_after_days=5)
    handled_objections(unit, 3, concern="social")
    response = client_as("unit_manager").get("/raportit/toimipiste/KST/")
    assert figures_of(response) == [
        ("Keskustan terveysasema", "health", None, None, None),
        ("Keskustan terveysasema", "social", 3, 0, None),
    ]
    assert "piilotettu: alle 3" in response.content.decode()


def test_the_smallest_group_is_the_reports_one(client_as, unit, settings):
    handled_objections(unit, 3, answered_after_days=5)
    client = client_as("unit_manager")
    assert figures_of(client.get("/raportit/toimipiste/KST/"))[0][2] == 3
    settings.PUBLIC_MIN_ANSWERS = 4
    assert figures_of(client.get("/raportit/toimipiste/KST/"))[0][2] is None


def test_objections_outside_the_period_are_left_out(client_as, unit):
    handled_objections(unit, 3, received_at=timezone.now() - timedelta(days=400))
    this_month = timezone.localdate().replace(day=1)
    response = client_as("unit_manager").get(
        "/raportit/", {"since": f"{this_month:%Y-%m}", "until": f"{this_month:%Y-%m}"}
    )
    assert figures_of(response) == []
    assert "Ei muistutuksia tällä jaksolla." in response.content.decode()


def test_a_unit_manager_of_one_unit_sees_no_figures_of_another(client, unit, other_unit, login):
    handled_objections(unit, 3, answered_after_days=5)
    handled_objections(other_unit, 4, answered_after_days=2)
    login(user_with_role("unit_manager", unit=other_unit))
    assert client.get("/raportit/toimipiste/KST/").status_code == 404
    response = client.get("/raportit/")
    assert figures_of(response) == [("Mäntyrannan terveysasema", "health", 4, 4, 2.0)]
    assert "Keskustan terveysasema" not in response.content.decode()
    # KST and MTR share a service: its dashboard shows MTR's objections only.
    response = client.get(f"/raportit/palvelu/{unit.service_id}/")
    assert [row[0] for row in figures_of(response)] == ["Mäntyrannan terveysasema"]


def test_the_county_dashboard_shows_every_units_objections_to_county_roles(
    client_as, unit, other_unit
):
    handled_objections(unit, 3, answered_after_days=5)
    handled_objections(other_unit, 4, answered_after_days=2)
    response = client_as("decision_maker").get("/raportit/")
    assert [(row[0], row[2]) for row in figures_of(response)] == [
        ("Keskustan terveysasema", 3),
        ("Mäntyrannan terveysasema", 4),
    ]
