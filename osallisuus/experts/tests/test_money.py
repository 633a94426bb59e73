"""Experts' money as the expert meets it (#21 item 11): the claim form submits as it is shown in
every language, and the contract is named and priced by the person's role."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.experts import services
from osallisuus.experts.models import Assignment, Claim, ExpertRole, FeeTable
from osallisuus.experts.tests.factories import fee_tables, make_profile, make_request

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv", "en"]


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _FormValues(HTMLParser):
    """What a browser would send for the page's POST form, untouched: every input's value as
    rendered (checked boxes only, no files, a date only in the ISO form a date input keeps) and
    each select's selected option."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self.in_post_form = False
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.in_post_form = a.get("method", "").lower() == "post"
        if not self.in_post_form or not a.get("name"):
            if tag == "option" and self.select and "selected" in a:
                self.values[self.select] = a.get("value", "")
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind == "file" or (kind in ("checkbox", "radio") and "checked" not in a):
                return
            value = a.get("value", "")
            if kind == "date" and not ISO_DATE.fullmatch(value):
                value = ""  # the HTML value sanitisation: a browser drops "7.12.2026"
            self.values[a["name"]] = value
        elif tag == "select":
            self.select = a["name"]
        elif tag == "textarea":
            self.values[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_post_form = False
        if tag == "select":
            self.select = None


def form_as_rendered(html: str) -> dict[str, str]:
    parser = _FormValues()
    parser.feed(html)
    return parser.values


def started_assignment(role: str) -> Assignment:
    """An assignment in `role`, both signatures on its contract, started today."""
    year = timezone.localdate().year
    if not FeeTable.objects.filter(valid_from__year=year).exists():
        fee_tables(year)
    coordinator = user_with_role("coordinator")
    profile = make_profile(roles=(role,))
    request = make_request(starts_at=timezone.now(), role=role)
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    assert assignment is not None
    contract = services.current_contract(assignment)
    assert contract is not None
    services.sign_contract(contract=contract, by=profile.user)
    services.sign_contract(contract=contract, by=coordinator)
    return services.start_assignment(assignment=assignment, by=coordinator)


def in_language(client: Any, language: str) -> Any:
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize("role", [ExpertRole.DEVELOPER_CLIENT, ExpertRole.EXPERT])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_claim_form_submits_as_it_is_shown(client, language, role):
    assignment = started_assignment(role)
    sign_in(client, assignment.profile.user)
    url = reverse("experts:new_claim", kwargs={"pk": assignment.pk})
    page = in_language(client, language).get(url)
    assert page.status_code == 200
    shown = form_as_rendered(page.content.decode())
    assert shown["line-0-date"] == timezone.localdate().isoformat()

    response = client.post(url, shown)

    assert response.status_code == 302, response.content.decode()
    claim = Claim.objects.get(assignment=assignment)
    line = claim.lines.get()
    assert line.date == timezone.localdate()
    assert line.hours == Decimal("3.0")  # the request's duration, prefilled


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_date_typed_in_the_pages_own_language_is_understood(client, language):
    """Where the browser has no date picker the field is plain text: the person types the date
    as their language writes it."""
    assignment = started_assignment(ExpertRole.EXPERT)
    sign_in(client, assignment.profile.user)
    url = reverse("experts:new_claim", kwargs={"pk": assignment.pk})
    body = form_as_rendered(in_language(client, language).get(url).content.decode())
    day = timezone.localdate()
    body["line-0-date"] = {
        "fi": f"{day:%d.%m.%Y}",
        "sv": f"{day:%Y-%m-%d}",
        "en": f"{day:%Y-%m-%d}",
    }[language]
    assert client.post(url, body).status_code == 302
    assert Claim.objects.get(assignment=assignment).lines.get().date == day


TITLES = {
    ExpertRole.DEVELOPER_CLIENT: {
        "fi": "Kehittäjäasiakassopimus, versio 1",
        "sv": "Avtal för utvecklarklient, version 1",
        "en": "Developer-client contract, version 1",
    },
    ExpertRole.EXPERT: {
        "fi": "Kokemusasiantuntijasopimus, versio 1",
        "sv": "Avtal för erfarenhetsexpert, version 1",
        "en": "Expert-by-experience contract, version 1",
    },
}
# Section 5 as the contract states it; the English page shows the Finnish contract.
PAID = {
    ExpertRole.DEVELOPER_CLIENT: {
        "fi": ["Maksetaan matkat ja palkkio", "palkkio 25,00 € tunnilta", "0,59 € kilometriltä"],
        "sv": ["Resor och arvode betalas", "arvode 25,00 € per timme", "0,59 € per km"],
    },
    ExpertRole.EXPERT: {
        "fi": ["Maksetaan matkat ja kulukorvaus", "kulukorvaus 20,00 € päivältä", "0,59 €"],
        "sv": ["Resor och kostnadsersättning betalas", "kostnadsersättning 20,00 € per dag"],
    },
}
NOT_PAID = {
    ExpertRole.DEVELOPER_CLIENT: {
        "fi": ["kulukorvaus", " 0,00 €"],
        "sv": ["kostnadsersättning", " 0,00 €"],
    },
    ExpertRole.EXPERT: {"fi": ["palkkio", " 0,00 €"], "sv": ["arvode", " 0,00 €"]},
}


@pytest.mark.parametrize("role", [ExpertRole.DEVELOPER_CLIENT, ExpertRole.EXPERT])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contract_is_named_and_priced_by_the_persons_role(client, language, role):
    FeeTable.objects.all().delete()
    year = timezone.localdate().year
    fee_tables(year)
    FeeTable.objects.filter(valid_from__year=year).update(km_rate=Decimal("0.59"))
    assignment = started_assignment(role)
    contract = services.current_contract(assignment)
    assert contract is not None
    sign_in(client, assignment.profile.user)

    page = in_language(client, language).get(contract.get_absolute_url()).content.decode()

    assert f"<h1>{TITLES[role][language]}</h1>" in page
    contract_language = "sv" if language == "sv" else "fi"
    section_5 = contract.sections[contract_language][4][1]
    assert section_5 in page
    for words in PAID[role][contract_language]:
        assert words in section_5
    for words in NOT_PAID[role][contract_language]:
        assert words not in section_5


def test_the_contract_pdf_carries_the_roles_title(client):
    assignment = started_assignment(ExpertRole.EXPERT)
    contract = services.current_contract(assignment)
    assert contract is not None
    from django.utils import translation

    with translation.override("sv"):
        assert contract.title == "Avtal för erfarenhetsexpert, version 1"
    with translation.override("fi"):
        assert contract.title == "Kokemusasiantuntijasopimus, versio 1"


def test_a_contract_made_after_the_start_date_uses_that_dates_rates():
    """The fee table is the one valid on the assignment's date, not today's."""
    year = timezone.localdate().year
    FeeTable.objects.all().delete()
    fee_tables(year - 1)
    fee_tables(year)
    FeeTable.objects.filter(valid_from__year=year - 1, role=ExpertRole.EXPERT).update(
        expense_allowance=Decimal("15.50")
    )
    coordinator = user_with_role("coordinator")
    profile = make_profile(roles=(ExpertRole.EXPERT,))
    request = make_request(
        starts_at=datetime.datetime(year - 1, 6, 1, 12, tzinfo=datetime.UTC), role="expert"
    )
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    assert assignment is not None
    contract = services.current_contract(assignment)
    assert contract is not None
    assert "kulukorvaus 15,50 € päivältä" in contract.sections["fi"][4][1]
