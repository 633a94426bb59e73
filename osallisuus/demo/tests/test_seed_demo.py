"""The demo county is built once, with about 40 units and one user per role."""

import io

import pytest
from django.core.management import CommandError, call_command

from osallisuus.accounts.models import Role, User
from osallisuus.organisation.models import Producer, Unit

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_county_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    units = Unit.objects.count()
    assert 38 <= units <= 45
    assert set(Producer.objects.values_list("kind", flat=True)) == {"county", "company", "ngo"}
    assert Unit.objects.exclude(name_sv="").count() == units
    out = io.StringIO()
    call_command("seed_demo", "--print-users", stdout=out)
    assert "already loaded" in out.getvalue()
    assert Unit.objects.count() == units
    for role in Role.values:
        assert User.objects.filter(role_assignments__role=role).exists(), role
    assert "koordinaattori" in out.getvalue()


def test_seed_demo_refuses_to_create_fictional_users_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def test_the_demo_county_has_its_committee_and_board_each_with_a_decision_maker(settings):
    from osallisuus.demo.county import build_decision_bodies
    from osallisuus.organisation.models import DecisionBody, Organiser

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    build_decision_bodies(Organiser.objects.get())
    bodies = DecisionBody.objects.order_by("name_fi")
    assert [body.name_fi for body in bodies] == ["Aluehallitus", "Sosiaali- ja terveyslautakunta"]
    for body in bodies:
        [member] = body.members.all()
        assert member.role_assignments.filter(role=Role.DECISION_MAKER).exists()


def test_the_demo_trail_runs_from_a_rising_theme_to_a_decision_its_givers_can_read(
    settings, client
):
    """#15 item 13: a new user sees the whole trail in the demo county."""
    from osallisuus.feedback.models import Feedback
    from osallisuus.trail.models import Action, Decision, InputLink, Matter

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    from osallisuus.trail.demo import ACTION_TITLE

    action = Action.objects.get(title_fi=ACTION_TITLE, status="done")
    linked = InputLink.objects.filter(action=action, kind="feedback")
    assert linked.count() >= 10
    decision = Decision.objects.get()
    assert decision.matter.carrier.username == "esihenkilo"
    assert decision.matter.target_body.name_fi == "Sosiaali- ja terveyslautakunta"
    assert decision.outcome == "changed" and decision.reasons
    assert decision.matter.events.get(kind="decision").givers_told == linked.count()
    undecided = Matter.objects.filter(decision__isnull=True)
    # One flagged on the regional board, one follow-up waiting in the committee's briefing,
    # and the committee's matter the demo disability council is asked a statement on.
    assert sorted(m.target_body.name_fi for m in undecided) == [
        "Aluehallitus",
        "Sosiaali- ja terveyslautakunta",
        "Sosiaali- ja terveyslautakunta",
    ]

    giver = Feedback.objects.get(pk=linked.first().object_id)
    status = client.get(f"/api/v1/feedback/status/{giver.reply_code}/").json()
    kinds = [outcome["kind"] for outcome in status["outcomes"]]
    assert kinds[0] == "action" and kinds[-1] == "decision"
    assert status["outcomes"][-1]["reasons"] == decision.reasons
