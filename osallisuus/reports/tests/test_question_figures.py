"""Per-question figures: the dashboards, the reports API and the public unit page read the same
answer roll-ups, each statement on its own scale, small groups hidden."""

import pytest
from django.utils import timezone

from osallisuus.reports.services import rebuild_rollups

from .factories import default_questions, make_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(unit, settings):
    """Six answers this month at KST: scores 5, 5, 4, 3, 1, 5 and recommendations."""
    settings.PUBLIC_MIN_ANSWERS = 5
    now = timezone.now()
    for score, nps in [(5, 10), (5, 9), (4, 8), (3, 3), (1, 0), (5, 10)]:
        make_feedback(unit, received_at=now, score=score, nps=nps)
    make_feedback(unit, received_at=now, score=1, nps=0, mashing=True)
    rebuild_rollups()


def counts_of(questions):
    return {q["question_id"]: [(c["value"], c["count"]) for c in q["counts"]] for q in questions}


def test_the_dashboard_shows_each_question_with_its_own_counts(client_as, answered):
    scale, nps = default_questions()
    staff = client_as("staff")
    staff.cookies["django_language"] = "en"
    response = staff.get("/raportit/toimipiste/KST/")
    first, second = response.context["questions"]
    assert (first.question_id, second.question_id) == (scale.pk, nps.pk)
    assert [c.count for c in first.counts] == [1, 0, 1, 1, 3]  # the button-mash left out
    assert first.answers == 6 and second.counts[10].count == 2
    body = response.content.decode()
    assert f'id="question-{scale.pk}"' in body
    assert '<th scope="row">5 – Strongly agree</th><td>3</td>' in body


def test_the_reports_api_gives_the_counts_of_the_dashboard_and_the_public_page(
    client_as, client, answered
):
    staff = client_as("staff")
    api = staff.get("/api/v1/reports/questions/", {"unit_code": "KST"}).json()
    dashboard = staff.get("/raportit/toimipiste/KST/").context["questions"]
    public = client.get("/api/v1/units/KST/stories/").json()["summary"]["questions"]
    assert counts_of(api) == counts_of(public)
    assert counts_of(api) == {
        q.question_id: [(c.value, c.count) for c in q.counts] for q in dashboard
    }
    assert all(q["answers"] == 6 for q in api)


def test_a_question_below_the_smallest_group_is_hidden_everywhere(client_as, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    for score in (1, 2, 5, 5):
        make_feedback(unit, score=score)
    rebuild_rollups()
    (question,) = client_as("staff").get("/api/v1/reports/questions/").json()
    assert question["text"]
    assert question["shown"] is False
    assert question["answers"] is None and question["counts"] == []
    staff = client_as("staff")
    staff.cookies["django_language"] = "en"
    body = staff.get("/raportit/toimipiste/KST/").content.decode()
    assert "Shown when at least 5 people have answered this question." in body


def test_the_questions_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/").json()
    assert "get" in schema["paths"]["/api/v1/reports/questions/"]
