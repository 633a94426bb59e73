"""The work report (#17 item 8): per expert and per group, assignments by type and courses
completed, as CSV and XLSX, with formula-like names written as text."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from osallisuus.accounts.tests.factories import UserFactory, user_with_role
from osallisuus.experts import group_services, services
from osallisuus.experts.models import AssignmentType as Type
from osallisuus.experts.tests.factories import make_profile, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _world(coordinator):
    profile = make_profile(user=UserFactory(first_name="=HYPERLINK(1)", last_name="Virtanen"))
    group = group_services.create_group(
        by=coordinator,
        name="Perhekeskuksen ryhmä",
        owner_kind="county",
        owner_name="Hyvinvointialue",
        home_base="Perhekeskus",
        coordinator=coordinator,
        support_person=coordinator,
        members=[profile],
    )
    request = make_request(assignment_type=Type.QUALITY_MONITOR)
    group_services.give_request_to_group(
        request=request, group=group, by=coordinator, members=[profile]
    )
    services.answer_invitation(invitation=request.invitations.get(), accept=True)
    services.record_training(
        profile=profile,
        by=coordinator,
        course="Laadunvalvojan perehdytys",
        organiser="Hyvinvointialue",
        date=datetime.date(2026, 1, 5),
        qualifies_for=[Type.QUALITY_MONITOR],
    )
    return profile, group


def test_the_report_counts_assignments_by_type_and_courses_per_expert_and_group(client_as):
    coordinator = client_as("coordinator")
    _world(coordinator.user)
    column = 2 + list(Type.values).index(Type.QUALITY_MONITOR)

    body = coordinator.get(
        reverse("experts:work_report", kwargs={"kind": "asiantuntijat", "fmt": "csv"})
    ).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][0] == "'=HYPERLINK(1) Virtanen"
    assert rows[1][column] == "1"
    assert rows[1][-1] == "1"

    response = coordinator.get(
        reverse("experts:work_report", kwargs={"kind": "ryhmat", "fmt": "xlsx"})
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    group_column = 4 + list(Type.values).index(Type.QUALITY_MONITOR)
    assert values[1][0] == "Perhekeskuksen ryhmä"
    assert values[1][group_column] == 1
    assert values[1][-1] == 1


def test_only_coordinators_get_the_report(client_as):
    _world(user_with_role("coordinator"))
    staff = client_as("staff")
    url = reverse("experts:work_report", kwargs={"kind": "ryhmat", "fmt": "csv"})
    assert staff.get(url).status_code == 404
