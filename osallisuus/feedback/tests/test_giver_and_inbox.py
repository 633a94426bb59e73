"""The giver's web form and status page; the staff inbox scoped to their units."""

import pytest

from osallisuus.audit.models import AccessLog
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db


def give(unit, text="Hoitaja oli ystävällinen", **kwargs):
    return submit_feedback(FeedbackInput(unit=unit, text=text, **kwargs))[0]


def test_the_form_works_without_javascript_and_shows_the_reply_code(client, unit):
    page = client.get("/palaute/KST/")
    assert page.status_code == 200
    key = page.context["form"].initial["idempotency_key"]
    response = client.post(
        "/palaute/KST/",
        {
            "idempotency_key": key,
            "q_encounter": "5",
            "q_comment": "Hyvä palvelu",
            "contact_email": "",
        },
        follow=True,
    )
    feedback = Feedback.objects.get()
    assert feedback.reply_code in response.content.decode()
    assert feedback.text == "Hyvä palvelu"
    # A double click sends the same form again: still one record.
    client.post("/palaute/KST/", {"idempotency_key": key, "q_encounter": "5"})
    assert Feedback.objects.count() == 1


def test_an_empty_form_is_refused_with_a_message(client, unit):
    response = client.post("/palaute/KST/", {"idempotency_key": "k1"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Feedback.objects.exists()


def test_the_form_offers_plain_language(client, unit):
    body = client.get("/palaute/KST/?selko=1").content.decode()
    assert "Minua kohdeltiin hyvin." in body


def test_the_status_page_shows_answers_in_the_givers_language(client, unit, make_user):
    from osallisuus.feedback.services import reply_to_feedback

    feedback = give(unit, language="sv")
    reply_to_feedback(feedback=feedback, by=make_user("staff"), text="Tack för responsen!")
    client.cookies["django_language"] = "sv"
    body = client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert "Tack för responsen!" in body
    assert '<html lang="sv">' in body


def test_the_lookup_form_accepts_codes_typed_loosely(client, unit):
    feedback = give(unit)
    typed = feedback.reply_code.replace("-", " ").lower()
    response = client.get("/palaute/seuraa/", {"code": typed})
    assert response["Location"] == f"/palaute/seuraa/{feedback.reply_code}/"


def test_staff_of_another_unit_get_404_and_an_empty_inbox(client_as, unit, other_unit):
    mine = give(unit)
    theirs = give(other_unit, text="Toisen yksikön palaute")
    staff = client_as("staff")
    assert staff.get(f"/palaute/saapuneet/{theirs.pk}/").status_code == 404
    inbox = staff.get("/palaute/saapuneet/").content.decode()
    assert "Toisen yksikön palaute" not in inbox
    assert staff.get(f"/palaute/saapuneet/{mine.pk}/").status_code == 200


def test_staff_answer_and_mark_change_made_and_the_giver_sees_both(client_as, client, unit):
    feedback = give(unit)
    staff = client_as("staff")
    staff.post(f"/palaute/saapuneet/{feedback.pk}/vastaa/", {"text": "Kiitos palautteesta!"})
    staff.post(
        f"/palaute/saapuneet/{feedback.pk}/tila/",
        {"status": "change_made", "public_text": "Lisäsimme aamun aikoja."},
    )
    body = client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert "Kiitos palautteesta!" in body
    assert "Lisäsimme aamun aikoja." in body


def test_no_change_needs_reasons_for_the_giver(client_as, unit):
    feedback = give(unit)
    staff = client_as("staff")
    response = staff.post(
        f"/palaute/saapuneet/{feedback.pk}/tila/",
        {"status": "no_change", "public_text": ""},
    )
    assert response.status_code == 200
    feedback.refresh_from_db()
    assert feedback.status == "received"


def test_internal_notes_never_reach_the_giver(client_as, client, unit):
    feedback = give(unit)
    client_as("staff").post(
        f"/palaute/saapuneet/{feedback.pk}/muistiinpano/",
        {"text": "Sisäinen: tarkista vuorolista"},
    )
    assert (
        "vuorolista" not in client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    )
    assert "vuorolista" not in str(
        client.get(f"/api/v1/feedback/status/{feedback.reply_code}/").json()
    )


def test_opening_feedback_with_contact_details_is_audit_logged(client_as, unit):
    feedback = give(unit, contact_email="giver@example.org")
    staff = client_as("staff")
    staff.get(f"/palaute/saapuneet/{feedback.pk}/")
    entry = AccessLog.objects.get()
    assert entry.actor == staff.user and entry.object_type == "feedback.contact"


def test_urgent_feedback_alerts_the_unit_manager(
    make_user, unit, django_capture_on_commit_callbacks
):
    from osallisuus.notifications.models import OutboxMessage

    manager = make_user("unit_manager")
    with django_capture_on_commit_callbacks(execute=True):
        feedback = give(
            unit,
            text="Äiti kaatui hoivakodissa eikä kukaan tullut auttamaan, makasi lattialla tunnin.",
        )
    assert feedback.urgent
    assert OutboxMessage.objects.filter(recipient=manager.email).exists()


def test_the_inbox_filters_by_theme_and_sentiment(client_as, unit):
    waiting = give(unit, text="Jonotin puhelimessa tunnin eikä kukaan vastannut. Huono palvelu.")
    praise = give(unit, text="Lääkäri oli ystävällinen ja kuunteli. Kiitos!")
    staff = client_as("staff")
    negative = staff.get("/palaute/saapuneet/", {"sentiment": "negative"}).content.decode()
    assert waiting.get_absolute_url() in negative
    assert praise.get_absolute_url() not in negative
    by_theme = staff.get("/palaute/saapuneet/", {"theme": "access_waiting"}).content.decode()
    assert waiting.get_absolute_url() in by_theme
    assert praise.get_absolute_url() not in by_theme
