"""Publication with moderation: a person confirms the redacted text; the public sees only that."""

import pytest

from osallisuus.audit.models import AccessLog
from osallisuus.feedback.models import Publication, PublicationEvent, Status
from osallisuus.feedback.services import (
    FeedbackInput,
    move_feedback,
    reply_to_feedback,
    submit_feedback,
)
from osallisuus.notifications.models import OutboxMessage
from osallisuus.publication.services import PublicationError, publish_story

pytestmark = pytest.mark.django_db

ORIGINAL = "Hoitaja Mervi Virtanen soitti minulle numerosta 040 123 4567 ja auttoi hyvin."
REDACTED = "Hoitaja soitti minulle ja auttoi hyvin."


def give(unit, text=ORIGINAL, **kwargs):
    kwargs.setdefault("publish_consent", True)
    return submit_feedback(FeedbackInput(unit=unit, text=text, **kwargs))[0]


def english(client):
    """Assertions on English msgids hold once the catalogues are translated."""
    client.cookies["django_language"] = "en"
    return client


def publish(client, feedback, text=REDACTED, confirmed=True):
    data = {"text": text}
    if confirmed:
        data["confirmed"] = "on"
    return client.post(f"/palaute/julkaisu/{feedback.pk}/julkaise/", data)


def test_the_queue_lists_consented_comments_waiting_for_a_decision(client_as, unit):
    waiting = give(unit)
    give(unit, text="Ei lupaa julkaista", publish_consent=False)
    coordinator = client_as("coordinator")
    page = coordinator.get("/palaute/julkaisu/")
    assert page.status_code == 200
    assert list(page.context["page"]) == [waiting]
    # The queue shows the proposal without personal data, never the original.
    body = page.content.decode()
    assert "040 123 4567" not in body


def test_a_comment_without_consent_cannot_be_published(client_as, unit):
    feedback = give(unit, publish_consent=False)
    coordinator = client_as("coordinator")
    assert publish(coordinator, feedback).status_code == 404
    with pytest.raises(PublicationError):
        publish_story(feedback=feedback, by=coordinator.user, text=REDACTED, confirmed=True)
    assert not Publication.objects.exists()


def test_publishing_without_the_confirmation_is_refused_and_nothing_is_saved(client_as, unit):
    feedback = give(unit)
    coordinator = english(client_as("coordinator"))
    response = publish(coordinator, feedback, confirmed=False)
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-summary" in body
    assert "Confirm that you have checked the text has no personal data." in body
    with pytest.raises(PublicationError) as refused:
        publish_story(feedback=feedback, by=coordinator.user, text=REDACTED, confirmed=False)
    assert "confirmed" in refused.value.by_field()
    assert not Publication.objects.exists()
    assert not PublicationEvent.objects.exists()


def test_a_text_that_still_holds_a_phone_number_is_refused(client_as, unit):
    feedback = give(unit)
    response = publish(english(client_as("coordinator")), feedback, text="Soittakaa 040 123 4567")
    assert response.status_code == 200
    assert "phone number" in response.content.decode()
    assert not Publication.objects.exists()


def test_the_moderation_page_highlights_the_proposed_redactions(client_as, unit):
    feedback = give(unit)
    body = client_as("coordinator").get(f"/palaute/julkaisu/{feedback.pk}/").content.decode()
    assert '<mark class="pii">040 123 4567</mark>' in body
    # The editable text is prefilled with the proposal, personal data replaced.
    textarea = body.split('name="text"')[1].split("</textarea>")[0]
    assert "040 123 4567" not in textarea
    assert "[PHONE]" in textarea


def test_viewing_the_original_on_the_moderation_page_is_logged(client_as, unit):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    coordinator.get(f"/palaute/julkaisu/{feedback.pk}/")
    entry = AccessLog.objects.get(object_type="feedback.feedback", object_id=str(feedback.pk))
    assert entry.actor == coordinator.user


def test_only_the_confirmed_text_appears_on_the_public_page(client_as, client, unit):
    feedback = give(unit)
    response = publish(client_as("unit_manager"), feedback)
    assert response.status_code == 302
    body = client.get("/palaute/tarinat/KST/").content.decode()
    assert REDACTED in body
    assert "040 123 4567" not in body
    assert "Mervi" not in body
    assert "Virtanen" not in body
    publication = Publication.objects.get()
    assert publication.published_text == REDACTED
    assert PublicationEvent.objects.get().decision == "published"


def test_the_public_page_shows_the_answer_and_what_changed(client_as, client, unit):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    reply_to_feedback(feedback=feedback, by=coordinator.user, text="Kiitos, välitämme kiitokset.")
    move_feedback(
        feedback=feedback,
        by=coordinator.user,
        status=Status.CHANGE_MADE,
        public_text="Lisäsimme puhelinaikoja aamuihin.",
    )
    publish(coordinator, feedback)
    body = client.get("/palaute/tarinat/KST/").content.decode()
    assert "Kiitos, välitämme kiitokset." in body
    assert "Lisäsimme puhelinaikoja aamuihin." in body


def test_newest_published_story_comes_first(client_as, client, unit):
    coordinator = client_as("coordinator")
    first, second = give(unit, text="Ensimmäinen"), give(unit, text="Toinen")
    publish(coordinator, first, text="Ensimmäinen tarina")
    publish(coordinator, second, text="Toinen tarina")
    body = client.get("/palaute/tarinat/KST/").content.decode()
    assert body.index("Toinen tarina") < body.index("Ensimmäinen tarina")


def test_a_rejection_reason_is_never_public(client_as, client, unit):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    response = coordinator.post(
        f"/palaute/julkaisu/{feedback.pk}/hylkaa/",
        {"reject-reason": "Sisältää tunnistettavan tilanteen"},
    )
    assert response.status_code == 302
    assert Publication.objects.get().decision == "rejected"
    public = client.get("/palaute/tarinat/KST/").content.decode()
    assert "tunnistettavan" not in public
    assert REDACTED not in public
    api = client.get("/api/v1/units/KST/stories/").content.decode()
    assert "tunnistettavan" not in api
    status = client.get(f"/palaute/seuraa/{feedback.reply_code}/").content.decode()
    assert "tunnistettavan" not in status


def test_a_rejection_needs_a_reason(client_as, unit):
    feedback = give(unit)
    coordinator = english(client_as("coordinator"))
    response = coordinator.post(f"/palaute/julkaisu/{feedback.pk}/hylkaa/", {"reject-reason": ""})
    assert response.status_code == 200
    assert not Publication.objects.exists()
    assert response.context["reject_form"].errors["reason"]
    # The page is shown again with the other forms unbound.
    assert not response.context["publish_form"].is_bound


def test_a_taken_down_story_disappears_and_the_take_down_is_logged(client_as, client, unit):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    publish(coordinator, feedback)
    response = coordinator.post(
        f"/palaute/julkaisu/{feedback.pk}/poista/", {"down-reason": "Giver asked to remove it"}
    )
    assert response.status_code == 302
    assert REDACTED not in client.get("/palaute/tarinat/KST/").content.decode()
    assert [e.decision for e in PublicationEvent.objects.all()] == ["published", "unpublished"]
    assert PublicationEvent.objects.last().by == coordinator.user


def test_the_giver_is_told_by_e_mail_when_the_story_is_published(client_as, unit):
    feedback = give(unit, contact_email="antaja@example.org")
    OutboxMessage.objects.all().delete()
    publish(client_as("coordinator"), feedback)
    message = OutboxMessage.objects.get(recipient="antaja@example.org")
    assert "/palaute/tarinat/KST/" in message.body
    assert ORIGINAL not in message.body


def test_the_status_page_notice_tells_the_giver_their_story_is_public(client_as, unit):
    from django.template.loader import render_to_string

    feedback = give(unit)
    publish(client_as("coordinator"), feedback)
    feedback.refresh_from_db()
    html = render_to_string("publication/stories_status_notice.html", {"feedback": feedback})
    assert "/palaute/tarinat/KST/" in html
    unpublished = give(unit, text="Toinen")
    assert (
        render_to_string(
            "publication/stories_status_notice.html", {"feedback": unpublished}
        ).strip()
        == ""
    )


def test_a_manager_of_another_unit_gets_404(client_as, unit, other_unit):
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    feedback = give(unit)
    manager = user_with_role("unit_manager", unit=other_unit)

    other = Client()
    sign_in(other, manager)
    assert other.get("/palaute/julkaisu/").status_code == 200
    assert feedback not in other.get("/palaute/julkaisu/").context["page"]
    assert other.get(f"/palaute/julkaisu/{feedback.pk}/").status_code == 404
    assert publish(other, feedback).status_code == 404
    assert not Publication.objects.exists()


def test_a_unit_manager_who_is_only_staff_of_a_unit_cannot_moderate_it(unit, other_unit):
    from django.test import Client

    from osallisuus.accounts.services import assign_role
    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    feedback = give(unit)
    person = user_with_role("unit_manager", unit=other_unit)
    assign_role(user=person, role="staff", unit=unit)
    c = Client()
    sign_in(c, person)
    assert c.get(f"/palaute/julkaisu/{feedback.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["resident", "expert", "staff", "decision_maker"])
def test_people_who_do_not_moderate_get_404(client_as, unit, role):
    feedback = give(unit)
    c = client_as(role)
    assert c.get("/palaute/julkaisu/").status_code == 404
    assert c.get(f"/palaute/julkaisu/{feedback.pk}/").status_code == 404
    assert publish(c, feedback).status_code == 404
    assert not Publication.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, unit):
    feedback = give(unit)
    assert client.get("/palaute/julkaisu/").status_code == 302
    assert publish(client, feedback).status_code == 302
    assert not Publication.objects.exists()


def scored(unit, n, score=4, **kwargs):
    from osallisuus.reports.services import rebuild_rollups

    for _ in range(n):
        submit_feedback(
            FeedbackInput(
                unit=unit,
                answers=[("access", score), ("encounter", 5), ("recommend", 10)],
                **kwargs,
            )
        )
    rebuild_rollups()


def test_figures_are_hidden_below_the_minimum(client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    scored(unit, 4)
    response = english(client).get("/palaute/tarinat/KST/")
    assert not response.context["summary"].shown
    body = response.content.decode()
    assert "I got the service when I needed it." not in body
    assert "Strongly agree" not in body
    assert "at least 5 answers" in body
    api = client.get("/api/v1/units/KST/stories/").json()
    assert api["summary"]["shown"] is False
    assert api["summary"]["count"] is None
    assert api["summary"]["questions"] == []


def test_each_statement_is_shown_with_its_own_wording_scale_and_counts(client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    scored(unit, 3, score=4)
    scored(unit, 2, score=2)
    response = english(client).get("/palaute/tarinat/KST/")
    summary = response.context["summary"]
    assert summary.shown and summary.count == 5
    access, encounter, recommend = summary.questions
    assert access.text == "I got the service when I needed it."
    assert [(c.value, c.count) for c in access.counts] == [(1, 0), (2, 2), (3, 0), (4, 3), (5, 0)]
    assert encounter.text == "I was treated with respect."
    assert [c.count for c in encounter.counts] == [0, 0, 0, 0, 5]
    assert recommend.type == "nps" and recommend.counts[10].count == 5
    body = response.content.decode()
    assert "I got the service when I needed it." in body
    assert '<th scope="row">2 – Disagree</th><td>2</td>' in body
    assert '<th scope="row">4 – Agree</th><td>3</td>' in body
    assert "5 answers (1 = Strongly disagree, 5 = Strongly agree)" in body
    # No mixed average, and no experience scale on agreement statements.
    assert "Average" not in body and "very poor" not in body.lower()


def test_the_page_is_in_the_readers_language(client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    scored(unit, 5)
    client.cookies["django_language"] = "sv"
    body = client.get("/palaute/tarinat/KST/").content.decode()
    assert "Jag fick service när jag behövde den." in body
    assert "Jag blev bemött med respekt." in body


def test_a_statement_with_fewer_answers_than_the_minimum_is_hidden(client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    scored(unit, 5)
    for _ in range(2):
        submit_feedback(FeedbackInput(unit=unit, answers=[("safety", 1)]))
    from osallisuus.reports.services import rebuild_rollups

    rebuild_rollups()
    summary = english(client).get("/palaute/tarinat/KST/").context["summary"]
    safety = next(q for q in summary.questions if q.key == "safety")
    assert not safety.shown and safety.counts == [] and safety.answers is None
    api = client.get("/api/v1/units/KST/stories/").json()["summary"]
    hidden = next(q for q in api["questions"] if q["key"] == "safety")
    assert hidden["counts"] == [] and hidden["answers"] is None


def test_the_api_gives_the_same_counts_as_the_page(client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    scored(unit, 3, score=4)
    scored(unit, 3, score=1)
    summary = english(client).get("/palaute/tarinat/KST/").context["summary"]
    api = client.get("/api/v1/units/KST/stories/").json()["summary"]
    assert api["count"] == summary.count == 6
    assert [
        (q["question_id"], q["answers"], [(c["value"], c["count"]) for c in q["counts"]])
        for q in api["questions"]
    ] == [
        (q.question_id, q.answers, [(c.value, c.count) for c in q.counts])
        for q in summary.questions
    ]
    assert "average" not in api and "distribution" not in api
    assert api["questions"][0]["counts"][3]["name"] == "Agree"


def test_new_feedback_reaches_the_public_figures_without_a_rebuild(
    client, unit, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_MIN_ANSWERS = 2
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            submit_feedback(FeedbackInput(unit=unit, answers=[("access", 3)]))
    (access,) = english(client).get("/palaute/tarinat/KST/").context["summary"].questions
    assert [c.count for c in access.counts] == [0, 0, 2, 0, 0]


def test_button_mashing_does_not_count_towards_the_figures(client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    scored(unit, 4)
    scored(unit, 10, score=1, suspected_mashing=True)
    assert not client.get("/palaute/tarinat/KST/").context["summary"].shown


def test_the_api_lists_published_stories_with_figures(client_as, client, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    coordinator = client_as("coordinator")
    feedback = give(unit)
    reply_to_feedback(feedback=feedback, by=coordinator.user, text="Kiitos palautteesta.")
    publish(coordinator, feedback)
    give(unit, text="Odottaa päätöstä")
    data = client.get("/api/v1/units/KST/stories/").json()
    assert data["count"] == 1
    assert data["unit"] == "KST"
    assert data["results"][0]["text"] == REDACTED
    assert data["results"][0]["replies"][0]["text"] == "Kiitos palautteesta."
    assert "040 123 4567" not in str(data)
    assert client.get("/api/v1/units/NOPE/stories/").status_code == 404


def test_the_stories_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/").json()
    operation = schema["paths"]["/api/v1/units/{code}/stories/"]["get"]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    if "$ref" in body:
        body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    assert {"count", "results", "summary", "unit"} <= set(body["properties"])


def test_an_unknown_unit_has_no_stories_page(client, unit):
    assert client.get("/palaute/tarinat/NOPE/").status_code == 404


def test_the_stories_page_costs_the_same_queries_however_many_stories(
    client_as, client, unit, django_assert_max_num_queries
):
    coordinator = client_as("coordinator")
    for n in range(12):
        feedback = give(unit, text=f"Tarina {n}")
        reply_to_feedback(feedback=feedback, by=coordinator.user, text=f"Vastaus {n}")
        publish_story(feedback=feedback, by=coordinator.user, text=f"Tarina {n}", confirmed=True)
    # 10 for the stories, up to 10 for "you said, we did" (trail/tests/test_public.py).
    with django_assert_max_num_queries(20):
        assert client.get("/palaute/tarinat/KST/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/api/v1/units/KST/stories/").status_code == 200


def test_personal_data_in_the_units_answer_is_removed_on_the_public_page(client_as, client, unit):
    coordinator = client_as("coordinator")
    feedback = give(unit)
    reply_to_feedback(
        feedback=feedback, by=coordinator.user, text="Soita minulle numeroon 040 765 4321."
    )
    publish(coordinator, feedback)
    body = client.get("/palaute/tarinat/KST/").content.decode()
    assert "Soita minulle numeroon" in body
    assert "040 765 4321" not in body


@pytest.mark.parametrize("step", ["julkaise", "hylkaa", "poista"])
def test_each_decision_is_post_only(client_as, unit, step):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    assert coordinator.get(f"/palaute/julkaisu/{feedback.pk}/{step}/").status_code == 405
    assert coordinator.post(f"/palaute/julkaisu/{feedback.pk}/").status_code == 405


def test_each_decision_returns_to_the_queue_with_its_message(client_as, unit):
    coordinator = english(client_as("coordinator"))
    published = publish(coordinator, give(unit), text="Kiitos hyvästä hoidosta")
    assert published.url == "/palaute/julkaisu/"
    rejected = coordinator.post(
        f"/palaute/julkaisu/{give(unit).pk}/hylkaa/",
        {"reject-reason": "Tunnistettava"},
        follow=True,
    )
    assert "Decision saved: not published." in rejected.content.decode()


def test_the_moderation_page_posts_each_decision_to_its_own_address(client_as, unit):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    body = coordinator.get(f"/palaute/julkaisu/{feedback.pk}/").content.decode()
    assert f'action="/palaute/julkaisu/{feedback.pk}/julkaise/"' in body
    assert f'action="/palaute/julkaisu/{feedback.pk}/hylkaa/"' in body
    publish(coordinator, feedback)
    body = coordinator.get(f"/palaute/julkaisu/{feedback.pk}/").content.decode()
    assert f'action="/palaute/julkaisu/{feedback.pk}/poista/"' in body
    assert 'name="action"' not in body


def test_the_moderator_sees_the_units_texts_with_proposed_redactions_marked(client_as, unit):
    coordinator = client_as("coordinator")
    feedback = give(unit)
    reply_to_feedback(
        feedback=feedback, by=coordinator.user, text="Soita minulle numeroon 040 765 4321."
    )
    move_feedback(
        feedback=feedback,
        by=coordinator.user,
        status=Status.CHANGE_MADE,
        public_text="Lisäsimme puhelinaikoja aamuihin.",
    )
    body = coordinator.get(f"/palaute/julkaisu/{feedback.pk}/").content.decode()
    staff_texts = body.split('id="staff-texts"')[1].split("</ul>")[0]
    assert 'numeroon <mark class="pii">040 765 4321</mark>' in staff_texts
    assert "Soita minulle numeroon [PHONE]" in staff_texts
    assert "Lisäsimme puhelinaikoja aamuihin." in staff_texts
    assert staff_texts.count('<mark class="pii">') == 1


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_reply_beginning_with_a_plural_verb_is_published_whole(client_as, unit, language):
    coordinator = client_as("coordinator")
    feedback = give(unit)
    reply = "Olemme tilanneet uuden laitteen. Se tulee maaliskuussa."
    reply_to_feedback(feedback=feedback, by=coordinator.user, text=reply)
    moderation = coordinator.get(f"/palaute/julkaisu/{feedback.pk}/").content.decode()
    assert reply in moderation.split('id="staff-texts"')[1].split("</ul>")[0]
    publish(coordinator, feedback)
    visitor = client_as("anonymous")
    visitor.cookies["django_language"] = language
    body = visitor.get("/palaute/tarinat/KST/").content.decode()
    assert reply in body
    assert "[NAME]" not in body.split(reply)[0][-40:]


def test_the_moderator_edits_the_units_answer_before_publishing(client_as, client, unit):
    coordinator = client_as("coordinator")
    feedback = give(unit)
    reply = reply_to_feedback(
        feedback=feedback, by=coordinator.user, text="Hoitaja Mervi kertoi, että ajat lisätään."
    )
    body = coordinator.get(f"/palaute/julkaisu/{feedback.pk}/").content.decode()
    name = f"staff_reply_{reply.pk}"
    assert f'name="{name}"' in body
    response = coordinator.post(
        f"/palaute/julkaisu/{feedback.pk}/julkaise/",
        {"text": REDACTED, "confirmed": "on", name: "Ajat lisätään keväällä."},
    )
    assert response.status_code == 302
    assert Publication.objects.get().staff_texts == {f"reply:{reply.pk}": "Ajat lisätään keväällä."}
    body = client.get("/palaute/tarinat/KST/").content.decode()
    assert "Ajat lisätään keväällä." in body
    assert "kertoi, että ajat lisätään" not in body


def test_an_answer_still_holding_a_phone_number_is_refused_and_nothing_is_published(
    client_as, unit
):
    coordinator = client_as("coordinator")
    feedback = give(unit)
    reply = reply_to_feedback(feedback=feedback, by=coordinator.user, text="Soittakaa meille.")
    name = f"staff_reply_{reply.pk}"
    response = coordinator.post(
        f"/palaute/julkaisu/{feedback.pk}/julkaise/",
        {"text": REDACTED, "confirmed": "on", name: "Soita numeroon 040 765 4321."},
    )
    assert response.status_code == 200
    assert not Publication.objects.exists()
    body = response.content.decode()
    error = body.split(f'id="id_{name}_error"')[1].split("</div>")[0]
    assert "040 765 4321" not in error and "</p>" in error
    assert "040 765 4321" in body.split(f'name="{name}"')[1].split("</textarea>")[0]
