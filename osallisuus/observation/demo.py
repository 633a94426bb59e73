"""Demo data: the demo expert is a quality monitor on a signed, started assignment; the
coordinator's template "Asiakkaan polku" (version 2); a reported visit to the unit manager's
unit with three findings, one of them answered with reasons (shown on the unit's public page),
and a planned follow-up visit."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.utils import timezone

from osallisuus.accounts.selectors import units_handled_by
from osallisuus.experts import services as experts
from osallisuus.experts.selectors import profile_of

from . import services
from .models import Category, Visit

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


def _quality_monitor(user: User, coordinator: User, unit: object) -> None:
    profile = profile_of(user) or experts.apply_to_pool(
        user=user, data=experts.ProfileData(languages=["fi"], roles=["expert"], consent=True)
    )
    if profile.status != "active":
        experts.approve_applicant(profile=profile, by=coordinator)
    request = experts.file_request(
        by=coordinator,
        areas=[],
        topic="Laadunvalvonta: asiakkaan polku",
        assignment_type="quality_monitor",
        language="fi",
        starts_at=timezone.now(),
        mode="onsite",
        duration_hours=Decimal("3.0"),
        role="expert",
        people_needed=1,
        unit=unit,
    )
    invitations = experts.invite(request=request, profiles=[profile], by=coordinator)
    if not invitations:
        return
    assignment = experts.answer_invitation(invitation=invitations[0], accept=True)
    if assignment is None:
        return
    contract = experts.current_contract(assignment)
    if contract is None:
        return
    experts.sign_contract(contract=contract, by=user)
    experts.sign_contract(contract=contract, by=coordinator)
    experts.start_assignment(assignment=assignment, by=coordinator)


def seed_demo_data() -> None:
    if Visit.objects.exists():
        return
    users = get_user_model().objects
    expert = users.filter(username="kokemus").first()
    coordinator = users.filter(username="koordinaattori").first()
    manager = users.filter(username="esihenkilo").first()
    if expert is None or coordinator is None or manager is None:
        return
    unit = units_handled_by(manager).order_by("pk").first()
    if unit is None:
        return
    _quality_monitor(expert, coordinator, unit)
    first = services.create_template(
        by=coordinator,
        name="Asiakkaan polku",
        categories=Category.values,
        guidance="Kulje asiakkaan reitti ovelta vastaanotolle ja takaisin.",
    )
    template = services.revise_template(
        by=coordinator,
        template=first,
        categories=Category.values,
        guidance=(
            "Kulje asiakkaan reitti ovelta vastaanotolle ja takaisin. Kokeile myös "
            "ajanvarausta verkossa ruudunlukijalla."
        ),
    )
    day = timezone.localdate() - datetime.timedelta(days=14)
    visit = services.plan_visit(
        by=coordinator, unit=unit, visit_date=day, template=template, observers=[expert]
    )
    findings = [
        services.add_finding(
            by=expert,
            visit=visit,
            data=services.FindingInput(
                category=category, severity=severity, description=text, recommendation=advice
            ),
        )
        for category, severity, text, advice in (
            (
                "arriving",
                "needs_improving",
                "Pääovelta ei näe, mihin suuntaan vastaanotto on. Opasteet ovat vain sisällä.",
                "Opaste ulko-ovelle ja lattiaan ohjaava raita.",
            ),
            (
                "privacy",
                "act_now",
                "Ilmoittautumisluukulla asiakkaan asia kuului koko odotustilaan.",
                "Ilmoittautuminen erilliseen tilaan tai ääntä vaimentava seinäke.",
            ),
            (
                "being_met",
                "observation",
                "Henkilökunta tervehti jokaista tulijaa ja kertoi arvioidun odotusajan.",
                "",
            ),
        )
    ]
    services.send_report(by=expert, visit=visit)
    services.answer_finding(
        by=manager,
        finding=findings[2],
        answer="reasons",
        reasons="Hyvä käytäntö jatkuu sellaisenaan: kiitos havainnosta.",
    )
    services.plan_visit(
        by=coordinator,
        unit=unit,
        visit_date=timezone.localdate() + datetime.timedelta(days=60),
        template=template,
        observers=[expert],
        follow_up_of=visit,
    )
