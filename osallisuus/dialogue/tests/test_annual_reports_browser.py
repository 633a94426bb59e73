"""A language committee's annual-report page and the overview with an overdue report pass axe
in fi, sv and en on a 320 px phone; the secretary records a report by keyboard."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in_browser
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import AnnualReport, GroupKind

from .factories import secretary_of
from .test_browser import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVE = {"fi": "Tallenna", "sv": "Spara", "en": "Save"}
OVERDUE = {
    "fi": "vuosiraportti aluehallitukselle on myöhässä vuodelta: 2025",
    "sv": "årsrapporten till områdesstyrelsen är försenad för: 2025",
    "en": "the annual report to the regional board is overdue for: 2025",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_report_page_and_the_overdue_warning_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    committee = services.create_group(
        by=SYSTEM,
        organiser=unit.producer.organiser,
        kind=GroupKind.SAMI_LANGUAGE_COMMITTEE,
        name_fi="Saamen kielen lautakunta",
        name_sv="Samiska språknämnden",
        name_en="Sámi-language committee",
        term_starts=datetime.date(2026, 1, 1),
    )
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, secretary_of(committee), language=language)
    path = f"/ryhmat/{committee.pk}/vuosiraportit/"
    page.goto(path)
    due = timezone.localdate() - datetime.timedelta(days=3)
    page.locator("#id_year").fill("2025")
    page.locator("#id_due_on").fill(due.isoformat())
    page.get_by_role("button", name=SAVE[language], exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "2025" in page.locator("main ul").first.inner_text()
    assert AnnualReport.objects.filter(group=committee, year=2025).exists()
    for path in (f"/ryhmat/{committee.pk}/vuosiraportit/", "/ryhmat/vaikuttamistoimielimet/"):
        page.goto(path)
        assert axe_violations(page) == [], path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone {page.evaluate(WIDE)}"
    assert OVERDUE[language] in page.locator("main").inner_text()
