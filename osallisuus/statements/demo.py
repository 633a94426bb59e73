"""Demo data: the unit manager asks the demo county's disability council for a statement on
an undecided matter carried to the social and health committee, and the council for older
people's statement on the same matter is overdue (the committee's briefing shows it)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from osallisuus.accounts.selectors import units_handled_by
from osallisuus.dialogue.selectors import public_groups
from osallisuus.trail.matters.selectors import decision_bodies
from osallisuus.trail.matters.services import create_matter

from . import services
from .models import StatementRequest


def seed_demo_data() -> None:
    if StatementRequest.objects.exists():
        return
    manager = get_user_model().objects.filter(username="esihenkilo").first()
    council = public_groups(kind="disability_council").first()
    older = public_groups(kind="older_people_council").first()
    committee = decision_bodies().filter(kind="committee").order_by("pk").first()
    if manager is None or council is None or committee is None:
        return
    unit = units_handled_by(manager).first()
    matter = create_matter(
        by=manager,
        title="Kuljetuspalvelun myöntämisperusteet",
        summary=(
            "Sosiaalihuoltolain mukaisen kuljetuspalvelun myöntämisperusteet yhtenäistetään koko "
            "hyvinvointialueella. Asia valmistellaan lautakunnalle."
        ),
        carrier=manager,
        target_body=committee,
        unit=unit,
    )
    today = timezone.localdate()
    services.request_statement(
        by=manager,
        matter=matter,
        group=council,
        question=(
            "Miten yhtenäiset myöntämisperusteet vaikuttavat vammaisten asiakkaiden "
            "mahdollisuuksiin asioida ja osallistua? Mitä neuvosto pitää tärkeimpänä?"
        ),
        due_on=today + datetime.timedelta(days=21),
    )
    if older is not None:
        overdue = services.request_statement(
            by=manager,
            matter=matter,
            group=older,
            question="Miten perusteet vaikuttavat ikääntyneiden asiointimatkoihin?",
            due_on=today,
        )
        StatementRequest.objects.filter(pk=overdue.pk).update(
            due_on=today - datetime.timedelta(days=5)
        )
