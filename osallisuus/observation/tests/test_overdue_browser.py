"""The overdue-findings sections in a real browser: the unit manager's list of visits and the
deciding body's briefing pass axe in fi, sv and en and fit a 320 px wide phone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser
from osallisuus.trail.briefings.services import build_briefing
from osallisuus.trail.models import Briefing

from .test_overdue_findings import _reported_visit, deciding_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_overdue_findings_pages_pass_axe_on_a_phone(
    page, live_server, axe_violations, make_user, unit, language
):
    visit, _late, _answered, manager = _reported_visit(unit)
    body = deciding_body(unit, make_user)
    member = body.member
    today = visit.answer_due + timedelta(days=1)
    build_briefing(body=body, month=date(2026, 11, 1), today=today, send=False)
    briefing = Briefing.objects.get(body=body)

    page.set_viewport_size({"width": 320, "height": 800})
    for user, path in ((manager, "/havainnointi/"), (member, f"/katsaukset/{briefing.pk}/")):
        sign_in_browser(page, live_server, user, language=language)
        page.goto(live_server.url + path)
        page.locator("#overdue-findings").wait_for()
        assert axe_violations(page) == [], path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path}: {overflow} px too wide"
