"""Editing an evaluation (issue 17 item 5): the coordinator changes the title, criteria and
evaluators until the first assessment is filed; then the criteria are locked (a translated
explanation beside the field) and evaluators can still be added; after the conclusion the
evaluation cannot be edited."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.errors import DomainError
from osallisuus.evaluation import services

from . import factories as f

pytestmark = pytest.mark.django_db


def _edit_url(evaluation):
    return reverse("evaluation:edit", kwargs={"pk": evaluation.pk})


def _body(evaluation, **changes):
    body = {
        "title": evaluation.title,
        "criteria": "\n".join(c.text for c in evaluation.criteria.all()),
        "evaluators": [p.pk for p in evaluation.evaluators.all()],
    }
    body.update(changes)
    return body


def test_before_any_assessment_the_coordinator_edits_title_criteria_and_evaluators(
    client, login, unit
):
    coordinator = user_with_role("coordinator")
    evaluation = f.evaluation(unit=unit, coordinator=coordinator)
    added = f.evaluator(unit=unit)
    login(coordinator)
    assert "muokkaa" in client.get(evaluation.get_absolute_url()).content.decode()
    response = client.post(
        _edit_url(evaluation),
        _body(
            evaluation,
            title="Chat-kokeilun arviointi",
            criteria="Ajan sai viikossa\nOhjeet olivat selkeät\nChat vastasi samana päivänä",
            evaluators=[added.pk],
        ),
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.title == "Chat-kokeilun arviointi"
    assert [c.text for c in evaluation.criteria.all()] == [
        "Ajan sai viikossa",
        "Ohjeet olivat selkeät",
        "Chat vastasi samana päivänä",
    ]
    assert list(evaluation.evaluators.all()) == [added]


def test_after_the_first_assessment_criteria_are_locked_but_evaluators_can_be_added(
    client, login, unit
):
    coordinator = user_with_role("coordinator")
    first = f.evaluator(unit=unit)
    evaluation = f.evaluation(unit=unit, coordinator=coordinator, evaluators=[first])
    criterion = evaluation.criteria.first()
    services.assess(by=first, evaluation=evaluation, answers={criterion.pk: (4, "Toimi.")})
    login(coordinator)

    with translation.override("en"):
        page = client.get(_edit_url(evaluation), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Locked: assessments have been filed on these criteria." in page
    assert "disabled" in page.split('name="criteria"', 1)[1].split(">", 1)[0]

    # A changed criteria text in the post is ignored (the field is locked) ...
    second = f.evaluator(unit=unit)
    response = client.post(
        _edit_url(evaluation),
        _body(evaluation, criteria="Jotain muuta", evaluators=[first.pk, second.pk]),
    )
    assert response.status_code == 302
    assert [c.text for c in evaluation.criteria.all()] == [
        "Asiakas sai ajan viikossa",
        "Ohjeet olivat selkeät",
    ]
    assert set(evaluation.evaluators.all()) == {first, second}
    assert criterion.assessments.count() == 1

    # ... and the service refuses it too; nor may an evaluator who assessed be removed.
    with pytest.raises(DomainError) as refused:
        services.edit(
            by=coordinator, evaluation=evaluation, title="X", criteria="Uusi", evaluators=[first]
        )
    assert refused.value.field == "criteria"
    with pytest.raises(DomainError) as refused:
        services.edit(
            by=coordinator,
            evaluation=evaluation,
            title="X",
            criteria="Asiakas sai ajan viikossa\nOhjeet olivat selkeät",
            evaluators=[second],
        )
    assert refused.value.field == "evaluators"
    evaluation.refresh_from_db()
    assert evaluation.title == "Chat-ajanvarauksen kokeilu"


def test_evaluators_cannot_edit_and_a_concluded_evaluation_is_not_editable(client, login, unit):
    coordinator = user_with_role("coordinator")
    evaluation = f.evaluation(unit=unit, coordinator=coordinator)
    login(evaluation.evaluators.get())
    assert client.get(_edit_url(evaluation)).status_code == 404
    services.conclude(
        by=coordinator,
        evaluation=evaluation,
        conclusion="Kokeilu jatkuu.",
        meeting_date=datetime.date(2026, 11, 20),
    )
    login(coordinator)
    assert client.get(_edit_url(evaluation)).status_code == 404
    assert client.post(_edit_url(evaluation), _body(evaluation, title="Y")).status_code == 404
    evaluation.refresh_from_db()
    assert evaluation.title == "Chat-ajanvarauksen kokeilu"
