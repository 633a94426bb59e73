"""The draw-by-lot pages in a browser: a participant volunteers by keyboard, the coordinator
draws, and the public draw page passes axe in fi, sv and en on a 320 px phone."""

from __future__ import annotations

import datetime

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import GroupKind, Volunteer
from osallisuus.organisation.models import Municipality

from .test_browser import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIGN_UP = {
    "fi": "Ilmoittaudu arvontaan",
    "sv": "Anmäl dig till lottningen",
    "en": "Sign up for the draw",
}
DRAW = {"fi": "Arvo", "sv": "Lotta", "en": "Draw"}


def _check(page, axe_violations, path):
    assert axe_violations(page) == [], path
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow} px wider than the phone {page.evaluate(WIDE)}"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_volunteering_and_the_draw_pages_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    organiser = unit.producer.organiser
    place = Municipality.objects.create(organiser=organiser, code="902", name_fi="Koskenkylä")
    group = services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.RESIDENT_PANEL,
        name_fi="Asukasraati",
        name_sv="Invånarpanelen",
        name_en="Residents' panel",
        term_starts=datetime.date(2026, 1, 1),
        drawn_by_lot=True,
    )
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, user_with_role("resident"), language=language)
    path = f"/ryhmat/{group.pk}/ilmoittaudu/"
    page.goto(path)
    _check(page, axe_violations, path)
    page.locator("input[name=age_band][value='30_64']").check()
    page.locator("#id_municipality").select_option(str(place.pk))
    page.get_by_role("button", name=SIGN_UP[language]).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ryhmat/{group.pk}/arvonta/")
    assert Volunteer.objects.filter(group=group).count() == 1

    sign_in_browser(page, live_server, user_with_role("coordinator"), language=language)
    path = f"/ryhmat/{group.pk}/arvonta/uusi/"
    page.goto(path)
    _check(page, axe_violations, path)
    page.locator("#id_seed").fill("4711")
    page.locator("#id_size").fill("1")
    page.get_by_role("button", name=DRAW[language], exact=True).click()
    page.wait_for_url(f"**/ryhmat/{group.pk}/arvonta/")
    assert "4711" in page.locator("main").inner_text()
    page.locator("main details summary").click()
    _check(page, axe_violations, page.url)
