"""The signpost (#18 item 1): the county's texts in the reader's language, and the short
signpost on every feedback form, the kiosk's follow-up and every status page."""

from __future__ import annotations

import pytest

from osallisuus.complaints.demo import TEXTS, seed_demo_data
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_signpost_page_shows_every_route_in_the_readers_language(client, language):
    seed_demo_data()
    client.cookies["django_language"] = language
    body = client.get("/muistutus-ja-kantelu/").content.decode()
    for text in TEXTS:
        assert text[f"title_{language}"] in body
    assert "/muistutus-ja-kantelu/muistutus/" in body  # the demo county takes objections


def test_every_demo_text_records_its_source():
    assert all(text["source"] for text in TEXTS)


def test_the_short_signpost_is_on_the_form_the_kiosk_and_the_status_page(client, unit):
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Hyvä"))[0]
    for url in (
        f"/palaute/{unit.code}/",
        f"/palaute/seuraa/{feedback.reply_code}/",
    ):
        assert 'aria-labelledby="signpost-heading"' in client.get(url).content.decode(), url
