"""Browser tests for publication: axe finds nothing; a moderator publishes by keyboard alone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ORIGINAL = "Hoitaja Mervi Virtanen soitti minulle numerosta 040 123 4567 ja auttoi hyvin."


def sign_in_browser(page, live_server, user):
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in

    client = Client()
    sign_in(client, user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def tab_to(page, element_id):
    """Press Tab until the element with this id has the focus."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def ensure_question_sets():
    """Transactional tests flush the rows the data migration shipped; put them back."""
    from importlib import import_module

    from django.apps import apps

    import_module("osallisuus.feedback.migrations.0002_default_question_sets").load_sets(apps, None)


def consented(unit, text=ORIGINAL):
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    return submit_feedback(FeedbackInput(unit=unit, text=text, publish_consent=True))[0]


# The statement "I was treated with respect." and its scale's upper end, as the page reads them.
ENCOUNTER = {
    "fi": "Minua kohdeltiin",
    "sv": "Jag blev bemött med respekt.",
    "en": "I was treated with respect.",
}
STRONGLY_AGREE = {"fi": "Täysin samaa mieltä", "sv": "Helt av samma åsikt", "en": "Strongly agree"}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_publication_pages_have_no_axe_violations(
    page, live_server, axe_violations, language, unit, make_user, settings
):
    from osallisuus.feedback.services import (
        FeedbackInput,
        move_feedback,
        reply_to_feedback,
        submit_feedback,
    )
    from osallisuus.publication.services import publish_story

    settings.PUBLIC_MIN_ANSWERS = 5
    ensure_question_sets()
    coordinator = make_user("coordinator")
    published = consented(unit, text="Hyvä hoito, kiitos.")
    reply_to_feedback(feedback=published, by=coordinator, text="Kiitos palautteesta!")
    move_feedback(
        feedback=published, by=coordinator, status="change_made", public_text="Lisäsimme aikoja."
    )
    publish_story(feedback=published, by=coordinator, text="Hyvä hoito, kiitos.", confirmed=True)
    waiting = consented(unit)
    # Its answer is shown for editing in the publish form.
    reply_to_feedback(feedback=waiting, by=coordinator, text="Soita numeroon 040 765 4321.")
    for _ in range(5):
        submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 4), ("recommend", 9)]))
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto("/palaute/tarinat/KST/")
    assert page.get_by_role("table").first.is_visible()
    assert axe_violations(page) == [], "stories"
    # On a 320 px phone: each statement's own table, in the page's language, fits the screen.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/palaute/tarinat/KST/")
    statement = page.get_by_role("table", name=STRONGLY_AGREE[language]).first
    assert statement.is_visible()
    assert ENCOUNTER[language] in page.locator("main").inner_text()
    assert axe_violations(page) == [], "stories at 320 px"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the stories page is {overflow} px wider than the phone"
    sign_in_browser(page, live_server, coordinator)
    for path in ["/palaute/julkaisu/", f"/palaute/julkaisu/{waiting.pk}/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
    # The page with errors (no confirmation) is accessible too.
    page.get_by_role(
        "button", name=page.locator("#publish-heading").inner_text(), exact=True
    ).click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == [], "moderation with errors"
    page.goto(f"/palaute/julkaisu/{published.pk}/")
    assert axe_violations(page) == [], "published story"


def test_a_moderator_publishes_with_the_keyboard_only(page, live_server, unit, make_user):
    from osallisuus.feedback.models import Publication

    feedback = consented(unit)
    sign_in_browser(page, live_server, make_user("unit_manager"))
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(f"/palaute/julkaisu/{feedback.pk}/")

    tab_to(page, "id_text")
    page.keyboard.press("Control+A")
    page.keyboard.type("A nurse phoned me and helped well.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_confirmed"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Publish"
    page.keyboard.press("Enter")
    page.get_by_text("Published. The giver can see it on their status page.").wait_for()
    assert Publication.objects.get().published_text == "A nurse phoned me and helped well."
    page.goto("/palaute/tarinat/KST/")
    assert page.get_by_text("A nurse phoned me and helped well.").is_visible()
    assert page.get_by_text("040 123 4567").count() == 0
