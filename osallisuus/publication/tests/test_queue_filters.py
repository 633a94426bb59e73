"""The moderation queue narrows by words, unit and period (#21 item 6)."""

import datetime

import pytest
from django.utils import timezone

from osallisuus.feedback.models import Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db


def give(unit, text, *, days_ago=0):
    feedback = submit_feedback(FeedbackInput(unit=unit, text=text, publish_consent=True))[0]
    received = timezone.now() - datetime.timedelta(days=days_ago)
    Feedback.objects.filter(pk=feedback.pk).update(received_at=received)
    return feedback


def shown(client, **query):
    page = client.get("/palaute/julkaisu/", query)
    assert page.status_code == 200
    return list(page.context["page"])


def test_search_finds_words_of_the_text_without_personal_data_and_the_reply_code(client_as, unit):
    parking = give(unit, "Pysäköintipaikkoja on liian vähän sairaalan edessä.")
    lift = give(unit, "Hissi oli rikki koko viikon.")
    coordinator = client_as("coordinator")
    assert shown(coordinator, q="pysäköinti") == [parking]
    assert shown(coordinator, q=lift.reply_code) == [lift]
    assert shown(coordinator) == [parking, lift]


def test_the_queue_narrows_to_a_unit_and_a_period(client_as, unit, other_unit):
    old_here = give(unit, "Odotusaika oli pitkä.", days_ago=40)
    new_here = give(unit, "Ystävällinen vastaanotto.", days_ago=2)
    new_there = give(other_unit, "Siistit tilat.", days_ago=2)
    coordinator = client_as("coordinator")
    today = timezone.localdate()
    assert shown(coordinator, unit=unit.pk) == [old_here, new_here]
    assert shown(coordinator, since=(today - datetime.timedelta(days=7)).isoformat()) == [
        new_here,
        new_there,
    ]
    assert shown(
        coordinator,
        unit=unit.pk,
        until=(today - datetime.timedelta(days=30)).isoformat(),
    ) == [old_here]


def test_a_period_that_ends_before_it_starts_is_an_error_beside_the_field(client_as, unit):
    coordinator = client_as("coordinator")
    coordinator.cookies["django_language"] = "en"
    page = coordinator.get("/palaute/julkaisu/", {"since": "2026-05-02", "until": "2026-05-01"})
    body = page.content.decode()
    assert 'class="error-summary"' in body
    assert 'href="#id_until"' in body
    assert body.count("The end of the period is before its start.") == 2  # summary and field


def test_a_unit_manager_may_filter_only_by_the_units_they_moderate(client_as, unit, other_unit):
    give(other_unit, "Siistit tilat.")
    manager = client_as("unit_manager")
    units = list(manager.get("/palaute/julkaisu/").context["form"].fields["unit"].queryset)
    assert other_unit not in units
    assert shown(manager, unit=other_unit.pk) == []
