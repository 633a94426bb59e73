"""Browser: the dashboards, with their objection figures, have no axe violations in Finnish,
Swedish and English, and fit a 320 px wide phone."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_dashboards_have_no_axe_violations(
    page, live_server, axe_violations, language, unit, make_user
):
    from datetime import timedelta

    from django.test import Client
    from django.utils import timezone

    from osallisuus.accounts.tests.factories import sign_in
    from osallisuus.complaints.tests.factories import county_takes_objections, handled_objections
    from osallisuus.reports.services import rebuild_rollups

    from .factories import make_feedback

    now = timezone.now()
    for index in range(12):
        make_feedback(
            unit,
            received_at=now - timedelta(days=25 * index),
            score=index % 5 + 1,
            nps=index % 11,
            text="Jono oli pitkä",
            themes=["access_waiting"] if index % 2 else ["care_quality", "information"],
            channel=["web", "qr", "kiosk"][index % 3],
            answered_after=timedelta(days=3),
        )
    county_takes_objections()
    handled_objections(unit, 5, answered_after_days=6)
    handled_objections(unit, 2, concern="social")  # below the minimum: hidden
    rebuild_rollups()
    client = Client()
    sign_in(client, make_user("coordinator"))
    page.context.add_cookies(
        [
            {"name": "django_language", "value": language, "url": live_server.url},
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
        ]
    )
    for path in [
        "/raportit/",
        "/raportit/toimipiste/KST/",
        f"/raportit/palvelu/{unit.service_id}/",
    ]:
        page.goto(path)
        assert page.locator("svg.chart title").first.text_content()
        # Two rows: one with its figures, one hidden (a single cell says so).
        assert page.locator("#complaint-figures ~ .table-scroll td").count() == 4 + 2
        # Each question's own table: the 1–5 statement and the 0–10 recommendation.
        assert page.locator("#question-figures ~ .question-figures table").count() == 2
        assert axe_violations(page) == [], path
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/raportit/", "/raportit/toimipiste/KST/"]:
        page.goto(path)
        assert axe_violations(page) == [], (path, 320)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path}: {overflow} px wider than the phone"
    page.set_viewport_size({"width": 1280, "height": 800})
    # Keyboard: the period filter is reachable and works without a mouse.
    page.goto("/raportit/toimipiste/KST/")
    page.locator("#id_since").fill("2026-01")
    page.locator("#id_since").press("Enter")
    assert "since=2026-01" in page.url
