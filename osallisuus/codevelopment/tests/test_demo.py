"""The demo county gets one co-development project with a workshop and a board with notes."""

import io

import pytest
from django.core.management import call_command

from osallisuus.codevelopment.models import Note, Project

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_project_with_a_workshop_and_notes_on_its_board(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    project = Project.objects.get()
    assert project.workshops.count() == 1
    assert Note.objects.filter(workshop__project=project).count() == 3
    assert project.members.count() == 4
