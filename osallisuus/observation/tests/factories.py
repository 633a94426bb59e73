"""Test data for observation visits: a quality monitor on a started assignment, a template,
a visit with findings."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.experts import services as experts
from osallisuus.experts.selectors import profile_of
from osallisuus.experts.tests.factories import make_profile, make_request
from osallisuus.observation import services
from osallisuus.observation.models import Category, Visit, VisitTemplate

# A valid Finnish personal identity code (checksum right): refused in any finding.
HETU = "131052-308T"
VISIT_DAY = datetime.date(2026, 11, 2)


def quality_monitor(*, unit: Any, user: Any = None) -> Any:
    """An expert (user) on a started quality-monitor assignment: invited, accepted, both signed."""
    user = user or user_with_role("expert")
    profile = profile_of(user) or make_profile(user=user)
    coordinator = user_with_role("coordinator")
    request = make_request(assignment_type="quality_monitor", unit=unit, starts_at=timezone.now())
    invitation = experts.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = experts.answer_invitation(invitation=invitation, accept=True)
    assert assignment is not None
    contract = experts.current_contract(assignment)
    assert contract is not None
    experts.sign_contract(contract=contract, by=user)
    experts.sign_contract(contract=contract, by=coordinator)
    experts.start_assignment(assignment=assignment, by=coordinator)
    return user


def template(*, by: Any = None, name: str = "Asiakkaan polku") -> VisitTemplate:
    """The newest version of the template of this name, made when there is none."""
    existing = VisitTemplate.objects.filter(name=name).order_by("-version").first()
    if existing is not None:
        return existing
    return services.create_template(
        by=by or user_with_role("coordinator"),
        name=name,
        categories=Category.values,
        guidance="Katso opasteita ja odotusaikaa.",
    )


def visit(*, unit: Any, observer: Any = None, coordinator: Any = None, **fields: Any) -> Visit:
    """A planned visit to `unit` made by `observer` (a new quality monitor when not given)."""
    coordinator = coordinator or user_with_role("coordinator")
    return services.plan_visit(
        by=coordinator,
        unit=unit,
        visit_date=fields.pop("visit_date", VISIT_DAY),
        template=fields.pop("template", None) or template(by=coordinator),
        observers=[observer or quality_monitor(unit=unit)],
        **fields,
    )


def finding(visit: Visit, *, by: Any = None, **fields: Any) -> Any:
    data = {
        "category": Category.WAITING,
        "severity": "needs_improving",
        "description": "Odotustilan vuoronumeronäyttö ei näy pyörätuolista.",
        "recommendation": "Lisätään toinen näyttö matalalle.",
        **fields,
    }
    return services.add_finding(
        by=by or visit.observers.first(), visit=visit, data=services.FindingInput(**data)
    )
