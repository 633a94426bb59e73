"""The repository search: words found in their inflected forms and compounds, across kinds,
never more than each kind shows the person, decision makers only redacted text."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.services import add_note
from osallisuus.codevelopment.tests.factories import project_with_workshop
from osallisuus.feedback.models import Feedback, Status
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.organisation.tests.factories import ServiceFactory
from osallisuus.search.selectors import search_inputs, search_query
from osallisuus.trail.kinds import input_kinds

pytestmark = pytest.mark.django_db


def give(unit: Any, text: str, **kwargs: Any) -> Feedback:
    return submit_feedback(FeedbackInput(unit=unit, text=text, **kwargs))[0]


def found(user: Any, words: str, **filters: Any) -> list[Any]:
    kinds = filters.pop("kinds", None)
    return [r.item for r in search_inputs(user, search_query(words=words, **filters), kinds)]


def test_a_finnish_compound_and_an_inflected_form_are_found(unit):
    compound = give(unit, "Ajanvarausjärjestelmä kaatui kesken kaiken.")
    inflected = give(unit, "Ajanvarauksen peruminen ei onnistunut netissä.")
    give(unit, "Parkkipaikkoja on liian vähän.")
    staff = user_with_role("staff", unit=unit)
    assert {item.pk for item in found(staff, "ajanvaraus")} == {compound.pk, inflected.pk}
    # The inflected query word finds the base form too.
    base = give(unit, "Ajanvaraus toimi hyvin.")
    assert base.pk in {item.pk for item in found(staff, "ajanvarauksen")}


def test_swedish_and_english_words_are_found_in_their_other_forms(unit):
    swedish = give(unit, "Bokningen av tid tog en vecka.", language="sv")
    english = give(unit, "Booking appointments online failed twice.", language="en")
    staff = user_with_role("staff", unit=unit)
    assert [item.pk for item in found(staff, "bokning")] == [swedish.pk]
    assert [item.pk for item in found(staff, "appointment")] == [english.pk]


def test_every_word_must_match(unit):
    both = give(unit, "Ajanvaraus netissä ei toiminut.")
    give(unit, "Ajanvaraus puhelimessa toimi.")
    staff = user_with_role("staff", unit=unit)
    assert [item.pk for item in found(staff, "ajanvaraus netti")] == [both.pk]


def test_staff_of_another_unit_find_nothing_of_this_units(unit, other_unit):
    give(unit, "Ajanvarausjärjestelmä kaatui.")
    stranger = user_with_role("staff", unit=other_unit)
    assert found(stranger, "ajanvaraus") == []
    # Nor by naming the unit as a filter: the kind's own scope still rules.
    assert found(stranger, "ajanvaraus", unit=unit) == []


def test_a_decision_maker_finds_redacted_text_only(unit, client_as):
    item = give(unit, "Ajanvaraus ei toiminut, soittakaa Matti Virtaselle numeroon 040 1234567.")
    assert "1234567" not in item.redacted_text
    decider = user_with_role("decision_maker")
    (hit,) = found(decider, "ajanvaraus")
    assert hit.pk == item.pk
    assert "1234567" not in hit.excerpt and "Virtase" not in hit.excerpt
    assert hit.excerpt.startswith("Ajanvaraus ei toiminut")
    # No link to the handling page, which is not theirs to open.
    assert hit.url == ""
    # Personal data is not searchable: a hit would tell who is named in it.
    assert found(decider, "Virtanen") == []
    assert found(decider, "1234567") == []
    page = client_as("decision_maker").get(reverse("search:search"), {"q": "ajanvaraus"})
    body = page.content.decode()
    assert "Ajanvaraus ei toiminut" in body
    assert "1234567" not in body and "Virtase" not in body
    assert reverse("feedback:detail", kwargs={"pk": item.pk}) not in body


def test_staff_get_a_link_to_the_item(unit):
    item = give(unit, "Ajanvaraus ei toiminut.")
    (hit,) = found(user_with_role("staff", unit=unit), "ajanvaraus")
    assert hit.url == reverse("feedback:detail", kwargs={"pk": item.pk})


def test_filters_narrow_by_theme_status_unit_service_and_period(unit, other_unit):
    other_unit.service = ServiceFactory(name_fi="Suun terveys")
    other_unit.save()
    old = give(unit, "Ajanvaraus netissä ei toiminut.")
    Feedback.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - timedelta(days=40), themes=["booking_digital"]
    )
    new = give(unit, "Ajanvaraus onnistui, kiitos.")
    Feedback.objects.filter(pk=new.pk).update(status=Status.CLOSED, themes=["staff_attitude"])
    elsewhere = give(other_unit, "Ajanvaraus oli helppo.")
    Feedback.objects.filter(pk=elsewhere.pk).update(themes=[])
    coordinator = user_with_role("coordinator")
    every = {old.pk, new.pk, elsewhere.pk}
    assert {i.pk for i in found(coordinator, "ajanvaraus")} == every

    def pks(**filters: Any) -> set[int]:
        return {i.pk for i in found(coordinator, "ajanvaraus", **filters)}

    assert pks(theme="booking_digital") == {old.pk}
    assert pks(status="handled") == {new.pk}
    assert pks(status="open") == {old.pk, elsewhere.pk}
    assert pks(unit=other_unit) == {elsewhere.pk}
    assert pks(service=unit.service) == {old.pk, new.pk}
    today = timezone.localdate()
    assert pks(since=today - timedelta(days=7)) == {new.pk, elsewhere.pk}
    assert pks(until=today - timedelta(days=7)) == {old.pk}
    assert pks(kinds=["workshop_note"]) == set()


def test_workshop_notes_are_found_with_feedback_newest_first(unit):
    item = give(unit, "Ajanvaraus ei toiminut.")
    setup = project_with_workshop(unit)
    column = setup.workshop.columns.first()
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=column, text="Ajanvarauksen chat"
    )
    hits = found(setup.facilitator, "ajanvaraus")
    assert [(hit.kind, hit.pk) for hit in hits][:1] == [("workshop_note", note.pk)]
    coordinator = user_with_role("coordinator")
    assert [(h.kind, h.pk) for h in found(coordinator, "ajanvaraus")] == [
        ("workshop_note", note.pk),
        ("feedback", item.pk),
    ]
    # A theme narrows co-development inputs (which have none) to nothing.
    assert found(coordinator, "ajanvaraus", kinds=["workshop_note"], theme="information") == []


def test_a_page_holds_twenty_results_and_the_count_of_all(
    unit, client_as, django_assert_max_num_queries
):
    for n in range(25):
        give(unit, f"Ajanvaraus numero {n} ei toiminut.")
    client = client_as("staff")
    # The page's own queries, then each registered input kind counts and lists its hits (two
    # queries a kind).
    with django_assert_max_num_queries(12 + 2 * len(input_kinds())):
        page = client.get(reverse("search:search"), {"q": "ajanvaraus"})
    assert page.context["page"].paginator.count == 25
    assert len(page.context["page"].object_list) == 20
    second = client.get(reverse("search:search"), {"q": "ajanvaraus", "page": 2})
    assert len(second.context["page"].object_list) == 5
