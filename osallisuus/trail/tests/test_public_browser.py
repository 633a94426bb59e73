"""The public "you said, we did" pages in a real browser: axe in fi, sv and en, in standard and
plain language, on a 320 px phone, without JavaScript."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


REASONS = "Iltavastaanottoon ei ole tänä vuonna rahoitusta; asia arvioidaan uudelleen."


def fill(unit, staff):
    """A promise, six comments on two themes (one closed with "no change", four answered), a
    done action linked to them and a rejected decision with reasons."""
    from osallisuus.feedback.models import Status
    from osallisuus.organisation.models import ServicePromise
    from osallisuus.trail.models import InputLink
    from osallisuus.trail.tests.test_public import answer, done_action, items, rejected_decision

    ServicePromise.objects.create(
        service=unit.service,
        days_to_answer=14,
        text_fi="Vastaamme jokaiseen palautteeseen kahden viikon kuluessa.",
    )
    made = items(unit, 6, themes=("access_waiting", "booking_digital"), days_ago=40)
    answer(made[0], after_days=5, status=Status.NO_CHANGE, text="Toimintamme pysyy ennallaan.")
    for feedback in made[1:5]:
        answer(feedback, after_days=5)
    action = done_action(unit, staff, days_ago=20, title_en="Call-back service introduced")
    for feedback in made:
        InputLink.objects.create(
            kind="feedback", object_id=feedback.pk, action=action, linked_by=staff
        )
    rejected_decision(unit, staff, reasons=REASONS)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_public_trail_pages_have_no_axe_violations_and_fit_a_phone(
    browser, live_server, axe_violations, language, unit, make_user
):
    fill(unit, make_user("staff"))
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    try:
        for path in [
            f"/palaute/tarinat/{unit.code}/",
            f"/palaute/tarinat/{unit.code}/?selko=1",
            f"/palaute/palvelut/{unit.service_id}/",
            f"/palaute/palvelut/{unit.service_id}/?selko=1",
        ]:
            page.goto(path)
            assert page.locator("#you-said").is_visible()
            assert page.get_by_text(REASONS).is_visible()
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path}: {overflow} px wider than the phone"
            # axe runs as a script: give it a context with JavaScript, same page, same size.
            checked = browser.new_context(
                base_url=live_server.url, viewport={"width": 320, "height": 640}
            )
            checked.add_cookies(
                [{"name": "django_language", "value": language, "url": live_server.url}]
            )
            axe_page = checked.new_page()
            axe_page.goto(path)
            assert axe_violations(axe_page) == [], f"{language} {path}"
            checked.close()
    finally:
        context.close()
