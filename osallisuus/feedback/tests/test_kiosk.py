"""The kiosk: big faces, a follow-up, a queue that survives the network going down, and
button-mashing kept but flagged."""

from datetime import timedelta

import pytest
from django.utils import timezone

from osallisuus.feedback.models import Feedback

API = "/api/v1/feedback/kiosk/"


def kiosk_answer(
    client, key, *, score=4, answered_at=None, hint=False, unit_code="KST", device=None
):
    body = {
        "unit_code": unit_code,
        "channel": "kiosk",
        "language": "fi",
        "answers": [{"question": "access", "value": score}],
        "idempotency_key": key,
        "mashing_hint": hint,
    }
    if answered_at is not None:
        body["answered_at"] = answered_at.isoformat()
    if device is not None:
        body["device"] = device
    return client.post(API, body, content_type="application/json")


@pytest.mark.django_db
class TestWithoutJavaScript:
    def test_the_kiosk_shows_five_faces_with_text_labels_for_the_units_question(self, client, unit):
        page = client.get("/kioski/KST/").content.decode()
        assert "Sain palvelua silloin, kun tarvitsin sitä." in page
        assert page.count('type="submit" name="score"') == 5
        assert "Täysin samaa mieltä" in page and "Täysin eri mieltä" in page

    def test_an_unknown_unit_has_no_kiosk(self, client, unit):
        assert client.get("/kioski/XYZ/").status_code == 404

    def test_a_face_then_the_follow_up_stores_one_kiosk_answer_and_thanks(self, client, unit):
        step = client.post("/kioski/KST/jatko/", {"score": "5"})
        assert step.status_code == 200
        key = step.context["form"].initial["idempotency_key"]
        body = {"score": "5", "idempotency_key": key, "text": "Ystävällinen vastaanotto"}
        done = client.post("/kioski/KST/vastaus/", {**body, "action": "send"})
        assert done.status_code == 302 and done["Location"] == "/kioski/KST/kiitos/"
        feedback = Feedback.objects.get()
        assert feedback.channel == "kiosk" and feedback.overall_score == 5
        assert feedback.text == "Ystävällinen vastaanotto"
        thanks = client.get(done["Location"]).content.decode()
        assert 'href="/kioski/KST/"' in thanks

    def test_skipping_the_follow_up_stores_only_the_face(self, client, unit):
        body = {"score": "2", "idempotency_key": "abc", "text": "ei tätä", "action": "skip"}
        client.post("/kioski/KST/vastaus/", body)
        feedback = Feedback.objects.get()
        assert feedback.text == "" and feedback.overall_score == 2

    def test_sending_the_same_form_twice_stores_it_once(self, client, unit):
        body = {"score": "3", "idempotency_key": "same", "action": "send"}
        client.post("/kioski/KST/vastaus/", body)
        client.post("/kioski/KST/vastaus/", body)
        assert Feedback.objects.count() == 1


@pytest.mark.django_db
class TestKioskApi:
    def test_a_resent_answer_returns_200_with_the_same_reply_code_and_counts_once(
        self, client, unit
    ):
        first = kiosk_answer(client, "kiosk:1")
        again = kiosk_answer(client, "kiosk:1")
        assert first.status_code == 201 and again.status_code == 200
        assert again.json()["reply_code"] == first.json()["reply_code"]
        assert Feedback.objects.count() == 1

    def test_an_answer_is_stored_at_the_time_the_face_was_pressed(self, client, unit):
        pressed = timezone.now() - timedelta(hours=2)
        kiosk_answer(client, "kiosk:late", answered_at=pressed)
        feedback = Feedback.objects.get()
        assert feedback.channel == "kiosk"
        assert abs(feedback.received_at - pressed) < timedelta(seconds=1)

    def test_a_claimed_time_in_the_future_is_not_believed(self, client, unit):
        kiosk_answer(client, "kiosk:future", answered_at=timezone.now() + timedelta(days=3))
        assert Feedback.objects.get().received_at <= timezone.now()

    def test_an_unknown_unit_gets_400_and_nothing_is_stored(self, client, unit):
        response = kiosk_answer(client, "kiosk:x", unit_code="XYZ")
        assert response.status_code == 400 and "unit_code" in response.json()
        assert not Feedback.objects.exists()

    def test_the_kiosk_needs_an_idempotency_key(self, client, unit):
        response = kiosk_answer(client, "")
        assert response.status_code == 400 and "idempotency_key" in response.json()


@pytest.mark.django_db
class TestButtonMashing:
    def test_more_than_three_answers_within_five_seconds_are_all_kept_but_flagged(
        self, client, unit
    ):
        start = timezone.now() - timedelta(minutes=1)
        for n in range(5):
            kiosk_answer(client, f"kiosk:m{n}", answered_at=start + timedelta(seconds=n))
        assert Feedback.objects.count() == 5
        assert Feedback.objects.filter(suspected_mashing=True).count() == 5

    def test_three_quick_answers_are_not_mashing(self, client, unit):
        start = timezone.now() - timedelta(minutes=1)
        for n in range(3):
            kiosk_answer(client, f"kiosk:q{n}", answered_at=start + timedelta(seconds=n))
        assert not Feedback.objects.filter(suspected_mashing=True).exists()

    def test_a_queue_sent_in_one_burst_is_not_mashing_when_answers_were_given_apart(
        self, client, unit
    ):
        start = timezone.now() - timedelta(hours=1)
        for n in range(6):
            kiosk_answer(client, f"kiosk:q{n}", answered_at=start + timedelta(minutes=n))
        assert not Feedback.objects.filter(suspected_mashing=True).exists()

    def test_answers_at_another_unit_do_not_count_towards_mashing(self, client, unit, other_unit):
        now = timezone.now() - timedelta(minutes=1)
        for n in range(3):
            kiosk_answer(client, f"kiosk:k{n}", answered_at=now)
        kiosk_answer(client, "kiosk:m", answered_at=now, unit_code="MTR")
        assert not Feedback.objects.filter(suspected_mashing=True).exists()

    def test_two_kiosks_of_one_unit_answered_at_once_are_not_mashing(self, client, unit):
        now = timezone.now() - timedelta(minutes=1)
        for n in range(3):
            for device in ("entrance-a", "entrance-b"):
                at = now + timedelta(seconds=n)
                sent = kiosk_answer(client, f"kiosk:{device}{n}", answered_at=at, device=device)
                assert sent.status_code == 201
        assert Feedback.objects.filter(kiosk_device="entrance-b").count() == 3
        assert not Feedback.objects.filter(suspected_mashing=True).exists()
        for n in range(2):  # one kiosk pressed twice more within the window: that one mashes
            kiosk_answer(client, f"kiosk:a-more{n}", answered_at=now, device="entrance-a")
        flagged = Feedback.objects.filter(suspected_mashing=True)
        assert set(flagged.values_list("kiosk_device", flat=True)) == {"entrance-a"}

    def test_a_device_id_that_is_not_a_plain_id_is_refused(self, client, unit):
        response = kiosk_answer(client, "kiosk:bad", device="<script>")
        assert response.status_code == 400 and "device" in response.json()
        assert not Feedback.objects.exists()

    def test_the_kiosks_own_hint_flags_the_answer(self, client, unit):
        kiosk_answer(client, "kiosk:hint", hint=True)
        assert Feedback.objects.get().suspected_mashing

    def test_flagged_presses_are_left_out_of_the_units_public_figures(self, client, unit, settings):
        from osallisuus.publication.selectors import unit_summary

        start = timezone.now() - timedelta(hours=1)
        for n in range(5):  # Five real answers, minutes apart: all 4s.
            kiosk_answer(client, f"kiosk:r{n}", answered_at=start + timedelta(minutes=n))
        mash = start + timedelta(minutes=30)
        for n in range(8):  # Then someone hammers the worst face.
            at = mash + timedelta(milliseconds=300 * n)
            kiosk_answer(client, f"kiosk:m{n}", score=1, answered_at=at)
        from osallisuus.reports.services import rebuild_rollups

        rebuild_rollups()
        summary = unit_summary(unit)
        assert summary.count == 5
        assert [c.count for c in summary.questions[0].counts] == [0, 0, 0, 5, 0]

    def test_the_no_javascript_kiosk_is_checked_for_mashing_too(self, client, unit):
        for n in range(4):
            body = {"score": "1", "idempotency_key": f"k{n}", "action": "skip"}
            client.post("/kioski/KST/vastaus/", body)
        assert Feedback.objects.filter(suspected_mashing=True).count() == 4


# --- In a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def warm_analysis():
    """The text analysis builds its lexicons on first use (seconds); not what these tests time."""
    from osallisuus.analysis.pipeline import analyse

    analyse("Hyvä palvelu", lang_hint="fi")


@pytest.fixture
def question_sets(transactional_db, warm_analysis):
    """Transactional tests empty the database, also the question sets shipped by a migration."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("osallisuus.feedback.migrations.0002_default_question_sets")
    migration.load_sets(apps, None)


def answer_on_the_kiosk(page, face, text=""):
    page.get_by_role("button", name=face, exact=True).click()
    if text:
        page.locator("#kiosk-followup textarea").fill(text)
        page.locator("#kiosk-followup").get_by_role("button", name="Send").click()
    else:
        page.locator("#kiosk-followup").get_by_role("button", name="Skip").click()
    page.get_by_role("button", name="New answer").click()


def open_kiosk_in_english(page, live_server):
    # English msgids: these tests do not wait for the Finnish catalogue to be updated.
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/kioski/KST/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_kiosk_keeps_three_answers_offline_and_sends_each_exactly_once_when_back(
    page, live_server, question_sets, unit
):
    from playwright.sync_api import expect

    open_kiosk_in_english(page, live_server)
    page.context.set_offline(True)
    answer_on_the_kiosk(page, "Strongly agree", "Hyvä palvelu")
    answer_on_the_kiosk(page, "Agree")
    answer_on_the_kiosk(page, "Strongly disagree", "Jono oli pitkä")
    status = page.locator("#kiosk-queue")
    expect(status).to_have_text("Answers waiting to be sent: 3")
    assert Feedback.objects.count() == 0
    page.context.set_offline(False)
    expect(status).to_have_text("All answers have been sent.", timeout=15_000)
    stored = Feedback.objects.order_by("received_at")
    assert [f.overall_score for f in stored] == [5, 4, 1]
    assert all(f.channel == "kiosk" and not f.suspected_mashing for f in stored)
    # One kiosk: every answer carries the id it keeps in localStorage.
    assert len({f.kiosk_device for f in stored}) == 1 and stored[0].kiosk_device
    assert [f.text for f in stored] == ["Hyvä palvelu", "", "Jono oli pitkä"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_kiosk_that_lost_the_network_can_be_reloaded_and_keeps_taking_answers(
    page, live_server, question_sets, unit
):
    from playwright.sync_api import expect

    open_kiosk_in_english(page, live_server)
    expect(page.locator("#kiosk")).to_have_attribute("data-offline-ready", "true", timeout=15_000)
    page.context.set_offline(True)
    page.reload()  # e.g. the kiosk restarted, or someone pulled down to refresh
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    answer_on_the_kiosk(page, "Agree", "Wifi katkesi mutta tämä toimii")
    status = page.locator("#kiosk-queue")
    expect(status).to_have_text("Answers waiting to be sent: 1")
    assert Feedback.objects.count() == 0
    page.context.set_offline(False)
    expect(status).to_have_text("All answers have been sent.", timeout=15_000)
    stored = Feedback.objects.get()
    assert (stored.overall_score, stored.text) == (4, "Wifi katkesi mutta tämä toimii")


def test_the_kiosk_service_worker_is_served_from_the_kiosk_path_without_caching(client):
    response = client.get("/kioski/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert b'url.pathname.startsWith("/kioski/")' in response.content


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_answer_whose_reply_was_lost_is_resent_and_still_counted_once(
    page, live_server, question_sets, unit
):
    from playwright.sync_api import expect

    calls = []

    def lose_first_reply(route):
        calls.append(route.request.post_data_json["idempotency_key"])
        if len(calls) == 1:
            route.fetch()  # The server stores it, but the kiosk never hears back.
            route.abort()
        else:
            route.continue_()

    page.route("**/api/v1/feedback/kiosk/", lose_first_reply)
    open_kiosk_in_english(page, live_server)
    answer_on_the_kiosk(page, "Strongly agree")
    expect(page.locator("#kiosk-queue")).to_have_text("All answers have been sent.", timeout=15_000)
    assert len(calls) == 2 and calls[0] == calls[1]
    assert Feedback.objects.count() == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_kiosk_screens_have_no_axe_violations(
    page, live_server, axe_violations, language, question_sets, unit
):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto("/kioski/KST/")
    assert axe_violations(page) == [], "start"
    page.locator(".kiosk-face-5").click()
    page.locator("#kiosk-followup textarea").wait_for()
    assert axe_violations(page) == [], "follow-up"
    page.locator("#kiosk-followup button[value=skip]").click()
    page.locator("#kiosk-again").wait_for()
    assert axe_violations(page) == [], "thanks"
    for path in ["/kioski/KST/kiitos/"]:
        page.goto(path)
        assert axe_violations(page) == [], path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_without_its_script_the_kiosk_works_as_plain_forms_without_axe_violations(
    page, live_server, axe_violations, language, question_sets, unit
):
    # The kiosk's module never loads (axe itself still needs JavaScript in the page).
    page.route("**/kiosk.js", lambda route: route.abort())
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto("/kioski/KST/")
    page.locator(".kiosk-face-4").click()
    page.locator("textarea").fill("Selkeät ohjeet")
    assert axe_violations(page) == [], "follow-up"
    page.locator("button[value=send]").click()
    page.locator("a[href='/kioski/KST/']").wait_for()
    assert axe_violations(page) == [], "thanks"
    feedback = Feedback.objects.get()
    assert feedback.overall_score == 4 and feedback.text == "Selkeät ohjeet"


# The faces' values and words, left to right as the screen shows them.
FACES_LEFT_TO_RIGHT = """selector => [...document.querySelectorAll(selector)]
  .map(el => ({el, box: el.getBoundingClientRect()}))
  .sort((a, b) => a.box.left - b.box.left)
  .map(({el, box}) => ({
    value: el.value || el.querySelector('input').value,
    text: el.textContent.replace(/\\s+/g, ''),
    top: Math.round(box.top), left: box.left, right: box.right, bottom: box.bottom,
  }))"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "screen", [{"width": 800, "height": 1280}, {"width": 1280, "height": 800}], ids=str
)
def test_the_kiosk_shows_its_five_faces_in_one_row_in_the_web_forms_order(
    page, live_server, question_sets, unit, screen
):
    """Portrait and landscape tablets: one row of five faces on the screen, using its width,
    worst to best from left to right, as the web form asks the same question (#21 item 9)."""
    page.set_viewport_size(screen)
    page.goto("/kioski/KST/")
    key = page.locator("#kiosk").get_attribute("data-scale-key")
    kiosk = page.evaluate(FACES_LEFT_TO_RIGHT, ".kiosk-face")
    page.goto("/palaute/KST/")
    web = page.evaluate(FACES_LEFT_TO_RIGHT, f"label.face:has(input[name='q_{key}'])")
    assert len(kiosk) == 5 and len(web) == 5
    assert len({face["top"] for face in kiosk}) == 1, kiosk
    assert [f["value"] for f in kiosk] == [f["value"] for f in web] == ["1", "2", "3", "4", "5"]
    assert [f["text"] for f in kiosk] == [f["text"] for f in web]
    left, right = kiosk[0]["left"], kiosk[-1]["right"]
    assert right - left >= 0.9 * screen["width"], "the faces use the screen's width"
    assert kiosk[-1]["bottom"] <= screen["height"], "every face is on the screen"
    if screen["width"] > screen["height"]:
        height = kiosk[0]["bottom"] - kiosk[0]["top"]
        assert height >= 0.45 * screen["height"], "the faces fill a landscape screen"
