"""Browser checks of the pool's kinds of work (#17): axe in fi, sv and en on a 320 px phone."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.tests.factories import project_with_workshop
from osallisuus.experts.models import AssignmentType, TypeRequirement
from osallisuus.experts.tests.factories import assignment_with_claim, make_profile, make_request
from osallisuus.experts.tests.test_browser import page_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 320, "height": 640}


def check(page, path, axe_violations):
    """The page has no axe violations and is no wider than the phone."""
    page.goto(path)
    assert axe_violations(page) == [], path
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path}: {overflow} px wider than the phone"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_types_of_assignment_on_a_phone(browser, live_server, unit, axe_violations, language):
    trail = assignment_with_claim()
    TypeRequirement.objects.create(assignment_type=AssignmentType.COLLECTOR, course="Keruu")
    collecting = make_request(assignment_type=AssignmentType.COLLECTOR, unit=unit)
    coordinator = page_as(browser, live_server, user_with_role("coordinator"), language)
    coordinator.set_viewport_size(PHONE)
    for path in [
        "/kokemusasiantuntijat/pyynnot/?tyyppi=collector",
        f"/kokemusasiantuntijat/pyynnot/{collecting.pk}/",
        f"/kokemusasiantuntijat/koordinointi/henkilot/{trail['expert_profile'].pk}/",
    ]:
        check(coordinator, path, axe_violations)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_pool_and_co_development_on_a_phone(
    browser, live_server, unit, axe_violations, language
):
    """The group page's way to the pool, the project's request form, the request that names
    its project, and the profile form with the date of the latest service use."""
    setup = project_with_workshop(unit)
    asked = make_request(by=setup.facilitator, unit=unit, project=setup.project)
    facilitator = page_as(browser, live_server, setup.facilitator, language)
    facilitator.set_viewport_size(PHONE)
    for path in [
        reverse("codevelopment:group", kwargs={"pk": setup.project.pk}),
        reverse("experts:project_request", kwargs={"project_pk": setup.project.pk}),
        asked.get_absolute_url(),
    ]:
        check(facilitator, path, axe_violations)
    expert = make_profile(last_service_use=datetime.date(2026, 5, 4))
    own = page_as(browser, live_server, expert.user, language)
    own.set_viewport_size(PHONE)
    check(own, reverse("experts:edit_profile"), axe_violations)
    assert own.locator("input[type=date][value='2026-05-04']").count() == 1
