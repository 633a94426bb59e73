"""The staff detail page (#21 item 6): a failed step is summarised at the top of the page with
links to its fields and shown beside the field; reply and status change are one section."""

import re

import pytest
from django.urls import reverse

from osallisuus.feedback.services import FeedbackInput, submit_feedback

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


def test_the_status_step_follows_the_reply_in_one_section(unit, client_as):
    client = client_as("staff")
    page = content(client.get(reverse("feedback:detail", kwargs={"pk": given(unit).pk})))
    section = page[page.index('<section class="respond"') : page.index("</section>")]
    assert 'id="reply-text"' in section and 'id="move-status"' in section
    assert section.index('id="reply-text"') < section.index('id="move-status"')
