"""Course pages in a real browser, checked with axe in Finnish, Swedish and English: a
coordinator adds a course (with a refused form first) and a session, a person enrols by
keyboard, the coordinator approves and marks attendance, the person gives course feedback and
gets the certificate; the pages fit a 320 px phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role

from ..models import Course, CourseFeedback, Enrolment
from .factories import course_feedback_set, make_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_course_from_the_catalogue_to_the_certificate(
    page, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator", unit=unit)
    person = user_with_role("expert", unit=unit)
    question_set = course_feedback_set()
    sign_in_browser(page, live_server, coordinator, language=language)

    page.goto("/koulutukset/")
    assert axe_violations(page) == []
    page.locator("a[href='/koulutukset/uusi/']").click()
    page.locator("#id_title").fill("Laadunvalvojan perehdytys")
    page.locator("input[name=audience][value=experts]").check()
    page.locator("#id_organiser").fill("Hyvinvointialue")
    page.locator("#id_capacity").fill("0")
    page.locator("#id_sessions_required").fill("1")
    page.locator("#id_question_set").select_option(str(question_set.pk))
    page.locator("input[name=unlocks][value=quality_monitor]").check()
    page.locator("button.primary").click()
    page.locator(".error-summary a[href='#id_capacity']").wait_for()
    assert axe_violations(page) == []
    assert not Course.objects.exists()
    page.locator("#id_capacity").fill("10")
    page.locator("button.primary").click()
    page.locator("#sessions-heading").wait_for()
    course = Course.objects.get()
    assert course.unlock_list == ["quality_monitor"]

    page.goto(f"/koulutukset/{course.pk}/istunnot/uusi/")
    assert axe_violations(page) == []
    page.locator("#id_starts_at").fill("2027-01-12T09:00")
    page.locator("button.primary").click()
    page.locator(".error-summary").wait_for()
    page.locator("#id_remote_link").fill("https://meet.example.org/perehdytys")
    page.locator("button.primary").click()
    page.locator("#sessions-heading").wait_for()
    assert course.sessions.count() == 1

    # The person enrols with the keyboard only.
    page.context.clear_cookies()
    sign_in_browser(page, live_server, person, language=language)
    page.goto(course.get_absolute_url())
    assert axe_violations(page) == []
    page.locator(f"form[action='/koulutukset/{course.pk}/ilmoittaudu/'] button").focus()
    page.keyboard.press("Enter")
    page.locator("form[action^='/koulutukset/ilmoittautumiset/'] button").wait_for()
    enrolment = Enrolment.objects.get(user=person)
    assert enrolment.status == Enrolment.Status.REQUESTED

    page.context.clear_cookies()
    sign_in_browser(page, live_server, coordinator, language=language)
    page.goto(course.get_absolute_url())
    page.locator(
        f"form[action='/koulutukset/ilmoittautumiset/{enrolment.pk}/hyvaksy/'] button"
    ).click()
    page.locator("#roster-heading").wait_for()
    assert axe_violations(page) == []
    page.goto(f"/koulutukset/istunnot/{course.sessions.get().pk}/lasnaolo/")
    assert axe_violations(page) == []
    page.locator(f"input[name=present][value='{enrolment.pk}']").check()
    page.locator("button.primary").click()
    page.locator("#roster-heading").wait_for()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED

    page.context.clear_cookies()
    sign_in_browser(page, live_server, person, language=language)
    page.goto(f"/koulutukset/ilmoittautumiset/{enrolment.pk}/palaute/")
    assert axe_violations(page) == []
    page.locator("button.primary").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == []
    page.locator("input[name=useful][value='5']").check()
    page.locator("button.primary").click()
    page.locator("#own-heading").wait_for()
    assert CourseFeedback.objects.get().answers == {"useful": 5}
    response = page.request.get(
        f"{live_server.url}/koulutukset/ilmoittautumiset/{enrolment.pk}/todistus.pdf"
    )
    assert response.status == 200
    assert response.body().startswith(b"%PDF")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_course_pages_fit_a_320_px_phone(page, live_server, unit, language):
    page.set_viewport_size({"width": 320, "height": 640})
    coordinator = user_with_role("coordinator", unit=unit)
    course = make_course(
        by=coordinator,
        title="Palveluohjauksen asiakaslähtöisyysvalmennuksen jatko-osa",
        question_set=course_feedback_set(),
    )
    sign_in_browser(page, live_server, coordinator, language=language)
    for address in (
        "/koulutukset/",
        "/koulutukset/uusi/",
        f"/koulutukset/{course.pk}/",
        f"/koulutukset/{course.pk}/istunnot/uusi/",
        f"/koulutukset/istunnot/{course.sessions.first().pk}/lasnaolo/",
    ):
        page.goto(address)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{address}: {overflow} px wider than the phone"
