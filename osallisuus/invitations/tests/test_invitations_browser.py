"""Invitations in a browser: the coordinator's page, the link's page, the closed and declined
pages; axe in every language, keyboard use, and a 320 px phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from osallisuus.accounts.models import User
from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.codevelopment.models import Member
from osallisuus.invitations.models import Kind
from osallisuus.invitations.services import invite, withdraw
from osallisuus.notifications.models import OutboxMessage

from .factories import project_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://[^\s]+(/kutsut/avaa/[^\s/]+/)")
ACCEPT = {"fi": "Hyväksyn", "sv": "Jag tackar ja", "en": "I accept"}
DECLINE = {"fi": "Ei kiitos", "sv": "Nej tack", "en": "No, thank you"}


def anonymous_page(browser, live_server, language):
    context = browser.new_context(locale="fi-FI", base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    return context.new_page()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_coordinator_invites_and_the_newcomer_accepts_by_keyboard(
    page, browser, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator")
    project = project_of(coordinator, unit)
    sign_in_browser(page, live_server, coordinator, language=language)
    page.goto(f"/kutsut/ryhma/{project.pk}/")
    assert axe_violations(page) == []

    form = page.locator("form[aria-labelledby=invite-form]")
    form.locator("button[type=submit]").click()
    assert page.locator(".error-summary a[href='#id_email']").is_visible()
    assert page.locator("#id_email_error").is_visible()
    assert axe_violations(page) == []

    page.locator("#id_email").fill("uusi.jasen@example.org")
    page.locator("#id_language").select_option(language)
    form.locator("button[type=submit]").click()
    expect(page.locator("table tbody td").first).to_contain_text("uusi.jasen@example.org")
    assert axe_violations(page) == []

    path = LINK.search(OutboxMessage.objects.get(recipient="uusi.jasen@example.org").body).group(1)
    newcomer = anonymous_page(browser, live_server, language)
    newcomer.goto(path)
    assert newcomer.get_by_text(project.title).first.is_visible()
    assert axe_violations(newcomer) == []
    newcomer.get_by_role("button", name=ACCEPT[language]).focus()
    newcomer.keyboard.press("Enter")
    newcomer.wait_for_url(f"**{project.get_absolute_url()}")
    assert axe_violations(newcomer) == []
    user = User.objects.get(email="uusi.jasen@example.org")
    assert Member.objects.filter(project=project, user=user).exists()
    newcomer.context.close()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_withdrawn_and_declined_pages_pass_axe(
    browser, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator")
    project = project_of(coordinator, unit)
    withdrawn, withdrawn_token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="a@example.org"
    )
    withdraw(invitation=withdrawn, by=coordinator)
    _open, token = invite(
        by=coordinator, kind=Kind.CODEVELOPMENT_GROUP, target=project, email="b@example.org"
    )
    person = anonymous_page(browser, live_server, language)
    response = person.goto(f"/kutsut/avaa/{withdrawn_token}/")
    assert response.status == 410
    assert axe_violations(person) == []

    person.goto(f"/kutsut/avaa/{token}/")
    person.get_by_role("button", name=DECLINE[language]).click()
    person.locator("h1").wait_for()
    assert axe_violations(person) == []
    assert not User.objects.filter(email="b@example.org").exists()
    person.context.close()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_invitation_pages_fit_a_320_px_phone(page, browser, live_server, unit, language):
    coordinator = user_with_role("coordinator")
    project = project_of(coordinator, unit, title="Kotihoidon käyntiaikojen yhteiskehittäminen")
    _invitation, token = invite(
        by=coordinator,
        kind=Kind.CODEVELOPMENT_GROUP,
        target=project,
        email="pitka.sahkopostiosoite.jolla.on.pituutta@example.org",
    )
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, coordinator, language=language)
    page.goto(f"/kutsut/ryhma/{project.pk}/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the invite page is {overflow} px wider than the phone"

    phone = anonymous_page(browser, live_server, language)
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto(f"/kutsut/avaa/{token}/")
    assert phone.get_by_role("button", name=ACCEPT[language]).is_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the link's page is {overflow} px wider than the phone"
    phone.context.close()
