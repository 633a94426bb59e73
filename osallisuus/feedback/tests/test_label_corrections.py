"""Staff correct the text analysis labels; corrections become evaluation data (issue #4)."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.analysis.models import LabelCorrection
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.selectors import label_corrections_visible_to
from osallisuus.feedback.services import (
    FeedbackInput,
    HandlingError,
    correct_labels,
    submit_feedback,
)
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db
CSV_URL = "/palaute/saapuneet/merkintakorjaukset.csv"
WITH_NAME = "Hoitaja Mervi Virtanen unohti soittaa takaisin, odotin koko päivän puhelinta."


def give(unit, text=WITH_NAME, **kwargs):
    return submit_feedback(FeedbackInput(unit=unit, text=text, **kwargs))[0]


def correct(client, feedback, themes, sentiment, urgent=False):
    data = {"themes": themes, "sentiment": sentiment}
    if urgent:
        data["urgent"] = "on"
    return client.post(reverse("feedback:labels", kwargs={"pk": feedback.pk}), data)


def test_staff_correct_the_labels_and_the_item_takes_them(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit)
    response = correct(staff, feedback, ["staff_attitude", "access_waiting"], "mixed")
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.themes == ["access_waiting", "staff_attitude"]
    assert feedback.sentiment == "mixed"
    body = staff.get("/palaute/saapuneet/", {"sentiment": "mixed"}).content.decode()
    assert feedback.get_absolute_url() in body


def test_a_correction_is_stored_with_who_when_before_and_after(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit)
    before = (list(feedback.themes), feedback.sentiment, feedback.urgent)
    correct(staff, feedback, ["care_quality"], "positive", urgent=True)
    correction = LabelCorrection.objects.get()
    assert correction.by == staff.user and correction.feedback_id == feedback.pk
    assert correction.at is not None
    assert (
        correction.themes_before,
        correction.sentiment_before,
        correction.urgent_before,
    ) == before
    assert (correction.themes_after, correction.sentiment_after, correction.urgent_after) == (
        ["care_quality"],
        "positive",
        True,
    )


def test_the_stored_text_is_redacted(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit)
    correct(staff, feedback, ["care_quality"], "positive")
    text = LabelCorrection.objects.get().text
    assert "Mervi" not in text and "Virtanen" not in text
    assert "soittaa takaisin" in text


def test_unchanged_labels_are_not_a_correction(unit, make_user):
    feedback = give(unit)
    with pytest.raises(HandlingError):
        correct_labels(
            feedback=feedback,
            by=make_user("staff"),
            themes=list(reversed(feedback.themes)),
            sentiment=feedback.sentiment,
            urgent=feedback.urgent,
        )
    assert not LabelCorrection.objects.exists()


def test_an_unknown_theme_is_refused_next_to_the_field(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit)
    response = correct(staff, feedback, ["no_such_theme"], "positive")
    assert response.status_code == 200
    assert response.context["label_form"].errors["themes"]
    assert not LabelCorrection.objects.exists()


def test_marking_an_item_urgent_alerts_the_unit_manager(
    client_as, unit, make_user, django_capture_on_commit_callbacks
):
    manager = make_user("unit_manager")
    staff = client_as("staff")
    feedback = give(unit, "Lääkäri oli mukava.")
    assert not feedback.urgent
    with django_capture_on_commit_callbacks(execute=True):
        correct(staff, feedback, ["care_quality"], "negative", urgent=True)
    assert OutboxMessage.objects.filter(recipient=manager.email).exists()


def test_staff_of_another_unit_cannot_correct_or_export(client_as, unit, other_unit):
    theirs = give(other_unit)
    staff = client_as("staff")
    assert correct(staff, theirs, ["care_quality"], "positive").status_code == 404
    correct_labels(
        feedback=theirs,
        by=user_with_role("staff", unit=other_unit),
        themes=["care_quality"],
        sentiment="positive",
        urgent=False,
    )
    assert not label_corrections_visible_to(staff.user).exists()
    assert staff.get(CSV_URL).status_code == 404


def test_the_export_command_writes_gold_lines_evaluate_text_reads(client_as, unit, tmp_path):
    staff = client_as("staff")
    feedback = give(unit)
    correct(staff, feedback, ["care_quality"], "positive")
    correct(staff, Feedback.objects.get(pk=feedback.pk), ["access_waiting"], "negative")
    output = tmp_path / "corrections.jsonl"
    call_command("export_label_corrections", "--output", str(output), stderr=io.StringIO())
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {
            "id": f"feedback-{feedback.pk}",
            "text": LabelCorrection.objects.first().text,
            "lang": "fi",
            "themes": ["access_waiting"],
            "sentiment": "negative",
            "urgent": False,
            "pii": [],
        }
    ]
    assert "Mervi" not in lines[0]["text"]
    report = io.StringIO()
    call_command("evaluate_text", "--gold", str(output), stdout=report)
    assert "access_waiting" in report.getvalue()


def test_coordinators_download_the_corrections_as_csv(client_as, unit):
    feedback = give(unit)
    correct(client_as("staff"), feedback, ["care_quality", "safety"], "negative", urgent=True)
    response = client_as("coordinator").get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows == [
        {
            "id": f"feedback-{feedback.pk}",
            "text": LabelCorrection.objects.get().text,
            "lang": "fi",
            "themes": "care_quality;safety",
            "sentiment": "negative",
            "urgent": "true",
        }
    ]


@pytest.mark.parametrize("role", ["staff", "unit_manager", "decision_maker", "expert"])
def test_only_coordinators_and_administrators_download_the_csv(client_as, role):
    assert client_as(role).get(CSV_URL).status_code == 404


def test_a_theme_the_analysis_is_unsure_of_is_tagged_until_a_person_corrects_it(client_as, unit):
    staff = client_as("staff")
    feedback = give(unit, text="Jonotin puhelimessa tunnin eikä kukaan vastannut.")
    Feedback.objects.filter(pk=feedback.pk).update(
        themes=["access_waiting", "information"], uncertain_themes=["information"]
    )
    detail = staff.get(feedback.get_absolute_url()).content.decode()
    assert "Tiedonsaanti ja viestintä (epävarma)" in detail
    assert "Pääsy palveluun ja odotusajat (epävarma)" not in detail
    inbox = staff.get("/palaute/saapuneet/").content.decode()
    assert "Tiedonsaanti ja viestintä (epävarma)" in inbox
    correct(staff, feedback, ["access_waiting", "information"], "mixed")
    feedback.refresh_from_db()
    assert feedback.uncertain_themes == []
    assert "(epävarma)" not in staff.get(feedback.get_absolute_url()).content.decode()
