"""Numbers in a query string: junk, empty or out of range never gives a server error.

Every page with a ?page=, ?vuosi= or ?service= is asked with the values an outside scanner
tries; the parser itself (osallisuus/query_params.py) is checked for its bounds.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.query_params import (
    PAGE_MAX,
    YEAR_MAX,
    YEAR_MIN,
    id_param,
    int_param,
    page_param,
    year_param,
)

pytestmark = pytest.mark.django_db

HOSTILE = ["99999", "-1", "abc", "", "0", "1e3", "9" * 40, "²", " 7 ", "--3"]

# (url name, kwargs, role, parameter)
PAGES: list[tuple[str, dict[str, Any], str, str]] = [
    ("experts:yearly_summary", {}, "coordinator", "vuosi"),
    ("experts:my_yearly_statement", {}, "expert", "vuosi"),
    ("experts:pool", {}, "coordinator", "page"),
    ("experts:requests", {}, "staff", "page"),
    ("feedback:inbox", {}, "staff", "page"),
    ("feedback:moderation_queue", {}, "coordinator", "page"),
    ("feedback:stories", {"code": "KST"}, "anonymous", "page"),
    ("audit:log", {}, "administrator", "page"),
    ("organisation:units", {}, "anonymous", "page"),
    ("codevelopment:projects", {}, "staff", "page"),
    ("codevelopment:public_list", {}, "anonymous", "page"),
    ("dev:outbox", {}, "administrator", "page"),
]


@pytest.mark.parametrize(("name", "kwargs", "role", "param"), PAGES)
def test_junk_or_out_of_range_numbers_give_the_page_not_a_server_error(
    client_as, unit, name, kwargs, role, param
):
    client = client_as(role)
    if role == "expert":
        from osallisuus.experts.tests.factories import make_profile

        make_profile(user=client.user)
    url = reverse(name, kwargs=kwargs)
    for value in HOSTILE:
        response = client.get(url, {param: value})
        assert response.status_code == 200, (value, response.status_code)


def test_the_yearly_summary_shows_the_clamped_year(client_as):
    client = client_as("coordinator")
    url = reverse("experts:yearly_summary")
    assert str(YEAR_MAX) in client.get(url, {"vuosi": "99999"}).content.decode()
    assert str(YEAR_MIN) in client.get(url, {"vuosi": "-1"}).content.decode()
    this_year = str(timezone.localdate().year)
    assert this_year in client.get(url, {"vuosi": "abc"}).content.decode()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "9" * 40, "99999999999999999999"])
def test_a_bad_service_id_in_an_export_is_not_found(client_as, value):
    client = client_as("staff")
    url = reverse("reports:export", kwargs={"kind": "aggregates", "fmt": "csv"})
    assert client.get(url, {"service": value}).status_code == 404


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("abc", 400),
        ("", 200),
        ("-1", 400),
        ("0", 400),
        ("99999", 404),
        ("9" * 18, 404),
        ("9" * 40, 400),
        ("1e3", 400),
    ],
)
def test_the_aggregates_api_answers_a_bad_service_id_with_400_or_404(client_as, value, status):
    client = client_as("staff")
    response = client.get("/api/v1/reports/aggregates/", {"service": value})
    assert response.status_code == status


@pytest.mark.parametrize("value", ["abc", "", "-1", "0", "99999", "9" * 40])
def test_the_api_page_size_is_bounded(client_as, value):
    response = client_as("staff").get("/api/v1/reports/aggregates/", {"page_size": value})
    assert response.status_code == 200


def test_a_board_cursor_with_an_impossible_date_starts_from_the_beginning(unit, client):
    from osallisuus.accounts.tests.factories import sign_in
    from osallisuus.codevelopment.tests.factories import project_with_workshop

    setup = project_with_workshop(unit)
    sign_in(client, setup.professional)
    url = reverse("codevelopment:board_changes", kwargs={"pk": setup.workshop.pk})
    response = client.get(url, {"since": "2024-13-45T00:00:00"})
    assert response.status_code == 200
    assert "cursor" in response.json()


def test_a_contract_pdf_in_an_unknown_language_is_finnish(client_as):
    from osallisuus.experts.tests.factories import assignment_with_claim

    trail = assignment_with_claim()
    client = client_as("coordinator")
    url = reverse("experts:contract_pdf", kwargs={"pk": trail["contract"].pk})
    response = client.get(url, {"kieli": 'x"\nSet-Cookie: a=b'})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-fi.pdf"')


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, 7),
        ("", 7),
        ("abc", 7),
        ("1e3", 7),
        ("²", 7),
        ("9" * 40, 7),
        ("--3", 7),
        ("5", 5),
        (" 5 ", 5),
        ("+5", 5),
        ("-1", 1),
        ("0", 1),
        ("99999", 10),
    ],
)
def test_the_parser_gives_the_default_for_junk_and_clamps_numbers(raw, expected):
    params = {} if raw is None else {"n": raw}
    assert int_param(params, "n", default=7, minimum=1, maximum=10) == expected


def test_an_impossible_id_is_no_id_rather_than_a_clamped_one():
    assert id_param({"service": "0"}, "service") is None
    assert id_param({"service": "-4"}, "service") is None
    assert id_param({"service": "4"}, "service") == 4


def test_named_bounds_for_pages_and_years():
    assert page_param({"page": "99999999"}) == PAGE_MAX
    assert year_param({"vuosi": "99999"}) == YEAR_MAX
    assert year_param({}) == timezone.localdate().year
