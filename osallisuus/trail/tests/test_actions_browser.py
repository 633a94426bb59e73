"""Action pages in a real browser: choosing feedback in the inbox, planning the action, its page
and the status form's error, checked with axe in Finnish, Swedish and English; a 320 px phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.trail.models import Action, InputLink

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def give(unit, text):
    return submit_feedback(FeedbackInput(unit=unit, text=text))[0]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_staff_choose_feedback_plan_an_action_and_change_its_status(
    page, live_server, axe_violations, unit, language
):
    staff = user_with_role("staff", unit=unit)
    first = give(unit, "Jonotin puhelimessa tunnin")
    second = give(unit, "Puhelinjono oli taas pitkä")
    sign_in_browser(page, live_server, staff, language=language)

    page.goto("/palaute/saapuneet/")
    page.locator(f"#choose-{first.pk}").check()
    page.locator(f"#choose-{second.pk}").check()
    page.locator("#inbox-choose button[type=submit]").click()
    page.locator("#selected-heading").wait_for()
    assert axe_violations(page) == []

    page.locator("a[href^='/toimenpiteet/uusi/']").click()
    page.locator("#id_title_fi").wait_for()
    assert axe_violations(page) == []
    page.locator("button.primary").click()  # no title: the error beside the field and above
    page.locator(".error-summary a[href='#id_title_fi']").wait_for()
    assert axe_violations(page) == []
    page.locator("#id_title_fi").fill("Takaisinsoitto")
    page.locator("#id_public_text_fi").fill("Otamme takaisinsoiton käyttöön.")
    page.locator("#id_owner").select_option(str(staff.pk))
    page.locator("#id_unit").select_option(str(unit.pk))
    page.locator("button.primary").click()
    page.locator("#timeline-heading").wait_for()
    action = Action.objects.get()
    assert InputLink.objects.filter(action=action).count() == 2
    assert axe_violations(page) == []

    page.locator("#id_status").select_option("dropped")
    page.locator("form[action$='/tila/'] button.primary").click()
    page.locator(".error-summary a[href='#id_reasons']").wait_for()
    assert axe_violations(page) == []
    action.refresh_from_db()
    assert action.status == "planned"

    page.goto("/toimenpiteet/")
    assert page.get_by_text("Takaisinsoitto").first.is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_action_pages_fit_a_320_px_phone(page, live_server, unit, language):
    from osallisuus.trail.actions.services import create_action

    page.set_viewport_size({"width": 320, "height": 640})
    staff = user_with_role("staff", unit=unit)
    item = give(unit, "Jonotin puhelimessa tunnin")
    action = create_action(
        by=staff,
        title_fi="Takaisinsoittojärjestelmän käyttöönotto terveysasemalla",
        owner=staff,
        unit=unit,
        inputs=[("feedback", item.pk)],
    )
    sign_in_browser(page, live_server, staff, language=language)
    for address in (
        "/toimenpiteet/",
        "/toimenpiteet/uusi/",
        f"/toimenpiteet/{action.pk}/",
        f"/toimenpiteet/liita/?input=feedback:{item.pk}",
    ):
        page.goto(address)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => "
            "e.getBoundingClientRect().right > window.innerWidth)"
            ".slice(-3).map(e => e.outerHTML.slice(0, 80))"
        )
        assert overflow <= 0, f"{address}: {overflow} px wider than the phone: {wide}"
