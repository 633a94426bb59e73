"""The public "you said, we did" pages in a real browser: axe in fi, sv and en, in standard and
plain language, on a 320 px phone, without JavaScript."""

from datetime import timedelta

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill(unit, staff):
    from django.utils import timezone

    from osallisuus.feedback.models import Feedback, Status, StatusEvent
    from osallisuus.feedback.services import FeedbackInput, submit_feedback
    from osallisuus.organisation.models import ServicePromise
    from osallisuus.trail.models import Action, Decision, InputLink, Matter

    ServicePromise.objects.create(
        service=unit.service,
        days_to_answer=14,
        text_fi="Vastaamme jokaiseen palautteeseen kahden viikon kuluessa.",
    )
    made = [
        submit_feedback(FeedbackInput(unit=unit, text="Puhelimessa jonotus kesti pitkään"))[0]
        for _ in range(6)
    ]
    Feedback.objects.filter(pk__in=[f.pk for f in made]).update(
        themes=["access_waiting", "booking_digital"],
        received_at=timezone.now() - timedelta(days=40),
    )
    for feedback in made[:5]:
        StatusEvent.objects.create(
            feedback=feedback,
            status=Status.NO_CHANGE if feedback == made[0] else Status.ANSWERED,
            at=timezone.now() - timedelta(days=35),
            public_text="Kiitos palautteesta, toimintamme pysyy ennallaan."
            if feedback == made[0]
            else "",
        )
    action = Action.objects.create(
        title_fi="Takaisinsoitto käyttöön",
        title_sv="Återuppringning införs",
        title_en="Call-back service introduced",
        public_text_fi="Otimme käyttöön takaisinsoiton, jotta puhelimessa ei tarvitse jonottaa.",
        public_text_sv="Vi har infört återuppringning så att man inte behöver köa i telefon.",
        owner=staff,
        created_by=staff,
        unit=unit,
        status=Action.Status.DONE,
        closed_at=timezone.now() - timedelta(days=20),
    )
    for feedback in made:
        InputLink.objects.create(
            kind="feedback", object_id=feedback.pk, action=action, linked_by=staff
        )
    matter = Matter.objects.create(
        title="Iltavastaanotto terveysasemalle",
        summary="Toive iltavastaanotosta.",
        carrier=staff,
        target_office="Palvelujohtaja",
        unit=unit,
        created_by=staff,
    )
    Decision.objects.create(
        matter=matter,
        outcome=Decision.Outcome.REJECTED,
        decided_by="Sosiaali- ja terveyslautakunta",
        decided_on=timezone.localdate() - timedelta(days=3),
        reasons="Iltavastaanottoon ei ole tänä vuonna rahoitusta; asia arvioidaan uudelleen.",
        public_text_fi="Iltavastaanottoa ei avata tänä vuonna.",
        recorded_by=staff,
    )


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
            assert page.get_by_text("Iltavastaanottoon ei ole tänä vuonna rahoitusta").is_visible()
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
