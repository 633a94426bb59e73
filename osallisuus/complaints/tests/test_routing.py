"""Feedback that reads like a complaint (#18 item 3): flagged in the inbox, the handler's choice,
redirected items leave the open lists and exports, late flags reach the coordinator."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from osallisuus.complaints.detection import complaint_words
from osallisuus.complaints.models import Complaint, ComplaintFlag, FlagDecision, Holiday, Route
from osallisuus.complaints.services import add_working_days
from osallisuus.feedback.models import Channel, Status
from osallisuus.feedback.report_selectors import export_items
from osallisuus.feedback.selectors import InboxFilters, inbox_for, overdue_lookup
from osallisuus.feedback.services import FeedbackInput, submit_feedback

from .factories import county_takes_objections, route_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "teen muistutuksen hoidostani",
        "Aion tehdä kantelun aluehallintovirastoon",
        "Tästä tulee valitus",
        "lähetän oikaisuvaatimuksen",
        "kyse on potilasvahingosta",
        "Jag gör en anmärkning om vården",
        "Det här är ett klagomål",
        "I want to make a formal complaint",
    ],
)
def test_words_of_the_statutory_routes_are_found_in_inflected_forms(text):
    assert complaint_words(text)


@pytest.mark.parametrize("text", ["Kiitos hyvästä hoidosta", "Valitettavasti jonotin kauan"])
def test_ordinary_feedback_is_not_flagged(text):
    assert complaint_words(text) == []


def test_one_working_day_over_a_weekend_is_monday():
    friday = timezone.make_aware(timezone.datetime(2026, 12, 4, 15, 0))
    assert add_working_days(friday, 1).weekday() == 0


def test_working_days_skip_the_holidays_in_the_countys_calendar():
    before_christmas = timezone.make_aware(timezone.datetime(2026, 12, 23, 15, 0))
    assert add_working_days(before_christmas, 1).date() == date(2026, 12, 24)
    Holiday.objects.create(day=date(2026, 12, 24), name="Jouluaatto")
    Holiday.objects.create(day=date(2026, 12, 25), name="Joulupäivä")
    assert add_working_days(before_christmas, 1).date() == date(2026, 12, 28)
    assert add_working_days(before_christmas, 2).date() == date(2026, 12, 29)


def _qr(unit, text, language="fi"):
    return submit_feedback(
        FeedbackInput(unit=unit, text=text, channel=Channel.QR, language=language)
    )[0]


def test_qr_feedback_is_flagged_redirected_and_leaves_open_lists_and_exports(
    client_as, unit, make_user
):
    route_text(Route.OBJECTION)
    feedback = _qr(unit, "teen muistutuksen hoidostani", language="sv")
    flag = ComplaintFlag.objects.get(feedback=feedback)
    handler = client_as("staff")
    inbox = handler.get("/palaute/saapuneet/").content.decode()
    assert "flag-complaint" in inbox
    detail = handler.get(f"/palaute/saapuneet/{feedback.pk}/").content.decode()
    assert f"/muistutus-ja-kantelu/liputus/{flag.pk}/" in detail
    assert handler.get(f"/muistutus-ja-kantelu/liputus/{flag.pk}/").status_code == 200

    response = handler.post(
        f"/muistutus-ja-kantelu/liputus/{flag.pk}/ohjaa/", {"route": Route.OBJECTION}
    )
    assert response.status_code == 302
    flag.refresh_from_db()
    feedback.refresh_from_db()
    assert flag.decision == FlagDecision.REDIRECT
    assert feedback.status == Status.CLOSED
    staff = handler.user
    assert not inbox_for(staff, InboxFilters(status="open")).filter(pk=feedback.pk).exists()
    assert not inbox_for(staff).filter(overdue_lookup(), pk=feedback.pk).exists()
    coordinator = make_user("coordinator")
    assert feedback.pk not in {item.feedback_id for item in export_items(coordinator)}

    from django.test import Client

    status_page = Client().get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert "Gör en anmärkning skriftligt till enhetens ansvariga person." in status_page


def test_keeping_it_as_feedback_leaves_it_in_the_queue(client_as, unit):
    feedback = _qr(unit, "Teen kantelun, jos tämä ei korjaannu")
    flag = ComplaintFlag.objects.get(feedback=feedback)
    handler = client_as("staff")
    handler.post(f"/muistutus-ja-kantelu/liputus/{flag.pk}/pida/")
    flag.refresh_from_db()
    assert flag.decision == FlagDecision.KEEP
    assert inbox_for(handler.user, InboxFilters(status="open")).filter(pk=feedback.pk).exists()


def test_a_transfer_needs_consent_and_moves_it_to_the_register(client_as, unit):
    county_takes_objections()
    feedback = _qr(unit, "Haluan tehdä muistutuksen lääkärin käytöksestä.")
    flag = ComplaintFlag.objects.get(feedback=feedback)
    handler = client_as("staff")
    url = f"/muistutus-ja-kantelu/liputus/{flag.pk}/siirra/"
    data = {"concern": "health", "name": "Anna Antinen", "address": "Tie 2, Järvilaakso"}
    refused = handler.post(url, data)
    assert refused.status_code == 200
    assert "id_consent_error" in refused.content.decode()
    assert not Complaint.objects.exists()
    handler.post(url, {**data, "consent": "on"})
    complaint = Complaint.objects.get()
    feedback.refresh_from_db()
    assert feedback.status == Status.CLOSED
    assert complaint.code in feedback.events.last().public_text


def test_staff_of_another_unit_cannot_decide_a_flag(client_as, unit, other_unit):
    feedback = _qr(other_unit, "teen muistutuksen")
    flag = ComplaintFlag.objects.get(feedback=feedback)
    handler = client_as("staff")
    assert handler.get(f"/muistutus-ja-kantelu/liputus/{flag.pk}/").status_code == 404
    handler.post(f"/muistutus-ja-kantelu/liputus/{flag.pk}/pida/")
    flag.refresh_from_db()
    assert flag.decision == ""


def test_an_undecided_flag_past_its_time_is_in_the_coordinators_list(client_as, unit):
    late = _qr(unit, "teen muistutuksen hoidostani")
    fresh = _qr(unit, "teen kantelun")
    ComplaintFlag.objects.filter(feedback=late).update(
        decide_by=timezone.now() - timedelta(hours=1)
    )
    page = client_as("coordinator").get("/muistutus-ja-kantelu/myohassa/").content.decode()
    assert late.reply_code in page
    assert fresh.reply_code not in page
    assert client_as("staff").get("/muistutus-ja-kantelu/myohassa/").status_code == 404


def test_late_flags_are_escalated_to_the_coordinators_once_without_the_feedback(
    unit, make_user, settings
):
    from osallisuus.complaints.services import escalate_late_flags
    from osallisuus.notifications.models import OutboxMessage

    coordinator = make_user("coordinator")
    coordinator.email = "koordinaattori@example.org"
    coordinator.preferred_language = "sv"
    coordinator.save()
    late = _qr(unit, "teen muistutuksen hoidostani, soita 040 123 4567")
    fresh = _qr(unit, "teen kantelun")
    decided = _qr(unit, "tästä tulee valitus")
    ComplaintFlag.objects.filter(feedback__in=[late, decided]).update(
        decide_by=timezone.now() - timedelta(hours=1)
    )
    ComplaintFlag.objects.filter(feedback=decided).update(
        decision=FlagDecision.KEEP, decided_at=timezone.now()
    )

    assert escalate_late_flags() == 1
    message = OutboxMessage.objects.get(recipient=coordinator.email)
    assert "/muistutus-ja-kantelu/myohassa/" in message.body
    assert "muistutuksen" not in message.body and "040" not in message.body
    assert "tid" in message.body  # in the coordinator's language, Swedish
    assert ComplaintFlag.objects.get(feedback=fresh).escalated_at is None

    assert escalate_late_flags() == 0  # a second run tells nothing new
    assert OutboxMessage.objects.filter(recipient=coordinator.email).count() == 1
