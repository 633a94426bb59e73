"""A newcomer on a phone without JavaScript signs up, verifies from the development outbox and
applies to the pool; the coordinator sees the application. axe on every page of the way in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from osallisuus.accounts.models import User
from osallisuus.accounts.participants.services import Address, request_sign_in
from osallisuus.accounts.services import create_participant
from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.experts.models import ExpertProfile
from osallisuus.notifications.models import OutboxMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser: Any, live_server: Any, settings: Any) -> Iterator[Any]:
    """A 320 px phone without JavaScript, in English; links in e-mail lead to the test server."""
    settings.SITE_URL = live_server.url
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
        is_mobile=True,
        locale="en-GB",
    )
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    yield page
    context.close()


def fits(page: Any) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url}: {overflow} px wider than the phone"


def open_from_outbox(page: Any, text: str) -> str:
    """The body of the newest message in the development outbox whose subject or text has it."""
    page.goto("/dev/outbox/")
    page.get_by_role("link", name=re.compile(text)).first.click()
    return str(page.locator("pre.message-body").inner_text())


def apply_and_check_the_coordinator_sees(page: Any, browser: Any, live_server: Any, name: str):
    assert page.url.endswith("/kokemusasiantuntijat/hae/")
    fits(page)
    page.get_by_role("button", name="Send application").click()
    page.get_by_text("The coordinator will contact you").wait_for()
    assert ExpertProfile.objects.get().user.get_full_name() == name

    coordinator = browser.new_context(base_url=live_server.url)
    tab = coordinator.new_page()
    sign_in_browser(tab, live_server, user_with_role("coordinator"), language="en")
    tab.goto("/kokemusasiantuntijat/koordinointi/hakijat/")
    assert tab.get_by_role("link", name=name).is_visible()
    coordinator.close()


def test_a_newcomer_signs_up_by_email_verifies_by_the_link_and_applies(phone, browser, live_server):
    phone.goto("/kokemusasiantuntijat/")
    phone.get_by_role("link", name="Create an account and apply").click()
    fits(phone)
    phone.get_by_label("E-mail address or mobile phone number").fill("aino.uusi@example.org")
    phone.get_by_label("First name (optional)").fill("Aino")
    phone.get_by_label("Last name (optional)").fill("Uusi")
    phone.get_by_label("Language of my messages").select_option("en")
    phone.get_by_label("I agree that my e-mail address").check()
    phone.get_by_role("button", name="Create an account").click()
    phone.get_by_role("heading", name="Type the code").wait_for()
    fits(phone)

    body = open_from_outbox(phone, "Confirm your e-mail address")
    link = re.search(r"http\S+/tili/linkki/\S+", body).group(0)
    phone.goto(link)
    fits(phone)
    phone.get_by_role("button", name="Continue").click()
    apply_and_check_the_coordinator_sees(phone, browser, live_server, "Aino Uusi")
    assert User.objects.get(email="aino.uusi@example.org").verified_at is not None


def test_a_newcomer_signs_up_by_phone_types_the_texted_code_and_applies(
    phone, browser, live_server
):
    phone.goto("/kokemusasiantuntijat/")
    phone.get_by_role("link", name="Create an account and apply").click()
    phone.get_by_label("E-mail address or mobile phone number").fill("040 765 4321")
    phone.get_by_label("First name (optional)").fill("Bo")
    phone.get_by_label("Last name (optional)").fill("Nyman")
    phone.get_by_label("I agree that my e-mail address").check()
    phone.get_by_role("button", name="Create an account").click()
    code_page = phone.url

    body = open_from_outbox(phone, "Your Osallisuus code is")
    code = re.search(r"\b(\d{6})\b", body).group(1)
    phone.goto(code_page)
    phone.get_by_label("Code").fill(code)
    phone.get_by_role("button", name="Sign in").click()
    apply_and_check_the_coordinator_sees(phone, browser, live_server, "Bo Nyman")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_way_in_has_no_axe_violations_and_fits_a_phone(
    page, live_server, axe_violations, settings, language
):
    settings.SITE_URL = live_server.url
    page.set_viewport_size({"width": 320, "height": 640})
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    # Rate-limit counters outlive a transactional test: an address of its own per language.
    email = f"osallistuja-{language}@example.org"
    participant = create_participant(email=email, verified=True)
    request_sign_in(address=Address(email=participant.email), client="test")
    body = OutboxMessage.objects.get(recipient=participant.email).body
    link = re.search(r"/tili/linkki/\S+", body).group(0)

    def check(path: str, *, submit: bool = False) -> None:
        if path:
            page.goto(path)
        if submit:  # an empty form: the error summary and the field errors are checked too
            page.locator("main form button[type=submit]").click()
            page.locator(".error-summary").wait_for()
        assert axe_violations(page) == [], page.url
        fits(page)

    check("/tili/kirjaudu/?next=/kokemusasiantuntijat/hae/")
    check("/tili/liity/")
    check("", submit=True)
    check("/tili/kirjaudu/koodilla/")
    check("", submit=True)
    page.locator("main input[name=address]").fill(email)
    page.locator("main form button[type=submit]").click()
    page.locator("input[name=code]").wait_for()
    check("")
    check("", submit=True)
    check(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/$"))
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    check(link)  # used: the page saying so
