"""The feedback API contract other channels rely on."""

import re

import pytest

from osallisuus.feedback.models import Answer, Contact, Feedback
from osallisuus.feedback.reply_codes import REPLY_CODE_ALPHABET
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db
URL = "/api/v1/feedback/"


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def test_feedback_with_answers_and_text_is_stored_with_a_readable_reply_code(client, unit):
    response = post(
        client,
        {
            "unit_code": "KST",
            "channel": "api",
            "language": "sv",
            "answers": [
                {"question": "encounter", "value": 5},
                {"question": "recommend", "value": 9},
            ],
            "text": "Personalen var vänlig men väntetiden var lång.",
        },
    )
    assert response.status_code == 201
    body = response.json()
    code = body["reply_code"]
    assert re.fullmatch(rf"[{REPLY_CODE_ALPHABET}]{{4}}-[{REPLY_CODE_ALPHABET}]{{4}}", code)
    assert not set(code) & set("0O1lI")
    assert body["status_url"].endswith(f"/palaute/seuraa/{code}/")
    feedback = Feedback.objects.get(reply_code=code)
    assert feedback.language == "sv" and feedback.channel == "api"
    assert feedback.question_set.key == "thl-national" and feedback.question_set.version == 1
    assert sorted(a.value for a in feedback.answers.all()) == [5, 9]


def test_only_unit_code_and_a_text_are_needed(client, unit):
    response = post(client, {"unit_code": "KST", "text": "Kiitos hyvästä palvelusta"})
    assert response.status_code == 201


def test_the_same_idempotency_key_returns_200_and_stores_nothing_new(client, unit):
    body = {"unit_code": "KST", "text": "Hyvä", "idempotency_key": "kiosk-1-42"}
    first = post(client, body)
    again = post(client, body)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["reply_code"] == first.json()["reply_code"]
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "Ei toimipistettä"}, "unit_code"),
        ({"unit_code": "NOPE", "text": "x"}, "unit_code"),
        ({"unit_code": "KST"}, "text"),
        ({"unit_code": "KST", "answers": [{"question": "encounter", "value": 9}]}, "answers"),
        ({"unit_code": "KST", "answers": [{"question": "nosuch", "value": 1}]}, "answers"),
        ({"unit_code": "KST", "answers": [{"question": "recommend", "value": True}]}, "answers"),
        ({"unit_code": "KST", "text": "x", "contact_email": "not-an-address"}, "contact_email"),
        ({"unit_code": "KST", "text": "x", "channel": "pigeon"}, "channel"),
        ({"unit_code": "KST", "text": "x", "language": "de"}, "language"),
    ],
)
def test_invalid_input_is_400_with_field_errors_and_nothing_stored(client, unit, body, field):
    response = post(client, body)
    assert response.status_code == 400
    assert field in response.json()
    assert Feedback.objects.count() == 0
    assert Answer.objects.count() == 0


def test_contact_details_are_kept_apart_and_the_giver_gets_the_code(
    client, unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            {"unit_code": "KST", "text": "Soittakaa", "contact_email": "giver@example.org"},
        )
    code = response.json()["reply_code"]
    contact = Contact.objects.get(feedback__reply_code=code)
    assert contact.email == "giver@example.org"
    message = OutboxMessage.objects.get(recipient="giver@example.org")
    assert code in message.body


def test_status_shows_events_and_answers_and_unknown_codes_are_404(client, unit, make_user):
    from osallisuus.feedback.services import move_feedback, reply_to_feedback

    code = post(client, {"unit_code": "KST", "text": "Jono oli pitkä"}).json()["reply_code"]
    feedback = Feedback.objects.get(reply_code=code)
    staff = make_user("staff")
    reply_to_feedback(feedback=feedback, by=staff, text="Kiitos, lisäämme puhelinaikoja.")
    move_feedback(
        feedback=feedback,
        by=staff,
        status="change_made",
        public_text="Takaisinsoitto otettu käyttöön.",
    )
    data = client.get(f"/api/v1/feedback/status/{code}/").json()
    assert data["status"] == "change_made"
    assert [e["status"] for e in data["events"]] == ["received", "answered", "change_made"]
    assert data["events"][-1]["public_text"] == "Takaisinsoitto otettu käyttöön."
    assert data["responses"][0]["text"] == "Kiitos, lisäämme puhelinaikoja."
    assert client.get("/api/v1/feedback/status/ABCD-EFGH/").status_code == 404


def test_question_set_api_gives_the_active_set_and_404_for_unknown_units(client, unit):
    data = client.get("/api/v1/question-sets/?unit_code=KST").json()
    assert data["version"] == 1
    types = {q["type"] for q in data["questions"]}
    assert types <= {"scale5", "nps", "yesno", "choice", "text"}
    first = data["questions"][0]
    assert set(first["texts"]) == {"fi", "sv", "en"}
    assert client.get("/api/v1/question-sets/?unit_code=NOPE").status_code == 404


def test_a_unit_can_use_another_question_set(client, unit):
    from osallisuus.feedback.models import QuestionSetChoice

    QuestionSetChoice.objects.create(unit=unit, question_set_key="fft")
    data = client.get("/api/v1/question-sets/?unit_code=KST").json()
    assert [q["key"] for q in data["questions"]] == ["overall", "comment"]


def test_intake_query_budget(client, unit, django_assert_max_num_queries):
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 3)]))  # the set is remembered
    # The storing itself: question-set version, savepoint, 3 inserts, release.
    with django_assert_max_num_queries(8):
        submit_feedback(FeedbackInput(unit=unit, answers=[("encounter", 4), ("access", 2)]))
    # The whole request adds the unit look-up and the throttle counter in the shared cache.
    with django_assert_max_num_queries(15):
        post(client, {"unit_code": "KST", "answers": [{"question": "encounter", "value": 4}]})
