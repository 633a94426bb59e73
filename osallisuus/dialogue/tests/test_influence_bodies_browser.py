"""The influence-body pages in a browser: the county overview and a body's page pass axe in fi,
sv and en and fit a 320 px phone, warnings included."""

from __future__ import annotations

import datetime

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import GroupKind, MemberKind, Origin
from osallisuus.organisation.models import Municipality

from .test_browser import WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WARNING = {
    "fi": "Ei jäsentä näistä kunnista: Koskenkylä",
    "sv": "ingen medlem från dessa kommuner: Koskenkylä",
    "en": "no member from these municipalities: Koskenkylä",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_overview_and_a_body_page_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    organiser = unit.producer.organiser
    for code, name in (("901", "Järvilaakso"), ("902", "Koskenkylä")):
        Municipality.objects.create(organiser=organiser, code=code, name_fi=name, name_sv=name)
    council = services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.DISABILITY_COUNCIL,
        name_fi="Hyvinvointialueen vammaisneuvosto",
        name_sv="Välfärdsområdets råd för personer med funktionsnedsättning",
        name_en="The county's disability council",
        term_starts=datetime.date(2025, 6, 1),
        term_ends=datetime.date(2029, 5, 31),
        decided_on=datetime.date(2025, 5, 12),
        decision_section="87",
    )
    services.add_member(
        by=SYSTEM,
        group=council,
        name="Veera Vertaistuki",
        origin=Origin.MUNICIPAL_BODY,
        member_kind=MemberKind.REPRESENTATIVE,
        municipality=Municipality.objects.get(code="901"),
        represents="Järvilaakson vammaisneuvosto",
    )
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, user_with_role("coordinator"), language=language)
    for path in ("/ryhmat/vaikuttamistoimielimet/", f"/ryhmat/{council.pk}/"):
        page.goto(path)
        assert WARNING[language] in page.locator("main").inner_text(), path
        assert axe_violations(page) == [], path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone {page.evaluate(WIDE)}"
