"""The collector's form on a phone (#17 item 3): axe in fi, sv and en at 320 px, with the error
summary, and the entry sent with the client's consent lands in the feedback store."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.experts.tests.factories import collector_assignment, make_profile
from osallisuus.experts.tests.test_browser import page_as
from osallisuus.experts.tests.test_work_browser import PHONE, check
from osallisuus.feedback.models import Feedback

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
