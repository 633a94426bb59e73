"""Developer-group pages in a real browser, checked with axe in Finnish, Swedish and English:
a coordinator forms a group, records a step out of order (refused) and in order, by keyboard;
the pages fit a 320 px phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.experts.models import DeveloperGroup, Stage
from osallisuus.experts.tests.factories import make_profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_coordinator_forms_a_group_and_records_its_steps_in_order(
    page, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator", unit=unit)
    member = make_profile()
    sign_in_browser(page, live_server, coordinator, language=language)

    page.goto("/kokemusasiantuntijat/ryhmat/")
    assert axe_violations(page) == []
    page.locator("a[href='/kokemusasiantuntijat/ryhmat/uusi/']").click()
    page.locator("#id_name").fill("Perhekeskuksen kehittäjäryhmä")
    page.locator("input[name=owner_kind][value=county]").check()
    page.locator("#id_owner_name").fill("Hyvinvointialue")
    page.locator("button.primary").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == []
    page.locator("#id_home_base").fill("Perhekeskus")
    page.locator("#id_coordinator").select_option(str(coordinator.pk))
    page.locator("#id_support_person").select_option(str(coordinator.pk))
    page.locator(f"input[name=members][value='{member.pk}']").check()
    page.locator("button.primary").click()
    page.locator("#steps-heading").wait_for()
    assert axe_violations(page) == []
    group = DeveloperGroup.objects.get()

    # Out of order: refused beside the field; then the next step, by keyboard.
    page.locator("#id_step-stage").select_option(Stage.CONTRACT)
    page.locator("#id_step-reached_on").fill("2026-02-01")
    page.locator("form[action$='/vaihe/'] button").focus()
    page.keyboard.press("Enter")
    page.locator(".error-summary a[href='#id_step-stage']").wait_for()
    assert axe_violations(page) == []
    group.refresh_from_db()
    assert group.stage == Stage.FORMING
    page.locator("#id_step-stage").select_option(Stage.TRAINING)
    page.locator("#id_step-reached_on").fill("2099-02-01")
    page.locator("form[action$='/vaihe/'] button").focus()
    page.keyboard.press("Enter")
    page.locator("#steps-heading").wait_for()
    group.refresh_from_db()
    assert group.stage == Stage.TRAINING


def partner_group(coordinator, members):
    """A partner organisations' group with a long name (for the phone-width checks)."""
    from osallisuus.experts import group_services

    return group_services.create_group(
        by=coordinator,
        name="Vammaisneuvoston ja järjestöjen yhteinen kehittäjäasiakasryhmä",
        owner_kind="partner",
        owner_name="Vammaisjärjestöjen yhteistyöverkosto",
        home_base="Järjestötalo",
        coordinator=coordinator,
        support_person=coordinator,
        members=members,
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_group_pages_fit_a_320_px_phone(page, live_server, unit, language):

    page.set_viewport_size({"width": 320, "height": 640})
    coordinator = user_with_role("coordinator", unit=unit)
    group = partner_group(coordinator, [make_profile()])
    sign_in_browser(page, live_server, coordinator, language=language)
    for address in (
        "/kokemusasiantuntijat/ryhmat/",
        "/kokemusasiantuntijat/ryhmat/uusi/",
        group.get_absolute_url(),
    ):
        page.goto(address)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address}: {overflow} px wider than the phone"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_member_opens_their_group_from_their_page(page, live_server, axe_violations, language):

    coordinator = user_with_role("coordinator")
    member = make_profile()
    group = partner_group(coordinator, [member, make_profile()])
    sign_in_browser(page, live_server, member.user, language=language)
    page.goto("/kokemusasiantuntijat/omat/")
    assert axe_violations(page) == []
    page.locator(f"a[href='/kokemusasiantuntijat/omat/ryhmat/{group.pk}/']").focus()
    page.keyboard.press("Enter")
    page.locator("#members-heading").wait_for()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
