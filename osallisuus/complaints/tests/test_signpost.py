"""The signpost (#18 item 1): the county's texts in the reader's language, and the short
signpost on every feedback form, the kiosk's follow-up and every status page."""

from __future__ import annotations

import pytest

from osallisuus.complaints.demo import TEXTS, seed_demo_data
from osallisuus.feedback.services import FeedbackInput, submit_feedback

from .factories import county_takes_objections

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
    pages = {
        "form": client.get(f"/palaute/{unit.code}/"),
        "status": client.get(f"/palaute/seuraa/{feedback.reply_code}/"),
        "kiosk follow-up": client.post(f"/kioski/{unit.code}/jatko/", {"score": "2"}),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        assert 'aria-labelledby="signpost-heading"' in body, name
        assert "/muistutus-ja-kantelu/" in body, name


def test_the_feedback_form_offers_a_formal_objection_only_where_the_county_takes_them(client, unit):
    offer = f'href="/muistutus-ja-kantelu/muistutus/?unit={unit.pk}"'
    assert offer not in client.get(f"/palaute/{unit.code}/").content.decode()
    county_takes_objections()
    assert offer in client.get(f"/palaute/{unit.code}/").content.decode()
    form = client.get(f"/muistutus-ja-kantelu/muistutus/?unit={unit.pk}").content.decode()
    assert f'<option value="{unit.pk}" selected>' in form


def test_the_demo_register_is_handled_by_the_existing_demo_complaints_officer(unit, make_user):
    from django.contrib.auth import get_user_model

    from osallisuus.complaints.demo import OFFICER
    from osallisuus.complaints.models import Complaint

    officer = make_user("complaints_officer")
    officer.username = OFFICER
    officer.save(update_fields=["username"])
    users = get_user_model().objects.count()
    seed_demo_data()
    seed_demo_data()  # running it again adds nothing
    assert get_user_model().objects.count() == users
    assert Complaint.objects.count() == 2
    assert Complaint.objects.get(status="answered").answered_by == officer
