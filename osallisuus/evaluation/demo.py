"""Demo data: the demo expert ("kokemus") is an evaluator on a signed, started assignment; the
demo project "Ajanvaraus sujuvaksi" has its trial evaluated by the expert and the nurse
("hoitaja") against two criteria, and the coordinator has recorded the joint meeting's
conclusion, so the report can be linked to the project's decision."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.utils import timezone

from osallisuus.codevelopment.selectors import projects_for
from osallisuus.experts import services as experts
from osallisuus.experts.selectors import profile_of

from . import services
from .models import Evaluation

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

CRITERIA = (
    "Asiakas sai ajan viikon sisällä\n"
    "Chatin ohjeet olivat selkeät myös ilman aiempaa kokemusta\n"
    "Puhelinjonot lyhenivät"
)
ASSESSMENTS = {
    "kokemus": [
        (4, "Aika löytyi chatissa parissa minuutissa."),
        (3, "Ensimmäinen kerta vaati apua, sitten sujui."),
        (4, "Takaisinsoittoa ei tarvinnut odottaa."),
    ],
    "hoitaja": [
        (5, "Kiireettömät ajat järjestyivät viikossa."),
        (3, "Iäkkäät asiakkaat kysyivät ohjeista usein."),
        (4, "Puheluita tuli aamuisin vähemmän."),
    ],
}


def _evaluator(user: User, coordinator: User) -> None:
    """A signed, started evaluator assignment for the demo expert."""
    profile = profile_of(user)
    if profile is None:
        return
    if profile.status != "active":
        experts.approve_applicant(profile=profile, by=coordinator)
    request = experts.file_request(
        by=coordinator,
        areas=[],
        topic="Arvioija: ajanvarauksen kokeilu",
        assignment_type="evaluator",
        language="fi",
        starts_at=timezone.now(),
        mode="remote",
        duration_hours=Decimal("2.0"),
        role="expert",
        people_needed=1,
    )
    invited = experts.invite(request=request, profiles=[profile], by=coordinator)
    assignment = invited and experts.answer_invitation(invitation=invited[0], accept=True)
    contract = assignment and experts.current_contract(assignment)
    if not assignment or not contract:
        return
    for signer in (user, coordinator):
        experts.sign_contract(contract=contract, by=signer)
    experts.start_assignment(assignment=assignment, by=coordinator)


def seed_demo_data() -> None:
    if Evaluation.objects.exists():
        return
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["kokemus", "hoitaja", "koordinaattori"]
        )
    }
    if len(users) < 3:
        return
    coordinator = users["koordinaattori"]
    project = projects_for(coordinator).filter(title="Ajanvaraus sujuvaksi").first()
    if project is None:
        return
    _evaluator(users["kokemus"], coordinator)
    evaluation = services.set_up(
        by=coordinator,
        title="Chat-ajanvarauksen kokeilun arviointi",
        project=project,
        criteria=CRITERIA,
        evaluators=[users["kokemus"], users["hoitaja"]],
    )
    criteria = list(evaluation.criteria.all())
    for username, answers in ASSESSMENTS.items():
        services.assess(
            by=users[username],
            evaluation=evaluation,
            answers={c.pk: answer for c, answer in zip(criteria, answers, strict=True)},
        )
    services.conclude(
        by=coordinator,
        evaluation=evaluation,
        conclusion=(
            "Kokeilu toimi: ajat järjestyivät nopeammin ja puhelinjonot lyhenivät. "
            "Ohjeita selkeytetään iäkkäille asiakkaille ennen kuin chat otetaan käyttöön "
            "kaikilla terveysasemilla."
        ),
        meeting_date=timezone.localdate() - datetime.timedelta(days=3),
    )
