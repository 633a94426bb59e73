"""Setting a group's recurring meetings on its own page (#16 item 3): the rule is saved, the
coming meetings are planned as drafts at once, bad input is refused beside the field, and the
page passes axe on a 320 px phone by keyboard in fi, sv and en."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in_browser
from osallisuus.authorization import SYSTEM
from osallisuus.dialogue import services
from osallisuus.dialogue.models import GroupKind, Meeting, MeetingRule

from .factories import secretary_of
from .test_browser import WIDE

SAVE = {"fi": "Tallenna sääntö", "sv": "Spara regeln", "en": "Save the rule"}
APRIL = {"fi": "huhtikuu", "sv": "april", "en": "April"}
OCTOBER = {"fi": "lokakuu", "sv": "oktober", "en": "October"}


def _network(unit):
    return services.create_group(
        by=SYSTEM,
        organiser=unit.producer.organiser,
        kind=GroupKind.EXPERTISE_NETWORK,
        name_fi="Kokemusasiantuntijaverkosto",
        name_sv="Nätverket för erfarenhetsexperter",
        name_en="Network of experiential expertise",
        term_starts=datetime.date(2026, 1, 1),
    )


@pytest.mark.django_db
def test_the_rule_plans_the_coming_meetings_and_bad_input_stores_nothing(unit, client):
    network = _network(unit)
    client.force_login(secretary_of(network))
    url = f"/ryhmat/{network.pk}/kokoussaanto/"
    refused = client.post(url, {"description": "kahdesti vuodessa", "day": "31", "time": "10:00"})
    page = refused.content.decode()
    assert refused.status_code == 200
    assert page.count("field-error") == 2  # no month chosen, and no 31st in every month
    assert "error-summary" in page
    assert not MeetingRule.objects.exists()

    response = client.post(
        url,
        {
            "description": "kahdesti vuodessa, keväällä ja syksyllä",
            "months": ["4", "10"],
            "day": "15",
            "time": "10:00",
            "place": "Rovaniemi",
        },
    )
    assert response.status_code == 302
    rule = MeetingRule.objects.get(group=network)
    assert rule.months == [4, 10]
    planned = Meeting.objects.filter(group=network, rule=rule)
    today = timezone.localdate()
    assert planned.exists() and all(m.starts_at.date() > today for m in planned)
    assert {m.starts_at.month for m in planned} == {4, 10}
    assert not planned.filter(agenda_published=True).exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_rule_page_works_by_keyboard_and_passes_axe_on_a_phone(
    page, live_server, axe_violations, unit, language
):
    network = _network(unit)
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_browser(page, live_server, secretary_of(network), language=language)
    page.goto(f"/ryhmat/{network.pk}/kokoussaanto/")
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, page.evaluate(WIDE)
    page.locator("#id_description").fill("kahdesti vuodessa")
    page.get_by_label(APRIL[language], exact=True).check()
    page.get_by_label(OCTOBER[language], exact=True).check()
    page.locator("#id_time").fill("10:00")
    page.locator("#id_place").fill("Rovaniemi")
    page.get_by_role("button", name=SAVE[language], exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert MeetingRule.objects.filter(group=network, months=[4, 10]).exists()
    assert "kahdesti vuodessa" in page.locator("main").inner_text()
    assert axe_violations(page) == []
