"""The trail's ground: inputs are linked only where the linker may see them, and a step with a
public text reaches every linked giver through the giver's own channel."""

import pytest

from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage
from osallisuus.trail.models import Action, InputLink, TrailEvent
from osallisuus.trail.services import UnknownInputError, link_inputs, record_event

pytestmark = pytest.mark.django_db


def give(unit, **kwargs):
    return submit_feedback(FeedbackInput(unit=unit, text="Jonotin puhelimessa tunnin", **kwargs))[0]


def action_for(user, unit):
    return Action.objects.create(title_fi="Takaisinsoitto", owner=user, created_by=user, unit=unit)


def test_staff_link_many_comments_of_their_unit_to_one_action_once(unit, make_user):
    staff = make_user("staff")
    first, second = give(unit), give(unit)
    action = action_for(staff, unit)
    refs = [("feedback", first.pk), ("feedback", second.pk)]
    assert link_inputs(by=staff, refs=refs, action=action) == 2
    assert link_inputs(by=staff, refs=refs, action=action) == 0
    assert InputLink.objects.filter(action=action).count() == 2


def test_an_input_the_linker_may_not_see_links_nothing(unit, other_unit, make_user):
    staff = make_user("staff")
    theirs, hidden = give(unit), give(other_unit)
    action = action_for(staff, unit)
    refs = [("feedback", theirs.pk), ("feedback", hidden.pk)]
    with pytest.raises(UnknownInputError):
        link_inputs(by=staff, refs=refs, action=action)
    with pytest.raises(UnknownInputError):
        link_inputs(by=staff, refs=[("feedback", 10**9)], action=action)
    with pytest.raises(UnknownInputError):
        link_inputs(by=staff, refs=[("no_such_kind", theirs.pk)], action=action)
    assert not InputLink.objects.exists()


def test_a_step_with_a_public_text_is_sent_to_givers_who_left_an_address(unit, make_user):
    staff = make_user("staff")
    with_address = give(unit, contact_email="antaja@example.org", language="sv")
    without = give(unit)
    action = action_for(staff, unit)
    link_inputs(
        by=staff, refs=[("feedback", with_address.pk), ("feedback", without.pk)], action=action
    )
    OutboxMessage.objects.all().delete()  # the thank-you messages of intake
    event = record_event(
        kind=TrailEvent.Kind.ACTION_STATUS,
        by=staff,
        action=action,
        status="done",
        texts={"fi": "Takaisinsoitto on käytössä.", "sv": "Återuppringning används nu."},
    )
    assert event.givers_told == 2  # both see it on the status page
    (message,) = OutboxMessage.objects.all()
    assert message.recipient == "antaja@example.org"
    assert "Återuppringning används nu." in message.body
    assert "Takaisinsoitto" not in message.body
