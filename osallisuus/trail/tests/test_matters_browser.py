"""Matters in a real browser: axe on the list, the timeline and every form (with the error
summary), in Finnish, Swedish and English; the pages fit a 320 px wide phone."""

from __future__ import annotations

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.trail.matters.services import carry_matter, create_matter, decide_matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def a_decided_matter(unit):
    """A matter carried by a unit manager to the committee, with a linked comment and a
    decision; returns it with the committee member (who sees only redacted excerpts)."""
    from datetime import date

    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(),
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
        name_sv="Social- och hälsovårdsnämnden",
    )
    member = user_with_role("decision_maker")
    body.members.add(member)
    manager = user_with_role("unit_manager", unit=unit)
    feedback = submit_feedback(
        FeedbackInput(unit=unit, text="Ajanvarauksen puhelinjono on aivan liian pitkä")
    )[0]
    matter = create_matter(
        by=manager,
        title="Takaisinsoitto terveysasemalle, jotta puhelinjonoissa ei tarvitse odottaa",
        summary="Asiakkaat jonottavat puhelimessa.",
        carrier=manager,
        target_body=body,
        unit=unit,
        inputs=[("feedback", feedback.pk)],
    )
    carry_matter(matter=matter, by=manager, carried_on=date(2026, 11, 2), texts={"fi": "Viety."})
    decide_matter(
        matter=matter,
        by=member,
        outcome="changed",
        decided_by="Sosiaali- ja terveyslautakunta",
        decided_on=date(2026, 11, 20),
        reasons="Kokeillaan ensin kahdella asemalla.",
        texts={"fi": "Hyväksyttiin muutoksin."},
    )
    return matter, manager, member


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_matter_pages_and_forms_pass_axe(page, live_server, axe_violations, unit, language):
    matter, manager, member = a_decided_matter(unit)
    sign_in_browser(page, live_server, manager, language=language)
    for path in (
        "/asiat/",
        "/asiat/elimet/",
        f"/asiat/{matter.pk}/",
        "/asiat/uusi/",
        f"/asiat/{matter.pk}/viety/",
        f"/asiat/{matter.pk}/esityslista/",
    ):
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path
    # The new-matter form sent empty: the error summary and the errors beside the fields.
    page.goto(live_server.url + "/asiat/uusi/")
    page.locator("main button.primary").click()
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []
    # The committee member's decision form, sent without reasons.
    other = a_second_undecided_matter(matter)
    sign_in_browser(page, live_server, member, language=language)
    page.goto(live_server.url + f"/asiat/{other.pk}/paatos/")
    assert axe_violations(page) == []
    page.locator("main button.primary").click()
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []
    page.goto(live_server.url + f"/asiat/{matter.pk}/")
    assert "Ajanvarauksen puhelinjono" in page.content()
    assert axe_violations(page) == []


def a_second_undecided_matter(matter):
    return create_matter(
        by=matter.carrier,
        title="Toinen asia",
        summary="Odottaa päätöstä.",
        carrier=matter.carrier,
        target_body=matter.target_body,
        unit=matter.unit,
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_matter_pages_fit_a_320_px_phone(page, live_server, unit, language):
    matter, manager, _member = a_decided_matter(unit)
    sign_in_browser(page, live_server, manager, language=language)
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/asiat/", f"/asiat/{matter.pk}/", "/asiat/uusi/", f"/asiat/{matter.pk}/viety/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path}: {overflow} px wider than the phone"
