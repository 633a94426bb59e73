"""The demo county has a client panel with members and meetings."""

import io

import pytest
from django.core.management import call_command

from osallisuus.dialogue.models import Group, GroupKind

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_county_client_panel_with_members_and_meetings(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    panel = Group.objects.get(kind=GroupKind.CLIENT_PANEL)
    assert panel.members.count() == 5
    assert panel.members.filter(user__username="asukas").exists()
    assert panel.meetings.filter(minutes_approved_at__isnull=False).count() == 1
    assert panel.questions.get().meeting is not None
    # The member under 18 is not named publicly.
    assert not panel.members.get(name="Nea Nuori").publish_name
