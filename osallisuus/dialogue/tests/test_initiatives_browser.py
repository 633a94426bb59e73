"""The panel's initiative pages in a browser: the secretary raises a need by keyboard, the
service's staff see it overdue; every page passes axe in fi, sv and en on a 320 px phone."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.dialogue.models import Initiative

from .factories import panel_for, secretary_of
from .test_browser import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEND = {"fi": "Lähetä aloite", "sv": "Skicka initiativet", "en": "Send the initiative"}
OVERDUE = {"fi": "Vastaus myöhässä", "sv": "Svaret är försenat", "en": "Answer overdue"}


def _fits(page, path):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow} px wider than the phone {page.evaluate(WIDE)}"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_secretary_raises_a_need_by_keyboard_and_the_pages_pass_axe(
    page, live_server, axe_violations, unit, language
):
    group = panel_for(unit)
    secretary = secretary_of(group)
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, secretary, language=language)
    path = f"/ryhmat/{group.pk}/aloite/"
    page.goto(path)
    assert axe_violations(page) == [], path
    _fits(page, path)
    due = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label(
        {"fi": "Kehittämistarve", "sv": "Utvecklingsbehov", "en": "Development need"}[language]
    ).fill("Iltavastaanotto")
    page.locator("#id_answer_wanted_by").fill(due.isoformat())
    page.locator("#id_service").select_option(str(unit.service.pk))
    page.get_by_role("button", name=SEND[language]).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ryhmat/aloite/*/")
    initiative = Initiative.objects.get()
    assert axe_violations(page) == [], page.url
    _fits(page, page.url)

    # Late: the service's staff see it overdue and answer it on the same page.
    Initiative.objects.filter(pk=initiative.pk).update(
        answer_wanted_by=timezone.localdate() - datetime.timedelta(days=2)
    )
    sign_in_browser(page, live_server, user_with_role("staff", unit=unit), language=language)
    path = f"/ryhmat/aloite/{initiative.pk}/"
    page.goto(path)
    assert OVERDUE[language] in page.locator("main").inner_text()
    assert axe_violations(page) == [], path
    _fits(page, path)
