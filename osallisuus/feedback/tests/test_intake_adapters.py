"""SMS and e-mail doors: the gateway webhook and the mailbox import land in the same store."""

import mailbox
from email.message import EmailMessage
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from osallisuus.feedback.intake.adapters import AdapterError, feedback_from_email, parse_sms
from osallisuus.feedback.models import Contact, Feedback

pytestmark = pytest.mark.django_db
SMS_URL = "/api/v1/feedback/sms/"
TOKEN = "gateway-secret-123"


@pytest.fixture
def sms_on(settings):
    settings.SMS_WEBHOOK_TOKEN = TOKEN


def deliver(client, *, text="KST 4 Hyvä palvelu", message_id="gw-1", token=TOKEN):
    body = {"message_id": message_id, "sender": "+358401234567", "text": text}
    return client.post(SMS_URL, body, content_type="application/json", HTTP_X_WEBHOOK_TOKEN=token)


class TestSmsMessages:
    @pytest.mark.parametrize(
        ("text", "parsed"),
        [
            ("KST 4 Hyvä palvelu", ("KST", 4, "Hyvä palvelu")),
            ("kst: 5", ("KST", 5, "")),
            ("KST Jono oli pitkä", ("KST", None, "Jono oli pitkä")),
            ("KST 10 minuuttia jonossa", ("KST", None, "10 minuuttia jonossa")),
            ("  ", ("", None, "")),
        ],
    )
    def test_a_message_splits_into_unit_code_score_and_text(self, text, parsed):
        assert parse_sms(text) == parsed


class TestSmsWebhook:
    def test_the_webhook_is_not_there_unless_a_token_is_set(self, client, unit):
        assert deliver(client).status_code == 404
        assert not Feedback.objects.exists()

    def test_a_wrong_token_is_refused_and_nothing_is_stored(self, client, unit, sms_on):
        assert deliver(client, token="guess").status_code == 403
        assert not Feedback.objects.exists()

    def test_a_text_message_becomes_sms_feedback_with_the_sender_as_contact(
        self, client, unit, sms_on
    ):
        response = deliver(client)
        assert response.status_code == 201
        feedback = Feedback.objects.get(reply_code=response.json()["reply_code"])
        assert feedback.channel == "sms" and feedback.unit == unit
        assert feedback.overall_score == 4 and feedback.text == "Hyvä palvelu"
        assert Contact.objects.get(feedback=feedback).phone == "+358401234567"

    def test_the_gateway_delivering_the_same_message_again_stores_it_once(
        self, client, unit, sms_on
    ):
        first = deliver(client)
        again = deliver(client)
        assert again.status_code == 200
        assert again.json()["reply_code"] == first.json()["reply_code"]
        assert Feedback.objects.count() == 1

    def test_an_unknown_unit_gets_400_and_nothing_is_stored(self, client, unit, sms_on):
        response = deliver(client, text="XYZ 5 Kiitos")
        assert response.status_code == 400 and "text" in response.json()
        assert not Feedback.objects.exists()

    def test_a_message_with_only_the_code_gets_400(self, client, unit, sms_on):
        assert deliver(client, text="KST").status_code == 400
        assert not Feedback.objects.exists()

    def test_the_webhook_is_in_the_api_schema(self, client):
        schema = client.get("/api/v1/schema/").json()
        assert "/api/v1/feedback/sms/" in schema["paths"]
        assert "/api/v1/feedback/kiosk/" in schema["paths"]


def email(*, to="palaute@example.fi", subject="Palaute", body="Kiitos hoidosta.", msgid="<1@x>"):
    message = EmailMessage()
    message["From"] = "Anna Asiakas <anna@example.org>"
    message["To"] = to
    message["Subject"] = subject
    if msgid:
        message["Message-ID"] = msgid
    message.set_content(body)
    return message


class TestEmailAdapter:
    def test_the_unit_comes_from_the_plus_part_of_the_address(self, unit):
        data = feedback_from_email(email(to="palaute+kst@example.fi"))
        assert data.unit == unit and data.channel == "email"
        assert data.contact_email == "anna@example.org" and data.text == "Kiitos hoidosta."

    def test_the_unit_can_also_come_from_the_subject(self, unit):
        assert feedback_from_email(email(subject="Palaute KST:lle")).unit == unit

    def test_quoted_lines_and_the_signature_are_left_out(self, unit):
        body = "Odotin liian kauan.\n> aiempi viesti\n-- \nAnna"
        assert feedback_from_email(email(subject="KST", body=body)).text == "Odotin liian kauan."

    def test_a_message_without_a_unit_code_is_an_error(self, unit):
        with pytest.raises(AdapterError) as error:
            feedback_from_email(email(subject="Hei"))
        assert "unit" in error.value.by_field()

    def test_an_html_only_message_is_an_error(self, unit):
        message = email(subject="KST")
        message.set_content("<p>Hei</p>", subtype="html")
        with pytest.raises(AdapterError) as error:
            feedback_from_email(message)
        assert "text" in error.value.by_field()


class TestMailboxImport:
    def run(self, path):
        out, err = StringIO(), StringIO()
        with translation.override("en"):
            call_command("import_feedback_mailbox", str(path), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def test_an_mbox_is_imported_once_and_bad_messages_are_reported_and_skipped(
        self, tmp_path, unit
    ):
        path = tmp_path / "palaute.mbox"
        box = mailbox.mbox(str(path))
        box.add(email(to="palaute+KST@example.fi", msgid="<a@x>"))
        box.add(email(subject="KST: jono", body="Jono oli pitkä.", msgid="<b@x>"))
        box.add(email(subject="Ei koodia", msgid="<c@x>"))
        box.flush()
        out, err = self.run(path)
        assert "Imported 2, already imported 0, failed 1." in out
        assert "<c@x>" in err and "unit code" in err
        assert Feedback.objects.filter(channel="email").count() == 2
        out, _err = self.run(path)
        assert "Imported 0, already imported 2, failed 1." in out
        assert Feedback.objects.count() == 2

    def test_a_maildir_is_read_too(self, tmp_path, unit):
        box = mailbox.Maildir(str(tmp_path / "Maildir"))
        box.add(email(to="palaute+KST@example.fi", msgid=None))
        box.flush()
        out, _err = self.run(tmp_path / "Maildir")
        assert "Imported 1" in out
        feedback = Feedback.objects.get()
        assert feedback.idempotency_key.startswith("email:sha256:")
        assert Contact.objects.get(feedback=feedback).email == "anna@example.org"
