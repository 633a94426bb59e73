"""The demo pool loads quickly on top of the demo county."""

import io

import pytest
from django.core.management import call_command

from osallisuus.experts.models import ExpertProfile, ExpertRequest, FeeTable
from osallisuus.experts.selectors import candidates_for

pytestmark = pytest.mark.django_db


def test_the_demo_pool_has_experts_fee_tables_and_a_request_with_candidates(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    assert ExpertProfile.objects.get(user__username="kokemus").experience_areas.exists()
    assert FeeTable.objects.values("valid_from__year").distinct().count() == 2
    # The pool's own demo request (the observation demo adds a quality monitor's request too).
    request = ExpertRequest.objects.get(topic="Perhekeskuksen kehittäjäkahvila")
    assert candidates_for(request)[0].suitable
