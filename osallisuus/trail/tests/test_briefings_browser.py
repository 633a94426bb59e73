"""Briefings in a real browser: the member's list and a built briefing pass axe in Finnish,
Swedish and English, work by keyboard (a take-up button names its line) and fit a 320 px
wide phone."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.complaints.tests.factories import county_takes_objections, handled_objections
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.reports.services import rebuild_rollups
from osallisuus.reports.tests.factories import make_feedback
from osallisuus.trail.matters.services import create_matter
from osallisuus.trail.models import Briefing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def a_built_briefing(unit):
    """A committee whose November briefing holds a rising safety theme, an undecided matter and
    objection figures (one group shown, one too small); returns the briefing and its reader."""
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(),
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
        name_sv="Social- och hälsovårdsnämnden",
        name_en="Social and Health Committee",
    )
    member = user_with_role("decision_maker")
    body.members.add(member)
    october = datetime(2026, 10, 10, 12, 0, tzinfo=UTC)
    november = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    make_feedback(unit, received_at=october, text="Lääkkeet sekaisin", themes=["safety"])
    for _ in range(12):
        make_feedback(unit, received_at=november, text="Lääkelista oli väärin", themes=["safety"])
    rebuild_rollups()
    county_takes_objections()
    handled_objections(unit, 5, received_at=november, answered_after_days=8)
    handled_objections(unit, 1, received_at=november, concern="social")
    manager = user_with_role("unit_manager", unit=unit)
    create_matter(
        by=manager,
        title="Lääkelistojen tarkistus vastaanotolla ennen jokaista reseptin uusimista",
        summary="Asiakkaat kertovat vääristä lääkelistoista.",
        carrier=manager,
        target_body=body,
        unit=unit,
    )
    call_command("build_briefings", "--month", "2026-11", stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime
    return Briefing.objects.get(), member


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_briefing_pages_pass_axe_and_fit_a_phone(
    page, live_server, axe_violations, unit, language
):
    briefing, member = a_built_briefing(unit)
    sign_in_browser(page, live_server, member, language=language)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("/katsaukset/", f"/katsaukset/{briefing.pk}/"):
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == language
            assert axe_violations(page) == [], (path, width)
            if path != "/katsaukset/":
                assert page.locator("#complaints ~ ul dl.figures").count() == 1
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path}: {overflow} px wider than {width}"


def test_a_member_takes_a_service_line_up_by_keyboard(page, live_server, unit):
    briefing, member = a_built_briefing(unit)
    sign_in_browser(page, live_server, member, language="fi")
    page.goto(live_server.url + f"/katsaukset/{briefing.pk}/")
    button = page.get_by_role("button", name=re.compile(r"^Ota käsittelyyn\W+Terveysasemat$"))
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/asiat/" in page.url
    assert "Terveysasemat" in page.locator("main h1").inner_text()
