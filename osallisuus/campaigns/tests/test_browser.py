"""Campaign pages in a real browser: planning one (with a refused period), its results page
and the list, checked with axe in Finnish, Swedish and English; the pages fit a 320 px phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.trail.actions.services import create_action

from ..models import Campaign
from .factories import campaign_at, default_set, give

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_coordinator_plans_a_campaign_and_reads_its_results(
    page, live_server, axe_violations, unit, language
):
    coordinator = user_with_role("coordinator", unit=unit)
    sign_in_browser(page, live_server, coordinator, language=language)

    page.goto("/kyselyt/")
    assert axe_violations(page) == []
    page.locator("a[href='/kyselyt/uusi/']").click()
    page.locator("#id_title_fi").fill("Kysely ajanvarauksesta")
    page.locator("#id_question_set").select_option(str(default_set().pk))
    page.locator(f"input[name=units][value='{unit.pk}']").check()
    page.locator("#id_starts_on").fill("2026-04-30")
    page.locator("#id_ends_on").fill("2026-04-01")
    page.locator("button.primary").click()
    page.locator(".error-summary a[href='#id_ends_on']").wait_for()
    assert axe_violations(page) == []
    assert not Campaign.objects.exists()

    page.locator("#id_starts_on").fill("2026-04-01")
    page.locator("#id_ends_on").fill("2026-04-30")
    page.locator("button.primary").click()
    page.locator("#results-heading").wait_for()
    assert Campaign.objects.get().title_fi == "Kysely ajanvarauksesta"
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_closed_campaign_tells_how_its_results_were_used(
    page, live_server, axe_violations, unit, language, settings
):
    settings.PUBLIC_MIN_ANSWERS = 2
    coordinator = user_with_role("coordinator", unit=unit)
    today = timezone.localdate()
    campaign = campaign_at(
        unit,
        starts_on=today - timedelta(days=40),
        ends_on=today - timedelta(days=5),
        by=coordinator,
        title="Kysely puhelinpalvelusta ja ajanvarauksen sujuvuudesta",
    )
    for score in (2, 4, 5):
        give(unit, day=today - timedelta(days=20), score=score, text="Jono", themes=("waiting",))
    create_action(
        by=coordinator,
        title_fi="Takaisinsoitto",
        owner=coordinator,
        unit=unit,
        texts={"fi": "Otamme takaisinsoiton käyttöön.", "sv": "Vi inför återuppringning."},
        inputs=[("campaign", campaign.pk)],
    )
    staff = user_with_role("staff", unit=unit)
    sign_in_browser(page, live_server, staff, language=language)
    page.goto(f"/kyselyt/{campaign.pk}/")
    page.locator("#results-heading").wait_for()
    assert page.locator("ol.outcomes li").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_campaign_pages_fit_a_320_px_phone(page, live_server, unit, language):
    page.set_viewport_size({"width": 320, "height": 640})
    coordinator = user_with_role("coordinator", unit=unit)
    campaign = campaign_at(
        unit,
        starts_on=timezone.localdate() - timedelta(days=40),
        ends_on=timezone.localdate() - timedelta(days=5),
        by=coordinator,
        title="Asiakastyytyväisyyskysely terveysaseman ajanvarausjärjestelmästä",
    )
    sign_in_browser(page, live_server, coordinator, language=language)
    for address in (
        "/kyselyt/",
        "/kyselyt/uusi/",
        f"/kyselyt/{campaign.pk}/",
        f"/kyselyt/{campaign.pk}/muokkaa/",
    ):
        page.goto(address)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => "
            "e.getBoundingClientRect().right > window.innerWidth)"
            ".slice(-3).map(e => e.outerHTML.slice(0, 80))"
        )
        assert overflow <= 0, f"{address}: {overflow} px wider than the phone: {wide}"
