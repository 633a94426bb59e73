"""Browser: the search page, its filters, its results and its error summary have no axe
violations in Finnish, Swedish and English, fit a 320 px phone and work from the keyboard."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESULTS = {"fi": "2 hakutulosta", "sv": "2 sökträffar", "en": "2 search results"}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_search_page_is_accessible_and_fits_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    for text in (
        "Ajanvarausjärjestelmä kaatui taas, enkä saanut aikaa hammaslääkärille.",
        "Ajanvarauksen jonotusaika oli pitkä.",
    ):
        submit_feedback(FeedbackInput(unit=unit, text=text))
    sign_in_browser(page, live_server, user_with_role("staff", unit=unit), language=language)
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto("/haku/")
    assert axe_violations(page) == []
    assert overflow(page) <= 0
    # The filters open from the keyboard and fit the phone too.
    page.locator(".search-filters summary").focus()
    page.keyboard.press("Enter")
    assert page.locator("#id_until").is_visible()
    assert axe_violations(page) == []
    assert overflow(page) <= 0

    # Words typed and Enter pressed: the results, without any script of ours.
    page.locator("#id_q").fill("ajanvaraus")
    page.locator("#id_q").press("Enter")
    page.wait_for_url("**q=ajanvaraus**")
    assert page.locator("#results").text_content().strip() == RESULTS[language]
    assert page.locator(".search-results li").count() == 2
    assert axe_violations(page) == []
    assert overflow(page) <= 0

    # A bad period: the error summary and the error beside the field, still accessible.
    page.goto("/haku/?q=ajanvaraus&since=2026-05-01&until=2026-04-01")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_until_error").is_visible()
    assert axe_violations(page) == []
    assert overflow(page) <= 0
