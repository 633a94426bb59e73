"""The dialogue pages in a browser: axe in fi, sv and en, keyboard use, and a 320 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import Member

from .factories import meeting_of, panel_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What sticks out of its box, for the failure message.
WIDE = (
    "[...document.querySelectorAll('body *')]"
    ".filter(e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX == 'visible')"
    ".map(e => e.tagName + ' ' + e.textContent.slice(0, 40))"
)
ADD = {"fi": "Lisää jäsen", "sv": "Lägg till medlemmen", "en": "Add the member"}


def _panel(unit):
    group = panel_for(unit)
    services.add_member(
        by=SYSTEM,
        group=group,
        name="Aino Asiakas",
        origin="open_call",
        member_kind="client",
        age_band="65_74",
        email="aino@example.org",
    )
    return group


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_coordinator_adds_a_member_by_keyboard_and_the_pages_pass_axe(
    page, live_server, axe_violations, unit, language
):
    group = _panel(unit)
    approved = meeting_of(group, approved=True)
    draft = meeting_of(group)
    coordinator = user_with_role("coordinator")
    sign_in_browser(page, live_server, coordinator, language=language)
    for path in (
        "/ryhmat/",
        f"/ryhmat/{group.pk}/",
        f"/ryhmat/kokous/{approved.pk}/",
        f"/ryhmat/kokous/{draft.pk}/poytakirja/",
        f"/ryhmat/{group.pk}/kokous/uusi/",
        "/ryhmat/uusi/",
    ):
        page.goto(path)
        assert axe_violations(page) == [], path

    page.goto(f"/ryhmat/{group.pk}/jasenet/")
    assert axe_violations(page) == []
    page.get_by_role("button", name=ADD[language]).click()  # empty: errors beside the fields
    assert page.locator(".error-summary a[href='#id_name']").is_visible()
    assert axe_violations(page) == []

    page.locator("#id_name").focus()
    page.keyboard.type("Bertta Omainen")
    page.locator("#id_member_kind").select_option("relative")
    page.locator("#id_origin").select_option("association")
    page.locator("#id_age_band").select_option("under_18")
    page.get_by_role("button", name=ADD[language]).focus()
    page.keyboard.press("Enter")
    expect(page.locator("table tbody")).to_contain_text("Bertta Omainen")
    member = Member.objects.get(name="Bertta Omainen")
    assert not member.publish_name  # under 18: not named without consent


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_group_pages_fit_a_320_px_phone(page, live_server, unit, language):
    group = _panel(unit)
    approved = meeting_of(group, approved=True)
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, user_with_role("coordinator"), language=language)
    for path in (
        f"/ryhmat/{group.pk}/",
        f"/ryhmat/{group.pk}/jasenet/",
        f"/ryhmat/kokous/{approved.pk}/",
    ):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        wide = page.evaluate(WIDE)
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone {wide}"


SEND_VIEW = {"fi": "Lähetä näkemyksesi", "sv": "Skicka din åsikt", "en": "Send your view"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_member_writes_a_view_by_keyboard_and_the_question_pages_pass_axe(
    page, browser, live_server, axe_violations, unit, language
):
    import datetime

    from django.utils import timezone

    from osallisuus.dialogue.models import Post

    group = _panel(unit)
    staff = user_with_role("staff", unit=unit)
    member_user = user_with_role("resident")
    services.add_member(
        by=SYSTEM, group=group, name="Jäsen", origin="lot", member_kind="client", user=member_user
    )
    past = meeting_of(group)
    past.starts_at = timezone.now() - datetime.timedelta(days=1)
    past.save()
    question = services.ask_question(
        by=staff,
        group=group,
        unit=unit,
        topic="availability",
        title="Saako ajan helposti?",
        answer_wanted_by=timezone.localdate() + datetime.timedelta(days=20),
    )
    services.take_up_question(by=SYSTEM, question=question, meeting=None)

    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, staff, language=language)
    for path in (f"/ryhmat/{group.pk}/kysy/", f"/ryhmat/kysymys/{question.pk}/"):
        page.goto(path)
        assert axe_violations(page) == [], path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone {page.evaluate(WIDE)}"
    coordinator_page = browser.new_context(locale="fi-FI", base_url=live_server.url).new_page()
    sign_in_browser(coordinator_page, live_server, user_with_role("coordinator"), language=language)
    coordinator_page.goto(f"/ryhmat/kysymys/{question.pk}/")
    assert axe_violations(coordinator_page) == []
    coordinator_page.context.close()

    member = browser.new_context(locale="fi-FI", base_url=live_server.url).new_page()
    sign_in_browser(member, live_server, member_user, language=language)
    member.goto(f"/ryhmat/kokous/{past.pk}/")
    assert axe_violations(member) == []
    member.set_viewport_size({"width": 320, "height": 640})
    member.goto(f"/ryhmat/kysymys/{question.pk}/")
    assert member.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    member.locator("#id_text").focus()
    member.keyboard.type("Puhelimessa jonotan pitkään.")
    member.get_by_role("button", name=SEND_VIEW[language]).focus()
    member.keyboard.press("Enter")
    expect(member.locator("ol.thread")).to_contain_text("Puhelimessa jonotan pitkään.")
    assert axe_violations(member) == []
    assert Post.objects.filter(question=question).count() == 1
    member.context.close()
