"""Survey campaigns (#15 item 8): membership by question set, unit and period; results hidden
below the minimum; planning rules; the use of results once closed; an input kind of the trail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.feedback.models import Feedback, QuestionSet
from osallisuus.trail.actions.services import change_action_status, create_action
from osallisuus.trail.services import UnknownInputError, link_inputs

from ..models import Campaign
from ..selectors import campaign_results, public_campaign_results
from ..services import update_campaign
from .factories import campaign_at, default_set, give

pytestmark = pytest.mark.django_db

START, END = date(2026, 3, 1), date(2026, 3, 31)


@pytest.fixture
def coordinator(unit):
    return user_with_role("coordinator", unit=unit)


def test_results_count_feedback_of_the_question_set_at_the_units_in_the_period(
    unit, other_unit, coordinator, settings
):
    settings.PUBLIC_MIN_ANSWERS = 2
    campaign = campaign_at(unit, starts_on=START, ends_on=END, by=coordinator)
    give(unit, day=START, score=5)
    give(unit, day=END, score=3)  # the last day belongs to the campaign
    give(unit, day=END + timedelta(days=1), score=1)  # after it
    give(other_unit, day=START, score=1)  # another unit
    other_set = give(unit, day=START, score=1)
    fft = QuestionSet.objects.get(key="fft")
    Feedback.objects.filter(pk=other_set.pk).update(question_set=fft)  # another question set

    results = campaign_results(campaign)

    assert results.count == 2
    # The statement with its own wording and counts, not an "average score" (#21 item 10).
    [access] = results.questions
    assert access.key == "access" and access.text
    assert [(c.value, c.count) for c in access.counts] == [(1, 0), (2, 0), (3, 1), (4, 0), (5, 1)]
    assert not hasattr(results, "mean_score")


def test_only_feedback_with_written_text_counts_as_a_comment(unit, coordinator):
    campaign = campaign_at(unit, starts_on=START, ends_on=END, by=coordinator)
    give(unit, day=START, text="Jonotin puhelimessa")
    give(unit, day=START)

    results = campaign_results(campaign)

    assert (results.count, results.comments) == (2, 1)


def test_answers_and_themes_below_the_minimum_are_hidden(unit, coordinator, settings):
    settings.PUBLIC_MIN_ANSWERS = 3
    campaign = campaign_at(unit, starts_on=START, ends_on=END, by=coordinator)
    for _n in range(3):
        give(unit, day=START, text="Jonotin puhelimessa", themes=("waiting",))
    give(unit, day=START, text="Hissi rikki", themes=("facilities",))

    results = campaign_results(campaign)

    assert [(t.theme, t.count) for t in results.themes] == [("waiting", 3)]
    assert results.hidden_themes == 1
    assert [q.shown for q in results.questions] == [True]  # four answers ≥ three

    settings.PUBLIC_MIN_ANSWERS = 5
    results = campaign_results(campaign)
    assert [(q.shown, q.counts) for q in results.questions] == [(False, [])]
    assert results.themes == []


def test_how_the_results_were_used_is_told_after_the_campaign_closes(unit, coordinator):
    today = timezone.localdate()
    campaign = campaign_at(
        unit, starts_on=today - timedelta(days=10), ends_on=today, by=coordinator
    )
    action = create_action(
        by=coordinator,
        title_fi="Takaisinsoitto",
        owner=coordinator,
        unit=unit,
        texts={"fi": "Otamme takaisinsoiton käyttöön."},
        inputs=[("campaign", campaign.pk)],
    )
    change_action_status(
        action=action, by=coordinator, status="done", texts={"fi": "Takaisinsoitto toimii."}
    )
    assert campaign_results(campaign).used == []  # still open today

    Campaign.objects.filter(pk=campaign.pk).update(ends_on=today - timedelta(days=1))
    campaign.refresh_from_db()
    used = campaign_results(campaign, language="fi").used
    assert [o.public_text for o in used] == [
        "Otamme takaisinsoiton käyttöön.",
        "Takaisinsoitto toimii.",
    ]
    public = public_campaign_results(unit, language="fi")
    assert [r.campaign for r in public] == [campaign]


def test_the_results_page_shows_the_use_of_results(unit, coordinator, client_as):
    today = timezone.localdate()
    campaign = campaign_at(
        unit,
        starts_on=today - timedelta(days=40),
        ends_on=today - timedelta(days=5),
        by=coordinator,
    )
    create_action(
        by=coordinator,
        title_fi="Takaisinsoitto",
        owner=coordinator,
        unit=unit,
        texts={"fi": "Otamme takaisinsoiton käyttöön."},
        inputs=[("campaign", campaign.pk)],
    )
    page = client_as("staff").get(f"/kyselyt/{campaign.pk}/", HTTP_ACCEPT_LANGUAGE="fi")
    assert page.status_code == 200
    assert "Otamme takaisinsoiton käyttöön." in page.content.decode()


def test_staff_of_another_unit_gets_404_and_cannot_link_the_campaign(
    unit, other_unit, coordinator, client
):
    from osallisuus.accounts.tests.factories import sign_in

    campaign = campaign_at(unit, starts_on=START, ends_on=END, by=coordinator)
    stranger = user_with_role("staff", unit=other_unit)
    sign_in(client, stranger)
    assert client.get(f"/kyselyt/{campaign.pk}/").status_code == 404
    action = create_action(by=stranger, title_fi="Muuta", owner=stranger, unit=other_unit)
    with pytest.raises(UnknownInputError):
        link_inputs(by=stranger, refs=[("campaign", campaign.pk)], action=action)


def test_a_unit_manager_plans_a_campaign_only_at_units_they_manage(unit, other_unit, client):
    from osallisuus.accounts.tests.factories import sign_in

    manager = user_with_role("unit_manager", unit=unit)
    sign_in(client, manager)
    body = {
        "title_fi": "Kysely",
        "question_set": default_set().pk,
        "starts_on": "2026-04-01",
        "ends_on": "2026-04-30",
    }
    refused = client.post("/kyselyt/uusi/", {**body, "units": [other_unit.pk]})
    assert refused.status_code == 200
    assert (
        'href="#id_units_0"' in refused.content.decode() or "id_units" in refused.content.decode()
    )
    assert not Campaign.objects.exists()
    made = client.post("/kyselyt/uusi/", {**body, "units": [unit.pk]})
    assert made.status_code == 302
    assert list(Campaign.objects.get().units.all()) == [unit]


def test_the_last_day_before_the_first_is_an_error_beside_the_field_and_nothing_is_saved(
    unit, coordinator, client
):
    from osallisuus.accounts.tests.factories import sign_in

    sign_in(client, coordinator)
    response = client.post(
        "/kyselyt/uusi/",
        {
            "title_fi": "Kysely",
            "question_set": default_set().pk,
            "units": [unit.pk],
            "starts_on": "2026-04-30",
            "ends_on": "2026-04-01",
        },
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_ends_on"' in html  # in the error summary
    assert "id_ends_on_error" in html  # beside the field
    assert not Campaign.objects.exists()


def test_the_api_lists_only_campaigns_in_scope_paginated_as_the_schema_says(
    unit, other_unit, coordinator, client_as
):
    mine = campaign_at(unit, starts_on=START, ends_on=END, by=coordinator)
    campaign_at(other_unit, starts_on=START, ends_on=END, by=coordinator)
    client = client_as("staff")
    data = client.get("/api/v1/campaigns/").json()
    assert data["count"] == 1
    item = data["results"][0]
    assert item["id"] == mine.pk and item["units"] == [unit.code] and item["closed"] is True
    schema = client.get("/api/v1/schema/").json()
    assert set(item) == set(schema["components"]["schemas"]["Campaign"]["properties"])
    assert "/api/v1/campaigns/" in schema["paths"]


def test_the_trail_figures_count_campaigns_closed_at_the_units_in_the_period(
    unit, other_unit, coordinator
):
    from osallisuus.organisation.models import Unit
    from osallisuus.trail.selectors import trail_figures

    both = campaign_at(unit, other_unit, starts_on=START, ends_on=END, by=coordinator)
    campaign_at(other_unit, starts_on=START, ends_on=END, by=coordinator)
    campaign_at(unit, starts_on=END, ends_on=END + timedelta(days=40), by=coordinator)
    action = create_action(
        by=coordinator,
        title_fi="Takaisinsoitto",
        owner=coordinator,
        unit=unit,
        inputs=[("campaign", both.pk)],
    )
    change_action_status(action=action, by=coordinator, status="done", texts={"fi": "Tehty."})

    figures = trail_figures(units=Unit.objects.filter(pk=unit.pk), start=START, end=END)

    campaigns = next(kind for kind in figures.kinds if kind.kind == "campaign")
    assert (campaigns.inputs, campaigns.linked, campaigns.with_outcome) == (1, 1, 1)


def test_a_closed_campaigns_figures_are_kept_and_counted_again_after_a_change(
    unit, coordinator, settings, django_assert_max_num_queries
):
    settings.PUBLIC_MIN_ANSWERS = 1
    campaign = campaign_at(unit, starts_on=START, ends_on=END, by=coordinator)
    give(unit, day=START, score=5)
    assert campaign.is_closed()
    assert campaign_results(campaign).count == 1
    # Final: an item entered later with a day in the period does not change the results, and
    # reading them counts no items.
    give(unit, day=START, score=4)
    campaign = Campaign.objects.get(pk=campaign.pk)
    with django_assert_max_num_queries(3):
        kept = campaign_results(campaign, questions=False)
    assert kept.count == 1
    [access] = campaign_results(campaign).questions
    assert [(c.value, c.count) for c in access.counts if c.count] == [(5, 1)]
    # Changing the campaign counts them again.
    update_campaign(
        campaign=campaign,
        by=coordinator,
        title_fi=campaign.title_fi,
        question_set=campaign.question_set,
        units=[unit],
        starts_on=START,
        ends_on=END,
    )
    assert campaign_results(Campaign.objects.get(pk=campaign.pk)).count == 2
