"""Exports: pseudonymous ids and redacted text only, scoped to the user, logged in the audit."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from osallisuus.audit.models import AccessLog
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.reports.exports import pseudonym
from osallisuus.reports.models import ExportRecord
from osallisuus.reports.services import rebuild_rollups

from .factories import make_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def kst_feedback(unit):
    feedback, _ = submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Soittakaa minulle numeroon 040 123 4567, jonotin tunnin.",
            answers=[("access", 2), ("recommend", 3)],
            contact_email="giver@example.org",
            contact_phone="+358401234567",
        )
    )
    rebuild_rollups()
    return feedback


def test_the_answers_export_has_pseudonymous_ids_and_no_contact_data(client_as, kst_feedback):
    response = client_as("unit_manager").get("/raportit/vienti/answers.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["id"] for row in rows] == [pseudonym(kst_feedback.pk)]
    assert rows[0]["unit_code"] == "KST"
    assert rows[0]["score"] == "2"
    assert rows[0]["recommend"] == "3"
    assert kst_feedback.reply_code not in body
    assert "giver@example.org" not in body
    assert "040 123 4567" not in body and "+358401234567" not in body
    assert rows[0]["id"] != str(kst_feedback.pk)


def test_an_export_download_is_recorded_in_the_audit_log(client_as, kst_feedback):
    client = client_as("staff")
    client.get("/raportit/vienti/answers.json")
    record = ExportRecord.objects.get()
    assert (record.by, record.kind, record.format, record.rows) == (
        client.user,
        "answers",
        "json",
        1,
    )
    log = AccessLog.objects.get(action="export")
    assert log.actor == client.user
    assert log.object_type == "reports.exportrecord" and log.object_id == str(record.pk)


def test_the_json_and_xlsx_exports_hold_the_same_rows(client_as, kst_feedback):
    client = client_as("coordinator")
    data = json.loads(client.get("/raportit/vienti/answers.json").content)
    sheet = load_workbook(io.BytesIO(client.get("/raportit/vienti/answers.xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "id"
    assert [r[0] for r in rows[1:]] == [item["id"] for item in data] == [pseudonym(kst_feedback.pk)]


def test_another_units_staff_export_holds_no_kst_items(client, login, unit, other_unit):
    from osallisuus.accounts.tests.factories import user_with_role

    kst = make_feedback(unit, score=4, text="KST-kommentti")
    mtr = make_feedback(other_unit, score=3, text="MTR-kommentti")
    rebuild_rollups()
    login(user_with_role("staff", unit=other_unit))
    body = client.get("/raportit/vienti/answers.csv").content.decode("utf-8-sig")
    assert pseudonym(mtr.pk) in body and "MTR-kommentti" in body
    assert pseudonym(kst.pk) not in body and "KST-kommentti" not in body and "KST" not in body
    aggregates = client.get("/raportit/vienti/aggregates.json").json()
    assert {row["unit_code"] for row in aggregates} == {"MTR"}
    assert client.get("/raportit/vienti/answers.csv?unit=KST").status_code == 404


def test_the_aggregate_export_sums_by_unit_and_month(client_as, unit):
    for score in (5, 4, 4):
        make_feedback(unit, score=score, channel="qr")
    make_feedback(unit, score=1, channel="kiosk")
    rebuild_rollups()
    rows = client_as("staff").get("/raportit/vienti/aggregates.json").json()
    assert len(rows) == 1
    assert (rows[0]["unit_code"], rows[0]["count"], rows[0]["comments"]) == ("KST", 4, 0)
    # No "score" columns: those counted each item's first five-point answer, whatever statement
    # it was (#21 item 10); each statement's own counts are in the per-question figures.
    assert not [name for name in rows[0] if "score" in name]


def test_text_that_a_spreadsheet_would_run_is_defused(client_as, unit):
    make_feedback(unit, text='=HYPERLINK("http://evil")')
    rebuild_rollups()
    body = client_as("staff").get("/raportit/vienti/answers.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body


def test_the_aggregates_api_is_paginated_and_scoped(client, login, unit, other_unit):
    from osallisuus.accounts.tests.factories import user_with_role

    make_feedback(unit, score=5)
    make_feedback(other_unit, score=5)
    rebuild_rollups()
    login(user_with_role("staff", unit=unit))
    data = client.get("/api/v1/reports/aggregates/").json()
    assert data["count"] == 1
    assert data["results"][0]["unit_code"] == "KST"
    assert data["results"][0]["count"] == 1
    assert client.get("/api/v1/reports/aggregates/?unit_code=MTR").status_code == 404
    assert client.get("/api/v1/reports/aggregates/?since=2026-13").status_code == 400


def test_the_aggregates_api_accepts_a_token(unit, make_user):
    from rest_framework.test import APIClient

    from osallisuus.accounts.tests.factories import api_key_for

    make_feedback(unit, score=5)
    rebuild_rollups()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(make_user('coordinator'))}")
    assert api.get("/api/v1/reports/aggregates/").json()["count"] == 1


def test_the_aggregates_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/").json()
    operation = schema["paths"]["/api/v1/reports/aggregates/"]["get"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert "Paginated" in ok["$ref"]
