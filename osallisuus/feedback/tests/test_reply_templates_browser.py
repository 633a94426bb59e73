"""Browser tests for the reply template pages: axe finds nothing in any language, and a unit
manager writes a template with the keyboard alone."""

import pytest

from osallisuus.publication.tests.test_stories_browser import sign_in_browser, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_reply_template_pages_have_no_axe_violations(
    page, live_server, axe_violations, language, unit, make_user
):
    from osallisuus.feedback.models import ReplyTemplate

    ReplyTemplate.objects.create(title="Yhteinen", text_fi="Kiitos palautteesta.")
    own = ReplyTemplate.objects.create(title="Jonot", text_fi="Lisäämme aikoja.", unit=unit)
    sign_in_browser(page, live_server, make_user("unit_manager"))
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    for path in ["/palaute/vastauspohjat/", "/palaute/vastauspohjat/uusi/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
    page.goto(f"/palaute/vastauspohjat/{own.pk}/")
    page.locator("#id_text_fi").fill("")
    page.locator("main button.primary[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == [], "template form with errors"


def test_a_unit_manager_writes_a_template_with_the_keyboard_only(
    page, live_server, unit, make_user
):
    from osallisuus.feedback.models import ReplyTemplate

    sign_in_browser(page, live_server, make_user("unit_manager"))
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/palaute/vastauspohjat/uusi/")

    tab_to(page, "id_title")
    page.keyboard.type("Phone queues")
    page.keyboard.press("Tab")
    page.keyboard.type("Kiitos, lisäämme puhelinaikoja.")
    page.keyboard.press("Tab")
    page.keyboard.type("Tack, vi lägger till telefontider.")
    tab_to(page, "id_unit")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_active")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Save"
    page.keyboard.press("Enter")
    page.get_by_text("The reply template is saved.").wait_for()
    template = ReplyTemplate.objects.get()
    assert (template.title, template.unit_id) == ("Phone queues", unit.pk)
    assert template.text_sv == "Tack, vi lägger till telefontider."
