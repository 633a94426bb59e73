"""The user-seat pages in a browser: the register, a new seat with an error, and a meeting's
attendance pass axe in fi, sv and en and fit a 320 px phone."""

from __future__ import annotations

import datetime

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.dialogue import services
from osallisuus.experts.tests.factories import make_profile
from osallisuus.organisation.models import DecisionBody

from .test_browser import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ERROR = {
    "fi": "Nimeä haltijan tukihenkilö.",
    "sv": "Ange innehavarens stödperson.",
    "en": "Name the holder's support person.",
}


def _fits_and_passes_axe(page, axe_violations, path):
    assert axe_violations(page) == [], path
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow} px wider than the phone {page.evaluate(WIDE)}"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_seat_pages_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator")
    board = DecisionBody.objects.create(
        organiser=unit.producer.organiser,
        kind=DecisionBody.Kind.REGIONAL_BOARD,
        name_fi="Hyvinvointialueen aluehallitus",
        name_sv="Välfärdsområdets områdesstyrelse",
        name_en="The county's regional board",
    )
    seat = services.create_user_seat(
        by=coordinator,
        body=board,
        holder_kind="expert",
        holder_name="Kaisa Kokemus",
        expert=make_profile(),
        proposed_by="Kokemusasiantuntijaverkosto",
        support_person="Tuula Tukija",
        term_starts=datetime.date(2026, 1, 1),
    )
    services.record_seat_attendance(
        by=coordinator, body=board, held_on=datetime.date(2026, 2, 2), present=[seat]
    )
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, coordinator, language=language)

    page.goto("/ryhmat/kayttajapaikat/")
    assert "Kaisa Kokemus" in page.locator("main").inner_text()
    _fits_and_passes_axe(page, axe_violations, "register")

    page.goto("/ryhmat/kayttajapaikat/uusi/")
    _fits_and_passes_axe(page, axe_violations, "new seat")
    page.locator("select[name=body]").select_option(str(board.pk))
    page.locator("input[name=holder_kind][value=user_representative]").check()
    page.locator("input[name=holder_name]").fill("Ville Edustaja")
    page.locator("input[name=proposed_by]").fill("Vammaisneuvosto")
    page.locator("input[name=term_starts]").fill("2026-01-01")
    page.locator("main button.primary").click()
    assert ERROR[language] in page.locator("main").inner_text()
    _fits_and_passes_axe(page, axe_violations, "new seat with errors")

    page.goto(f"/ryhmat/kayttajapaikat/elin/{board.pk}/kokous/")
    _fits_and_passes_axe(page, axe_violations, "attendance")
