"""Actions: planned by those who handle the inputs, followed to done or dropped with every step
told to the givers; scoped so another unit's staff never learn an action exists."""

import pytest
from django.urls import reverse

from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage
from osallisuus.trail.actions.services import change_action_status, create_action
from osallisuus.trail.models import Action, InputLink, TrailEvent

pytestmark = pytest.mark.django_db


def give(unit, **kwargs):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin", **kwargs))[0]


def plan(user, unit, *inputs):
    return create_action(
        by=user,
        title_fi="Takaisinsoitto",
        owner=user,
        unit=unit,
        texts={"fi": "Otamme takaisinsoiton käyttöön."},
        inputs=[("feedback", item.pk) for item in inputs],
    )


def test_staff_plan_an_action_from_inbox_checkboxes_and_givers_are_told(unit, client_as):
    client = client_as("staff")
    first = give(unit, contact_email="eka@example.org")
    second = give(unit)
    OutboxMessage.objects.all().delete()
    refs = [f"feedback:{first.pk}", f"feedback:{second.pk}"]
    chosen = client.get(reverse("actions:link"), {"input": refs})
    assert chosen.status_code == 200
    assert "Jonotin puhelimessa" in chosen.content.decode()
    response = client.post(
        reverse("actions:create"),
        {
            "input": refs,
            "title_fi": "Takaisinsoitto",
            "public_text_fi": "Otamme takaisinsoiton käyttöön.",
            "owner": client.user.pk,
            "unit": unit.pk,
        },
    )
    action = Action.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("actions:detail", kwargs={"pk": action.pk})
    assert InputLink.objects.filter(action=action).count() == 2
    event = TrailEvent.objects.get(action=action)
    assert event.givers_told == 2
    (message,) = OutboxMessage.objects.all()
    assert "Otamme takaisinsoiton" in message.body


def test_an_action_without_a_finnish_title_shows_the_error_and_saves_nothing(unit, client_as):
    client = client_as("staff")
    response = client.post(
        reverse("actions:create"), {"title_fi": "", "owner": client.user.pk, "unit": unit.pk}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in body and 'href="#id_title_fi"' in body
    assert not Action.objects.exists()


def test_inputs_are_linked_to_an_existing_action_and_unlinked(unit, client_as):
    client = client_as("staff")
    action = plan(client.user, unit)
    item = give(unit)
    response = client.post(
        reverse("actions:link"), {"input": [f"feedback:{item.pk}"], "action": action.pk}
    )
    assert response.status_code == 302
    assert InputLink.objects.filter(action=action, object_id=item.pk).exists()
    page = client.get(reverse("actions:detail", kwargs={"pk": action.pk})).content.decode()
    assert "Jonotin puhelimessa" in page
    client.post(
        reverse("actions:unlink", kwargs={"pk": action.pk}), {"input": f"feedback:{item.pk}"}
    )
    assert not InputLink.objects.filter(action=action).exists()


def test_linking_another_units_feedback_is_an_unknown_input(unit, other_unit, client_as):
    client = client_as("staff")
    action = plan(client.user, unit)
    hidden = give(other_unit)
    response = client.post(
        reverse("actions:link"), {"input": [f"feedback:{hidden.pk}"], "action": action.pk}
    )
    assert response.status_code == 200
    assert not InputLink.objects.exists()


def test_dropping_without_reasons_shows_the_error_beside_the_field(unit, client_as):
    client = client_as("staff")
    action = plan(client.user, unit)
    response = client.post(
        reverse("actions:status", kwargs={"pk": action.pk}), {"status": "dropped"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_reasons"' in body
    action.refresh_from_db()
    assert action.status == "planned"
    assert TrailEvent.objects.filter(action=action).count() == 1


def test_done_needs_a_public_text_and_tells_the_givers(unit, client_as):
    client = client_as("staff")
    item = give(unit, contact_email="antaja@example.org")
    action = plan(client.user, unit, item)
    url = reverse("actions:status", kwargs={"pk": action.pk})
    client.post(url, {"status": "done"})
    action.refresh_from_db()
    assert action.status == "planned"
    OutboxMessage.objects.all().delete()
    client.post(url, {"status": "done", "public_text_fi": "Takaisinsoitto on nyt käytössä."})
    action.refresh_from_db()
    assert action.status == "done"
    (message,) = OutboxMessage.objects.all()
    assert "Takaisinsoitto on nyt käytössä." in message.body


def test_staff_of_another_unit_gets_404_on_the_action(unit, other_unit, make_user, client_as):
    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    owner = make_user("staff")
    action = plan(owner, unit)
    stranger = user_with_role("staff", unit=other_unit)
    client = client_as("anonymous")
    sign_in(client, stranger)
    assert client.get(reverse("actions:detail", kwargs={"pk": action.pk})).status_code == 404
    assert (
        reverse("actions:detail", kwargs={"pk": action.pk})
        not in client.get(reverse("actions:list")).content.decode()
    )


def test_decision_makers_read_redacted_excerpts_and_cannot_change(unit, make_user, client_as):
    staff = make_user("staff")
    item = submit_feedback(
        FeedbackInput(unit=unit, text="Soita minulle 040 1234567, Matti Meikäläinen")
    )[0]
    action = plan(staff, unit, item)
    client = client_as("decision_maker")
    page = client.get(reverse("actions:detail", kwargs={"pk": action.pk})).content.decode()
    assert "040 1234567" not in page
    assert reverse("feedback:detail", kwargs={"pk": item.pk}) not in page
    assert "Change the status" not in page and "Muuta tila" not in page
    response = client.post(
        reverse("actions:status", kwargs={"pk": action.pk}), {"status": "in_progress"}
    )
    assert response.status_code == 404


def test_an_action_goes_planned_in_progress_done_and_no_further(unit, make_user):
    staff = make_user("staff")
    action = plan(staff, unit)
    change_action_status(action=action, by=staff, status="in_progress")
    change_action_status(action=action, by=staff, status="done", texts={"fi": "Valmis."})
    from osallisuus.trail.actions.services import ActionError

    with pytest.raises(ActionError):
        change_action_status(action=action, by=staff, status="in_progress")
    assert [e.status for e in TrailEvent.objects.filter(action=action)] == [
        "planned",
        "in_progress",
        "done",
    ]


def test_a_whole_group_of_similar_comments_and_one_item_lead_to_the_linking_page(unit, client_as):
    client = client_as("staff")
    similar = [give(unit) for _ in range(3)]
    page = client.get(reverse("feedback:inbox_groups")).content.decode()
    assert f'action="{reverse("actions:link")}"' in page
    for item in similar:
        assert f'name="input" value="feedback:{item.pk}"' in page
    detail = client.get(similar[0].get_absolute_url()).content.decode()
    assert f"{reverse('actions:link')}?input=feedback:{similar[0].pk}" in detail
