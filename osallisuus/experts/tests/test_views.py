"""Pages: who sees lived-experience data, audit logging, uploads, exports and own data."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.audit.models import AccessLog
from osallisuus.experts import services
from osallisuus.experts.models import Claim, Invitation
from osallisuus.experts.tests.factories import (
    ExperienceAreaFactory,
    assignment_with_claim,
    make_profile,
    make_request,
)
from osallisuus.notifications.models import OutboxMessage

EMPTY_EXPENSES = {"expense-TOTAL_FORMS": "3", "expense-INITIAL_FORMS": "0"}

pytestmark = pytest.mark.django_db


def test_a_coordinators_view_of_a_profile_lands_in_the_audit_log(client_as):
    profile = make_profile(areas=[ExperienceAreaFactory(name_en="Mental health")])
    client = client_as("coordinator")
    response = client.get(reverse("experts:profile", kwargs={"pk": profile.pk}))
    assert response.status_code == 200
    assert AccessLog.objects.filter(
        actor=client.user, object_type="experts.expertprofile", object_id=str(profile.pk)
    ).exists()


@pytest.mark.parametrize(
    "name", ["experts:pool", "experts:request_detail", "experts:assignment", "experts:contract"]
)
def test_each_coordinator_view_of_pool_data_is_logged(client_as, name):
    trail = assignment_with_claim()
    kwargs = {
        "experts:pool": {},
        "experts:request_detail": {"pk": trail["request"].pk},
        "experts:assignment": {"pk": trail["assignment"].pk},
        "experts:contract": {"pk": trail["contract"].pk},
    }[name]
    client = client_as("coordinator")
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
    assert AccessLog.objects.filter(
        actor=client.user, object_id=str(trail["expert_profile"].pk)
    ).exists()


def test_the_requester_sees_name_languages_and_roles_but_no_lived_experience(client_as):
    area = ExperienceAreaFactory(name_fi="Mielenterveys", name_en="Mental health")
    client = client_as("staff")
    request = make_request(by=client.user, areas=[])
    profile = make_profile(areas=[area], accessibility_needs="Induktiosilmukka")
    coordinator = client_as("coordinator").user
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    services.answer_invitation(invitation=invitation, accept=True)
    page = client.get(reverse("experts:request_detail", kwargs={"pk": request.pk})).content
    page = page.decode()
    assert profile.name in page
    assert "Mielenterveys" not in page and "Mental health" not in page
    assert "Induktiosilmukka" not in page
    assert client.get(reverse("experts:profile", kwargs={"pk": profile.pk})).status_code == 404


@pytest.mark.parametrize("role", ["staff", "unit_manager", "decision_maker", "expert"])
def test_nobody_but_coordinators_reads_the_pool_through_the_api(client_as, role):
    make_profile(areas=[ExperienceAreaFactory()])
    assert client_as(role).get(reverse("api:expert-profile-list")).status_code == 404


def test_the_api_gives_coordinators_the_pool_and_logs_it(client_as):
    profile = make_profile(areas=[ExperienceAreaFactory(name_fi="Päihteet")])
    client = client_as("coordinator")
    data = client.get(reverse("api:expert-profile-list")).json()
    assert data["results"][0]["experience_areas"] == ["Päihteet"]
    assert AccessLog.objects.filter(actor=client.user, object_id=str(profile.pk)).exists()


def test_an_expert_downloads_own_data_as_json_and_pdf(client):
    profile = make_profile(areas=[ExperienceAreaFactory(name_fi="Lastensuojelu")])
    sign_in(client, profile.user)
    data = json.loads(client.get(reverse("experts:my_data_json")).content)
    assert data["experience_areas"] == ["Lastensuojelu"]
    assert data["consents"][0]["version"] == services.CONSENT_VERSION
    pdf = client.get(reverse("experts:my_data_pdf"))
    assert pdf.content.startswith(b"%PDF")
    assert client.get(reverse("api:expert-me")).json()["name"] == profile.name


def test_another_expert_cannot_open_someone_elses_assignment_or_claim(client):
    trail = assignment_with_claim()
    other = make_profile()
    sign_in(client, other.user)
    for name, pk in [
        ("experts:assignment", trail["assignment"].pk),
        ("experts:contract", trail["contract"].pk),
        ("experts:claim_detail", trail["claim"].pk),
        ("experts:new_claim", trail["assignment"].pk),
    ]:
        assert client.get(reverse(name, kwargs={"pk": pk})).status_code == 404, name


def test_a_certificate_that_is_not_pdf_jpeg_or_png_is_refused(client_as):
    profile = make_profile()
    client = client_as("coordinator")
    client.cookies["django_language"] = "en"
    fake = SimpleUploadedFile("todistus.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(
        reverse("experts:profile_training", kwargs={"pk": profile.pk}),
        {
            "training-course": "Kokemusasiantuntijakoulutus",
            "training-organiser": "Mielenterveysjärjestö",
            "training-date": "2026-03-01",
            "training-certificate": fake,
        },
    )
    assert response.status_code == 200
    assert "Use a PDF, JPEG or PNG file." in response.content.decode()
    assert not profile.trainings.exists()


def test_a_real_pdf_certificate_is_recorded(client_as):
    profile = make_profile()
    client = client_as("coordinator")
    pdf = SimpleUploadedFile("todistus.pdf", b"%PDF-1.4\n%%EOF", "application/pdf")
    client.post(
        reverse("experts:profile_training", kwargs={"pk": profile.pk}),
        {
            "training-course": "Kokemusasiantuntijakoulutus",
            "training-organiser": "Mielenterveysjärjestö",
            "training-date": "2026-03-01",
            "training-certificate": pdf,
        },
    )
    assert profile.trainings.get().certificate.name.endswith("todistus.pdf")


def test_payroll_exports_have_the_approved_sums(client_as):
    trail = assignment_with_claim()
    client = client_as("coordinator")
    services.decide_claim(claim=trail["claim"], by=client.user, approve=True)
    total = str(trail["claim"].total)
    csv_text = client.get(reverse("experts:payroll_csv")).content.decode("utf-8-sig")
    assert f";4.50;{total}" in csv_text and trail["expert_profile"].name in csv_text
    xlsx = client.get(reverse("experts:payroll_xlsx")).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert Decimal(str(sheet.cell(row=2, column=10).value)) == Decimal(total)


def test_a_claim_over_new_year_is_priced_with_each_years_rate(client):
    from osallisuus.experts.models import FeeTable
    from osallisuus.experts.tests.factories import fee_tables

    trail = assignment_with_claim()
    Claim.objects.all().delete()
    FeeTable.objects.all().delete()
    fee_tables(2025)  # 0.57 €/km
    fee_tables(2026)  # 0.59 €/km
    sign_in(client, trail["expert_profile"].user)
    response = client.post(
        reverse("experts:new_claim", kwargs={"pk": trail["assignment"].pk}),
        {
            "line-TOTAL_FORMS": "2",
            "line-INITIAL_FORMS": "0",
            "line-MIN_NUM_FORMS": "1",
            "line-MAX_NUM_FORMS": "10",
            "line-0-date": "2025-12-31",
            "line-0-hours": "1.5",
            "line-0-half_days": "0",
            "line-0-days": "0",
            "line-0-km": "33.3",
            "line-1-date": "2026-01-01",
            "line-1-hours": "1.5",
            "line-1-half_days": "0",
            "line-1-days": "0",
            "line-1-km": "33.3",
            **EMPTY_EXPENSES,
        },
    )
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.travel_total == Decimal("38.63")  # 18.98 + 19.65, each rounded half up
    assert claim.fee_total == Decimal("75.00")
    assert claim.lines.count() == 2


def test_one_claim_carries_several_receipted_expenses_and_skips_empty_rows(client):
    trail = assignment_with_claim()
    Claim.objects.all().delete()
    sign_in(client, trail["expert_profile"].user)
    day = timezone.localdate().isoformat()
    response = client.post(
        reverse("experts:new_claim", kwargs={"pk": trail["assignment"].pk}),
        {
            "line-TOTAL_FORMS": "1",
            "line-INITIAL_FORMS": "0",
            "line-0-date": day,
            "line-0-hours": "2",
            "line-0-half_days": "0",
            "line-0-days": "0",
            "line-0-km": "0",
            **EMPTY_EXPENSES,
            "expense-0-description": "Pysäköinti",
            "expense-0-amount": "4.50",
            "expense-0-receipt": SimpleUploadedFile("p.pdf", b"%PDF-1.4\n%%EOF"),
            "expense-2-description": "Bussilippu",
            "expense-2-amount": "3.20",
            "expense-2-receipt": SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF"),
        },
    )
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert sorted(claim.expenses.values_list("description", flat=True)) == [
        "Bussilippu",
        "Pysäköinti",
    ]
    assert claim.expenses_total == Decimal("7.70")


def test_an_expense_without_its_receipt_is_refused_and_nothing_is_claimed(client):
    trail = assignment_with_claim()
    Claim.objects.all().delete()
    sign_in(client, trail["expert_profile"].user)
    response = client.post(
        reverse("experts:new_claim", kwargs={"pk": trail["assignment"].pk}),
        {
            "line-TOTAL_FORMS": "1",
            "line-INITIAL_FORMS": "0",
            "line-0-date": timezone.localdate().isoformat(),
            "line-0-hours": "2",
            "line-0-half_days": "0",
            "line-0-days": "0",
            "line-0-km": "0",
            **EMPTY_EXPENSES,
            "expense-1-description": "Taksi",
            "expense-1-amount": "25",
        },
    )
    assert response.status_code == 200
    with translation.override("fi"):  # the page is in Finnish unless the person chose otherwise
        message = translation.gettext("An expense needs a description, an amount and a receipt.")
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_the_expert_and_coordinators_download_receipts_and_certificates(client, client_as):
    trail = assignment_with_claim()
    receipt = reverse("experts:receipt", kwargs={"pk": trail["receipt"].pk})
    certificate = reverse("experts:certificate", kwargs={"pk": trail["training"].pk})
    sign_in(client, trail["expert_profile"].user)
    assert b"".join(client.get(receipt).streaming_content).startswith(b"%PDF")
    assert client.get(certificate).status_code == 200
    coordinator = client_as("coordinator")
    assert coordinator.get(receipt).status_code == 200
    assert AccessLog.objects.filter(actor=coordinator.user, object_type="experts.claim").exists()
    assert client_as("staff").get(certificate).status_code == 404


def test_the_pool_and_the_candidate_list_cost_the_same_queries_for_many_people(
    client_as, django_assert_max_num_queries
):
    area = ExperienceAreaFactory()
    for _ in range(12):
        make_profile(areas=[area])
    request = make_request(areas=[area])
    client = client_as("coordinator")
    with django_assert_max_num_queries(16):
        assert client.get(reverse("experts:pool")).status_code == 200
    with django_assert_max_num_queries(20):
        detail = reverse("experts:request_detail", kwargs={"pk": request.pk})
        assert client.get(detail).status_code == 200


def test_the_remind_button_reminds_only_the_invitees_of_its_own_request(client_as):
    client = client_as("coordinator")
    mine, theirs = make_request(topic="Neuvola"), make_request(topic="Kotihoito")
    my_invitee, their_invitee = make_profile(), make_profile()
    services.invite(request=mine, profiles=[my_invitee], by=client.user)
    services.invite(request=theirs, profiles=[their_invitee], by=client.user)
    Invitation.objects.update(sent_at=timezone.now() - datetime.timedelta(days=3))

    response = client.post(reverse("experts:remind", kwargs={"pk": mine.pk}), follow=True)

    assert response.status_code == 200
    reminders = OutboxMessage.objects.filter(subject__contains="Muistutus")
    assert [m.recipient for m in reminders] == [my_invitee.user.email]
    assert Invitation.objects.get(profile=their_invitee).reminded_at is None
