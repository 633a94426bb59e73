"""Evaluations (#17 item 5): set up with the project's criteria, each evaluator assesses on a
1–5 scale and sees only their own assessments until the coordinator records the joint
meeting's conclusion; the report (page and PDF) then becomes a trail input of the decision."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.errors import DomainError
from osallisuus.evaluation import services
from osallisuus.evaluation.models import Assessment, Note
from osallisuus.evaluation.selectors import KIND
from osallisuus.observation.tests.factories import HETU
from osallisuus.trail.kinds import InputQuery, input_kinds

from . import factories as f

pytestmark = pytest.mark.django_db


def _form(evaluation, **texts):
    data = {}
    for number, criterion in enumerate(evaluation.criteria.all(), start=1):
        data[f"c{criterion.pk}-score"] = str(number + 2)
        data[f"c{criterion.pk}-text"] = texts.get(str(number), "")
    return data


def test_criteria_are_copied_from_the_project_and_only_evaluators_may_be_chosen(unit):
    coordinator = user_with_role("coordinator")
    evaluation = f.evaluation(unit=unit, coordinator=coordinator)
    assert [c.text for c in evaluation.criteria.all()] == [
        "Asiakas sai ajan viikossa",
        "Ohjeet olivat selkeät",
    ]
    resident_expert = user_with_role("expert")  # in the pool's role but with no assignment
    with pytest.raises(DomainError) as refused:
        services.set_up(
            by=coordinator,
            title="Toinen",
            project=evaluation.project,
            evaluators=[resident_expert],
        )
    assert refused.value.field == "evaluators"
    staff = user_with_role("staff", unit=unit)
    new = services.set_up(
        by=coordinator,
        title="Palvelun arviointi",
        service=unit.service,
        criteria="Saavutettavuus",
        evaluators=[staff],
    )
    assert [c.text for c in new.criteria.all()] == ["Saavutettavuus"]


def test_an_evaluator_sees_only_their_own_assessments_until_the_conclusion(client, login, unit):
    coordinator = user_with_role("coordinator")
    first, second = f.evaluator(unit=unit), f.evaluator(unit=unit)
    evaluation = f.evaluation(unit=unit, coordinator=coordinator, evaluators=[first, second])
    url = evaluation.get_absolute_url()
    login(first)
    response = client.post(url, _form(evaluation, **{"1": "Aika järjestyi nopeasti."}))
    assert response.status_code == 302
    assert Assessment.objects.filter(evaluator=first).count() == 2
    login(second)
    client.post(url, _form(evaluation, **{"1": "Chat vastasi vasta huomenna."}))
    page = client.get(url).content.decode()
    assert "Chat vastasi vasta huomenna." in page
    assert "Aika järjestyi nopeasti." not in page
    login(coordinator)
    page = client.get(url).content.decode()
    assert "Aika järjestyi nopeasti." in page and "Chat vastasi vasta huomenna." in page
    response = client.post(
        reverse("evaluation:conclude", kwargs={"pk": evaluation.pk}),
        {"meeting_date": "2026-11-20", "conclusion": "Kokeilu jatkuu koko palvelussa."},
    )
    assert response.status_code == 302
    login(second)
    page = client.get(url).content.decode()
    assert "Aika järjestyi nopeasti." in page
    # Assessments closed: a late post changes nothing.
    assert client.post(url, _form(evaluation)).status_code == 404
    assert (
        client.get(reverse("evaluation:conclude", kwargs={"pk": evaluation.pk})).status_code == 404
    )


def test_personal_data_is_refused_and_nothing_saved(client, login, unit):
    evaluation = f.evaluation(unit=unit)
    login(evaluation.evaluators.get())
    response = client.post(
        evaluation.get_absolute_url(), _form(evaluation, **{"2": f"Asiakas {HETU} sanoi näin."})
    )
    assert response.status_code == 200
    assert "henkilötunnus" in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_score_off_the_scale_or_text_without_a_score_is_refused(client, login, unit):
    evaluation = f.evaluation(unit=unit)
    login(evaluation.evaluators.get())
    criterion = evaluation.criteria.first()
    for data in (
        {f"c{criterion.pk}-score": "9"},
        {f"c{criterion.pk}-score": "", f"c{criterion.pk}-text": "Hyvä."},
    ):
        response = client.post(evaluation.get_absolute_url(), data)
        assert response.status_code == 200
        assert "field-error" in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_report_is_a_pdf_and_a_trail_input_once_concluded(client, login, unit):
    coordinator = user_with_role("coordinator")
    evaluation = f.evaluation(unit=unit, coordinator=coordinator)
    evaluator = evaluation.evaluators.get()
    answers = {c.pk: (4, "Toimi hyvin.") for c in evaluation.criteria.all()}
    services.assess(by=evaluator, evaluation=evaluation, answers=answers)
    kind = next(k for k in input_kinds() if k.name == KIND)
    assert list(kind.visible_ids(coordinator)) == []
    login(evaluator)
    assert client.get(reverse("evaluation:report", kwargs={"pk": evaluation.pk})).status_code == 404
    services.conclude(
        by=coordinator,
        evaluation=evaluation,
        conclusion="Chat-ajanvaraus otetaan käyttöön.",
        meeting_date=datetime.date(2026, 11, 20),
    )
    response = client.get(reverse("evaluation:report_pdf", kwargs={"pk": evaluation.pk}))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    page = client.get(reverse("evaluation:report", kwargs={"pk": evaluation.pk}))
    assert "Chat-ajanvaraus otetaan käyttöön." in page.content.decode()
    assert list(kind.visible_ids(coordinator)) == [evaluation.pk]
    [item] = kind.items([evaluation.pk], coordinator)
    assert "Chat-ajanvaraus otetaan käyttöön." in item.excerpt
    found = kind.search_ids(coordinator, InputQuery(words=(("käyttöön",),)))
    assert [pk for pk, _when in found] == [evaluation.pk]
    assert kind.items([evaluation.pk], user_with_role("expert")) == []


def test_others_get_404(client, login, unit):
    evaluation = f.evaluation(unit=unit)
    other = f.evaluator(unit=unit)
    login(other)
    assert client.get(evaluation.get_absolute_url()).status_code == 404
    assert client.get(reverse("evaluation:list")).status_code == 404
    login(user_with_role("staff", unit=unit))
    assert client.get(evaluation.get_absolute_url()).status_code == 404


def test_an_observing_client_files_notes_seen_by_coordinators_and_in_the_report(login, unit):
    coordinator = user_with_role("coordinator")
    evaluator = f.evaluator(unit=unit)
    observer = f.evaluator(unit=unit, kind="observer")
    with pytest.raises(DomainError):  # an observer needs an observer assignment
        f.evaluation(unit=unit, coordinator=coordinator, observers=[f.evaluator(unit=unit)])
    evaluation = f.evaluation(
        unit=unit, coordinator=coordinator, evaluators=[evaluator], observers=[observer]
    )
    note_url = reverse("evaluation:note_create", kwargs={"pk": evaluation.pk})
    client = login(observer)
    response = client.post(note_url, {"text": f"Asiakas {HETU} jonotti."})
    assert response.status_code == 200
    assert "henkilötunnus" in response.content.decode()
    assert not Note.objects.exists()
    assert client.post(note_url, {"text": "Ohjeet olivat seinällä."}).status_code == 302
    assert "Ohjeet olivat seinällä." in client.get(evaluation.get_absolute_url()).content.decode()
    assert "Ohjeet olivat seinällä." not in (
        login(evaluator).get(evaluation.get_absolute_url()).content.decode()
    )
    assert login(evaluator).post(note_url, {"text": "Ei saa."}).status_code == 404
    services.conclude(
        by=coordinator,
        evaluation=evaluation,
        conclusion="Jatketaan.",
        meeting_date=datetime.date(2026, 11, 20),
    )
    report = login(observer).get(reverse("evaluation:report", kwargs={"pk": evaluation.pk}))
    assert "Ohjeet olivat seinällä." in report.content.decode()
    assert login(observer).post(note_url, {"text": "Myöhässä."}).status_code == 404
    assert Note.objects.count() == 1
