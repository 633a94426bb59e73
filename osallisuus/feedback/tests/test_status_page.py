"""The giver's status page: their own words, each text marked with its language, and a
friendly answer to a mistyped code (#21 points 4 and 14)."""

import pytest

from osallisuus.feedback.services import FeedbackInput, reply_to_feedback, submit_feedback

pytestmark = pytest.mark.django_db


def test_the_giver_sees_what_they_wrote(client, unit):
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Odotin kaksi tuntia aulassa."))[0]
    body = client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert "What you wrote" in body or "Mitä kirjoitit" in body
    assert '<p lang="fi">Odotin kaksi tuntia aulassa.</p>' in body


def test_a_finnish_reply_on_a_swedish_page_is_marked_finnish(client, unit, make_user):
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Bra service", language="sv"))[0]
    reply_to_feedback(
        feedback=feedback,
        by=make_user("staff"),
        text="Kiitos palautteestasi, olemme korjanneet ajanvarauksen ohjeet.",
    )
    client.cookies["django_language"] = "sv"
    body = client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert '<html lang="sv">' in body
    assert '<p lang="fi">Kiitos palautteestasi, olemme korjanneet' in body


def test_a_mistyped_code_gives_the_form_again_with_a_hint(client, unit):
    response = client.get("/palaute/seuraa/ABCD-EFGX/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "error-summary" in body
    assert 'value="ABCD-EFGX"' in body
    assert "ABCD-EFGH" in body  # the hint on the code's shape
    assert 'action="/palaute/seuraa/"' in body
