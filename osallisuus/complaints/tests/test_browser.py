"""The signpost, the objection form (with its error summary, sent by keyboard), the sender's
status page, the officer's register and record, the handler's flag page and the coordinator's
late flags in a real browser: axe in Finnish, Swedish and English, and a 320 px wide phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.complaints.demo import seed_demo_data
from osallisuus.complaints.models import Complaint, ComplaintFlag
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FITS = "document.documentElement.scrollWidth - window.innerWidth"


def _check(page, live_server, axe_violations, path, language, *, ours=True):
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == language, path
    assert axe_violations(page) == [], path
    if ours:  # the feedback app's own pages are measured by its own tests
        assert page.evaluate(FITS) <= 0, f"{path} is wider than the phone"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_complaint_pages_pass_axe_and_fit_a_phone(
    page, live_server, axe_violations, unit, language
):
    seed_demo_data()  # the route texts and objections taken here
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/muistutus-ja-kantelu/", "/muistutus-ja-kantelu/seuraa/"):
        _check(page, live_server, axe_violations, path, language)

    # The objection form: sent empty (errors), then filled and sent from the keyboard.
    _check(page, live_server, axe_violations, "/muistutus-ja-kantelu/muistutus/", language)
    page.locator("main button.primary").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []
    page.locator("#id_unit").select_option(str(unit.pk))
    page.locator("input[name=concern][value=health]").check()
    page.locator("#id_name").fill("Maija Meikäläinen")
    page.locator("#id_address").fill("Kuja 1, 00100 Helsinki")
    page.locator("#id_text").fill("Minua ei kuunneltu.")
    page.locator("main button.primary").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/seuraa/" in page.url
    complaint = Complaint.objects.get(name="Maija Meikäläinen")
    assert complaint.code in page.content()
    assert axe_violations(page) == []
    assert page.evaluate(FITS) <= 0

    officer = user_with_role("complaints_officer")
    sign_in_browser(page, live_server, officer, language=language)
    for path in ("/muistutus-ja-kantelu/rekisteri/", complaint.get_absolute_url()):
        _check(page, live_server, axe_violations, path, language)
    with page.expect_navigation():
        page.locator("form[action$='/vastaus/'] button").click()
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []

    feedback = submit_feedback(FeedbackInput(unit=unit, text="Teen muistutuksen hoidostani"))[0]
    flag = ComplaintFlag.objects.get(feedback=feedback)
    sign_in_browser(page, live_server, user_with_role("staff", unit=unit), language=language)
    _check(page, live_server, axe_violations, f"/muistutus-ja-kantelu/liputus/{flag.pk}/", language)
    _check(
        page,
        live_server,
        axe_violations,
        f"/palaute/saapuneet/{feedback.pk}/",
        language,
        ours=False,
    )
    sign_in_browser(page, live_server, user_with_role("coordinator"), language=language)
    _check(page, live_server, axe_violations, "/muistutus-ja-kantelu/myohassa/", language)
