"""The staff detail page (#21 item 6): a failed step is summarised at the top of the page with
links to its fields and shown beside the field; reply and status change are one section."""

import re

import pytest
from django.urls import reverse

from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def given(unit):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin"))[0]


def content(response):
    """The page's main content, where the step's forms are."""
    body = response.content.decode()
    return body[body.index("<h1>") :]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_failed_step_is_summarised_at_the_top_and_shown_beside_its_field(
    unit, client_as, language
):
    client = client_as("staff")
    client.cookies["django_language"] = language
    feedback = given(unit)
    response = client.post(reverse("feedback:reply", kwargs={"pk": feedback.pk}), {"text": " "})
    assert response.status_code == 200
    page = content(response)
    summary = page.index('class="error-summary"')
    assert summary < page.index("<form"), "the summary comes before every form on the page"
    assert page.count('class="error-summary"') == 1
    assert 'href="#reply-text"' in page[summary:]
    field = re.search(r'<textarea[^>]*id="reply-text"[^>]*>', page)
    assert field and 'aria-invalid="true"' in field.group(0)
    assert (
        page.count(
            {"fi": "Kirjoita vastaus.", "sv": "Skriv svaret.", "en": "Write the reply."}[language]
        )
        == 2
    )  # in the summary and beside the field


def test_a_page_without_a_failed_step_has_no_error_summary(unit, client_as):
    client = client_as("staff")
    page = content(client.get(reverse("feedback:detail", kwargs={"pk": given(unit).pk})))
    assert "error-summary" not in page


def test_reply_and_status_are_one_form_and_status_alone_is_folded_below_it(unit, client_as):
    client = client_as("staff")
    feedback = given(unit)
    page = content(client.get(reverse("feedback:detail", kwargs={"pk": feedback.pk})))
    section = page[page.index('<section class="respond"') : page.index("</section>")]
    forms = re.findall(r"<form [^>]*>.*?</form>", section, flags=re.S)
    combined = [f for f in forms if 'id="reply-text"' in f]
    assert len(combined) == 1 and 'id="reply-status"' in combined[0]
    assert 'id="reply-public_text"' in combined[0]
    assert f'action="{reverse("feedback:reply", kwargs={"pk": feedback.pk})}"' in combined[0]
    assert combined[0].index('id="reply-text"') < combined[0].index('id="reply-status"')
    # Status alone is still its own operation, behind a disclosure after the combined form.
    assert section.index("<details") > section.index('id="reply-status"')
    assert 'id="move-status"' in section[section.index("<details") :]


def reply_with_step(client, feedback, **data):
    return client.post(reverse("feedback:reply", kwargs={"pk": feedback.pk}), data)


def test_one_post_sends_the_reply_and_records_the_step_with_one_message(unit, client_as):
    client = client_as("staff")
    feedback = submit_feedback(
        FeedbackInput(unit=unit, text="Jonotin tunnin", contact_email="giver@example.org")
    )[0]
    response = reply_with_step(
        client,
        feedback,
        text="Kiitos, lisäämme aamuun puhelinaikoja.",
        status="action_planned",
        public_text="Lisäämme aamun puhelinaikoja toukokuusta.",
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == "action_planned"
    assert [r.text for r in feedback.replies.all()] == ["Kiitos, lisäämme aamuun puhelinaikoja."]
    assert list(feedback.events.values_list("status", flat=True).order_by("at", "pk")) == [
        "received",
        "answered",
        "action_planned",
    ]
    # The reply and the step are one piece of news for the giver, in one message.
    news = f"Palautteestasi {feedback.reply_code} on uutta tietoa."
    bodies = [m.body for m in OutboxMessage.objects.filter(recipient="giver@example.org")]
    assert sum(body.count(news) for body in bodies) == 1, bodies


def test_a_reply_without_a_step_changes_only_what_a_reply_changes(unit, client_as):
    client = client_as("staff")
    feedback = given(unit)
    assert (
        reply_with_step(client, feedback, text="Kiitos palautteesta!", status="").status_code == 302
    )
    feedback.refresh_from_db()
    assert feedback.status == "answered" and feedback.replies.count() == 1


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_closing_with_the_reply_without_effect_or_reasons_stores_nothing_not_even_the_reply(
    unit, client_as, language
):
    client = client_as("staff")
    client.cookies["django_language"] = language
    feedback = given(unit)
    response = reply_with_step(client, feedback, text="Kiitos!", status="closed", public_text="")
    assert response.status_code == 200
    page = content(response)
    summary = page[page.index('class="error-summary"') : page.index("<form")]
    assert 'href="#reply-public_text"' in summary
    field = re.search(r'<textarea[^>]*id="reply-public_text"[^>]*>', page)
    assert field and 'aria-invalid="true"' in field.group(0)
    # The page shows what is stored: still received, the typed reply kept in its box.
    assert "Kiitos!</textarea>" in page
    feedback.refresh_from_db()
    assert feedback.status == "received"
    assert feedback.replies.count() == 0
    assert list(feedback.events.values_list("status", flat=True)) == ["received"]
    assert not OutboxMessage.objects.exists()


def test_closing_with_the_reply_and_the_reasons_closes_in_one_post(unit, client_as):
    client = client_as("staff")
    feedback = given(unit)
    reasons = "Jonotusaika on jo tavoitteen mukainen, emme muuta käytäntöä."
    response = reply_with_step(
        client, feedback, text="Kiitos palautteesta.", status="closed", public_text=reasons
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == "closed" and feedback.replies.count() == 1


def test_the_step_offered_with_a_reply_is_one_that_may_follow_the_reply(unit, client_as):
    client = client_as("staff")
    feedback = given(unit)
    page = content(client.get(reverse("feedback:detail", kwargs={"pk": feedback.pk})))
    select = re.search(r'<select[^>]*id="reply-status".*?</select>', page, flags=re.S)
    assert select is not None
    values = re.findall(r'<option value="([^"]*)"', select.group(0))
    # New feedback becomes "answered" by the reply, so the steps after that are offered.
    assert values == ["", "action_planned", "change_made", "no_change", "closed"]
