"""A decision maker (a politician on a committee) never handles feedback nor sees who gave it.

They keep the dashboards, the exports of figures and redacted text, and published stories; every
feedback handling page answers 404, every handling step is refused, and neither the giver's
e-mail address nor phone number appears in anything they can open.
"""

import pytest

from osallisuus.authorization import NotPermitted
from osallisuus.feedback.models import Feedback, InternalNote, Reply, Status, StatusEvent
from osallisuus.feedback.services import (
    FeedbackInput,
    add_note,
    move_feedback,
    reply_to_feedback,
    submit_feedback,
)

pytestmark = pytest.mark.django_db
EMAIL = "giver-privacy@example.org"
PHONE = "+358401112233"


@pytest.fixture
def feedback(unit):
    return submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Lääkäri ei kuunnellut minua. Soittakaa minulle.",
            contact_email=EMAIL,
            contact_phone=PHONE,
            publish_consent=True,
        )
    )[0]


@pytest.fixture
def decider(client_as):
    return client_as("decision_maker")


def handling_urls(feedback):
    return [
        "/palaute/saapuneet/",
        "/palaute/saapuneet/ryhmat/",
        f"/palaute/saapuneet/{feedback.pk}/",
        "/palaute/saapuneet/uusi/",
        "/palaute/julkaisu/",
        f"/palaute/julkaisu/{feedback.pk}/",
        "/palaute/vastauspohjat/",
        "/palaute/vastauspohjat/uusi/",
        "/palaute/saapuneet/merkintakorjaukset.csv",
    ]


def test_every_feedback_handling_page_is_not_found_for_a_decision_maker(decider, feedback):
    for url in handling_urls(feedback):
        response = decider.get(url)
        assert response.status_code == 404, url
        assert EMAIL not in response.content.decode()


@pytest.mark.parametrize(
    ("step", "data"),
    [
        ("vastaa", {"text": "Kiitos, selvitämme asian."}),
        ("tila", {"status": Status.IN_PROGRESS, "public_text": "Käsittelyssä"}),
        ("muistiinpano", {"text": "Poliitikon huomio"}),
        ("ota-itselle", {}),
    ],
)
def test_a_decision_maker_cannot_take_any_handling_step(decider, feedback, step, data):
    response = decider.post(f"/palaute/saapuneet/{feedback.pk}/{step}/", data)
    assert response.status_code == 404
    feedback.refresh_from_db()
    assert feedback.status == Status.RECEIVED
    assert feedback.assigned_to_id is None
    assert not Reply.objects.exists() and not InternalNote.objects.exists()


def test_the_grouped_view_offers_a_decision_maker_no_status_change(decider, feedback):
    response = decider.post(
        "/palaute/saapuneet/ryhmat/",
        {"members": [feedback.pk], "status": Status.IN_PROGRESS, "public_text": "Käsittelyssä"},
    )
    assert response.status_code == 404
    assert StatusEvent.objects.filter(feedback=feedback).count() == 1


def test_the_services_refuse_a_decision_maker_too(make_user, feedback):
    decider = make_user("decision_maker")
    for step in (
        lambda: reply_to_feedback(feedback=feedback, by=decider, text="Vastaus"),
        lambda: add_note(feedback=feedback, by=decider, text="Huomio"),
        lambda: move_feedback(
            feedback=feedback, by=decider, status=Status.IN_PROGRESS, public_text="Käsittelyssä"
        ),
    ):
        with pytest.raises(NotPermitted):
            step()
    assert Feedback.objects.get(pk=feedback.pk).status == Status.RECEIVED


def test_a_decision_maker_keeps_dashboards_and_exports_without_contact_details(decider, feedback):
    for url in (
        "/raportit/",
        f"/raportit/toimipiste/{feedback.unit.code}/",
        "/raportit/vienti/answers.csv",
        "/raportit/vienti/answers.xlsx",
        f"/palaute/tarinat/{feedback.unit.code}/",
    ):
        response = decider.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8", errors="replace")
        assert EMAIL not in body and PHONE not in body, url
    csv = decider.get("/raportit/vienti/answers.csv").content.decode()
    assert "kuunnellut" in csv  # the redacted comment is there, figures too


def test_staff_of_the_unit_still_handle_it_and_see_the_contact(client_as, feedback):
    staff = client_as("staff")
    page = staff.get(f"/palaute/saapuneet/{feedback.pk}/")
    assert page.status_code == 200
    assert EMAIL in page.content.decode()
    staff.post(f"/palaute/saapuneet/{feedback.pk}/muistiinpano/", {"text": "Soitan huomenna"})
    assert InternalNote.objects.filter(feedback=feedback).count() == 1
