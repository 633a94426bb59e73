"""One's own page in a real browser: axe in Finnish, Swedish and English with every section
filled, the error summary, the closing page, and a 320 px wide phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import UserFactory, sign_in_browser, user_with_role
from osallisuus.feedback.services import link_to_account

from .participants import answered_feedback, paid_assignment, registered_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def busy_participant(unit):
    """An expert by experience with an assignment, a group with a meeting and followed feedback."""
    setup = registered_member(unit)
    person = setup.client
    paid_assignment(person, user_with_role("coordinator"))
    feedback = answered_feedback(unit, user_with_role("staff", unit=unit))
    link_to_account(code=feedback.reply_code, account=person)
    return person, feedback


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_page_and_its_forms_pass_axe(page, live_server, axe_violations, unit, language):
    person, feedback = busy_participant(unit)
    sign_in_browser(page, live_server, person, language=language)
    page.goto("/oma/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_text(feedback.reply_code).first.is_visible()
    assert axe_violations(page) == []

    # A wrong reply code: the error beside the field and in the summary, still accessible.
    page.locator("#link-reply_code").fill("ABCD-EFGH")
    page.locator("#link-reply_code").press("Enter")
    page.locator(".error-summary a[href='#link-reply_code']").wait_for()
    assert page.locator("#link-reply_code_error").is_visible()
    assert axe_violations(page) == []

    # Notification settings by keyboard and mouse: saved, and the page says so.
    page.locator("#notices-preferred_language_1").check()
    page.locator("#notices-notify_daily_1").check()
    page.locator("form[action$='/ilmoitukset/'] button").click()
    page.locator(".message-success").wait_for()
    person.refresh_from_db()
    assert (person.preferred_language, person.notify_daily) == ("sv", True)
    assert axe_violations(page) == []

    page.goto("/oma/sulje/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_an_empty_page_and_a_staff_members_closing_page_pass_axe(
    page, live_server, axe_violations, unit, language
):
    sign_in_browser(page, live_server, UserFactory(), language=language)
    page.goto("/oma/")
    assert axe_violations(page) == []
    staff = user_with_role("staff", unit=unit)
    page.context.clear_cookies()
    sign_in_browser(page, live_server, staff, language=language)
    page.goto("/oma/sulje/")
    assert page.locator("form button.primary").count() == 0
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_pages_fit_a_320_px_phone(page, live_server, unit, language):
    page.set_viewport_size({"width": 320, "height": 640})
    person, _feedback = busy_participant(unit)
    sign_in_browser(page, live_server, person, language=language)
    for address in ("/oma/", "/oma/sulje/"):
        page.goto(address)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address}: {overflow} px wider than the phone"


def test_closing_in_the_browser_signs_out_for_good(page, live_server, unit):
    person, _feedback = busy_participant(unit)
    sign_in_browser(page, live_server, person, language="en")
    page.goto("/oma/")
    page.get_by_role("link", name="Close my account").click()
    page.get_by_role("button", name="Close my account for good").click()
    page.get_by_text("Your account is closed and your personal data erased.").wait_for()
    person.refresh_from_db()
    assert not person.is_active
    page.goto("/oma/")
    assert "/tili/kirjaudu/" in page.url
