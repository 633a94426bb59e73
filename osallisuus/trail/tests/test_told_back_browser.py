"""The status page with what was done and decided: axe finds nothing in fi, sv and en, and it
fits a 320 px phone."""

import pytest

from osallisuus.trail.tests.test_told_back import DECISION_SV, an_action_and_a_decision, give

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_status_page_with_outcomes_is_accessible_and_fits_a_phone(
    page, live_server, axe_violations, language, unit, make_user
):
    feedback = give(unit, language="sv")
    an_action_and_a_decision(unit, make_user("staff"), feedback)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"/palaute/seuraa/{feedback.reply_code}/")
    assert page.get_by_text(DECISION_SV).is_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
