"""Workshop notes and project outcomes are inputs of the trail: linked only where the linker may
see them, excerpts without personal data, and the group is told by e-mail."""

import pytest

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.models import Project
from osallisuus.codevelopment.services import add_note
from osallisuus.codevelopment.tests.factories import project_with_workshop
from osallisuus.notifications.models import OutboxMessage
from osallisuus.trail.actions.services import ActionError, change_action_status, create_action
from osallisuus.trail.kinds import input_kind

pytestmark = pytest.mark.django_db


def note_on(setup, text="Ajanvaraus puhelimella kestää liian kauan"):
    column = setup.workshop.columns.first()
    return add_note(workshop=setup.workshop, by=setup.client, column=column, text=text)


def test_staff_link_a_workshop_note_and_the_group_is_told_when_done(unit):
    setup = project_with_workshop(unit)
    setup.client.email = "asiantuntija@example.org"
    setup.client.save()
    note = note_on(setup)
    staff = setup.facilitator
    action = create_action(
        by=staff,
        title_fi="Chat-ajanvaraus",
        owner=staff,
        unit=unit,
        inputs=[("workshop_note", note.pk)],
    )
    OutboxMessage.objects.all().delete()
    event = change_action_status(
        action=action, by=staff, status="done", texts={"fi": "Chat-ajanvaraus on avattu."}
    )
    assert event.givers_told == 1
    recipients = set(OutboxMessage.objects.values_list("recipient", flat=True))
    assert "asiantuntija@example.org" in recipients
    assert any("Chat-ajanvaraus on avattu." in m.body for m in OutboxMessage.objects.all())


def test_a_note_of_another_units_project_is_an_unknown_input(unit, other_unit):
    note = note_on(project_with_workshop(other_unit))
    stranger = user_with_role("staff", unit=unit)
    with pytest.raises(ActionError):
        create_action(
            by=stranger,
            title_fi="X",
            owner=stranger,
            unit=unit,
            inputs=[("workshop_note", note.pk)],
        )


def test_a_group_without_addresses_has_no_one_to_tell(unit):
    setup = project_with_workshop(unit)
    for member in setup.project.members.select_related("user"):
        member.user.email = ""
        member.user.save()
    note = note_on(setup)
    assert input_kind("workshop_note").tell_giver(note.pk, {"fi": "Valmis."}) is False


def test_project_outcome_is_one_input_once_written_and_its_excerpt_is_redacted(unit):
    setup = project_with_workshop(unit)
    kind = input_kind("project_outcome")
    staff = setup.facilitator
    assert kind.items([setup.project.pk], staff) == []
    Project.objects.filter(pk=setup.project.pk).update(
        trial_results="Kokeilu onnistui, soita 040 1234567 lisätietoja varten."
    )
    (item,) = kind.items([setup.project.pk], staff)
    assert "Kokeilu onnistui" in item.excerpt and "040 1234567" not in item.excerpt
    assert kind.items([setup.project.pk], user_with_role("staff")) == []
