"""Evaluations in a browser: an evaluator fills in their assessment by keyboard (an identity
code is refused beside the field), and every page passes axe in fi, sv and en on a 320 px
phone."""

from __future__ import annotations

import datetime

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.dialogue.tests.test_browser import WIDE
from osallisuus.evaluation import services
from osallisuus.evaluation.models import Assessment
from osallisuus.observation.tests.factories import HETU

from . import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_evaluator_assesses_by_keyboard(page, live_server, axe_violations, unit):
    evaluation = f.evaluation(unit=unit)
    evaluator = evaluation.evaluators.get()
    first = evaluation.criteria.first()
    sign_in_browser(page, live_server, evaluator)
    page.goto(evaluation.get_absolute_url())
    page.get_by_label(f"Pisteet: {first.text}").focus()
    page.keyboard.press("End")  # the last choice: 5
    page.get_by_label(f"Arviosi: {first.text}").focus()
    page.keyboard.type(f"Asiakas {HETU} kiitti.")
    page.get_by_role("button", name="Tallenna arvioni").focus()
    page.keyboard.press("Enter")
    page.locator(".field-error").first.wait_for()
    assert "henkilötunnus" in page.locator(".field-error").first.inner_text()
    assert axe_violations(page) == []
    assert not Assessment.objects.exists()
    page.get_by_label(f"Arviosi: {first.text}").fill("Aika löytyi nopeasti.")
    page.get_by_role("button", name="Tallenna arvioni").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Arviosi tallennettiin.").wait_for()
    assessment = Assessment.objects.get()
    assert (assessment.score, assessment.text) == (5, "Aika löytyi nopeasti.")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_evaluation_pages_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator")
    observer = f.evaluator(unit=unit, kind="observer")
    evaluation = f.evaluation(unit=unit, coordinator=coordinator, observers=[observer])
    evaluator = evaluation.evaluators.get()
    services.file_note(by=observer, evaluation=evaluation, text="Ohjeet olivat seinällä.")
    concluded = f.evaluation(unit=unit, coordinator=coordinator, evaluators=[evaluator])
    services.assess(
        by=evaluator,
        evaluation=concluded,
        answers={c.pk: (4, "Toimi hyvin.") for c in concluded.criteria.all()},
    )
    services.conclude(
        by=coordinator,
        evaluation=concluded,
        conclusion="Kokeilu jatkuu.",
        meeting_date=datetime.date(2026, 11, 20),
    )
    # One assessment filed: the edit page shows the criteria locked, with the reason.
    services.assess(
        by=evaluator,
        evaluation=evaluation,
        answers={evaluation.criteria.first().pk: (3, "Osittain.")},
    )
    page.set_viewport_size({"width": 320, "height": 640})
    pages = {
        coordinator: [
            "/arviointi/",
            "/arviointi/uusi/",
            evaluation.get_absolute_url(),
            f"/arviointi/{evaluation.pk}/muokkaa/",
            f"/arviointi/{evaluation.pk}/johtopaatos/",
        ],
        evaluator: [
            evaluation.get_absolute_url(),
            concluded.get_absolute_url(),
            f"/arviointi/{concluded.pk}/raportti/",
        ],
        observer: [evaluation.get_absolute_url()],
    }
    for user, paths in pages.items():
        sign_in_browser(page, live_server, user, language=language)
        for path in paths:
            page.goto(path)
            assert axe_violations(page) == [], path
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path}: {overflow} px too wide {page.evaluate(WIDE)}"
