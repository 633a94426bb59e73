"""A co-development project's page lists its evaluations (status and link) to those who may see
them (issue 17 item 5): coordinators and the evaluation's evaluators; the project's facilitator
who is not an evaluator sees none."""

from __future__ import annotations

import datetime

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.evaluation import services

from . import factories as f

pytestmark = pytest.mark.django_db


def _setup(unit):
    coordinator = user_with_role("coordinator")
    facilitator = user_with_role("staff", unit=unit)
    project = f.project(by=facilitator, unit=unit)
    staff_evaluator = user_with_role("staff", unit=unit)
    open_one = services.set_up(
        by=coordinator, title="Kevään arviointi", project=project, evaluators=[staff_evaluator]
    )
    concluded = services.set_up(
        by=coordinator, title="Syksyn arviointi", project=project, evaluators=[coordinator]
    )
    services.conclude(
        by=coordinator,
        evaluation=concluded,
        conclusion="Jatketaan.",
        meeting_date=datetime.date(2026, 11, 20),
    )
    return coordinator, facilitator, staff_evaluator, project, open_one, concluded


def test_the_project_page_lists_the_evaluations_the_reader_may_see(client, login, unit):
    coordinator, facilitator, _staff_evaluator, project, open_one, concluded = _setup(unit)
    url = f"/yhteiskehittaminen/{project.pk}/"

    login(coordinator)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert f'href="{open_one.get_absolute_url()}"' in page
    assert f'href="{concluded.get_absolute_url()}"' in page
    assert "Kevään arviointi</a> – arvioitavana" in page
    assert "Syksyn arviointi</a> – päätetty" in page

    # The facilitator runs the project but evaluates nothing: no evaluation is shown.
    login(facilitator)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert open_one.get_absolute_url() not in page
    assert "Kevään arviointi" not in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_project_page_with_evaluations_passes_axe(
    page, live_server, axe_violations, unit, language
):
    coordinator, *_rest, project, open_one, _concluded = _setup(unit)
    sign_in_browser(page, live_server, coordinator, language=language)
    page.goto(f"/yhteiskehittaminen/{project.pk}/")
    page.locator(f"a[href='{open_one.get_absolute_url()}']").wait_for()
    assert axe_violations(page) == []
    page.locator(f"a[href='{open_one.get_absolute_url()}']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{open_one.get_absolute_url()}")
