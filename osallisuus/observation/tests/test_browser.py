"""Observation visits in a browser: the quality monitor writes findings (an identity code is
refused beside the field), sends the report, and the unit manager answers by keyboard; every
page passes axe in fi, sv and en on a 320 px phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.dialogue.tests.test_browser import WIDE
from osallisuus.observation import services
from osallisuus.observation.models import Finding

from . import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_monitor_writes_findings_and_the_manager_answers_by_keyboard(
    page, live_server, axe_violations, unit
):
    coordinator = user_with_role("coordinator")
    visit = f.visit(unit=unit, coordinator=coordinator)
    observer = visit.observers.first()
    manager = user_with_role("unit_manager", unit=unit)
    sign_in_browser(page, live_server, observer)
    page.goto(visit.get_absolute_url())
    page.get_by_role("link", name="Lisää havainto").click()
    page.get_by_label("Osa-alue").select_option("waiting")
    page.get_by_label("Tarvitsee parantamista").check()
    page.get_by_label("Kuvaus").fill(f"Jonossa huudettiin tunnus {f.HETU}.")
    page.get_by_role("button", name="Tallenna havainto").click()
    assert "henkilötunnus" in page.locator(".field-error").first.inner_text()
    assert axe_violations(page) == []
    assert not Finding.objects.exists()
    page.get_by_label("Kuvaus").fill("Vuoronumeronäyttö ei näy pyörätuolista.")
    page.get_by_role("button", name="Tallenna havainto").click()
    page.get_by_text("Havainto tallennettiin.").wait_for()
    page.get_by_role("button", name="Lähetä raportti yksikölle").click()
    page.get_by_text("Raportti lähetettiin yksikölle.").wait_for()
    finding = Finding.objects.get()
    assert finding.visit.status == "reported"

    sign_in_browser(page, live_server, manager)
    page.goto(finding.get_absolute_url())
    page.get_by_role("radio", name="Perustelut, miksi mitään ei muuteta").focus()
    page.keyboard.press("Space")
    page.get_by_role("textbox", name="Perustelut, miksi mitään ei muuteta").focus()
    page.keyboard.type("Näyttöjä lisätään ensi kuussa matalalle tasolle.")
    page.get_by_role("button", name="Tallenna vastaus").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Vastauksesi tallennettiin.").wait_for()
    finding.refresh_from_db()
    assert finding.status == "answered"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_visit_pages_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator")
    draft = f.visit(unit=unit, coordinator=coordinator)
    reported = f.visit(unit=unit, coordinator=coordinator, observer=draft.observers.first())
    finding = f.finding(reported)
    services.send_report(by=coordinator, visit=reported)
    manager = user_with_role("unit_manager", unit=unit)
    page.set_viewport_size({"width": 320, "height": 640})
    pages = {
        coordinator: [
            "/havainnointi/",
            "/havainnointi/pohjat/",
            reported.template.get_absolute_url(),
            "/havainnointi/uusi/",
        ],
        draft.observers.first(): [
            draft.get_absolute_url(),
            f"/havainnointi/{draft.pk}/havainto/",
        ],
        manager: [reported.get_absolute_url(), finding.get_absolute_url()],
    }
    for user, paths in pages.items():
        sign_in_browser(page, live_server, user, language=language)
        for path in paths:
            page.goto(path)
            assert axe_violations(page) == [], path
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path}: {overflow} px too wide {page.evaluate(WIDE)}"
