"""Browser tests: a phone gives feedback without JavaScript; axe finds nothing on the pages."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="fi-FI",
    )
    page = context.new_page()
    yield page
    context.close()


def test_a_phone_without_javascript_gives_feedback_and_sees_the_reply_code(phone, unit):
    from osallisuus.feedback.models import Feedback

    phone.goto("/palaute/KST/?qr=1")
    phone.get_by_text("Täysin samaa mieltä").first.click()
    phone.get_by_label("Mitä haluat kertoa?", exact=False).fill("Sain ajan nopeasti.")
    phone.get_by_role("button", name="Lähetä palaute").click()
    feedback = Feedback.objects.get()
    assert feedback.channel == "qr"
    assert phone.get_by_text(feedback.reply_code).first.is_visible()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_giver_and_staff_pages_have_no_axe_violations(
    page, live_server, axe_violations, language, unit, make_user
):
    from osallisuus.accounts.tests.factories import sign_in
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    feedback = submit_feedback(FeedbackInput(unit=unit, text="Jono oli pitkä"))[0]
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    code = feedback.reply_code
    for path in [
        "/palaute/KST/",
        "/palaute/seuraa/",
        f"/palaute/seuraa/{code}/",
        f"/palaute/seuraa/{code}/poista/",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path
    from django.test import Client

    client = Client()
    sign_in(client, make_user("staff"))
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    for path in ["/palaute/saapuneet/", f"/palaute/saapuneet/{feedback.pk}/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
