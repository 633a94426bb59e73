"""Self-monitoring summary pages in a real browser: the list with overdue units, a unit
manager publishing (first refused without reasons), the public page; axe in fi, sv and en and
a 320 px phone."""

from __future__ import annotations

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.reports.models import SelfMonitoringPublication
from osallisuus.reports.self_monitoring.selectors import last_ended

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_unit_manager_publishes_the_summary_and_anyone_reads_it(
    page, live_server, axe_violations, unit, language
):
    manager = user_with_role("unit_manager", unit=unit)
    period = last_ended()
    sign_in_browser(page, live_server, manager, language=language)

    page.goto("/raportit/omavalvonta/")
    page.locator("#overdue-heading").wait_for()
    assert axe_violations(page) == []
    page.locator(f"a[href='/raportit/omavalvonta/{unit.code}/{period.slug}/']").first.click()
    page.locator("#publish-heading").wait_for()
    assert axe_violations(page) == []
    page.locator("#publish-heading ~ form button.primary").click()
    page.locator(".error-summary a[href='#id_comment']").wait_for()
    assert axe_violations(page) == []
    assert not SelfMonitoringPublication.objects.exists()

    page.locator("#id_comment").fill("Palaute oli myönteistä, emme muuttaneet mitään.")
    page.locator("#publish-heading ~ form button.primary").click()
    page.locator("a[href$='/julkinen/" + f"{unit.code}/{period.slug}/']").first.wait_for()
    assert SelfMonitoringPublication.objects.count() == 1

    page.goto(f"/raportit/omavalvonta/julkinen/{unit.code}/{period.slug}/")
    page.locator("#changes-heading").wait_for()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_summary_pages_fit_a_320_px_phone(page, live_server, unit, language):
    page.set_viewport_size({"width": 320, "height": 640})
    coordinator = user_with_role("coordinator", unit=unit)
    period = last_ended()
    SelfMonitoringPublication.objects.create(
        unit=unit,
        year=period.year,
        part=period.part,
        comment="Ajanvarausjärjestelmän takaisinsoittotoiminnallisuus otettiin käyttöön.",
        published_at=timezone.now(),
        published_by=coordinator,
    )
    sign_in_browser(page, live_server, coordinator, language=language)
    for address in (
        "/raportit/omavalvonta/",
        f"/raportit/omavalvonta/{unit.code}/{period.slug}/",
        f"/raportit/omavalvonta/julkinen/{unit.code}/{period.slug}/",
    ):
        page.goto(address)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address}: {overflow} px wider than the phone"
