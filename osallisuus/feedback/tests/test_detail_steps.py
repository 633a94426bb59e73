"""Each handling step of the feedback detail page posts to its own address and comes back."""

import pytest
from django.urls import reverse

from osallisuus.feedback.models import Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db


def give(unit):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin puhelimessa."))[0]


def step(feedback, name):
    return reverse(f"feedback:{name}", kwargs={"pk": feedback.pk})


@pytest.fixture
def staff(client_as):
    client = client_as("staff")
    client.cookies["django_language"] = "en"
    return client


def test_a_reply_returns_to_the_page_and_the_giver_reads_it(staff, client, unit):
    feedback = give(unit)
    response = staff.post(
        step(feedback, "reply"), {"text": "Kiitos, lisäämme aikoja."}, follow=True
    )
    assert response.redirect_chain == [(feedback.get_absolute_url(), 302)]
    assert "Reply saved." in response.content.decode()
    giver = client.get(reverse("feedback:status", kwargs={"code": feedback.reply_code}))
    assert "Kiitos, lisäämme aikoja." in giver.content.decode()


def test_a_status_change_returns_to_the_page_with_the_new_status(staff, unit):
    feedback = give(unit)
    response = staff.post(
        step(feedback, "move"),
        {"status": "action_planned", "public_text": "Lisäämme aamun aikoja."},
        follow=True,
    )
    assert response.redirect_chain == [(feedback.get_absolute_url(), 302)]
    assert "Status changed." in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).status == "action_planned"


def test_a_note_returns_to_the_page_and_is_listed_there(staff, unit):
    feedback = give(unit)
    response = staff.post(step(feedback, "note"), {"text": "Soitan huomenna."}, follow=True)
    assert response.redirect_chain == [(feedback.get_absolute_url(), 302)]
    body = response.content.decode()
    assert "Note saved." in body and "Soitan huomenna." in body


def test_choosing_a_handler_returns_to_the_page_with_their_name(staff, unit, make_user):
    feedback = give(unit)
    nurse = make_user("staff")
    response = staff.post(step(feedback, "assign"), {"assigned_to": nurse.pk}, follow=True)
    assert response.redirect_chain == [(feedback.get_absolute_url(), 302)]
    assert "Handler changed." in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).assigned_to == nurse


def test_taking_the_item_returns_to_the_page(staff, unit):
    feedback = give(unit)
    response = staff.post(step(feedback, "assign_me"), follow=True)
    assert response.redirect_chain == [(feedback.get_absolute_url(), 302)]
    assert "The feedback is now yours to handle." in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).assigned_to == staff.user


def test_a_coordinator_who_is_no_handler_of_the_unit_is_told_so(client_as, unit):
    feedback = give(unit)
    coordinator = client_as("coordinator")
    coordinator.cookies["django_language"] = "en"
    response = coordinator.post(step(feedback, "assign_me"))
    assert response.status_code == 200
    assert "does not handle this unit" in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).assigned_to is None


def test_a_label_correction_returns_to_the_page(staff, unit):
    feedback = give(unit)
    response = staff.post(
        step(feedback, "labels"),
        {"themes": ["staff_attitude"], "sentiment": "negative"},
        follow=True,
    )
    assert response.redirect_chain == [(feedback.get_absolute_url(), 302)]
    assert "Labels corrected." in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).themes == ["staff_attitude"]


def test_an_empty_reply_is_shown_beside_its_field_and_the_other_forms_stay(staff, unit):
    feedback = give(unit)
    response = staff.post(step(feedback, "reply"), {"text": "  "})
    assert response.status_code == 200
    assert response.context["reply_form"].errors["text"] == ["Write the reply."]
    assert not response.context["note_form"].is_bound
    assert not response.context["move_form"].is_bound
    body = response.content.decode()
    assert "error-summary" in body
    for name in ("note", "move", "assign", "labels"):
        assert f'action="{step(feedback, name)}"' in body, name
    assert not feedback.replies.exists()


def test_an_empty_note_is_refused_and_nothing_is_stored(staff, unit):
    feedback = give(unit)
    response = staff.post(step(feedback, "note"), {"text": ""})
    assert response.status_code == 200
    assert response.context["note_form"].errors["text"]
    assert not feedback.notes.exists()


@pytest.mark.parametrize(
    "name", ["reply", "use_template", "move", "note", "assign", "assign_me", "labels"]
)
def test_a_step_address_takes_only_post(staff, unit, name):
    assert staff.get(step(give(unit), name)).status_code == 405


def test_the_detail_page_itself_takes_no_post(staff, unit):
    feedback = give(unit)
    response = staff.post(feedback.get_absolute_url(), {"text": "Kiitos"})
    assert response.status_code == 405
    assert not feedback.replies.exists()
