"""The objection register (#18): kept apart from feedback, handled by complaints officers only,
every view audit-logged, the sender reads the answer by code; the API's contract."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from osallisuus.audit.models import AccessLog
from osallisuus.complaints.models import Complaint, ComplaintStatus
from osallisuus.complaints.services import answer_objection
from osallisuus.feedback.models import Feedback
from osallisuus.notifications.models import OutboxMessage

from .factories import county_takes_objections, objection_of

pytestmark = pytest.mark.django_db

FORM = {
    "concern": "health",
    "name": "Maija Meikäläinen",
    "address": "Kuja 1, 00100 Helsinki",
    "email": "maija@example.org",
    "text": "Minua ei kuunneltu vastaanotolla.",
    "idempotency_key": "form-1",
}


def test_the_form_is_off_until_the_county_enables_it(client, unit):
    assert client.get("/muistutus-ja-kantelu/muistutus/").status_code == 404


def test_a_form_objection_never_enters_the_feedback_store(client, unit):
    county_takes_objections(days=21)
    feedbacks = Feedback.objects.count()
    response = client.post("/muistutus-ja-kantelu/muistutus/", {**FORM, "unit": unit.pk})
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/muistutus-ja-kantelu/seuraa/{complaint.code}/"
    assert Feedback.objects.count() == feedbacks
    assert complaint.acknowledge_by == timezone.localdate() + datetime.timedelta(days=21)
    acknowledgement = OutboxMessage.objects.get(recipient="maija@example.org")
    assert complaint.code in acknowledgement.body


def test_name_and_address_are_required_beside_the_fields(client, unit):
    county_takes_objections()
    response = client.post(
        "/muistutus-ja-kantelu/muistutus/", {**FORM, "unit": unit.pk, "name": "", "address": ""}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_error"' in body or "id_name_error" in body
    assert "id_address_error" in body
    assert "error-summary" in body
    assert not Complaint.objects.exists()


def test_an_attachment_that_is_not_what_it_claims_is_refused(client, unit):
    county_takes_objections()
    fake = SimpleUploadedFile("kuva.png", b"MZ not a picture", content_type="image/png")
    response = client.post(
        "/muistutus-ja-kantelu/muistutus/", {**FORM, "unit": unit.pk, "attachments": fake}
    )
    assert response.status_code == 200
    assert "id_attachments_error" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_pdf_attachment_is_kept_with_the_objection(client, unit):
    county_takes_objections()
    pdf = SimpleUploadedFile("liite.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post("/muistutus-ja-kantelu/muistutus/", {**FORM, "unit": unit.pk, "attachments": pdf})
    assert Complaint.objects.get().attachments.get().name == "liite.pdf"


@pytest.mark.parametrize("role", ["staff", "unit_manager", "coordinator", "administrator"])
def test_staff_other_than_complaints_officers_get_404_on_a_record(client_as, unit, role):
    county_takes_objections()
    complaint = objection_of(unit)
    client = client_as(role)
    assert client.get(f"/muistutus-ja-kantelu/rekisteri/{complaint.pk}/").status_code == 404
    assert client.get("/muistutus-ja-kantelu/rekisteri/").status_code == 404


def test_every_view_of_a_record_is_audit_logged(client_as, unit):
    county_takes_objections()
    complaint = objection_of(unit)
    officer = client_as("complaints_officer")
    for _ in range(2):
        response = officer.get(f"/muistutus-ja-kantelu/rekisteri/{complaint.pk}/")
        assert response.status_code == 200
        assert "Maija Meikäläinen" in response.content.decode()
    entries = AccessLog.objects.filter(object_type="complaints.complaint", object_id=complaint.pk)
    assert entries.count() == 2
    assert set(entries.values_list("actor", flat=True)) == {officer.user.pk}


def test_the_officer_records_handling_and_the_sender_reads_the_answer_by_code(client_as, unit):
    county_takes_objections()
    complaint = objection_of(unit)
    officer = client_as("complaints_officer")
    officer.post(
        f"/muistutus-ja-kantelu/rekisteri/{complaint.pk}/kasittely/",
        {"text": "Pyydetty selvitys yksiköltä."},
    )
    today = timezone.localdate().isoformat()
    response = officer.post(
        f"/muistutus-ja-kantelu/rekisteri/{complaint.pk}/vastaus/",
        {"text": "Asia on käsitelty yksikössä ja ohjeita on tarkennettu.", "answered_on": today},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.ANSWERED
    assert complaint.handling.count() == 1
    from django.test import Client

    page = Client().get(f"/muistutus-ja-kantelu/seuraa/{complaint.code}/").content.decode()
    assert "ohjeita on tarkennettu" in page
    assert "Maija" not in page  # the status page shows no name or address


def test_an_answer_needs_its_text(unit, make_user):
    county_takes_objections()
    complaint = objection_of(unit)
    from osallisuus.errors import DomainError

    with pytest.raises(DomainError) as error:
        answer_objection(
            complaint=complaint,
            by=make_user("complaints_officer"),
            text=" ",
            answered_on=timezone.localdate(),
        )
    assert error.value.field == "text"


# --- API -----------------------------------------------------------------------------------------

API = {
    "unit_code": "KST",
    "concern": "social",
    "name": "Kalle Asiakas",
    "address": "kalle@example.org",
    "text": "Päätöstä ei perusteltu.",
}


def test_api_objection_is_created_with_its_code_and_due_date(client, unit):
    county_takes_objections(days=30)
    response = client.post("/api/v1/objections/", API, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "code", "acknowledge_by"}
    complaint = Complaint.objects.get(pk=body["id"])
    assert complaint.code == body["code"]
    assert body["acknowledge_by"] == complaint.acknowledge_by.isoformat()
    status = client.get(f"/api/v1/objections/status/{body['code']}/")
    assert status.status_code == 200
    assert status.json()["status"] == "received"
    assert status.json()["answer"] is None


def test_api_without_name_or_address_is_400_with_field_errors_and_nothing_stored(client, unit):
    county_takes_objections()
    response = client.post(
        "/api/v1/objections/",
        {**API, "name": "", "address": "  "},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"name", "address"} <= set(response.json())
    assert not Complaint.objects.exists()


def test_api_objections_are_404_when_the_county_takes_none(client, unit):
    response = client.post("/api/v1/objections/", API, content_type="application/json")
    assert response.status_code == 404
    assert client.get("/api/v1/objections/status/ABCD-EFGH/").status_code == 404


def test_the_objection_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/schema/").json()["paths"]
    assert "/api/v1/objections/" in paths
    assert "/api/v1/objections/status/{code}/" in paths
    assert "400" in paths["/api/v1/objections/"]["post"]["responses"]
