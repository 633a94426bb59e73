"""Browser tests of the staff inbox: axe finds nothing, the detail page works by keyboard."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUEUE = [
    "Jonotin puhelimessa tunnin eikä kukaan vastannut.",
    "Jonotin puhelimessa yli tunnin, eikä kukaan vastannut!",
]


def sign_in_page(page, live_server, user, language="fi"):
    from osallisuus.accounts.tests.factories import sign_in

    client = Client()
    sign_in(client, user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )


def inbox_items(unit):
    from osallisuus.feedback.models import Feedback, ReplyTemplate
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    ReplyTemplate.objects.create(
        title="Kiitos",
        text_fi="Kiitos palautteestasi, selvitämme asian.",
        text_sv="Tack för din respons, vi utreder saken.",
        text_en="Thank you for your feedback, we are looking into it.",
    )
    items = [
        submit_feedback(FeedbackInput(unit=unit, text=text, channel="kiosk"))[0] for text in QUEUE
    ]
    late = submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Äiti kaatui hoivakodissa eikä kukaan tullut auttamaan, makasi lattialla tunnin.",
            contact_email="giver@example.org",
        )
    )[0]
    Feedback.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
    return [*items, late]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_inbox_groups_and_detail_have_no_axe_violations(
    page, live_server, axe_violations, language, unit, make_user
):
    items = inbox_items(unit)
    sign_in_page(page, live_server, make_user("unit_manager"), language)
    for path in [
        "/palaute/saapuneet/",
        "/palaute/saapuneet/?urgent=yes&overdue=on&status=open",
        "/palaute/saapuneet/ryhmat/",
        f"/palaute/saapuneet/{items[-1].pk}/",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path
    # The status-only step, folded below the reply and status form, opened.
    page.locator("summary#move").click()
    assert axe_violations(page) == [], "detail with the status-only step open"
    # A refused step shows its errors; that page too must be clean: closing with the reply
    # without an effect or reasons.
    page.locator("#reply-text").fill("Kiitos!")
    page.locator("#reply-status").select_option("closed")
    page.locator('form[action$="/vastaa/"] button.primary').click()
    page.locator(".error-summary").first.wait_for()
    assert page.locator("#reply-public_text").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == [], "detail with errors"


def test_the_detail_page_works_by_keyboard(page, live_server, unit, make_user):
    from osallisuus.feedback.models import Feedback

    feedback = inbox_items(unit)[0]
    sign_in_page(page, live_server, make_user("staff"), "en")
    page.goto(f"/palaute/saapuneet/{feedback.pk}/")

    def tab_to(selector, limit=120):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"{selector} is not reachable by Tab")

    # Choosing a template with the arrow keys fills the reply at once, in the giver's language.
    tab_to("select[name=template]")
    page.keyboard.press("ArrowDown")
    reply = page.locator("#reply-text")
    assert reply.input_value() == "Kiitos palautteestasi, selvitämme asian."
    # The step that goes with the reply, in the same form: new feedback becomes "answered" by
    # the reply, so "action planned" comes first, then "change made".
    tab_to("#reply-status")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#reply-status").input_value() == "change_made"
    tab_to("#reply-public_text")
    page.keyboard.type("Morning phone hours started in March.")
    tab_to('form[action$="/vastaa/"] button.primary')
    page.keyboard.press("Enter")
    page.get_by_text("Reply saved.").wait_for()
    assert feedback.replies.get().text == "Kiitos palautteestasi, selvitämme asian."
    assert Feedback.objects.get(pk=feedback.pk).status == "change_made"

    # A step without a reply: the folded form opens from the keyboard too.
    tab_to("summary#move")
    page.keyboard.press("Enter")
    tab_to('form[action$="/tila/"] select[name=status]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # from "change made" to "closed"
    tab_to('form[action$="/tila/"] button[type=submit]')
    page.keyboard.press("Enter")
    page.get_by_text("Status changed.").wait_for()
    assert Feedback.objects.get(pk=feedback.pk).status == "closed"


def test_staff_answer_and_mark_change_made_and_the_giver_sees_both(
    page, browser, live_server, unit, make_user
):
    feedback = inbox_items(unit)[0]
    sign_in_page(page, live_server, make_user("staff"), "en")
    page.goto(f"/palaute/saapuneet/{feedback.pk}/")
    # One form: the reply and the step it goes with, sent together.
    page.get_by_label("Reply to the giver").fill("Thank you, we are adding phone hours.")
    page.get_by_label("Change the status too").select_option("change_made")
    page.locator("#reply-public_text").fill("Morning phone hours started.")
    page.get_by_role("button", name="Send reply").click()
    page.get_by_text("Reply saved.").wait_for()

    giver = browser.new_context(base_url=live_server.url, locale="fi-FI").new_page()
    giver.goto(f"/palaute/seuraa/{feedback.reply_code}/")
    assert giver.get_by_text("Thank you, we are adding phone hours.").is_visible()
    assert giver.get_by_text("Morning phone hours started.").is_visible()
    giver.context.close()
