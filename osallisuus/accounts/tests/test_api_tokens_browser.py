"""The API token page in a browser: make a token, see it once, revoke it; axe in every language."""

import pytest

from osallisuus.accounts.models import ApiToken
from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_coordinator_makes_and_revokes_a_token(page, live_server, axe_violations, language):
    user = user_with_role("coordinator")
    sign_in_browser(page, live_server, user, language=language)
    page.goto("/tili/tunnukset/")
    assert axe_violations(page) == []

    page.locator("#id_days").fill("400")
    page.locator("form[aria-labelledby=new-token-form] button[type=submit]").click()
    assert page.locator(".error-summary a[href='#id_days']").is_visible()
    assert page.locator("#id_days_error").is_visible()
    assert axe_violations(page) == []

    page.locator("#id_name").fill("Raportointi")
    page.locator("#id_days").fill("30")
    page.locator("form[aria-labelledby=new-token-form] button[type=submit]").click()
    secret = page.locator("code.secret").inner_text()
    assert secret.startswith("Token ")
    assert axe_violations(page) == []

    page.locator("table button[type=submit]").click()
    page.locator("table button[type=submit]").wait_for(state="detached")  # the row says revoked
    assert page.locator("code.secret").count() == 0
    assert ApiToken.objects.get(user=user).revoked_at is not None
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_token_page_fits_a_320_px_phone_with_the_secret_shown(page, live_server, language):
    page.set_viewport_size({"width": 320, "height": 640})
    user = user_with_role("coordinator")
    sign_in_browser(page, live_server, user, language=language)
    page.goto("/tili/tunnukset/")
    page.locator("#id_name").fill("Raportointi")
    page.locator("form[aria-labelledby=new-token-form] button[type=submit]").click()
    assert page.locator("code.secret").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow} px wider than the phone"
