"""The collector's form on a phone (#17 item 3): axe in fi, sv and en at 320 px, with the error
summary, and the entry sent with the client's consent lands in the feedback store."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.experts.tests.factories import collector_assignment, make_profile
from osallisuus.experts.tests.test_browser import page_as
from osallisuus.experts.tests.test_work_browser import PHONE, check
from osallisuus.feedback.models import Feedback
from osallisuus.publication.tests.test_stories_browser import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENT = {"fi": "Palaute lähetetty.", "sv": "Responsen har skickats.", "en": "Feedback sent."}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_collector_form_on_a_phone(browser, live_server, unit, axe_violations, language):
    profile = make_profile()
    assignment = collector_assignment(profile=profile, unit=unit)
    page = page_as(browser, live_server, profile.user, language)
    page.set_viewport_size(PHONE)
    check(page, assignment.get_absolute_url(), axe_violations)
    form = reverse("experts:collect", kwargs={"pk": assignment.pk})
    check(page, form, axe_violations)
    # Sent without the text and the consent: the summary lists both, and nothing is stored.
    page.locator("button[type=submit].primary").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert summary.locator("li").count() == 1  # the text first; consent is asked once it is
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.locator("textarea[name=text]").fill("Aulassa oli vaikea löytää oikea ovi.")
    page.locator("button[type=submit].primary").click()
    page.locator(".error-summary a[href='#id_consent']").wait_for()
    assert Feedback.objects.count() == 0
    assert axe_violations(page) == []
    page.locator("input[name=consent]").check()
    # The text analysis loads its models on the first feedback: allow it a slow machine's time.
    page.locator("button[type=submit].primary").click(timeout=60_000)
    page.get_by_text(SENT[language]).wait_for(timeout=60_000)
    assert axe_violations(page) == []
    feedback = Feedback.objects.get()
    assert feedback.channel == "expert"
    assert feedback.collected_by.assignment == assignment
    assert feedback.reply_code in page.content()


def enter(page, text):
    page.locator("textarea[name=text]").fill(text)
    page.locator("input[name=consent]").check()
    page.locator("button[type=submit].primary").click()


def test_three_entries_made_offline_are_sent_once_the_network_returns(
    browser, live_server, unit, axe_violations
):
    profile = make_profile()
    assignment = collector_assignment(profile=profile, unit=unit)
    page = page_as(browser, live_server, profile.user, "en")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(reverse("experts:collect", kwargs={"pk": assignment.pk}))
    page.locator("#collector-form[data-ready=true]").wait_for()
    page.context.set_offline(True)
    for number in (1, 2, 3):
        enter(page, f"Asiakkaan palaute {number}.")
    status = page.locator("#collector-status")
    status.get_by_text("3 entries waiting to be sent.").wait_for()
    # The expert sees the entries while they wait; nothing has reached the server.
    assert page.locator("#collector-waiting li").all_inner_texts() == [
        "Asiakkaan palaute 1.",
        "Asiakkaan palaute 2.",
        "Asiakkaan palaute 3.",
    ]
    assert Feedback.objects.count() == 0
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.context.set_offline(False)
    # The text analysis loads its models on the first feedback: allow a slow machine's time.
    status.get_by_text("All waiting entries have been sent.").wait_for(timeout=90_000)
    assert page.locator("#collector-queue").is_hidden()
    assert page.evaluate("localStorage.length") == 0
    stored = Feedback.objects.filter(channel="expert").select_related("collected_by")
    assert sorted(f.text for f in stored) == [f"Asiakkaan palaute {n}." for n in (1, 2, 3)]
    assert all(f.collected_by.assignment == assignment for f in stored)
    assert Feedback.objects.count() == 3


def test_an_ended_session_keeps_the_queue_until_the_expert_signs_in_again(
    browser, live_server, unit
):
    profile = make_profile()
    assignment = collector_assignment(profile=profile, unit=unit)
    form = reverse("experts:collect", kwargs={"pk": assignment.pk})
    page = page_as(browser, live_server, profile.user, "en")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(form)
    page.locator("#collector-form[data-ready=true]").wait_for()
    page.context.set_offline(True)
    enter(page, "Jonotettu palaute.")
    page.locator("#collector-status").get_by_text("1 entry waiting to be sent.").wait_for()
    page.context.clear_cookies()  # the session ends while the phone is offline
    page.context.set_offline(False)
    page.locator("#collector-status").get_by_text("Sign in again:").wait_for(timeout=30_000)
    assert Feedback.objects.count() == 0
    assert page.locator("#collector-waiting li").all_inner_texts() == ["Jonotettu palaute."]
    # Signed in again (a new session and CSRF token), the page sends what waited.
    signed_in = page_as(browser, live_server, profile.user, "en")
    page.context.add_cookies(signed_in.context.cookies())
    signed_in.context.close()
    page.goto(form)
    page.locator("#collector-status").get_by_text("All waiting entries have been sent.").wait_for(
        timeout=90_000
    )
    assert Feedback.objects.get().collected_by.assignment == assignment


def test_the_collector_enters_feedback_by_keyboard_alone(browser, live_server, unit):
    profile = make_profile()
    assignment = collector_assignment(profile=profile, unit=unit)
    page = page_as(browser, live_server, profile.user, "en")
    page.set_viewport_size(PHONE)
    page.goto(reverse("experts:collect", kwargs={"pk": assignment.pk}))
    page.locator("#collector-form[data-ready=true]").wait_for()
    tab_to(page, "id_text")
    page.keyboard.type("Aulassa oli vaikea löytää oikea ovi.")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    # The text analysis loads its models on the first feedback: allow a slow machine's time.
    page.get_by_text(SENT["en"]).wait_for(timeout=90_000)
    stored = Feedback.objects.get()
    assert (stored.channel, stored.text) == ("expert", "Aulassa oli vaikea löytää oikea ovi.")
